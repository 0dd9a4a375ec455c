/**
 * Capacity-constrained assignment of whole villages to destinations at least total cost, as an
 * integer program solved by HiGHS (WebAssembly):
 *
 * ```
 * minimise   Σ c[v,d]·x[v,d] + Σ M·people[v]·u[v]
 * subject to Σ_d x[v,d] + u[v] = 1                  every village v moves whole, or is left (u)
 *            Σ_v people[v]·x[v,d] ≤ free[d]         every destination d
 *            x binary, 0 ≤ u ≤ 1
 * ```
 * The unassigned slack u keeps the program feasible when capacity runs short; M exceeds any
 * per-person cost, so the solver places as many people as it can, then minimises cost, and
 * the caller explains every village left over.
 *
 * Only arcs to each village's K nearest destinations enter at first. Pricing on the linear
 * relaxation then proves pruning lost nothing: with the relaxation's duals (y per village,
 * z per destination) every pruned arc's reduced cost c − y − people·z must be ≥ 0; arcs that
 * fail are added and the relaxation solved again, until none fails. The last relaxation is
 * then a lower bound on the full problem (all arcs), and the integer solution's distance from
 * it is the gap the run reports against the full problem.
 *
 * The relaxation is rounded into a full placement (whole villages where it sends them whole,
 * the rest greedily, then moves and swaps). When that placement is already within the accepted
 * gap of the bound it is the answer; otherwise HiGHS starts from it, and once it has solved,
 * every pruned arc whose reduced cost is below the integer gap joins and the program is solved
 * again, which proves no pruned arc could have done better.
 */
import type { Highs, ModelData } from 'highs';

export interface AssignmentInput {
  /** People per village to place (only villages that move). */
  people: Float64Array;
  /** Free capacity per destination (persons). */
  capacity: Float64Array;
  /** Objective coefficient of sending village v to destination d; Infinity when not allowed. */
  cost(v: number, d: number): number;
  /** Each village's starting arcs (destination indices), e.g. its K nearest by time. */
  candidates(v: number): ArrayLike<number>;
}

