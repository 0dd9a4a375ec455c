import type { GeoTransform, Grid, RasterArray } from './types';

/**
 * Small raster kernels shared by terrain, hydrology and the demo generator.
 * All take typed arrays with an explicit width/height and allocate nothing per cell.
 */

/** A north-up transform for a grid whose lower-left corner is (minX, minY). */
export function northUpTransform(minX: number, minY: number, cellSizeMeters: number, height: number): GeoTransform {
  return [minX, cellSizeMeters, 0, minY + height * cellSizeMeters, 0, -cellSizeMeters];
}

/** Map x of a column's centre. */
export function colToX(transform: GeoTransform, col: number): number {
  return transform[0] + (col + 0.5) * transform[1];
}

/** Map y of a row's centre. */
export function rowToY(transform: GeoTransform, row: number): number {
  return transform[3] + (row + 0.5) * transform[5];
}

/** Fractional column of map x (cell centres at .5). */
export function xToCol(transform: GeoTransform, x: number): number {
  return (x - transform[0]) / transform[1];
}

/** Fractional row of map y (cell centres at .5). */
export function yToRow(transform: GeoTransform, y: number): number {
  return (y - transform[3]) / transform[5];
}

/** The cell index containing map (x, y), or -1 outside the grid. */
export function cellAt(grid: Pick<Grid, 'width' | 'height' | 'transform'>, x: number, y: number): number {
  const c = Math.floor(xToCol(grid.transform, x));
  const r = Math.floor(yToRow(grid.transform, y));
  if (c < 0 || r < 0 || c >= grid.width || r >= grid.height) return -1;
  return r * grid.width + c;
}

/**
 * Bilinear sample at fractional (col, row) in cell-centre coordinates (cell i's centre is i+0.5),
 * clamped at the edges.
 */
export function sampleBilinear(data: ArrayLike<number>, width: number, height: number, col: number, row: number): number {
  let fx = col - 0.5;
  let fy = row - 0.5;
  if (fx < 0) fx = 0;
  if (fy < 0) fy = 0;
  if (fx > width - 1) fx = width - 1;
  if (fy > height - 1) fy = height - 1;
  const x0 = Math.min(Math.floor(fx), width - 2 < 0 ? 0 : width - 2);
  const y0 = Math.min(Math.floor(fy), height - 2 < 0 ? 0 : height - 2);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const tx = fx - x0;
  const ty = fy - y0;
  const a = data[y0 * width + x0];
  const b = data[y0 * width + x1];
  const c = data[y1 * width + x0];
  const d = data[y1 * width + x1];
  return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  // Catmull–Rom spline through p1 (t = 0) and p2 (t = 1).
  return p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
}

/**
 * Resamples a grid to outWidth×outHeight covering the same extent with Catmull–Rom bicubic
 * interpolation (smooth valleys when upsampling a coarse landscape model). Fills `out`.
 */
export function resampleBicubic(
  src: ArrayLike<number>,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  out: Float64Array | Float32Array = new Float64Array(outWidth * outHeight),
): Float64Array | Float32Array {
  const sx = width / outWidth;
  const sy = height / outHeight;
  for (let r = 0; r < outHeight; r++) {
    const fy = (r + 0.5) * sy - 0.5;
    const y1 = Math.floor(fy);
    const ty = fy - y1;
    const y0 = Math.max(0, y1 - 1) * width;
    const yA = Math.min(height - 1, Math.max(0, y1)) * width;
    const yB = Math.min(height - 1, Math.max(0, y1 + 1)) * width;
    const y3 = Math.min(height - 1, Math.max(0, y1 + 2)) * width;
    for (let c = 0; c < outWidth; c++) {
      const fx = (c + 0.5) * sx - 0.5;
      const x1 = Math.floor(fx);
      const tx = fx - x1;
      const x0 = Math.max(0, x1 - 1);
      const xA = Math.min(width - 1, Math.max(0, x1));
      const xB = Math.min(width - 1, Math.max(0, x1 + 1));
      const x3 = Math.min(width - 1, Math.max(0, x1 + 2));
      const r0 = cubic(src[y0 + x0], src[y0 + xA], src[y0 + xB], src[y0 + x3], tx);
      const r1 = cubic(src[yA + x0], src[yA + xA], src[yA + xB], src[yA + x3], tx);
      const r2 = cubic(src[yB + x0], src[yB + xA], src[yB + xB], src[yB + x3], tx);
      const r3 = cubic(src[y3 + x0], src[y3 + xA], src[y3 + xB], src[y3 + x3], tx);
      out[r * outWidth + c] = cubic(r0, r1, r2, r3, ty);
    }
  }
  return out;
}

