/**
 * GeoJSON features (as `JSON.parse` returns them) → `ColumnarGeometry` + `ColumnarTable` in
 * three passes over the array, with no object per feature beyond the parser's own:
 * ```
 * 1 measure   per feature: status (family 0 points / 1 lines / 2 polygons, or a row error),
 *             vertex / part / ring counts per family, property keys and value types
 * 2 geometry  the majority family only, into arrays sized exactly from pass 1
 * 3 table     column by column: Float64Array (number), Uint8Array (boolean), string[]
 * ```
 * Features of another family, GeometryCollections, null, empty or malformed geometries keep
 * their row (attributes are kept, geometry is empty: a NaN vertex for points, zero parts
 * otherwise) and get a row error, so row numbers match the file.
 */
import type { ImportIssue } from '../core/import/types';
import type { Column, ColumnarGeometry, ColumnarTable, GeometryKind } from '../core/types';

const KINDS: readonly GeometryKind[] = ['Point', 'LineString', 'Polygon'];
const FAMILY: Record<string, number> = { Point: 0, MultiPoint: 0, LineString: 1, MultiLineString: 1, Polygon: 2, MultiPolygon: 2 };

/** Row status of pass 1: a family (≥ 0), or one of these row errors. */
const NOT_FEATURE = -1;
const NULL_GEOMETRY = -2;
const COLLECTION = -3;
const INVALID = -4;
const EMPTY = -5;

const HAS_NUMBER = 1;
const HAS_BOOLEAN = 2;
const HAS_OTHER = 4;

type Json = Record<string, unknown>;
type Positions = number[][];

/** Features in columns, and the row errors found on the way. */
export interface GeoJsonColumns {
  geometry: ColumnarGeometry;
  table: ColumnarTable;
  issues: ImportIssue[];
}

function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

/** Number of positions in a list, or -1 when it is not a list of positions. */
function positionCount(list: unknown): number {
  if (!Array.isArray(list)) return -1;
  for (let i = 0; i < list.length; i++) if (!isPosition(list[i])) return -1;
  return list.length;
}

/** Sizes of one geometry: `vertices` -1 when malformed; empty lines and rings are not counted. */
class Measure {
  vertices = 0;
  parts = 0;
  rings = 0;

  /** Measures `coordinates` of a geometry of `type` (a key of FAMILY). */
  take(type: string, c: unknown): void {
    this.vertices = 0;
    this.parts = 0;
    this.rings = 0;
    if (type === 'Point') {
      if (isPosition(c)) this.vertices = 1;
      else if (!Array.isArray(c) || c.length > 0) this.vertices = -1;
    } else if (type === 'MultiPoint') {
      this.vertices = positionCount(c);
    } else if (type === 'LineString') {
      this.line(c);
    } else if (type === 'MultiLineString') {
      if (!Array.isArray(c)) this.vertices = -1;
      else for (let k = 0; k < c.length && this.vertices >= 0; k++) this.line(c[k]);
    } else if (type === 'Polygon') {
      this.polygon(c);
    } else if (!Array.isArray(c)) {
      this.vertices = -1;
    } else {
      for (let k = 0; k < c.length && this.vertices >= 0; k++) this.polygon(c[k]);
    }
  }

  private line(c: unknown): void {
    const n = positionCount(c);
    if (n < 0) this.vertices = -1;
    else if (n > 0) {
      this.vertices += n;
      this.parts++;
    }
  }

  private polygon(c: unknown): void {
    if (!Array.isArray(c)) {
      this.vertices = -1;
      return;
    }
    const before = this.rings;
    for (let k = 0; k < c.length; k++) {
      const n = positionCount(c[k]);
      if (n < 0) {
        this.vertices = -1;
        return;
      }
      if (n > 0) {
        this.vertices += n;
        this.rings++;
      }
    }
    if (this.rings > before) this.parts++;
  }
}

/** Writes vertices into exactly sized arrays (pass 2). */
class Writer {
  v = 0;
  p = 0;
  r = 0;
  constructor(
    readonly coords: Float64Array,
    readonly partOffsets: Uint32Array,
    readonly ringOffsets: Uint32Array,
  ) {}

