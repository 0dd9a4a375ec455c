/**
 * Exact Euclidean distance transform (Felzenszwalb & Huttenlocher 2012, "Distance Transforms of
 * Sampled Functions") in metres, for grids whose cells may be rectangular.
 *
 * The transform is separable. Pass 1 runs down each column and stores the squared distance in
 * metres to the nearest feature cell of that column; pass 2 runs along each row and takes, for
 * every cell, the lower envelope of the parabolas `(x − xᵢ)² + g(i)` left by pass 1. Both passes
 * come in band variants so a worker pool can split the work: pass 1 by column ranges, pass 2 by
 * row ranges (pass 2 needs all of pass 1 done first). Bands write disjoint parts of the shared
 * arrays:
 * ```
 * mask  Uint8   width×height, row-major; non-zero = feature
 * g     Float32 width×height, pass 1 output: squared metres along the column (Infinity: none)
 * out   Float32 width×height, pass 2 output: metres to the nearest feature (Infinity: none)
 * ```
 * `g` and `out` may be the same array: pass 2 reads a whole row of `g` before writing that row.
 * Distances are between cell centres, so a feature cell is 0 and its neighbour one cell width.
 * `distanceTransform` runs both passes in one thread and fuses pass 1's second (downward)
 * sweep with pass 2, so each row goes from column distances to the answer while in cache.
 */

/**
 * Pass 1 for columns [col0, col1): `g[r*width+c]` becomes the squared distance in metres along
 * the column to the nearest cell with `mask != 0` in that column (Infinity when the column has
 * none). Scans row by row over the band, so memory is read in order whatever the band's width.
 */
export function edtColumns(
  mask: Uint8Array,
  width: number,
  height: number,
  cellHeightM: number,
  g: Float32Array,
  col0 = 0,
  col1 = width,
): void {
  const n = col1 - col0;
  if (n <= 0) return;
  const above = upSweep(mask, width, height, g, col0, col1);
  const h2 = cellHeightM * cellHeightM;
  for (let r = 0; r < height; r++) {
    const row = r * width + col0;
    for (let k = 0; k < n; k++) {
      const below = g[row + k];
      if (below === 0) {
        above[k] = r;
        continue;
      }
      const a = r - above[k];
      const d = a < below ? a : below;
      g[row + k] = d * d * h2;
    }
  }
}

/**
 * The upward half of pass 1: g becomes the number of rows down to the nearest feature cell of
 * the column (0 on features, Infinity when none is below). Returns a scratch row for the
 * downward sweep that follows, filled with -Infinity ("no feature above yet").
 */
function upSweep(mask: Uint8Array, width: number, height: number, g: Float32Array, col0: number, col1: number): Float64Array {
  const n = col1 - col0;
  const nearest = new Float64Array(n).fill(Infinity);
  for (let r = height - 1; r >= 0; r--) {
    const row = r * width + col0;
    for (let k = 0; k < n; k++) {
      if (mask[row + k] !== 0) {
        nearest[k] = r;
        g[row + k] = 0;
      } else {
        // Whole rows (< 2^24) are exact in Float32; Infinity stays Infinity.
        g[row + k] = nearest[k] - r;
      }
    }
  }
  return nearest.fill(-Infinity);
}

/**
 * Pass 2 for rows [row0, row1): `out[i]` becomes the exact Euclidean distance in metres from
 * cell i's centre to the nearest feature cell's centre, or Infinity where there is no feature
 * or the distance exceeds `maxDistanceM` (default Infinity). `g` is pass 1's output for the
 * whole grid (only rows [row0, row1) are read); `out` may be `g` itself.
 */
export function edtRows(
  g: Float32Array,
  width: number,
  height: number,
  cellWidthM: number,
  out: Float32Array,
  row0 = 0,
  row1 = height,
  maxDistanceM = Infinity,
): void {
  if (width <= 0 || row1 <= row0) return;
  const scratch = rowScratch(width);
  const { f } = scratch;
  const invW2 = 1 / (cellWidthM * cellWidthM);
  for (let r = row0; r < row1; r++) {
    const row = r * width;
    for (let c = 0; c < width; c++) f[c] = g[row + c] * invW2;
    envelopeRow(scratch, width, cellWidthM, maxDistanceM, out, row);
  }
}

/** Options of {@link distanceTransform}. */
export interface DistanceTransformOptions {
  /** Distances beyond this many metres become Infinity (and cost less to compute). Default Infinity. */
  maxDistanceM?: number;
  /** Output array of width×height; a new Float32Array when omitted. Also used as pass 1's scratch. */
  out?: Float32Array;
}

/**
 * Exact Euclidean distance in metres from every cell centre to the nearest cell with
 * `mask != 0` (Infinity where the mask is empty or beyond `maxDistanceM`), both passes in one
 * thread. Cells are `cellWidthM` wide and `cellHeightM` tall.
 */
