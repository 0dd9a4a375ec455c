import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random';
import { applyTransform, TRANSFORM_KINDS, transformCurve, transformValue, validateTransform, type Transform } from '../../../src/core/suitability/transforms';

const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);

function scoresOf(t: Transform, xs: number[] | Float32Array): number[] {
  const v = xs instanceof Float32Array ? xs : f32(xs);
  const out = new Uint8Array(v.length);
  applyTransform(t, v, out, 0, v.length);
  return Array.from(out);
}

/** The verifier: the lookup tables must give exactly the directly computed, rounded score. */
function expectExact(t: Transform, v: Float32Array): void {
  const out = new Uint8Array(v.length);
  applyTransform(t, v, out, 0, v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const expected = Number.isNaN(x) ? 255 : Math.round(transformValue(t, x));
    if (out[i] !== expected) expect.fail(`${t.kind}: x = ${x} gave ${out[i]}, expected ${expected}`);
  }
}

const SAMPLES: Transform[] = [
  { kind: 'ranges', breaks: [10, 20.5, 1000], scores: [0, 33.3, 66.7, 100] },
  { kind: 'ranges', breaks: [-5, 0, 0.1], scores: [100, 0, 50, 7] },
  { kind: 'categories', values: [1, 2, 3, 0.1, -0, 1e30], scores: [10, 20, 30, 40, 50, 60], otherScore: 5 },
  { kind: 'linear', from: 0, to: 2500, scoreFrom: 100, scoreTo: 0 },
  { kind: 'linear', from: 3, to: -1, scoreFrom: 20, scoreTo: 80 },
  { kind: 'gaussian', mid: 1200, spread: 1e-5 },
  { kind: 'gaussian', mid: -0.3, spread: 40 },
  { kind: 'small', mid: 500, spread: 3 },
  { kind: 'small', mid: 0.002, spread: 25 },
  { kind: 'large', mid: 500, spread: 3 },
  { kind: 'large', mid: 7, spread: 0.5 },
  { kind: 'near', mid: 1200, spread: 1e-4 },
  { kind: 'near', mid: 0, spread: 1e6 },
];

