/**
 * Criterion transforms: a criterion value (Float32; NaN = nodata; +Infinity = "farther than the
 * maximum distance") becomes a suitability score 0–100, stored as Uint8 with 255 = nodata.
 *
 * The continuous kinds follow ArcGIS Pro's Rescale by Function / Fuzzy Membership functions
 * (Spatial Analyst help, "TfGaussian", "TfSmall", "TfLarge", "TfNear", "TfLinear" and "How
 * Fuzzy Membership works"; f1 = spread, f2 = midpoint):
 *
 * ```
 * Gaussian  μ(x) = exp(−f1 · (x − f2)²)          100 at the midpoint
 * Small     μ(x) = 1 / (1 + (x / f2)^f1)         small values favoured; μ(f2) = ½
 * Large     μ(x) = 1 / (1 + (x / f2)^−f1)        large values favoured; μ(f2) = ½
 * Near      μ(x) = 1 / (1 + f1 · (x − f2)²)      like Gaussian with heavier tails
 * Linear    straight line between (from, scoreFrom) and (to, scoreTo), clamped outside
 * ```
 * The score is 100·μ(x). ArcGIS then stretches μ over the thresholds' range to a from/to scale
 * ("ScaledY = fromScale + (Y − min Y)·r"); here the scale is fixed at 0–100 and μ is used as is,
 * as the Fuzzy Membership tool does. As the TfSmall help says, negative inputs to Small take the
 * value at zero; Large does the same, since (x/f2)^−f1 is undefined for x < 0.
 *
 * Fast path: for any transform the rounded score is a step function of the Float32 input with
 * at most a few hundred steps. `applyTransform` finds those steps once per transform (exact
 * bisection on the Float32 bit order, comparing `Math.round(transformValue(x))`), so a cell
 * costs a table lookup and gives exactly the directly computed score (given that the rounded
 * score is monotone between the knots `knotsOf` puts at breaks, categories and midpoints, as it
 * is for these formulas; the tests check it value by value around every step):
 *
 * ```
 * bits = the cell's Float32 bits as int32
 * top  = Int32Array(65536) by bits >>> 16:  ≥ 0 → the score of the whole bucket
 *                                           < 0 → ~index of a 256-entry sub-table by (bits >>> 8) & 255
 * sub  = same coding: ≥ 0 score, < 0 → ~first step to test, then walk `steps` while key ≥ step
 * key  = bits ^ ((bits >> 31) & 0x7fffffff), which orders like the values:
 *        [ −NaN … | −Inf … −0 | +0 … +Inf | +NaN … ]   as int32, ascending
 * ```
 * Every NaN bit pattern lands in a bucket scored 255, so NaN needs no test of its own. The steps
 * are found and the tables built in key order, then re-indexed by raw bits, which for negative
 * values reverses the sub-buckets of a bucket.
 */
import type { LocalizedText } from '../manifest';
import { localizeMessage, message, type MessageCode, type MessageParams } from '../messages';

/** A criterion transform; every score is on the 0–100 suitability scale. */
export type Transform =
  /** Class ranges: `breaks` rise strictly (n − 1 inner breaks for n classes); x < breaks[0] → scores[0], breaks[i−1] ≤ x < breaks[i] → scores[i]. */
  | { kind: 'ranges'; breaks: number[]; scores: number[] }
  /** Exact category values (compared as Float32); anything else, including +Infinity, gets `otherScore`. */
  | { kind: 'categories'; values: number[]; scores: number[]; otherScore: number }
  /** Linear between (from, scoreFrom) and (to, scoreTo), clamped outside; `from` may exceed `to`. */
  | { kind: 'linear'; from: number; to: number; scoreFrom: number; scoreTo: number }
  /** ArcGIS Gaussian: 100·exp(−spread·(x − mid)²); spread > 0 in 1/(input unit)². */
  | { kind: 'gaussian'; mid: number; spread: number }
  /** ArcGIS fuzzy Small: 100 / (1 + (x/mid)^spread); mid > 0, spread > 0; x < 0 counts as 0. */
  | { kind: 'small'; mid: number; spread: number }
  /** ArcGIS fuzzy Large: 100 / (1 + (x/mid)^−spread); mid > 0, spread > 0; x < 0 counts as 0. */
  | { kind: 'large'; mid: number; spread: number }
  /** ArcGIS fuzzy Near: 100 / (1 + spread·(x − mid)²); spread > 0 in 1/(input unit)². */
  | { kind: 'near'; mid: number; spread: number };

