import * as Comlink from 'comlink';
import type { DataClient } from './data.client';

/**
 * Wraps a worker whose API reads from the data worker (`connectData(port)`), and gives it its
 * own MessageChannel to the data worker: the data worker serves its API on one end, the worker
 * gets the other. Layers then go worker to worker, never through the main thread.
 * `terminate` stops the worker and closes the data worker's end.
 */
export function connectToData<T extends { connectData(port: MessagePort): void }>(worker: Worker, data: Pick<DataClient, 'serve'>): { client: Comlink.Remote<T>; terminate: () => void } {
  const client = Comlink.wrap<T>(worker);
  const channel = new MessageChannel();
  void data.serve(Comlink.transfer(channel.port1, [channel.port1]));
  void (client.connectData as (port: MessagePort) => Promise<void>)(Comlink.transfer(channel.port2, [channel.port2]));
  return {
    client,
    terminate: () => {
      worker.terminate();
      channel.port1.close();
    },
  };
}
