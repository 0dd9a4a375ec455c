/**
 * Burns vector features into a Uint8 mask with gdal_rasterize's rules, so a mask made here and
 * one made by GDAL 3.6 from the same file agree cell for cell, ties included (checked on the
 * fixtures in test/fixtures/grid/rasterize, whose ties-* layers put every vertex on a cell edge,
 * corner or centre).
 *
 * All work is in pixel space: px = (x − originX) / pixelWidth, py = (y − originY) / pixelHeight
 * (computed as GDAL does, through the inverted transform), so cell (c, r) is [c, c+1) × [r, r+1)
 * and its centre is (c + 0.5, r + 0.5); py grows southwards.
 *
 * - Polygons: scanline fill; a cell is burnt when its centre is inside, even-odd over the rings
 *   of each polygon (so holes stay empty); the parts of a MultiPolygon are filled one by one, so
 *   where parts overlap the cells are burnt. Row r is crossed by the edges whose py range holds
 *   r + 0.5 (half-open, [low, high)); a crossing at x is rounded to column ⌊x + 0.5⌋ and the
 *   spans [a, b) between pairs of crossings are burnt. An edge lying exactly on a row's centre
 *   line is burnt as a span when it is a bottom edge of its ring (the ring's inside above it).
 * - Lines: Bresenham between the cells holding consecutive vertices, taking the minor step
 *   when the error is zero.
 * - Points: the cell holding the point.
 * - `allTouched`: lines and polygon rings burn every cell the segment passes through (see
 *   `walkSegment` for edges and corners), except polygon edges lying along a grid line; then
 *   polygons are filled as above.
 */
import type { ColumnarGeometry, GeoTransform } from '../types';
import { featureCount } from '../import/geometry-builder';

/** Size and placement of a raster, without its cells. */
export interface GridShape {
  width: number;
  height: number;
  transform: GeoTransform;
}

/** Options of {@link rasterize}. */
export interface RasterizeOptions {
  /** Burn every cell a line or polygon touches, not only centres inside / the Bresenham path. Default false. */
  allTouched?: boolean;
  /** Indices of the features to burn; all features when omitted. */
  features?: ArrayLike<number>;
  /** Mask to burn into (width×height, row-major); cells not burnt keep their value. A new zeroed mask when omitted. */
  out?: Uint8Array;
  /** Value burnt, 0–255. Default 1. */
  value?: number;
}

/** Pixel-space view of the grid and the growable scratch shared by one call's features. */
interface Burn {
  width: number;
  height: number;
  out: Uint8Array;
  value: number;
  /** px = ox + x·sx, py = oy + y·sy (GDAL's inverted transform). */
  ox: number;
  sx: number;
  oy: number;
  sy: number;
  /** Pixel coordinates of the current feature's vertices. */
  px: Float64Array;
  py: Float64Array;
  /** Per row, counts and then offsets of its crossings in `xs` (layout in burnPolygon). */
  rowStart: Int32Array;
  /** Rounded crossing columns, grouped by row. */
  xs: Int32Array;
}

/**
 * Burns the features of a layer (coordinates already in the grid's CRS) into a Uint8 mask, like
 * gdal_rasterize: polygons burn cells whose centre is inside (even-odd over the rings of each
 * polygon, so holes stay empty; the parts of a MultiPolygon add up), lines the cells of their
 * Bresenham path, points the cell that holds them; `allTouched` burns every cell a polygon or
 * line passes through. Parts outside the grid are ignored, empty features skipped. Throws on a
 * rotated transform or a wrongly sized `out` (bugs: grids here are north-up).
 */
