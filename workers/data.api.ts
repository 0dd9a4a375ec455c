import { transfer } from 'comlink';
import type { Grid, VectorLayer } from '../src/core/types';
import type { Manifest } from '../src/core/manifest';
import { isGeographic, makeTransform, type PointTransform } from '../src/core/crs';
import { fillNodataSmooth } from '../src/core/fill-nodata';
import { sampleBilinear } from '../src/core/raster';
import { renderTerrariumTile } from '../src/core/tiles/dem-tile';
import { renderHillshadeTile } from '../src/core/tiles/hillshade-tile';
import { contourLines } from '../src/core/contours';
import { queryRows, cellValue } from '../src/core/table-query';
import { KEY_VILLAGE_LOW_INCOME_SHARE } from '../src/core/policy-defaults';
import { readFlatGeobuf } from '../src/io/fgb';
import { openGeoTiff, type OpenedGeoTiff } from '../src/io/geotiff';
import { pointBuffers, shapeGeoJson } from './render-buffers';
import type { LayerInfo, LayerRender, LoadFailure, LoadOutcome, LoadProgress, ProjectLoad, TablePage, TablePageRequest } from './data.types';

/** What the data API needs from its host; the worker passes browser APIs, tests pass stubs. */
export interface DataApiHost {
  /** Fetches a file's bytes; rejects with a message naming the URL when it cannot. */
  fetchBytes(url: string): Promise<ArrayBuffer>;
  /**
   * Turns RGBA pixels into something MapLibre's addProtocol accepts and that can be
   * transferred: an ImageBitmap in the worker (no PNG encode and decode per tile).
   */
  toTileImage(rgba: Uint8ClampedArray, size: number): Promise<ImageBitmap | ArrayBuffer>;
}

export type DemTileKind = 'hillshade' | 'terrarium';

/** Vertical exaggeration of the hillshade: relief per pixel shrinks as one zooms out. */
function hillshadeZFactor(z: number): number {
  return Math.min(4, Math.max(1, 1 + 0.6 * (12 - z)));
}

/** Raised inside loadProject for expected failures; returned to the caller as a LoadFailure value. */
class LoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(`${failure.code}: ${failure.file}: ${failure.detail}`);
  }
}

/** Contour interval of the basemap, and the interval of the thicker index contours. */
const CONTOUR_INTERVAL_M = 50;
const INDEX_CONTOUR_M = 250;
const TILE_SIZE = 256;

interface LoadedDem {
  dem: Grid<Float32Array>;
  /** The DEM with nodata filled, for tiles. */
  demDisplay: Grid<Float32Array>;
}

interface Loaded {
  manifest: Manifest;
  layers: Map<string, { info: LayerInfo; data: VectorLayer }>;
  dem: Promise<LoadedDem>;
  lngLatToDem: PointTransform;
}

/** Decodes the DEM band as Float32 and prepares its display copy. */
async function decodeDem(opened: OpenedGeoTiff, file: string): Promise<LoadedDem> {
  const band = await opened.readBand();
  if (!band.ok) throw new LoadError({ code: 'format', file, detail: band.error.message });
  const data = band.value instanceof Float32Array ? band.value : Float32Array.from(band.value);
  const dem: Grid<Float32Array> = { ...opened.header, data };
  return { dem, demDisplay: fillNodataSmooth(dem) };
}

