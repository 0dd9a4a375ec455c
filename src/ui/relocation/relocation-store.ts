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
import { failure, message, type Message, type Outcome } from '../../core/messages';
import type { DrawnSite, RelocationFacts, RelocationResult, RelocationScenario, ScenarioRegion, VillageOverride } from '../../core/relocation/analysis';
import { canonicalJson, scenarioInputs } from '../../core/relocation/fingerprint';
import { defaultPolicy, type RelocationPolicy } from '../../core/relocation/policy';
import { newDrawnSite } from '../../core/relocation/sites';
import { RELOCATION_DOCUMENT } from '../../core/documents/registry';
import { documentMessage } from '../../core/documents/messages';
import type { DataClient } from '../../../workers/data.client';
import type { RelocationOutcome, RelocationProgress } from '../../../workers/relocation.api';
import { createRelocationClient, type RelocationClient } from '../../../workers/relocation.client';
import { startRun, type Run, type RunFailure } from '../runs/run';

export { RELOCATION_DOCUMENT };

/** What is saved with the project (its versions: src/core/documents/relocation.document.ts). */
export interface RelocationDocument {
  scenarios: RelocationScenario[];
  activeId: string;
  /** The unit named on the briefing's cover (编制单位); a default from the county when absent. */
  author?: string;
}

export interface RelocationView {
  loaded: boolean;
  doc: RelocationDocument | null;
  facts: RelocationFacts | null;
  result: RelocationResult | null;
  warnings: LocalizedText[];
  problems: LocalizedText[];
  running: boolean;
  /** The run under way (its progress re-renders only the bar), null when none is. */
  activeRun: Run<unknown, RelocationProgress> | null;
  error: RunFailure | null;
  /** Why the last policy edit was not made, until the next one succeeds. */
  policyError: Message | null;
  /** Why the last sign-off or region request was refused, until the next succeeds. */
  signOffError: Message | null;
  /** Why the stored scenarios are not read or written (newer Anju, damaged): shown until a save succeeds. */
  documentProblem: Message | null;
  /** Village index in focus (table row or map click), -1 none. */
  selected: number;
  /** Milliseconds from the last edit to its result. */
  lastLatencyMs: number | null;
  /** The last deleted scenario, until undone or another is deleted. */
  deleted: { scenario: RelocationScenario; index: number } | null;
  /** Whether the active scenario's drawn sites have edits to undo / redo. */
  canUndo: boolean;
  canRedo: boolean;
  /** Scenarios being compared (2–4 ids) and their results, computed in turn. */
  comparison: Comparison | null;
}

export interface ScenarioRun {
  facts: RelocationFacts;
  result: RelocationResult;
}

export interface Comparison {
  ids: string[];
  runs: Record<string, ScenarioRun>;
  /** Ids still computing. */
  pending: string[];
  problems: LocalizedText[];
  elapsedMs: number | null;
}

export interface RelocationWorker {
  client: Pick<RelocationClient, 'run' | 'invalidate' | 'warm'>;
  terminate(): void;
}

export interface RelocationStoreDeps {
  client: Pick<DataClient, 'serve' | 'getDocument' | 'putDocument'>;
  /** The hazard register's buffers, so hazards hit villages exactly as the register says. */
  hazardParams: () => ExposureParams;
  createWorker?: () => RelocationWorker;
  /** Pause after an edit before rerunning, ms (default 300). */
  debounceMs?: number;
}

export function defaultScenario(id = 's1', name = '方案一'): RelocationScenario {
  return { id, name, policy: defaultPolicy(), capacities: {}, overrides: {} };
}

/**
 * Sets a value at a dotted path (`cost.constructionPerM2.new_site`) in a copy of the policy.
 * A path the policy lacks is a message, not an exception: a scenario stored by another version
 * of Anju may miss a field that this version's controls edit.
 */
