/**
 * A reference for the relocation solver: the whole problem as plain HiGHS integer programs over
 * every allowed arc (no pruning, no pricing, no rounding), lexicographic in two solves:
 *
 * 1. maximise people placed (Σ people·x subject to one destination per village and capacity);
 * 2. minimise cost among placements that place that many (Σ people·x ≥ the first answer).
 *
 * Each solve has its own wall-clock cap (this is a yardstick, not the app's solver): `proven`
 * says whether both solves ended proven (the first exactly, the second within `relGap`), and the
 * bounds say how far the answers can be from the true ones when not.
 */
import type { Highs } from 'highs';
import type { AssignmentInput } from '../../src/core/relocation/assign';

export interface ReferenceSolution {
  destination: Int32Array;
  placed: number;
  /** Proven upper bound on people placeable (HiGHS's dual bound of the first solve). */
  placedBound: number;
  cost: number;
  /** Proven lower bound on cost among placements placing `placed` people (second solve's dual bound). */
  costBound: number;
  proven: boolean;
  ms: number;
}

function solveMip(highs: Highs, input: AssignmentInput, minPlaced: number | null, capS: number, relGap: number, start?: Int32Array) {
  const V = input.people.length;
  const D = input.capacity.length;
  const arcV: number[] = [];
  const arcD: number[] = [];
  let scale = 1;
  for (let v = 0; v < V; v++) {
    for (let d = 0; d < D; d++) {
      const c = input.cost(v, d);
      if (!Number.isFinite(c)) continue;
      arcV.push(v);
      arcD.push(d);
      scale = Math.max(scale, Math.abs(c));
    }
  }
  const n = arcV.length;
  const rows = V + D + 1;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(3 * n);
  const values = new Float64Array(3 * n);
  const colCost = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = arcV[j];
    const p = input.people[v];
    colCost[j] = minPlaced === null ? -p : input.cost(v, arcD[j]) / scale;
    starts[j] = 3 * j;
    indices[3 * j] = v;
    values[3 * j] = 1;
    indices[3 * j + 1] = V + arcD[j];
    values[3 * j + 1] = p;
    indices[3 * j + 2] = V + D;
    values[3 * j + 2] = p;
  }
  starts[n] = 3 * n;
  const rowLower = new Float64Array(rows).fill(-highs.infinity);
  const rowUpper = new Float64Array(rows);
  for (let v = 0; v < V; v++) rowUpper[v] = 1;
  for (let d = 0; d < D; d++) rowUpper[V + d] = Math.max(0, input.capacity[d]);
  rowUpper[V + D] = highs.infinity;
  if (minPlaced !== null) rowLower[V + D] = minPlaced - 1e-6;
  const m = highs.createModel({
    numCols: n,
    numRows: rows,
    colCost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(1),
  });
  try {
    m.options.set({ output_flag: false, random_seed: 0, time_limit: capS, mip_rel_gap: minPlaced === null ? 0 : relGap, mip_abs_gap: minPlaced === null ? 0.5 : 1e-6 });
    if (start) m.setSolution({ colValue: Float64Array.from({ length: n }, (_, j) => (start[arcV[j]] === arcD[j] ? 1 : 0)) });
    m.run();
    const optimal = m.getModelStatus() === highs.constants.modelStatus.optimal;
    const x = m.getSolution().colValue;
    const destination = new Int32Array(V).fill(-1);
    for (let j = 0; j < n; j++) if (x[j] > 0.5) destination[arcV[j]] = arcD[j];
    const bound = Number(m.info.get('mip_dual_bound'));
    return { destination, optimal, bound: minPlaced === null ? -bound : bound * scale };
  } finally {
    m.dispose();
  }
}

/** The reference (see the module comment): each of its two solves capped at `capS` seconds. */
export function referenceSolve(highs: Highs, input: AssignmentInput, capS = 120, relGap = 1e-4): ReferenceSolution {
  const t0 = performance.now();
  const V = input.people.length;
  const first = solveMip(highs, input, null, capS, 0);
  let placed = 0;
  for (let v = 0; v < V; v++) if (first.destination[v] >= 0) placed += input.people[v];
  const second = solveMip(highs, input, placed, capS, relGap, first.destination);
  let cost = 0;
  let placed2 = 0;
  for (let v = 0; v < V; v++) {
    if (second.destination[v] < 0) continue;
    cost += input.cost(v, second.destination[v]);
    placed2 += input.people[v];
  }
  const ok = placed2 >= placed - 1e-6;
  return {
    destination: ok ? second.destination : first.destination,
    placed,
    placedBound: first.bound,
    cost: ok ? cost : NaN,
    costBound: second.bound,
    proven: first.optimal && second.optimal,
    ms: performance.now() - t0,
  };
}
