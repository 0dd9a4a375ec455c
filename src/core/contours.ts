/**
 * Contour lines (isolines, not isobands) of a raster by marching squares.
 *
 * Samples are cell centres; with `step` > 1 every step-th row and column is sampled, so the
 * squares are step×step cells. A square with a nodata or NaN corner is skipped, so lines end
 * at nodata as they do at the grid edge. A corner counts as "above" a level when z >= level.
 *
 * Segments are oriented so that, looking along a line, higher ground is on the right (as seen
 * on a north-up map). Then at every crossing point one segment ends and the next starts, which
 * makes stitching a lookup by edge instead of a search:
 * ```
 * square corners and edges        edge ids (sampled grid sw × sh, square (i, j))
 *   tl ──T── tr                   T = 2·(j·sw + i)       horizontal edge at its top
 *   │         │                   B = 2·((j+1)·sw + i)   horizontal edge below
 *   L         R                   L = 2·(j·sw + i) + 1   vertical edge at its left
 *   │         │                   R = 2·(j·sw + i+1) + 1 vertical edge at its right
 *   bl ──B── br
 * ```
 * Each crossing point is computed once from its edge and level, so a closed ring's last
 * vertex is bitwise equal to its first.
 */
import type { Grid, RasterArray } from './types';

/** Options of {@link contourLines}. */
export interface ContourOptions {
  /** Vertical distance between levels, in grid units (metres for a DEM); must be > 0. */
  intervalM: number;
  /** Levels are baseM + k·intervalM; default 0. */
  baseM?: number;
  /** Sample every step-th cell in both directions (faster, coarser); integer ≥ 1, default 1. */
  step?: number;
  /** Called with the fraction of sampled rows done (0..1) every 64 rows, for progress bars. */
  onProgress?: (fraction: number) => void;
}

/**
 * Polylines, one level each:
 * ```
 * levels       L0 L1 ...                        (one per line)
 * lineOffsets  0 n0 n0+n1 ...                   (length lines+1, in vertices)
 * coords       x y x y ...                      (grid CRS, via grid.transform)
 * ```
 * A closed line repeats its first vertex at the end.
 */
export interface ContourLines {
  levels: Float64Array;
  coords: Float64Array;
  lineOffsets: Uint32Array;
}

/**
 * Segments per case, as pairs of edges (0 T, 1 R, 2 B, 3 L) from → to, up to two per case,
 * -1 padded. Case = tl·8 + tr·4 + br·2 + bl (1 = above). Rows 16 and 17 are the saddles 5
 * and 10 when the square's centre (mean of the corners) is above: the above corners connect
 * through the middle. Orientation (higher on the right) was derived with a cross product.
 */
const SEGMENTS = Int8Array.from([
  -1, -1, -1, -1, /* 0 */ 3, 2, -1, -1, /* 1 */ 2, 1, -1, -1, /* 2 */ 3, 1, -1, -1, /* 3 */
  1, 0, -1, -1, /* 4 */ 1, 0, 3, 2, /* 5 */ 2, 0, -1, -1, /* 6 */ 3, 0, -1, -1, /* 7 */
  0, 3, -1, -1, /* 8 */ 0, 2, -1, -1, /* 9 */ 0, 3, 2, 1, /* 10 */ 0, 1, -1, -1, /* 11 */
  1, 3, -1, -1, /* 12 */ 1, 2, -1, -1, /* 13 */ 2, 3, -1, -1, /* 14 */ -1, -1, -1, -1, /* 15 */
  3, 0, 1, 2, /* 5, centre above */ 0, 1, 2, 3, /* 10, centre above */
]);

/** Growable segment store: (level index k, from edge, to edge) per segment. */
class Segments {
  data = new Int32Array(3 * 4096);
  count = 0;
  push(k: number, from: number, to: number): void {
    if (3 * this.count + 3 > this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    const at = 3 * this.count++;
    this.data[at] = k;
    this.data[at + 1] = from;
    this.data[at + 2] = to;
  }
}

/**
 * Traces contour lines of `grid` every `intervalM` and stitches them into polylines, open
 * (ending at the grid edge or at nodata) or closed. Lines come sorted by level, then in the
 * row-major order of their first segment; saddles are resolved by the square's mean, so the
 * output is the same on every run.
 */
export function contourLines(grid: Grid<RasterArray>, options: ContourOptions): ContourLines {
  const interval = options.intervalM;
  const base = options.baseM ?? 0;
  const step = options.step ?? 1;
  if (!(interval > 0)) throw new RangeError(`contourLines: intervalM must be > 0, got ${interval}`);
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`contourLines: step must be an integer ≥ 1, got ${step}`);

  const { width, data } = grid;
  const nodata = grid.nodata;
  const sw = Math.floor((width - 1) / step) + 1;
  const sh = Math.floor((grid.height - 1) / step) + 1;
  const segments = new Segments();
  const rowStride = step * width;

