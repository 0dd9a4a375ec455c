import { CellHeap } from '../hydro/heap';
import { D8_DCOL as DCOL, D8_DROW as DROW } from '../hydro/neighbours';

/** Elevation arrays the flood can fill in place. */
export type ElevationArray = Float64Array | Float32Array | Int16Array | Int32Array;

/**
 * Drainage routing produced by the flood.
 *
 * ```
 * order     c0 c1 c2 ...  cells in processing order: every cell comes after its receiver
 * receiver  r(c) per cell: the neighbour it drains to; a seed drains to itself; -1 = masked out
 * ```
 */
export interface FloodRouting {
  order: Int32Array;
  receiver: Int32Array;
  /** Number of valid entries in `order` (cells inside the mask). */
  count: number;
}

export interface PriorityFloodOptions {
  /**
   * 0 (default) fills depressions to flat surfaces, which suits integer DEMs: each filled cell
   * drains to the cell that reached it, so flow crosses flats toward the spill point.
   * A positive value (metres) makes the filled surface rise by at least this much per step,
   * so every cell has a strictly lower receiver (Barnes et al. 2014, "Priority-Flood+ε").
   * With Float32 data use ε ≥ 1e-3 m so the increment survives rounding.
   */
  epsilon?: number;
  /** Cells with 0 are ignored (nodata); omitted means every cell is valid. */
  mask?: Uint8Array;
}

/** The cells on the outer edge of a width×height grid, in row-major order. */
export function edgeCells(width: number, height: number): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (r === 0 || c === 0 || r === height - 1 || c === width - 1) out.push(r * width + c);
    }
  }
  return Int32Array.from(out);
}

/**
 * Priority-Flood depression filling (Barnes, Lehman & Mulla 2014) from the given seed cells
 * (outlets). Fills `z` in place so every valid cell drains to a seed, and returns the drainage
 * routing the flood discovers: each cell drains to the neighbour that first reached it, which is
 * its lowest already-processed neighbour. `order` lists cells receivers-first, so a reverse pass
 * accumulates flow and a forward pass propagates values downstream-to-upstream.
 */
export function priorityFlood(
  z: ElevationArray,
  width: number,
  height: number,
  seeds: ArrayLike<number>,
  options: PriorityFloodOptions = {},
): FloodRouting {
  const dcol = DCOL;
  const drow = DROW;
  const n = width * height;
  const epsilon = options.epsilon ?? 0;
  const mask = options.mask;
  const order = new Int32Array(n);
  const receiver = new Int32Array(n).fill(-1);
  const closed = new Uint8Array(n);
  const pit = new Int32Array(n);
  let pitHead = 0;
  let pitTail = 0;
  const heap = new CellHeap(Math.max(1024, 2 * (width + height)));
  for (let s = 0; s < seeds.length; s++) {
    const cell = seeds[s];
    if (closed[cell] || (mask && !mask[cell])) continue;
    closed[cell] = 1;
    receiver[cell] = cell;
    heap.push(cell, z[cell]);
  }
  let count = 0;
  while (heap.size > 0 || pitHead < pitTail) {
    let cell: number;
    if (pitHead < pitTail) {
      cell = pit[pitHead++];
      if (pitHead === pitTail) pitHead = pitTail = 0;
    } else {
      cell = heap.pop();
    }
    order[count++] = cell;
    const zc = z[cell];
    const row = (cell / width) | 0;
    const col = cell - row * width;
    for (let k = 0; k < 8; k++) {
      const nc = col + dcol[k];
      const nr = row + drow[k];
      if (nc < 0 || nr < 0 || nc >= width || nr >= height) continue;
      const nb = nr * width + nc;
      if (closed[nb] || (mask && !mask[nb])) continue;
      closed[nb] = 1;
      receiver[nb] = cell;
      if (z[nb] <= zc + epsilon) {
        z[nb] = epsilon > 0 ? zc + epsilon : zc;
        pit[pitTail++] = nb;
      } else {
        heap.push(nb, z[nb]);
      }
    }
  }
  return { order, receiver, count };
}

/**
 * Counts interior pits: valid cells that are not seeds and have no valid neighbour at or below
 * them (with `strict`, strictly below). A filled DEM has none. A verifier for tests.
 */
export function countPits(
  z: ArrayLike<number>,
  width: number,
  height: number,
  isSeed: (cell: number) => boolean,
  strict = false,
  mask?: Uint8Array,
): number {
  const dcol = DCOL;
  const drow = DROW;
  let pits = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      if ((mask && !mask[i]) || isSeed(i)) continue;
      let drains = false;
      for (let k = 0; k < 8 && !drains; k++) {
        const nc = c + dcol[k];
        const nr = r + drow[k];
        if (nc < 0 || nr < 0 || nc >= width || nr >= height) continue;
        const nb = nr * width + nc;
        if (mask && !mask[nb]) continue;
        if (strict ? z[nb] < z[i] : z[nb] <= z[i]) drains = true;
      }
      if (!drains) pits++;
    }
  }
  return pits;
}
