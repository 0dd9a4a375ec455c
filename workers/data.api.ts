import { expose, transfer } from 'comlink';
import type { Grid, VectorLayer } from '../src/core/types';
import type { LayerRole, LocalizedText, Manifest } from '../src/core/manifest';
import { makeTransform, type PointTransform } from '../src/core/crs';
import { sampleBilinear } from '../src/core/raster';
import { renderTerrariumTile } from '../src/core/tiles/dem-tile';
import { renderHillshadeTile } from '../src/core/tiles/hillshade-tile';
import { queryRows, cellValue } from '../src/core/table-query';
import { KEY_VILLAGE_LOW_INCOME_SHARE } from '../src/core/policy-defaults';
import { exportLayer, type ExportFormat } from '../src/io/export';
import { ANALYSIS_COLUMNS, type ExposureInputs, type SourceLayer } from '../src/core/exposure/analysis';
import { contourGeoJson, outsideMaskGeoJson } from './basemap-data';
import { bboxOf, demSummary, layerInfo, LoadError, loadFolder, prepareDem, renderOf, transferables, type LoadedDem, type LoadedLayer } from './data.load';
import { decodeProjectFile, encodeProjectFile, projectFileName, type ProjectFileResult } from '../src/io/project-file';
import type { ProjectStorage, StoredProject } from '../src/io/project-storage';
import { envelopeOf, type DocumentLoad } from '../src/core/documents/envelope';
import type { DocumentProblem } from '../src/core/documents/messages';
import { documentKind, documentVersion, loadDocument } from '../src/core/documents/registry';
import { localizeMessage, message } from '../src/core/messages';
import type { DemSummary, LayerInfo, LayerRender, LoadOutcome, LoadProgress, ProjectLoad, ProjectSummary, TablePage, TablePageRequest, VillageKey } from './data.types';

/** What the data API needs from its host; the worker passes browser APIs, tests pass stubs. */
export interface DataApiHost {
  /** Fetches a file's bytes; rejects with a message naming the URL when it cannot. */
  fetchBytes(url: string): Promise<ArrayBuffer>;
  /**
   * Turns RGBA pixels into something MapLibre's addProtocol accepts and that can be
   * transferred: an ImageBitmap in the worker (no PNG encode and decode per tile).
   */
  toTileImage(rgba: Uint8ClampedArray, size: number): Promise<ImageBitmap | ArrayBuffer>;
  /** Where user projects are kept (IndexedDB in the browser). */
  storage: ProjectStorage;
}

export type DemTileKind = 'hillshade' | 'terrarium';

/** The demo county's project id; its stored record (if any) holds the layers the user added. */
export const DEMO_PROJECT_ID = 'demo';

/** Where a project without a DEM or layers opens: Lishui. */
const DEFAULT_BBOX: [number, number, number, number] = [118.7, 27.4, 120.6, 28.7];

/** Vertical exaggeration of the hillshade: relief per pixel shrinks as one zooms out. */
function hillshadeZFactor(z: number): number {
  return Math.min(4, Math.max(1, 1 + 0.6 * (12 - z)));
}

const TILE_SIZE = 256;

interface Loaded {
  projectId: string;
  manifest: Manifest;
  layers: Map<string, LoadedLayer>;
  dem: Promise<LoadedDem> | null;
  demSummary: DemSummary | null;
  lngLatToDem: PointTransform | null;
}

function featureVertexRange(layer: VectorLayer, index: number): [number, number] {
  const { kind, geomOffsets, partOffsets, ringOffsets } = layer.geometry;
  if (kind === 'Point') return geomOffsets.length === 0 ? [index, index + 1] : [geomOffsets[index], geomOffsets[index + 1]];
  const p0 = geomOffsets[index];
  const p1 = geomOffsets[index + 1];
  if (p1 === p0) return [0, 0];
  if (kind === 'LineString') return [partOffsets[p0], partOffsets[p1]];
  return [ringOffsets[partOffsets[p0]], ringOffsets[partOffsets[p1]]];
}

