/**
 * Whole-village relocation assignment (src/core/relocation/assign.ts, HiGHS WebAssembly) on
 * seeded synthetic counties, one thread, after one untimed run on a 200 × 20 instance:
 * - 2,000 villages × 200 destinations, the median of 3 runs (issue target ≤ 0.5 s);
 * - 10,000 villages × 500 destinations, the median of up to 3 runs, no new run once 30 s have
 *   been spent (issue target ≤ 10 s, so 3 runs whenever it is met).
 *
 * Each instance: villages and destinations at uniform random points in a 60 km × 45 km county;
 * 20–400 people per village; destination free capacity proportional to a per-destination weight
 * in 0.3–1.7, scaled so that the allowed destinations hold 1.3 × everyone; five destination types
 * priced 60,000–110,000 yuan per person; about 5% of destinations forbidden (cost Infinity for
 * every village, as a hazard-flagged destination would be). The cost of village v at destination
 * d is people · (price of d's type + λ · travel minutes), λ = 300 yuan per person-minute, travel
 * minutes = straight-line km × 1.6 detour ÷ 30 km/h × 60. Each village starts from its 20 nearest
 * allowed destinations; pricing on the relaxation adds whatever else the solution needs.
 *
 * The time is the whole `solveAssignment` call (arc set-up, pricing, the integer solves and the
 * checks) with the app's default options (the policy's relGap, the solver's default maxNodes, a
 * 60 s safety net); HiGHS is loaded once beforehand. Every run is checked with
 * `checkAssignment` (an unsound assignment throws) and should place every village: runs that
 * leave some unplaced are named in the figure, not thrown, so that the other figures still come
 * out. Per-run details (ms, status, provenGap, placed, pricing, arcs, work) go to stderr.
 *
 * Then seeded 300 × 40 instances at 0.9×, 1.05× and 1.3× capacity (the median of 3 runs each,
 * target status 'optimal' in ≤ 10 s), each compared with a reference solved here by plain HiGHS
 * over every allowed arc (relocation-reference.bench.ts: max people placed, then min cost among
 * those placements, each solve capped at 120 s): people placed and cost against the reference
 * and its proven bounds, saying so when the reference is not proven within its cap.
 */
import highsLoader, { type Highs } from 'highs';
import { checkAssignment, solveAssignment, type AssignmentInput, type AssignmentOptions, type AssignmentSolution } from '../../src/core/relocation/assign';
import { createRng } from '../../src/core/random';
import { defaultPolicy } from '../../src/core/relocation/policy';
import type { BenchResult } from './types';
import { median } from './timing';
import { referenceSolve } from './relocation-reference.bench';

export const COUNTY_W_KM = 60;
export const COUNTY_H_KM = 45;
/** Price per person by destination type (yuan). */
export const TYPE_PRICE = [60_000, 72_500, 85_000, 97_500, 110_000];
/** Yuan per person per travel minute. */
export const LAMBDA = 300;
export const DETOUR = 1.6;
export const SPEED_KMH = 30;
export const CANDIDATES = 20;
export const FORBIDDEN_SHARE = 0.05;
export const CAPACITY_RATIO = 1.3;

export interface RelocationInstance extends AssignmentInput {
  villages: number;
  destinations: number;
  totalPeople: number;
  forbidden: number;
}

/**
 * A seeded county instance (see the module comment); costs and candidates are precomputed.
 * `capacityRatio` and `typePrice` are there for experiments; the figures use the defaults.
 */