export function rasterize(geometry: ColumnarGeometry, grid: GridShape, options: RasterizeOptions = {}): Uint8Array {
  const { width, height, transform } = grid;
  if (transform[2] !== 0 || transform[4] !== 0) {
    throw new Error(`rasterize: the grid transform is rotated ([${transform.join(', ')}]); only north-up grids (rotation terms 0) are supported.`);
  }
  if (!(transform[1] !== 0 && transform[5] !== 0)) throw new Error(`rasterize: the grid transform has a zero or invalid pixel size ([${transform.join(', ')}]).`);
  const out = options.out ?? new Uint8Array(width * height);
  if (out.length !== width * height) throw new Error(`rasterize: out has ${out.length} cells, the grid ${width}×${height}.`);
  const b: Burn = {
    width,
    height,
    out,
    value: options.value ?? 1,
    ox: -transform[0] / transform[1],
    sx: 1 / transform[1],
    oy: -transform[3] / transform[5],
    sy: 1 / transform[5],
    px: new Float64Array(64),
    py: new Float64Array(64),
    rowStart: new Int32Array(height + 1),
    xs: new Int32Array(256),
  };
  const count = featureCount(geometry);
  const allTouched = options.allTouched ?? false;
  const subset = options.features;
  const n = subset ? subset.length : count;
  for (let k = 0; k < n; k++) {
    const f = subset ? subset[k] : k;
    if (!(f >= 0 && f < count)) continue;
    if (geometry.kind === 'Point') burnPoints(b, geometry, f);
    else if (geometry.kind === 'LineString') burnLines(b, geometry, f, allTouched);
    else burnPolygons(b, geometry, f, allTouched);
  }
  return out;
}

/** Loads vertices [v0, v1) into b.px / b.py (pixel space), growing them if needed. */
function loadPixels(b: Burn, coords: Float64Array, v0: number, v1: number): void {
  const n = v1 - v0;
  if (b.px.length < n) {
    const size = Math.max(n, b.px.length * 2);
    b.px = new Float64Array(size);
    b.py = new Float64Array(size);
  }
  const { px, py, ox, sx, oy, sy } = b;
  for (let i = 0; i < n; i++) {
    px[i] = ox + coords[2 * (v0 + i)] * sx;
    py[i] = oy + coords[2 * (v0 + i) + 1] * sy;
  }
}

function burnCell(b: Burn, c: number, r: number): void {
  if (c >= 0 && c < b.width && r >= 0 && r < b.height) b.out[r * b.width + c] = b.value;
}

function burnPoints(b: Burn, g: ColumnarGeometry, f: number): void {
  const v0 = g.geomOffsets.length === 0 ? f : g.geomOffsets[f];
  const v1 = g.geomOffsets.length === 0 ? f + 1 : g.geomOffsets[f + 1];
  for (let v = v0; v < v1; v++) {
    // NaN (an empty point) fails both bounds tests in burnCell.
    burnCell(b, Math.floor(b.ox + g.coords[2 * v] * b.sx), Math.floor(b.oy + g.coords[2 * v + 1] * b.sy));
  }
}

function burnLines(b: Burn, g: ColumnarGeometry, f: number, allTouched: boolean): void {
  for (let p = g.geomOffsets[f]; p < g.geomOffsets[f + 1]; p++) {
    const v0 = g.partOffsets[p];
    const v1 = g.partOffsets[p + 1];
    if (v1 - v0 < 2) continue;
    loadPixels(b, g.coords, v0, v1);
    for (let i = 1; i < v1 - v0; i++) {
      if (allTouched) walkSegment(b, b.px[i - 1], b.py[i - 1], b.px[i], b.py[i]);
      else bresenham(b, Math.floor(b.px[i - 1]), Math.floor(b.py[i - 1]), Math.floor(b.px[i]), Math.floor(b.py[i]));
    }
  }
}

/**
 * Bresenham from cell (x0, y0) to (x1, y1), both burnt, stepping along the major axis and
 * taking the minor step when the error is >= 0 (what GDAL 3.6 does on ties). Steps whose major
 * coordinate is off the grid are skipped arithmetically: after k steps the minor axis has moved
 * m = floor((2k·dMinor + dMajor) / (2·dMajor)) times, so a segment costs at most one grid side.
 */