  for (let j = 0; j < sh - 1; j++) {
    if (options.onProgress && j % 64 === 0) options.onProgress(j / (sh - 1));
    const top = j * rowStride;
    const bottom = top + rowStride;
    for (let i = 0; i < sw - 1; i++) {
      const x0 = i * step;
      const tl = data[top + x0];
      const tr = data[top + x0 + step];
      const br = data[bottom + x0 + step];
      const bl = data[bottom + x0];
      // NaN fails `=== x` as well as every comparison; nodata is matched exactly.
      if (tl !== tl || tr !== tr || br !== br || bl !== bl) continue;
      if (tl === nodata || tr === nodata || br === nodata || bl === nodata) continue;
      const min = Math.min(tl, tr, br, bl);
      const max = Math.max(tl, tr, br, bl);
      // Levels strictly above min and at most max cross this square.
      let k = Math.floor((min - base) / interval) + 1;
      if (base + (k - 1) * interval > min) k--;
      if (base + k * interval <= min) k++;
      const cell = j * sw + i;
      for (let level = base + k * interval; level <= max; k++, level = base + k * interval) {
        let c = (tl >= level ? 8 : 0) | (tr >= level ? 4 : 0) | (br >= level ? 2 : 0) | (bl >= level ? 1 : 0);
        if ((c === 5 || c === 10) && (tl + tr + br + bl) / 4 >= level) c = c === 5 ? 16 : 17;
        for (let s = 4 * c; s < 4 * c + 4 && SEGMENTS[s] >= 0; s += 2) {
          segments.push(k, edgeId(SEGMENTS[s], cell, sw), edgeId(SEGMENTS[s + 1], cell, sw));
        }
      }
    }
  }
  options.onProgress?.(1);
  return stitch(grid, segments, sw, sh, step, base, interval);
}

function edgeId(edge: number, cell: number, sw: number): number {
  switch (edge) {
    case 0: return 2 * cell;
    case 1: return 2 * (cell + 1) + 1;
    case 2: return 2 * (cell + sw);
    default: return 2 * cell + 1;
  }
}

/** Joins segments level by level into polylines and computes their vertices. */
function stitch(grid: Grid<RasterArray>, segments: Segments, sw: number, sh: number, step: number, base: number, interval: number): ContourLines {
  const n = segments.count;
  const seg = segments.data;
  if (n === 0) return { levels: new Float64Array(0), coords: new Float64Array(0), lineOffsets: new Uint32Array(1) };

  // Counting sort of segment indices by level, keeping row-major order within a level.
  let kMin = Infinity;
  let kMax = -Infinity;
  for (let s = 0; s < n; s++) {
    kMin = Math.min(kMin, seg[3 * s]);
    kMax = Math.max(kMax, seg[3 * s]);
  }
  const bucketStart = new Uint32Array(kMax - kMin + 2);
  for (let s = 0; s < n; s++) bucketStart[seg[3 * s] - kMin + 1]++;
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b] += bucketStart[b - 1];
  const order = new Uint32Array(n);
  const fill = bucketStart.slice(0, -1);
  for (let s = 0; s < n; s++) order[fill[seg[3 * s] - kMin]++] = s;

  // Segment starting at each edge, for the level being stitched; reset after each level.
  const startAt = new Int32Array(2 * sw * sh).fill(-1);
  const next = new Int32Array(n);
  const hasPrev = new Uint8Array(n);
  const visited = new Uint8Array(n);
  // Every chain has one vertex more than segments, and there are at most n chains.
  const coords = new Float64Array(4 * n);
  const levels: number[] = [];
  const lineOffsets: number[] = [0];
  let vertices = 0;
  const emit = (edge: number, level: number): void => {
    vertexOnEdge(grid, edge, level, sw, step, coords, 2 * vertices);
    vertices++;
  };

  for (let b = 0; b < bucketStart.length - 1; b++) {
    const first = bucketStart[b];
    const end = bucketStart[b + 1];
    if (first === end) continue;
    const level = base + (b + kMin) * interval;
    for (let o = first; o < end; o++) startAt[seg[3 * order[o] + 1]] = order[o];
    for (let o = first; o < end; o++) {
      const s = order[o];
      next[s] = startAt[seg[3 * s + 2]];
      if (next[s] >= 0) hasPrev[next[s]] = 1;
    }
    // Open lines start at a segment nothing leads into; what is left afterwards are rings.
    for (let pass = 0; pass < 2; pass++) {
      for (let o = first; o < end; o++) {
        const head = order[o];
        if (visited[head] || (pass === 0 && hasPrev[head])) continue;
        emit(seg[3 * head + 1], level);
        for (let s = head; s >= 0 && !visited[s]; s = next[s]) {
          visited[s] = 1;
          emit(seg[3 * s + 2], level);
        }
        levels.push(level);
        lineOffsets.push(vertices);
      }
    }
    for (let o = first; o < end; o++) startAt[seg[3 * order[o] + 1]] = -1;
  }
  return { levels: Float64Array.from(levels), coords: coords.slice(0, 2 * vertices), lineOffsets: Uint32Array.from(lineOffsets) };
}

/** Writes the map position where `level` crosses sampled-grid edge `edge` to out[at], out[at+1]. */
function vertexOnEdge(grid: Grid<RasterArray>, edge: number, level: number, sw: number, step: number, out: Float64Array, at: number): void {
  const cell = edge >> 1;
  const i = cell % sw;
  const j = (cell - i) / sw;
  const a = grid.data[j * step * grid.width + i * step];
  const vertical = (edge & 1) === 1;
  const b = vertical ? grid.data[(j + 1) * step * grid.width + i * step] : grid.data[j * step * grid.width + (i + 1) * step];
  const t = (level - a) / (b - a);
  // Continuous cell coordinates of the sample centres, then the affine transform.
  const col = (vertical ? i : i + t) * step + 0.5;
  const row = (vertical ? j + t : j) * step + 0.5;
  const [ox, pw, rx, oy, ry, ph] = grid.transform;
  out[at] = ox + col * pw + row * rx;
  out[at + 1] = oy + col * ry + row * ph;
}
