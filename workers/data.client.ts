import * as Comlink from 'comlink';
import type { DataApi } from './data.api';

/** Main-thread handle on the data worker. One worker per page holds the project's datasets. */
export type DataClient = Comlink.Remote<DataApi>;

export function createDataClient(): { client: DataClient; terminate: () => void } {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'anju-data' });
  return { client: Comlink.wrap<DataApi>(worker), terminate: () => worker.terminate() };
}

export { Comlink };
