/**
 * Weighted overlay of criterion scores (Uint8 0–100, 255 = nodata).
 *
 * Integer weights: the weights are quantised to non-negative integers q_i with Σq_i = 2^14
 * exactly (largest-remainder rounding), and a cell's score is
 *
 *     out = (Σ q_i·s_i + 2^13) >> 14        = floor(Q + ½),  Q = Σ (q_i / 2^14)·s_i
 *
 * Why the result stays within [min_i s_i, max_i s_i]: the q_i / 2^14 are non-negative and sum
 * to exactly 1, so Q is a convex combination of the s_i; min and max are integers, so
 * floor(Q + ½) cannot leave [min, max].
 *
 * Why it is within ½ + 50·n/2^14 of the float formula E = Σ w_i s_i / Σ w_i: with p_i = w_i/Σw
 * and δ_i = q_i/2^14 − p_i, Σδ_i = 0 and |δ_i| < 2^−14 (largest remainder), so
 * |Q − E| = |Σ δ_i (s_i − 50)| ≤ 50·Σ|δ_i| < 50·n/2^14 (0.024 for 8 criteria), and rounding
 * adds ½. See `overlayTolerance`.
 *
 * SWAR: four cells are read as one 32-bit word per criterion. Masked to 7 bits per byte and
 * split into two words of two 16-bit lanes, cells 0,2 in E and 1,3 in O:
 *
 * ```
 * word  = [s3 s2 s1 s0]         (bytes; byte order does not matter, in and out use the same view)
 * E     = word & 0x007f007f     = [ 0 s2 | 0 s0 ]   two 16-bit lanes
 * O     = (word >>> 8) & …      = [ 0 s3 | 0 s1 ]
 * q_i   = 64·qh_i + ql_i        Σqh ≤ 2^14/64 = 256, ql < 64 each
 * hi   += E·qh_i,  lo += E·ql_i  (and the same for O)
 * cell  = (hiLane + floor(loLane/64) + 128) >> 8      = floor((64·hi + lo + 2^13) / 2^14)
 * ```
 * No lane ever carries into its neighbour, whatever the bytes: hi ≤ 256·127, lo ≤ 8·63·127
 * < 2^16 for a group of at most 8 criteria, and hi + floor(lo/64) + 128 < 2^16. The last line
 * is exact because hi + floor(lo/64) + 128 is an integer and dropping lo's low six bits
 * removes less than one unit of 2^8. Bytes ≥ 128 (nodata) are detected by OR-ing the words and
 * testing each byte's top bit; excluded cells by a carry-free "byte ≠ 0" test. More than 8
 * criteria run in groups of 8 whose lane sums are spilled to per-cell block accumulators. With
 * at most 8 criteria, a word whose four cells are all excluded is written as 0 without reading
 * the criteria (exclusions come in large patches, so this saves about their share of the time).
 *
 * Arrays whose byteOffsets are not all multiples of 4, and the cells before the first and after
 * the last whole word, take a scalar path with the same integer weights, so results never depend
 * on alignment.
 */

import { SCORE_NODATA } from './transforms';

/** Weights are quantised to integers summing to 2^OVERLAY_WEIGHT_BITS. */
export const OVERLAY_WEIGHT_BITS = 14;
const ONE = 1 << OVERLAY_WEIGHT_BITS;
const HALF = ONE >> 1;
const LO_BITS = 6;
const LO_MASK = (1 << LO_BITS) - 1;
const GROUP = 8;

/**
 * Largest difference between `weightedOverlay` and the float formula Σw_i s_i / Σw_i for n
 * criteria with scores 0–100: ½ for rounding plus 50·n/2^14 for the integer weights.
 */
export function overlayTolerance(n: number): number {
  return 0.5 + (50 * n) / ONE;
}

