import { CellHeap } from './hydro/heap';
import { D8_DCOL as DCOL, D8_DIST as DIST, D8_DROW as DROW } from './hydro/neighbours';

/**
 * Multi-source accumulated cost distance over a friction surface (Dijkstra with a binary heap,
 * 8 neighbours). Moving between neighbours a and b costs (friction[a] + friction[b]) / 2 times
 * the step length in metres (cell size, or cell size·√2 diagonally), as in GIS cost-distance
 * tools. Non-finite or negative friction makes a cell impassable.
 *
 * ```
 * accumulated  Float64 per cell: least total cost to the nearest source (Infinity if unreached)
 * backlink     Int32 per cell: previous cell on that least-cost path; -1 at sources/unreached
 * allocation   Int32 per cell: index into `sources` of the source reached; -1 if unreached
 * ```
 * Following `backlink` from any reached cell walks the least-cost path back to its source.
 */
export interface CostDistanceResult {
  accumulated: Float64Array;
  backlink: Int32Array;
  allocation: Int32Array;
}

export interface CostDistanceOptions {
  /** Stop expanding beyond this accumulated cost (cells beyond stay Infinity). Default Infinity. */
  maxCost?: number;
  /** Starting cost per source (same length as sources); default 0 for each. */
  sourceCosts?: ArrayLike<number>;
  /** Reuse arrays from a previous call of the same size. */
  out?: CostDistanceResult;
}

/** Allocates result arrays for a grid of n cells. */
export function createCostDistanceResult(n: number): CostDistanceResult {
  return { accumulated: new Float64Array(n), backlink: new Int32Array(n), allocation: new Int32Array(n) };
}

/**
 * Computes accumulated cost from the nearest of several sources (cell indices) over `friction`
 * (cost per metre, per cell) on a width×height grid with square cells of `cellSizeMeters`.
 */
export function costDistance(
  friction: ArrayLike<number>,
  width: number,
  height: number,
  cellSizeMeters: number,
  sources: ArrayLike<number>,
  options: CostDistanceOptions = {},
): CostDistanceResult {
  const dcol = DCOL;
  const drow = DROW;
  const dist = DIST;
  const n = width * height;
  const result = options.out ?? createCostDistanceResult(n);
  const { accumulated, backlink, allocation } = result;
  accumulated.fill(Infinity);
  backlink.fill(-1);
  allocation.fill(-1);
  const maxCost = options.maxCost ?? Infinity;
  const done = new Uint8Array(n);
  const heap = new CellHeap(4096);
  for (let s = 0; s < sources.length; s++) {
    const cell = sources[s];
    const start = options.sourceCosts ? options.sourceCosts[s] : 0;
    if (!(friction[cell] >= 0) || !Number.isFinite(friction[cell])) continue;
    if (start < accumulated[cell]) {
      accumulated[cell] = start;
      allocation[cell] = s;
      backlink[cell] = -1;
      heap.push(cell, start);
    }
  }
  while (heap.size > 0) {
    const key = heap.peekKey();
    const cell = heap.pop();
    if (done[cell] || key > accumulated[cell]) continue;
    if (key > maxCost) break;
    done[cell] = 1;
    const row = (cell / width) | 0;
    const col = cell - row * width;
    const fc = friction[cell];
    for (let k = 0; k < 8; k++) {
      const nc = col + dcol[k];
      const nr = row + drow[k];
      if (nc < 0 || nr < 0 || nc >= width || nr >= height) continue;
      const nb = nr * width + nc;
      if (done[nb]) continue;
      const fn = friction[nb];
      if (!(fn >= 0) || !Number.isFinite(fn)) continue;
      const next = key + 0.5 * (fc + fn) * dist[k] * cellSizeMeters;
      if (next < accumulated[nb]) {
        accumulated[nb] = next;
        backlink[nb] = cell;
        allocation[nb] = allocation[cell];
        heap.push(nb, next);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (accumulated[i] > maxCost) {
      accumulated[i] = Infinity;
      backlink[i] = -1;
      allocation[i] = -1;
    }
  }
  return result;
}

/**
 * Walks `backlink` from `cell` and writes the path (cell indices, starting at `cell`) into
 * `out`, stopping after a cell for which `stop(cell)` is true or at a source. Returns the
 * number of cells written, or 0 when `cell` was not reached.
 */
export function tracePath(
  backlink: Int32Array,
  accumulated: Float64Array,
  cell: number,
  stop: (cell: number) => boolean,
  out: Int32Array,
): number {
  if (!Number.isFinite(accumulated[cell])) return 0;
  let count = 0;
  let c = cell;
  while (c >= 0 && count < out.length) {
    out[count++] = c;
    if (stop(c)) break;
    c = backlink[c];
  }
  return count;
}