  positions(list: Positions): void {
    const c = this.coords;
    for (let k = 0; k < list.length; k++) {
      const position = list[k];
      c[2 * this.v] = position[0];
      c[2 * this.v + 1] = position[1];
      this.v++;
    }
  }

  line(list: Positions): void {
    if (list.length === 0) return;
    this.positions(list);
    this.partOffsets[++this.p] = this.v;
  }

  polygon(rings: Positions[]): void {
    const before = this.r;
    for (const ring of rings) {
      if (ring.length === 0) continue;
      this.positions(ring);
      this.ringOffsets[++this.r] = this.v;
    }
    if (this.r > before) this.partOffsets[++this.p] = this.r;
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Turns parsed GeoJSON features into columns. Property columns are the union of the keys in
 * first-seen order; a column is `number` when every non-null value is a number, `boolean`
 * when every one is a boolean, else `string` (objects and arrays as JSON text). A top-level
 * feature `id` becomes a first column `id` unless a property already has that name.
 */
export function geoJsonColumns(features: readonly unknown[], fileName: string): GeoJsonColumns {
  const count = features.length;
  const status = new Int8Array(count);
  const geometries: Json[] = new Array<Json>(count);
  const properties: (Json | null)[] = new Array<Json | null>(count);
  const vertices = [0, 0, 0];
  const parts = [0, 0, 0];
  const rings = [0, 0, 0];
  const featureCounts = [0, 0, 0];
  let singlePoints = true;
  let firstFamily = -1;
  const columnIndex = new Map<string, number>();
  const names: string[] = [];
  const flags: number[] = [];
  let ids: unknown[] | null = null;
  const measure = new Measure();

  for (let i = 0; i < count; i++) {
    const feature = features[i];
    if (!isObject(feature)) {
      status[i] = NOT_FEATURE;
      properties[i] = null;
      continue;
    }
    const props = feature.properties;
    properties[i] = isObject(props) ? props : null;
    if (isObject(props)) {
      for (const key in props) {
        let c = columnIndex.get(key);
        if (c === undefined) {
          c = names.length;
          columnIndex.set(key, c);
          names.push(key);
          flags.push(0);
        }
        const value = props[key];
        if (value === null || value === undefined) continue;
        const t = typeof value;
        flags[c] |= t === 'number' ? HAS_NUMBER : t === 'boolean' ? HAS_BOOLEAN : HAS_OTHER;
      }
    }
    if (feature.id !== undefined && feature.id !== null) (ids ??= new Array<unknown>(count))[i] = feature.id;

    const geometry = feature.geometry;
    if (!isObject(geometry)) {
      status[i] = geometry === null || geometry === undefined ? NULL_GEOMETRY : INVALID;
      continue;
    }
    geometries[i] = geometry;
    const type = geometry.type;
    if (type === 'GeometryCollection') {
      status[i] = COLLECTION;
      continue;
    }
    const family = typeof type === 'string' ? FAMILY[type] : undefined;
    if (family === undefined) {
      status[i] = INVALID;
      continue;
    }
    measure.take(type as string, geometry.coordinates);
    if (measure.vertices < 0) status[i] = INVALID;
    else if (measure.vertices === 0) status[i] = EMPTY;
    else {
      status[i] = family;
      vertices[family] += measure.vertices;
      parts[family] += measure.parts;
      rings[family] += measure.rings;
      featureCounts[family]++;
      if (family === 0 && measure.vertices !== 1) singlePoints = false;
      if (firstFamily < 0) firstFamily = family;
    }
  }

  // The majority family; a tie goes to the family of the first feature with a geometry.
  let kept = firstFamily < 0 ? 0 : firstFamily;
  for (let f = 0; f < 3; f++) if (featureCounts[f] > featureCounts[kept]) kept = f;
  const kind = KINDS[kept];

  const geometry = writeGeometry(kept, featureCounts[kept], count, status, geometries, vertices[kept], parts[kept], rings[kept], singlePoints);
  const issues = rowIssues(status, geometries, kept, fileName);
  const columns = names.map((name, c) => column(name, flags[c], properties, (props) => props?.[name]));
  if (ids && !columnIndex.has('id')) {
    const idValues = ids;
    let idFlags = 0;
    for (const id of idValues) if (id !== undefined) idFlags |= typeof id === 'number' ? HAS_NUMBER : HAS_OTHER;
    columns.unshift(column('id', idFlags, properties, (_, i) => idValues[i]));
  }
  return { geometry: { kind, ...geometry }, table: { length: count, columns }, issues };
}

function writeGeometry(
  kept: number, keptCount: number, count: number, status: Int8Array, geometries: Json[],
  vertexCount: number, partCount: number, ringCount: number, singlePoints: boolean,
): Omit<ColumnarGeometry, 'kind'> {
  const empty = new Uint32Array(0);
  if (kept === 0) {
    // One vertex per feature without a kept point (NaN: "no location"), all vertices otherwise.
    const coords = new Float64Array(2 * (vertexCount + count - keptCount));
    const geomOffsets = singlePoints ? empty : new Uint32Array(count + 1);
    const out = new Writer(coords, empty, empty);
    for (let i = 0; i < count; i++) {
      if (status[i] !== 0) {
        coords[2 * out.v] = NaN;
        coords[2 * out.v + 1] = NaN;
        out.v++;
      } else if (geometries[i].type === 'Point') {
        const position = geometries[i].coordinates as number[];
        coords[2 * out.v] = position[0];
        coords[2 * out.v + 1] = position[1];
        out.v++;
      } else {
        out.positions(geometries[i].coordinates as Positions);
      }
      if (!singlePoints) geomOffsets[i + 1] = out.v;
    }
    return { coords, geomOffsets, partOffsets: empty, ringOffsets: empty };
  }
  const coords = new Float64Array(2 * vertexCount);
  const geomOffsets = new Uint32Array(count + 1);
  const out = new Writer(coords, new Uint32Array(partCount + 1), kept === 2 ? new Uint32Array(ringCount + 1) : empty);
  for (let i = 0; i < count; i++) {
    if (status[i] === kept) {
      const { type, coordinates } = geometries[i];
      if (type === 'LineString') out.line(coordinates as Positions);
      else if (type === 'MultiLineString') for (const line of coordinates as Positions[]) out.line(line);
      else if (type === 'Polygon') out.polygon(coordinates as Positions[]);
      else for (const polygon of coordinates as Positions[][]) out.polygon(polygon);
    }
    geomOffsets[i + 1] = out.p;
  }
  return { coords, geomOffsets, partOffsets: out.partOffsets, ringOffsets: out.ringOffsets };
}

function rowIssues(status: Int8Array, geometries: Json[], kept: number, file: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const typeOf = (i: number): string => String(geometries[i]?.type ?? 'geometry');
  for (let i = 0; i < status.length; i++) {
    const s = status[i];
    if (s === kept) continue;
    const at = { severity: 'error' as const, file, index: i };
    if (s === NOT_FEATURE) issues.push({ code: 'geojson.not-feature', ...at });
    else if (s === NULL_GEOMETRY) issues.push({ code: 'geojson.null-geometry', ...at });
    else if (s === COLLECTION) issues.push({ code: 'geojson.geometry-collection', ...at });
    else if (s === INVALID) issues.push({ code: 'geojson.invalid-geometry', ...at, params: { type: typeOf(i) } });
    else if (s === EMPTY) issues.push({ code: 'geojson.empty-geometry', ...at, params: { type: typeOf(i) } });
    else issues.push({ code: 'geojson.mixed-geometry', ...at, params: { found: typeOf(i), kept: KINDS[kept] } });
  }
  return issues;
}

/** One attribute column; `get` reads row i's value. */
function column(name: string, flags: number, rows: (Json | null)[], get: (props: Json | null, i: number) => unknown): Column {
  const n = rows.length;
  if (flags === HAS_NUMBER) {
    const values = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const v = get(rows[i], i);
      if (typeof v === 'number') values[i] = v;
    }
    return { name, type: 'number', values };
  }
  if (flags === HAS_BOOLEAN) {
    const values = new Uint8Array(n).fill(255);
    for (let i = 0; i < n; i++) {
      const v = get(rows[i], i);
      if (typeof v === 'boolean') values[i] = v ? 1 : 0;
    }
    return { name, type: 'boolean', values };
  }
  const values = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const v = get(rows[i], i);
    values[i] = v === null || v === undefined ? null : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return { name, type: 'string', values };
}