function bresenham(b: Burn, x0: number, y0: number, x1: number, y1: number): void {
  if (!(Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1))) return;
  const { width, height } = b;
  if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 >= width && x1 >= width) || (y0 >= height && y1 >= height)) return;
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  const stepX = x0 > x1 ? -1 : 1;
  const stepY = y0 > y1 ? -1 : 1;
  const xMajor = dx >= dy;
  const dMajor = xMajor ? dx : dy;
  const dMinor = xMajor ? dy : dx;
  const a0 = xMajor ? x0 : y0; // major axis start, step, size
  const aStep = xMajor ? stepX : stepY;
  const aSize = xMajor ? width : height;
  const m0 = xMajor ? y0 : x0; // minor axis start and step
  const mStep = xMajor ? stepY : stepX;
  // Steps k in [kFirst, kLast] keep the major coordinate a0 + k·aStep inside [0, aSize).
  let kFirst = aStep > 0 ? -a0 : a0 - (aSize - 1);
  let kLast = aStep > 0 ? aSize - 1 - a0 : a0;
  if (kFirst < 0) kFirst = 0;
  if (kLast > dMajor) kLast = dMajor;
  if (kFirst > kLast) return;
  let m = dMajor === 0 ? 0 : Math.floor((2 * kFirst * dMinor + dMajor) / (2 * dMajor));
  let error = 2 * dMinor - dMajor + 2 * kFirst * dMinor - 2 * m * dMajor;
  const up = 2 * dMinor;
  const across = 2 * dMinor - 2 * dMajor;
  for (let k = kFirst; k <= kLast; k++) {
    const a = a0 + k * aStep;
    const mm = m0 + m * mStep;
    if (xMajor) burnCell(b, a, mm);
    else burnCell(b, mm, a);
    if (error >= 0) {
      m++;
      error += across;
    } else {
      error += up;
    }
  }
}

/**
 * Burns every cell the segment (x0, y0)–(x1, y1) (pixel space) passes through, with GDAL 3.6's
 * conventions so ties come out the same: the segment is taken left to right, and burnt are the
 * cells (⌊x⌋, ⌊y⌋) of its points with x0 <= x < x1. A point on a cell edge or corner thus belongs
 * to the cell right of / below it: a segment through a cell corner also burns the cell below and
 * right of the corner when it climbs (y decreasing), and an end exactly on a vertical grid line
 * does not burn the cell beyond. A segment within one column burns that column's cells from
 * ⌊y_min⌋ to ⌊y_max⌋; one within one row, that row's cells from ⌊x_min⌋ to ⌊x_max⌋.
 * Works column by column over the part inside the grid, so a long segment costs its cells.
 */
function walkSegment(b: Burn, x0: number, y0: number, x1: number, y1: number): void {
  if (!(Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1))) return;
  const { width, height, out, value } = b;
  if (x0 > x1) {
    const tx = x0;
    x0 = x1;
    x1 = tx;
    const ty = y0;
    y0 = y1;
    y1 = ty;
  }
  if (x1 < 0 || x0 > width || (y0 < 0 && y1 < 0) || (y0 > height && y1 > height)) return;
  const c0 = Math.floor(x0);
  if (c0 === Math.floor(x1)) {
    if (c0 < 0 || c0 >= width) return;
    const rA = Math.max(0, Math.floor(Math.min(y0, y1)));
    const rB = Math.min(height - 1, Math.floor(Math.max(y0, y1)));
    for (let r = rA; r <= rB; r++) out[r * width + c0] = value;
    return;
  }
  if (Math.floor(y0) === Math.floor(y1)) {
    const r = Math.floor(y0);
    if (r < 0 || r >= height) return;
    fillSpan(out, r * width, width, c0, Math.floor(x1) + 1, value);
    return;
  }
  const slope = (y1 - y0) / (x1 - x0);
  // Columns holding points with x in [x0, x1): the last is x1 − 1 when x1 is a grid line.
  const cFirst = Math.max(0, c0);
  const cLast = Math.min(width - 1, Math.ceil(x1) - 1);
  for (let c = cFirst; c <= cLast; c++) {
    // Over x in [xa, xb) the segment's y runs from ya (included) to yb (excluded).
    const xa = c > x0 ? c : x0;
    const xb = c + 1 < x1 ? c + 1 : x1;
    const ya = xa === x0 ? y0 : y0 + (xa - x0) * slope;
    const yb = xb === x1 ? y1 : y0 + (xb - x0) * slope;
    let rA: number;
    let rB: number;
    if (slope > 0) {
      rA = Math.floor(ya);
      rB = Math.ceil(yb) - 1;
    } else {
      rA = Math.floor(yb);
      rB = Math.floor(ya);
    }
    if (rA < 0) rA = 0;
    if (rB > height - 1) rB = height - 1;
    for (let r = rA; r <= rB; r++) out[r * width + c] = value;
  }
}

