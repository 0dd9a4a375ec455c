import type { GeometryKind } from '../src/core/types';
import type { LayerRole, LocalizedText, Manifest } from '../src/core/manifest';
import type { CellValue, TableQuery } from '../src/core/table-query';

/** What the main thread knows about a loaded layer (the data itself stays in the worker). */
export interface LayerInfo {
  id: string;
  role: LayerRole;
  kind: GeometryKind;
  name: LocalizedText;
  source: LocalizedText;
  featureCount: number;
  /** [west, south, east, north] in degrees. */
  bboxLngLat: [number, number, number, number];
  columns: { name: string; type: 'number' | 'string' | 'boolean' }[];
}

/**
 * Render-ready buffers for a point layer, for deck.gl binary attributes.
 * ```
 * positions  lng0 lat0 lng1 lat1 ...   (Float64, 2 per feature)
 * style[k]   v0 v1 ...                 (Float32, 1 per feature; NaN = missing)
 * ```
 */
export interface PointBuffers {
  positions: Float64Array;
  style: Record<string, Float32Array>;
  /** Map labels (feature names) for roles that are labelled: settlements. */
  labels?: (string | null)[];
}

export interface LayerRender extends LayerInfo {
  /** Points: typed arrays for deck.gl. */
  points?: PointBuffers;
  /**
   * Lines and polygons: UTF-8 GeoJSON for a MapLibre source, built in the worker so the
   * main thread only wraps it in a Blob URL (MapLibre parses it in its own worker).
   * Each feature carries `i` (its index in the layer) and the few properties styling needs.
   */
  geojson?: Uint8Array;
}

export interface ProjectLoad {
  manifest: Manifest;
  layers: LayerRender[];
  /**
   * UTF-8 GeoJSON of everything outside the county boundary (a frame with the county as
   * holes), so the basemap can fade what lies beyond the project area; null without a boundary.
   */
  outsideMask: Uint8Array | null;
  /** Where the DEM lies; its cells stay in the worker. */
  dem: { bboxLngLat: [number, number, number, number]; cellSizeMeters: number };
}

export type LoadStage = 'manifest' | 'dem' | 'layers' | 'done';

export interface LoadProgress {
  stage: LoadStage;
  /** Steps finished out of `total`, across all stages. */
  done: number;
  total: number;
}

export interface TablePageRequest extends TableQuery {
  offset: number;
  limit: number;
}

export interface TablePage {
  /** Rows that pass the filter. */
  total: number;
  /** Feature index of each row on this page. */
  indices: number[];
  rows: CellValue[][];
}

/**
 * Why a project could not be loaded: `fetch` (the file could not be read), `manifest`
 * (manifest.json is not valid JSON) or `format` (the file is not what it should be).
 * `detail` is the reader's own explanation; the UI words the rest in the user's language.
 */
export interface LoadFailure {
  code: 'fetch' | 'manifest' | 'format';
  file: string;
  detail: string;
}

export type LoadOutcome = { ok: true; value: ProjectLoad } | { ok: false; error: LoadFailure };