/** A manifest for a project that is not a folder of files: only its name and extent matter. */
function userManifest(project: StoredProject): Manifest {
  const user = { zh: '用户数据', en: 'User data' };
  return { id: project.id, name: { zh: project.name, en: project.name }, synthetic: false, seed: 0, vectorCrs: 'EPSG:4326', bboxLngLat: DEFAULT_BBOX, layers: [], attribution: user };
}

function unionBBox(boxes: [number, number, number, number][]): [number, number, number, number] | null {
  const finite = boxes.filter((b) => b.every(Number.isFinite));
  if (finite.length === 0) return null;
  return [Math.min(...finite.map((b) => b[0])), Math.min(...finite.map((b) => b[1])), Math.max(...finite.map((b) => b[2])), Math.max(...finite.map((b) => b[3]))];
}

/** A document write's outcome: the revision it was stored as, or why the stored one is kept. */
export type DocumentSave = { ok: true; revision: number } | { ok: false; error: DocumentProblem };

/** Builds the data API: datasets stay resident here; callers get render buffers and ids. */
export function createDataApi(host: DataApiHost) {
  let loaded: Loaded | null = null;
  const { storage } = host;
  /** Document writes in flight: an export waits for them, so it holds the newest edits. */
  const pendingWrites = new Set<Promise<unknown>>();
  /** The last write of each document: writes of one document run one after another, in call order. */
  const lastWrite = new Map<string, Promise<unknown>>();

  function requireLoaded(): Loaded {
    if (!loaded) throw new Error('No project is loaded yet.');
    return loaded;
  }

  function requireLayer(id: string) {
    const layer = requireLoaded().layers.get(id);
    if (!layer) throw new Error(`There is no layer "${id}" in this project.`);
    return layer;
  }

  async function requireDem(): Promise<{ loadedDem: LoadedDem; lngLatToDem: PointTransform }> {
    const { dem, lngLatToDem } = requireLoaded();
    if (!dem || !lngLatToDem) throw new Error('This project has no DEM.');
    return { loadedDem: await dem, lngLatToDem };
  }

  /** Names of villages by id, built on first use, for features that refer to a village. */
  let villageNames: Map<string, string> | null = null;
  function villageName(id: string): string | undefined {
    if (!villageNames) {
      villageNames = new Map();
      for (const { info, data } of requireLoaded().layers.values()) {
        if (info.role !== 'villages') continue;
        const ids = data.table.columns.find((c) => c.name === 'id');
        const names = data.table.columns.find((c) => c.name === 'name');
        if (ids?.type !== 'string' || names?.type !== 'string') continue;
        for (let i = 0; i < data.table.length; i++) {
          const key = ids.values[i];
          const value = names.values[i];
          if (key !== null && value !== null) villageNames.set(key, value);
        }
      }
    }
    return villageNames.get(id);
  }

  /** The stored record of the open project, created on first change (the demo has none until then). */
  async function touchProject(): Promise<StoredProject> {
    const { projectId, manifest } = requireLoaded();
    const now = Date.now();
    const existing = await storage.getProject(projectId);
    const project: StoredProject = existing
      ? { ...existing, updatedAt: now }
      : { id: projectId, name: manifest.name.zh, base: projectId === DEMO_PROJECT_ID ? 'demo' : null, createdAt: now, updatedAt: now };
    await storage.putProject(project);
    return project;
  }

  function setDemOf(target: Loaded, grid: Grid<Float32Array>) {
    target.dem = Promise.resolve(prepareDem(grid));
    target.demSummary = demSummary(grid);
    target.lngLatToDem = makeTransform('EPSG:4326', grid.crs);
  }

  /** Opens a project (the demo folder and/or stored layers); throws LoadError on failure. */
  async function openOrThrow(projectId: string, demoUrl: string, onProgress?: (p: LoadProgress) => void): Promise<{ project: ProjectLoad; buffers: ArrayBuffer[] }> {
    const stored = await storage.getProject(projectId);
    if (projectId !== DEMO_PROJECT_ID && !stored) throw new LoadError({ code: 'project.missing', file: projectId, detail: 'not in this browser' });
    const next: Loaded = { projectId, manifest: stored ? userManifest(stored) : userManifest({ id: projectId, name: projectId, base: null, createdAt: 0, updatedAt: 0 }), layers: new Map(), dem: null, demSummary: null, lngLatToDem: null };
    if (projectId === DEMO_PROJECT_ID || stored?.base === 'demo') {
      const folder = await loadFolder(demoUrl, host.fetchBytes, onProgress);
      // A copy of the demo (e.g. an imported project file) shows its own name.
      next.manifest = projectId === DEMO_PROJECT_ID || !stored ? folder.manifest : { ...folder.manifest, name: { zh: stored.name, en: stored.name } };
      for (const l of folder.layers) next.layers.set(l.info.id, l);
      next.dem = folder.dem;
      next.demSummary = folder.demSummary;
      next.lngLatToDem = folder.demCrs ? makeTransform('EPSG:4326', folder.demCrs) : null;
    } else {
      onProgress?.({ stage: 'layers', done: 1, total: 2 });
    }
    const userProject = stored !== undefined && stored.base === null;
    for (const l of await storage.listLayers(projectId)) {
      next.layers.set(l.layerId, { info: layerInfo(l.layerId, l.role, l.name, l.source, l.data, true), data: l.data });
    }
    const storedDem = await storage.getDem(projectId);
    if (storedDem) setDemOf(next, storedDem.grid);
    // The demo keeps its own extent; a user project opens on its data.
    if (userProject) {
      const bbox = unionBBox([...next.layers.values()].map((l) => l.data.bbox).concat(next.demSummary ? [next.demSummary.bboxLngLat] : []));
      if (bbox) next.manifest = { ...next.manifest, bboxLngLat: bbox };
    }
    if (userProject) onProgress?.({ stage: 'done', done: 2, total: 2 });
    loaded = next;
    villageNames = null;
    const renders = [...next.layers.values()].map(renderOf);
    const outsideMask = outsideMaskGeoJson(next.layers, next.demSummary?.bboxLngLat ?? next.manifest.bboxLngLat);
    const project: ProjectLoad = { projectId, manifest: next.manifest, layers: renders, outsideMask, dem: next.demSummary };
    return { project, buffers: transferables(renders, [outsideMask]) };
  }

  const api = {
    /**
     * Serves this API on a message port too, so another worker (the analysis worker) can read
     * layers straight from here without passing them through the main thread.
     */
    serve(port: MessagePort): void {
      expose(api, port);
    },

    /**
     * Opens a project: `demo` is the demo county folder at `demoUrl` plus whatever the user
     * added to it; any other id is a stored project. Reports progress after each file;
     * returns render buffers for every layer, or which file failed and why. A failed open
     * leaves the project already open in place.
     */
    async openProject(projectId: string, demoUrl: string, onProgress?: (p: LoadProgress) => void): Promise<LoadOutcome> {
      try {
        const { project, buffers } = await openOrThrow(projectId, demoUrl, onProgress);
        // Buffers move to the main thread instead of being copied.
        return transfer({ ok: true, value: project }, buffers);
      } catch (e) {
        if (e instanceof LoadError) return { ok: false, error: e.failure };
        throw e;
      }
    },

    /** Projects kept in this browser, newest first. */
    async listProjects(): Promise<ProjectSummary[]> {
      return (await storage.listProjects()).map(({ id, name, base, updatedAt }) => ({ id, name, base, updatedAt }));
    },

    /** Creates an empty project (no demo data) and returns its id; open it with openProject. */
    async createProject(name: string): Promise<string> {
      const now = Date.now();
      const id = `p${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      await storage.putProject({ id, name, base: null, createdAt: now, updatedAt: now });
      return id;
    },

    /** Deletes a stored project with all its layers. Deleting `demo` removes only what the user added. */
    async deleteProject(id: string): Promise<void> {
      await storage.deleteProject(id);
    },

    /**
     * Adds a layer (already in longitude/latitude) to the open project and stores it, so a
     * reload restores it. Returns its render buffers.
     */
    async addLayer(input: { role: LayerRole; name: LocalizedText; source: LocalizedText; data: VectorLayer }): Promise<LayerRender> {
      const target = requireLoaded();
      const project = await touchProject();
      const base = input.role.replace(/_/g, '-');
      let n = 1;
      while (target.layers.has(`user-${base}-${n}`)) n++;
      const id = `user-${base}-${n}`;
      const data: VectorLayer = { ...input.data, bbox: bboxOf(input.data.geometry.coords) };
      await storage.putLayer({ projectId: project.id, layerId: id, role: input.role, name: input.name, source: input.source, addedAt: Date.now(), data });
      const layer: LoadedLayer = { info: layerInfo(id, input.role, input.name, input.source, data, true), data };
      target.layers.set(id, layer);
      villageNames = null;
      const render = renderOf(layer);
      return transfer(render, transferables([render]));
    },

    /** Removes a layer the user added (demo layers can only be hidden). */
    async removeLayer(layerId: string): Promise<void> {
      const target = requireLoaded();
      const layer = requireLayer(layerId);
      if (!layer.info.userLayer) throw new Error(`Layer "${layerId}" is part of the demo data and cannot be removed.`);
      await storage.deleteLayer(target.projectId, layerId);
      await touchProject();
      target.layers.delete(layerId);
      villageNames = null;
    },

    /** Replaces the project's DEM (in its own CRS; NaN is nodata) and stores it. */
    async setDem(grid: Grid<Float32Array>, fileName: string): Promise<DemSummary> {
      const target = requireLoaded();
      const project = await touchProject();
      const stored: Grid<Float32Array> = { ...grid, nodata: grid.nodata ?? null };
      await storage.putDem({ projectId: project.id, fileName, grid: stored });
      setDemOf(target, stored);
      return target.demSummary!;
    },

    /** A layer as a file: GeoJSON, FlatGeobuf (with spatial index) or CSV (UTF-8 with BOM). */
    exportLayer(layerId: string, format: ExportFormat): Uint8Array {
      const bytes = exportLayer(requireLayer(layerId).data, format);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    /** Join keys of every village (id, 12-digit code, name, position), for tables joined to villages. */
    villageKeys(): VillageKey[] {
      const keys: VillageKey[] = [];
      for (const { info, data } of requireLoaded().layers.values()) {
        if (info.role !== 'villages') continue;
        const col = (name: string) => data.table.columns.find((c) => c.name === name);
        const ids = col('id'), codes = col('adminCode'), names = col('name');
        const text = (c: ReturnType<typeof col>, i: number) => (c ? (c.type === 'number' ? (Number.isNaN(c.values[i]) ? null : String(c.values[i])) : c.type === 'string' ? c.values[i] : null) : null);
        const range = (i: number) => featureVertexRange(data, i);
        for (let i = 0; i < data.table.length; i++) {
          const [v0, v1] = range(i);
          if (v1 <= v0) continue;
          // A polygon village is placed at the mean of its vertices: enough to join and draw a household.
          let x = 0, y = 0;
          for (let v = v0; v < v1; v++) {
            x += data.geometry.coords[2 * v];
            y += data.geometry.coords[2 * v + 1];
          }
          keys.push({ id: text(ids, i), adminCode: text(codes, i), name: text(names, i), lng: x / (v1 - v0), lat: y / (v1 - v0) });
        }
      }
      return keys;
    },

    /**
     * Contour lines as UTF-8 GeoJSON (properties `ele` in metres, `major` for index
     * contours). Asked for after the project is on screen, so it never delays the map.
     */
    async getContours(): Promise<Uint8Array | null> {
      if (!requireLoaded().dem) return null;
      const { dem } = (await requireDem()).loadedDem;
      const bytes = contourGeoJson(dem, makeTransform(dem.crs, 'EPSG:4326'));
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    /**
     * One DEM-derived tile image: `hillshade` for the basemap, `terrarium` elevations
     * for MapLibre's 3D terrain.
     */
    async getDemTile(kind: DemTileKind, z: number, x: number, y: number): Promise<ImageBitmap | ArrayBuffer> {
      const { loadedDem, lngLatToDem } = await requireDem();
      const { demDisplay } = loadedDem;
      const rgba =
        kind === 'hillshade'
          ? renderHillshadeTile(demDisplay, lngLatToDem, z, x, y, TILE_SIZE, { zFactor: hillshadeZFactor(z) })
          : renderTerrariumTile(demDisplay, lngLatToDem, z, x, y, TILE_SIZE);
      const image = await host.toTileImage(rgba, TILE_SIZE);
      return transfer(image, [image]);
    },

    /** Elevation in metres at a longitude/latitude, or null outside the DEM or on nodata. */
    async elevationAt(lng: number, lat: number): Promise<number | null> {
      if (!requireLoaded().dem) return null;
      const { loadedDem, lngLatToDem } = await requireDem();
      const { dem } = loadedDem;
      const [gx, gy] = lngLatToDem(lng, lat);
      const [ox, pw, , oy, , ph] = dem.transform;
      const col = Math.floor((gx - ox) / pw);
      const row = Math.floor((gy - oy) / ph);
      if (col < 0 || row < 0 || col >= dem.width || row >= dem.height) return null;
      const v = dem.data[row * dem.width + col];
      return v === dem.nodata || Number.isNaN(v) ? null : v;
    },

    /**
     * Ground elevation in metres under every feature of a point layer (bilinear on the
     * display DEM), so symbols can stand on the 3D terrain.
     */
    async getPointElevations(layerId: string): Promise<Float32Array> {
      const { data } = requireLayer(layerId);
      const out = new Float32Array(data.table.length);
      if (!requireLoaded().dem) return transfer(out, [out.buffer]);
      const { loadedDem, lngLatToDem } = await requireDem();
      const { demDisplay } = loadedDem;
      const [ox, pw, , oy, , ph] = demDisplay.transform;
      const c = data.geometry.coords;
      const first = (i: number) => (data.geometry.geomOffsets.length === 0 ? i : data.geometry.geomOffsets[i]);
      for (let i = 0; i < out.length; i++) {
        const [x, y] = lngLatToDem(c[2 * first(i)], c[2 * first(i) + 1]);
        out[i] = sampleBilinear(demDisplay.data, demDisplay.width, demDisplay.height, (x - ox) / pw, (y - oy) / ph);
      }
      return transfer(out, [out.buffer]);
    },

    /**
     * Every attribute of one feature, in column order, followed by derived figures the map
     * is styled by (a village's low-income share and whether that makes it a key village).
     */
    getFeatureProperties(layerId: string, index: number): [string, string | number | boolean | null][] {
      const { info, data } = requireLayer(layerId);
      const rows: [string, string | number | boolean | null][] = data.table.columns.map((c) => [c.name, cellValue(c, index)]);
      const villageId = rows.find(([k]) => k === 'villageId')?.[1];
      if (typeof villageId === 'string') {
        const name = villageName(villageId);
        if (name) rows.push(['villageName', name]);
      }
      if (info.role === 'villages') {
        const value = (name: string) => rows.find(([k]) => k === name)?.[1];
        const households = value('households');
        const lowIncome = value('lowIncomeHouseholds');
        if (typeof households === 'number' && typeof lowIncome === 'number' && households > 0) {
          const share = lowIncome / households;
          rows.push(['lowIncomeShare', share], ['keyVillage', share > KEY_VILLAGE_LOW_INCOME_SHARE]);
        }
      }
      return rows;
    },

    /** Bounding box [west, south, east, north] of one feature, for zooming to it. */
    getFeatureBBox(layerId: string, index: number): [number, number, number, number] | null {
      const { data } = requireLayer(layerId);
      const [v0, v1] = featureVertexRange(data, index);
      if (v1 <= v0) return null;
      const c = data.geometry.coords;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let v = v0; v < v1; v++) {
        minX = Math.min(minX, c[2 * v]);
        maxX = Math.max(maxX, c[2 * v]);
        minY = Math.min(minY, c[2 * v + 1]);
        maxY = Math.max(maxY, c[2 * v + 1]);
      }
      return [minX, minY, maxX, maxY];
    },

    /**
     * What an exposure run reads: the hazard and exposed layers' geometry with the analysis
     * columns, and the township boundaries (the boundary layer with most named features).
     * Structured-cloned to the caller; the worker keeps its own copy.
     */
    exposureInputs(hazardLayerIds: string[], exposedLayerIds: string[]): ExposureInputs {
      const source = (layer: LoadedLayer): SourceLayer => ({
        layerId: layer.info.id,
        role: layer.info.role,
        name: layer.info.name,
        source: layer.info.source,
        crs: layer.data.crs,
        geometry: layer.data.geometry,
        columns: layer.data.table.columns.filter((c) => (ANALYSIS_COLUMNS as readonly string[]).includes(c.name)),
      });
      const boundaries = [...requireLoaded().layers.values()]
        .filter((l) => l.info.role === 'boundary' && l.data.geometry.kind === 'Polygon' && l.data.table.length > 1 && l.data.table.columns.some((c) => c.name === 'name'))
        .sort((a, b) => b.data.table.length - a.data.table.length);
      return {
        hazards: hazardLayerIds.map((id) => source(requireLayer(id))),
        exposed: exposedLayerIds.map((id) => source(requireLayer(id))),
        townships: boundaries.length > 0 ? source(boundaries[0]) : null,
      };
    },

    /**
     * What a suitability model reads: the DEM (null when the project has none) and every
     * vector layer with all its columns (rules may filter on any of them). Structured-cloned
     * to the caller, which keeps its copy for as long as the project is open.
     */
    async suitabilityInputs(): Promise<{ dem: Grid<Float32Array> | null; layers: SourceLayer[] }> {
      const { dem, layers } = requireLoaded();
      return {
        dem: dem ? (await dem).dem : null,
        layers: [...layers.values()].map(({ info, data }) => ({ layerId: info.id, role: info.role, name: info.name, source: info.source, crs: data.crs, geometry: data.geometry, columns: data.table.columns })),
      };
    },

    /**
     * Sets (or replaces) a derived text column on a layer, e.g. a settlement's hazard check,
     * so its attribute table shows it and later analyses read it. Not stored: the analysis
     * that derives it reruns when the project opens.
     */
    setDerivedColumn(layerId: string, name: string, values: (string | null)[]): LayerInfo {
      const layer = requireLayer(layerId);
      const { data, info } = layer;
      if (values.length !== data.table.length) throw new Error(`Layer "${layerId}" has ${data.table.length} features, not ${values.length}.`);
      const columns = data.table.columns.filter((c) => c.name !== name);
      columns.push({ name, type: 'string', values, derived: true });
      data.table = { ...data.table, columns };
      layer.info = layerInfo(info.id, info.role, info.name, info.source, data, info.userLayer);
      return layer.info;
    },

    /**
     * A named document stored with the open project, migrated to the version this app
     * writes (value null when there is none), or why it is refused: it comes from a newer
     * Anju or does not check out. A refused document stays in storage as it is.
     */
    async getDocument(name: string): Promise<DocumentLoad> {
      return loadDocument(name, await storage.getDocument(requireLoaded().projectId, name));
    },

    /**
     * Stores a named document with the open project (creating the project's record if
     * needed) in its envelope, and returns its new revision. A stored document this app
     * refuses to read is never overwritten: the write is refused with the same problem.
     * Throws when `value` is not a document of that kind (a bug in its store).
     */
    async putDocument(name: string, value: unknown): Promise<DocumentSave> {
      const kind = documentKind(name);
      const wrong = kind.check(value);
      if (wrong !== null) throw new Error(`The ${kind.title.en} cannot be stored: ${wrong || 'the value'} is not as its current version needs.`);
      const { projectId } = requireLoaded();
      const key = `${projectId}\u0000${name}`;
      const write = (lastWrite.get(key) ?? Promise.resolve())
        .catch(() => undefined)
        .then(async (): Promise<DocumentSave> => {
          const stored = loadDocument(name, await storage.getDocument(projectId, name));
          if (!stored.ok) return stored;
          const project = await touchProject();
          const outcome = await storage.putDocument({ projectId: project.id, name, schemaVersion: documentVersion(name), value });
          if (!outcome.ok) throw new Error(`Storage refused a write of "${name}" that expected no revision.`);
          return { ok: true, revision: outcome.revision };
        });
      lastWrite.set(key, write);
      pendingWrites.add(write);
      try {
        return await write;
      } finally {
        pendingWrites.delete(write);
        if (lastWrite.get(key) === write) lastWrite.delete(key);
      }
    },

    /**
     * A stored project as one `.anju` file (src/io/project-file.ts). The demo county's own
     * files ship with the app and are left out: its file holds what the user added to it
     * (an empty record with base `demo` when there is nothing yet).
     */
    async exportProject(projectId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
      await Promise.allSettled([...pendingWrites]);
      const now = Date.now();
      let project = await storage.getProject(projectId);
      if (!project && projectId === DEMO_PROJECT_ID) {
        const name = loaded?.projectId === DEMO_PROJECT_ID ? loaded.manifest.name.zh : DEMO_PROJECT_ID;
        project = { id: DEMO_PROJECT_ID, name, base: 'demo', createdAt: now, updatedAt: now };
      }
      if (!project) throw new Error(`There is no project "${projectId}" in this browser to export.`);
      const [layers, dem, documents] = await Promise.all([storage.listLayers(projectId), storage.getDem(projectId), storage.listDocuments(projectId)]);
      const bytes = encodeProjectFile({ project, layers, dem: dem ?? null, documents: documents.map((d) => ({ ...d, ...envelopeOf(d) })) });
      return transfer({ fileName: projectFileName(project.name), bytes }, [bytes.buffer as ArrayBuffer]);
    },

    /**
     * Stores a `.anju` file as a project and returns its id (open it with openProject). The
     * file is read and checked completely first; a refused file writes nothing. A project
     * whose id is already here (or the demo's) comes in as a new project named "…（导入）".
     * The project record is written last, so an import cut short never lists.
     */
    async importProject(bytes: Uint8Array): Promise<ProjectFileResult<{ id: string; name: string }>> {
      const decoded = decodeProjectFile(bytes);
      if (!decoded.ok) return decoded;
      const { project, layers, dem, documents } = decoded.value;
      const taken = project.id === DEMO_PROJECT_ID || (await storage.getProject(project.id)) !== undefined;
      const id = taken ? `p${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}` : project.id;
      const name = taken ? `${project.name}（导入）` : project.name;
      try {
        for (const layer of layers) await storage.putLayer({ ...layer, projectId: id });
        if (dem) await storage.putDem({ ...dem, projectId: id });
        for (const { name: docName, schemaVersion, value } of documents) await storage.putDocument({ projectId: id, name: docName, schemaVersion, value });
        await storage.putProject({ ...project, id, name });
      } catch (e) {
        await storage.deleteProject(id).catch(() => undefined);
        const detail = e instanceof Error ? e.message : String(e);
        return { ok: false, error: { code: 'storage', message: localizeMessage(message('storage.full', { detail })) } };
      }
      return { ok: true, value: { id, name } };
    },

    /** One page of a layer's attribute table after filtering and sorting. */
    queryTable(layerId: string, request: TablePageRequest): TablePage {
      const { data } = requireLayer(layerId);
      const rows = queryRows(data.table, request);
      const end = Math.min(rows.length, request.offset + request.limit);
      const indices: number[] = [];
      const cells: TablePage['rows'] = [];
      for (let k = request.offset; k < end; k++) {
        const r = rows[k];
        indices.push(r);
        cells.push(data.table.columns.map((c) => cellValue(c, r)));
      }
      return { total: rows.length, indices, rows: cells };
    },
  };
  return api;
}

export type DataApi = ReturnType<typeof createDataApi>;
