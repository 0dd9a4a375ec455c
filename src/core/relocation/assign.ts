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
  timeLimitS?: number;
  /** Pricing rounds before the integer solve (each adds the arcs the duals ask for). */
  maxPricingRounds?: number;
  /** Relative gap at which HiGHS may stop (default 1e-4, HiGHS's own: 0.01% of the cost). */
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

interface ArcSet {
  /** Per village, its destinations (sorted, no duplicates). */
  dest: number[][];
}

/** The penalty per unplaced person: above any arc's cost per person, so placing people comes first. */
function penaltyPerPerson(input: AssignmentInput, arcs: ArcSet): number {
  let worst = 0;
  arcs.dest.forEach((ds, v) => {
    for (const d of ds) {
      const c = input.cost(v, d);
      if (Number.isFinite(c)) worst = Math.max(worst, Math.abs(c) / Math.max(1, input.people[v]));
    }
  });
  return 10 * worst + 1e6;
}

function modelOf(input: AssignmentInput, arcs: ArcSet, penalty: number, scale: number, integer: boolean, highs: Highs): { model: ModelData; arcV: Int32Array; arcD: Int32Array } {
  const V = input.people.length;
  const D = input.capacity.length;
  let nArcs = 0;
  for (const ds of arcs.dest) nArcs += ds.length;
  const numCols = nArcs + V;
  const arcV = new Int32Array(nArcs);
  const arcD = new Int32Array(nArcs);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(2 * nArcs + V);
  const values = new Float64Array(2 * nArcs + V);
  let col = 0;
  let k = 0;
  for (let v = 0; v < V; v++) {
    for (const d of arcs.dest[v]) {
      arcV[col] = v;
      arcD[col] = d;
      colCost[col] = input.cost(v, d) / scale;
      starts[col] = k;
      indices[k] = v;
      values[k++] = 1;
      indices[k] = V + d;
      values[k++] = input.people[v];
      col++;
    }
  }
  for (let v = 0; v < V; v++) {
    colCost[col] = (penalty * input.people[v]) / scale;
    starts[col] = k;
    indices[k] = v;
    values[k++] = 1;
    col++;
  }
  starts[numCols] = k;
  const rowLower = new Float64Array(V + D);
  const rowUpper = new Float64Array(V + D);
  for (let v = 0; v < V; v++) rowLower[v] = rowUpper[v] = 1;
  for (let d = 0; d < D; d++) {
    rowLower[V + d] = -highs.infinity;
    rowUpper[V + d] = Math.max(0, input.capacity[d]);
  }
  const integrality = integer ? new Int32Array(numCols).fill(0).map((_, j) => (j < nArcs ? 1 : 0)) : undefined;
  return {
    model: { numCols, numRows: V + D, colCost, colLower, colUpper, rowLower, rowUpper, matrix: { format: 'csc', numRows: V + D, numCols, starts, indices, values }, integrality },
    arcV,
    arcD,
  };
}

/**
 * Adds to `arcs` every allowed pruned arc whose reduced cost under `duals` is below
 * `threshold` (0 for pricing; the integer gap for the final check). Returns how many.
 */
function addPriced(input: AssignmentInput, arcs: ArcSet, duals: Float64Array, threshold: number): number {
  const V = input.people.length;
  const D = input.capacity.length;
  let count = 0;
  for (let v = 0; v < V; v++) {
    const have = arcs.dest[v];
    let h = 0;
    for (let d = 0; d < D; d++) {
      if (h < have.length && have[h] === d) {
        h++;
        continue;
      }
      const c = input.cost(v, d);
      if (!Number.isFinite(c)) continue;
      const reduced = c - duals[v] - input.people[v] * duals[V + d];
      if (reduced < threshold - 1e-6 * Math.max(1, Math.abs(c))) {
        have.splice(h, 0, d);
        h++;
        count++;
      }
    }
  }
  return count;
}

/**
 * Solves the assignment (see the module comment). `highs` is a loaded HiGHS runtime; the call
 * blocks, so run it in a worker.
 */
