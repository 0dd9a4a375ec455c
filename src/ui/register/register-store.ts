/**
 * The hazard register of the open project: its stored state (settings, reviews, the last two
 * runs), the current run from the analysis worker, and the derived entries and figures.
 * A plain store (subscribe / snapshot) so components read it with useSyncExternalStore and
 * tests can drive it without React.
 */
import * as Comlink from 'comlink';
import { defaultExposureParams, type ExposureParams, type ExposureRun } from '../../core/exposure/analysis';
import { hazardTypeLabel, riskLevelLabel } from '../../core/exposure/labels';
import { entriesFrom, REGISTER_ROLES, type AreaSummary, type RegisterChange, type RegisterDerivation, type RegisterEntry, type RegisterState, type Review } from '../../core/exposure/register';
import { REGISTER_DOCUMENT } from '../../core/documents/registry';
import { documentMessage } from '../../core/documents/messages';
import { message, type Message } from '../../core/messages';
import type { DataClient } from '../../../workers/data.client';
import type { LayerInfo } from '../../../workers/data.types';
import { createAnalysisClient, type AnalysisClient } from '../../../workers/analysis.client';
import { startRun, type Run } from '../runs/run';

export { REGISTER_DOCUMENT };
/** The derived column a settlement's hazard check is kept in (later analyses read it). */
export const HAZARD_CHECK_COLUMN = 'hazardCheck';

export interface RegisterView {
  /** The stored state has been read. */
  loaded: boolean;
  state: RegisterState | null;
  run: ExposureRun | null;
  entries: RegisterEntry[];
  summary: AreaSummary[];
  /** Changes of the last run against the one before, or null when there is no earlier run. */
  changes: RegisterChange[] | null;
  /** A run is under way. */
  running: boolean;
  /** The run under way (its progress re-renders only the bar), null when none is. */
  activeRun: Run<unknown> | null;
  error: Message | null;
  notice: Message | null;
  /**
   * Why the stored register is not read or written (from a newer Anju, or damaged): shown until
   * a save succeeds, since nothing done meanwhile is kept.
   */
  documentProblem: Message | null;
}

