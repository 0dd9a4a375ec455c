/**
 * The relocation scenarios of the open project: the stored document (scenarios and the active
 * one), the last result from the relocation worker, runs with progress and cancel, and the
 * planner's edits. A policy edit reruns after a short pause (the measured facts stay in the
 * worker, so only the assignment runs again); an override updates capacities, costs and
 * alerts at once without solving, and is fixed in every later run.
 */
import { proxy } from 'comlink';
import type { ExposureParams } from '../../core/exposure/analysis';
import type { LocalizedText } from '../../core/manifest';
import type { NewSite, RelocationFacts, RelocationResult, RelocationScenario, VillageOverride } from '../../core/relocation/analysis';
import { defaultPolicy, type RelocationPolicy } from '../../core/relocation/policy';
import type { DataClient } from '../../../workers/data.client';
import type { RelocationProgress } from '../../../workers/relocation.api';
import { createRelocationClient, type RelocationClient } from '../../../workers/relocation.client';

export const RELOCATION_DOCUMENT = 'relocation';

export interface RelocationDocument {
  version: 1;
  scenarios: RelocationScenario[];
  activeId: string;
}

export interface RelocationView {
  loaded: boolean;
  doc: RelocationDocument | null;
  facts: RelocationFacts | null;
  result: RelocationResult | null;
  warnings: LocalizedText[];
  problems: LocalizedText[];
  running: boolean;
  progress: RelocationProgress | null;
  error: string | null;
  /** Village index in focus (table row or map click), -1 none. */
  selected: number;
  /** Milliseconds from the last edit to its result. */
  lastLatencyMs: number | null;
}

export interface RelocationWorker {
  client: Pick<RelocationClient, 'run' | 'invalidate' | 'warm'>;
  terminate(): void;
}

export interface RelocationStoreDeps {
  client: Pick<DataClient, 'serve' | 'getDocument' | 'putDocument'>;
  /** The hazard register's buffers, so hazards hit villages exactly as the register says. */
  hazardParams: () => ExposureParams;
  /** The suitability analysis's candidate regions offered as new sites (none by default). */
  newSites?: () => NewSite[];
  createWorker?: () => RelocationWorker;
  /** Pause after an edit before rerunning, ms (default 300). */
  debounceMs?: number;
}

export function defaultScenario(id = 's1', name = '方案一'): RelocationScenario {
  return { id, name, policy: defaultPolicy(), capacities: {}, overrides: {} };
}

/** Sets a value at a dotted path (`cost.constructionPerM2.new_site`) in a copy of the policy. */
export function setPolicyValue(policy: RelocationPolicy, path: string, value: unknown): RelocationPolicy {
  const copy = structuredClone(policy);
  const keys = path.split('.');
  let target = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof target[k] !== 'object' || target[k] === null) throw new Error(`No policy field "${path}".`);
    target = target[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!(last in target)) throw new Error(`No policy field "${path}".`);
  target[last] = value;
  return copy;
}

export class RelocationStore {
  private view: RelocationView = { loaded: false, doc: null, facts: null, result: null, warnings: [], problems: [], running: false, progress: null, error: null, selected: -1, lastLatencyMs: null };
  private readonly listeners = new Set<() => void>();
  private worker: RelocationWorker | null = null;
  private factsKey: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private runSeq = 0;
  private editedAt = 0;
  private readonly deps: RelocationStoreDeps;

