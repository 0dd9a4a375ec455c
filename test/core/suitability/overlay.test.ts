/**
 * Property tests of the weighted overlay: seeded random criteria (1–20, with nodata), weights
 * (zeros, tiny and huge ones), exclusion masks, ranges and byte alignments, checked cell by cell
 * against the float formula Σw·s/Σw and against the integer formula the kernel promises.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/core/random';
import { OVERLAY_WEIGHT_BITS, overlayTolerance, quantizeWeights, validateWeights, weightedOverlay } from '../../../src/core/suitability/overlay';

interface Case {
  scores: Uint8Array[];
  weights: number[];
  exclusion: Uint8Array | null;
  start: number;
  end: number;
  cells: number;
}

/** A Uint8Array of `n` cells starting `offset` bytes into a fresh buffer (to exercise misalignment). */
function at(offset: number, n: number): Uint8Array {
  return new Uint8Array(new ArrayBuffer(offset + n + 3), offset, n);
}

function randomCase(rng: Rng): Case {
  const n = rng.int(1, 21);
  const cells = rng.int(1, 700);
  const nodataRate = rng.pick([0, 0.01, 0.2, 0.9]);
  const aligned = rng.chance(0.7);
  const offset = () => (aligned ? 0 : rng.int(0, 4));
  const scores: Uint8Array[] = [];
  for (let l = 0; l < n; l++) {
    const a = at(offset(), cells);
    const flat = rng.chance(0.2) ? rng.int(0, 101) : -1; // some criteria are constant
    for (let i = 0; i < cells; i++) a[i] = rng.chance(nodataRate) ? 255 : flat >= 0 ? flat : rng.pick([0, 100, rng.int(0, 101)]);
    scores.push(a);
  }
  const weights = Array.from({ length: n }, () => rng.pick([0, 1, rng.range(0, 1), rng.range(0, 1e-6), rng.range(0, 1e6), rng.int(1, 10)]));
  if (!weights.some((w) => w > 0)) weights[rng.int(0, n)] = rng.range(0.1, 5);
  let exclusion: Uint8Array | null = null;
  if (rng.chance(0.7)) {
    exclusion = at(offset(), cells);
    const rate = rng.pick([0, 0.1, 0.5, 1]);
    for (let i = 0; i < cells; i++) exclusion[i] = rng.chance(rate) ? rng.int(1, 256) : 0;
  }
  const start = rng.chance(0.5) ? 0 : rng.int(0, cells);
  const end = rng.chance(0.5) ? cells : rng.int(start, cells + 1);
  return { scores, weights, exclusion, start, end, cells };
}

function run(c: Case, weights = c.weights, outOffset = 0): Uint8Array {
  const out = at(outOffset, c.cells).fill(77);
  weightedOverlay(c.scores, weights, c.exclusion, out, c.start, c.end);
  return out;
}

describe('weightedOverlay properties (seeded)', () => {
  it('excluded → 0; any nodata → 255; else within [min, max] and within ½ + 50n/2^14 of Σw·s/Σw; cells outside [start, end) untouched', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 400; trial++) {
      const c = randomCase(rng);
      const out = run(c, c.weights, rng.int(0, 4));
      const W = c.weights.reduce((a, b) => a + b, 0);
      const tol = overlayTolerance(c.scores.length) + 1e-9;
      for (let i = 0; i < c.cells; i++) {
        const fixed = i < c.start || i >= c.end ? 77 : c.exclusion && c.exclusion[i] !== 0 ? 0 : c.scores.some((s) => s[i] === 255) ? 255 : -1;
        if (fixed >= 0) {
          if (out[i] !== fixed) expect.fail(`trial ${trial} cell ${i}: ${out[i]}, expected ${fixed}`);
          continue;
        }
        let e = 0;
        let min = 100;
        let max = 0;
        for (let l = 0; l < c.scores.length; l++) {
          const s = c.scores[l][i];
          e += c.weights[l] * s;
          min = Math.min(min, s);
          max = Math.max(max, s);
        }
        e /= W;
        const o = out[i];
        if (o < min || o > max || Math.abs(o - e) > tol) expect.fail(`trial ${trial} cell ${i}: ${o} vs float ${e} (min ${min}, max ${max}, tolerance ${tol})`);
      }
    }
  });

  it('equals the integer formula (Σ q_i s_i + 2^13) >> 14 exactly, aligned or not', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      const c = randomCase(rng);
      const q = quantizeWeights(c.weights);
      const out = run(c);
      for (let i = c.start; i < c.end; i++) {
        if ((c.exclusion && c.exclusion[i] !== 0) || c.scores.some((s) => s[i] === 255)) continue;
        let acc = 0;
        for (let l = 0; l < c.scores.length; l++) acc += q[l] * c.scores[l][i];
        const expected = (acc + (1 << (OVERLAY_WEIGHT_BITS - 1))) >> OVERLAY_WEIGHT_BITS;
        if (out[i] !== expected) expect.fail(`trial ${trial} cell ${i}: ${out[i]}, expected ${expected}`);
      }
      // The same inputs copied to word-aligned arrays take the SWAR path: identical output.
      const copy: Case = { ...c, scores: c.scores.map((s) => Uint8Array.from(s)), exclusion: c.exclusion && Uint8Array.from(c.exclusion) };
      expect(Array.from(run(copy))).toEqual(Array.from(out));
    }
  });

  it('weights scaled by a constant give the same result', () => {
    const rng = createRng(13);
    for (let trial = 0; trial < 150; trial++) {
      const c = randomCase(rng);
      const out = run(c);
      for (const k of [2, 0.5, 3, 0.37, 1e6, 1e-6, 7.3]) expect(Array.from(run(c, c.weights.map((w) => w * k)))).toEqual(Array.from(out));
    }
  });
});

