/**
 * Decodes FlatGeobuf feature tables straight into columnar arrays (a `VectorLayer`), without
 * a GeoJSON object or generated flatbuffer accessor per feature: this is what makes the reader
 * fast (see test/bench/fgb.bench.ts).
 *
 * Flatbuffer access in brief (all little-endian):
 * ```
 * table at t:   int32 at t = t - vtable position
 * vtable at v:  u16 vtable bytes | u16 table bytes | u16 offset of field 0 | field 1 | ...
 * field k:      at t + (offset k), absent when the offset is 0 or beyond the vtable
 * table field:  u32 at f, child table at f + u32
 * vector field: u32 at f, vector at p = f + u32: u32 length | elements from p + 4
 * ```
 * Schema slots used (flatgeobuf feature.fbs):
 * ```
 * Feature   0 geometry: Geometry | 1 properties: [ubyte]
 * Geometry  0 ends: [uint] | 1 xy: [double] | 6 type: ubyte | 7 parts: [Geometry]
 * ```
 * Property blob: repeated (u16 column index, value); strings, JSON and binary values are
 * u32 byte length + bytes. Absent columns are null.
 */
import type { Column, ColumnarGeometry, GeometryKind } from '../core/types';
import type { Problem } from '../core/result';
import { U32List } from './u32list';

/** FlatGeobuf geometry type codes (GeometryType enum of the schema) that Anju reads. */
export const GEOM = { Unknown: 0, Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6 } as const;

/** FlatGeobuf column type codes (ColumnType enum of the schema). */
export const COL = {
  Byte: 0, UByte: 1, Bool: 2, Short: 3, UShort: 4, Int: 5, UInt: 6, Long: 7, ULong: 8,
  Float: 9, Double: 10, String: 11, Json: 12, DateTime: 13, Binary: 14,
} as const;

/** Column as declared in the file header. */
export interface HeaderColumn {
  name: string;
  type: number;
}

/** The geometry kind a FlatGeobuf geometry type is read into, or null when Anju cannot show it. */
export function kindOf(geometryType: number): GeometryKind | null {
  switch (geometryType) {
    case GEOM.Point:
    case GEOM.MultiPoint:
      return 'Point';
    case GEOM.LineString:
    case GEOM.MultiLineString:
      return 'LineString';
    case GEOM.Polygon:
    case GEOM.MultiPolygon:
      return 'Polygon';
    default:
      return null;
  }
}

const GEOMETRY_NAMES = [
  'Unknown', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon',
  'GeometryCollection', 'CircularString', 'CompoundCurve', 'CurvePolygon', 'MultiCurve',
  'MultiSurface', 'Curve', 'Surface', 'PolyhedralSurface', 'TIN', 'Triangle',
];

/** Human-readable name of a FlatGeobuf geometry type code, for error messages. */
export function geometryName(geometryType: number): string {
  return GEOMETRY_NAMES[geometryType] ?? `type ${geometryType}`;
}

const KIND_PLURAL: Record<GeometryKind, string> = { Point: 'points', LineString: 'lines', Polygon: 'polygons' };

const textDecoder = new TextDecoder();
/** Slots of the decoded-string cache; a power of two. */
const STRING_CACHE_SIZE = 1024;

/**
 * Accumulates the features of one layer. Call `decode` once per feature, in output order,
 * then `finish`. Geometry kind is fixed by the header type, or by the first feature with a
 * geometry when the header says Unknown.
 */
export class ColumnarDecoder {
  /** Set when decoding stopped on a feature Anju cannot read. */
  problem: Problem | null = null;

  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly headerType: number;
  private kind: GeometryKind | null;
  private coords: Float64Array;
  /** Vertices written so far (coords holds 2 per vertex). */
  private vertexCount = 0;
  private readonly geomOffsets = new U32List();
  private readonly partOffsets = new U32List();
  private readonly ringOffsets = new U32List();
  /** Point layers only: false once a feature has other than exactly one vertex (a MultiPoint). */
  private singlePoints = true;

  private readonly columnTypes: Uint8Array;
  private readonly numberValues: (Float64Array | null)[];
  private readonly stringValues: ((string | null)[] | null)[];
  private readonly boolValues: (Uint8Array | null)[];
  private readonly columns: Column[];
  private row = 0;
  /**
   * Direct-mapped cache of decoded strings keyed by a hash of their bytes. Attribute tables
   * repeat values (township, risk class, type), and a hit costs no decoding and, more
   * importantly, no new string for the garbage collector to copy.
   */
  private readonly cacheStart = new Int32Array(STRING_CACHE_SIZE);
  private readonly cacheLength = new Int32Array(STRING_CACHE_SIZE).fill(-1);
  private readonly cacheValue: string[] = new Array<string>(STRING_CACHE_SIZE).fill('');
  /** Element count of the vector last located by `vector`. */
  private vectorLength = 0;

