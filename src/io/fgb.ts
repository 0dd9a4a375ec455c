/**
 * FlatGeobuf adapter: `writeFlatGeobuf` (GeoJSON in, .fgb bytes with a spatial index out) and
 * `readFlatGeobuf` (.fgb bytes in, columnar `VectorLayer` out, optionally only a bbox).
 *
 * File layout (https://flatgeobuf.org):
 * ```
 * 0      8 bytes   magic "fgb" 0x03 "fgb" 0x00
 * 8      4 bytes   header length H (u32)
 * 12     H bytes   Header flatbuffer (columns, crs, geometry type, feature count, index node size)
 * 12+H   T bytes   packed Hilbert R-tree (see fgb.rtree.ts), T = 0 without index
 * 12+H+T           features: u32 length + Feature flatbuffer, repeated
 * ```
 * The library's own writer writes no index (index node size 0), so bbox reads of its output
 * fail; here features are Hilbert-sorted and the tree is written, as the Rust/C++ writers do.
 * Feature and property encoding is the library's (`buildFeature`); the header is built with
 * its generated `Header` class because its `buildHeader` hard-codes "no index".
 */
import { Builder, ByteBuffer } from 'flatbuffers';
import type { Feature as GeoJsonFeature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ColumnMeta } from 'flatgeobuf';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { buildFeature, type IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { Column as FgbColumn } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { BBox, VectorLayer } from '../core/types';
import { fail, ok, type Problem, type Result } from '../core/result';
import { COL, ColumnarDecoder, GEOM, geometryName, kindOf, type HeaderColumn } from './fgb.columnar';
import { INDEX_NODE_SIZE, buildPackedRTree, searchPackedRTree, treeByteLength } from './fgb.rtree';
import { hilbertOrder } from '../core/hilbert';

export { featureToGeoJSON } from './layer.geojson';

const MAGIC = [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00];

/** Options of {@link writeFlatGeobuf}. */
export interface FgbWriteOptions {
  /** EPSG code of the coordinates, stored in the header CRS (e.g. 4490, 4549). */
  crsCode: number;
  /** Layer name stored in the header; default empty. */
  name?: string;
  /** Free-text description stored in the header. */
  description?: string;
}

/** Options of {@link readFlatGeobuf}. */
export interface FgbReadOptions {
  /** Read only features whose bounding box intersects this one (in the file's CRS). */
  bbox?: BBox;
}

/**
 * Writes a FeatureCollection as FlatGeobuf with a packed Hilbert R-tree (node size 16), so
 * any FlatGeobuf reader (GDAL, QGIS, flatgeobuf.js) can read a bbox without a full scan.
 * Features are reordered along the Hilbert curve of their bbox centres.
 *
 * Column types come from all values of a property: integers that fit 32 bits → Int, other
 * numbers → Double, strings → String, booleans → Bool, objects/arrays → Json; a property
 * whose values mix types becomes String. null and missing values are written as absent, and
 * a feature with null geometry gets an empty geometry.
 */
export function writeFlatGeobuf(fc: FeatureCollection<Geometry | null>, options: FgbWriteOptions): Uint8Array {
  const features = fc.features;
  const count = features.length;
  const columns = inferColumns(features);
  const geometryType = inferGeometryType(features);
  const headerMeta: HeaderMeta = {
    geometryType, columns, envelope: null, featuresCount: count, indexNodeSize: INDEX_NODE_SIZE,
    crs: null, title: null, description: null, metadata: null,
  };

  const boxes = new Float64Array(4 * count);
  for (let i = 0; i < count; i++) geometryBox(features[i].geometry, boxes, 4 * i);
  const order = hilbertOrder(boxes);

  const sortedBoxes = new Float64Array(4 * count);
  const offsets = new Float64Array(count);
  const encoded: Uint8Array[] = [];
  let featureBytes = 0;
  for (let k = 0; k < count; k++) {
    const feature = features[order[k]];
    sortedBoxes.set(boxes.subarray(4 * order[k], 4 * order[k] + 4), 4 * k);
    offsets[k] = featureBytes;
    const bytes = buildFeature(parseFeatureGeometry(feature.geometry, geometryType), normalizeProperties(feature.properties, columns), headerMeta);
    encoded.push(bytes);
    featureBytes += bytes.length;
  }

  // An index over zero features has no root; readers expect index node size 0 then.
  const nodeSize = count > 0 ? INDEX_NODE_SIZE : 0;
  const tree = count > 0 ? buildPackedRTree(sortedBoxes, offsets, nodeSize) : new Uint8Array(0);
  const header = buildHeader(headerMeta, nodeSize, envelopeOf(boxes), options);

  const out = new Uint8Array(MAGIC.length + header.length + tree.length + featureBytes);
  out.set(MAGIC, 0);
  out.set(header, MAGIC.length);
  out.set(tree, MAGIC.length + header.length);
  let at = MAGIC.length + header.length + tree.length;
  for (const bytes of encoded) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/**
 * Reads FlatGeobuf bytes into a columnar layer. With `bbox`, only features whose boxes
 * intersect it are read, through the spatial index when the file has one (a file without
 * index is scanned). Features come in file order.
 *
 * Geometry follows `ColumnarGeometry` (core/types.ts); Point/MultiPoint, LineString/
 * MultiLineString and Polygon/MultiPolygon are read, Z/M values are dropped. A point layer in
 * which some feature has other than one point (MultiPoint) also fills `geomOffsets`, with
 * `geomOffsets[i]..geomOffsets[i+1]` the vertices of feature i; a point without coordinates
 * is one NaN vertex. Integer, float and double columns become number columns, Bool becomes
 * boolean, String/DateTime/Json become string (Json as its text) and Binary hex text.
 * `bbox` of an empty layer is [Infinity, Infinity, -Infinity, -Infinity].
 *
 * Fails (codes `fgb.*`) on empty, non-FlatGeobuf, truncated or damaged files and on geometry
 * types Anju does not display (curves, TINs, collections, mixed kinds in one layer).
 */
export function readFlatGeobuf(bytes: Uint8Array, options: FgbReadOptions = {}): Result<VectorLayer> {
  if (bytes.byteLength === 0) {
    return fail('fgb.empty', 'The FlatGeobuf file is empty (0 bytes). Check that the export or download finished, then import the file again.');
  }
  if (bytes.byteLength < 3 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== MAGIC[2]) {
    return fail('fgb.not-flatgeobuf', 'This file is not FlatGeobuf: it does not start with the FlatGeobuf signature. Export the layer as FlatGeobuf (QGIS: Export ▸ Save Features As ▸ FlatGeobuf, or ogr2ogr -f FlatGeobuf out.fgb in.shp), or import it with the importer for its real format.');
  }
  if (bytes.byteLength >= 4 && bytes[3] !== MAGIC[3]) {
    return fail('fgb.version', `This FlatGeobuf file uses format version ${bytes[3]}; Anju reads version 3. Convert it with a current GDAL (ogr2ogr -f FlatGeobuf new.fgb old.fgb) and import the result.`);
  }
  if (bytes.byteLength < 12) return truncated('header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = 12 + view.getUint32(8, true);
  if (headerEnd > bytes.byteLength) return truncated('header');

  const header = parseHeader(bytes.subarray(8, headerEnd));
  if (!header) {
    return fail('fgb.damaged', 'The FlatGeobuf header is damaged and cannot be read. Export the layer again from its source (QGIS or ogr2ogr) and import the new file.');
  }
  if (header.geometryType !== GEOM.Unknown && kindOf(header.geometryType) === null) {
    return fail('fgb.unsupported-geometry', `This layer holds ${geometryName(header.geometryType)} geometries, which Anju cannot display. Convert it to points, lines or polygons (e.g. ogr2ogr -nlt CONVERT_TO_LINEAR, or QGIS Vector ▸ Geometry Tools) and import it again.`);
  }
  const indexed = header.indexNodeSize > 0 && header.featuresCount > 0;
  const treeBytes = indexed ? treeByteLength(header.featuresCount, header.indexNodeSize) : 0;
  const featuresStart = headerEnd + treeBytes;
  if (featuresStart > bytes.byteLength) return truncated('spatial index');

  const box = options.bbox;
  try {
    let positions: ArrayLike<number>;
    if (box && indexed) {
      const found = searchPackedRTree(view, headerEnd, header.featuresCount, header.indexNodeSize, box[0], box[1], box[2], box[3]);
      for (let i = 0; i < found.length; i++) found[i] += featuresStart;
      const last = found.length > 0 ? found[found.length - 1] : featuresStart;
      if (last + 4 > bytes.byteLength || last + 4 + view.getUint32(last, true) > bytes.byteLength) return truncated('features');
      positions = found;
    } else {
      const walked = walkFeatures(view, featuresStart, header.featuresCount);
      if (walked === null) return truncated('features');
      positions = box ? Array.from(walked).filter((p) => featureIntersects(view, p, box)) : walked;
    }

    const count = positions.length;
    const decoder = new ColumnarDecoder(bytes, count, header.geometryType, header.columns);
    for (let i = 0; i < count; i++) {
      if (!decoder.decode(positions[i])) return { ok: false, error: decoder.problem as Problem };
    }
    const geometry = decoder.finishGeometry();
    return ok({
      geometry,
      table: { length: count, columns: decoder.finishColumns() },
      bbox: coordsBox(geometry.coords),
      crs: header.crs,
    });
  } catch (error) {
    // Offsets inside a damaged file point outside it; DataView reports that as a RangeError.
    if (error instanceof RangeError) {
      return fail('fgb.damaged', 'The FlatGeobuf file is damaged: a feature points outside the file. Export the layer again from its source (QGIS or ogr2ogr) and import the new file.');
    }
    throw error;
  }
}

function truncated(part: string): Result<never> {
  return fail('fgb.truncated', `The FlatGeobuf file is cut off in its ${part}: it is shorter than its header says. The copy or download was probably interrupted; copy or export the file again and import it.`);
}

interface ParsedHeader {
  geometryType: number;
  columns: HeaderColumn[];
  featuresCount: number;
  indexNodeSize: number;
  crs: string;
}

/** Reads the size-prefixed header flatbuffer; null when it does not make sense. */
function parseHeader(prefixed: Uint8Array): ParsedHeader | null {
  try {
    const header = Header.getSizePrefixedRootAsHeader(new ByteBuffer(prefixed));
    const columns: HeaderColumn[] = [];
    for (let i = 0; i < header.columnsLength(); i++) {
      const column = header.columns(i);
      const name = column?.name();
      const type = column?.type() ?? -1;
      if (!name || type < COL.Byte || type > COL.Binary) return null;
      columns.push({ name, type });
    }
    const crs = header.crs();
    const code = crs?.code() ?? 0;
    const org = crs?.org() ?? 'EPSG';
    return {
      geometryType: header.geometryType(),
      columns,
      featuresCount: Number(header.featuresCount()),
      indexNodeSize: header.indexNodeSize(),
      crs: code > 0 ? `${org.toUpperCase()}:${code}` : 'EPSG:4326',
    };
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) return null;
    throw error;
  }
}

/**
 * Byte positions of the size-prefixed features from `start`: `count` of them when the header
 * gives a count (a typed array, no growth), else all up to the end of the file. Null when
 * the file ends inside a feature or before `count` features.
 */
function walkFeatures(view: DataView, start: number, count: number): ArrayLike<number> | null {
  const end = view.byteLength;
  const positions: Float64Array | number[] = count > 0 ? new Float64Array(count) : [];
  let at = start;
  for (let i = 0; count > 0 ? i < count : at < end; i++) {
    if (at + 4 > end) return null;
    const next = at + 4 + view.getUint32(at, true);
    if (next > end) return null;
    positions[i] = at;
    at = next;
  }
  return positions;
}

/** Whether any vertex box of the feature at `position` intersects `box` (scan of an unindexed file). */
function featureIntersects(view: DataView, position: number, box: BBox): boolean {
  const out = [Infinity, Infinity, -Infinity, -Infinity];
  const table = position + 4 + view.getUint32(position + 4, true);
  const geometry = tableField(view, table, 0);
  if (geometry !== 0) extendBox(view, geometry + view.getUint32(geometry, true), out);
  return out[0] <= box[2] && out[1] <= box[3] && out[2] >= box[0] && out[3] >= box[1];
}

function extendBox(view: DataView, geometry: number, out: number[]): void {
  const xy = tableField(view, geometry, 1);
  if (xy !== 0) {
    const vector = xy + view.getUint32(xy, true);
    const n = view.getUint32(vector, true);
    for (let i = 0; i < n; i += 2) {
      const x = view.getFloat64(vector + 4 + 8 * i, true);
      const y = view.getFloat64(vector + 12 + 8 * i, true);
      if (x < out[0]) out[0] = x;
      if (y < out[1]) out[1] = y;
      if (x > out[2]) out[2] = x;
      if (y > out[3]) out[3] = y;
    }
  }
  const parts = tableField(view, geometry, 7);
  if (parts !== 0) {
    const vector = parts + view.getUint32(parts, true);
    const n = view.getUint32(vector, true);
    for (let i = 0; i < n; i++) {
      const slot = vector + 4 + 4 * i;
      extendBox(view, slot + view.getUint32(slot, true), out);
    }
  }
}

/** Absolute position of field `slot` of a flatbuffer table, or 0 when absent (see fgb.columnar.ts). */
function tableField(view: DataView, table: number, slot: number): number {
  const vtable = table - view.getInt32(table, true);
  const at = 4 + 2 * slot;
  if (at >= view.getUint16(vtable, true)) return 0;
  const offset = view.getUint16(vtable + at, true);
  return offset === 0 ? 0 : table + offset;
}

function coordsBox(coords: Float64Array): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    const x = coords[i];
    const y = coords[i + 1];
    // NaN (empty points) fails every comparison and is skipped.
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

type ValueKind = 'number' | 'string' | 'boolean' | 'object';

function inferColumns(features: GeoJsonFeature<Geometry | null>[]): ColumnMeta[] {
  const kinds = new Map<string, Set<ValueKind>>();
  const integral = new Map<string, boolean>();
  for (const feature of features) {
    if (!feature.properties) continue;
    for (const [name, value] of Object.entries(feature.properties)) {
      if (!kinds.has(name)) {
        kinds.set(name, new Set());
        integral.set(name, true);
      }
      if (value === null || value === undefined) continue;
      const kind: ValueKind = typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'object';
      kinds.get(name)?.add(kind);
      if (kind === 'number' && !(Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)) integral.set(name, false);
    }
  }
  return [...kinds].map(([name, seen]) => {
    let type: number = COL.String;
    if (seen.size === 1) {
      const kind = [...seen][0];
      if (kind === 'number') type = integral.get(name) ? COL.Int : COL.Double;
      else if (kind === 'boolean') type = COL.Bool;
      else if (kind === 'object') type = COL.Json;
    }
    return { name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false };
  });
}

/** One value per column, coerced to the column type, null when absent (buildFeature skips nulls). */
function normalizeProperties(properties: GeoJsonFeature['properties'], columns: ColumnMeta[]): IProperties {
  const out: IProperties = {};
  for (const column of columns) {
    const value: unknown = properties?.[column.name];
    if (value === null || value === undefined) out[column.name] = null;
    else if (column.type === COL.String && typeof value !== 'string') out[column.name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    else out[column.name] = value as IProperties[string];
  }
  return out;
}

function inferGeometryType(features: GeoJsonFeature<Geometry | null>[]): number {
  let type: number | null = null;
  for (const feature of features) {
    if (!feature.geometry) continue;
    const t = GEOM[feature.geometry.type as keyof typeof GEOM] ?? GEOM.Unknown;
    if (type === null) type = t;
    else if (type !== t) return GEOM.Unknown;
  }
  return type ?? GEOM.Unknown;
}

/** The library's parsed geometry; features without geometry get an empty one of the layer type. */
function parseFeatureGeometry(geometry: Geometry | null, layerType: number): IParsedGeometry {
  // buildGeometry tests ends/parts for presence and the library's own parser leaves them
  // undefined; its typings call them required, hence the cast.
  if (!geometry) return { xy: [], type: layerType } as unknown as IParsedGeometry;
  return geometry.type === 'GeometryCollection' ? parseGC(geometry) : parseGeometry(geometry);
}

/** Writes the bbox of a GeoJSON geometry at `out[at..at+4]`; an inverted infinite box when empty. */
function geometryBox(geometry: Geometry | null, out: Float64Array, at: number): void {
  out[at] = Infinity;
  out[at + 1] = Infinity;
  out[at + 2] = -Infinity;
  out[at + 3] = -Infinity;
  const visit = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') {
      for (const part of g.geometries) visit(part);
      return;
    }
    extendPositions(g.coordinates, out, at);
  };
  if (geometry) visit(geometry);
}

type Nested = Position | Nested[];

function extendPositions(coordinates: Nested, out: Float64Array, at: number): void {
  if (coordinates.length === 0) return;
  if (typeof coordinates[0] === 'number') {
    const x = coordinates[0];
    const y = coordinates[1] as number;
    if (x < out[at]) out[at] = x;
    if (y < out[at + 1]) out[at + 1] = y;
    if (x > out[at + 2]) out[at + 2] = x;
    if (y > out[at + 3]) out[at + 3] = y;
    return;
  }
  for (const c of coordinates as Nested[]) extendPositions(c, out, at);
}

function envelopeOf(boxes: Float64Array): number[] | null {
  const envelope = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < boxes.length; i += 4) {
    envelope[0] = Math.min(envelope[0], boxes[i]);
    envelope[1] = Math.min(envelope[1], boxes[i + 1]);
    envelope[2] = Math.max(envelope[2], boxes[i + 2]);
    envelope[3] = Math.max(envelope[3], boxes[i + 3]);
  }
  return envelope[0] <= envelope[2] ? envelope : null;
}

