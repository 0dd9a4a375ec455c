/**
 * The suitability models of the open project: the stored document (rule library, models, the
 * active one), the live result from the suitability worker, and the planner's edits. Edits
 * save and recompute after a short pause; at most one run is in flight and only the newest
 * edit is run after it, so dragging a slider never queues stale work.
 */
import type { ExposureParams } from '../../core/exposure/analysis';
import type { LocalizedText } from '../../core/manifest';
import { defaultRules, presetModel } from '../../core/suitability/presets';
import type { CriterionSource, ExclusionRule, PresetId, SuitabilityModel } from '../../core/suitability/model';
import type { CellExplanation } from '../../core/suitability/engine';
import { SUITABILITY_DOCUMENT } from '../../core/documents/registry';
import { documentMessage } from '../../core/documents/messages';
import type { Message } from '../../core/messages';
import type { DataClient } from '../../../workers/data.client';
import type { CriterionHistogram, EvaluationView, PrepareOutcome, SuitabilityGrid } from '../../../workers/suitability.api';
import { createSuitabilityClient, type SuitabilityClient } from '../../../workers/suitability.client';
import { startRun, type Run, type RunFailure } from '../runs/run';

export { SUITABILITY_DOCUMENT };

/** What is saved with the project (its versions: src/core/documents/suitability.document.ts). */
export interface SuitabilityDocument {
  rules: ExclusionRule[];
  models: SuitabilityModel[];
  activeId: string;
}

export interface SuitabilityView {
  loaded: boolean;
  doc: SuitabilityDocument | null;
  grid: SuitabilityGrid | null;
  /** The last result of the active model (without its image, which goes to the map). */
  result: Omit<EvaluationView, 'image'> | null;
  /** Problems that stop the active model from running, in both languages. */
  problems: LocalizedText[];
  /** A run is queued (an edit waits out the debounce) or in flight. */
  running: boolean;
  /** The scores are new and the candidate regions shown are still the previous run's. */
  regionsPending: boolean;
  /** The run under way (none while an edit only waits out the debounce). */
  activeRun: Run<void> | null;
  error: RunFailure | null;
  /** Why the stored models are not read or written (newer Anju, damaged): shown until a save succeeds. */
  documentProblem: Message | null;
  /** Per region of the result: share of ±20% weight changes that keep its rank. */
  stability: number[] | null;
  explanation: (CellExplanation & { lngLat: [number, number] }) | null;
  /** Milliseconds from an edit to its result arriving, for the status line. */
  lastLatencyMs: number | null;
}

export interface SuitabilityWorker {
  client: Pick<SuitabilityClient, 'prepare' | 'evaluate' | 'candidates' | 'criterionHistogram' | 'explain' | 'sensitivity' | 'exportScores' | 'exportRegions' | 'invalidate'>;
  terminate(): void;
}

export interface SuitabilityStoreDeps {
  client: Pick<DataClient, 'serve' | 'getDocument' | 'putDocument'>;
  /** The hazard register's buffer settings (the hazard rule buffers as the register does). */
  hazardParams: () => ExposureParams;
  /** Receives each new score image for the map (null clears it). */
  onImage?: (image: { pixels: Uint8ClampedArray; grid: SuitabilityGrid } | null) => void;
  createWorker?: () => SuitabilityWorker;
  /**
   * Resolves once the new score map has been painted; the candidate regions are computed after
   * it, so on a busy machine the map does not wait for them. Default: at once.
   */
  afterPaint?: () => Promise<void>;
  /** Pause after an edit that follows another before recomputing, ms (default 50). */
  debounceMs?: number;
}

function uniqueId(base: string, taken: readonly { id: string }[]): string {
  let id = base;
  for (let k = 2; taken.some((m) => m.id === id); k++) id = `${base}-${k}`;
  return id;
}

export class SuitabilityStore {
  private view: SuitabilityView = { loaded: false, doc: null, grid: null, result: null, problems: [], running: false, regionsPending: false, activeRun: null, error: null, stability: null, explanation: null, lastLatencyMs: null, documentProblem: null };
  private readonly listeners = new Set<() => void>();
  private worker: SuitabilityWorker | null = null;
  private prepared: Promise<PrepareOutcome> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private pending = false;
  private editedAt = 0;
  private scheduledAt = -Infinity;
  private image: { pixels: Uint8ClampedArray; grid: SuitabilityGrid } | null = null;
  private readonly deps: SuitabilityStoreDeps;