  constructor(deps: RelocationStoreDeps) {
    this.deps = deps;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.view;

  private set(patch: Partial<RelocationView>) {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  private get client() {
    this.worker ??= this.deps.createWorker?.() ?? createRelocationClient(this.deps.client);
    return this.worker.client;
  }

  async load(): Promise<void> {
    const stored = (await this.deps.client.getDocument(RELOCATION_DOCUMENT)) as RelocationDocument | null;
    const doc: RelocationDocument = stored?.version === 1 && stored.scenarios.length > 0 ? stored : { version: 1, scenarios: [defaultScenario()], activeId: 's1' };
    // Policies saved by an older version get the fields added since, at their defaults.
    const base = defaultPolicy();
    const fill = (p: RelocationPolicy): RelocationPolicy => ({ rules: { ...base.rules, ...p.rules }, cost: { ...base.cost, ...p.cost }, assignment: { ...base.assignment, ...p.assignment }, travel: { ...base.travel, ...p.travel } });
    this.set({ loaded: true, doc: { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, policy: fill(s.policy) })) } });
  }

  /** Starts the worker and HiGHS in the background (on hover of the button). */
  warm(): void {
    void this.client.warm();
  }

  get active(): RelocationScenario | null {
    const doc = this.view.doc;
    return doc?.scenarios.find((s) => s.id === doc.activeId) ?? null;
  }

  /** The project's layers changed: the worker measures again on the next run. */
  async layersChanged(): Promise<void> {
    if (!this.worker) return;
    this.factsKey = null;
    await this.client.invalidate();
    if (this.view.result) this.schedule();
  }

  /** Runs the active scenario now; a run in flight is cancelled first. */
  async run(keep?: Int32Array): Promise<void> {
    if (!this.view.loaded) await this.load();
    const scenario = this.active;
    if (!scenario) return;
    if (this.view.running) this.cancel();
    const seq = ++this.runSeq;
    this.set({ running: true, progress: null, error: null });
    try {
      const onProgress = proxy((p: RelocationProgress) => {
        if (seq === this.runSeq) this.set({ progress: p });
      });
      const outcome = await this.client.run(scenario, this.deps.hazardParams(), this.factsKey, onProgress, keep, this.deps.newSites?.() ?? []);
      if (seq !== this.runSeq) return;
      if (!outcome.ok) {
        this.set({ problems: outcome.problems, running: false, progress: null });
        return;
      }
      this.factsKey = outcome.factsKey;
      this.set({
        facts: outcome.facts ?? this.view.facts,
        result: outcome.result,
        warnings: outcome.warnings,
        problems: [],
        running: false,
        progress: null,
        lastLatencyMs: this.editedAt > 0 ? performance.now() - this.editedAt : null,
      });
    } catch (e) {
      if (seq === this.runSeq) this.set({ error: e instanceof Error ? e.message : String(e), running: false, progress: null });
    }
  }

  /** Stops the run in flight: the worker is terminated (HiGHS cannot be interrupted from outside) and a fresh one starts on the next run. */
  cancel(): void {
    if (!this.view.running) return;
    this.runSeq++;
    this.worker?.terminate();
    this.worker = null;
    this.factsKey = null;
    this.set({ running: false, progress: null });
  }

  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.deps.debounceMs ?? 300);
  }

  private update(doc: RelocationDocument, rerun: 'schedule' | 'none') {
    this.set({ doc });
    void this.deps.client.putDocument(RELOCATION_DOCUMENT, doc);
    if (rerun === 'schedule' && this.view.result) {
      this.editedAt = performance.now();
      this.schedule();
    }
  }

  private editActive(edit: (s: RelocationScenario) => RelocationScenario, rerun: 'schedule' | 'none' = 'schedule') {
    const doc = this.view.doc;
    const active = this.active;
    if (!doc || !active) return;
    this.update({ ...doc, scenarios: doc.scenarios.map((s) => (s.id === active.id ? edit(s) : s)) }, rerun);
  }

  /** Changes one policy value (dotted path) and reruns. */
  setPolicy(path: string, value: unknown): void {
    this.editActive((s) => ({ ...s, policy: setPolicyValue(s.policy, path, value) }));
  }

  setCapacity(destinationId: string, persons: number | null): void {
    this.editActive((s) => {
      const capacities = { ...s.capacities };
      if (persons === null) delete capacities[destinationId];
      else capacities[destinationId] = persons;
      return { ...s, capacities };
    });
  }

  /**
   * Overrides a village's status and/or destination (with the planner's note), or clears the
   * override with null. The result updates at once, keeping every other village where it is.
   */
  setOverride(villageId: string, override: VillageOverride | null): void {
    const facts = this.view.facts;
    const result = this.view.result;
    this.editActive((s) => {
      const overrides = { ...s.overrides };
      if (override) overrides[villageId] = override;
      else delete overrides[villageId];
      return { ...s, overrides };
    }, 'none');
    if (!facts || !result) return;
    this.editedAt = performance.now();
    // A status override changes who moves: that needs the solver; a destination does not.
    const statusChanged = override?.status !== undefined || !override;
    if (statusChanged) void this.run();
    else void this.run(Int32Array.from(result.villages, (v) => v.destination));
  }

  select(index: number): void {
    this.set({ selected: index });
  }

  selectScenario(id: string): void {
    const doc = this.view.doc;
    if (!doc?.scenarios.some((s) => s.id === id)) return;
    this.update({ ...doc, activeId: id }, 'none');
    this.set({ result: null, selected: -1 });
    void this.run();
  }

  /** Adds a copy of the active scenario under a new name and makes it active. */
  duplicateScenario(name: string): void {
    const doc = this.view.doc;
    const active = this.active;
    if (!doc || !active) return;
    let n = doc.scenarios.length + 1;
    while (doc.scenarios.some((s) => s.id === `s${n}`)) n++;
    const copy: RelocationScenario = { ...structuredClone(active), id: `s${n}`, name };
    this.update({ ...doc, scenarios: [...doc.scenarios, copy], activeId: copy.id }, 'none');
  }

  renameScenario(name: string): void {
    this.editActive((s) => ({ ...s, name }), 'none');
  }

  /** Deletes the active scenario (the last one stays). */
  deleteScenario(): void {
    const doc = this.view.doc;
    if (!doc || doc.scenarios.length <= 1) return;
    const scenarios = doc.scenarios.filter((s) => s.id !== doc.activeId);
    this.update({ ...doc, scenarios, activeId: scenarios[0].id }, 'none');
    this.set({ result: null, selected: -1 });
    void this.run();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }
}