/** Size-prefixed Header flatbuffer. index_node_size 16 is the schema default, so it is written implicitly. */
function buildHeader(meta: HeaderMeta, nodeSize: number, envelope: number[] | null, options: FgbWriteOptions): Uint8Array {
  const builder = new Builder(1024);
  const columnOffsets = (meta.columns ?? []).map((c) => {
    const name = builder.createString(c.name);
    FgbColumn.startColumn(builder);
    FgbColumn.addName(builder, name);
    FgbColumn.addType(builder, c.type);
    return FgbColumn.endColumn(builder);
  });
  const columnsVector = columnOffsets.length > 0 ? Header.createColumnsVector(builder, columnOffsets) : 0;
  const name = builder.createString(options.name ?? '');
  const description = options.description ? builder.createString(options.description) : 0;
  const envelopeVector = envelope ? Header.createEnvelopeVector(builder, envelope) : 0;
  let crs = 0;
  if (options.crsCode) {
    Crs.startCrs(builder);
    Crs.addCode(builder, options.crsCode);
    crs = Crs.endCrs(builder);
  }
  Header.startHeader(builder);
  Header.addName(builder, name);
  if (envelopeVector) Header.addEnvelope(builder, envelopeVector);
  Header.addGeometryType(builder, meta.geometryType);
  if (columnsVector) Header.addColumns(builder, columnsVector);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, nodeSize);
  if (crs) Header.addCrs(builder, crs);
  if (description) Header.addDescription(builder, description);
  builder.finish(Header.endHeader(builder), undefined, true);
  return builder.asUint8Array();
}