function toLngLat(layer: VectorLayer): VectorLayer {
  if (isGeographic(layer.crs)) return layer;
  const t = makeTransform(layer.crs, 'EPSG:4326');
  const coords = new Float64Array(layer.geometry.coords.length);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    const [x, y] = t(layer.geometry.coords[i], layer.geometry.coords[i + 1]);
    coords[i] = x;
    coords[i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { ...layer, geometry: { ...layer.geometry, coords }, bbox: [minX, minY, maxX, maxY], crs: 'EPSG:4326' };
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

/** Builds the data API: datasets stay resident here; callers get render buffers and ids. */
export function createDataApi(host: DataApiHost) {
  let loaded: Loaded | null = null;

  function requireLoaded(): Loaded {
    if (!loaded) throw new Error('No project is loaded yet.');
    return loaded;
  }

  function requireLayer(id: string) {
    const layer = requireLoaded().layers.get(id);
    if (!layer) throw new Error(`There is no layer "${id}" in this project.`);
    return layer;
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

  async function fetchOrExplain(url: string): Promise<ArrayBuffer> {
    try {
      return await host.fetchBytes(url);
    } catch (e) {
      throw new LoadError({ code: 'fetch', file: url, detail: (e as Error).message });
    }
  }

  /** Loads a project; returns it with the buffers to transfer, or throws a LoadError. */
  async function loadProjectOrThrow(baseUrl: string, onProgress?: (p: LoadProgress) => void): Promise<{ project: ProjectLoad; buffers: ArrayBuffer[] }> {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(new TextDecoder().decode(await fetchOrExplain(`${base}manifest.json`))) as Manifest;
    } catch (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError({ code: 'manifest', file: `${base}manifest.json`, detail: (e as Error).message });
    }
    const total = manifest.layers.length + 2;
    let done = 1;
    const report = (stage: LoadProgress['stage']) => onProgress?.({ stage, done, total });
    report('manifest');

    const demBytesPromise = fetchOrExplain(`${base}${manifest.dem.file}`);
    const layerBytes = manifest.layers.map((l) => fetchOrExplain(`${base}${l.file}`));
    // Failures are reported in file order below; until then they must not count as unhandled.
    for (const p of [demBytesPromise, ...layerBytes]) p.catch(() => undefined);
    const opened = await openGeoTiff(await demBytesPromise);
    if (!opened.ok) throw new LoadError({ code: 'format', file: manifest.dem.file, detail: opened.error.message });
    const demHeader = opened.value.header;
    // The band is decoded after the project is returned, overlapping the main thread's
    // map setup; tiles and elevation queries wait for it.
    const demPromise = decodeDem(opened.value, manifest.dem.file);
    demPromise.catch(() => undefined);
    done++;
    report('dem');

    const layers = new Map<string, { info: LayerInfo; data: VectorLayer }>();
    const renders: LayerRender[] = [];
    for (let k = 0; k < manifest.layers.length; k++) {
      const entry = manifest.layers[k];
      const result = readFlatGeobuf(new Uint8Array(await layerBytes[k]));
      if (!result.ok) throw new LoadError({ code: 'format', file: entry.file, detail: result.error.message });
      const data = toLngLat(result.value);
      const info: LayerInfo = {
        id: entry.id,
        role: entry.role,
        kind: data.geometry.kind,
        name: entry.name,
        source: entry.source,
        featureCount: data.table.length,
        bboxLngLat: data.bbox,
        columns: data.table.columns.map((c) => ({ name: c.name, type: c.type })),
      };
      layers.set(entry.id, { info, data });
      renders.push(
        data.geometry.kind === 'Point'
          ? { ...info, points: pointBuffers(data, entry.role) }
          : { ...info, geojson: shapeGeoJson(data, entry.role) },
      );
      done++;
      report('layers');
    }

    const lngLatToDem = makeTransform('EPSG:4326', demHeader.crs);
    const demToLngLat = makeTransform(demHeader.crs, 'EPSG:4326');
    const [ox, pw, , oy, , ph] = demHeader.transform;
    const corners = [
      demToLngLat(ox, oy),
      demToLngLat(ox + pw * demHeader.width, oy),
      demToLngLat(ox, oy + ph * demHeader.height),
      demToLngLat(ox + pw * demHeader.width, oy + ph * demHeader.height),
    ];
    const bboxLngLat: [number, number, number, number] = [
      Math.min(...corners.map((c) => c[0])),
      Math.min(...corners.map((c) => c[1])),
      Math.max(...corners.map((c) => c[0])),
      Math.max(...corners.map((c) => c[1])),
    ];
    loaded = { manifest, layers, dem: demPromise, lngLatToDem };
    villageNames = null;
    done = total;
    report('done');
    const outsideMask = outsideMaskGeoJson(layers, bboxLngLat);
    const result: ProjectLoad = { manifest, layers: renders, outsideMask, dem: { bboxLngLat, cellSizeMeters: Math.abs(pw) } };
    const buffers: ArrayBuffer[] = [];
    if (outsideMask) buffers.push(outsideMask.buffer as ArrayBuffer);
    for (const r of renders) {
      if (r.geojson) buffers.push(r.geojson.buffer as ArrayBuffer);
      if (r.points) {
        buffers.push(r.points.positions.buffer as ArrayBuffer);
        for (const a of Object.values(r.points.style)) buffers.push(a.buffer as ArrayBuffer);
      }
    }
    return { project: result, buffers };
  }

  return {
    /**
     * Loads a project from a folder holding `manifest.json`, its DEM and its layers.
     * Reports progress after each file; returns render buffers for every layer, or which
     * file failed and why. A failed load leaves any previously loaded project in place.
     */
    async loadProject(baseUrl: string, onProgress?: (p: LoadProgress) => void): Promise<LoadOutcome> {
      try {
        const { project, buffers } = await loadProjectOrThrow(baseUrl, onProgress);
        // Buffers move to the main thread instead of being copied.
        return transfer({ ok: true, value: project }, buffers);
      } catch (e) {
        if (e instanceof LoadError) return { ok: false, error: e.failure };
        throw e;
      }
    },

    /**
     * Contour lines as UTF-8 GeoJSON (properties `ele` in metres, `major` for index
     * contours). Asked for after the project is on screen, so it never delays the map.
     */
    async getContours(): Promise<Uint8Array> {
      const { dem } = await requireLoaded().dem;
      const bytes = contourGeoJson(dem, makeTransform(dem.crs, 'EPSG:4326'));
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    /**
     * One DEM-derived tile image: `hillshade` for the basemap, `terrarium` elevations
     * for MapLibre's 3D terrain.
     */
    async getDemTile(kind: DemTileKind, z: number, x: number, y: number): Promise<ImageBitmap | ArrayBuffer> {
      const { dem: demPromise, lngLatToDem } = requireLoaded();
      const { demDisplay } = await demPromise;
      const rgba =
        kind === 'hillshade'
          ? renderHillshadeTile(demDisplay, lngLatToDem, z, x, y, TILE_SIZE, { zFactor: hillshadeZFactor(z) })
          : renderTerrariumTile(demDisplay, lngLatToDem, z, x, y, TILE_SIZE);
      const image = await host.toTileImage(rgba, TILE_SIZE);
      return transfer(image, [image]);
    },

    /** Elevation in metres at a longitude/latitude, or null outside the DEM or on nodata. */
    async elevationAt(lng: number, lat: number): Promise<number | null> {
      const { dem: demPromise, lngLatToDem } = requireLoaded();
      const { dem } = await demPromise;
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
      const { dem: demPromise, lngLatToDem } = requireLoaded();
      const { demDisplay } = await demPromise;
      const [ox, pw, , oy, , ph] = demDisplay.transform;
      const out = new Float32Array(data.table.length);
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
}

/**
 * A frame around the project (1° beyond the DEM) with the outer rings of the county
 * boundary as holes. The county is the boundary layer with the fewest features.
 */
function outsideMaskGeoJson(layers: Map<string, { info: LayerInfo; data: VectorLayer }>, bbox: [number, number, number, number]): Uint8Array | null {
  const boundaries = [...layers.values()].filter((l) => l.info.role === 'boundary' && l.data.geometry.kind === 'Polygon');
  if (boundaries.length === 0) return null;
  const county = boundaries.reduce((a, b) => (b.data.table.length < a.data.table.length ? b : a)).data;
  const { coords, partOffsets, ringOffsets } = county.geometry;
  const [w, s, e, n] = [bbox[0] - 1, bbox[1] - 1, bbox[2] + 1, bbox[3] + 1];
  const rings = [`[[${w},${s}],[${e},${s}],[${e},${n}],[${w},${n}],[${w},${s}]]`];
  for (let p = 0; p < partOffsets.length - 1; p++) {
    const r = partOffsets[p];
    const pts: string[] = [];
    for (let v = ringOffsets[r]; v < ringOffsets[r + 1]; v++) pts.push(`[${coords[2 * v]},${coords[2 * v + 1]}]`);
    rings.push(`[${pts.join(',')}]`);
  }
  return new TextEncoder().encode(`{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[${rings.join(',')}]}}`);
}

/** Contours of the DEM every CONTOUR_INTERVAL_M metres, as longitude/latitude GeoJSON. */
function contourGeoJson(dem: Grid<Float32Array>, demToLngLat: PointTransform): Uint8Array {
  // Sampling every third cell (90 m on the demo DEM) keeps the basemap light; analyses use full resolution.
  const lines = contourLines(dem, { intervalM: CONTOUR_INTERVAL_M, step: 3 });
  const features: string[] = [];
  for (let l = 0; l < lines.levels.length; l++) {
    const pts: string[] = [];
    for (let v = lines.lineOffsets[l]; v < lines.lineOffsets[l + 1]; v++) {
      const [lng, lat] = demToLngLat(lines.coords[2 * v], lines.coords[2 * v + 1]);
      pts.push(`[${lng.toFixed(5)},${lat.toFixed(5)}]`);
    }
    if (pts.length < 2) continue;
    const ele = lines.levels[l];
    features.push(
      `{"type":"Feature","properties":{"ele":${ele},"major":${ele % INDEX_CONTOUR_M === 0}},"geometry":{"type":"LineString","coordinates":[${pts.join(',')}]}}`,
    );
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
}

export type DataApi = ReturnType<typeof createDataApi>;