export function solveAssignment(highs: Highs, input: AssignmentInput, options: AssignmentOptions = {}): AssignmentSolution {
  const t0 = performance.now();
  const V = input.people.length;
  const arcs: ArcSet = { dest: [] };
  for (let v = 0; v < V; v++) {
    const set = new Set<number>();
    for (const d of Array.from(input.candidates(v))) if (Number.isFinite(input.cost(v, d))) set.add(d);
    arcs.dest.push([...set].sort((a, b) => a - b));
  }
  const penalty = penaltyPerPerson(input, arcs);
  // Costs enter HiGHS scaled to about 1: yuan in the tens of millions upset its tolerances.
  let scale = 1;
  arcs.dest.forEach((ds, v) => ds.forEach((d) => (scale = Math.max(scale, Math.abs(input.cost(v, d))))));
  const maxRounds = options.maxPricingRounds ?? 20;
  let rounds = 0;
  let added = 0;
  let lowerBound = -Infinity;

  // Pricing on the relaxation.
  let duals: Float64Array | null = null;
  let lpValue = -Infinity;
  for (;;) {
    const { model } = modelOf(input, arcs, penalty, scale, false, highs);
    const lp = highs.withModel(model, (m) => {
      m.options.set({ output_flag: false });
      m.run();
      const solution = m.getSolution();
      return { status: m.getModelStatus(), value: m.getObjectiveValue() * scale, duals: solution.rowDual.map((y) => y * scale), colValue: solution.colValue };
    });
    rounds++;
    if (lp.status !== highs.constants.modelStatus.optimal) break;
    const newArcs = addPriced(input, arcs, lp.duals, 0);
    added += newArcs;
    if (newArcs === 0) {
      // Every pruned arc prices out: this relaxation bounds the full program from below.
      duals = lp.duals;
      lpValue = lp.value;
      let unplaced = 0;
      for (let j = lp.colValue.length - V, v = 0; v < V; j++, v++) unplaced += lp.colValue[j] * penalty * input.people[v];
      lowerBound = lp.value - unplaced;
      break;
    }
    if (rounds >= maxRounds) break;
  }

  const destination = new Int32Array(V).fill(-1);
  let status: SolveStatus = 'failed';
  let gap = NaN;
  let complete = false;
  const solveInteger = () => {
    const { model, arcV, arcD } = modelOf(input, arcs, penalty, scale, true, highs);
    let objective = NaN;
    highs.withModel(model, (m) => {
      m.options.set({ output_flag: false, time_limit: options.timeLimitS ?? 30, mip_rel_gap: options.relGap ?? 1e-4 });
      m.run();
      const s = m.getModelStatus();
      status = s === highs.constants.modelStatus.optimal ? 'optimal' : s === highs.constants.modelStatus.timeLimit ? 'time_limit' : 'failed';
      if (status === 'failed') return;
      const x = m.getSolution().colValue;
      destination.fill(-1);
      for (let j = 0; j < arcV.length; j++) if (x[j] > 0.5) destination[arcV[j]] = arcD[j];
      gap = Number(m.info.get('mip_gap'));
      objective = m.getObjectiveValue() * scale;
    });
    return objective;
  };
  const upper = solveInteger();
  if ((status as SolveStatus) === 'optimal' && duals) {
    // An arc whose reduced cost exceeds upper − lpValue cannot be in any solution better than
    // this one; the others join and the program is solved once more. Then no pruned arc can
    // improve on the result: the pruning provably lost nothing.
    const more = addPriced(input, arcs, duals, upper - lpValue + 1e-6 * Math.max(1, Math.abs(upper)));
    added += more;
    if (more > 0) solveInteger();
    complete = (status as SolveStatus) === 'optimal';
  }
  let cost = 0;
  let allPlaced = true;
  for (let v = 0; v < V; v++) {
    if (destination[v] >= 0) cost += input.cost(v, destination[v]);
    else allPlaced = false;
  }
  const boundGap = allPlaced && Number.isFinite(lowerBound) ? Math.max(0, cost - lowerBound) / Math.max(1e-9, Math.abs(cost)) : NaN;
  let nArcs = 0;
  for (const ds of arcs.dest) nArcs += ds.length;
  return {
    destination,
    cost,
    status,
    gap,
    lowerBound,
    boundGap,
    arcs: nArcs,
    pricing: { rounds, added, complete },
    elapsedMs: performance.now() - t0,
  };
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