/** Every transform kind, in the order a picker should list them. */
export const TRANSFORM_KINDS: readonly Transform['kind'][] = ['ranges', 'categories', 'linear', 'gaussian', 'small', 'large', 'near'];

/** Output value of a nodata cell. */
export const SCORE_NODATA = 255;

/** The score 0–100 (unrounded) of one value; NaN for NaN. +Infinity behaves as a very large value. */
export function transformValue(t: Transform, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (t.kind) {
    case 'ranges': {
      const b = t.breaks;
      let i = 0;
      while (i < b.length && x >= b[i]) i++;
      return t.scores[i];
    }
    case 'categories': {
      const f = Math.fround(x);
      const v = t.values;
      for (let i = 0; i < v.length; i++) if (Math.fround(v[i]) === f) return t.scores[i];
      return t.otherScore;
    }
    case 'linear': {
      let u = (x - t.from) / (t.to - t.from);
      if (!(u > 0)) u = 0;
      else if (u > 1) u = 1;
      return t.scoreFrom + u * (t.scoreTo - t.scoreFrom);
    }
    case 'gaussian': {
      const d = x - t.mid;
      return 100 * Math.exp(-t.spread * d * d);
    }
    case 'small':
      return 100 / (1 + Math.pow(Math.max(x, 0) / t.mid, t.spread));
    case 'large':
      return 100 / (1 + Math.pow(Math.max(x, 0) / t.mid, -t.spread));
    case 'near': {
      const d = x - t.mid;
      return 100 / (1 + t.spread * d * d);
    }
  }
}

const isScore = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 100;

/** A message a planner can act on (both UI languages), or null when the transform is usable. */
export function validateTransform(t: Transform): LocalizedText | null {
  const say = (code: MessageCode, params?: MessageParams): LocalizedText => localizeMessage(message(code, params));
  switch (t.kind) {
    case 'ranges': {
      const { breaks, scores } = t;
      if (scores.length !== breaks.length + 1) return say('suitability.transform.class-count', { breaks: breaks.length, scores: scores.length });
      for (let i = 0; i < breaks.length; i++) {
        if (!Number.isFinite(breaks[i])) return say('suitability.transform.break-not-finite', { index: i + 1 });
        if (i > 0 && !(breaks[i] > breaks[i - 1])) return say('suitability.transform.breaks-not-rising', { index: i + 1, value: breaks[i], previousIndex: i, previous: breaks[i - 1] });
      }
      for (let i = 0; i < scores.length; i++) if (!isScore(scores[i])) return say('suitability.transform.class-score', { index: i + 1 });
      return null;
    }
    case 'categories': {
      const { values, scores, otherScore } = t;
      if (scores.length !== values.length) return say('suitability.transform.category-count', { values: values.length, scores: scores.length });
      const seen = new Set<number>();
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) return say('suitability.transform.category-not-finite', { index: i + 1 });
        const f = Math.fround(values[i]) + 0; // folds −0 into +0, which compare equal
        if (seen.has(f)) return say('suitability.transform.category-twice', { value: values[i] });
        seen.add(f);
        if (!isScore(scores[i])) return say('suitability.transform.category-score', { value: values[i] });
      }
      if (!isScore(otherScore)) return say('suitability.transform.other-score');
      return null;
    }
    case 'linear':
      if (!Number.isFinite(t.from) || !Number.isFinite(t.to)) return say('suitability.transform.line-not-finite');
      if (t.from === t.to) return say('suitability.transform.line-flat');
      if (!isScore(t.scoreFrom) || !isScore(t.scoreTo)) return say('suitability.transform.line-score');
      return null;
    case 'gaussian':
    case 'near':
      if (!Number.isFinite(t.mid)) return say('suitability.transform.mid-not-finite');
      if (!(t.spread > 0) || !Number.isFinite(t.spread)) return say('suitability.transform.spread');
      return null;
    case 'small':
    case 'large':
      if (!(t.mid > 0) || !Number.isFinite(t.mid)) return say('suitability.transform.mid-positive');
      if (!(t.spread > 0) || !Number.isFinite(t.spread)) return say('suitability.transform.spread');
      return null;
    default:
      return say('suitability.transform.unknown-kind', { kind: (t as { kind: string }).kind });
  }
}

