/** What the main thread and the io worker exchange about imports (types, and the preview layer id). */
import type { OffsetSuggestion } from '../src/core/import/china-offsets';
import type { GeometryKind } from '../src/core/types';
import type { LayerRole } from '../src/core/manifest';
import type { ImportIssue, InputFile, ParsedSource } from '../src/core/import/types';
import type { CrsGuess } from '../src/core/import/coordinates';
import type { ChinaOffsetSystem } from '../src/core/import/china-offsets';
import type { CellValue } from '../src/core/table-query';
import type { LayerRender, VillageKey } from './data.types';
import type { RunProgress } from './run.protocol';

/** Id of the layer that shows an import's preview on the map. */
export const PREVIEW_LAYER_ID = 'import-preview';

/** A file as the browser hands it over (a File), or bytes with a name (tests). */
export type DroppedFile = InputFile | File;

export interface ColumnSummary {
  name: string;
  type: 'number' | 'string' | 'boolean';
  /** The first few distinct non-blank values, for the wizard's hints. */
  sample: CellValue[];
}

/** What the wizard needs to know about one parsed source. */
export interface SourceSummary {
  sourceId: string;
  fileName: string;
  kind: 'vector' | 'raster';
  format: ParsedSource['format'];
  tabular: boolean;
  featureCount: number;
  geometryKind: GeometryKind | null;
  columns: ColumnSummary[];
  /** CRS named by the file, or null. */
  crs: string | null;
  /** When the file names no CRS: the guess from its coordinates (the user confirms it). */
  crsGuess: CrsGuess | null;
  coordinateColumns: { x: string; y: string } | null;
  suggestedRole: LayerRole | null;
  /** Why that role: the file-name word and the role's fields the headers match (null for a DEM, or no guess). */
  roleReason: { word: string | null; fields: string[] } | null;
  /** What reading found: file-level remarks and per-row problems. */
  issues: ImportIssue[];
  raster: { width: number; height: number; min: number; max: number } | null;
}

export interface ImportSettings {
  role: LayerRole;
  /** The CRS the user confirmed for the coordinates. */
  crs: string | null;
  /** Data copied from Gaode/Tencent (GCJ-02) or Baidu (BD-09) is converted to WGS84. */
  offset: 'none' | ChinaOffsetSystem;
  /** Tables: the columns holding x (longitude) and y (latitude). */
  coordinates: { x: string; y: string } | null;
  /** Tables without coordinates: the column joined to the villages, and by what. */
  join: { column: string; by: 'adminCode' | 'name' | 'id' } | null;
  /** Role field → the user's column (null: not mapped). */
  fieldMap: Record<string, string | null>;
  /** Role field → the user's value → canonical value (null: unknown). */
  categoryMaps: Record<string, Record<string, string | null>>;
  /**
   * Role field → one value for every row, as typed (a canonical code for a category field),
   * for a required field the file has no column for (a township-seat list has no settlement
   * type or capacity). A field with a constant takes no column.
   */
  constants?: Record<string, string>;
}

export interface ImportContext {
  /** Villages of the open project, for tables joined by code or name. */
  villages: VillageKey[];
  /** The open project's extent, to flag features far outside it. */
  projectBBox: [number, number, number, number] | null;
}

export interface ImportPreview {
  render: LayerRender;
  issues: ImportIssue[];
  total: number;
  valid: number;
  rejected: number;
  warnings: number;
  /** The first rows after mapping, for the preview table. */
  columns: string[];
  rows: CellValue[][];
  bboxLngLat: [number, number, number, number];
  /** The points look like GCJ-02 or BD-09 read as WGS84 (see detectChinaOffset); null otherwise. */
  offsetSuggestion: OffsetSuggestion | null;
}

/** Files read of the files dropped, and the one being read. */
export interface ReadProgress extends RunProgress {
  file: string;
}

