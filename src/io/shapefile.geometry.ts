/**
 * Reads the shapes of a .shp main file into `ColumnarGeometry` (ESRI Shapefile Technical
 * Description, July 1998). Own code rather than shpjs or `shapefile`: both build a GeoJSON
 * object per feature and throw on a damaged file, where Anju wants typed arrays and an issue
 * naming the record that is cut off.
 *
 * ```
 * header  0   i32 BE  file code 9994
 *         24  i32 BE  file length in 16-bit words (header included)
 *         28  i32 LE  version 1000
 *         32  i32 LE  shape type
 *         36  f64 LE ×8  bbox x, y, z, m (min, max)
 * record  0   i32 BE  record number (from 1)
 *         4   i32 BE  content length in 16-bit words
 *         8   content: i32 LE shape type, then
 *               Point        x y (f64)                      [Z: z m, M: m]
 *               MultiPoint   bbox(4 f64) n(i32) n×(x y)      [then z and/or m ranges and arrays]
 *               PolyLine,    bbox(4 f64) parts(i32) n(i32)
 *               Polygon      parts×(i32 first vertex) n×(x y) [then z and/or m ranges and arrays]
 * ```
 * Records are read one after the other from byte 100 (the .shx index is not needed); Z and
 * M values are skipped, so every variant reads as 2D.
 */
import type { ImportIssue } from '../core/import/types';
import type { ColumnarGeometry, GeometryKind } from '../core/types';
import { groupRings } from './shapefile.rings';
import { U32List } from './u32list';

/** Shape families by shape type code: plain, Z (+10) and M (+20) variants read alike. */
const FAMILY: Record<number, 'point' | 'multipoint' | 'line' | 'polygon'> = {
  1: 'point', 11: 'point', 21: 'point',
  8: 'multipoint', 18: 'multipoint', 28: 'multipoint',
  3: 'line', 13: 'line', 23: 'line',
  5: 'polygon', 15: 'polygon', 25: 'polygon',
};

const TYPE_NAMES: Record<number, string> = {
  0: 'Null', 1: 'Point', 3: 'PolyLine', 5: 'Polygon', 8: 'MultiPoint', 11: 'PointZ', 13: 'PolyLineZ', 15: 'PolygonZ',
  18: 'MultiPointZ', 21: 'PointM', 23: 'PolyLineM', 25: 'PolygonM', 28: 'MultiPointM', 31: 'MultiPatch',
};

const typeName = (type: number): string => TYPE_NAMES[type] ?? `${type}`;

/** What {@link readShpGeometry} returns. */
export interface ShpGeometry {
  geometry: ColumnarGeometry;
  /** Records in the file, skipped ones included (compare with the .dbf record count). */
  recordCount: number;
  /** Row issues: null shapes, damaged records, polygons regrouped. */
  issues: ImportIssue[];
}

/** Options of {@link readShpGeometry}. */
export interface ShpOptions {
  /** Name of the .shp as the user sees it, for issues. */
  fileName: string;
  /** Per record, 1 to leave it out (its .dbf row is marked deleted); null keeps all. */
  skip: Uint8Array | null;
}

/**
 * Reads every record of a .shp: Point files give one vertex per row (NaN for a null shape),
 * MultiPoint, PolyLine and Polygon files fill the offsets of `ColumnarGeometry`, with the
 * rings of each Polygon record grouped into polygons (outer ring first). A null or damaged
 * shape becomes an empty geometry and a row issue (severity error). A file that is not a
 * shapefile, is cut off or holds MultiPatch shapes is an error value.
 */