export interface AssignmentOptions {
  /** Seconds the integer solve may run (the relaxation always finishes); default 30. */
  timeLimitS?: number;
  /**
   * How many of each village's candidates (nearest first) the first relaxation starts from;
   * pricing adds the others, and any farther arc, as the duals ask (default 6: a small start
   * solves much faster, and warm re-solves after each pricing round are cheap).
   */
  startArcs?: number;
  /** Pricing rounds before the integer solve (each adds the arcs the duals ask for). */
  maxPricingRounds?: number;
  /**
   * Relative gap at which the solve may stop (default 1e-4, HiGHS's own): the relaxation's
   * rounding is kept without an integer solve when it is already this close to the bound.
   */
  relGap?: number;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'failed';

export interface AssignmentSolution {
  /** Destination per village, -1 when left unassigned. */
  destination: Int32Array;
  /** Σ c over assigned villages (the penalty for unassigned ones excluded). */
  cost: number;
  status: SolveStatus;
  /** Relative gap HiGHS proved on the pruned program (0 when optimal). */
  gap: number;
  /**
   * Lower bound on the full program's cost part (all arcs, from the priced relaxation), and the
   * relative distance of `cost` from it: what pruning and integrality together could have lost.
   * Only meaningful when every village is placed.
   */
  lowerBound: number;
  boundGap: number;
  arcs: number;
  /**
   * Relaxations solved, arcs added beyond the starting ones, and whether pruning provably lost
   * nothing (every pruned arc's reduced cost rules it out of any better solution).
   */
  pricing: { rounds: number; added: number; complete: boolean };
  elapsedMs: number;
}

/**
 * The program's columns: each village's slack first (0 … V−1), then arcs in the order they were
 * added. One HiGHS model lives through the whole solve: pricing appends columns and re-solves
 * from the last basis, and the integer solve starts from the rounded relaxation.
 */
interface Program {
  V: number;
  D: number;
  arcV: number[];
  arcD: number[];
  /** Per village, the destinations it has an arc to. */
  has: Set<number>[];
  scale: number;
}

/** Columns for `arcs` ([village, destination] pairs) in HiGHS's addCols form. */
function arcColumns(input: AssignmentInput, prog: Program, arcs: [number, number][]) {
  const k = arcs.length;
  const cost = new Float64Array(k);
  const starts = new Int32Array(k + 1);
  const indices = new Int32Array(2 * k);
  const values = new Float64Array(2 * k);
  arcs.forEach(([v, d], j) => {
    cost[j] = input.cost(v, d) / prog.scale;
    starts[j] = 2 * j;
    indices[2 * j] = v;
    values[2 * j] = 1;
    indices[2 * j + 1] = prog.V + d;
    values[2 * j + 1] = input.people[v];
  });
  starts[k] = 2 * k;
  return { cost, lower: new Float64Array(k), upper: new Float64Array(k).fill(1), matrix: { format: 'csc' as const, numRows: prog.V + prog.D, numCols: k, starts, indices, values } };
}

function record(prog: Program, arcs: [number, number][]) {
  for (const [v, d] of arcs) {
    prog.arcV.push(v);
    prog.arcD.push(d);
    prog.has[v].add(d);
  }
}

/**
 * Every allowed arc not yet in the program whose reduced cost under `duals` (row duals, in
 * yuan) is below `threshold`: 0 when pricing the relaxation; the integer gap for the final check.
 */
function priced(input: AssignmentInput, prog: Program, duals: Float64Array, threshold: number): [number, number][] {
  const out: [number, number][] = [];
  for (let v = 0; v < prog.V; v++) {
    const has = prog.has[v];
    for (let d = 0; d < prog.D; d++) {
      if (has.has(d)) continue;
      const c = input.cost(v, d);
      if (!Number.isFinite(c)) continue;
      if (c - duals[v] - input.people[v] * duals[prog.V + d] < threshold - 1e-6 * Math.max(1, Math.abs(c))) out.push([v, d]);
    }
  }
  return out;
}

/**
 * A placement from the relaxation: villages the relaxation sends whole stay there; the others,
 * largest first, take their cheapest arc with room left, then any allowed destination with room
 * (those arcs are returned to join the program). It gives HiGHS an incumbent at once, which on
 * large instances it would otherwise spend its time looking for.
 */
function roundRelaxation(input: AssignmentInput, prog: Program, x: Float64Array): { destination: Int32Array; extra: [number, number][] } {
  const { V, D } = prog;
  const destination = new Int32Array(V).fill(-1);
  const room = Float64Array.from(input.capacity);
  const bestX = new Float64Array(V);
  const bestD = new Int32Array(V).fill(-1);
  for (let j = 0; j < prog.arcV.length; j++) {
    const v = prog.arcV[j];
    const value = x[V + j];
    if (value > bestX[v]) {
      bestX[v] = value;
      bestD[v] = prog.arcD[j];
    }
  }
  const rest: number[] = [];
  for (let v = 0; v < V; v++) {
    if (bestX[v] > 1 - 1e-6 && room[bestD[v]] >= input.people[v] - 1e-9) {
      destination[v] = bestD[v];
      room[bestD[v]] -= input.people[v];
    } else rest.push(v);
  }
  rest.sort((a, b) => input.people[b] - input.people[a]);
  const extra: [number, number][] = [];
  for (const v of rest) {
    const options: number[] = [];
    for (let d = 0; d < D; d++) if (Number.isFinite(input.cost(v, d)) && room[d] >= input.people[v] - 1e-9) options.push(d);
    if (options.length === 0) continue;
    // Its own arcs first (cheapest), then the cheapest of the rest.
    const own = options.filter((d) => prog.has[v].has(d));
    const pick = (list: number[]) => list.reduce((best, d) => (input.cost(v, d) < input.cost(v, best) ? d : best), list[0]);
    const d = own.length > 0 ? pick(own) : pick(options);
    if (!prog.has[v].has(d)) extra.push([v, d]);
    destination[v] = d;
    room[d] -= input.people[v];
  }
  return { destination, extra };
}

/**
 * Local search on a placement, over the program's arcs (and the extra ones): a village moves
 * to a cheaper destination with room, or two villages at different destinations swap when both
 * fit and the total falls. A few passes close most of the rounding's loss.
 */
function improve(input: AssignmentInput, prog: Program, destination: Int32Array) {
  const { V, D } = prog;
  const arcsOf: number[][] = Array.from({ length: V }, (_, v) => [...prog.has[v]]);
  const room = Float64Array.from(input.capacity);
  for (let v = 0; v < V; v++) if (destination[v] >= 0) room[destination[v]] -= input.people[v];
  const at: Set<number>[] = Array.from({ length: D }, () => new Set<number>());
  for (let v = 0; v < V; v++) if (destination[v] >= 0) at[destination[v]].add(v);
  const c = (v: number, d: number) => (d < 0 ? Infinity : input.cost(v, d));
  for (let pass = 0; pass < 4; pass++) {
    let better = false;
    for (let v = 0; v < V; v++) {
      const a = destination[v];
      const p = input.people[v];
      for (const b of arcsOf[v]) {
        if (b === a) continue;
        // A move to a cheaper destination with room.
        if (room[b] >= p - 1e-9 && c(v, b) < c(v, a) - 1e-9) {
          if (a >= 0) {
            room[a] += p;
            at[a].delete(v);
          }
          room[b] -= p;
          at[b].add(v);
          destination[v] = b;
          better = true;
          break;
        }
        if (a < 0) continue;
        // A swap with a village at b that can go to a.
        for (const w of at[b]) {
          const q = input.people[w];
          if (room[a] + p - q < -1e-9 || room[b] + q - p < -1e-9 || !arcsOf[w].includes(a)) continue;
          if (c(v, b) + c(w, a) < c(v, a) + c(w, b) - 1e-9) {
            room[a] += p - q;
            room[b] += q - p;
            at[a].delete(v);
            at[b].delete(w);
            at[a].add(w);
            at[b].add(v);
            destination[v] = b;
            destination[w] = a;
            better = true;
            break;
          }
        }
        if (destination[v] !== a) break;
      }
    }
    if (!better) break;
  }
}

/** The columns' values for a placement (slack 1 for a village left over). */
function startVector(prog: Program, destination: Int32Array): Float64Array {
  const x = new Float64Array(prog.V + prog.arcV.length);
  for (let v = 0; v < prog.V; v++) if (destination[v] < 0) x[v] = 1;
  for (let j = 0; j < prog.arcV.length; j++) if (destination[prog.arcV[j]] === prog.arcD[j]) x[prog.V + j] = 1;
  return x;
}

/** Above this many arcs from the final check, the proof is not attempted (the result says so). */
const MAX_CHECK_ARCS = 50_000;

/**
 * Solves the assignment (see the module comment). `highs` is a loaded HiGHS runtime; the call
 * blocks, so run it in a worker. `timeLimitS` bounds the whole call; when it stops the integer
 * solve, the best placement found is returned with the gap HiGHS proved.
 */
export function solveAssignment(highs: Highs, input: AssignmentInput, options: AssignmentOptions = {}): AssignmentSolution {
  const t0 = performance.now();
  const V = input.people.length;
  const D = input.capacity.length;
  // The time limit bounds the integer solve; the relaxation and its pricing always finish.
  const budgetS = options.timeLimitS ?? 30;
  let integerStart = Infinity;
  const left = () => Math.max(0.05, budgetS - Math.max(0, performance.now() - integerStart) / 1000);
  const prog: Program = { V, D, arcV: [], arcD: [], has: Array.from({ length: V }, () => new Set<number>()), scale: 1 };
  const initial: [number, number][] = [];
  let worst = 0;
  for (let v = 0; v < V; v++) {
    for (const d of Array.from(input.candidates(v)).slice(0, options.startArcs ?? 6)) {
      const c = input.cost(v, d);
      if (!Number.isFinite(c) || prog.has[v].has(d)) continue;
      prog.has[v].add(d);
      initial.push([v, d]);
      worst = Math.max(worst, Math.abs(c) / Math.max(1, input.people[v]));
      prog.scale = Math.max(prog.scale, Math.abs(c));
    }
  }
  for (const s of prog.has) s.clear();
  // The penalty per unplaced person exceeds any arc's cost per person: placing people comes first.
  const penalty = 10 * worst + 1e6;
  const slackCost = Float64Array.from(input.people, (p) => (penalty * p) / prog.scale);
  const rowLower = new Float64Array(V + D);
  const rowUpper = new Float64Array(V + D);
  for (let v = 0; v < V; v++) rowLower[v] = rowUpper[v] = 1;
  for (let d = 0; d < D; d++) {
    rowLower[V + d] = -highs.infinity;
    rowUpper[V + d] = Math.max(0, input.capacity[d]);
  }
  const slackStarts = Int32Array.from({ length: V + 1 }, (_, j) => j);
  const model: ModelData = {
    numCols: V,
    numRows: V + D,
    colCost: slackCost,
    colLower: new Float64Array(V),
    colUpper: new Float64Array(V).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: V + D, numCols: V, starts: slackStarts, indices: Int32Array.from({ length: V }, (_, v) => v), values: new Float64Array(V).fill(1) },
  };
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false });
    const addArcs = (arcs: [number, number][]) => {
      if (arcs.length === 0) return;
      m.addCols(arcColumns(input, prog, arcs));
      record(prog, arcs);
    };
    addArcs(initial);

    // Pricing on the relaxation, each round from the last basis.
    let rounds = 0;
    let added = 0;
    let duals: Float64Array | null = null;
    let lpValue = -Infinity;
    let lowerBound = -Infinity;
    let relaxed: Float64Array | null = null;
    for (;;) {
      // Presolve off: on these programs it costs more than the whole simplex solve.
      m.options.set({ time_limit: 3600, presolve: 'off' });
      m.run();
      rounds++;
      if (m.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      const sol = m.getSolution();
      relaxed = sol.colValue;
      const y = sol.rowDual.map((z) => z * prog.scale);
      const more = priced(input, prog, y, 0);
      if (more.length === 0) {
        // Every pruned arc prices out: this relaxation bounds the full program from below.
        duals = y;
        lpValue = m.getObjectiveValue() * prog.scale;
        let unplaced = 0;
        for (let v = 0; v < V; v++) unplaced += sol.colValue[v] * penalty * input.people[v];
        lowerBound = lpValue - unplaced;
        break;
      }
      addArcs(more);
      added += more.length;
      if (rounds >= (options.maxPricingRounds ?? 20)) break;
    }

    // An incumbent from the relaxation, then the integer program from it.
    const rounded = relaxed ? roundRelaxation(input, prog, relaxed) : { destination: new Int32Array(V).fill(-1), extra: [] };
    addArcs(rounded.extra);
    added += rounded.extra.length;
    const destination = Int32Array.from(rounded.destination);
    let status: SolveStatus = 'time_limit';
    let gap = NaN;
    let upper = NaN;
    const relGap = options.relGap ?? 1e-4;
    integerStart = performance.now();
    const costOf = (dest: Int32Array) => {
      let c = 0;
      for (let v = 0; v < V; v++) c += dest[v] >= 0 ? input.cost(v, dest[v]) : Infinity;
      return c;
    };
    const solveInteger = (start: Int32Array) => {
      const n = prog.arcV.length;
      m.changeColsIntegrality({ kind: 'range', from: V, to: V + n - 1 }, new Int32Array(n).fill(1));
      m.setSolution({ colValue: startVector(prog, start) });
      m.options.set({ time_limit: left(), mip_rel_gap: relGap });
      m.run();
      const s = m.getModelStatus();
      const { optimal, timeLimit } = highs.constants.modelStatus;
      status = s === optimal ? 'optimal' : s === timeLimit ? 'time_limit' : 'failed';
      const objective = m.getObjectiveValue();
      if (status === 'failed' || !Number.isFinite(objective)) return;
      const x = m.getSolution().colValue;
      destination.fill(-1);
      for (let j = 0; j < n; j++) if (x[V + j] > 0.5) destination[prog.arcV[j]] = prog.arcD[j];
      gap = Number(m.info.get('mip_gap'));
      upper = objective * prog.scale;
    };
    let complete = false;
    const withinGap = (c: number) => Number.isFinite(lowerBound) && Number.isFinite(c) && c - lowerBound <= relGap * Math.abs(c);
    // The rounding alone is often close enough; local search only when it is not.
    if (!withinGap(costOf(destination))) improve(input, prog, destination);
    const roundedCost = costOf(destination);
    if (withinGap(roundedCost)) {
      // The rounded placement is already within the tolerance of a bound on the full program
      // (all arcs): no integer solve can gain more than the tolerance, pruned arcs included.
      status = 'optimal';
      gap = Math.max(0, roundedCost - lowerBound) / Math.max(1e-9, Math.abs(roundedCost));
      complete = true;
    } else if (prog.arcV.length > 0) solveInteger(destination);
    if (!complete && (status as SolveStatus) === 'optimal' && duals) {
      // An arc whose reduced cost exceeds upper − lpValue cannot be in any better solution;
      // the others join and the program is solved again from this result. Then no pruned arc
      // can improve on it: pruning provably lost nothing.
      const more = priced(input, prog, duals, upper - lpValue + 1e-6 * Math.max(1, Math.abs(upper)));
      if (more.length === 0) complete = true;
      else if (more.length <= MAX_CHECK_ARCS && left() > 0.5) {
        addArcs(more);
        added += more.length;
        solveInteger(Int32Array.from(destination));
        complete = (status as SolveStatus) === 'optimal';
      }
    }
    let cost = 0;
    let allPlaced = true;
    for (let v = 0; v < V; v++) {
      if (destination[v] >= 0) cost += input.cost(v, destination[v]);
      else allPlaced = false;
    }
    const boundGap = allPlaced && Number.isFinite(lowerBound) ? Math.max(0, cost - lowerBound) / Math.max(1e-9, Math.abs(cost)) : NaN;
    return { destination, cost, status, gap, lowerBound, boundGap, arcs: prog.arcV.length, pricing: { rounds, added, complete }, elapsedMs: performance.now() - t0 };
  } finally {
    m.dispose();
  }
}

