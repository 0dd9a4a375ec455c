import { useCallback, useEffect, useState } from 'react';
import { createDataClient, Comlink, type DataClient } from '../../workers/data.client';
import type { LoadProgress, ProjectLoad } from '../../workers/data.types';

export type ProjectState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'ready'; project: ProjectLoad; client: DataClient }
  | { status: 'failed'; message: string };

/**
 * Starts the data worker and loads the project at `url`. The worker lives as long as the
 * hook; `retry` starts over with a fresh worker after a failure.
 */
export function useProject(url: string): { state: ProjectState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ProjectState>({ status: 'loading', progress: null });
  useEffect(() => {
    const { client, terminate } = createDataClient();
    let cancelled = false;
    client
      .loadProject(
        url,
        Comlink.proxy((progress: LoadProgress) => {
          if (!cancelled) setState({ status: 'loading', progress });
        }),
      )
      .then(
        (project) => !cancelled && setState({ status: 'ready', project, client }),
        (error: unknown) => !cancelled && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
      terminate();
    };
  }, [url, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading', progress: null });
    setAttempt((a) => a + 1);
  }, []);
  return { state, retry };
}
