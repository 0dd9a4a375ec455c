/**
 * Core data types shared by io adapters, workers, the demo generator and the map.
 * Plain data and typed arrays only, so everything here can be transferred to and
 * from workers and used in Node tests unchanged.
 */

/** GDAL-order affine geotransform: [originX, pixelWidth, rowRotation, originY, colRotation, pixelHeight (negative for north-up)]. */
export type GeoTransform = [number, number, number, number, number, number];

/** Any numeric typed array a raster may hold. */
export type RasterArray = Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * A raster grid, row-major, row 0 at the top (north).
 * Cell (col, row) covers x in [originX + col*pw, originX + (col+1)*pw) of `transform`.
 */
export interface Grid<T extends RasterArray = Float32Array> {
  width: number;
  height: number;
  data: T;
  transform: GeoTransform;
  /** CRS as an authority code, e.g. `EPSG:4549`. */
  crs: string;
  /** Value that marks "no data", or null when every cell holds a value. */
  nodata: number | null;
}

/** [minX, minY, maxX, maxY] in the layer's CRS. */
export type BBox = [number, number, number, number];

export type GeometryKind = 'Point' | 'LineString' | 'Polygon';

/**
 * Columnar geometry in the GeoArrow spirit: one flat coordinate array plus offsets.
 *
 * ```
 * coords        x0 y0 x1 y1 x2 y2 ...            (Float64, interleaved xy)
 * Point:        feature i is vertex i            (geomOffsets/partOffsets/ringOffsets empty)
 * MultiPoint:   geomOffsets[i]..geomOffsets[i+1]  -> vertices of feature i (kind is still 'Point')
 * LineString:   geomOffsets[i]..geomOffsets[i+1]  -> parts of feature i (Multi* has several)
 *               partOffsets[p]..partOffsets[p+1]  -> vertices of part p
 * Polygon:      geomOffsets[i]..geomOffsets[i+1]  -> polygons of feature i
 *               partOffsets[p]..partOffsets[p+1]  -> rings of polygon p (first is the outer ring)
 *               ringOffsets[r]..ringOffsets[r+1]  -> vertices of ring r
 * ```
 * Offsets arrays have length count+1. A feature with empty geometry has zero parts
 * (or, for points, NaN coordinates).
 */
export interface ColumnarGeometry {
  kind: GeometryKind;
  coords: Float64Array;
  geomOffsets: Uint32Array;
  partOffsets: Uint32Array;
  ringOffsets: Uint32Array;
}

export type Column =
  /** Numbers; null is NaN. */
  | { name: string; type: 'number'; values: Float64Array }
  /** `derived`: computed in the session (a settlement's hazard check), not part of the data. */
  | { name: string; type: 'string'; values: (string | null)[]; derived?: boolean }
  /** Booleans as 0 / 1, null as 255. */
  | { name: string; type: 'boolean'; values: Uint8Array };

/** Attribute table, column by column, aligned with the features of a layer. */
export interface ColumnarTable {
  length: number;
  columns: Column[];
}

/** A vector layer as held in memory (in workers) and produced by io readers. */
export interface VectorLayer {
  geometry: ColumnarGeometry;
  table: ColumnarTable;
  /** Bounding box of all features in `crs`. */
  bbox: BBox;
  /** CRS as an authority code, e.g. `EPSG:4490`. */
  crs: string;
}