describe('transformValue: formulas of ArcGIS Rescale by Function / Fuzzy Membership', () => {
  it('Gaussian: 100·exp(−spread·(x − mid)²)', () => {
    const t: Transform = { kind: 'gaussian', mid: 100, spread: 0.001 };
    expect(transformValue(t, 100)).toBe(100);
    expect(transformValue(t, 110)).toBeCloseTo(100 * Math.exp(-0.1), 10); // 90.48
    expect(transformValue(t, 90)).toBeCloseTo(90.4837418, 6);
    // Half height at mid ± sqrt(ln 2 / spread) = mid ± 26.33
    expect(transformValue(t, 100 + Math.sqrt(Math.LN2 / 0.001))).toBeCloseTo(50, 10);
    expect(transformValue(t, Infinity)).toBe(0);
    expect(transformValue(t, -Infinity)).toBe(0);
  });

  it('Small: 100 / (1 + (x/mid)^spread), negative inputs as 0', () => {
    const t: Transform = { kind: 'small', mid: 50, spread: 2 };
    expect(transformValue(t, 50)).toBe(50);
    expect(transformValue(t, 0)).toBe(100);
    expect(transformValue(t, 25)).toBeCloseTo(80, 12); // 1/(1 + 0.25)
    expect(transformValue(t, 100)).toBeCloseTo(20, 12); // 1/(1 + 4)
    expect(transformValue(t, -10)).toBe(100);
    expect(transformValue(t, Infinity)).toBe(0);
  });

  it('Large: 100 / (1 + (x/mid)^−spread), negative inputs as 0', () => {
    const t: Transform = { kind: 'large', mid: 50, spread: 2 };
    expect(transformValue(t, 50)).toBe(50);
    expect(transformValue(t, 100)).toBeCloseTo(80, 12);
    expect(transformValue(t, 25)).toBeCloseTo(20, 12);
    expect(transformValue(t, 0)).toBe(0);
    expect(transformValue(t, -3)).toBe(0);
    expect(transformValue(t, Infinity)).toBe(100);
  });

  it('Near: 100 / (1 + spread·(x − mid)²)', () => {
    const t: Transform = { kind: 'near', mid: 10, spread: 0.5 };
    expect(transformValue(t, 10)).toBe(100);
    expect(transformValue(t, 12)).toBeCloseTo(100 / 3, 12);
    expect(transformValue(t, 8)).toBeCloseTo(100 / 3, 12);
    expect(transformValue(t, Infinity)).toBe(0);
  });

  it('Linear: between the two points, clamped outside, either direction', () => {
    const down: Transform = { kind: 'linear', from: 0, to: 1000, scoreFrom: 100, scoreTo: 0 };
    expect(transformValue(down, 250)).toBe(75);
    expect(transformValue(down, -5)).toBe(100);
    expect(transformValue(down, 2000)).toBe(0);
    expect(transformValue(down, Infinity)).toBe(0);
    expect(transformValue(down, -Infinity)).toBe(100);
    const reversed: Transform = { kind: 'linear', from: 1000, to: 0, scoreFrom: 0, scoreTo: 100 };
    expect(transformValue(reversed, 250)).toBe(75);
    expect(transformValue(reversed, 5000)).toBe(0);
  });

  it('ranges: x < breaks[0] → scores[0], breaks[i−1] ≤ x < breaks[i] → scores[i]', () => {
    const t: Transform = { kind: 'ranges', breaks: [10, 20], scores: [0, 50, 100] };
    expect(scoresOf(t, [9.999, 10, 19.99, 20, 1e9, Infinity, -Infinity])).toEqual([0, 50, 50, 100, 100, 100, 0]);
    expect(scoresOf({ kind: 'ranges', breaks: [], scores: [42] }, [-1, 0, Infinity])).toEqual([42, 42, 42]);
  });

  it('categories: exact Float32 matches, anything else (Infinity too) the other score', () => {
    const t: Transform = { kind: 'categories', values: [1, 2, 3, 0.1], scores: [10, 20, 30, 40], otherScore: 0 };
    expect(scoresOf(t, [2, 2.5, 3, 0.1, 4, Infinity, 1.0000001])).toEqual([20, 0, 30, 40, 0, 0, 0]);
    expect(transformValue(t, 0.1)).toBe(40);
  });

  it('NaN in → NaN out; 255 in applyTransform whatever the NaN payload', () => {
    for (const t of SAMPLES) expect(transformValue(t, NaN)).toBeNaN();
    const bits = new Int32Array([0x7fc00000, 0x7f800001, 0x7fffffff, -0x400000 /* 0xffc00000 */, -1 /* 0xffffffff */, -0x7fffff /* 0xff800001 */]);
    const v = new Float32Array(bits.buffer);
    for (const t of SAMPLES) expect(scoresOf(t, v)).toEqual([255, 255, 255, 255, 255, 255]);
  });
});