export function relocationInstance(seed: number, V: number, D: number, capacityRatio = CAPACITY_RATIO, typePrice: readonly number[] = TYPE_PRICE): RelocationInstance {
  const rng = createRng(seed);
  const vx = Float64Array.from({ length: V }, () => rng.range(0, COUNTY_W_KM));
  const vy = Float64Array.from({ length: V }, () => rng.range(0, COUNTY_H_KM));
  const people = Float64Array.from({ length: V }, () => rng.int(20, 401));
  const dx = Float64Array.from({ length: D }, () => rng.range(0, COUNTY_W_KM));
  const dy = Float64Array.from({ length: D }, () => rng.range(0, COUNTY_H_KM));
  const type = Int32Array.from({ length: D }, () => rng.int(0, typePrice.length));
  const forbidden = Uint8Array.from({ length: D }, () => (rng.chance(FORBIDDEN_SHARE) ? 1 : 0));
  const weight = Float64Array.from({ length: D }, () => rng.range(0.3, 1.7));
  let totalPeople = 0;
  for (const p of people) totalPeople += p;
  let allowedWeight = 0;
  for (let d = 0; d < D; d++) if (!forbidden[d]) allowedWeight += weight[d];
  const capacity = Float64Array.from({ length: D }, (_, d) => Math.round((capacityRatio * totalPeople * weight[d]) / allowedWeight));

  const costs = new Float64Array(V * D);
  const km = new Float64Array(D);
  const order = Array.from({ length: D }, (_, d) => d);
  const candidates = new Int32Array(V * CANDIDATES);
  for (let v = 0; v < V; v++) {
    for (let d = 0; d < D; d++) {
      km[d] = Math.hypot(vx[v] - dx[d], vy[v] - dy[d]);
      const minutes = ((km[d] * DETOUR) / SPEED_KMH) * 60;
      costs[v * D + d] = forbidden[d] ? Infinity : people[v] * (typePrice[type[d]] + LAMBDA * minutes);
    }
    order.sort((a, b) => km[a] - km[b]);
    for (let i = 0, n = 0; n < CANDIDATES && i < D; i++) if (!forbidden[order[i]]) candidates[v * CANDIDATES + n++] = order[i];
  }
  let forbiddenCount = 0;
  for (const f of forbidden) forbiddenCount += f;
  return {
    people,
    capacity,
    cost: (v, d) => costs[v * D + d],
    candidates: (v) => candidates.subarray(v * CANDIDATES, (v + 1) * CANDIDATES),
    villages: V,
    destinations: D,
    totalPeople,
    forbidden: forbiddenCount,
  };
}

/**
 * 33 villages split into 22 groups, each destination exactly as large as its group, at its own
 * price per person: everyone can be placed, but only by such an exact packing.
 */
export function exactPacking(seed: number, V = 33, D = 22): AssignmentInput {
  const rng = createRng(seed);
  const people = Float64Array.from({ length: V }, () => rng.int(50, 400));
  const group = Int32Array.from({ length: V }, (_, v) => (v < D ? v : rng.int(0, D)));
  const capacity = new Float64Array(D);
  for (let v = 0; v < V; v++) capacity[group[v]] += people[v];
  const price = Float64Array.from({ length: D }, () => rng.int(60, 110) * 1000);
  return { people, capacity, cost: (v, d) => people[v] * price[d], candidates: () => Array.from({ length: D }, (_, d) => d) };
}

/** The solver options the app uses by default (its policy's relGap; the solver's default work limit and safety net). */
export function benchOptions(): AssignmentOptions {
  const { relGap } = defaultPolicy().assignment;
  return { relGap, safetyTimeLimitS: 60 };
}

/**
 * One timed `solveAssignment` call, checked with `checkAssignment` (throws when the assignment
 * is unsound); `unplaced` counts the villages it left without a destination.
 */
export function timedSolve(highs: Highs, input: RelocationInstance, options: AssignmentOptions = benchOptions()): { ms: number; solution: AssignmentSolution; unplaced: number } {
  const t0 = performance.now();
  const solution = solveAssignment(highs, input, options);
  const ms = performance.now() - t0;
  const check = checkAssignment(input, solution.destination, solution.cost);
  if (!check.ok) throw new Error(`relocation bench ${input.villages} × ${input.destinations}: ${check.problems.slice(0, 5).join('; ')}`);
  const unplaced = solution.destination.reduce((n, d) => n + (d < 0 ? 1 : 0), 0);
  return { ms, solution, unplaced };
}

function describeRun(label: string, ms: number, s: AssignmentSolution, unplaced: number): string {
  const p = s.pricing;
  return (
    `  ${label}: ${ms.toFixed(0)} ms, status ${s.status}, provenGap ${s.provenGap.toExponential(2)}, placed ${s.placed.toLocaleString('en')} (max ${Number.isFinite(s.maxPlaced) ? s.maxPlaced.toLocaleString('en') : 'not proven'}), ` +
    `cost ${s.cost.toExponential(6)}, bound ${s.lowerBound.toExponential(6)}, pricing {rounds ${p.rounds}, added ${p.added}, complete ${p.complete}}, arcs ${s.arcs.toLocaleString('en')}, ` +
    `work {nodes ${s.work.nodes}, LP iterations ${s.work.lpIterations}}, ${unplaced === 0 ? 'all placed' : `${unplaced} villages unplaced`}\n`
  );
}

/**
 * Times `solveAssignment` on one instance: at least one run, at most `maxRuns`, no new run once
 * `budgetMs` has been spent. Runs that leave villages unplaced are counted in the figure's name.
 */
