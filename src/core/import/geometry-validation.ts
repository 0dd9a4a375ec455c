/**
 * Checks the geometry of an imported layer (already in longitude/latitude degrees) feature by
 * feature: allowed kind for the role, empty locations, coordinates out of range, swapped
 * longitude/latitude, locations far outside the project area, and polygon rings that are
 * unclosed, degenerate or cross themselves (repaired when that is sound, else rejected).
 */
import type { ColumnarGeometry, GeometryKind } from '../types';
import { featureCount, featureVertexRange, GeometryBuilder } from './geometry-builder';
import { countSelfIntersections, repairPolygon, type FlatRing } from './polygon-repair';
import type { LayerRole } from '../manifest';
import { roleSchema } from './role-schema';
import type { ImportIssue } from './types';

export interface ValidateGeometryInput {
  /** The layer's role (any but the DEM, which has no fields: asking for it throws). */
  role: LayerRole;
  /** Geometry in longitude/latitude degrees, one feature per table row. */
  geometry: ColumnarGeometry;
  /** True for CSV/Excel points made from coordinate columns. */
  tabular: boolean;
  file: string;
  /** The project's extent [west, south, east, north] in degrees; enables `geom.far-outside`. */
  projectBBox?: [number, number, number, number];
  /** The coordinate columns of a table, named in the issues' `field`. */
  coordinateColumns?: { x: string; y: string } | null;
}

export interface ValidateGeometryOutput {
  /** The input geometry, or a rebuilt one when some feature was repaired. */
  geometry: ColumnarGeometry;
  issues: ImportIssue[];
}

/** Distance beyond the project extent at which a location is reported as far outside. */
export const FAR_OUTSIDE_KM = 50;

/** Coarse extent of China (mainland and Hainan), [west, south, east, north], for the swapped-axes test. */
export const CHINA_BBOX: readonly [number, number, number, number] = [73.4, 17.9, 135.1, 53.6];