describe('applyTransform', () => {
  it('rounds half up', () => {
    const t: Transform = { kind: 'linear', from: 0, to: 200, scoreFrom: 0, scoreTo: 100 };
    expect(scoresOf(t, [1, 3, 2.9, 199])).toEqual([1, 2, 1, 100]); // 0.5 → 1, 1.5 → 2, 1.45 → 1, 99.5 → 100
    expect(scoresOf({ kind: 'ranges', breaks: [0], scores: [12.5, 87.49] }, [-1, 1])).toEqual([13, 87]);
  });

  it('+Infinity ("farther than the maximum distance") behaves as a very large value', () => {
    const big = 3.4e38;
    for (const t of SAMPLES) expect(scoresOf(t, [Infinity])[0]).toBe(Math.round(transformValue(t, Infinity)));
    expect(scoresOf({ kind: 'small', mid: 500, spread: 3 }, [Infinity, big])).toEqual([0, 0]);
    expect(scoresOf({ kind: 'large', mid: 500, spread: 3 }, [Infinity, big])).toEqual([100, 100]);
    expect(scoresOf({ kind: 'ranges', breaks: [1, 2], scores: [1, 2, 3] }, [Infinity, big])).toEqual([3, 3]);
  });

  it('equals Math.round(transformValue) on seeded random, special and boundary values', () => {
    const rng = createRng(20240611);
    const xs: number[] = [0, -0, 1e-45, -1e-45, 1.17549435e-38, 3.4028235e38, -3.4028235e38, Infinity, -Infinity, NaN];
    for (let i = 0; i < 20000; i++) xs.push(rng.range(-100, 3000), rng.normal() * 10, Math.exp(rng.range(-40, 40)) * (rng.chance(0.5) ? 1 : -1));
    const base = f32(xs);
    for (const t of SAMPLES) {
      // Plus every Float32 within 3 ulps of where the score changes: sweep densely around the action.
      const sweep: number[] = [];
      const lo = t.kind === 'gaussian' || t.kind === 'near' ? t.mid - 5 / Math.sqrt(t.spread) : t.kind === 'small' || t.kind === 'large' ? 0 : -10;
      const hi = t.kind === 'gaussian' || t.kind === 'near' ? t.mid + 5 / Math.sqrt(t.spread) : t.kind === 'small' || t.kind === 'large' ? t.mid * 20 : 3000;
      for (let i = 0; i <= 20000; i++) sweep.push(lo + ((hi - lo) * i) / 20000);
      const v = new Float32Array(base.length + sweep.length * 7);
      v.set(base);
      const bits = new Int32Array(v.buffer);
      let k = base.length;
      for (const s of sweep) {
        v[k] = s;
        const b = bits[k++];
        for (const d of [-3, -2, -1, 1, 2, 3]) bits[k++] = b + d;
      }
      expectExact(t, v);
    }
  });

  it('is exact at every class break and category, including the Float32 just below', () => {
    const t: Transform = { kind: 'ranges', breaks: [0.1, 0.30000001, 7, 1e20], scores: [1, 2, 3, 4, 5] };
    const v = new Float32Array(40);
    const bits = new Int32Array(v.buffer);
    t.breaks.forEach((b, i) => {
      for (let d = -4; d < 6; d++) {
        v[i * 10 + d + 4] = b;
        bits[i * 10 + d + 4] += d;
      }
    });
    expectExact(t, v);
    // The Float32 nearest 0.1 is above 0.1, so it is in class 2; the one below is in class 1.
    expect(scoresOf(t, [0.1])[0]).toBe(2);
  });

  it('fills only [start, end) and reads subarrays at any offset', () => {
    const t: Transform = { kind: 'linear', from: 0, to: 10, scoreFrom: 0, scoreTo: 100 };
    const backing = f32([0, 1, 2, 3, 4, 5, 6, 7]);
    const values = backing.subarray(3); // 3 4 5 6 7
    const out = new Uint8Array(5).fill(99);
    applyTransform(t, values, out, 1, 4);
    expect(Array.from(out)).toEqual([99, 40, 50, 60, 99]);
  });

  it('throws on an invalid transform (validate first) and on a bad range', () => {
    const out = new Uint8Array(2);
    expect(() => applyTransform({ kind: 'ranges', breaks: [5, 1], scores: [0, 1, 2] }, f32([1, 2]), out, 0, 2)).toThrow(RangeError);
    expect(() => applyTransform(SAMPLES[0], f32([1, 2]), out, 0, 3)).toThrow(RangeError);
  });
});