async function benchSize(highs: Highs, seed: number, V: number, D: number, maxRuns: number, budgetMs: number, target: string): Promise<BenchResult> {
  const input = relocationInstance(seed, V, D);
  const size = `${V.toLocaleString('en')} villages × ${D} destinations`;
  process.stderr.write(`relocation assignment, ${size}: ${input.totalPeople.toLocaleString('en')} people, ${input.forbidden} destinations forbidden\n`);
  const times: number[] = [];
  let incomplete = 0;
  let spent = 0;
  let last: AssignmentSolution | undefined;
  while (times.length < maxRuns && (times.length === 0 || spent < budgetMs)) {
    const { ms, solution, unplaced } = timedSolve(highs, input);
    times.push(ms);
    spent += ms;
    last = solution;
    if (unplaced > 0) incomplete++;
    process.stderr.write(describeRun(`run ${times.length}`, ms, solution, unplaced));
  }
  times.sort((a, b) => a - b);
  const failed = incomplete > 0 ? ` — ${incomplete} of ${times.length} runs left villages unplaced` : '';
  return {
    name: `relocation assignment: ${size}, ${CANDIDATES} nearest + pricing, median of ${times.length}${failed}, status ${last?.status}, provenGap ${last ? (100 * last.provenGap).toFixed(2) : '?'}%`,
    value: median(times),
    unit: 'ms',
    target,
    runs: times,
  };
}

/**
 * A 300 × 40 instance at `ratio` × capacity: the median of 3 timed solves (the answer must be
 * identical each time, or this throws), then the reference (see the module comment).
 */
async function benchShort(highs: Highs, seed: number, ratio: number): Promise<BenchResult> {
  const input = relocationInstance(seed, 300, 40, ratio);
  process.stderr.write(`relocation assignment, 300 villages × 40 destinations at ${ratio} × capacity: ${input.totalPeople.toLocaleString('en')} people\n`);
  const times: number[] = [];
  let first: AssignmentSolution | undefined;
  for (let r = 0; r < 3; r++) {
    const { ms, solution, unplaced } = timedSolve(highs, input);
    times.push(ms);
    process.stderr.write(describeRun(`run ${r + 1}`, ms, solution, unplaced));
    if (first && (first.cost !== solution.cost || first.status !== solution.status || first.destination.some((d, v) => d !== solution.destination[v]))) {
      throw new Error(`relocation bench 300 × 40 at ${ratio}: two solves of one instance differ`);
    }
    first ??= solution;
  }
  const s = first as AssignmentSolution;
  const ref = referenceSolve(highs, input, 120, defaultPolicy().assignment.relGap);
  const refCheck = checkAssignment(input, ref.destination);
  if (!refCheck.ok) throw new Error(`relocation reference: ${refCheck.problems.slice(0, 5).join('; ')}`);
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const verdict =
    `placed ${s.placed.toLocaleString('en')} vs reference ${ref.placed.toLocaleString('en')} (its bound ${Math.floor(ref.placedBound + 1e-6).toLocaleString('en')}), ` +
    `cost ${s.cost.toExponential(4)} vs reference ${ref.cost.toExponential(4)} (${s.placed === ref.placed ? pct(s.cost / ref.cost - 1) : 'not comparable: different people placed'}; its bound ${ref.costBound.toExponential(4)})` +
    `${ref.proven ? '' : `, reference NOT proven within 120 s per solve (${(ref.ms / 1000).toFixed(0)} s)`}`;
  process.stderr.write(`  reference: ${verdict}\n`);
  times.sort((a, b) => a - b);
  return {
    name: `relocation assignment: 300 villages × 40 destinations at ${ratio} × capacity, median of 3, status ${s.status}, provenGap ${pct(s.provenGap)}, ${verdict}`,
    value: median(times),
    unit: 'ms',
    target: "≤ 10,000 ms, status 'optimal'",
    runs: times,
  };
}

export async function benchRelocation(): Promise<BenchResult[]> {
  const highs = await highsLoader();
  // Untimed: a small instance, so that the first timed run does not pay for compiling the JS.
  timedSolve(highs, relocationInstance(1, 200, 20));
  return [
    await benchSize(highs, 2024, 2000, 200, 3, Infinity, '≤ 500 ms'),
    await benchSize(highs, 2025, 10_000, 500, 3, 30_000, '≤ 10,000 ms'),
    await benchShort(highs, 2026, 0.9),
    await benchShort(highs, 2026, 1.05),
    await benchShort(highs, 2026, 1.3),
  ];
}