describe('weightedOverlay cases', () => {
  it('rounds half up with equal weights, and keeps equal scores exact', () => {
    const a = Uint8Array.from([1, 0, 100, 37, 50, 99]);
    const b = Uint8Array.from([2, 1, 100, 37, 51, 100]);
    const out = new Uint8Array(6);
    weightedOverlay([a, b], [1, 1], null, out, 0, 6);
    expect(Array.from(out)).toEqual([2, 1, 100, 37, 51, 100]);
    weightedOverlay([a, b], [3, 1], null, out, 0, 6);
    expect(Array.from(out)).toEqual([1, 0, 100, 37, 50, 99]); // 1.25, .25, 100, 37, 50.25, 99.25
  });

  it('a zero weight ignores the criterion, but its nodata still makes the cell nodata', () => {
    const a = Uint8Array.from([10, 10, 10, 10]);
    const b = Uint8Array.from([90, 255, 0, 100]);
    const out = new Uint8Array(4);
    weightedOverlay([a, b], [1, 0], null, out, 0, 4);
    expect(Array.from(out)).toEqual([10, 255, 10, 10]);
  });

  it('exclusion wins over nodata; nodata in one cell of a word leaves its neighbours alone', () => {
    const n = 8;
    const scores = Array.from({ length: n }, (_, l) => Uint8Array.from([255, 100, 255, 100, 255, 0, l * 10, 100]));
    const exclusion = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 255]);
    const out = new Uint8Array(8);
    weightedOverlay(scores, [1, 1, 1, 1, 1, 1, 1, 1e6], exclusion, out, 0, 8);
    expect(Array.from(out)).toEqual([0, 100, 255, 100, 255, 0, 70, 0]);
  });

  it('handles 1, 4, 5, 8, 9 and 17 criteria of all-100 and all-0 scores at the extremes of the weights', () => {
    for (const n of [1, 4, 5, 8, 9, 17]) {
      for (const fill of [0, 100]) {
        const scores = Array.from({ length: n }, () => new Uint8Array(64).fill(fill));
        const out = new Uint8Array(64);
        weightedOverlay(scores, Array.from({ length: n }, (_, i) => (i === 0 ? 1e9 : 1e-9)), null, out, 0, 64);
        expect(out.every((v) => v === fill)).toBe(true);
      }
    }
  });

  it('throws on invalid weights or shapes; validateWeights explains', () => {
    const a = new Uint8Array(4);
    const out = new Uint8Array(4);
    expect(() => weightedOverlay([a], [0], null, out, 0, 4)).toThrow(RangeError);
    expect(() => weightedOverlay([a], [1, 1], null, out, 0, 4)).toThrow(RangeError);
    expect(() => weightedOverlay([a], [1], null, out, 0, 5)).toThrow(RangeError);
    expect(validateWeights([])).toMatch(/at least one criterion/);
    expect(validateWeights([1, -1])).toBe('Weight 2 must be a number of 0 or more.');
    expect(validateWeights([0, 0])).toBe('At least one weight must be above 0.');
    expect(validateWeights([NaN])).toMatch(/Weight 1/);
    expect(validateWeights([0.2, 0.8])).toBeNull();
  });
});

describe('quantizeWeights', () => {
  it('sums to 2^14, stays within one unit of the exact share, and gives zero weights nothing', () => {
    const rng = createRng(17);
    for (let trial = 0; trial < 500; trial++) {
      const n = rng.int(1, 30);
      const w = Array.from({ length: n }, () => rng.pick([0, rng.range(0, 10), rng.range(0, 1e-9), 1]));
      if (!w.some((x) => x > 0)) w[0] = 1;
      const q = quantizeWeights(w);
      const total = w.reduce((a, b) => a + b, 0);
      expect(q.reduce((a, b) => a + b, 0)).toBe(1 << OVERLAY_WEIGHT_BITS);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(q[i] - (w[i] / total) * (1 << OVERLAY_WEIGHT_BITS))).toBeLessThan(1);
        if (w[i] === 0) expect(q[i]).toBe(0);
      }
    }
    expect(Array.from(quantizeWeights([1, 1, 1]))).toEqual([5462, 5461, 5461]);
  });
});