export function readShpGeometry(bytes: Uint8Array, options: ShpOptions): { ok: true; value: ShpGeometry } | { ok: false; issue: ImportIssue } {
  const file = options.fileName;
  const fail = (code: ImportIssue['code'], params: Record<string, string | number>) => ({ ok: false as const, issue: { code, severity: 'error' as const, file, params } });
  if (bytes.length < 100) return fail('shp.too-short', { actual: bytes.length });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fileCode = view.getInt32(0, false);
  if (fileCode !== 9994) return fail('shp.bad-file-code', { code: fileCode });
  // A header length below the header itself is garbage: then the records run to the end of the file.
  const declaredWords = view.getInt32(24, false);
  const declaredBytes = declaredWords >= 50 ? declaredWords * 2 : bytes.length;
  const fileType = view.getInt32(32, true);
  const family = fileType === 0 ? 'point' : FAMILY[fileType];
  if (!family) return fail('shp.unsupported-type', { type: typeName(fileType) });
  const kind: GeometryKind = family === 'line' ? 'LineString' : family === 'polygon' ? 'Polygon' : 'Point';

  const issues: ImportIssue[] = [];
  // Every vertex takes at least 16 bytes of the file and a null shape 12, which bounds the coordinates.
  let coords = new Float64Array(2 * Math.ceil(Math.min(declaredBytes, bytes.length) / 12) + 2);
  let vertices = 0;
  const geomOffsets = new U32List(256);
  const partOffsets = new U32List(256);
  const ringOffsets = new U32List(256);
  geomOffsets.push(0);
  partOffsets.push(0);
  ringOffsets.push(0);
  let scratch = new Float64Array(64);
  const pushVertex = (x: number, y: number) => {
    coords[2 * vertices] = x;
    coords[2 * vertices + 1] = y;
    vertices++;
  };
  /** Ends row `row` with no shape (NaN point, or no parts) and reports why. */
  const empty = (row: number, code: ImportIssue['code'], params?: Record<string, string | number>) => {
    if (family === 'point') pushVertex(NaN, NaN);
    else geomOffsets.push(family === 'multipoint' ? vertices : partOffsets.length - 1);
    issues.push({ code, severity: 'error', file, index: row, ...(params ? { params } : {}) });
  };

  let pos = 100;
  let record = 0;
  let row = 0;
  while (pos < declaredBytes) {
    const contentBytes = pos + 8 <= bytes.length ? view.getInt32(pos + 4, false) * 2 : 0;
    if (pos + 8 > bytes.length || pos + 8 + contentBytes > bytes.length) {
      return fail('shp.truncated', { record: record + 1, expected: Math.max(declaredBytes, pos + 8 + contentBytes), actual: bytes.length });
    }
    const c = pos + 8;
    pos = c + Math.max(contentBytes, 0);
    record++;
    if (options.skip?.[record - 1]) continue;
    const type = contentBytes >= 4 ? view.getInt32(c, true) : -1;
    if (type === 0) {
      empty(row++, 'shp.null-geometry');
      continue;
    }
    if (type === -1 || FAMILY[type] !== family) {
      if (type === -1) empty(row++, 'shp.bad-record', { record });
      else empty(row++, 'shp.record-type', { type: typeName(type), expected: typeName(fileType) });
      continue;
    }
    if (family === 'point') {
      if (contentBytes < 20) empty(row++, 'shp.bad-record', { record });
      else {
        pushVertex(view.getFloat64(c + 4, true), view.getFloat64(c + 12, true));
        row++;
      }
      continue;
    }
    // Multipoint: n at 36, points at 40. PolyLine/Polygon: parts at 36, n at 40, part starts at 44.
    const parts = family === 'multipoint' ? 0 : contentBytes >= 44 ? view.getInt32(c + 36, true) : -1;
    const n = contentBytes >= 40 ? view.getInt32(c + (family === 'multipoint' ? 36 : 40), true) : -1;
    const pointsAt = family === 'multipoint' ? c + 40 : c + 44 + 4 * parts;
    if (parts < 0 || n < 0 || pointsAt + 16 * n > c + contentBytes) {
      empty(row++, 'shp.bad-record', { record });
      continue;
    }
    const starts = new Uint32Array(parts + 1);
    let ordered = true;
    for (let p = 0; p < parts; p++) {
      starts[p] = view.getInt32(c + 44 + 4 * p, true);
      if (starts[p] > n || (p === 0 ? starts[p] !== 0 : starts[p] < starts[p - 1])) ordered = false;
    }
    starts[parts] = n;
    if (!ordered) {
      empty(row++, 'shp.bad-record', { record });
      continue;
    }
    if (n === 0 || (family !== 'multipoint' && parts === 0)) {
      empty(row++, 'shp.null-geometry');
      continue;
    }
    if (family !== 'polygon') {
      for (let p = 0; p < parts; p++) partOffsets.push(vertices + starts[p + 1]);
      for (let i = 0; i < n; i++) pushVertex(view.getFloat64(pointsAt + 16 * i, true), view.getFloat64(pointsAt + 16 * i + 8, true));
      geomOffsets.push(family === 'multipoint' ? vertices : partOffsets.length - 1);
      row++;
      continue;
    }
    if (scratch.length < 2 * n) scratch = new Float64Array(4 * n);
    for (let i = 0; i < 2 * n; i++) scratch[i] = view.getFloat64(pointsAt + 8 * i, true);
    const groups = groupRings(scratch, starts);
    for (const polygon of groups.polygons) {
      for (const r of polygon) {
        coords.set(scratch.subarray(2 * starts[r], 2 * starts[r + 1]), 2 * vertices);
        vertices += starts[r + 1] - starts[r];
        ringOffsets.push(vertices);
      }
      partOffsets.push(ringOffsets.length - 1);
    }
    geomOffsets.push(partOffsets.length - 1);
    if (groups.reoriented) issues.push({ code: 'shp.ring-orientation', severity: 'warning', file, index: row });
    row++;
  }
  if (2 * vertices !== coords.length) coords = coords.slice(0, 2 * vertices);
  const none = new Uint32Array(0);
  const geometry: ColumnarGeometry = {
    kind,
    coords,
    geomOffsets: family === 'point' ? none : geomOffsets.toArray(),
    partOffsets: family === 'line' || family === 'polygon' ? partOffsets.toArray() : none,
    ringOffsets: family === 'polygon' ? ringOffsets.toArray() : none,
  };
  return { ok: true, value: { geometry, recordCount: record, issues } };
}
