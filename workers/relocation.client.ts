import type * as Comlink from 'comlink';
import type { RelocationApi } from './relocation.api';
import type { DataClient } from './data.client';
import { connectToData } from './data.channel';

/** Main-thread handle on the relocation worker. */
export type RelocationClient = Comlink.Remote<RelocationApi>;

/**
 * Starts a relocation worker connected to the data worker by its own message channel. A run
 * is cancelled by terminating it; the store then starts a fresh one.
 */
export function createRelocationClient(data: Pick<DataClient, 'serve'>): { client: RelocationClient; terminate: () => void } {
  return connectToData<RelocationApi>(new Worker(new URL('./relocation.worker.ts', import.meta.url), { type: 'module', name: 'anju-relocation' }), data);
}