export interface RegisterSettings {
  hazardLayerIds: string[];
  exposedLayerIds: string[];
  params: ExposureParams;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An analysis worker: its API and a way to stop it. */
export interface AnalysisWorker {
  client: Pick<AnalysisClient, 'runRegister'>;
  terminate(): void;
}

export interface RegisterStoreDeps {
  client: Pick<DataClient, 'serve' | 'getDocument' | 'putDocument' | 'setDerivedColumn'>;
  /** The project's layers now. */
  layers: () => LayerInfo[];
  /** Called when an analysis changes a layer's description (a derived column). */
  onLayerUpdated: (info: LayerInfo) => void;
  t: Translate;
  lang: () => 'zh' | 'en';
  /** Starts an analysis worker connected to the data worker; tests pass one over the APIs in the same thread. */
  createWorker?: () => AnalysisWorker;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class RegisterStore {
  private view: RegisterView = { loaded: false, state: null, run: null, entries: [], summary: [], changes: null, running: false, activeRun: null, error: null, notice: null, documentProblem: null };
  private readonly listeners = new Set<() => void>();
  private worker: AnalysisWorker | null = null;
  private runSeq = 0;

  private readonly client: RegisterStoreDeps['client'];
  private readonly layers: () => LayerInfo[];
  private readonly onLayerUpdated: (info: LayerInfo) => void;
  private readonly t: Translate;
  private readonly lang: () => 'zh' | 'en';
  private readonly createWorker: () => AnalysisWorker;

  constructor(deps: RegisterStoreDeps) {
    this.client = deps.client;
    this.layers = deps.layers;
    this.onLayerUpdated = deps.onLayerUpdated;
    this.t = deps.t;
    this.lang = deps.lang;
    this.createWorker = deps.createWorker ?? (() => createAnalysisClient(deps.client));
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.view;

  private set(patch: Partial<RegisterView>) {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  /** Reads the stored register; when the project was analysed before, reruns it (fast) so entries and reviews show. */
  async load(): Promise<void> {
    // The data worker migrates older registers; one it cannot read stays stored as it is and is reported.
    const stored = await this.client.getDocument(REGISTER_DOCUMENT);
    const state = stored.ok ? (stored.value as RegisterState | null) : null;
    this.set({ loaded: true, state, documentProblem: stored.ok ? null : documentMessage(stored.error) });
    if (state?.last) await this.run();
  }

  /** The settings a run uses: the stored ones, with layers that no longer exist dropped; defaults otherwise. */
  settings(): RegisterSettings {
    const layers = this.layers();
    const exists = (id: string) => layers.some((l) => l.id === id);
    const state = this.view.state;
    const hazards = state?.hazardLayerIds.filter(exists) ?? [];
    const exposed = state?.exposedLayerIds.filter(exists) ?? [];
    return {
      hazardLayerIds: hazards.length > 0 ? hazards : layers.filter((l) => l.role === 'hazards').map((l) => l.id),
      exposedLayerIds: exposed.length > 0 ? exposed : layers.filter((l) => REGISTER_ROLES.includes(l.role)).map((l) => l.id),
      params: state?.params ?? defaultExposureParams(),
    };
  }

  /** Starts the analysis worker ahead of a run (its module takes a moment to load). */
  warm(): void {
    this.worker ??= this.createWorker();
  }

  /** Runs the analysis; a newer run or cancel() abandons this one. */
  async run(settings: RegisterSettings = this.settings()): Promise<void> {
    const seq = ++this.runSeq;
    if (settings.hazardLayerIds.length === 0) return this.set({ error: message('register.no-hazards'), notice: null });
    if (settings.exposedLayerIds.length === 0) return this.set({ error: message('register.no-exposed'), notice: null });
    this.warm();
    const worker = this.worker!;
    const stored = { last: this.view.state?.last ?? null, previous: this.view.state?.previous ?? null };
    const layers = { hazardLayerIds: settings.hazardLayerIds, exposedLayerIds: settings.exposedLayerIds };
    // The exposure kernel runs in one go: cancelling terminates the worker, and the next run starts another.
    const run = startRun('register', (ctx) => worker.client.runRegister(layers, settings.params, stored, Comlink.proxy(ctx.progress)), {
      terminate: () => {
        worker.terminate();
        if (this.worker === worker) this.worker = null;
      },
    });
    this.set({ running: true, activeRun: run, error: null, notice: null });
    const outcome = await run.result;
    if (seq !== this.runSeq) return;
    if (outcome.ok) await this.accept(outcome.value.run, outcome.value.register, settings);
    else if ('cancelled' in outcome) this.set({ running: false, activeRun: null, notice: message('register.cancelled') });
    else this.set({ running: false, activeRun: null, error: outcome.failure });
  }

  /** Stops the running analysis; the previous results stay. */
  cancel(): void {
    if (this.view.running) this.view.activeRun?.cancel();
  }

  private terminateWorker() {
    this.worker?.terminate();
    this.worker = null;
  }

  private async accept(run: ExposureRun, register: RegisterDerivation, settings: RegisterSettings) {
    const state: RegisterState = { ...this.chosen(settings), reviews: this.view.state?.reviews ?? {}, last: register.last, previous: register.previous };
    this.set({ run, entries: entriesFrom(run, register.columns), summary: register.summary, state, changes: register.changes, running: false, activeRun: null });
    // Storing and flagging go in later tasks, so the table appears first.
    await nextTask();
    await this.save(state);
    await nextTask();
    await this.flagDestinations(run);
  }

  /** Writes each settlement's hazard check into its layer, where the table and later analyses read it. */
  private async flagDestinations(run: ExposureRun) {
    for (const layer of run.layers) {
      if (layer.role !== 'settlements') continue;
      const values: (string | null)[] = [];
      for (let i = 0; i < layer.count; i++) {
        const j = layer.hits.offsets[i];
        if (j === layer.hits.offsets[i + 1]) {
          values.push(this.t('register.flag.clear'));
          continue;
        }
        const h = layer.hits.hazard[j];
        const lang = this.lang();
        const params = { type: hazardTypeLabel(run.hazards.type[h], lang), level: riskLevelLabel(run.hazards.level[h], lang), id: run.hazards.ids[h], m: Math.round(layer.hits.distance[j]) };
        values.push(this.t(layer.hits.inside[j] ? 'register.flag.inside' : 'register.flag.near', params));
      }
      this.onLayerUpdated(await this.client.setDerivedColumn(layer.layerId, HAZARD_CHECK_COLUMN, values));
    }
  }

  /** The settings as stored, with every hazard layer the project has now (so later ones count as new). */
  private chosen(settings: RegisterSettings) {
    const knownHazardLayerIds = this.layers().filter((l) => l.role === 'hazards').map((l) => l.id);
    return { params: settings.params, hazardLayerIds: settings.hazardLayerIds, exposedLayerIds: settings.exposedLayerIds, knownHazardLayerIds };
  }

  /** Records a review of an entry (kept with every earlier one, as an audit trail). */
  async review(entry: RegisterEntry, review: Omit<Review, 'signature' | 'at'>): Promise<void> {
    const state = this.view.state;
    if (!state) return;
    const list = [...(state.reviews[entry.key] ?? []), { ...review, at: Date.now(), signature: entry.signature }];
    const next: RegisterState = { ...state, reviews: { ...state.reviews, [entry.key]: list } };
    this.set({ state: next });
    await this.save(next);
  }

  /** Stores new settings without running (the panel runs them on request). */
  async saveSettings(settings: RegisterSettings): Promise<void> {
    const state = this.view.state;
    const next: RegisterState = { reviews: {}, last: null, previous: null, ...state, ...this.chosen(settings) };
    this.set({ state: next });
    await this.save(next);
  }

  /** Stores the state; when the stored register cannot be read by this app, says that nothing was saved. */
  private async save(state: RegisterState) {
    const saved = await this.client.putDocument(REGISTER_DOCUMENT, state);
    this.set({ documentProblem: saved.ok ? null : documentMessage(saved.error) });
  }

  /** Stops any running analysis (the project is closing). */
  dispose(): void {
    this.runSeq++;
    this.view.activeRun?.cancel();
    this.terminateWorker();
  }
}