/** `samples` scores at evenly spaced values from min to max inclusive, for drawing the curve (NaN where undefined). */
export function transformCurve(t: Transform, min: number, max: number, samples: number): Float32Array {
  const n = Math.max(0, Math.floor(samples));
  const out = new Float32Array(n);
  const step = n > 1 ? (max - min) / (n - 1) : 0;
  for (let i = 0; i < n; i++) out[i] = transformValue(t, i === n - 1 && n > 1 ? max : min + i * step);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Step-function compilation
// ---------------------------------------------------------------------------------------------

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

const keyOf = (x: number): number => {
  F32[0] = x;
  const k = I32[0];
  return k ^ ((k >> 31) & 0x7fffffff);
};
const valueOfKey = (k: number): number => {
  I32[0] = k ^ ((k >> 31) & 0x7fffffff);
  return F32[0];
};
/** Key of the smallest Float32 ≥ x (x finite). */
const keyCeil = (x: number): number => keyOf(x) + (Math.fround(x) < x ? 1 : 0);

const KEY_MIN = -0x80000000;
const KEY_MAX = 0x7fffffff;
const KEY_NEG_INF = keyOf(-Infinity);
const KEY_POS_INF = keyOf(Infinity);

interface Compiled {
  top: Int32Array;
  sub: Int32Array;
  /** Keys where the score changes, ascending, then +Infinity as a sentinel. */
  steps: Float64Array;
  /** scores[j]: the score of keys with exactly j steps ≤ key. */
  scores: Uint8Array;
}

function scoreAtKey(t: Transform, k: number): number {
  if (k < KEY_NEG_INF || k > KEY_POS_INF) return SCORE_NODATA;
  const v = Math.round(transformValue(t, valueOfKey(k)));
  return v > 100 ? 100 : v > 0 ? v : 0;
}

/** Keys that split the Float32 line into pieces on which the score is monotone. */
function knotsOf(t: Transform): number[] {
  const knots = [KEY_NEG_INF, KEY_POS_INF + 1];
  switch (t.kind) {
    case 'ranges':
      for (const b of t.breaks) knots.push(keyCeil(b));
      break;
    case 'categories':
      for (const v of t.values) {
        const k = keyOf(v);
        if (Math.fround(v) === valueOfKey(k)) knots.push(k, k + 1);
      }
      break;
    case 'gaussian':
    case 'near':
      knots.push(keyCeil(t.mid));
      break;
    case 'small':
    case 'large':
      knots.push(keyOf(0));
      break;
    case 'linear':
      break;
  }
  return [...new Set(knots.filter((k) => k > KEY_MIN && k <= KEY_MAX))].sort((a, b) => a - b);
}

/** Every key where the score changes, by bisection over monotone pieces (≤ 32 evaluations per step). */
function stepsOf(t: Transform): { steps: number[]; scores: number[] } {
  const steps: number[] = [];
  const scores: number[] = [scoreAtKey(t, KEY_MIN)];
  const bisect = (lo: number, hi: number, sLo: number, sHi: number): void => {
    if (sLo === sHi) return;
    if (hi - lo === 1) {
      steps.push(hi);
      scores.push(sHi);
      return;
    }
    const mid = lo + Math.floor((hi - lo) / 2);
    const sMid = scoreAtKey(t, mid);
    bisect(lo, mid, sLo, sMid);
    bisect(mid, hi, sMid, sHi);
  };
  const knots = knotsOf(t);
  let lo = KEY_MIN;
  let sLo = scores[0];
  for (let i = 0; i <= knots.length; i++) {
    const hi = i < knots.length ? knots[i] - 1 : KEY_MAX;
    const sHi = scoreAtKey(t, hi);
    bisect(lo, hi, sLo, sHi);
    if (i < knots.length) {
      const sNext = scoreAtKey(t, knots[i]);
      if (sNext !== sHi) {
        steps.push(knots[i]);
        scores.push(sNext);
      }
      lo = knots[i];
      sLo = sNext;
    }
  }
  return { steps, scores };
}

function compile(t: Transform): Compiled {
  const { steps, scores } = stepsOf(t);
  const m = steps.length;
  const stepArr = new Float64Array(m + 1);
  stepArr.set(steps);
  stepArr[m] = Infinity;
  // A bucket is pure when no step lies in (its first key, its last key]; runs of pure buckets
  // between two steps are filled at once, so the work is O(steps), not O(buckets).
  const top = new Int32Array(65536);
  const subBlocks: Int32Array[] = [];
  let j = 0; // steps ≤ the current bucket's first key
  for (let h = 0; h < 65536; ) {
    const start = (h - 32768) * 65536;
    while (j < m && steps[j] <= start) j++;
    const hStep = j < m ? (steps[j] >> 16) + 32768 : 65536; // bucket of the next step
    if (hStep > h) {
      top.fill(scores[j], h, hStep);
      h = hStep;
      continue;
    }
    const block = new Int32Array(256);
    let js = j;
    for (let s = 0; s < 256; ) {
      const s0 = start + s * 256;
      while (js < m && steps[js] <= s0) js++;
      const sStep = js < m && steps[js] <= start + 65535 ? (steps[js] - start) >> 8 : 256;
      if (sStep > s) {
        block.fill(scores[js], s, sStep);
        s = sStep;
      } else block[s++] = ~js;
    }
    top[h++] = ~subBlocks.length;
    subBlocks.push(block);
  }
  // Re-index by the raw bits' top 16 (what a cell reads, unfolded): raw bucket h < 32768 (sign
  // clear) is key bucket h + 32768; for h ≥ 32768 the fold flips the low 15 bits of h, giving key
  // bucket (h ^ 0x7fff) − 32768, and flips the sub-bucket index (s ^ 255 = 255 − s).
  const raw = new Int32Array(65536);
  const rawBlocks: Int32Array[] = [];
  for (let h = 0; h < 65536; h++) {
    const hOrd = h < 32768 ? h + 32768 : (h ^ 0x7fff) - 32768;
    let e = top[hOrd];
    if (e < 0) {
      const block = subBlocks[~e];
      const flipped = h < 32768 ? block : block.slice().reverse();
      e = ~rawBlocks.length;
      rawBlocks.push(flipped);
    }
    raw[h] = e;
  }
  const sub = new Int32Array(Math.max(1, rawBlocks.length) * 256);
  rawBlocks.forEach((b, i) => sub.set(b, i * 256));
  return { top: raw, sub, steps: stepArr, scores: Uint8Array.from(scores) };
}

const CACHE_SIZE = 16;
const cache = new Map<string, Compiled>();

function compiled(t: Transform): Compiled {
  const key = JSON.stringify(t);
  let c = cache.get(key);
  if (c) return c;
  const problem = validateTransform(t);
  if (problem) throw new RangeError(`applyTransform: invalid transform: ${problem.en}`);
  c = compile(t);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, c);
  return c;
}

/**
 * Scores cells [start, end) of `values` into `out` (0–100 rounded half up, 255 for NaN),
 * exactly `Math.round(transformValue(t, values[i]))`. The transform must pass
 * `validateTransform` (a RangeError otherwise). The first call for a transform builds its
 * lookup tables (~1 ms, cached for the next 16 distinct transforms).
 */
export function applyTransform(t: Transform, values: Float32Array, out: Uint8Array, start: number, end: number): void {
  if (start < 0 || end > values.length || end > out.length) throw new RangeError(`applyTransform: range [${start}, ${end}) exceeds the arrays`);
  const { top, sub, steps, scores } = compiled(t);
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length);
  for (let i = start; i < end; i++) {
    const k = bits[i];
    let e = top[k >>> 16];
    if (e < 0) {
      e = sub[(~e << 8) | ((k >>> 8) & 255)];
      if (e < 0) {
        const key = k ^ ((k >> 31) & 0x7fffffff);
        let j = ~e;
        while (key >= steps[j]) j++;
        e = scores[j];
      }
    }
    out[i] = e;
  }
}