  /**
   * @param bytes    the whole file.
   * @param count    number of features that will be decoded.
   * @param headerType geometry type from the header (0 = Unknown, decided per feature).
   */
  constructor(bytes: Uint8Array, count: number, headerType: number, columns: HeaderColumn[]) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.headerType = headerType;
    this.kind = headerType === GEOM.Unknown ? null : kindOf(headerType);
    this.coords = new Float64Array(2 * count);
    this.geomOffsets.push(0);
    this.partOffsets.push(0);
    this.ringOffsets.push(0);
    this.columnTypes = Uint8Array.from(columns, (c) => c.type);
    this.numberValues = [];
    this.stringValues = [];
    this.boolValues = [];
    this.columns = columns.map((c, i): Column => {
      this.numberValues.push(null);
      this.stringValues.push(null);
      this.boolValues.push(null);
      if (c.type === COL.Bool) {
        const values = new Uint8Array(count).fill(255);
        this.boolValues[i] = values;
        return { name: c.name, type: 'boolean', values };
      }
      if (c.type <= COL.Double) {
        const values = new Float64Array(count).fill(NaN);
        this.numberValues[i] = values;
        return { name: c.name, type: 'number', values };
      }
      const values = new Array<string | null>(count).fill(null);
      this.stringValues[i] = values;
      return { name: c.name, type: 'string', values };
    });
  }

  /** Decodes the feature whose size prefix is at byte `position`; false (and `problem` set) on failure. */
  decode(position: number): boolean {
    const v = this.view;
    const table = position + 4 + v.getUint32(position + 4, true);
    const geometry = this.field(table, 0);
    if (!this.geometry(geometry === 0 ? 0 : geometry + v.getUint32(geometry, true))) return false;
    const properties = this.field(table, 1);
    if (properties !== 0) this.properties(properties + v.getUint32(properties, true));
    this.row++;
    return true;
  }

  /** The decoded geometry; call after the last `decode`. */
  finishGeometry(): ColumnarGeometry {
    // A layer whose features all lack geometry is shown as (empty) points.
    if (this.kind === null) this.decideKind('Point');
    const points = this.kind === 'Point';
    const empty = new Uint32Array(0);
    return {
      kind: this.kind as GeometryKind,
      // Point layers fill the preallocated array exactly; only grown arrays need trimming.
      coords: this.coords.length === 2 * this.vertexCount ? this.coords : this.coords.slice(0, 2 * this.vertexCount),
      // Point layout keeps geomOffsets empty; a layer with MultiPoints needs it (see readFlatGeobuf).
      geomOffsets: points && this.singlePoints ? empty : this.geomOffsets.toArray(),
      partOffsets: points ? empty : this.partOffsets.toArray(),
      ringOffsets: this.kind === 'Polygon' ? this.ringOffsets.toArray() : empty,
    };
  }

  /** The decoded attribute columns, in header order. */
  finishColumns(): Column[] {
    return this.columns;
  }

  /** Absolute position of field `slot` of the table at `table`, or 0 when absent. */
  private field(table: number, slot: number): number {
    const v = this.view;
    const vtable = table - v.getInt32(table, true);
    const at = 4 + 2 * slot;
    if (at >= v.getUint16(vtable, true)) return 0;
    const offset = v.getUint16(vtable + at, true);
    return offset === 0 ? 0 : table + offset;
  }

  /** Position of the first element of the vector field `slot`, or 0; its length goes to `this.vectorLength`. */
  private vector(table: number, slot: number): number {
    const f = this.field(table, slot);
    if (f === 0) {
      this.vectorLength = 0;
      return 0;
    }
    const at = f + this.view.getUint32(f, true);
    this.vectorLength = this.view.getUint32(at, true);
    return at + 4;
  }
  private geometry(table: number): boolean {
    let type = this.headerType;
    if (table !== 0 && type === GEOM.Unknown) {
      const f = this.field(table, 6);
      type = f === 0 ? GEOM.Unknown : this.view.getUint8(f);
    }
    if (table !== 0) {
      const kind = kindOf(type);
      if (kind === null) return this.fail('fgb.unsupported-geometry', `Feature ${this.row + 1} is a ${geometryName(type)}, which Anju cannot display. Convert the layer to points, lines or polygons (e.g. in QGIS: Vector ▸ Geometry Tools, or ogr2ogr -nlt CONVERT_TO_LINEAR) and import it again.`);
      if (this.kind === null) this.decideKind(kind);
      else if (this.kind !== kind) return this.fail('fgb.mixed-geometry', `The layer mixes ${KIND_PLURAL[this.kind]} with a ${geometryName(type)} (feature ${this.row + 1}). Split it into one file per geometry type (e.g. ogr2ogr -where "OGR_GEOMETRY='Polygon'") and import each.`);
    } else if (this.kind === null) {
      // Kind not known yet: an empty feature is recorded as zero parts and fixed up in decideKind.
      this.geomOffsets.push(0);
      return true;
    }
    if (this.kind === 'Point') {
      const before = this.vertexCount;
      if (table !== 0) this.xy(table);
      if (this.vertexCount === before) this.pushVertex(NaN, NaN);
      if (this.vertexCount - before !== 1) this.singlePoints = false;
      this.geomOffsets.push(this.vertexCount);
      return true;
    }
    if (table !== 0) {
      if (this.kind === 'LineString') this.lines(table);
      else if (type === GEOM.MultiPolygon) this.eachPart(table, (part) => this.polygon(part));
      else this.polygon(table);
    }
    this.geomOffsets.push(this.partOffsets.length - 1);
    return true;
  }

  /**
   * Fixes the layer's kind. Features before this point had no geometry; as points they
   * need one NaN vertex each (the Point layout has a vertex per feature).
   */
  private decideKind(kind: GeometryKind): void {
    this.kind = kind;
    if (kind !== 'Point') return;
    for (let i = 0; i < this.row; i++) {
      this.pushVertex(NaN, NaN);
      this.geomOffsets.data[i + 1] = i + 1;
    }
  }

  /** LineString or MultiLineString: parts from `ends`, or (non-standard but seen) from `parts`. */
  private lines(table: number): void {
    if (this.field(table, 7) !== 0) {
      this.eachPart(table, (part) => this.lines(part));
      return;
    }
    this.rings(table, this.partOffsets);
  }

  private polygon(table: number): void {
    const before = this.ringOffsets.length;
    this.rings(table, this.ringOffsets);
    if (this.ringOffsets.length > before) this.partOffsets.push(this.ringOffsets.length - 1);
  }

  /** Copies xy and closes one offset in `out` per run of vertices given by `ends`. */
  private rings(table: number, out: U32List): void {
    const start = this.vertexCount;
    this.xy(table);
    if (this.vertexCount === start) return;
    const ends = this.vector(table, 0);
    const endCount = this.vectorLength;
    if (endCount === 0) {
      out.push(this.vertexCount);
      return;
    }
    for (let i = 0; i < endCount; i++) out.push(start + this.view.getUint32(ends + 4 * i, true));
  }

  private eachPart(table: number, visit: (part: number) => void): void {
    const parts = this.vector(table, 7);
    const count = this.vectorLength;
    for (let i = 0; i < count; i++) {
      const slot = parts + 4 * i;
      visit(slot + this.view.getUint32(slot, true));
    }
  }

  private xy(table: number): void {
    const at = this.vector(table, 1);
    const n = this.vectorLength;
    if (n === 0) return;
    const need = 2 * this.vertexCount + n;
    if (need > this.coords.length) {
      const grown = new Float64Array(Math.max(need, 16, 2 * this.coords.length));
      grown.set(this.coords.subarray(0, 2 * this.vertexCount));
      this.coords = grown;
    }
    const absolute = this.bytes.byteOffset + at;
    // Long runs are copied through an aligned view (one memcpy); short ones, and files whose
    // vectors are not 8-byte aligned, element by element (a view per point would cost more).
    if (n > 16 && absolute % 8 === 0) {
      this.coords.set(new Float64Array(this.bytes.buffer, absolute, n), 2 * this.vertexCount);
    } else {
      const v = this.view;
      const c = this.coords;
      const base = 2 * this.vertexCount;
      for (let i = 0; i < n; i++) c[base + i] = v.getFloat64(at + 8 * i, true);
    }
    this.vertexCount += n >> 1;
  }

  private pushVertex(x: number, y: number): void {
    if (2 * this.vertexCount + 2 > this.coords.length) {
      const grown = new Float64Array(Math.max(16, 2 * this.coords.length));
      grown.set(this.coords);
      this.coords = grown;
    }
    this.coords[2 * this.vertexCount] = x;
    this.coords[2 * this.vertexCount + 1] = y;
    this.vertexCount++;
  }

  private properties(vectorStart: number): void {
    const v = this.view;
    const row = this.row;
    const types = this.columnTypes;
    const numbers = this.numberValues;
    const strings = this.stringValues;
    const booleans = this.boolValues;
    const length = v.getUint32(vectorStart, true);
    let at = vectorStart + 4;
    const end = at + length;
    while (at < end) {
      const column = v.getUint16(at, true);
      at += 2;
      const type = types[column];
      // Double and String first: they are most columns of real files, and a test here is
      // cheaper than the switch's bounds checks.
      if (type === COL.Double) {
        (numbers[column] as Float64Array)[row] = v.getFloat64(at, true);
        at += 8;
        continue;
      }
      if (type === COL.String) {
        const n = v.getUint32(at, true);
        (strings[column] as (string | null)[])[row] = this.string(at + 4, at + 4 + n);
        at += 4 + n;
        continue;
      }
      switch (type) {
        case COL.Bool: (booleans[column] as Uint8Array)[row] = v.getUint8(at) ? 1 : 0; at += 1; break;
        case COL.Byte: (numbers[column] as Float64Array)[row] = v.getInt8(at); at += 1; break;
        case COL.UByte: (numbers[column] as Float64Array)[row] = v.getUint8(at); at += 1; break;
        case COL.Short: (numbers[column] as Float64Array)[row] = v.getInt16(at, true); at += 2; break;
        case COL.UShort: (numbers[column] as Float64Array)[row] = v.getUint16(at, true); at += 2; break;
        case COL.Int: (numbers[column] as Float64Array)[row] = v.getInt32(at, true); at += 4; break;
        case COL.UInt: (numbers[column] as Float64Array)[row] = v.getUint32(at, true); at += 4; break;
        case COL.Long: (numbers[column] as Float64Array)[row] = Number(v.getBigInt64(at, true)); at += 8; break;
        case COL.ULong: (numbers[column] as Float64Array)[row] = Number(v.getBigUint64(at, true)); at += 8; break;
        case COL.Float: (numbers[column] as Float64Array)[row] = v.getFloat32(at, true); at += 4; break;
        case COL.Binary: {
          const n = v.getUint32(at, true);
          (strings[column] as (string | null)[])[row] = hex(this.bytes, at + 4, at + 4 + n);
          at += 4 + n;
          break;
        }
        case COL.Json:
        case COL.DateTime: {
          const n = v.getUint32(at, true);
          (strings[column] as (string | null)[])[row] = this.string(at + 4, at + 4 + n);
          at += 4 + n;
          break;
        }
        default:
          // An unknown column index or type means the blob is corrupt; a RangeError is what
          // the caller turns into a "damaged file" problem.
          throw new RangeError(`property of unknown column ${column}`);
      }
    }
  }

  private string(start: number, end: number): string {
    const bytes = this.bytes;
    const n = end - start;
    if (n > SHORT_STRING_BYTES) return utf8(bytes, start, end);
    let h = n;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    const slot = (h ^ (h >>> 16)) & (STRING_CACHE_SIZE - 1);
    if (this.cacheLength[slot] === n) {
      const cached = this.cacheStart[slot];
      let k = 0;
      while (k < n && bytes[cached + k] === bytes[start + k]) k++;
      if (k === n) return this.cacheValue[slot];
    }
    const value = utf8(bytes, start, end);
    this.cacheStart[slot] = start;
    this.cacheLength[slot] = n;
    this.cacheValue[slot] = value;
    return value;
  }

  private fail(code: string, message: string): false {
    this.problem = { code, message };
    return false;
  }
}