/** A message a planner can act on, or null when the weights can be used. */
export function validateWeights(weights: readonly number[]): string | null {
  if (weights.length === 0) return 'Add at least one criterion.';
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) return `Weight ${i + 1} must be a number of 0 or more.`;
    sum += w;
  }
  if (!(sum > 0)) return 'At least one weight must be above 0.';
  if (!Number.isFinite(sum)) return 'The weights are too large; scale them down.';
  return null;
}

/**
 * Non-negative integers proportional to `weights`, summing to exactly 2^14 (largest remainder;
 * remainders within 1e-6 of each other tie and go to the lower index, so weights scaled by a
 * constant quantise the same way). A zero weight always gets 0. Throws on invalid weights.
 */
export function quantizeWeights(weights: readonly number[]): Int32Array {
  const problem = validateWeights(weights);
  if (problem) throw new RangeError(`weightedOverlay: ${problem}`);
  const n = weights.length;
  let sum = 0;
  for (const w of weights) sum += w;
  const q = new Int32Array(n);
  const rem = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = (weights[i] / sum) * ONE;
    // Snap values a hair below an integer (float noise of the division) up to it.
    q[i] = Math.floor(x + 1e-7);
    rem[i] = Math.round((x - q[i]) * 1e6);
    total += q[i];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; total < ONE; k++, total++) q[order[k % n]]++;
  return q;
}

/**
 * Weighted sum of criterion scores over cells [start, end):
 * out = round(Σ w_i s_i / Σ w_i) as 0–100 (within `overlayTolerance(n)` of the float formula,
 * and always within [min_i s_i, max_i s_i]); a cell with any score ≥ 128 (255 = nodata) in any
 * criterion, whatever its weight, → 255; a cell with exclusion ≠ 0 → 0 (exclusion wins over
 * nodata). Weights ≥ 0, not all 0, need not sum to 1; invalid weights or shapes throw.
 */
export function weightedOverlay(scores: Uint8Array[], weights: number[], exclusion: Uint8Array | null, out: Uint8Array, start: number, end: number): void {
  const n = scores.length;
  if (weights.length !== n) throw new RangeError(`weightedOverlay: ${n} criteria but ${weights.length} weights`);
  if (start < 0 || end > out.length || start > end) throw new RangeError(`weightedOverlay: bad range [${start}, ${end})`);
  for (const s of scores) if (s.length < end) throw new RangeError('weightedOverlay: a criterion is shorter than the range');
  if (exclusion && exclusion.length < end) throw new RangeError('weightedOverlay: the exclusion mask is shorter than the range');
  const q = quantizeWeights(weights);

  let aligned = (out.byteOffset & 3) === 0 && (!exclusion || (exclusion.byteOffset & 3) === 0);
  for (const s of scores) if ((s.byteOffset & 3) !== 0) aligned = false;
  const w0 = (start + 3) >> 2;
  const w1 = end >> 2;
  if (!aligned || w0 >= w1) {
    overlayScalar(scores, q, exclusion, out, start, end);
    return;
  }
  overlayScalar(scores, q, exclusion, out, start, w0 << 2);
  overlayScalar(scores, q, exclusion, out, w1 << 2, end);

  const words = (a: Uint8Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length >> 2);
  const outW = words(out);
  const exclW = exclusion ? words(exclusion) : null;
  const groups: { layers: Int32Array[]; qh: Int32Array; ql: Int32Array }[] = [];
  for (let g = 0; g < n; g += GROUP) {
    const layers: Int32Array[] = [];
    const qh = new Int32Array(GROUP);
    const ql = new Int32Array(GROUP);
    for (let k = 0; k < GROUP; k++) {
      const i = g + k;
      // Short groups repeat their first criterion with weight 0: same words, no effect on the OR.
      layers.push(words(scores[i < n ? i : g]));
      if (i < n) {
        qh[k] = q[i] >> LO_BITS;
        ql[k] = q[i] & LO_MASK;
      }
    }
    groups.push({ layers, qh, ql });
  }
  if (groups.length === 1) {
    const { layers, qh, ql } = groups[0];
    if (n <= 4) overlayWords4(layers, qh, ql, exclW, outW, w0, w1);
    else overlayWords8(layers, qh, ql, exclW, outW, w0, w1);
    return;
  }
  const acc = new Int32Array(BLOCK_WORDS * 4);
  const flags = new Int32Array(BLOCK_WORDS);
  for (let b0 = w0; b0 < w1; b0 += BLOCK_WORDS) {
    const b1 = Math.min(w1, b0 + BLOCK_WORDS);
    for (let g = 0; g < groups.length; g++) {
      const { layers, qh, ql } = groups[g];
      accumulateWords8(layers, qh, ql, b0, b1, acc, flags, g === 0);
    }
    finishWords(acc, flags, exclW, outW, b0, b1);
  }
}

