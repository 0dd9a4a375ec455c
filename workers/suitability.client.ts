import * as Comlink from 'comlink';
import type { SuitabilityApi } from './suitability.api';
import type { DataClient } from './data.client';

/** Main-thread handle on the suitability worker. */
export type SuitabilityClient = Comlink.Remote<SuitabilityApi>;

/**
 * Starts the suitability worker connected to the data worker by its own message channel, so
 * it reads the DEM and layers without passing them through the main thread. It stays alive
 * while the project is open: its cached rasters are what make live editing fast.
 */
export function createSuitabilityClient(data: Pick<DataClient, 'serve'>): { client: SuitabilityClient; terminate: () => void } {
  const worker = new Worker(new URL('./suitability.worker.ts', import.meta.url), { type: 'module', name: 'anju-suitability' });
  const client = Comlink.wrap<SuitabilityApi>(worker);
  const channel = new MessageChannel();
  void data.serve(Comlink.transfer(channel.port1, [channel.port1]));
  void client.connectData(Comlink.transfer(channel.port2, [channel.port2]));
  return {
    client,
    terminate: () => {
      worker.terminate();
      channel.port1.close();
    },
  };
}
