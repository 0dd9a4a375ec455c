/**
 * Where user projects live between page loads. The data worker talks to this interface;
 * the browser gives it IndexedDB (src/io/project-db.ts), Node tests an in-memory map.
 * Layers are stored as the columnar data the worker holds, already in longitude/latitude,
 * so restoring a project needs no parsing or reprojection. Documents hold the project's other
 * state (the hazard register's reviews and runs), each in a versioned envelope
 * (src/core/documents/envelope.ts); storage counts their writes and migrates nothing.
 */
import type { Grid, VectorLayer } from '../core/types';
import type { LayerRole, LocalizedText } from '../core/manifest';
import type { StoredValue } from '../core/documents/envelope';

export interface StoredProject {
  id: string;
  name: string;
  /** `demo`: the project is the demo county plus the stored layers; null: only stored layers. */
  base: 'demo' | null;
  createdAt: number;
  updatedAt: number;
}

export interface StoredLayer {
  projectId: string;
  layerId: string;
  role: LayerRole;
  name: LocalizedText;
  source: LocalizedText;
  /** When it was added; layers are restored in this order. */
  addedAt: number;
  data: VectorLayer;
}

export interface StoredDem {
  projectId: string;
  fileName: string;
  grid: Grid<Float32Array>;
}

/**
 * A named JSON-like record kept with a project (e.g. `register`: reviews and runs).
 * `schemaVersion` and `revision` are absent on records written before documents were
 * versioned; `envelopeOf` reads those.
 */
export interface StoredDocument extends StoredValue {
  projectId: string;
  name: string;
}

/** A document to store: storage sets its revision. */
export interface DocumentWrite {
  projectId: string;
  name: string;
  schemaVersion: number;
  value: unknown;
}

/**
 * A document write's outcome: the revision it was stored as, or, when the caller expected
 * another revision than the stored one, the stored one (and nothing was written).
 */
export type RevisionWrite = { ok: true; revision: number } | { ok: false; currentRevision: number };

/**
 * The revision a write stores after `current` (0: no record yet), or a refusal when the
 * caller said which revision it last read and storage holds another: the compare-and-swap
 * both storages share, so two tabs can be told apart by passing `expectedRevision`.
 */
export function nextRevision(current: StoredDocument | undefined, expectedRevision: number | undefined): RevisionWrite {
  const revision = current?.revision ?? 0;
  if (expectedRevision !== undefined && expectedRevision !== revision) return { ok: false, currentRevision: revision };
  return { ok: true, revision: revision + 1 };
}

export interface ProjectStorage {
  listProjects(): Promise<StoredProject[]>;
  getProject(id: string): Promise<StoredProject | undefined>;
  putProject(project: StoredProject): Promise<void>;
  /** Deletes the project with its layers and DEM. */
  deleteProject(id: string): Promise<void>;
  listLayers(projectId: string): Promise<StoredLayer[]>;
  putLayer(layer: StoredLayer): Promise<void>;
  deleteLayer(projectId: string, layerId: string): Promise<void>;
  getDem(projectId: string): Promise<StoredDem | undefined>;
  putDem(dem: StoredDem): Promise<void>;
  getDocument(projectId: string, name: string): Promise<StoredDocument | undefined>;
  /**
   * Stores a document with its revision one past the stored one, in one step. With
   * `expectedRevision`, writes only when that is the stored revision (0: none yet).
   */
  putDocument(doc: DocumentWrite, options?: { expectedRevision?: number }): Promise<RevisionWrite>;
  /** Every document of a project (for the project file). */
  listDocuments(projectId: string): Promise<StoredDocument[]>;
}

/**
 * A storage that forgets everything with the page: for tests and browsers without IndexedDB.
 * `found` documents are there from the start as given, e.g. as an older Anju stored them.
 */
export function memoryStorage(found: { documents?: StoredDocument[] } = {}): ProjectStorage {
  const projects = new Map<string, StoredProject>();
  const layers = new Map<string, StoredLayer>();
  const dems = new Map<string, StoredDem>();
  const key = (p: string, l: string) => `${p}\u0000${l}`;
  const documents = new Map<string, StoredDocument>((found.documents ?? []).map((d) => [key(d.projectId, d.name), structuredClone(d)]));
  return {
    async listProjects() {
      return [...projects.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async getProject(id) {
      return projects.get(id);
    },
    async putProject(project) {
      projects.set(project.id, project);
    },
    async deleteProject(id) {
      projects.delete(id);
      dems.delete(id);
      for (const [k, l] of layers) if (l.projectId === id) layers.delete(k);
      for (const [k, d] of documents) if (d.projectId === id) documents.delete(k);
    },
    async listLayers(projectId) {
      return [...layers.values()].filter((l) => l.projectId === projectId).sort((a, b) => a.addedAt - b.addedAt);
    },
    async putLayer(layer) {
      layers.set(key(layer.projectId, layer.layerId), layer);
    },
    async deleteLayer(projectId, layerId) {
      layers.delete(key(projectId, layerId));
    },
    async getDem(projectId) {
      return dems.get(projectId);
    },
    async putDem(dem) {
      dems.set(dem.projectId, dem);
    },
    async getDocument(projectId, name) {
      return structuredClone(documents.get(key(projectId, name)));
    },
    async putDocument(doc, options = {}) {
      const k = key(doc.projectId, doc.name);
      const outcome = nextRevision(documents.get(k), options.expectedRevision);
      if (outcome.ok) documents.set(k, structuredClone({ ...doc, revision: outcome.revision }));
      return outcome;
    },
    async listDocuments(projectId) {
      return [...documents.values()].filter((d) => d.projectId === projectId).map((d) => structuredClone(d));
    },
  };
}
