import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis.api';

/** Main-thread handle on an analysis worker. */
export type AnalysisClient = Comlink.Remote<AnalysisApi>;

/**
 * Starts an analysis worker for one run. Cancelling terminates it (a synchronous run cannot
 * be interrupted any other way); the next run starts a fresh one.
 */
export function createAnalysisClient(): { client: AnalysisClient; terminate: () => void } {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'anju-analysis' });
  return { client: Comlink.wrap<AnalysisApi>(worker), terminate: () => worker.terminate() };
}
