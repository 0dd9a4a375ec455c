import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random';
import { ahp, nearestSaaty, RANDOM_INDEX, SAATY_SCALE } from '../../../src/core/suitability/ahp';

/** upper(i, j) from rows of the upper triangle: rows[i][j − i − 1]. */
const fromRows = (rows: number[][]) => (i: number, j: number) => rows[i][j - i - 1];

const round3 = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);

describe('ahp against published worked examples', () => {
  it('Wikipedia, "Analytic hierarchy process – leader example": criteria and the final priorities', () => {
    // Criteria Experience, Education, Charisma, Age. Judgements as on the page: Experience is 4×
    // Education, 3× Charisma, 7× Age; Education 1/3 Charisma, 3× Age; Charisma 5× Age.
    // Printed: weights .547, .127, .270, .056; CR = .044. The page rounds so that the weights
    // sum to 1.000 (the eigenvector's first entry is .54757), hence a tolerance of one unit in
    // the third decimal.
    const criteria = ahp(4, fromRows([[4, 3, 7], [1 / 3, 3], [5]]));
    [0.547, 0.127, 0.27, 0.056].forEach((printed, i) => expect(Math.abs(criteria.weights[i] - printed)).toBeLessThanOrEqual(0.001));
    expect(criteria.cr).toBeCloseTo(0.044, 3);
    expect(criteria.ri).toBe(0.9);
    // Candidates Tom, Dick, Harry per criterion (same page); printed overall priorities
    // Tom .358, Dick .493, Harry .149.
    const perCriterion = [
      [[1 / 4, 4], [9]], // experience
      [[3, 1 / 5], [1 / 7]], // education
      [[5, 9], [4]], // charisma
      [[1 / 3, 5], [9]], // age
    ].map((rows) => ahp(3, fromRows(rows)));
    expect(round3(perCriterion[0].weights)).toEqual([0.217, 0.717, 0.066]);
    expect(round3(perCriterion[1].weights)).toEqual([0.188, 0.081, 0.731]);
    expect(round3(perCriterion[2].weights)).toEqual([0.743, 0.194, 0.063]);
    expect(round3(perCriterion[3].weights)).toEqual([0.265, 0.672, 0.063]);
    const overall = [0, 1, 2].map((k) => perCriterion.reduce((s, r, c) => s + criteria.weights[c] * r.weights[k], 0));
    expect(round3(overall)).toEqual([0.358, 0.493, 0.149]);
  });

  it('Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1) 83–98: drink consumption in the US', () => {
    // Coffee, Wine, Tea, Beer, Sodas, Milk, Water; printed eigenvector
    // .177 .019 .042 .116 .190 .129 .327 (actual consumption .180 .010 .040 .120 .180 .140 .330).
    const drinks = ahp(
      7,
      fromRows([
        [9, 5, 2, 1, 1, 1 / 2],
        [1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 1, 1 / 3],
        [2, 1 / 2],
        [1 / 3],
      ]),
    );
    expect(round3(drinks.weights)).toEqual([0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327]);
    // CR 0.022, as the AHPy package's test of the same example reproduces with Saaty's indices.
    expect(drinks.cr).toBeCloseTo(0.022, 3);
  });
});

describe('ahp properties', () => {
  it('a consistent matrix has CR ≈ 0, λmax = n and exactly the generating weights', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = rng.int(3, 16);
      const w = Array.from({ length: n }, () => rng.range(0.05, 1));
      const total = w.reduce((a, b) => a + b, 0);
      const r = ahp(n, (i, j) => w[i] / w[j]);
      for (let i = 0; i < n; i++) expect(r.weights[i]).toBeCloseTo(w[i] / total, 12);
      expect(r.lambdaMax).toBeCloseTo(n, 10);
      expect(r.cr).toBeLessThan(1e-10);
      expect(r.worst).toBeNull();
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    }
  });

  it('the worst judgement is the one perturbed (n ≥ 4), and the suggestion points back', () => {
    // With n = 3 every judgement lies on the one cycle and all three ε are equal, so no method
    // can tell which was perturbed; from n = 4 on the perturbed entry stands out.
    const rng = createRng(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = rng.int(4, 12);
      // Consistent judgements on the Saaty scale: weights 2^k so every ratio is 1, 2, 4, 8 or a reciprocal.
      const k = Array.from({ length: n }, () => rng.int(0, 4));
      const ratio = (i: number, j: number) => 2 ** (k[i] - k[j]);
      const pi = rng.int(0, n - 1);
      const pj = rng.int(pi + 1, n);
      const truth = ratio(pi, pj);
      const wrong = truth >= 1 ? 1 / 9 : 9; // a reversed, extreme judgement
      const r = ahp(n, (i, j) => (i === pi && j === pj ? wrong : ratio(i, j)));
      expect(r.worst).not.toBeNull();
      expect([r.worst!.i, r.worst!.j]).toEqual([pi, pj]);
      expect(r.worst!.given).toBe(wrong);
      expect(r.cr).toBeGreaterThan(0);
      // The implied ratio points from the wrong value towards the truth.
      expect(Math.sign(Math.log(r.worst!.implied / wrong))).toBe(Math.sign(Math.log(truth / wrong)));
      expect(SAATY_SCALE).toContain(r.worst!.suggested);
    }
  });

  it('n ≤ 2 is always consistent', () => {
    expect(ahp(1, () => 1)).toMatchObject({ weights: [1], cr: 0, ci: 0, worst: null });
    const two = ahp(2, () => 3);
    expect(two.weights[0]).toBeCloseTo(0.75, 14);
    expect(two.weights[1]).toBeCloseTo(0.25, 14);
    expect(two.cr).toBe(0);
    expect(two.lambdaMax).toBeCloseTo(2, 12);
  });

  it('throws on a non-positive judgement', () => {
    expect(() => ahp(3, () => 0)).toThrow(RangeError);
    expect(() => ahp(0, () => 1)).toThrow(RangeError);
  });
});

describe('scales', () => {
  it('SAATY_SCALE runs 1/9 … 9 and RANDOM_INDEX is Saaty’s table for n = 1…15', () => {
    expect(SAATY_SCALE.length).toBe(17);
    expect(SAATY_SCALE[0]).toBeCloseTo(1 / 9, 15);
    expect(SAATY_SCALE[16]).toBe(9);
    expect(RANDOM_INDEX.length).toBe(15);
    expect(RANDOM_INDEX.slice(0, 10)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('nearestSaaty rounds in log terms', () => {
    expect(nearestSaaty(2.9)).toBe(3);
    expect(nearestSaaty(1.4)).toBe(1); // √2 ≈ 1.414 is the log midpoint of 1 and 2
    expect(nearestSaaty(1.45)).toBe(2);
    expect(nearestSaaty(100)).toBe(9);
    expect(nearestSaaty(0.3)).toBeCloseTo(1 / 3, 15);
  });
});
