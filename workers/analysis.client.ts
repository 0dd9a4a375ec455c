import type * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis.api';
import type { DataClient } from './data.client';
import { connectToData } from './data.channel';

/** Main-thread handle on an analysis worker. */
export type AnalysisClient = Comlink.Remote<AnalysisApi>;

/**
 * Starts an analysis worker connected to the data worker by its own message channel, so runs
 * read layers without passing them through the main thread. Cancelling a run terminates the
 * worker (a synchronous run cannot be interrupted any other way); the next run starts a new one.
 */
export function createAnalysisClient(data: Pick<DataClient, 'serve'>): { client: AnalysisClient; terminate: () => void } {
  return connectToData<AnalysisApi>(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'anju-analysis' }), data);
}
