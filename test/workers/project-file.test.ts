import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { apiOver, tinyProject } from './tiny-project';
import { memoryStorage, type ProjectStorage, type StoredDocument } from '../../src/io/project-storage';
import type { VectorLayer } from '../../src/core/types';
import { decodeProjectFile, PROJECT_FILE_ENTRY } from '../../src/io/project-file';
import { defaultExposureParams } from '../../src/core/exposure/analysis';

/** The data API over the tiny project (as the demo, at `p`) and the given storage. */
const apiOn = (storage: ProjectStorage) => apiOver(tinyProject(), storage);

function line(): VectorLayer {
  return {
    geometry: { kind: 'LineString', coords: new Float64Array([119.39, 28.0, 119.4, 28.01, 119.41, 28.0]), geomOffsets: new Uint32Array([0, 1]), partOffsets: new Uint32Array([0, 3]), ringOffsets: new Uint32Array(0) },
    table: { length: 1, columns: [{ name: 'class', type: 'string', values: ['county'] }, { name: 'lanes', type: 'number', values: new Float64Array([2]) }, { name: 'paved', type: 'boolean', values: new Uint8Array([1]) }] },
    bbox: [119.39, 28.0, 119.41, 28.01],
    crs: 'EPSG:4326',
  };
}

/** A register document with no run yet. */
const register = () => ({ params: defaultExposureParams(), hazardLayerIds: ['hazards'], exposedLayerIds: ['villages'], reviews: {}, last: null, previous: null });

/** A stored user project with a layer, a DEM and three documents, beside another project. */
async function seeded(): Promise<ProjectStorage> {
  const storage = memoryStorage();
  await storage.putProject({ id: 'p1', name: '测试县', base: null, createdAt: 10, updatedAt: 20 });
  await storage.putLayer({ projectId: 'p1', layerId: 'user-roads-1', role: 'roads', name: { zh: '道路', en: 'Roads' }, source: { zh: 'roads.shp', en: 'roads.shp' }, addedAt: 11, data: line() });
  await storage.putDem({ projectId: 'p1', fileName: 'dem.tif', grid: { width: 2, height: 2, data: new Float32Array([1, 2, NaN, 4]), transform: [440000, 30, 0, 3101500, 0, -30], crs: 'EPSG:4549', nodata: null } });
  await storage.putDocument({ projectId: 'p1', name: 'register', schemaVersion: 2, value: { ...register(), reviews: { 'villages:v1': [{ status: 'disputed', note: '待查', date: '2026-11-20', at: 12, signature: 'a' }] } } });
  await storage.putDocument({ projectId: 'p1', name: 'suitability', schemaVersion: 1, value: { rules: [], models: [{ id: 'relocation', weights: [0.4, 0.6] }], activeId: 'relocation' } });
  await storage.putDocument({ projectId: 'p1', name: 'relocation', schemaVersion: 1, value: { scenarios: [{ id: 's1', name: '方案一', policy: { lambda: 0.5 }, capacities: {}, overrides: {}, weights: new Float32Array([100, 250]) }], activeId: 's1' } });
  await storage.putProject({ id: 'p2', name: '别的项目', base: null, createdAt: 1, updatedAt: 2 });
  return storage;
}