/** Words per block when more than 8 criteria spill lane sums to per-cell accumulators. */
const BLOCK_WORDS = 2048;

function overlayScalar(scores: Uint8Array[], q: Int32Array, exclusion: Uint8Array | null, out: Uint8Array, start: number, end: number): void {
  const n = scores.length;
  for (let i = start; i < end; i++) {
    if (exclusion !== null && exclusion[i] !== 0) {
      out[i] = 0;
      continue;
    }
    let f = 0;
    let acc = 0;
    for (let l = 0; l < n; l++) {
      const s = scores[l][i];
      f |= s;
      acc += q[l] * (s & 127);
    }
    out[i] = (f & 128) !== 0 ? SCORE_NODATA : (acc + HALF) >>> OVERLAY_WEIGHT_BITS;
  }
}

/** 0xff in every byte of `x` that is non-zero (no carries between bytes). */
function nonZeroBytes(x: number): number {
  const t = ((((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080) >>> 7;
  return Math.imul(t, 255);
}

/**
 * Four rounded cells from the lane sums of one word: per 16-bit lane
 * (hi + floor(lo/64) + 128) >> 8, lane-parallel, then E's cells into bytes 0, 2 and O's into 1, 3.
 */
function roundLanes(hiE: number, loE: number, hiO: number, loO: number): number {
  const rE = ((hiE + ((loE >>> LO_BITS) & 0x03ff03ff) + 0x00800080) >>> 8) & 0x00ff00ff;
  const rO = ((hiO + ((loO >>> LO_BITS) & 0x03ff03ff) + 0x00800080) >>> 8) & 0x00ff00ff;
  return rE | (rO << 8);
}

/** Nodata (any byte ≥ 128 in `f`, the OR of the criteria's words) → 255, then exclusion → 0. */
function maskWord(v: number, f: number, x: number): number {
  const nd = f & 0x80808080;
  if (nd !== 0) v |= Math.imul(nd >>> 7, 255);
  if (x !== 0) v &= ~nonZeroBytes(x);
  return v;
}

/** The fast path for up to 4 criteria (padded to 4), finished in registers. */
function overlayWords4(L: Int32Array[], qh: Int32Array, ql: Int32Array, X: Int32Array | null, O: Int32Array, w0: number, w1: number): void {
  const [A, B, C, D] = L;
  const ha = qh[0], hb = qh[1], hc = qh[2], hd = qh[3];
  const la = ql[0], lb = ql[1], lc = ql[2], ld = ql[3];
  const M = 0x007f007f;
  for (let k = w0; k < w1; k++) {
    const x = X !== null ? X[k] : 0;
    if (x !== 0 && nonZeroBytes(x) === -1) {
      O[k] = 0; // four excluded cells: no need to read the criteria
      continue;
    }
    const wa = A[k], wb = B[k], wc = C[k], wd = D[k];
    const ea = wa & M, eb = wb & M, ec = wc & M, ed = wd & M;
    const oa = (wa >>> 8) & M, ob = (wb >>> 8) & M, oc = (wc >>> 8) & M, od = (wd >>> 8) & M;
    const hiE = (Math.imul(ea, ha) + Math.imul(eb, hb) + Math.imul(ec, hc) + Math.imul(ed, hd)) | 0;
    const hiO = (Math.imul(oa, ha) + Math.imul(ob, hb) + Math.imul(oc, hc) + Math.imul(od, hd)) | 0;
    const loE = (Math.imul(ea, la) + Math.imul(eb, lb) + Math.imul(ec, lc) + Math.imul(ed, ld)) | 0;
    const loO = (Math.imul(oa, la) + Math.imul(ob, lb) + Math.imul(oc, lc) + Math.imul(od, ld)) | 0;
    O[k] = maskWord(roundLanes(hiE, loE, hiO, loO), wa | wb | wc | wd, x);
  }
}

/** The fast path for 5–8 criteria (padded to 8), finished in registers. */
function overlayWords8(L: Int32Array[], qh: Int32Array, ql: Int32Array, X: Int32Array | null, O: Int32Array, w0: number, w1: number): void {
  const [A, B, C, D, E, F, G, H] = L;
  const ha = qh[0], hb = qh[1], hc = qh[2], hd = qh[3], he = qh[4], hf = qh[5], hg = qh[6], hh = qh[7];
  const la = ql[0], lb = ql[1], lc = ql[2], ld = ql[3], le = ql[4], lf = ql[5], lg = ql[6], lh = ql[7];
  const M = 0x007f007f;
  for (let k = w0; k < w1; k++) {
    const x = X !== null ? X[k] : 0;
    if (x !== 0 && nonZeroBytes(x) === -1) {
      O[k] = 0; // four excluded cells: no need to read the criteria
      continue;
    }
    const wa = A[k], wb = B[k], wc = C[k], wd = D[k], we = E[k], wf = F[k], wg = G[k], wh = H[k];
    const ea = wa & M, eb = wb & M, ec = wc & M, ed = wd & M, ee = we & M, ef = wf & M, eg = wg & M, eh = wh & M;
    const oa = (wa >>> 8) & M, ob = (wb >>> 8) & M, oc = (wc >>> 8) & M, od = (wd >>> 8) & M;
    const oe = (we >>> 8) & M, of = (wf >>> 8) & M, og = (wg >>> 8) & M, oh = (wh >>> 8) & M;
    const hiE = (Math.imul(ea, ha) + Math.imul(eb, hb) + Math.imul(ec, hc) + Math.imul(ed, hd) + Math.imul(ee, he) + Math.imul(ef, hf) + Math.imul(eg, hg) + Math.imul(eh, hh)) | 0;
    const hiO = (Math.imul(oa, ha) + Math.imul(ob, hb) + Math.imul(oc, hc) + Math.imul(od, hd) + Math.imul(oe, he) + Math.imul(of, hf) + Math.imul(og, hg) + Math.imul(oh, hh)) | 0;
    const loE = (Math.imul(ea, la) + Math.imul(eb, lb) + Math.imul(ec, lc) + Math.imul(ed, ld) + Math.imul(ee, le) + Math.imul(ef, lf) + Math.imul(eg, lg) + Math.imul(eh, lh)) | 0;
    const loO = (Math.imul(oa, la) + Math.imul(ob, lb) + Math.imul(oc, lc) + Math.imul(od, ld) + Math.imul(oe, le) + Math.imul(of, lf) + Math.imul(og, lg) + Math.imul(oh, lh)) | 0;
    O[k] = maskWord(roundLanes(hiE, loE, hiO, loO), wa | wb | wc | wd | we | wf | wg | wh, x);
  }
}

/** One group of 8 criteria over words [w0, w1): per-cell sums into `acc` (4 per word) and the OR of the words into `flags`. */
function accumulateWords8(L: Int32Array[], qh: Int32Array, ql: Int32Array, w0: number, w1: number, acc: Int32Array, flags: Int32Array, first: boolean): void {
  const [A, B, C, D, E, F, G, H] = L;
  const ha = qh[0], hb = qh[1], hc = qh[2], hd = qh[3], he = qh[4], hf = qh[5], hg = qh[6], hh = qh[7];
  const la = ql[0], lb = ql[1], lc = ql[2], ld = ql[3], le = ql[4], lf = ql[5], lg = ql[6], lh = ql[7];
  const M = 0x007f007f;
  for (let k = w0; k < w1; k++) {
    const wa = A[k], wb = B[k], wc = C[k], wd = D[k], we = E[k], wf = F[k], wg = G[k], wh = H[k];
    const ea = wa & M, eb = wb & M, ec = wc & M, ed = wd & M, ee = we & M, ef = wf & M, eg = wg & M, eh = wh & M;
    const oa = (wa >>> 8) & M, ob = (wb >>> 8) & M, oc = (wc >>> 8) & M, od = (wd >>> 8) & M;
    const oe = (we >>> 8) & M, of = (wf >>> 8) & M, og = (wg >>> 8) & M, oh = (wh >>> 8) & M;
    const hiE = (Math.imul(ea, ha) + Math.imul(eb, hb) + Math.imul(ec, hc) + Math.imul(ed, hd) + Math.imul(ee, he) + Math.imul(ef, hf) + Math.imul(eg, hg) + Math.imul(eh, hh)) | 0;
    const hiO = (Math.imul(oa, ha) + Math.imul(ob, hb) + Math.imul(oc, hc) + Math.imul(od, hd) + Math.imul(oe, he) + Math.imul(of, hf) + Math.imul(og, hg) + Math.imul(oh, hh)) | 0;
    const loE = (Math.imul(ea, la) + Math.imul(eb, lb) + Math.imul(ec, lc) + Math.imul(ed, ld) + Math.imul(ee, le) + Math.imul(ef, lf) + Math.imul(eg, lg) + Math.imul(eh, lh)) | 0;
    const loO = (Math.imul(oa, la) + Math.imul(ob, lb) + Math.imul(oc, lc) + Math.imul(od, ld) + Math.imul(oe, le) + Math.imul(of, lf) + Math.imul(og, lg) + Math.imul(oh, lh)) | 0;
    const j = k - w0;
    const a = j << 2;
    const s0 = ((hiE & 0xffff) << LO_BITS) + (loE & 0xffff);
    const s1 = ((hiO & 0xffff) << LO_BITS) + (loO & 0xffff);
    const s2 = ((hiE >>> 16) << LO_BITS) + (loE >>> 16);
    const s3 = ((hiO >>> 16) << LO_BITS) + (loO >>> 16);
    const f = wa | wb | wc | wd | we | wf | wg | wh;
    if (first) {
      acc[a] = s0;
      acc[a + 1] = s1;
      acc[a + 2] = s2;
      acc[a + 3] = s3;
      flags[j] = f;
    } else {
      acc[a] += s0;
      acc[a + 1] += s1;
      acc[a + 2] += s2;
      acc[a + 3] += s3;
      flags[j] |= f;
    }
  }
}

function finishWords(acc: Int32Array, flags: Int32Array, X: Int32Array | null, O: Int32Array, w0: number, w1: number): void {
  for (let k = w0; k < w1; k++) {
    const j = k - w0;
    const a = j << 2;
    const c0 = (acc[a] + HALF) >>> OVERLAY_WEIGHT_BITS;
    const c1 = (acc[a + 1] + HALF) >>> OVERLAY_WEIGHT_BITS;
    const c2 = (acc[a + 2] + HALF) >>> OVERLAY_WEIGHT_BITS;
    const c3 = (acc[a + 3] + HALF) >>> OVERLAY_WEIGHT_BITS;
    O[k] = maskWord(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24), flags[j], X !== null ? X[k] : 0);
  }
}
