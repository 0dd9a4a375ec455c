/**
 * Building blocks of the data worker's project loading: reading the demo (or any
 * manifest folder) from URLs, turning layers into render buffers, describing the DEM.
 */
import type { Grid, VectorLayer } from '../src/core/types';
import type { LayerRole, LocalizedText, Manifest } from '../src/core/manifest';
import { isGeographic, makeTransform } from '../src/core/crs';
import { fillNodataSmooth } from '../src/core/fill-nodata';
import { readFlatGeobuf } from '../src/io/fgb';
import { openGeoTiff, type OpenedGeoTiff } from '../src/io/geotiff';
import { pointBuffers, shapeGeoJson } from './render-buffers';
import type { DemSummary, LayerInfo, LayerRender, LoadFailure, LoadProgress } from './data.types';

/** Raised while loading for expected failures; returned to the caller as a LoadFailure value. */
export class LoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(`${failure.code}: ${failure.file}: ${failure.detail}`);
  }
}

export interface LoadedDem {
  dem: Grid<Float32Array>;
  /** The DEM with nodata filled, for tiles. */
  demDisplay: Grid<Float32Array>;
}

export interface LoadedLayer {
  info: LayerInfo;
  data: VectorLayer;
}

/** Wraps a decoded DEM with its display copy (nodata filled so tiles have no holes). */
export function prepareDem(dem: Grid<Float32Array>): LoadedDem {
  return { dem, demDisplay: fillNodataSmooth(dem) };
}

/** Decodes the DEM band as Float32 and prepares its display copy. */
async function decodeDem(opened: OpenedGeoTiff, file: string): Promise<LoadedDem> {
  const band = await opened.readBand();
  if (!band.ok) throw new LoadError({ code: 'project.file-unreadable', file, detail: band.error.message });
  const data = band.value instanceof Float32Array ? band.value : Float32Array.from(band.value);
  return prepareDem({ ...opened.header, data });
}

/** A layer reprojected to longitude/latitude (EPSG:4326), with its bbox recomputed. */
export function toLngLat(layer: VectorLayer): VectorLayer {
  if (isGeographic(layer.crs)) return layer;
  const t = makeTransform(layer.crs, 'EPSG:4326');
  const coords = new Float64Array(layer.geometry.coords.length);
  for (let i = 0; i < coords.length; i += 2) {
    const [x, y] = t(layer.geometry.coords[i], layer.geometry.coords[i + 1]);
    coords[i] = x;
    coords[i + 1] = y;
  }
  return { ...layer, geometry: { ...layer.geometry, coords }, bbox: bboxOf(coords), crs: 'EPSG:4326' };
}

/** [minX, minY, maxX, maxY] of interleaved coordinates, skipping NaN. */
export function bboxOf(coords: Float64Array): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    const x = coords[i], y = coords[i + 1];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** What the main thread is told about a layer. */
export function layerInfo(id: string, role: LayerRole, name: LocalizedText, source: LocalizedText, data: VectorLayer, userLayer: boolean): LayerInfo {
  return {
    id,
    role,
    kind: data.geometry.kind,
    name,
    source,
    featureCount: data.table.length,
    bboxLngLat: data.bbox,
    columns: data.table.columns.map((c) => ({ name: c.name, type: c.type })),
    userLayer,
  };
}

/** Render buffers of a layer: typed arrays for points, GeoJSON bytes for lines and polygons. */
export function renderOf(layer: LoadedLayer): LayerRender {
  return layer.data.geometry.kind === 'Point'
    ? { ...layer.info, points: pointBuffers(layer.data, layer.info.role) }
    : { ...layer.info, geojson: shapeGeoJson(layer.data, layer.info.role) };
}

/** The buffers inside render outputs, to transfer rather than copy. */
export function transferables(renders: LayerRender[], extra: (Uint8Array | null)[] = []): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const b of extra) if (b) buffers.push(b.buffer as ArrayBuffer);
  for (const r of renders) {
    if (r.geojson) buffers.push(r.geojson.buffer as ArrayBuffer);
    if (r.points) {
      buffers.push(r.points.positions.buffer as ArrayBuffer);
      for (const a of Object.values(r.points.style)) buffers.push(a.buffer as ArrayBuffer);
    }
  }
  return buffers;
}

