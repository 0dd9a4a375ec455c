/** The demo county's relocation store in Node, for the store and scenario tests. */
import highsLoader from 'highs';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { RelocationStore, type RelocationStoreDeps, type RelocationWorker } from '../../src/ui/relocation/relocation-store';
import { createRelocationApi, type RelocationSource } from '../../workers/relocation.api';
import { demoSourceInputs } from '../bench/demo-suitability';

/** The demo county with documents in memory (as IndexedDB keeps them); counts worker starts. */
export function project(documents = new Map<string, unknown>()) {
  const inputs = demoSourceInputs();
  const source = { suitabilityInputs: async () => inputs } as unknown as RelocationSource;
  const client = {
    serve: async () => {},
    getDocument: async (name: string) => ({ ok: true, value: structuredClone(documents.get(name) ?? null), revision: 0 }),
    putDocument: async (name: string, value: unknown) => {
      documents.set(name, structuredClone(value));
      return { ok: true, revision: 1 };
    },
  } as unknown as RelocationStoreDeps['client'];
  const workers = { started: 0, terminated: 0 };
  const createWorker = (): RelocationWorker => {
    workers.started++;
    const api = createRelocationApi({ loadHighs: () => highsLoader() });
    api.connectData(source);
    return { client: api as unknown as RelocationWorker['client'], terminate: () => void workers.terminated++ };
  };
  const store = new RelocationStore({ client, hazardParams: defaultExposureParams, createWorker, debounceMs: 1 });
  return { store, documents, workers };
}

export const settle = async (store: RelocationStore) => {
  for (let k = 0; k < 2000 && (store.getSnapshot().running || k < 3); k++) await new Promise((r) => setTimeout(r, 10));
};