/** Everything stored under one project id, with that id taken out for comparison. */
async function contents(storage: ProjectStorage, id: string) {
  const strip = <T extends { projectId: string }>(r: T) => ({ ...r, projectId: '*' });
  const project = await storage.getProject(id);
  const dem = await storage.getDem(id);
  return {
    project: project ? { ...project, id: '*', name: '*' } : undefined,
    layers: (await storage.listLayers(id)).map(strip),
    dem: dem ? strip(dem) : undefined,
    documents: (await storage.listDocuments(id)).map(strip).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Every write a storage receives. */
function recording(storage: ProjectStorage): { storage: ProjectStorage; writes: string[] } {
  const writes: string[] = [];
  const wrapped: ProjectStorage = { ...storage };
  for (const k of ['putProject', 'deleteProject', 'putLayer', 'deleteLayer', 'putDem', 'putDocument'] as const) {
    const original = storage[k] as (...a: unknown[]) => Promise<void>;
    (wrapped as unknown as Record<string, unknown>)[k] = (...a: unknown[]) => {
      writes.push(k);
      return original(...a);
    };
  }
  return { storage: wrapped, writes };
}

describe('project file through the data API', () => {
  it('moves a project to another browser unchanged, keeping its id there', async () => {
    const a = await seeded();
    const { fileName, bytes } = await apiOn(a).exportProject('p1');
    expect(fileName).toMatch(/^测试县-\d{4}-\d{2}-\d{2}\.anju$/);
    const b = memoryStorage();
    const result = await apiOn(b).importProject(bytes);
    expect(result).toEqual({ ok: true, value: { id: 'p1', name: '测试县' } });
    expect(await b.getProject('p1')).toEqual(await a.getProject('p1'));
    expect(await b.listLayers('p1')).toEqual(await a.listLayers('p1'));
    expect(await b.getDem('p1')).toEqual(await a.getDem('p1'));
    expect(await contents(b, 'p1')).toStrictEqual(await contents(a, 'p1'));
    expect((await b.listDocuments('p1')).map((d) => d.name).sort()).toEqual(['register', 'relocation', 'suitability']);
    // Only the exported project came along.
    expect((await b.listProjects()).map((p) => p.id)).toEqual(['p1']);
  });

  it('imports a project already here as a new one, leaving the original alone', async () => {
    const a = await seeded();
    const before = await contents(a, 'p1');
    const api = apiOn(a);
    const result = await api.importProject((await api.exportProject('p1')).bytes);
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.value.id).not.toBe('p1');
    expect(result.value.name).toBe('测试县（导入）');
    expect((await a.getProject(result.value.id))?.name).toBe('测试县（导入）');
    expect(await contents(a, result.value.id)).toStrictEqual(before);
    expect(await contents(a, 'p1')).toStrictEqual(before);
    expect((await a.listProjects()).length).toBe(3);
  });

  it('exports the demo county as what the user added to it, and imports it as a new demo-based project', async () => {
    const a = memoryStorage();
    const api = apiOn(a);
    const opened = await api.openProject('demo', 'p');
    if (!opened.ok) throw new Error(opened.error.detail);
    await api.addLayer({ role: 'roads', name: { zh: '新路', en: 'New road' }, source: { zh: 'r.geojson', en: 'r.geojson' }, data: line() });
    await api.putDocument('register', register());
    const file = await api.exportProject('demo');
    expect(file.fileName).toMatch(/^测试-/);
    const decoded = decodeProjectFile(file.bytes);
    if (!decoded.ok) throw new Error(decoded.error.message.en);
    // The demo's own villages ship with the app: only the added road is in the file.
    expect(decoded.value.layers.map((l) => l.layerId)).toEqual(['user-roads-1']);
    expect(decoded.value.project.base).toBe('demo');

    const b = memoryStorage();
    const other = apiOn(b);
    const result = await other.importProject(file.bytes);
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.value.id).not.toBe('demo');
    expect(result.value.name).toBe('测试（导入）');
    expect(await b.getProject('demo')).toBeUndefined();
    expect(await contents(b, result.value.id)).toStrictEqual(await contents(a, 'demo'));
    // It opens as the demo county plus the added road, under its own name.
    const load = await other.openProject(result.value.id, 'p');
    if (!load.ok) throw new Error(load.error.detail);
    expect(load.value.layers.map((l) => l.id).sort()).toEqual([...opened.value.layers.map((l) => l.id), 'user-roads-1'].sort());
    expect(load.value.manifest.name.zh).toBe('测试（导入）');
    expect(await other.getDocument('register')).toEqual({ ok: true, value: register(), revision: 1 });
  });

  it('exports an untouched demo county as an empty demo-based record', async () => {
    const api = apiOn(memoryStorage());
    await api.openProject('demo', 'p');
    const decoded = decodeProjectFile((await api.exportProject('demo')).bytes);
    expect(decoded).toMatchObject({ ok: true, value: { project: { id: 'demo', name: '测试', base: 'demo' }, layers: [], dem: null, documents: [] } });
  });

  it('includes a document write still in flight', async () => {
    const storage = await seeded();
    const api = apiOn(storage);
    await api.openProject('p1', 'p');
    void api.putDocument('relocation', { scenarios: [], activeId: 's1', edited: true });
    const decoded = decodeProjectFile((await api.exportProject('p1')).bytes);
    if (!decoded.ok) throw new Error(decoded.error.message.en);
    expect(decoded.value.documents.find((d: StoredDocument) => d.name === 'relocation')?.value).toEqual({ scenarios: [], activeId: 's1', edited: true });
  });

  it('writes nothing for a refused file', async () => {
    const a = await seeded();
    const good = (await apiOn(a).exportProject('p1')).bytes;
    const newer = zipSync({ [PROJECT_FILE_ENTRY]: strToU8(JSON.stringify({ format: 'anju-project', formatVersion: 99 })) });
    const damaged = good.slice(0, good.length - 100);
    const { storage, writes } = recording(memoryStorage());
    const api = apiOn(storage);
    for (const [bytes, code] of [[newer, 'newer-version'], [damaged, 'damaged'], [strToU8('hello'), 'not-zip']] as const) {
      const result = await api.importProject(bytes);
      expect(result).toMatchObject({ ok: false, error: { code } });
    }
    expect(writes).toEqual([]);
    expect(await storage.listProjects()).toEqual([]);
  });

  it('cleans up when the browser refuses to store part of the project', async () => {
    const a = await seeded();
    const bytes = (await apiOn(a).exportProject('p1')).bytes;
    const b = memoryStorage();
    const failing: ProjectStorage = {
      ...b,
      async putDocument(doc) {
        if (doc.name === 'suitability') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return b.putDocument(doc);
      },
    };
    const result = await apiOn(failing).importProject(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: { zh: expect.stringContaining('存储空间'), en: expect.stringContaining('quota') } } });
    expect(await b.listProjects()).toEqual([]);
    expect(await contents(b, 'p1')).toEqual({ project: undefined, layers: [], dem: undefined, documents: [] });
  });
});

