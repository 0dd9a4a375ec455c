/**
 * Multi-source accumulated cost distance over a friction surface (Dijkstra with a binary heap,
 * 8 neighbours). Moving between neighbours a and b costs (friction[a] + friction[b]) / 2 times
 * the step length in metres (cell size, or cell size·√2 diagonally), as GRASS `r.cost` and
 * ArcGIS Cost Distance do. Non-finite or negative friction makes a cell impassable.
 *
 * ```
 * accumulated  Float64 per cell: least total cost to the nearest source (Infinity if unreached)
 * backlink     Int32 per cell: previous cell on that least-cost path; -1 at sources/unreached
 * allocation   Int32 per cell: index into `sources` of the source reached; -1 if unreached
 * ```
 * Following `backlink` from any reached cell walks the least-cost path back to its source.
 *
 * Written here rather than taken from a library: no maintained JavaScript package does raster
 * cost distance with allocation, and this loop is what the relocation analysis spends its time
 * in, so it is kept flat (typed arrays, the heap inlined, no calls per neighbour).
 */
import { CellHeap } from './hydro/heap';

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
  /**
   * Cells (1) that a path toward a source may start in and leave, but never enter from a cell
   * outside them: a hazard zone people may walk out of but not through. The search runs from
   * the sources outward, so it never steps from such a cell into one outside.
   */
  noEntry?: Uint8Array;
}

/**
 * A bucket queue for Dijkstra with edge costs of at least `width` (Dial's algorithm on real
 * keys): bucket b holds keys in [b·width, (b+1)·width). Every relaxation adds at least one
 * bucket's width, so once the search reaches a bucket its entries are final and can be taken in
 * any order: exact distances, with pushes and pops in constant time. Buckets form a ring long
 * enough to hold every key between the smallest queued and it plus the largest edge cost.
 * Entries live in a pool with a free list, so memory follows the frontier, not the grid.
 */
class BucketQueue {
  private readonly heads: Int32Array;
  private readonly ring: number;
  private readonly inverse: number;
  private next = new Int32Array(1 << 16);
  private cells = new Int32Array(1 << 16);
  private keys = new Float64Array(1 << 16);
  private used = 0;
  private free = -1;
  private current = 0;
  size = 0;
  /** The key of the entry `pop` returned last. */
  key = 0;

  constructor(width: number, maxEdge: number) {
    this.inverse = 1 / width;
    this.ring = Math.ceil(maxEdge / width) + 2;
    this.heads = new Int32Array(this.ring).fill(-1);
  }

  /** How many buckets a ring for these edge costs needs (too many: use the heap). */
  static ringSize(width: number, maxEdge: number): number {
    return Math.ceil(maxEdge / width) + 2;
  }

  push(cell: number, key: number): void {
    let e = this.free;
    if (e >= 0) this.free = this.next[e];
    else {
      e = this.used++;
      if (e === this.cells.length) this.grow();
    }
    const b = Math.floor(key * this.inverse) % this.ring;
    this.cells[e] = cell;
    this.keys[e] = key;
    this.next[e] = this.heads[b];
    this.heads[b] = e;
    this.size++;
  }

  /** Removes an entry of the lowest non-empty bucket and returns its cell; only valid when size > 0. */
  pop(): number {
    const heads = this.heads;
    let b = this.current;
    while (heads[b] < 0) b = b + 1 === this.ring ? 0 : b + 1;
    this.current = b;
    const e = heads[b];
    heads[b] = this.next[e];
    this.next[e] = this.free;
    this.free = e;
    this.size--;
    this.key = this.keys[e];
    return this.cells[e];
  }

  private grow() {
    const n = this.cells.length * 2;
    const next = new Int32Array(n);
    next.set(this.next);
    const cells = new Int32Array(n);
    cells.set(this.cells);
    const keys = new Float64Array(n);
    keys.set(this.keys);
    this.next = next;
    this.cells = cells;
    this.keys = keys;
  }
}