const KIND_WORDS: Record<GeometryKind, { zh: string; en: string }> = {
  Point: { zh: '点', en: 'points' },
  LineString: { zh: '线', en: 'lines' },
  Polygon: { zh: '面', en: 'polygons' },
};

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km from (lng, lat) to the nearest point of a lng/lat box (0 inside). */
export function distanceToBBoxKm(lng: number, lat: number, bbox: readonly [number, number, number, number]): number {
  const [w, s, e, n] = bbox;
  const clng = Math.min(Math.max(lng, w), e);
  const clat = Math.min(Math.max(lat, s), n);
  if (clng === lng && clat === lat) return 0;
  const dLat = (clat - lat) * RAD;
  const dLng = (clng - lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat * RAD) * Math.cos(clat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const inBox = (x: number, y: number, [w, s, e, n]: readonly number[]): boolean => x >= w && x <= e && y >= s && y <= n;
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Consecutive repeated vertices removed from vertices [start, end) of `coords`, as a flat array. */
function dedupe(coords: Float64Array, start: number, end: number): number[] {
  const out: number[] = [];
  for (let v = start; v < end; v++) {
    const x = coords[2 * v];
    const y = coords[2 * v + 1];
    const k = out.length;
    if (k >= 2 && out[k - 2] === x && out[k - 1] === y) continue;
    out.push(x, y);
  }
  return out;
}

/** True when every vertex of a flat ring lies on one line (a ring without area, however it winds). */
function collinear(ring: readonly number[]): boolean {
  const n = ring.length / 2;
  const [ax, ay, bx, by] = ring;
  for (let k = 2; k < n; k++) {
    if ((bx - ax) * (ring[2 * k + 1] - ay) - (by - ay) * (ring[2 * k] - ax) !== 0) return false;
  }
  return true;
}

type Repair = { polygons: FlatRing[][] } | { lines: number[][] };

/**
 * Validates (and where sound, repairs) a layer's geometry for a role. Per feature, the first
 * failing check wins:
 * 1. no vertex or a non-finite one, or a point at exactly (0, 0) (a placeholder) → `geom.empty`;
 * 2. outside both the project area (within 50 km) and China as given, but inside one of them
 *    with x and y exchanged → `geom.swapped` (geometry kept as is: swap the columns in the wizard);
 * 3. |lng| > 180 or |lat| > 90 → `geom.out-of-range`;
 * 4. nearest vertex more than 50 km beyond `projectBBox` → `geom.far-outside` (km rounded);
 * 5. lines: parts with < 2 distinct points are dropped (`geom.degenerate-part-removed`),
 *    none left → `geom.degenerate`;
 * 6. polygons: an unclosed ring is closed (`geom.ring-closed`); a ring with < 3 distinct
 *    points or no area is dropped (holes, extra parts: `geom.degenerate-part-removed`; nothing
 *    left: `geom.degenerate`); a boundary crossing itself is repaired
 *    (`geom.repaired-self-intersection`, warning) or, failing that, `geom.self-intersection`.
 * A role that does not allow the geometry kind → `geom.kind-not-allowed` (file error) and no
 * per-feature checks. Rejected features keep their original geometry.
 */
export function validateGeometry(input: ValidateGeometryInput): ValidateGeometryOutput {
  const { geometry, file, projectBBox } = input;
  const schema = roleSchema(input.role);
  const issues: ImportIssue[] = [];
  if (!schema.geometry.includes(geometry.kind)) {
    issues.push({
      code: 'geom.kind-not-allowed', severity: 'error', file,
      params: {
        kindZh: KIND_WORDS[geometry.kind].zh, kindEn: KIND_WORDS[geometry.kind].en,
        allowedZh: schema.geometry.map((k) => KIND_WORDS[k].zh).join('或'), allowedEn: schema.geometry.map((k) => KIND_WORDS[k].en).join(' or '),
        roleZh: schema.label.zh, roleEn: schema.label.en,
      },
    });
    return { geometry, issues };
  }
  const field = input.tabular && input.coordinateColumns ? `${input.coordinateColumns.x}/${input.coordinateColumns.y}` : undefined;
  const issue = (index: number, code: ImportIssue['code'], severity: 'error' | 'warning', params?: Record<string, string | number>) =>
    issues.push({ code, severity, file, index, ...(field ? { field } : {}), ...(params ? { params } : {}) });
  const inArea = (x: number, y: number): 'project' | 'china' | null =>
    projectBBox && distanceToBBoxKm(x, y, projectBBox) <= FAR_OUTSIDE_KM ? 'project' : inBox(x, y, CHINA_BBOX) ? 'china' : null;

  const { coords } = geometry;
  const count = featureCount(geometry);
  const repairs = new Map<number, Repair>();
  for (let i = 0; i < count; i++) {
    const [start, end] = featureVertexRange(geometry, i);
    let finite = end > start;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let v = start; v < end && finite; v++) {
      const x = coords[2 * v];
      const y = coords[2 * v + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) finite = false;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    if (!finite || (geometry.kind === 'Point' && minX === 0 && maxX === 0 && minY === 0 && maxY === 0)) {
      issue(i, 'geom.empty', 'error');
      continue;
    }
    const x0 = coords[2 * start];
    const y0 = coords[2 * start + 1];
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    const swappedInto = inArea(cx, cy) ? null : inArea(cy, cx);
    if (swappedInto) {
      issue(i, 'geom.swapped', 'error', { x: round6(x0), y: round6(y0), whereZh: swappedInto === 'project' ? '项目范围' : '中国境', whereEn: swappedInto === 'project' ? 'the project area' : 'China' });
      continue;
    }
    let outside = -1;
    for (let v = start; v < end && outside < 0; v++) if (Math.abs(coords[2 * v]) > 180 || Math.abs(coords[2 * v + 1]) > 90) outside = v;
    if (outside >= 0) {
      issue(i, 'geom.out-of-range', 'error', { x: round6(coords[2 * outside]), y: round6(coords[2 * outside + 1]) });
      continue;
    }
    if (projectBBox) {
      let km = Infinity;
      for (let v = start; v < end && km > FAR_OUTSIDE_KM; v++) km = Math.min(km, distanceToBBoxKm(coords[2 * v], coords[2 * v + 1], projectBBox));
      if (km > FAR_OUTSIDE_KM) {
        issue(i, 'geom.far-outside', 'error', { km: Math.round(km) });
        continue;
      }
    }
    if (geometry.kind === 'LineString') checkLine(geometry, i, issue, repairs);
    else if (geometry.kind === 'Polygon') checkPolygon(geometry, i, issue, repairs);
  }

  if (repairs.size === 0) return { geometry, issues };
  const builder = new GeometryBuilder(geometry.kind, geometry.kind === 'Point' && geometry.geomOffsets.length > 0);
  for (let i = 0; i < count; i++) {
    const repair = repairs.get(i);
    if (!repair) builder.copyFeature(geometry, i);
    else if ('lines' in repair) builder.addLines(repair.lines);
    else builder.addPolygons(repair.polygons);
  }
  return { geometry: builder.finish(), issues };
}

type IssueSink = (index: number, code: ImportIssue['code'], severity: 'error' | 'warning', params?: Record<string, string | number>) => void;

const SHAPES = { line: { shapeZh: '线', shapeEn: 'line', min: 2 }, polygon: { shapeZh: '面', shapeEn: 'polygon', min: 3 } };

/** Drops line parts with fewer than 2 distinct points. */
function checkLine(geometry: ColumnarGeometry, i: number, issue: IssueSink, repairs: Map<number, Repair>): void {
  const { coords, geomOffsets: g, partOffsets: p } = geometry;
  const kept: number[][] = [];
  let removed = 0;
  for (let part = g[i]; part < g[i + 1]; part++) {
    const line = dedupe(coords, p[part], p[part + 1]);
    if (line.length >= 4) kept.push(line);
    else removed++;
  }
  if (kept.length === 0) issue(i, 'geom.degenerate', 'error', SHAPES.line);
  else if (removed > 0) {
    issue(i, 'geom.degenerate-part-removed', 'warning', { count: removed, ...SHAPES.line });
    repairs.set(i, { lines: kept });
  }
}

/** Closes rings, drops degenerate rings and repairs self-crossing polygons of feature i. */
function checkPolygon(geometry: ColumnarGeometry, i: number, issue: IssueSink, repairs: Map<number, Repair>): void {
  const { coords, geomOffsets: g, partOffsets: p, ringOffsets: r } = geometry;
  const polygons: FlatRing[][] = [];
  let closed = 0;
  let removed = 0;
  let crossings = 0;
  let failed = false;
  for (let poly = g[i]; poly < g[i + 1]; poly++) {
    const rings: FlatRing[] = [];
    for (let ring = p[poly]; ring < p[poly + 1]; ring++) {
      const flat = dedupe(coords, r[ring], r[ring + 1]);
      const n = flat.length / 2;
      const isClosed = n >= 2 && flat[0] === flat[2 * n - 2] && flat[1] === flat[2 * n - 1];
      const distinct = isClosed ? n - 1 : n;
      if (distinct < 3 || collinear(flat)) {
        // A degenerate outer ring takes its holes with it: the polygon counts as one removed part.
        removed++;
        if (ring === p[poly]) break;
        continue;
      }
      if (!isClosed) {
        flat.push(flat[0], flat[1]);
        closed++;
      }
      rings.push(flat);
    }
    if (rings.length === 0) continue;
    const crossing = countSelfIntersections(rings);
    if (crossing === 0) {
      polygons.push(rings);
      continue;
    }
    const repaired = repairPolygon(rings);
    if (!repaired) failed = true;
    else {
      crossings += crossing;
      polygons.push(...repaired);
    }
  }
  if (failed) issue(i, 'geom.self-intersection', 'error');
  else if (polygons.length === 0) issue(i, 'geom.degenerate', 'error', SHAPES.polygon);
  else {
    if (closed > 0) issue(i, 'geom.ring-closed', 'warning', { count: closed });
    if (removed > 0) issue(i, 'geom.degenerate-part-removed', 'warning', { count: removed, ...SHAPES.polygon });
    if (crossings > 0) issue(i, 'geom.repaired-self-intersection', 'warning', { count: crossings });
    if (closed + removed + crossings > 0) repairs.set(i, { polygons });
  }
}