/** Longest string decoded by hand; longer ones go to TextDecoder, which wins beyond this. */
const SHORT_STRING_BYTES = 48;
/** Scratch code-unit arrays, one per length, so String.fromCharCode.apply gets an exact-length array without allocating. */
const CODE_UNITS = Array.from({ length: SHORT_STRING_BYTES + 1 }, (_, n) => new Array<number>(n).fill(0));

/**
 * UTF-8 bytes to a string. Short values (ids, codes, village and township names) are decoded
 * here: a TextDecoder call costs more than the whole loop for them. Anything unusual (4-byte
 * sequences, malformed bytes) goes to TextDecoder, so invalid input decodes the standard way.
 */
function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > SHORT_STRING_BYTES) return textDecoder.decode(bytes.subarray(start, end));
  const units = CODE_UNITS[SHORT_STRING_BYTES];
  let n = 0;
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      units[n++] = b0;
      i += 1;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80) {
      units[n++] = ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const c = ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      // Overlong forms and UTF-16 surrogates are malformed; TextDecoder replaces them.
      if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) return textDecoder.decode(bytes.subarray(start, end));
      units[n++] = c;
      i += 3;
    } else {
      return textDecoder.decode(bytes.subarray(start, end));
    }
  }
  const exact = CODE_UNITS[n];
  for (let k = 0; k < n; k++) exact[k] = units[k];
  return String.fromCharCode.apply(null, exact);
}

/** Binary property values have no column type of their own in Anju; they are kept as hex text. */
function hex(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += bytes[i].toString(16).padStart(2, '0');
  return s;
}
