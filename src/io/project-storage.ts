/**
 * Where user projects live between page loads. The data worker talks to this interface;
 * the browser gives it IndexedDB (src/io/project-db.ts), Node tests an in-memory map.
 * Layers are stored as the columnar data the worker holds, already in longitude/latitude,
 * so restoring a project needs no parsing or reprojection. Documents hold the project's other
 * state (the hazard register's reviews and runs).
 */
import type { Grid, VectorLayer } from '../core/types';
import type { LayerRole, LocalizedText } from '../core/manifest';

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

/** A named JSON-like record kept with a project (e.g. `register`: reviews and runs). */
export interface StoredDocument {
  projectId: string;
  name: string;
  value: unknown;
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
  putDocument(doc: StoredDocument): Promise<void>;
  /** Every document of a project (for the project file). */
  listDocuments(projectId: string): Promise<StoredDocument[]>;
}

/** A storage that forgets everything with the page: for tests and browsers without IndexedDB. */
export function memoryStorage(): ProjectStorage {
  const projects = new Map<string, StoredProject>();
  const layers = new Map<string, StoredLayer>();
  const dems = new Map<string, StoredDem>();
  const documents = new Map<string, StoredDocument>();
  const key = (p: string, l: string) => `${p}\u0000${l}`;
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
    async putDocument(doc) {
      documents.set(key(doc.projectId, doc.name), structuredClone(doc));
    },
    async listDocuments(projectId) {
      return [...documents.values()].filter((d) => d.projectId === projectId).map((d) => structuredClone(d));
    },
  };
}
