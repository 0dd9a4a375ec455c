import * as Comlink from 'comlink';
import type { DataClient } from './data.client';

/**
 * Gives a worker its own MessageChannel to the data worker: the data worker serves its API on
 * one end, `connect` hands the other to the worker. Layers then go worker to worker, never
 * through the main thread. Returns the data worker's end, to close when the worker stops.
 */
export function channelToData(data: Pick<DataClient, 'serve'>, connect: (port: MessagePort) => unknown): MessagePort {
  const channel = new MessageChannel();
  void data.serve(Comlink.transfer(channel.port1, [channel.port1]));
  void connect(Comlink.transfer(channel.port2, [channel.port2]));
  return channel.port1;
}
