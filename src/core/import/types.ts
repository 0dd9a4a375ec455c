/**
 * Shared shapes of the import pipeline: readers (src/io) turn files into a `ParsedSource`;
 * the wizard maps its fields to a role; validation (src/core/import) checks every row.
 * Problems are `ImportIssue` values with a stable code from the message catalogue
 * (src/core/messages); `describeIssue` words them in the user's language.
 */
import type { MessageCode, MessageParams } from '../messages';
import type { ColumnarGeometry, ColumnarTable, Grid } from '../types';

export type { Lang } from '../messages';

/**
 * error: the file (when no `index`) or that row is rejected.
 * warning: loaded, but changed or doubtful (repaired polygon, guessed encoding…).
 * info: a remark for the import summary (BOM removed, conversion applied…).
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export interface ImportIssue {
  /** Stable code, `<area>.<what>`, e.g. `shp.no-shp`, `csv.bom`, `row.population-negative`. */
  code: MessageCode;
  severity: IssueSeverity;
  /** The file the issue is about (as the user named it). */
  file?: string;
  /** 0-based feature/row index in the source; absent for file-level issues. */
  index?: number;
  /** The field (column) as named in the user's file. */
  field?: string;
  /** Values for the message template (the bad value, the expected range…). */
  params?: MessageParams;
}

/** A file handed to a reader: its name as the user dropped it and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export type VectorFormat = 'geojson' | 'fgb' | 'shapefile' | 'csv' | 'xlsx';
export type RasterFormat = 'geotiff' | 'hgt' | 'mosaic';

export interface ParsedVectorSource {
  kind: 'vector';
  /** The name shown to the user (for a shapefile, the .shp or .zip name). */
  fileName: string;
  format: VectorFormat;
  /** CRS named by the file (.prj, FlatGeobuf header, GeoTIFF keys), e.g. `EPSG:4549`; null when it names none. */
  crs: string | null;
  /**
   * Geometry in the file's own coordinates, one entry per table row; null for tables
   * (CSV/Excel), whose coordinates come from columns chosen in the wizard.
   */
  geometry: ColumnarGeometry | null;
  /** Attributes as read: column names as in the file, numbers as numbers where the whole column is numeric. */
  table: ColumnarTable;
  /** True for CSV/Excel: rows are numbered as a spreadsheet shows them (header is row 1). */
  tabular: boolean;
  /** For tables: the coordinate columns the reader recognised (经度/纬度, lon/lat, x/y…), or null. */
  coordinateColumns: { x: string; y: string } | null;
  /** File-level remarks and per-row problems found while reading. */
  issues: ImportIssue[];
}

export interface ParsedRasterSource {
  kind: 'raster';
  fileName: string;
  format: RasterFormat;
  /** Elevations in metres; voids and nodata are NaN (`grid.nodata` is null). */
  grid: Grid<Float32Array>;
  /** CRS named by the file; null when it names none. `grid.crs` holds the same or ''. */
  crs: string | null;
  issues: ImportIssue[];
}

export type ParsedSource = ParsedVectorSource | ParsedRasterSource;

/** A reader's outcome: the source, or the one issue (severity error) that stops the whole file. */
export type ReadOutcome<T extends ParsedSource = ParsedSource> = { ok: true; source: T } | { ok: false; issue: ImportIssue };