export function setPolicyValue(policy: RelocationPolicy, path: string, value: unknown): Outcome<RelocationPolicy> {
  const copy = structuredClone(policy);
  const keys = path.split('.');
  let target = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof target[k] !== 'object' || target[k] === null) return failure('relocation.no-policy-field', { path });
    target = target[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!(last in target)) return failure('relocation.no-policy-field', { path });
  target[last] = value;
  return { ok: true, value: copy };
}

export class RelocationStore {
  private view: RelocationView = { loaded: false, doc: null, facts: null, result: null, warnings: [], problems: [], running: false, activeRun: null, error: null, policyError: null, signOffError: null, documentProblem: null, selected: -1, lastLatencyMs: null, deleted: null, canUndo: false, canRedo: false, comparison: null };
  /**
   * Results by scenario, with the scenario and new sites they were computed from: a scenario
   * switched back to, or compared, shows at once when nothing it depends on changed. Results
   * are never the only copy of anything: they recompute from the scenario.
   */
  private readonly runs = new Map<string, { input: string; factsKey: string; run: ScenarioRun }>();
  /** Undo and redo of the drawn sites, per scenario (this session only). */
  private readonly siteHistory = new Map<string, { undo: DrawnSite[][]; redo: DrawnSite[][] }>();
  private compareSeq = 0;
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
    // The data worker migrates older documents; one it cannot read stays stored as it is and is reported.
    const read = await this.deps.client.getDocument(RELOCATION_DOCUMENT);
    const stored = read.ok ? (read.value as RelocationDocument | null) : null;
    const doc: RelocationDocument = stored && stored.scenarios.length > 0 ? stored : { scenarios: [defaultScenario()], activeId: 's1' };
    // Policies saved by an older version get the fields added since, at their defaults.
    const base = defaultPolicy();
    const fill = (p: RelocationPolicy): RelocationPolicy => ({ rules: { ...base.rules, ...p.rules }, cost: { ...base.cost, ...p.cost }, assignment: { ...base.assignment, ...p.assignment }, travel: { ...base.travel, ...p.travel } });
    this.set({ loaded: true, doc: { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, policy: fill(s.policy) })) }, documentProblem: read.ok ? null : documentMessage(read.error) });
  }

  /** Starts the worker and HiGHS in the background (on hover of the button). */
  warm(): void {
    void this.client.warm();
  }

  get active(): RelocationScenario | null {
    const doc = this.view.doc;
    return doc?.scenarios.find((s) => s.id === doc.activeId) ?? null;
  }

  /**
   * The project's layers changed: kept results are dropped, a run in flight is abandoned, and
   * the worker measures again (the open comparison too).
   */
  async layersChanged(): Promise<void> {
    this.runs.clear();
    this.factsKey = null;
    if (!this.worker) return;
    if (this.view.running) this.cancel();
    else await this.client.invalidate();
    if (this.view.result) this.schedule();
    const c = this.view.comparison;
    if (c) void this.compare(c.ids);
  }

  /** Runs the active scenario now; a run in flight is cancelled first. */
  async run(keep?: Int32Array): Promise<void> {
    if (!this.view.loaded) await this.load();
    const scenario = this.active;
    if (!scenario) return;
    if (this.view.running) this.cancel();
    const seq = ++this.runSeq;
    const client = this.client;
    const worker = this.worker!;
    const hazards = this.deps.hazardParams();
    // HiGHS blocks while it solves: cancelling terminates the worker (cancel() says the rest).
    const run = startRun<RelocationOutcome, RelocationProgress>('relocation', (ctx) => client.run(scenario, hazards, this.factsKey, proxy(ctx.progress), keep), {
      terminate: () => {
        worker.terminate();
        if (this.worker === worker) this.worker = null;
      },
    });
    this.set({ running: true, activeRun: run, error: null });
    const settled = await run.result;
    // A cancelled run was replaced or cleared by cancel() already.
    if (seq !== this.runSeq || 'cancelled' in settled) return;
    if (!settled.ok) {
      this.set({ error: settled.failure, running: false, activeRun: null });
      return;
    }
    const outcome = settled.value;
    if (!outcome.ok) {
      this.set({ problems: outcome.problems, running: false, activeRun: null });
      return;
    }
    // `factsKey` always names the facts on view (the worker sends facts only when they differ).
    this.factsKey = outcome.factsKey;
    const facts = outcome.facts ?? this.view.facts;
    const c = this.view.comparison;
    if (facts) {
      const run = { facts, result: outcome.result };
      this.runs.set(scenario.id, { input: this.inputKey(scenario), factsKey: outcome.factsKey, run });
      // A compared scenario edited while compared shows its new figures there too.
      if (c?.ids.includes(scenario.id)) this.set({ comparison: { ...c, runs: { ...c.runs, [scenario.id]: run } } });
    }
    this.set({
      facts,
      result: outcome.result,
      warnings: outcome.warnings,
      problems: [],
      running: false,
      activeRun: null,
      lastLatencyMs: this.editedAt > 0 ? performance.now() - this.editedAt : null,
    });
  }

  /**
   * Stops the run in flight: the worker is terminated (HiGHS cannot be interrupted from outside)
   * and a fresh one starts on the next run. A comparison still computing starts again in it.
   */
  cancel(): void {
    if (!this.view.running) return;
    this.runSeq++;
    this.view.activeRun?.cancel();
    this.factsKey = null;
    this.set({ running: false, activeRun: null });
    const c = this.view.comparison;
    if (c && c.pending.length > 0) void this.compare(c.ids);
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
    void this.deps.client.putDocument(RELOCATION_DOCUMENT, doc).then((saved) => {
      this.set({ documentProblem: saved.ok ? null : documentMessage(saved.error) });
    });
    if (rerun === 'schedule' && this.view.result) {
      this.editedAt = performance.now();
      this.schedule();
    }
  }

  /** Edits the active scenario; an edit to what decides its answer clears its sign-off. */
  private editActive(edit: (s: RelocationScenario) => RelocationScenario, rerun: 'schedule' | 'none' = 'schedule') {
    const doc = this.view.doc;
    const active = this.active;
    if (!doc || !active) return;
    let next = edit(active);
    if (next.signOff && canonicalJson(scenarioInputs(next)) !== canonicalJson(scenarioInputs(active))) {
      const { signOff: _cleared, ...rest } = next;
      next = rest;
    }
    this.update({ ...doc, scenarios: doc.scenarios.map((s) => (s.id === active.id ? next : s)) }, rerun);
  }

  /** Changes one policy value (dotted path) and reruns; says so when the policy has no such value. */
  setPolicy(path: string, value: unknown): void {
    const active = this.active;
    if (!active) return;
    const set = setPolicyValue(active.policy, path, value);
    if (!set.ok) return this.set({ policyError: set.error });
    if (this.view.policyError) this.set({ policyError: null });
    this.editActive((s) => ({ ...s, policy: set.value }));
  }

  /** Sets a destination's capacity in this scenario (null: the layer's again); a negative or non-number is refused with a message. */
  setCapacity(destinationId: string, persons: number | null): void {
    if (persons !== null && !(Number.isFinite(persons) && persons >= 0)) {
      const name = this.view.facts?.destinations.find((d) => d.id === destinationId)?.name ?? destinationId;
      return this.set({ policyError: message('relocation.bad-capacity', { name, value: String(persons) }) });
    }
    if (this.view.policyError) this.set({ policyError: null });
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
    // A status override changes who moves: that needs the solver. A destination shows at once
    // with every other village kept where it was; the full solve follows, so the answer on
    // view is the one a fresh run of the saved scenario gives (the kept one may not be).
    const statusChanged = override?.status !== undefined || !override;
    if (statusChanged) void this.run();
    else void this.run(Int32Array.from(result.villages, (v) => v.destination)).then(() => this.run());
  }

  select(index: number): void {
    this.set({ selected: index });
  }

  /** What a scenario's result depends on besides the layers: the scenario and the hazard buffers. */
  private inputKey(scenario: RelocationScenario): string {
    return JSON.stringify([scenario, this.deps.hazardParams()]);
  }

  /** The kept result of a scenario when nothing it depends on changed since. */
  private cachedRun(scenario: RelocationScenario) {
    const kept = this.runs.get(scenario.id);
    return kept && kept.input === this.inputKey(scenario) ? kept : null;
  }

  selectScenario(id: string): void {
    const doc = this.view.doc;
    if (!doc?.scenarios.some((s) => s.id === id)) return;
    this.update({ ...doc, activeId: id }, 'none');
    const kept = this.cachedRun(this.active!);
    if (kept) this.factsKey = kept.factsKey;
    this.set({ result: kept?.run.result ?? null, facts: kept?.run.facts ?? this.view.facts, selected: -1, ...this.historyFlags() });
    // A kept result shows at once; otherwise the scenario runs.
    if (!kept) void this.run();
  }

  private nextId(doc: RelocationDocument): string {
    let n = doc.scenarios.length + 1;
    while (doc.scenarios.some((s) => s.id === `s${n}`)) n++;
    return `s${n}`;
  }

  private addScenario(scenario: RelocationScenario) {
    const doc = this.view.doc;
    if (!doc) return;
    this.update({ ...doc, scenarios: [...doc.scenarios, scenario], activeId: scenario.id }, 'none');
    this.set({ result: null, selected: -1, ...this.historyFlags() });
    void this.run();
  }

  /** Adds a copy of the active scenario under a new name and makes it active. */
  duplicateScenario(name: string): void {
    const doc = this.view.doc;
    const active = this.active;
    if (!doc || !active) return;
    this.addScenario({ ...structuredClone(active), id: this.nextId(doc), name });
  }

  /** Adds a scenario with the default assumptions (DOMAIN.md's policy, no sites, no overrides). */
  newScenario(name: string): void {
    const doc = this.view.doc;
    if (doc) this.addScenario(defaultScenario(this.nextId(doc), name));
  }

  renameScenario(name: string): void {
    this.editActive((s) => ({ ...s, name }), 'none');
  }

  describeScenario(description: string): void {
    this.editActive((s) => ({ ...s, description }), 'none');
  }

  /** Sets the unit named on the briefing's cover (empty for the default). */
  setAuthor(author: string): void {
    const doc = this.view.doc;
    if (doc) this.update({ ...doc, author: author.trim() || undefined }, 'none');
  }

  /** Sets the public budget cap (yuan; null for none): an alert, not a rule, so no rerun. */
  setBudget(budgetYuan: number | null): void {
    this.editActive((s) => ({ ...s, targets: { ...s.targets, budgetYuan } }), 'none');
  }

  /** Deletes the active scenario (the last one stays); `undoDelete` brings it back. */
  deleteScenario(): void {
    const doc = this.view.doc;
    const active = this.active;
    if (!doc || !active || doc.scenarios.length <= 1) return;
    const index = doc.scenarios.indexOf(active);
    const scenarios = doc.scenarios.filter((s) => s !== active);
    this.runs.delete(active.id);
    // Its id may be given to the next new scenario, which must not inherit its site history.
    this.siteHistory.delete(active.id);
    this.update({ ...doc, scenarios, activeId: scenarios[0].id }, 'none');
    this.set({ deleted: { scenario: active, index }, comparison: null });
    this.selectScenario(scenarios[0].id);
  }

  undoDelete(): void {
    const doc = this.view.doc;
    const deleted = this.view.deleted;
    if (!doc || !deleted) return;
    const scenarios = [...doc.scenarios];
    // Its id may have been given to a new scenario meanwhile.
    const scenario = doc.scenarios.some((s) => s.id === deleted.scenario.id) ? { ...deleted.scenario, id: this.nextId(doc) } : deleted.scenario;
    scenarios.splice(Math.min(deleted.index, scenarios.length), 0, scenario);
    this.update({ ...doc, scenarios }, 'none');
    this.set({ deleted: null });
    this.selectScenario(scenario.id);
  }

  dismissUndo(): void {
    this.set({ deleted: null });
  }

  // Drawn sites -------------------------------------------------------------------------------

  private historyFlags() {
    const h = this.active ? this.siteHistory.get(this.active.id) : undefined;
    return { canUndo: (h?.undo.length ?? 0) > 0, canRedo: (h?.redo.length ?? 0) > 0 };
  }

  /** Replaces the active scenario's drawn sites (recording the step for undo) and reruns. */
  private setSites(next: DrawnSite[], record: 'edit' | 'undo' | 'redo' = 'edit') {
    const active = this.active;
    if (!active) return;
    const h = this.siteHistory.get(active.id) ?? { undo: [], redo: [] };
    this.siteHistory.set(active.id, h);
    const before = active.sites ?? [];
    if (record === 'edit') {
      h.undo.push(before);
      h.redo = [];
    } else if (record === 'undo') h.redo.push(before);
    else h.undo.push(before);
    this.editActive((s) => ({ ...s, sites: next }), 'none');
    this.set(this.historyFlags());
    this.editedAt = performance.now();
    void this.run();
  }

  addSite(site: DrawnSite): void {
    this.setSites([...(this.active?.sites ?? []), site]);
  }

  /** Adds a site just drawn, with a fresh id, the name `nameFor(n)` (n-th of its kind) and its starting capacity or jobs. */
  addDrawnSite(kind: DrawnSite['kind'], geometry: DrawnSite['geometry'], nameFor: (n: number) => string): void {
    const active = this.active;
    if (!active) return;
    const n = (active.sites ?? []).filter((s) => s.kind === kind).length + 1;
    this.addSite(newDrawnSite(this.newSiteId(kind), nameFor(n), kind, geometry, active.policy.assignment.newSiteDensity));
  }

  updateSite(id: string, patch: Partial<Omit<DrawnSite, 'id'>>): void {
    this.setSites((this.active?.sites ?? []).map((s) => (s.id === id ? { ...s, ...patch } : s)));
  }

  deleteSite(id: string): void {
    this.setSites((this.active?.sites ?? []).filter((s) => s.id !== id));
  }

  undoSites(): void {
    const h = this.active && this.siteHistory.get(this.active.id);
    const previous = h?.undo.pop();
    if (previous) this.setSites(previous, 'undo');
  }

  redoSites(): void {
    const h = this.active && this.siteHistory.get(this.active.id);
    const next = h?.redo.pop();
    if (next) this.setSites(next, 'redo');
  }

  /** A fresh id for a site drawn in the active scenario. */
  newSiteId(kind: DrawnSite['kind']): string {
    const taken = new Set((this.view.doc?.scenarios ?? []).flatMap((s) => (s.sites ?? []).map((x) => x.id)));
    let n = 1;
    while (taken.has(`${kind === 'industry' ? 'ind' : 'site'}-${this.active?.id}-${n}`)) n++;
    return `${kind === 'industry' ? 'ind' : 'site'}-${this.active?.id}-${n}`;
  }

  // Suitability regions and sign-off ------------------------------------------------------------

  /**
   * Adds suitability candidate regions to the active scenario as new sites (a saved snapshot,
   * replacing any added before), or says why there are none to add.
   */
  setRegions(regions: ScenarioRegion[]): void {
    if (regions.length === 0) return this.set({ signOffError: message('relocation.regions-none', {}) });
    this.set({ signOffError: null });
    this.editActive((s) => ({ ...s, regions }), 'none');
    this.editedAt = performance.now();
    void this.run();
  }

  removeRegion(id: string): void {
    this.editActive((s) => ({ ...s, regions: (s.regions ?? []).filter((r) => r.id !== id) }), 'none');
    this.editedAt = performance.now();
    void this.run();
  }

  /**
   * Signs the active scenario's result off (定稿) in `by`'s name on `date` (yyyy-mm-dd), or
   * says why not: no result, an unfinished solve, or a red alert without a written reason.
   */
  signOff(by: string, date: string): Message | null {
    const result = this.view.result;
    const facts = this.view.facts;
    const refuse = (m: Message) => {
      this.set({ signOffError: m });
      return m;
    };
    if (!by.trim()) return refuse(message('relocation.signoff-no-name', {}));
    if (!result || !facts || this.view.running) return refuse(message('relocation.signoff-no-result', {}));
    if (result.solver.status === 'unfinished') return refuse(message('relocation.signoff-unfinished', {}));
    const open = result.redAlerts.filter((a) => !a.justified);
    if (open.length > 0) return refuse(message('relocation.signoff-red-alert', { count: open.length, villages: open.map((a) => facts.villages[a.village].name).join('、') }));
    this.set({ signOffError: null });
    this.editActive((s) => ({ ...s, signOff: { by: by.trim(), date, fingerprint: result.fingerprint } }), 'none');
    return null;
  }

  clearSignOff(): void {
    this.editActive(({ signOff: _cleared, ...s }) => s, 'none');
  }

  // Comparison --------------------------------------------------------------------------------

  /**
   * Compares 2–4 scenarios: kept results show at once, the others are computed in turn by the
   * worker (its measured facts are shared, so each costs only its sites and its assignment).
   */
  async compare(ids: string[]): Promise<void> {
    const doc = this.view.doc;
    if (!doc) return;
    const scenarios = ids.map((id) => doc.scenarios.find((s) => s.id === id)).filter((s): s is RelocationScenario => !!s).slice(0, 4);
    const seq = ++this.compareSeq;
    const t0 = performance.now();
    const runs: Record<string, ScenarioRun> = {};
    for (const s of scenarios) {
      const kept = this.cachedRun(s);
      if (kept) runs[s.id] = kept.run;
    }
    const pending = scenarios.filter((s) => !runs[s.id]).map((s) => s.id);
    this.set({ comparison: { ids: scenarios.map((s) => s.id), runs, pending, problems: [], elapsedMs: pending.length === 0 ? performance.now() - t0 : null } });
    for (const s of scenarios.filter((x) => !runs[x.id])) {
      const client = this.client;
      const hazards = this.deps.hazardParams();
      const settled = await startRun<RelocationOutcome>('relocation', () => client.run(s, hazards, null)).result;
      if (seq !== this.compareSeq) return;
      if (!settled.ok) {
        if (!('cancelled' in settled)) this.set({ error: settled.failure });
        return;
      }
      const outcome = settled.value;
      const c = this.view.comparison!;
      if (!outcome.ok) {
        this.set({ comparison: { ...c, pending: c.pending.filter((x) => x !== s.id), problems: [...c.problems, ...outcome.problems.map((p) => ({ zh: `${s.name}：${p.zh}`, en: `${s.name}: ${p.en}` }))] } });
        continue;
      }
      const run = { facts: outcome.facts!, result: outcome.result };
      this.runs.set(s.id, { input: this.inputKey(s), factsKey: outcome.factsKey, run });
      const left = c.pending.filter((x) => x !== s.id);
      this.set({ comparison: { ...c, runs: { ...c.runs, [s.id]: run }, pending: left, elapsedMs: left.length === 0 ? performance.now() - t0 : null } });
    }
  }

  closeComparison(): void {
    this.compareSeq++;
    this.set({ comparison: null });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }
}