/** Where a DEM lies in longitude/latitude and its cell size in metres. */
export function demSummary(header: Pick<Grid, 'width' | 'height' | 'transform' | 'crs'>): DemSummary {
  const toLngLatT = makeTransform(header.crs, 'EPSG:4326');
  const [ox, pw, , oy, , ph] = header.transform;
  const corners = [
    toLngLatT(ox, oy),
    toLngLatT(ox + pw * header.width, oy),
    toLngLatT(ox, oy + ph * header.height),
    toLngLatT(ox + pw * header.width, oy + ph * header.height),
  ];
  const bboxLngLat: [number, number, number, number] = [
    Math.min(...corners.map((c) => c[0])),
    Math.min(...corners.map((c) => c[1])),
    Math.max(...corners.map((c) => c[0])),
    Math.max(...corners.map((c) => c[1])),
  ];
  const midLat = (bboxLngLat[1] + bboxLngLat[3]) / 2;
  const cellSizeMeters = isGeographic(header.crs) ? Math.abs(pw) * 111_320 * Math.cos((midLat * Math.PI) / 180) : Math.abs(pw);
  return { bboxLngLat, cellSizeMeters };
}

export interface FolderLoad {
  manifest: Manifest;
  layers: LoadedLayer[];
  /** Resolves once the DEM band is decoded (after the project is shown); null without a DEM. */
  dem: Promise<LoadedDem> | null;
  demSummary: DemSummary | null;
  demCrs: string | null;
}

/**
 * Loads a project folder (`manifest.json`, its DEM and its FlatGeobuf layers) from URLs.
 * Reports progress after each file; throws a LoadError naming the file that failed.
 */
export async function loadFolder(
  baseUrl: string,
  fetchBytes: (url: string) => Promise<ArrayBuffer>,
  onProgress?: (p: LoadProgress) => void,
): Promise<FolderLoad> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const fetchOrExplain = async (url: string) => {
    try {
      return await fetchBytes(url);
    } catch (e) {
      throw new LoadError({ code: 'project.fetch-failed', file: url, detail: (e as Error).message });
    }
  };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(await fetchOrExplain(`${base}manifest.json`))) as Manifest;
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw new LoadError({ code: 'project.manifest-invalid', file: `${base}manifest.json`, detail: (e as Error).message });
  }
  const total = manifest.layers.length + 2;
  let done = 1;
  const report = (stage: LoadProgress['stage']) => onProgress?.({ stage, done, total });
  report('manifest');

  const demFile = manifest.dem?.file;
  const demBytesPromise = demFile ? fetchOrExplain(`${base}${demFile}`) : null;
  const layerBytes = manifest.layers.map((l) => fetchOrExplain(`${base}${l.file}`));
  // Failures are reported in file order below; until then they must not count as unhandled.
  for (const p of [demBytesPromise, ...layerBytes]) p?.catch(() => undefined);
  let dem: Promise<LoadedDem> | null = null;
  let summary: DemSummary | null = null;
  let demCrs: string | null = null;
  if (demFile && demBytesPromise) {
    const opened = await openGeoTiff(await demBytesPromise);
    if (!opened.ok) throw new LoadError({ code: 'project.file-unreadable', file: demFile, detail: opened.error.message });
    // The band is decoded after the project is returned, overlapping the main thread's
    // map setup; tiles and elevation queries wait for it.
    dem = decodeDem(opened.value, demFile);
    dem.catch(() => undefined);
    summary = demSummary(opened.value.header);
    demCrs = opened.value.header.crs;
  }
  done++;
  report('dem');

  const layers: LoadedLayer[] = [];
  for (let k = 0; k < manifest.layers.length; k++) {
    const entry = manifest.layers[k];
    const result = readFlatGeobuf(new Uint8Array(await layerBytes[k]));
    if (!result.ok) throw new LoadError({ code: 'project.file-unreadable', file: entry.file, detail: result.error.message });
    const data = toLngLat(result.value);
    layers.push({ info: layerInfo(entry.id, entry.role, entry.name, entry.source, data, false), data });
    done++;
    report('layers');
  }
  done = total;
  report('done');
  return { manifest, layers, dem, demSummary: summary, demCrs };
}