  constructor(deps: SuitabilityStoreDeps) {
    this.deps = deps;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.view;

  private set(patch: Partial<SuitabilityView>) {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  private get client() {
    this.worker ??= this.deps.createWorker?.() ?? createSuitabilityClient(this.deps.client);
    return this.worker.client;
  }

  /** Reads the stored models (or starts from the relocation preset). */
  async load(): Promise<void> {
    // The data worker migrates older documents; one it cannot read stays stored as it is and is reported.
    const read = await this.deps.client.getDocument(SUITABILITY_DOCUMENT);
    const stored = read.ok ? (read.value as SuitabilityDocument | null) : null;
    const doc: SuitabilityDocument = stored && stored.models.length > 0 ? stored : { rules: defaultRules(), models: [presetModel('relocation')], activeId: 'relocation' };
    this.set({ loaded: true, doc, documentProblem: read.ok ? null : documentMessage(read.error) });
  }

  /** Starts the worker and loads the grid in the background (on hover of the button). */
  warm(): void {
    this.prepared ??= this.client.prepare();
  }

  /** Opens the panel: loads the grid and runs the active model. */
  async open(): Promise<void> {
    if (!this.view.loaded) await this.load();
    this.warm();
    const outcome = await this.prepared!;
    if (!outcome.ok) {
      this.set({ problems: [outcome.problem], grid: null });
      return;
    }
    this.set({ grid: outcome.grid });
    if (this.image) this.deps.onImage?.(this.image);
    if (!this.view.result) await this.evaluateNow();
  }

  /** The project's layers changed: the worker reloads them on the next run. */
  async layersChanged(): Promise<void> {
    if (!this.worker) return;
    await this.client.invalidate();
    this.prepared = this.client.prepare();
    if (this.view.result) this.schedule();
  }

  get active(): SuitabilityModel | null {
    const doc = this.view.doc;
    return doc?.models.find((m) => m.id === doc.activeId) ?? null;
  }

  private update(doc: SuitabilityDocument, options: { recompute: boolean }) {
    this.set({ doc, explanation: null });
    this.saveSoon();
    if (options.recompute) this.schedule();
  }

  private saveSoon() {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush();
    }, 300);
  }

