/**
 * Projects in IndexedDB (through `idb`), for the data worker. One database, four stores:
 * projects by id, layers by [projectId, layerId], DEMs by projectId, documents by
 * [projectId, name]. Typed arrays are stored as they are (structured clone), so nothing is
 * re-encoded on save or restore.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { memoryStorage, nextRevision, type ProjectStorage, type StoredDem, type StoredDocument, type StoredLayer, type StoredProject } from './project-storage';

interface AnjuDb extends DBSchema {
  projects: { key: string; value: StoredProject };
  layers: { key: [string, string]; value: StoredLayer; indexes: { byProject: string } };
  dems: { key: string; value: StoredDem };
  documents: { key: [string, string]; value: StoredDocument; indexes: { byProject: string } };
}

const DB_NAME = 'anju';
const DB_VERSION = 2;

async function open(): Promise<ProjectStorage> {
  const db: IDBPDatabase<AnjuDb> = await openDB<AnjuDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('projects', { keyPath: 'id' });
        const layers = database.createObjectStore('layers', { keyPath: ['projectId', 'layerId'] });
        layers.createIndex('byProject', 'projectId');
        database.createObjectStore('dems', { keyPath: 'projectId' });
      }
      if (oldVersion < 2) {
        const documents = database.createObjectStore('documents', { keyPath: ['projectId', 'name'] });
        documents.createIndex('byProject', 'projectId');
      }
    },
  });
  return {
    async listProjects() {
      return (await db.getAll('projects')).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    getProject: (id) => db.get('projects', id),
    async putProject(project) {
      await db.put('projects', project);
    },
    async deleteProject(id) {
      const tx = db.transaction(['projects', 'layers', 'dems', 'documents'], 'readwrite');
      await tx.objectStore('projects').delete(id);
      await tx.objectStore('dems').delete(id);
      const keys = await tx.objectStore('layers').index('byProject').getAllKeys(id);
      for (const k of keys) await tx.objectStore('layers').delete(k);
      const docs = await tx.objectStore('documents').index('byProject').getAllKeys(id);
      for (const k of docs) await tx.objectStore('documents').delete(k);
      await tx.done;
    },
    async listLayers(projectId) {
      return (await db.getAllFromIndex('layers', 'byProject', projectId)).sort((a, b) => a.addedAt - b.addedAt);
    },
    async putLayer(layer) {
      await db.put('layers', layer);
    },
    async deleteLayer(projectId, layerId) {
      await db.delete('layers', [projectId, layerId]);
    },
    getDem: (projectId) => db.get('dems', projectId),
    async putDem(dem) {
      await db.put('dems', dem);
    },
    getDocument: (projectId, name) => db.get('documents', [projectId, name]),
    async putDocument(doc, options = {}) {
      // Read and write in one transaction, so no other tab's write falls between them.
      const tx = db.transaction('documents', 'readwrite');
      const outcome = nextRevision(await tx.store.get([doc.projectId, doc.name]), options.expectedRevision);
      if (outcome.ok) await tx.store.put({ ...doc, revision: outcome.revision });
      await tx.done;
      return outcome;
    },
    listDocuments: (projectId) => db.getAllFromIndex('documents', 'byProject', projectId),
  };
}

/**
 * The projects database, opened (and created) on first use. Where IndexedDB is unavailable
 * (some private windows) projects live only as long as the page, and `persistent` says so.
 */
export function indexedDbStorage(): ProjectStorage & { persistent: Promise<boolean> } {
  const ready = open().then(
    (storage) => ({ storage, persistent: true }),
    () => ({ storage: memoryStorage(), persistent: false }),
  );
  const call = <K extends keyof ProjectStorage>(key: K) =>
    (async (...args: unknown[]) => {
      const { storage } = await ready;
      return (storage[key] as (...a: unknown[]) => unknown)(...args);
    }) as ProjectStorage[K];
  return {
    persistent: ready.then((r) => r.persistent),
    listProjects: call('listProjects'),
    getProject: call('getProject'),
    putProject: call('putProject'),
    deleteProject: call('deleteProject'),
    listLayers: call('listLayers'),
    putLayer: call('putLayer'),
    deleteLayer: call('deleteLayer'),
    getDem: call('getDem'),
    putDem: call('putDem'),
    getDocument: call('getDocument'),
    putDocument: call('putDocument'),
    listDocuments: call('listDocuments'),
  };
}
