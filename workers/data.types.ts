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
  /** True for layers the user imported (they can be removed); false for the demo's own. */
  userLayer: boolean;
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

/** Where a DEM lies; its cells stay in the worker. */
export interface DemSummary {
  bboxLngLat: [number, number, number, number];
  cellSizeMeters: number;
}

export interface ProjectLoad {
  /** `demo`, or the id of a project stored in this browser. */
  projectId: string;
  manifest: Manifest;
  layers: LayerRender[];
  /**
   * UTF-8 GeoJSON of everything outside the county boundary (a frame with the county as
   * holes), so the basemap can fade what lies beyond the project area; null without a boundary.
   */
  outsideMask: Uint8Array | null;
  /** Null when the project has no DEM (no hillshade, contours or elevations then). */
  dem: DemSummary | null;
}

/** A project kept in this browser, for the project menu. */
export interface ProjectSummary {
  id: string;
  name: string;
  base: 'demo' | null;
  updatedAt: number;
}

/** What a table is joined to a village by. */
export interface VillageKey {
  id: string | null;
  adminCode: string | null;
  name: string | null;
  lng: number;
  lat: number;
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
 * (manifest.json is not valid JSON), `format` (the file is not what it should be) or
 * `missing-project` (a stored project is no longer in this browser).
 * `detail` is the reader's own explanation; the UI words the rest in the user's language.
 */
export interface LoadFailure {
  /** The catalogue's message for it, filled with `file` and `detail`. */
  code: 'project.fetch-failed' | 'project.manifest-invalid' | 'project.file-unreadable' | 'project.missing';
  file: string;
  detail: string;
}

export type LoadOutcome = { ok: true; value: ProjectLoad } | { ok: false; error: LoadFailure };
