import * as Comlink from 'comlink';
import type { ImportApi } from './import.api';

/** Main-thread handle on an io worker, which parses imports off the main thread. */
export type ImportClient = Comlink.Remote<ImportApi>;

/**
 * Starts an io worker. Cancelling an import terminates it (parsing a large file cannot be
 * interrupted any other way) and the next import starts a fresh one.
 */
export function createImportClient(): { client: ImportClient; terminate: () => void } {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'anju-import' });
  return { client: Comlink.wrap<ImportApi>(worker), terminate: () => worker.terminate() };
}
