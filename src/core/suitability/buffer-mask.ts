/**
 * Buffers of features as a mask: every cell whose centre lies within `distanceM` of a cell the
 * feature touches. Exclusion rules use it (a 500 m rule around villages, a hazard's threat
 * radius around it).
 *
 * A distance transform over the whole grid per buffer distance is wasteful when the features
 * are small and few (246 hazard points with their own radii would be 246 full-grid
 * transforms). So each feature gets its own window — its bounding box grown by the distance —
 * and only the window is rasterised and transformed, unless the windows together cover more
 * cells than the grid; then one window around all the features is used.
 */
import { distanceTransform } from '../grid/distance';
import { rasterize, type GridShape } from '../grid/rasterize';
import type { ColumnarGeometry } from '../types';

/** [minX, minY, maxX, maxY] of feature f's vertices (NaN-free), or null when it has none. */
export function featureBBox(g: ColumnarGeometry, f: number): [number, number, number, number] | null {
  let v0: number;
  let v1: number;
  if (g.geomOffsets.length === 0) {
    v0 = f;
    v1 = f + 1;
  } else if (g.kind === 'Point') {
    v0 = g.geomOffsets[f];
    v1 = g.geomOffsets[f + 1];
  } else if (g.kind === 'LineString') {
    v0 = g.partOffsets[g.geomOffsets[f]];
    v1 = g.partOffsets[g.geomOffsets[f + 1]];
  } else {
    v0 = g.ringOffsets[g.partOffsets[g.geomOffsets[f]]];
    v1 = g.ringOffsets[g.partOffsets[g.geomOffsets[f + 1]]];
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const c = g.coords;
  for (let v = v0; v < v1; v++) {
    const x = c[2 * v], y = c[2 * v + 1];
    if (x !== x || y !== y) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** A window of the grid in cells: columns [c0, c1), rows [r0, r1). */
type Window = [number, number, number, number];

function windowOf(grid: GridShape, bbox: [number, number, number, number], marginM: number): Window | null {
  const [ox, pw, , oy, , ph] = grid.transform;
  const ca = (bbox[0] - marginM - ox) / pw, cb = (bbox[2] + marginM - ox) / pw;
  const ra = (bbox[1] - marginM - oy) / ph, rb = (bbox[3] + marginM - oy) / ph;
  const c0 = Math.max(0, Math.floor(Math.min(ca, cb)) - 1);
  const c1 = Math.min(grid.width, Math.ceil(Math.max(ca, cb)) + 1);
  const r0 = Math.max(0, Math.floor(Math.min(ra, rb)) - 1);
  const r1 = Math.min(grid.height, Math.ceil(Math.max(ra, rb)) + 1);
  return c0 < c1 && r0 < r1 ? [c0, c1, r0, r1] : null;
}

/** Burns the buffer of some features within a window of the grid into `out`. */
function burnWindow(out: Uint8Array, grid: GridShape, parts: { geometry: ColumnarGeometry; features: ArrayLike<number> }[], win: Window, distanceM: number, cellWidthM: number, cellHeightM: number) {
  const [c0, c1, r0, r1] = win;
  const [ox, pw, , oy, , ph] = grid.transform;
  const w = c1 - c0, h = r1 - r0;
  const shape: GridShape = { width: w, height: h, transform: [ox + c0 * pw, pw, 0, oy + r0 * ph, 0, ph] };
  const local = new Uint8Array(w * h);
  for (const { geometry, features } of parts) rasterize(geometry, shape, { allTouched: true, features, out: local });
  const dist = distanceTransform(local, w, h, cellWidthM, cellHeightM, { maxDistanceM: distanceM });
  for (let r = 0; r < h; r++) {
    const row = (r + r0) * grid.width + c0;
    for (let c = 0; c < w; c++) if (dist[r * w + c] <= distanceM) out[row + c] = 1;
  }
}

/**
 * Sets `out` to 1 on every cell within `distanceM` (> 0) of the given features of each layer
 * (coordinates in the grid's CRS).
 */
export function bufferMask(out: Uint8Array, grid: GridShape, parts: { geometry: ColumnarGeometry; features: ArrayLike<number> }[], distanceM: number, cellWidthM: number, cellHeightM: number): void {
  const windows: { geometry: ColumnarGeometry; feature: number; win: Window }[] = [];
  let covered = 0;
  let union: [number, number, number, number] | null = null;
  for (const { geometry, features } of parts) {
    for (let k = 0; k < features.length; k++) {
      const f = features[k];
      const bbox = featureBBox(geometry, f);
      if (!bbox) continue;
      union = union ? [Math.min(union[0], bbox[0]), Math.min(union[1], bbox[1]), Math.max(union[2], bbox[2]), Math.max(union[3], bbox[3])] : bbox;
      const win = windowOf(grid, bbox, distanceM);
      if (!win) continue;
      windows.push({ geometry, feature: f, win });
      covered += (win[1] - win[0]) * (win[3] - win[2]);
    }
  }
  if (!union) return;
  if (covered <= grid.width * grid.height) {
    for (const { geometry, feature, win } of windows) burnWindow(out, grid, [{ geometry, features: [feature] }], win, distanceM, cellWidthM, cellHeightM);
    return;
  }
  const win = windowOf(grid, union, distanceM);
  if (win) burnWindow(out, grid, parts, win, distanceM, cellWidthM, cellHeightM);
}