/** Within this many cells of a grid line, a polygon edge counts as lying on it. */
const ON_GRID_LINE = 1e-4;

function onGridLine(a: number, b: number): boolean {
  const k = Math.round(a);
  return Math.abs(a - k) < ON_GRID_LINE && Math.abs(b - k) < ON_GRID_LINE;
}

/**
 * A polygon edge for `allTouched`: like a line, except that an edge lying along a grid line is
 * skipped. The cells on its inner side are filled anyway (their centres are inside) and those on
 * the outer side only share an edge with the polygon; GDAL 3.6 skips them too.
 */
function walkEdge(b: Burn, x0: number, y0: number, x1: number, y1: number): void {
  if (onGridLine(x0, x1) || onGridLine(y0, y1)) return;
  walkSegment(b, x0, y0, x1, y1);
}

/** Rows r whose centre line r + 0.5 lies in [lo, hi): the first such r (GDAL's half-open rule). */
function firstRowAtOrAbove(lo: number): number {
  if (!Number.isFinite(lo)) return lo;
  let r = Math.ceil(lo - 0.5);
  // lo − 0.5 can round; settle on the exact test GDAL makes, r + 0.5 >= lo.
  while (r + 0.5 < lo) r++;
  while (r - 0.5 >= lo) r--;
  return r;
}

/** Fills each polygon of feature f on its own: parts of a MultiPolygon add up, as in GDAL. */
function burnPolygons(b: Burn, g: ColumnarGeometry, f: number, allTouched: boolean): void {
  for (let p = g.geomOffsets[f]; p < g.geomOffsets[f + 1]; p++) burnPolygon(b, g, g.partOffsets[p], g.partOffsets[p + 1], allTouched);
}

/** Burns the polygon made of rings [r0, r1): even-odd over its rings, so holes stay empty. */
function burnPolygon(b: Burn, g: ColumnarGeometry, r0: number, r1: number, allTouched: boolean): void {
  if (r1 <= r0) return;
  const v0 = g.ringOffsets[r0];
  const v1 = g.ringOffsets[r1];
  if (v1 <= v0) return;
  loadPixels(b, g.coords, v0, v1);
  const { px, py, height } = b;
  if (allTouched) {
    for (let r = r0; r < r1; r++) {
      const a = g.ringOffsets[r] - v0;
      const e = g.ringOffsets[r + 1] - v0;
      for (let i = a + 1; i < e; i++) walkEdge(b, px[i - 1], py[i - 1], px[i], py[i]);
      if (e - a > 2) walkEdge(b, px[e - 1], py[e - 1], px[a], py[a]);
    }
  }
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < v1 - v0; i++) {
    if (py[i] < yMin) yMin = py[i];
    if (py[i] > yMax) yMax = py[i];
  }
  if (!(yMax >= 0 && yMin < height)) return;
  // A superset of the rows the feature's edges can cross; each edge clips its own rows to it.
  const rowLo = Math.max(0, Math.floor(yMin) - 1);
  const rowHi = Math.min(height - 1, Math.floor(yMax) + 1);
  // rowStart layout, as a counting sort of crossings by row:
  //   after countCrossings   rowStart[row]     = crossings of row
  //   before storeCrossings  rowStart[row + 1] = where row's crossings start in xs (write cursor)
  //   after storeCrossings   rowStart[row], rowStart[row + 1] = row's range in xs
  const rowStart = b.rowStart;
  rowStart.fill(0, rowLo, rowHi + 2);
  const total = scanEdges(b, g, r0, r1, v0, rowLo, rowHi, false);
  let start = 0;
  for (let row = rowLo; row <= rowHi; row++) {
    const c = rowStart[row];
    rowStart[row] = start;
    start += c;
  }
  for (let row = rowHi; row >= rowLo; row--) rowStart[row + 1] = rowStart[row];
  rowStart[rowLo] = 0;
  if (b.xs.length < total) b.xs = new Int32Array(Math.max(total, b.xs.length * 2));
  scanEdges(b, g, r0, r1, v0, rowLo, rowHi, true);
  const { xs, out, width, value } = b;
  for (let row = rowLo; row <= rowHi; row++) {
    const s = rowStart[row];
    const e = rowStart[row + 1];
    if (e - s < 2) continue;
    sortRange(xs, s, e);
    const base = row * width;
    for (let i = s; i + 1 < e; i += 2) fillSpan(out, base, width, xs[i], xs[i + 1], value);
  }
}