  /** Writes the document now (pending edits included). */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (!this.view.doc) return;
    const saved = await this.deps.client.putDocument(SUITABILITY_DOCUMENT, this.view.doc);
    this.set({ documentProblem: saved.ok ? null : documentMessage(saved.error) });
  }

  /** Replaces the active model with an edited copy and recomputes after a pause. */
  editModel(model: SuitabilityModel): void {
    const doc = this.view.doc;
    if (!doc) return;
    this.editedAt = performance.now();
    this.update({ ...doc, models: doc.models.map((m) => (m.id === model.id ? model : m)) }, { recompute: true });
  }

  selectModel(id: string): void {
    const doc = this.view.doc;
    if (!doc || !doc.models.some((m) => m.id === id)) return;
    this.set({ result: null, stability: null });
    this.update({ ...doc, activeId: id }, { recompute: true });
  }

  /** Adds an editable copy of a preset and makes it active. */
  addPreset(preset: PresetId): void {
    const doc = this.view.doc;
    if (!doc) return;
    const model = presetModel(preset, uniqueId(preset, doc.models));
    const same = doc.models.filter((m) => m.preset === preset).length;
    if (same > 0) model.name = { zh: `${model.name.zh}（${same + 1}）`, en: `${model.name.en} (${same + 1})` };
    this.set({ result: null, stability: null });
    this.update({ ...doc, models: [...doc.models, model], activeId: model.id }, { recompute: true });
  }

  duplicateModel(): void {
    const doc = this.view.doc;
    const model = this.active;
    if (!doc || !model) return;
    const copy: SuitabilityModel = { ...structuredClone(model), id: uniqueId(`${model.id}-copy`, doc.models), name: { zh: `${model.name.zh}（副本）`, en: `${model.name.en} (copy)` } };
    this.update({ ...doc, models: [...doc.models, copy], activeId: copy.id }, { recompute: false });
  }

  renameModel(name: LocalizedText): void {
    const model = this.active;
    if (model) this.editModelNoRun({ ...model, name });
  }

  private editModelNoRun(model: SuitabilityModel) {
    const doc = this.view.doc;
    if (doc) this.update({ ...doc, models: doc.models.map((m) => (m.id === model.id ? model : m)) }, { recompute: false });
  }

  /** Deletes the active model (the last one cannot be deleted). */
  deleteModel(): void {
    const doc = this.view.doc;
    if (!doc || doc.models.length <= 1) return;
    const models = doc.models.filter((m) => m.id !== doc.activeId);
    this.set({ result: null, stability: null });
    this.update({ ...doc, models, activeId: models[0].id }, { recompute: true });
  }

  /** Replaces the rule library (edits of a rule's distance, text…) and recomputes. */
  editRules(rules: ExclusionRule[]): void {
    const doc = this.view.doc;
    if (!doc) return;
    this.editedAt = performance.now();
    this.update({ ...doc, rules }, { recompute: true });
  }

  /**
   * Debounce on the leading edge: when nothing has run for a while an edit runs at once (in
   * the next task, so a burst of synchronous edits is one run); edits that follow within
   * `debounceMs` wait for the pause, and edits during a run become one run after it.
   */
  private schedule() {
    const now = performance.now();
    const quiet = now - this.scheduledAt > (this.deps.debounceMs ?? 50);
    this.scheduledAt = now;
    if (this.timer) clearTimeout(this.timer);
    // A queued run counts as running, so "settled" (not running, regions in) means no edit is
    // still on its way to the map.
    if (!this.view.running) this.set({ running: true });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.evaluateNow();
    }, quiet ? 0 : (this.deps.debounceMs ?? 50));
  }

  /** Runs the active model now (or right after the run in flight). */
  async evaluateNow(): Promise<void> {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    const model = this.active;
    const doc = this.view.doc;
    if (!model || !doc) {
      this.set({ running: false });
      return;
    }
    this.inFlight = true;
    // The worker keeps its rasters between runs, so a run is never terminated: cancel (on
    // dispose) stops it between its steps.
    const run = startRun('suitability', (ctx) => this.evaluate(model, doc, ctx.signal));
    this.set({ running: true, activeRun: run, error: null });
    const outcome = await run.result;
    if (!outcome.ok && !('cancelled' in outcome)) this.set({ error: outcome.failure });
    this.inFlight = false;
    this.set({ running: false, activeRun: null });
    if (this.pending) {
      this.pending = false;
      void this.evaluateNow();
    }
  }

  /** One run: the score map first, then (unless a newer edit waits) the candidate regions. */
  private async evaluate(model: SuitabilityModel, doc: SuitabilityDocument, signal: AbortSignal): Promise<void> {
    this.warm();
    const prepared = await this.prepared!;
    if (signal.aborted) return;
    if (!prepared.ok) {
      this.set({ problems: [prepared.problem] });
      return;
    }
    const hazardParams = this.deps.hazardParams();
    const outcome = await this.client.evaluate(model, doc.rules, hazardParams);
    if (signal.aborted) return;
    if (!outcome.ok) {
      this.set({ problems: outcome.problems });
      return;
    }
    const { image, ...result } = outcome;
    this.image = { pixels: image, grid: prepared.grid };
    this.deps.onImage?.(this.image);
    const previous = this.view.result?.modelId === result.modelId ? this.view.result.regions : [];
    const shown = { ...result, regions: previous };
    this.set({ result: shown, regionsPending: true, problems: [], stability: null, grid: prepared.grid, lastLatencyMs: this.editedAt > 0 ? performance.now() - this.editedAt : null });
    await this.deps.afterPaint?.();
    if (this.pending || signal.aborted) return;
    const regions = await this.client.candidates(hazardParams);
    // Another model may have been chosen meanwhile (which clears the result): then these
    // regions belong to nothing on screen.
    if (this.view.result === shown) this.set({ result: { ...shown, regions }, regionsPending: false });
  }

  /** The distribution of a criterion's values (cached per source by the caller). */
  histogram(source: CriterionSource): Promise<CriterionHistogram | null> {
    return this.client.criterionHistogram(source);
  }

  /** Explains the cell under a map click. */
  async explain(lngLat: [number, number]): Promise<void> {
    if (!this.view.result) return;
    const explanation = await this.client.explain(lngLat[0], lngLat[1]);
    this.set({ explanation: explanation ? { ...explanation, lngLat } : null });
  }

  clearExplanation(): void {
    this.set({ explanation: null });
  }

  /** Perturbs each weight ±20% and records how often each region keeps its rank. */
  async sensitivity(): Promise<void> {
    this.set({ stability: await this.client.sensitivity() });
  }

  exportScores(): Promise<ArrayBuffer> {
    return this.client.exportScores();
  }

  exportRegions(format: 'geojson' | 'fgb', lang: 'zh' | 'en'): Promise<Uint8Array> {
    return this.client.exportRegions(format, lang);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.view.activeRun?.cancel();
    void this.flush();
    this.worker?.terminate();
    this.worker = null;
  }
}