/** Above this many buckets the ring costs more than it saves; the heap takes over. */
const MAX_RING = 1 << 20;

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
  const n = width * height;
  const result = options.out ?? createCostDistanceResult(n);
  const { accumulated, backlink, allocation } = result;
  accumulated.fill(Infinity);
  backlink.fill(-1);
  allocation.fill(-1);
  const maxCost = options.maxCost ?? Infinity;
  const noEntry = options.noEntry;
  // Half the cost of crossing each cell along an edge; -1 where it cannot be crossed.
  const half = new Float64Array(n);
  const scale = 0.5 * cellSizeMeters;
  for (let i = 0; i < n; i++) {
    const f = friction[i];
    half[i] = f >= 0 && f < Infinity ? f * scale : -1;
  }

  // The cheapest and dearest single step decide between the bucket queue and the heap.
  let minHalf = Infinity;
  let maxHalf = 0;
  for (let i = 0; i < n; i++) {
    const h = half[i];
    if (h < 0) continue;
    if (h < minHalf) minHalf = h;
    if (h > maxHalf) maxHalf = h;
  }
  // A bucket a hair narrower than the cheapest step, so rounding never lands a step in its own bucket.
  const bucket = 2 * minHalf * (1 - 1e-9);
  const maxEdge = 2 * maxHalf * Math.SQRT2;
  const heap = minHalf > 0 && minHalf < Infinity && BucketQueue.ringSize(bucket, maxEdge) <= MAX_RING ? new BucketQueue(bucket, maxEdge) : new CellHeap(1 << 16);
  for (let s = 0; s < sources.length; s++) {
    const cell = sources[s];
    const start = options.sourceCosts ? options.sourceCosts[s] : 0;
    if (half[cell] < 0) continue;
    if (start < accumulated[cell]) {
      accumulated[cell] = start;
      allocation[cell] = s;
      backlink[cell] = -1;
      heap.push(cell, start);
    }
  }

  const SQRT2 = Math.SQRT2;
  const last = width - 1;
  const bottom = height - 1;
  while (heap.size > 0) {
    const cell = heap.pop();
    const key = heap.key;
    if (key > accumulated[cell]) continue; // stale: the cell was reached more cheaply since
    if (key > maxCost) continue; // beyond the limit: not expanded
    const row = (cell / width) | 0;
    const col = cell - row * width;
    const hc = half[cell];
    const a = allocation[cell];
    const blocked = noEntry !== undefined && noEntry[cell] === 1;
    for (let k = 0; k < 8; k++) {
      let nb: number;
      let step: number;
      // E, SE, S, SW, W, NW, N, NE: the order every grid kernel here uses.
      switch (k) {
        case 0: if (col === last) continue; nb = cell + 1; step = 1; break;
        case 1: if (col === last || row === bottom) continue; nb = cell + width + 1; step = SQRT2; break;
        case 2: if (row === bottom) continue; nb = cell + width; step = 1; break;
        case 3: if (col === 0 || row === bottom) continue; nb = cell + width - 1; step = SQRT2; break;
        case 4: if (col === 0) continue; nb = cell - 1; step = 1; break;
        case 5: if (col === 0 || row === 0) continue; nb = cell - width - 1; step = SQRT2; break;
        case 6: if (row === 0) continue; nb = cell - width; step = 1; break;
        default: if (col === last || row === 0) continue; nb = cell - width + 1; step = SQRT2;
      }
      const hn = half[nb];
      if (hn < 0) continue;
      if (blocked && noEntry[nb] !== 1) continue;
      const next = key + (hc + hn) * step;
      if (next < accumulated[nb]) {
        accumulated[nb] = next;
        backlink[nb] = cell;
        allocation[nb] = a;
        heap.push(nb, next);
      }
    }
  }
  if (maxCost < Infinity) {
    for (let i = 0; i < n; i++) {
      if (accumulated[i] > maxCost) {
        accumulated[i] = Infinity;
        backlink[i] = -1;
        allocation[i] = -1;
      }
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
