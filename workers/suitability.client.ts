import type * as Comlink from 'comlink';
import type { SuitabilityApi } from './suitability.api';
import type { DataClient } from './data.client';
import { connectToData } from './data.channel';

/** Main-thread handle on the suitability worker. */
export type SuitabilityClient = Comlink.Remote<SuitabilityApi>;

/**
 * Starts the suitability worker connected to the data worker by its own message channel, so
 * it reads the DEM and layers without passing them through the main thread. It stays alive
 * while the project is open: its cached rasters are what make live editing fast.
 */
export function createSuitabilityClient(data: Pick<DataClient, 'serve'>): { client: SuitabilityClient; terminate: () => void } {
  return connectToData<SuitabilityApi>(new Worker(new URL('./suitability.worker.ts', import.meta.url), { type: 'module', name: 'anju-suitability' }), data);
}
