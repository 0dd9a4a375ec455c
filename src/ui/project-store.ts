import { useSyncExternalStore } from 'react';
import { createDataClient, Comlink, type DataClient } from '../../workers/data.client';
import type { LoadFailure, LoadProgress, ProjectLoad } from '../../workers/data.types';

export type ProjectState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'ready'; project: ProjectLoad; client: DataClient }
  | { status: 'failed'; failure: LoadFailure };

/**
 * The project being loaded or shown. Loading starts as soon as the page's first module
 * runs (before React renders and while the map code is still downloading), so the
 * worker's fetching and parsing overlaps everything else.
 */
let state: ProjectState = { status: 'loading', progress: null };
let current: { terminate(): void } | null = null;
let lastUrl = '';
const listeners = new Set<() => void>();

function set(next: ProjectState) {
  state = next;
  for (const l of listeners) l();
}

/** Starts (or restarts) loading the project at `url` in a fresh data worker. */
export function startProjectLoad(url: string): void {
  current?.terminate();
  lastUrl = url;
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
  client
    .loadProject(
      url,
      Comlink.proxy((progress: LoadProgress) => {
        if (!settled) set({ status: 'loading', progress });
      }),
    )
    .then(
      (outcome) => {
        if (settled) return;
        settled = true;
        set(outcome.ok ? { status: 'ready', project: outcome.value, client } : { status: 'failed', failure: outcome.error });
      },
      (error: unknown) => {
        // A bug, not a bad file: still tell the user rather than spin forever.
        if (settled) return;
        settled = true;
        set({ status: 'failed', failure: { code: 'format', file: url, detail: error instanceof Error ? error.message : String(error) } });
      },
    );
}

/** Loads the last project again, after a failure. */
export function retryProjectLoad(): void {
  startProjectLoad(lastUrl);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current project state, re-rendering on every change. */
export function useProjectState(): ProjectState {
  return useSyncExternalStore(subscribe, () => state);
}
