/**
 * The kernels grid workers can run, by name. One line each: a kernel's args are a plain object
 * (typed arrays, numbers, arrays of typed arrays), and the line unpacks them into the core
 * function's parameters, passing the band [start, end) last:
 *
 *   slopeRows: (a: SlopeArgs, r0: number, r1: number) => slopeRows(a.dem, a.width, a.height, a.cellM, a.nodata, a.out, r0, r1),
 *
 * The args type declared here is the type `pool.run('slopeRows', args, plan)` checks.
 *
 * The first kernels are the real ones (from src/core); the rest are small checks of the pool
 * itself (tests, the pool probe, the benchmark).
 */
import type { GridRegistry } from './grid-pool';
import { aspectRows, slopeRows, type CellSizesM } from '../src/core/grid/terrain';
import { edtColumns, edtRows } from '../src/core/grid/distance';
import { weightedOverlay } from '../src/core/suitability/overlay';

/** A DEM band job: slope or aspect in degrees of rows [r0, r1). */
export interface TerrainArgs {
  dem: Float32Array;
  width: number;
  height: number;
  cell: CellSizesM;
  nodata: number | null;
  out: Float32Array;
}

/** Copies rows [r0, r1) of x into out: no work, so a run of it measures the pool's overhead. */
export function copyRows(x: Float32Array, out: Float32Array, width: number, r0: number, r1: number): void {
  out.set(x.subarray(r0 * width, r1 * width), r0 * width);
}

/** Adds rows [r0, r1) of x to out: a kernel that reads its own band of its output. */
export function addRows(x: Float32Array, out: Float32Array, width: number, r0: number, r1: number): void {
  for (let i = r0 * width; i < r1 * width; i++) out[i] += x[i];
}

/**
 * Mean of the 3×3 neighbourhood (clipped at the edges) for rows [r0, r1). It reads the rows
 * on either side of its band, as slope and hillshade do.
 */
export function boxRows(x: Float32Array, width: number, height: number, out: Float32Array, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) {
    const ra = Math.max(0, r - 1);
    const rb = Math.min(height - 1, r + 1);
    for (let c = 0; c < width; c++) {
      const ca = Math.max(0, c - 1);
      const cb = Math.min(width - 1, c + 1);
      let sum = 0;
      for (let rr = ra; rr <= rb; rr++) for (let cc = ca; cc <= cb; cc++) sum += x[rr * width + cc];
      out[r * width + c] = sum / ((rb - ra + 1) * (cb - ca + 1));
    }
  }
}

/** Running sum down each column c in [c0, c1), as the column pass of a distance transform runs. */
export function cumsumCols(x: Float32Array, width: number, height: number, out: Float32Array, c0: number, c1: number): void {
  for (let c = c0; c < c1; c++) {
    let sum = 0;
    for (let r = 0; r < height; r++) {
      sum += x[r * width + c];
      out[r * width + c] = sum;
    }
  }
}

/** Weighted sum of score layers for cells [i0, i1), 0 where excluded: weighted overlay's shape. */
export function weightedCells(scores: Uint8Array[], weights: number[], exclusion: Uint8Array, out: Float32Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    let sum = 0;
    for (let k = 0; k < scores.length; k++) sum += scores[k][i] * weights[k];
    out[i] = exclusion[i] ? 0 : sum;
  }
}

export const GRID_KERNELS = {
  slopeRows: (a: TerrainArgs, r0: number, r1: number) => slopeRows(a.dem, a.width, a.height, a.cell, a.nodata, a.out, r0, r1),
  aspectRows: (a: TerrainArgs, r0: number, r1: number) => aspectRows(a.dem, a.width, a.height, a.cell, a.nodata, a.out, r0, r1),
  edtColumns: (a: { mask: Uint8Array; width: number; height: number; cellHeightM: number; g: Float32Array }, c0: number, c1: number) => edtColumns(a.mask, a.width, a.height, a.cellHeightM, a.g, c0, c1),
  edtRows: (a: { g: Float32Array; width: number; height: number; cellWidthM: number; out: Float32Array }, r0: number, r1: number) => edtRows(a.g, a.width, a.height, a.cellWidthM, a.out, r0, r1),
  weightedOverlay: (a: { scores: Uint8Array[]; weights: number[]; exclusion: Uint8Array | null; out: Uint8Array }, i0: number, i1: number) => weightedOverlay(a.scores, a.weights, a.exclusion, a.out, i0, i1),
  copyRows: (a: { x: Float32Array; out: Float32Array; width: number }, r0: number, r1: number) => copyRows(a.x, a.out, a.width, r0, r1),
  addRows: (a: { x: Float32Array; out: Float32Array; width: number }, r0: number, r1: number) => addRows(a.x, a.out, a.width, r0, r1),
  boxRows: (a: { x: Float32Array; width: number; height: number; out: Float32Array }, r0: number, r1: number) => boxRows(a.x, a.width, a.height, a.out, r0, r1),
  cumsumCols: (a: { x: Float32Array; width: number; height: number; out: Float32Array }, c0: number, c1: number) => cumsumCols(a.x, a.width, a.height, a.out, c0, c1),
  weightedCells: (a: { scores: Uint8Array[]; weights: number[]; exclusion: Uint8Array; out: Float32Array }, i0: number, i1: number) => weightedCells(a.scores, a.weights, a.exclusion, a.out, i0, i1),
  /** Throws `message` from the band holding row `failAt`: how a kernel's error reaches the caller. */
  failRows: (a: { failAt: number; message: string }, r0: number, r1: number) => {
    if (a.failAt >= r0 && a.failAt < r1) throw new Error(a.message);
  },
} satisfies GridRegistry;

/** The kernels grid.worker.ts serves; the default registry type of `createGridPool`. */
export type GridKernels = typeof GRID_KERNELS;
