/**
 * Saaty's Analytic Hierarchy Process for criterion weights.
 *
 * A reciprocal pairwise matrix A (a_ii = 1, a_ji = 1/a_ij) gives the weights as its principal
 * (Perron) eigenvector w, normalised to sum 1, found by power iteration; λmax = Σ_i (A·w)_i.
 * Consistency (Saaty 1980, ch. 1–2): CI = (λmax − n)/(n − 1), CR = CI/RI(n); CR < 0.1 is
 * usually accepted, and n ≤ 2 is always consistent.
 *
 * The most inconsistent judgement follows Saaty, "Decision-making with the AHP: Why is the
 * principal eigenvector necessary", European Journal of Operational Research 145 (2003) 85–91,
 * §"How to improve consistency": form ε_ij = a_ij·w_j/w_i (all 1 for a consistent matrix), take
 * the judgement with the largest ε_ij over all i ≠ j — i.e. the pair i < j with the largest
 * max(ε_ij, 1/ε_ij) — and move a_ij towards w_i/w_j. The suggestion is w_i/w_j rounded to the
 * nearest value of the 1/9…9 scale in log terms.
 */

/** The judgement scale 1/9 … 1/2, 1, 2 … 9, ascending. */
export const SAATY_SCALE: readonly number[] = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Saaty's random consistency index RI for n = 1…15 (RANDOM_INDEX[n − 1]): the mean CI of random
 * reciprocal matrices on the 1/9…9 scale, as tabulated in Saaty, The Analytic Hierarchy Process
 * (McGraw-Hill, 1980) and extended to n = 15 in his later texts. Larger n use the n = 15 value.
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

export interface AhpResult {
  /** Priority of each criterion, summing to 1. */
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI/RI; 0 for n ≤ 2. */
  cr: number;
  /** The random index used. */
  ri: number;
  /**
   * The most inconsistent judgement (i < j, as given for the upper triangle) with the value the
   * weights imply, w_i/w_j (`implied`), and that value on the Saaty scale (`suggested`); null
   * when n ≤ 2 or the matrix is consistent to 1e-9.
   */
  worst: { i: number; j: number; given: number; suggested: number; implied: number } | null;
}

const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 10000;

/** The Saaty scale value nearest to `x` in log terms (ties to the smaller). */
export function nearestSaaty(x: number): number {
  let best = SAATY_SCALE[0];
  let bestD = Infinity;
  const lx = Math.log(x);
  for (const v of SAATY_SCALE) {
    const d = Math.abs(Math.log(v) - lx);
    if (d < bestD - 1e-12) {
      best = v;
      bestD = d;
    }
  }
  return best;
}

/**
 * AHP weights and consistency from the upper triangle: `upper(i, j)` for 0 ≤ i < j < n is how
 * much more important criterion i is than criterion j (1/9 … 9; any positive finite value is
 * accepted). Throws on a non-positive or non-finite judgement (a bug in the caller).
 */
export function ahp(n: number, upper: (i: number, j: number) => number): AhpResult {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ahp: n must be a positive integer, got ${n}`);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const v = upper(i, j);
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`ahp: judgement (${i}, ${j}) must be positive and finite, got ${v}`);
      a[i * n + j] = v;
      a[j * n + i] = 1 / v;
    }
  }

  // Power iteration. A positive matrix is primitive, so A^k·1 converges to the Perron vector.
  let w = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let lambdaMax = n;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
      next[i] = s;
      sum += s;
    }
    lambdaMax = sum; // Σ(A·w) with Σw = 1
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= sum;
      change = Math.max(change, Math.abs(next[i] - w[i]));
    }
    [w, next] = [next, w];
    if (change < TOLERANCE) break;
  }

  const ri = RANDOM_INDEX[Math.min(n, RANDOM_INDEX.length) - 1];
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 || ri === 0 ? 0 : ci / ri;

  let worst: AhpResult['worst'] = null;
  let worstDev = 1 + 1e-9;
  if (n > 2) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const given = a[i * n + j];
        const eps = (given * w[j]) / w[i];
        const dev = Math.max(eps, 1 / eps);
        if (dev > worstDev) {
          worstDev = dev;
          const implied = w[i] / w[j];
          worst = { i, j, given, implied, suggested: nearestSaaty(implied) };
        }
      }
    }
  }
  return { weights: Array.from(w), lambdaMax, ci, cr, ri, worst };
}