/**
 * Slope in degrees by Horn's method (3×3 weighted differences), with edge cells using clamped
 * neighbours. Cells whose value equals `nodata` (or have such a neighbour) get NaN.
 */
export function slopeDegrees(
  z: ArrayLike<number>,
  width: number,
  height: number,
  cellSizeMeters: number,
  nodata: number | null = null,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const k = 180 / Math.PI;
  const inv8 = 1 / (8 * cellSizeMeters);
  for (let r = 0; r < height; r++) {
    const ru = (r > 0 ? r - 1 : r) * width;
    const rc = r * width;
    const rd = (r < height - 1 ? r + 1 : r) * width;
    for (let c = 0; c < width; c++) {
      const cl = c > 0 ? c - 1 : c;
      const cr = c < width - 1 ? c + 1 : c;
      const a = z[ru + cl], b = z[ru + c], cc = z[ru + cr];
      const d = z[rc + cl], f = z[rc + cr];
      const g = z[rd + cl], h = z[rd + c], i = z[rd + cr];
      if (nodata !== null && (a === nodata || b === nodata || cc === nodata || d === nodata || f === nodata || g === nodata || h === nodata || i === nodata || z[rc + c] === nodata)) {
        out[rc + c] = NaN;
        continue;
      }
      const dzdx = (cc + 2 * f + i - (a + 2 * d + g)) * inv8;
      const dzdy = (g + 2 * h + i - (a + 2 * b + cc)) * inv8;
      out[rc + c] = Math.atan(Math.sqrt(dzdx * dzdx + dzdy * dzdy)) * k;
    }
  }
  return out;
}

/**
 * Separable box blur with radius `radius` cells (window 2r+1), edges clamped.
 * Uses one scratch row/column buffer; fills `out` (may not alias `src`).
 */
export function boxBlur(
  src: ArrayLike<number>,
  width: number,
  height: number,
  radius: number,
  out: Float32Array | Float64Array = new Float32Array(width * height),
): Float32Array | Float64Array {
  const tmp = new Float64Array(width * height);
  const norm = 1 / (2 * radius + 1);
  for (let r = 0; r < height; r++) {
    const o = r * width;
    let acc = 0;
    for (let k = -radius; k <= radius; k++) acc += src[o + Math.min(width - 1, Math.max(0, k))];
    for (let c = 0; c < width; c++) {
      tmp[o + c] = acc * norm;
      acc += src[o + Math.min(width - 1, c + radius + 1)] - src[o + Math.max(0, c - radius)];
    }
  }
  for (let c = 0; c < width; c++) {
    let acc = 0;
    for (let k = -radius; k <= radius; k++) acc += tmp[Math.min(height - 1, Math.max(0, k)) * width + c];
    for (let r = 0; r < height; r++) {
      out[r * width + c] = acc * norm;
      acc += tmp[Math.min(height - 1, r + radius + 1) * width + c] - tmp[Math.max(0, r - radius) * width + c];
    }
  }
  return out;
}

/** Creates a grid record around a data array. */
export function makeGrid<T extends RasterArray>(data: T, width: number, height: number, transform: GeoTransform, crs: string, nodata: number | null): Grid<T> {
  return { width, height, data, transform, crs, nodata };
}

/**
 * Chamfer (3-4) distance in cell widths from every cell to the nearest cell where
 * `target` is non-zero (two passes; within ~4% of Euclidean). Fills and returns `out`.
 */
export function chamferDistance(
  target: ArrayLike<number>,
  width: number,
  height: number,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const big = 1e9;
  const a = 1;
  const b = Math.SQRT2;
  for (let i = 0; i < width * height; i++) out[i] = target[i] ? 0 : big;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      let v = out[i];
      if (v === 0) continue;
      if (c > 0 && out[i - 1] + a < v) v = out[i - 1] + a;
      if (r > 0) {
        const u = i - width;
        if (out[u] + a < v) v = out[u] + a;
        if (c > 0 && out[u - 1] + b < v) v = out[u - 1] + b;
        if (c < width - 1 && out[u + 1] + b < v) v = out[u + 1] + b;
      }
      out[i] = v;
    }
  }
  for (let r = height - 1; r >= 0; r--) {
    for (let c = width - 1; c >= 0; c--) {
      const i = r * width + c;
      let v = out[i];
      if (v === 0) continue;
      if (c < width - 1 && out[i + 1] + a < v) v = out[i + 1] + a;
      if (r < height - 1) {
        const d = i + width;
        if (out[d] + a < v) v = out[d] + a;
        if (c < width - 1 && out[d + 1] + b < v) v = out[d + 1] + b;
        if (c > 0 && out[d - 1] + b < v) v = out[d - 1] + b;
      }
      out[i] = v;
    }
  }
  return out;
}