describe('validateTransform', () => {
  it('accepts every sample and knows every kind', () => {
    for (const t of SAMPLES) expect(validateTransform(t)).toBeNull();
    expect([...TRANSFORM_KINDS].sort()).toEqual(['categories', 'gaussian', 'large', 'linear', 'near', 'ranges', 'small']);
    expect(new Set(SAMPLES.map((t) => t.kind)).size).toBe(TRANSFORM_KINDS.length);
  });

  it('gives messages a planner can act on', () => {
    expect(validateTransform({ kind: 'ranges', breaks: [10, 5], scores: [0, 1, 2] })?.zh).toBe('分级界值须递增：第 2 个（5）不大于第 1 个（10）。');
    expect(validateTransform({ kind: 'ranges', breaks: [10, 5], scores: [0, 1, 2] })?.en).toMatch(/Breaks must rise: break 2 \(5\) is not above break 1 \(10\)/);
    expect(validateTransform({ kind: 'ranges', breaks: [10, 10], scores: [0, 1, 2] })?.en).toMatch(/must rise/);
    expect(validateTransform({ kind: 'ranges', breaks: [10], scores: [0, 1, 2] })?.en).toBe('1 break make 2 classes, but 3 scores are given.');
    expect(validateTransform({ kind: 'ranges', breaks: [NaN], scores: [0, 1] })?.en).toMatch(/finite/);
    expect(validateTransform({ kind: 'ranges', breaks: [1], scores: [0, 101] })?.en).toBe('The score of class 2 must be between 0 and 100.');
    expect(validateTransform({ kind: 'categories', values: [1, 2, 1], scores: [0, 1, 2], otherScore: 0 })?.en).toBe('Category value 1 is listed twice.');
    expect(validateTransform({ kind: 'categories', values: [0, -0], scores: [0, 1], otherScore: 0 })?.en).toMatch(/twice/);
    expect(validateTransform({ kind: 'categories', values: [1], scores: [], otherScore: 0 })?.en).toMatch(/needs 1 score/);
    expect(validateTransform({ kind: 'categories', values: [1], scores: [5], otherScore: -1 })?.en).toMatch(/other values/);
    expect(validateTransform({ kind: 'linear', from: 5, to: 5, scoreFrom: 0, scoreTo: 100 })?.en).toMatch(/different/);
    expect(validateTransform({ kind: 'linear', from: 0, to: Infinity, scoreFrom: 0, scoreTo: 100 })?.en).toMatch(/finite/);
    expect(validateTransform({ kind: 'linear', from: 0, to: 1, scoreFrom: -1, scoreTo: 100 })?.en).toMatch(/between 0 and 100/);
    expect(validateTransform({ kind: 'gaussian', mid: 0, spread: 0 })?.en).toMatch(/spread must be a number above 0/);
    expect(validateTransform({ kind: 'near', mid: NaN, spread: 1 })?.en).toMatch(/midpoint/);
    expect(validateTransform({ kind: 'small', mid: 0, spread: 2 })?.en).toMatch(/midpoint must be a number above 0/);
    expect(validateTransform({ kind: 'large', mid: 5, spread: -2 })?.en).toMatch(/spread/);
    expect(validateTransform({ kind: 'bogus' } as unknown as Transform)?.en).toMatch(/Unknown transform kind/);
  });
});

describe('transformCurve', () => {
  it('samples evenly from min to max inclusive', () => {
    const t: Transform = { kind: 'gaussian', mid: 5, spread: 0.2 };
    const c = transformCurve(t, 0, 10, 11);
    expect(c.length).toBe(11);
    for (let i = 0; i <= 10; i++) expect(c[i]).toBeCloseTo(transformValue(t, i), 4);
    expect(c[5]).toBe(100);
    expect(transformCurve(t, 0, 10, 1)).toEqual(f32([transformValue(t, 0)]));
    expect(transformCurve(t, 0, 10, 0).length).toBe(0);
  });
});