export function distanceTransform(
  mask: Uint8Array,
  width: number,
  height: number,
  cellWidthM: number,
  cellHeightM: number,
  options: DistanceTransformOptions = {},
): Float32Array {
  const out = options.out ?? new Float32Array(width * height);
  if (width <= 0 || height <= 0) return out;
  const maxDistanceM = options.maxDistanceM ?? Infinity;
  // Pass 1 upwards into `out`, then downwards row by row, each row going straight on to pass 2
  // while it is in cache (rows below r still hold the upward counts when row r is written).
  const above = upSweep(mask, width, height, out, 0, width);
  const scratch = rowScratch(width);
  const { f } = scratch;
  // A column distance of d rows is d²·scale in squared cell widths.
  const scale = (cellHeightM * cellHeightM) / (cellWidthM * cellWidthM);
  for (let r = 0; r < height; r++) {
    const row = r * width;
    for (let c = 0; c < width; c++) {
      const below = out[row + c];
      if (below === 0) {
        above[c] = r;
        f[c] = 0;
        continue;
      }
      const a = r - above[c];
      const d = a < below ? a : below;
      f[c] = d * d * scale;
    }
    envelopeRow(scratch, width, cellWidthM, maxDistanceM, out, row);
  }
  return out;
}

interface RowScratch {
  /** The row's column distances, squared, in cell-width units (input of envelopeRow). */
  f: Float64Array;
  /**
   * The lower envelope as a stack of 4-number records, so a pop reads one cache line:
   * ```
   * stack[4k]      q      column of parabola k
   * stack[4k + 1]  f + q² so an intersection is a subtraction over a difference
   * stack[4k + 2]  zn     parabola k is the lowest from zn / zd on (zd > 0)
   * stack[4k + 3]  zd
   * ```
   */
  stack: Float64Array;
}

function rowScratch(width: number): RowScratch {
  return { f: new Float64Array(width), stack: new Float64Array(4 * width) };
}

/**
 * One row of pass 2: the lower envelope of the parabolas (p − q)² + f[q] (cell-width units),
 * read off at every column into out[row + p] as metres.
 *
 * Parabola q is left out when 2·f[q] > f[q−1] + f[q+1] + 2: then q−1 is strictly lower left of
 * q + (f[q] − f[q−1] − 1)/2 and q+1 strictly lower right of q + (f[q+1] − f[q] + 1)/2, and these
 * overlap, so q is nowhere the minimum. On road-like masks this drops about a quarter of the
 * parabolas before they are pushed (and popped). Intersections are kept as fractions so the
 * push/pop test needs no division (it is the latency on the critical path).
 */
function envelopeRow(scratch: RowScratch, width: number, cellWidthM: number, maxDistanceM: number, out: Float32Array, row: number): void {
  const { f, stack } = scratch;
  // A column value beyond the cap can only give distances beyond it: it stays off the envelope.
  const capped = maxDistanceM !== Infinity;
  if (capped) {
    const maxF = (maxDistanceM * maxDistanceM) / (cellWidthM * cellWidthM);
    for (let c = 0; c < width; c++) if (f[c] > maxF) f[c] = Infinity;
  }
  let q = 0;
  while (q < width && f[q] === Infinity) q++;
  if (q === width) {
    out.fill(Infinity, row, row + width);
    return;
  }
  // The top record lives in locals; its zn starts at -Infinity, so the stack never empties.
  let k = 0;
  let vk = q;
  let hk = f[q] + q * q;
  let nk = -Infinity;
  let dk = 1;
  stack[0] = vk;
  stack[1] = hk;
  stack[2] = nk;
  stack[3] = dk;
  let fPrev = f[q];
  const last = width - 1;
  for (q++; q <= last; q++) {
    const fq = f[q];
    if (fq === Infinity || (q < last && 2 * fq > fPrev + f[q + 1] + 2)) {
      fPrev = fq;
      continue;
    }
    fPrev = fq;
    const hq = fq + q * q;
    // The new parabola meets the top one at s = num / den; pop while s <= z of the top.
    let num = hq - hk;
    let den = 2 * (q - vk);
    while (num * dk <= nk * den) {
      k -= 4;
      vk = stack[k];
      hk = stack[k + 1];
      nk = stack[k + 2];
      dk = stack[k + 3];
      num = hq - hk;
      den = 2 * (q - vk);
    }
    k += 4;
    stack[k] = vk = q;
    stack[k + 1] = hk = hq;
    stack[k + 2] = nk = num;
    stack[k + 3] = dk = den;
  }
  const top = k;
  let p = 0;
  for (k = 0; k <= top; k += 4) {
    const end = k < top ? Math.min(last, Math.floor(stack[k + 6] / stack[k + 7])) : last;
    const vq = stack[k];
    const fv = stack[k + 1] - vq * vq;
    if (capped) {
      for (; p <= end; p++) {
        const dx = p - vq;
        const d = Math.sqrt(dx * dx + fv) * cellWidthM;
        out[row + p] = d <= maxDistanceM ? d : Infinity;
      }
    } else {
      for (; p <= end; p++) {
        const dx = p - vq;
        out[row + p] = Math.sqrt(dx * dx + fv) * cellWidthM;
      }
    }
  }
}