/**
 * Visits every edge of rings [r0, r1) (ring [a, e) has edges e−1 → a, then i−1 → i, so rings
 * need not repeat their first vertex). Without `store` it counts each row's crossings into
 * b.rowStart (and burns GDAL's horizontal-edge spans) and returns the total; with `store` it
 * writes the rounded crossing columns at each row's cursor b.rowStart[row + 1].
 */
function scanEdges(b: Burn, g: ColumnarGeometry, r0: number, r1: number, v0: number, rowLo: number, rowHi: number, store: boolean): number {
  const { px, py, rowStart, xs, out, width, value } = b;
  let total = 0;
  for (let r = r0; r < r1; r++) {
    const a = g.ringOffsets[r] - v0;
    const e = g.ringOffsets[r + 1] - v0;
    let area = NaN;
    for (let i = a; i < e; i++) {
      const j = i === a ? e - 1 : i - 1;
      const ya = py[j];
      const yb = py[i];
      if (ya === yb) {
        // The half-open rule gives an edge lying exactly on a row's centre line no crossings.
        // GDAL burns it as a span when it is a bottom edge of its ring (the ring's inside on
        // the row above), in either ring orientation; top edges are burnt by the crossings.
        const row = ya - 0.5;
        if (!store && Number.isInteger(row) && row >= rowLo && row <= rowHi && row + 0.5 === ya && px[j] !== px[i]) {
          if (area !== area) area = ringArea(px, py, a, e);
          if ((px[j] - px[i]) * area > 0) fillSpan(out, row * width, width, Math.floor(Math.min(px[i], px[j]) + 0.5), Math.floor(Math.max(px[i], px[j]) + 0.5), value);
        }
        continue;
      }
      if (!(ya === ya && yb === yb)) continue;
      // Order the ends by y; rows whose centre line y = row + 0.5 is in [yLo, yHi) cross the edge.
      const lower = ya < yb ? j : i;
      const upper = ya < yb ? i : j;
      const yLo = py[lower];
      const yHi = py[upper];
      const first = Math.max(rowLo, firstRowAtOrAbove(yLo));
      const last = Math.min(rowHi, firstRowAtOrAbove(yHi) - 1);
      if (last < first) continue;
      if (!store) {
        for (let row = first; row <= last; row++) rowStart[row]++;
        total += last - first + 1;
        continue;
      }
      const xLo = px[lower];
      const dxEdge = px[upper] - xLo;
      const dyEdge = yHi - yLo;
      for (let row = first; row <= last; row++) {
        // GDAL's expression, term for term, so crossings round the same way.
        const x = ((row + 0.5 - yLo) * dxEdge) / dyEdge + xLo;
        // Clamping keeps the order and the burnt spans, and far crossings fit in Int32.
        const column = Math.floor(x + 0.5);
        xs[rowStart[row + 1]++] = column < -1 ? -1 : column > width + 1 ? width + 1 : column;
      }
    }
  }
  return total;
}

/** Twice the signed area of ring [a, e) in pixel space (shoelace); its sign is the ring's orientation. */
function ringArea(px: Float64Array, py: Float64Array, a: number, e: number): number {
  let sum = 0;
  for (let i = a, j = e - 1; i < e; j = i++) sum += px[j] * py[i] - px[i] * py[j];
  return sum;
}

/** Burns columns [c0, c1) of one row, clipped to the grid. */
function fillSpan(out: Uint8Array, base: number, width: number, c0: number, c1: number, value: number): void {
  const a = c0 < 0 ? 0 : c0;
  const e = c1 > width ? width : c1;
  if (a < e) out.fill(value, base + a, base + e);
}

/** Sorts xs[s, e) ascending: insertion sort for the few crossings of a typical row. */
function sortRange(xs: Int32Array, s: number, e: number): void {
  if (e - s > 32) {
    xs.subarray(s, e).sort();
    return;
  }
  for (let i = s + 1; i < e; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= s && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}
