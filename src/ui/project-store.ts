import { useSyncExternalStore } from 'react';
import { createDataClient, Comlink, type DataClient } from '../../workers/data.client';
import type { DemSummary, LayerInfo, LoadFailure, LoadProgress, ProjectLoad } from '../../workers/data.types';

export type ProjectState =
  | { status: 'loading'; progress: LoadProgress | null }
  | {
      status: 'ready';
      /** The project as opened: the map is built from it once. */
      project: ProjectLoad;
      client: DataClient;
      /** Its layers now, including those imported since it was opened. */
      layers: LayerInfo[];
      dem: DemSummary | null;
    }
  | { status: 'failed'; failure: LoadFailure };

/** localStorage key of the project to open on the next visit. */
const LAST_PROJECT_KEY = 'anju.project';
export const DEMO_PROJECT_ID = 'demo';

/**
 * The project being loaded or shown. Loading starts as soon as the page's first module
 * runs (before React renders and while the map code is still downloading), so the
 * worker's fetching and parsing overlaps everything else.
 */
let state: ProjectState = { status: 'loading', progress: null };
let current: { terminate(): void } | null = null;
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
  current?.terminate();
  lastId = id;
  const { client, terminate } = createDataClient();
  // Progress arrives on its own message channel, so it may land after the result: once
  // settled (or replaced by a newer load), late progress is ignored.
  let settled = false;
  current = {
    terminate() {
      settled = true;
      terminate();
    },
  };
  set({ status: 'loading', progress: null });
  // The map being replaced is no longer "idle" (tests and benchmarks wait for the new one).
  delete document.body.dataset.mapIdle;
  client
    .openProject(
      id,
      demoUrl,
      Comlink.proxy((progress: LoadProgress) => {
        if (!settled) set({ status: 'loading', progress });
      }),
    )
    .then(
      (outcome) => {
        if (settled) return;
        settled = true;
        if (!outcome.ok && outcome.error.code === 'missing-project' && id !== DEMO_PROJECT_ID) {
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
          set({ status: 'failed', failure: outcome.error });
        }
      },
      (error: unknown) => {
        // A bug, not a bad file: still tell the user rather than spin forever.
        if (settled) return;
        settled = true;
        set({ status: 'failed', failure: { code: 'format', file: id, detail: error instanceof Error ? error.message : String(error) } });
      },
    );
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
