import { useSyncExternalStore } from 'react';
import { createDataClient, Comlink, type DataClient } from '../../workers/data.client';
import type { DemSummary, LayerInfo, LoadOutcome, LoadProgress, ProjectLoad } from '../../workers/data.types';
import { message, type Message } from '../core/messages';
import { startRun, type Run } from './runs/run';

export type ProjectState =
  | { status: 'loading'; run: Run<LoadOutcome, LoadProgress> | null }
  | {
      status: 'ready';
      /** The project as opened: the map is built from it once. */
      project: ProjectLoad;
      client: DataClient;
      /** Its layers now, including those imported since it was opened. */
      layers: LayerInfo[];
      dem: DemSummary | null;
    }
  | { status: 'failed'; failure: Message };

/** localStorage key of the project to open on the next visit. */
const LAST_PROJECT_KEY = 'anju.project';
export const DEMO_PROJECT_ID = 'demo';

/**
 * The project being loaded or shown. Loading starts as soon as the page's first module
 * runs (before React renders and while the map code is still downloading), so the
 * worker's fetching and parsing overlaps everything else.
 */
let state: ProjectState = { status: 'loading', run: null };
/** The open (or opening) project's load and data worker; the worker outlives the load. */
let current: { run: Run<LoadOutcome, LoadProgress>; terminate(): void } | null = null;
let demoUrl = '';
let lastId = DEMO_PROJECT_ID;
const listeners = new Set<() => void>();

function set(next: ProjectState) {
  state = next;
  for (const l of listeners) l();
}

function rememberedProject(): string {
  try {
    return localStorage.getItem(LAST_PROJECT_KEY) ?? DEMO_PROJECT_ID;
  } catch {
    return DEMO_PROJECT_ID;
  }
}

/** Opens the project the user had open last (the demo county on a first visit). */
export function startProjectLoad(demoFolderUrl: string): void {
  demoUrl = demoFolderUrl;
  openProject(rememberedProject());
}

/** Opens a project (`demo` or a stored one) in a fresh data worker. */
export function openProject(id: string): void {
  current?.run.cancel();
  current?.terminate();
  lastId = id;
  const { client, terminate } = createDataClient();
  const run = startRun<LoadOutcome, LoadProgress>('project', (ctx) => client.openProject(id, demoUrl, Comlink.proxy(ctx.progress)));
  current = { run, terminate };
  set({ status: 'loading', run });
  // The map being replaced is no longer "idle" (tests and benchmarks wait for the new one).
  delete document.body.dataset.mapIdle;
  void run.result.then((settled) => {
    // Cancelled: a newer load replaced this one.
    if (!settled.ok && 'cancelled' in settled) return;
    if (!settled.ok) {
      // A bug, not a bad file: still tell the user rather than spin forever.
      set({ status: 'failed', failure: settled.failure });
      return;
    }
    const outcome = settled.value;
    if (!outcome.ok && outcome.error.code === 'project.missing' && id !== DEMO_PROJECT_ID) {
      // The remembered project was deleted (maybe in another tab): open the demo instead.
      openProject(DEMO_PROJECT_ID);
      return;
    }
    if (outcome.ok) {
      try {
        localStorage.setItem(LAST_PROJECT_KEY, id);
      } catch {
        // Private windows may refuse; the demo opens next time, which is fine.
      }
      set({ status: 'ready', project: outcome.value, client, layers: outcome.value.layers.map(infoOf), dem: outcome.value.dem });
    } else {
      const { code, file, detail } = outcome.error;
      set({ status: 'failed', failure: message(code, { file, detail }) });
    }
  });
}

/** A layer's description without its render buffers. */
function infoOf(layer: LayerInfo): LayerInfo {
  const { id, role, kind, name, source, featureCount, bboxLngLat, columns, userLayer } = layer;
  return { id, role, kind, name, source, featureCount, bboxLngLat, columns, userLayer };
}

/** Records a layer added to the open project (the map is told separately). */
export function layerAdded(layer: LayerInfo): void {
  if (state.status === 'ready') set({ ...state, layers: [...state.layers, infoOf(layer)] });
}

/** Records a change to a layer's description (e.g. a derived column added by an analysis). */
export function layerUpdated(layer: LayerInfo): void {
  if (state.status === 'ready') set({ ...state, layers: state.layers.map((l) => (l.id === layer.id ? infoOf(layer) : l)) });
}

/** Records a layer removed from the open project. */
export function layerRemoved(id: string): void {
  if (state.status === 'ready') set({ ...state, layers: state.layers.filter((l) => l.id !== id) });
}

/** Records a DEM imported into the open project. */
export function demReplaced(dem: DemSummary): void {
  if (state.status === 'ready') set({ ...state, dem });
}

/** The open project's layers now (empty while loading), for stores outside React. */
export function currentLayers(): LayerInfo[] {
  return state.status === 'ready' ? state.layers : [];
}

/** Loads the last project again, after a failure. */
export function retryProjectLoad(): void {
  openProject(lastId);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current project state, re-rendering on every change. */
export function useProjectState(): ProjectState {
  return useSyncExternalStore(subscribe, () => state);
}