export interface AssignmentCheck {
  ok: boolean;
  /** What is wrong, one line each (empty when ok). */
  problems: string[];
  /** People per destination after the assignment (including what was used before). */
  load: Float64Array;
  cost: number;
}

/**
 * Proves an assignment sound: every destination is a real one and allowed, no destination
 * holds more people than its free capacity, and the total cost is the sum of the chosen arcs.
 * `reportedCost` is compared to that sum when given.
 */
export function checkAssignment(input: AssignmentInput, destination: Int32Array, reportedCost?: number): AssignmentCheck {
  const D = input.capacity.length;
  const load = new Float64Array(D);
  const problems: string[] = [];
  let cost = 0;
  for (let v = 0; v < destination.length; v++) {
    const d = destination[v];
    if (d === -1) continue;
    if (!(d >= 0 && d < D)) {
      problems.push(`village ${v}: destination ${d} does not exist`);
      continue;
    }
    const c = input.cost(v, d);
    if (!Number.isFinite(c)) problems.push(`village ${v}: destination ${d} is not allowed`);
    else cost += c;
    load[d] += input.people[v];
  }
  for (let d = 0; d < D; d++) {
    if (load[d] > input.capacity[d] + 1e-9) problems.push(`destination ${d}: ${load[d]} people, free capacity ${input.capacity[d]}`);
  }
  if (reportedCost !== undefined && Math.abs(reportedCost - cost) > 1e-6 * Math.max(1, Math.abs(cost))) {
    problems.push(`reported cost ${reportedCost} differs from the sum of its arcs ${cost}`);
  }
  return { ok: problems.length === 0, problems, load, cost };
}
