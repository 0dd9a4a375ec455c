/**
 * Capacity-constrained assignment of whole villages to destinations, as integer programs solved
 * by HiGHS (WebAssembly), lexicographic: the most people placed first, then the least cost.
 *
 * ```
 * stage 1   maximise   Σ people[v]·x[v,d]
 * stage 2   minimise   Σ c[v,d]·x[v,d]   subject to also  Σ people[v]·x[v,d] ≥ P (stage 1's answer)
 * both      subject to Σ_d x[v,d] ≤ 1                    every village moves whole, or is left
 *                      Σ_v people[v]·x[v,d] ≤ free[d]     every destination d
 *                      x binary
 * ```
 * Stage 1 is skipped when a greedy placement already places everyone (the common case: capacity
 * suffices). Otherwise the relaxation's rounding is topped up by an ejection search (`fill`) and
 * an exact subset-sum re-pack of each destination (`repack`); short of the relaxation's bound,
 * a bin-completion branch and bound (`packMost`, ./packing.ts: exact packings, proofs on small
 * instances) and seeded simulated annealing (`anneal`) follow. HiGHS's integer search runs in
 * stage 1 only for fractional people (it found nothing these searches miss). Stage 2's
 * placement is polished before any integer solve by swaps (`improve`), an exact re-pack of each
 * destination for cost (`repack`), and an exact re-partition of each pair of destinations
 * (`repartition`): HiGHS's own search spends its work limit in root cuts on these programs and
 * seldom improves a placement.
 * Stage 1 breaks ties towards cheap arcs by a cost term worth less than a quarter person in all;
 * stage 2 has only costs (no giant per-person penalty distorts HiGHS's relative gap). Stage 1 is
 * hard when capacity is short (a multiple subset-sum problem): it is proven when a placement
 * reaches the relaxation's bound or the bin-completion search ends; otherwise `maxPlaced` is
 * NaN and the status is 'limit'.
 *
 * Only arcs to each village's K nearest destinations enter at first. Pricing on each stage's
 * linear relaxation adds every arc whose reduced cost is negative, until none is. Whatever the
 * pricing reached, the relaxation's capacity duals w ≥ 0 (and μ ≥ 0 of the placement row) give a
 * Lagrangian bound on the FULL problem (all allowed arcs), computed over every allowed arc:
 *
 * ```
 * L = Σ_v min(0, min_d r[v,d]) − Σ_d w[d]·free[d] + μ·P,   r[v,d] = c[v,d] + people[v]·(w[d] − μ)
 * ```
 * and a solution that uses arc (v,d) costs at least L + r[v,d] − min(0, min_d' r[v,d']). When
 * capacity is short, stage 2's bound is raised by a second Lagrangian over every allowed arc, of
 * the village and placement rows, with one exact knapsack per destination (`knapsackBound`): the
 * relaxation fills destinations with fractions of villages, which whole villages cannot. Before
 * each integer solve, the pruned arcs whose bound falls furthest below the incumbent join the
 * program (CHECK_ARCS_PER_VILLAGE per village, within CHECK_GAPS accepted gaps of L in stage 2;
 * again with all that could beat the answer, up to MAX_CHECK_ARCS, if only they stand in the
 * way of the proof). The full problem's lower bound is then min(HiGHS's dual bound, the least
 * bound of an arc left out), never below L: HiGHS's bound counts only where pricing proves the
 * arcs left out could not beat it.
 *
 * Every stopping rule is deterministic: proven gaps, HiGHS's node limit (`maxNodes` per integer
 * solve), one thread, a fixed random seed, and index-ordered tie breaks in the rounding and the
 * local search. The wall clock is read only for `elapsedMs` and for the safety net
 * (`safetyTimeLimitS`): if that ever stops a solve, the result says 'unfinished'.
 */
import type { Highs, HighsCallbackMap, ModelData } from 'highs';
import { packMost } from './packing';
import { createRng } from '../random';

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
  /**
   * How many of each village's candidates (nearest first) the first relaxation starts from;
   * pricing adds the others, and any farther arc, as the duals ask (default 6).
   */
  startArcs?: number;
  /** Pricing rounds per relaxation (each adds the arcs the duals ask for); default 20. */
  maxPricingRounds?: number;
  /** Accepted relative gap of the cost from the full problem's lower bound (default 1e-4). */
  relGap?: number;
  /**
   * The deterministic work limit of each integer solve: HiGHS processes at most this many
   * branch-and-bound nodes (`mip_max_nodes`) and LP_ITERATIONS_PER_NODE × this many simplex
   * iterations (counted by HiGHS, checked in its interrupt callback; root cut rounds need no
   * node). Default DEFAULT_MAX_NODES = 500: a few seconds of HiGHS at most on a few thousand
   * arcs. When it stops a solve first, the status is 'limit' and `provenGap` says how far from
   * the bound the answer is at most.
   */
  maxNodes?: number;
  /**
   * Wall-clock safety net for the whole call, seconds (default 60). It never decides an answer
   * that is reported as final: if it stops anything, the status is 'unfinished'.
   */
  safetyTimeLimitS?: number;
}

/**
 * optimal: within relGap of the full problem, most people placed proven; limit: a deterministic
 * work limit stopped it first (provenGap says how far at most); unfinished: the safety time
 * limit stopped it (machine-dependent, not final); failed.
 */
export type SolveStatus = 'optimal' | 'limit' | 'unfinished' | 'failed';

export interface AssignmentSolution {
  /** Destination per village, -1 when left unassigned. */
  destination: Int32Array;
  /** Σ cost over assigned villages. */
  cost: number;
  status: SolveStatus;
  /**
   * Relative distance of `cost` from `lowerBound`, a proven lower bound on the full problem
   * (all allowed arcs) among placements that place at least `placed` people; NaN when no bound.
   */
  provenGap: number;
  lowerBound: number;
  /** People placed. */
  placed: number;
  /** Proven maximum of people placeable (every person when capacity suffices); NaN if not proven. */
  maxPlaced: number;
  /** A proven upper bound on people placeable (equals `maxPlaced` when that is proven). */
  placedBound: number;
  arcs: number;
  /**
   * Relaxations solved, arcs added beyond the starting ones, and whether pruning provably lost
   * nothing (the last relaxation priced out, and no arc left out could beat the answer by more
   * than the accepted gap).
   */
  pricing: { rounds: number; added: number; complete: boolean };
  /** Deterministic effort: branch-and-bound nodes and simplex iterations over all solves. */
  work: { nodes: number; lpIterations: number };
  elapsedMs: number;
}

/** Default `maxNodes` (see AssignmentOptions). */
export const DEFAULT_MAX_NODES = 500;

/** The integer solves' LP iterations are capped at this many per node of `maxNodes`. */
const LP_ITERATIONS_PER_NODE = 10;

/** Work limit of `fill` (partner checks), so that it stays fast on large short instances. */
const FILL_STEPS = 20_000_000;

/** Stage 2 adds pruned arcs whose bound is within this many accepted gaps of the bound. */
const CHECK_GAPS = 3;

/**
 * At most this many pruned arcs per village join before an integer solve (stage 2's second
 * solve, when needed for the proof, takes up to MAX_CHECK_ARCS).
 */
const CHECK_ARCS_PER_VILLAGE = 2;

/** At most this many pruned arcs join before an integer solve (the cheapest-bound ones). */
const MAX_CHECK_ARCS = 50_000;

/**
 * The program's columns: each village's slack first (0 … V−1, "left over", cost 0), then arcs
 * in the order they were added. Rows: villages (Σ x + slack = 1), destinations (capacity), and
 * the placement row (Σ people·x ≥ P, free until stage 2). One HiGHS model lives through the
 * whole solve.
 */
interface Program {
  V: number;
  D: number;
  arcV: number[];
  arcD: number[];
  /** Per village, the destinations it has an arc to. */
  has: Set<number>[];
  /** Cost scale (stage 2's coefficients are cost / scale). */
  scale: number;
  /** Whether the placement row exists (added for stage 2 only when not everyone can be placed). */
  placementRow: boolean;
}

/** Columns for `arcs` ([village, destination] pairs) in HiGHS's addCols form, costed by `obj`. */
function arcColumns(input: AssignmentInput, prog: Program, arcs: [number, number][], obj: (v: number, d: number) => number) {
  const k = arcs.length;
  const per = prog.placementRow ? 3 : 2;
  const cost = new Float64Array(k);
  const starts = new Int32Array(k + 1);
  const indices = new Int32Array(per * k);
  const values = new Float64Array(per * k);
  arcs.forEach(([v, d], j) => {
    cost[j] = obj(v, d);
    starts[j] = per * j;
    indices[per * j] = v;
    values[per * j] = 1;
    indices[per * j + 1] = prog.V + d;
    values[per * j + 1] = input.people[v];
    if (per === 3) {
      indices[per * j + 2] = prog.V + prog.D;
      values[per * j + 2] = input.people[v];
    }
  });
  starts[k] = per * k;
  return { cost, lower: new Float64Array(k), upper: new Float64Array(k).fill(1), matrix: { format: 'csc' as const, numRows: prog.V + prog.D + (prog.placementRow ? 1 : 0), numCols: k, starts, indices, values } };
}

function record(prog: Program, arcs: [number, number][]) {
  for (const [v, d] of arcs) {
    prog.arcV.push(v);
    prog.arcD.push(d);
    prog.has[v].add(d);
  }
}

/**
 * The Lagrangian bound of the module comment over every allowed arc, in real units (yuan, or
 * −people in stage 1), for capacity multipliers `w` ≥ 0 and placement multiplier `mu` ≥ 0; and,
 * for arcs not in the program, the ones whose LP reduced cost r − y[v] is below −tolerance
 * (`negative`, what pricing adds; y are the relaxation's village duals) and each such pruned arc's bound when used (`arcBound`, for the check
 * before an integer solve), both in index order.
 */
function lagrangian(input: AssignmentInput, prog: Program, obj: (v: number, d: number) => number, y: Float64Array, w: Float64Array, mu: number, P: number, mustPlace: boolean) {
  const { V, D } = prog;
  const minR = new Float64Array(V);
  let bound = mu * P;
  for (let d = 0; d < D; d++) bound -= w[d] * Math.max(0, input.capacity[d]);
  const r = new Float64Array(D);
  const negative: [number, number][] = [];
  let prunedSlack = Infinity;
  for (let v = 0; v < V; v++) {
    const p = input.people[v];
    let m = mustPlace ? Infinity : 0;
    let prunedR = Infinity;
    for (let d = 0; d < D; d++) {
      const c = obj(v, d);
      r[d] = Number.isFinite(c) ? c + p * (w[d] - mu) : Infinity;
      if (r[d] < m) m = r[d];
      if (r[d] < prunedR && !prog.has[v].has(d)) prunedR = r[d];
      // Pricing uses the relaxation's own village dual y (the LP's reduced cost).
      if (r[d] - y[v] < -1e-6 * Math.max(1, Math.abs(c)) && !prog.has[v].has(d)) negative.push([v, d]);
    }
    minR[v] = m;
    bound += m;
    prunedSlack = Math.min(prunedSlack, prunedR - m);
  }
  /** The least bound of a solution using any arc not in the program. */
  const outsideAll = bound + prunedSlack;
  /** Pruned arcs whose bound (bound + r − minR) is below `below`, sorted by it (then index). */
  const prunedBelow = (below: number, maxArcs = MAX_CHECK_ARCS): { arcs: [number, number][]; bounds: number[]; outside: number } => {
    const found: { v: number; d: number; b: number }[] = [];
    let outside = Infinity;
    for (let v = 0; v < V; v++) {
      const p = input.people[v];
      for (let d = 0; d < D; d++) {
        if (prog.has[v].has(d)) continue;
        const c = obj(v, d);
        if (!Number.isFinite(c)) continue;
        const b = bound + c + p * (w[d] - mu) - minR[v];
        if (b < below) found.push({ v, d, b });
        else if (b < outside) outside = b;
      }
    }
    found.sort((a, b) => a.b - b.b || a.v - b.v || a.d - b.d);
    const kept = found.slice(0, maxArcs);
    if (found.length > kept.length) outside = Math.min(outside, found[kept.length].b);
    return { arcs: kept.map(({ v, d }) => [v, d]), bounds: kept.map(({ b }) => b), outside };
  };
  return { bound, negative, prunedBelow, outsideAll };
}

/**
 * A placement from a relaxation's values `x` (all zero: a plain greedy one): villages the
 * relaxation sends whole stay there; the others, largest first (ties by index), take their
 * cheapest arc with room left, then the cheapest allowed destination with room (those arcs are
 * returned to join the program). Deterministic: every choice breaks ties by index.
 */
function roundRelaxation(input: AssignmentInput, prog: Program, x: Float64Array | null): { destination: Int32Array; extra: [number, number][] } {
  const { V, D } = prog;
  const destination = new Int32Array(V).fill(-1);
  const room = Float64Array.from(input.capacity);
  const bestX = new Float64Array(V);
  const bestD = new Int32Array(V).fill(-1);
  if (x) {
    for (let j = 0; j < prog.arcV.length; j++) {
      const v = prog.arcV[j];
      const value = x[V + j];
      if (value > bestX[v] || (value === bestX[v] && value > 0 && prog.arcD[j] < bestD[v])) {
        bestX[v] = value;
        bestD[v] = prog.arcD[j];
      }
    }
  }
  const rest: number[] = [];
  for (let v = 0; v < V; v++) {
    if (bestX[v] > 1 - 1e-6 && room[bestD[v]] >= input.people[v] - 1e-9) {
      destination[v] = bestD[v];
      room[bestD[v]] -= input.people[v];
    } else rest.push(v);
  }
  rest.sort((a, b) => input.people[b] - input.people[a] || a - b);
  const extra: [number, number][] = [];
  for (const v of rest) {
    let own = -1;
    let any = -1;
    for (let d = 0; d < D; d++) {
      const c = input.cost(v, d);
      if (!Number.isFinite(c) || room[d] < input.people[v] - 1e-9) continue;
      if (prog.has[v].has(d) && (own < 0 || c < input.cost(v, own))) own = d;
      if (any < 0 || c < input.cost(v, any)) any = d;
    }
    const d = own >= 0 ? own : any;
    if (d < 0) continue;
    if (!prog.has[v].has(d)) extra.push([v, d]);
    destination[v] = d;
    room[d] -= input.people[v];
  }
  return { destination, extra };
}

/**
 * Local search on a placement, over the program's arcs: a village moves to a cheaper
 * destination with room (a village left over moves to any with room), or two villages at
 * different destinations swap when both fit and the total falls. Villages, arcs and partners
 * are visited in a fixed order, so the result depends on the input only.
 */
function improve(input: AssignmentInput, prog: Program, destination: Int32Array) {
  const { V, D } = prog;
  const arcsOf: number[][] = Array.from({ length: V }, (_, v) => [...prog.has[v]].sort((a, b) => a - b));
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
        for (const w of at[b]) {
          const q = input.people[w];
          if (room[a] + p - q < -1e-9 || room[b] + q - p < -1e-9 || !prog.has[w].has(a)) continue;
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

/**
 * Places more people by ejection: an unplaced village u takes destination d (any allowed one)
 * when d has room, or when a smaller village w at d makes room by moving to another
 * destination with room (gain: u's people) or by being left over (gain: the difference).
 * Largest villages first, destinations and partners in index order, best gain first (then least
 * cost added): deterministic. Returns the arcs used that are not in the program.
 */
function fill(input: AssignmentInput, prog: Program, destination: Int32Array): [number, number][] {
  const { V, D } = prog;
  const room = Float64Array.from(input.capacity);
  for (let v = 0; v < V; v++) if (destination[v] >= 0) room[destination[v]] -= input.people[v];
  const at: number[][] = Array.from({ length: D }, () => []);
  for (let v = 0; v < V; v++) if (destination[v] >= 0) at[destination[v]].push(v);
  const allowed = (v: number, d: number) => Number.isFinite(input.cost(v, d));
  let budget = FILL_STEPS;
  for (let pass = 0; pass < 10 && budget > 0; pass++) {
    let gained = false;
    const left: number[] = [];
    for (let v = 0; v < V; v++) if (destination[v] < 0) left.push(v);
    left.sort((a, b) => input.people[b] - input.people[a] || a - b);
    for (const u of left) {
      const p = input.people[u];
      let best: { gain: number; added: number; d: number; w: number; e: number } | null = null;
      const consider = (gain: number, added: number, d: number, w: number, e: number) => {
        if (gain > 1e-9 && (!best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && added < best.added))) best = { gain, added, d, w, e };
      };
      for (let d = 0; d < D && budget > 0; d++) {
        if (!allowed(u, d)) continue;
        if (room[d] >= p - 1e-9) {
          consider(p, input.cost(u, d), d, -1, -1);
          continue;
        }
        for (const w of at[d]) {
          budget--;
          const q = input.people[w];
          if (q >= p || room[d] + q < p - 1e-9) continue;
          let e = -1;
          for (let f = 0; f < D; f++) if (f !== d && room[f] >= q - 1e-9 && allowed(w, f) && (e < 0 || input.cost(w, f) < input.cost(w, e))) e = f;
          budget -= D;
          if (e >= 0) consider(p, input.cost(u, d) + input.cost(w, e) - input.cost(w, d), d, w, e);
          else consider(p - q, input.cost(u, d) - input.cost(w, d), d, w, -1);
        }
      }
      const b = best as { gain: number; added: number; d: number; w: number; e: number } | null;
      if (!b) continue;
      if (b.w >= 0) {
        const q = input.people[b.w];
        at[b.d].splice(at[b.d].indexOf(b.w), 1);
        room[b.d] += q;
        destination[b.w] = b.e;
        if (b.e >= 0) {
          at[b.e].push(b.w);
          room[b.e] -= q;
        }
      }
      destination[u] = b.d;
      at[b.d].push(u);
      room[b.d] -= p;
      gained = true;
    }
    if (!gained) break;
  }
  return arcsOutside(prog, destination);
}

/**
 * The least-value subsets of `items` by exact total people, 0 … cap (a 0-1 knapsack by dynamic
 * programming, integer people, items in the order given): best[L] is the least Σ value(v) over
 * subsets of exactly L people (Infinity when none), and chosen(L) is one such subset. A later
 * item replaces an earlier subset only when it is cheaper by more than `tolerance` × |value|.
 */
function exactLoads(input: AssignmentInput, items: readonly number[], value: (v: number) => number, cap: number, tolerance: number) {
  const n = items.length;
  const best = new Float64Array(cap + 1).fill(Infinity);
  best[0] = 0;
  const take = new Uint8Array(n * (cap + 1));
  let reach = 0;
  for (let i = 0; i < n; i++) {
    const p = input.people[items[i]];
    const c = value(items[i]);
    for (let L = Math.min(cap, reach + p); L >= p; L--) {
      const t = best[L - p] + c;
      if (t < best[L] - tolerance * Math.abs(t)) {
        best[L] = t;
        take[i * (cap + 1) + L] = 1;
      }
    }
    reach = Math.min(cap, reach + p);
  }
  const chosen = (load: number): number[] => {
    const out: number[] = [];
    for (let i = n - 1, l = load; i >= 0 && l > 0; i--) {
      if (take[i * (cap + 1) + l]) {
        out.push(items[i]);
        l -= input.people[items[i]];
      }
    }
    return out;
  };
  return { best, chosen };
}

/** Work limit of `repartition` (knapsack cells over all passes), so that it stays fast on large instances. */
const REPARTITION_STEPS = 40_000_000;

/**
 * Re-partitions the villages of two destinations between them exactly (integer people only):
 * for each pair (a, b) that some placed village at a has an arc to b, the villages at a or b
 * that may go to either are split by a knapsack over a's free capacity for the least cost,
 * subject to both capacities. Same villages placed, so the people placed never change; a move
 * is kept only when it lowers the cost. It reaches exchanges of several villages at once, which
 * the swap search (`improve`, one pair of villages at a time) cannot. Pairs in index order,
 * villages in index order: deterministic.
 */
function repartition(input: AssignmentInput, prog: Program, destination: Int32Array): void {
  const { V, D } = prog;
  const at: number[][] = Array.from({ length: D }, () => []);
  for (let v = 0; v < V; v++) if (destination[v] >= 0) at[destination[v]].push(v);
  const pairs = new Set<number>();
  for (let v = 0; v < V; v++) {
    const a = destination[v];
    if (a < 0) continue;
    for (const b of prog.has[v]) if (b !== a) pairs.add(Math.min(a, b) * D + Math.max(a, b));
  }
  const order = [...pairs].sort((x, y) => x - y);
  let budget = REPARTITION_STEPS;
  for (let pass = 0; pass < 10 && budget > 0; pass++) {
    let gained = false;
    for (const key of order) {
      if (budget <= 0) break;
      const a = Math.floor(key / D);
      const b = key % D;
      let roomA = Math.max(0, input.capacity[a]);
      let roomB = Math.max(0, input.capacity[b]);
      const free: number[] = [];
      let freeLoad = 0;
      let current = 0;
      for (const v of [...at[a], ...at[b]]) {
        const p = input.people[v];
        const ca = input.cost(v, a);
        const cb = input.cost(v, b);
        if (Number.isFinite(ca) && Number.isFinite(cb)) {
          free.push(v);
          freeLoad += p;
          current += destination[v] === a ? ca - cb : 0;
        } else if (destination[v] === a) roomA -= p;
        else roomB -= p;
      }
      if (free.length < 2) continue;
      free.sort((x, y) => x - y);
      // Load at a of the free villages: at least freeLoad − roomB, at most roomA.
      const hi = Math.min(Math.floor(roomA + 1e-9), freeLoad);
      const lo = Math.max(0, Math.ceil(freeLoad - roomB - 1e-9));
      if (hi < lo) continue;
      budget -= free.length * (hi + 1);
      const { best, chosen } = exactLoads(input, free, (v) => input.cost(v, a) - input.cost(v, b), hi, 0);
      let L = -1;
      for (let l = lo; l <= hi; l++) if (best[l] < (L < 0 ? Infinity : best[L])) L = l;
      if (L < 0 || best[L] >= current - 1e-9 * Math.max(1, Math.abs(current))) continue;
      const toA = new Set(chosen(L));
      for (const v of free) destination[v] = toA.has(v) ? a : b;
      at[a] = at[a].filter((v) => !free.includes(v)).concat([...toA]).sort((x, y) => x - y);
      at[b] = at[b].filter((v) => !free.includes(v)).concat(free.filter((v) => !toA.has(v))).sort((x, y) => x - y);
      gained = true;
    }
    if (!gained) break;
  }
}

/** Annealing restarts of `anneal` (seeds 1 … ANNEAL_RUNS), and moves per restart: per village that can move, at most in all. */
const ANNEAL_RUNS = 8;
const ANNEAL_MOVES_PER_VILLAGE = 10_000;
const ANNEAL_MOVES = 300_000;
/** Annealing temperature, people: from this … */
const ANNEAL_HOT = 20;
/** … down to this, geometrically over the moves. */
const ANNEAL_COLD = 5;

/**
 * Places more people by simulated annealing over whole villages (stage 1 when the other
 * searches stop short of the relaxation's bound; capacity short locally is a multiple
 * subset-sum problem that HiGHS proves slowly). Moves: a village to another allowed destination
 * with room; into a full one in exchange for one of its villages, which goes back to the first
 * village's destination if it fits or is left over; or a village left over. A move that places
 * fewer people is taken with probability exp(−loss / temperature). Each restart starts from the
 * placement and has its own fixed seed and move count, so the result depends on the input only;
 * its best placement is re-packed exactly (`repack`, integer people only). The best of all
 * restarts replaces `destination` when it places more people. Returns the arcs used that are
 * not in the program.
 */
function anneal(input: AssignmentInput, prog: Program, destination: Int32Array, integerPeople: boolean): [number, number][] {
  const { V, D } = prog;
  const options: number[][] = Array.from({ length: V }, (_, v) => {
    const o: number[] = [];
    for (let d = 0; d < D; d++) if (input.capacity[d] >= input.people[v] - 1e-9 && Number.isFinite(input.cost(v, d))) o.push(d);
    return o;
  });
  const movable = Array.from({ length: V }, (_, v) => v).filter((v) => options[v].length > 0);
  let best = destination.slice();
  let bestPlaced = measure(input, destination).placed;
  if (movable.length === 0) return [];
  const moves = Math.min(ANNEAL_MOVES, ANNEAL_MOVES_PER_VILLAGE * movable.length);
  for (let run = 1; run <= ANNEAL_RUNS; run++) {
    const rng = createRng(run);
    const dest = destination.slice();
    const room = Float64Array.from(input.capacity, (c) => Math.max(0, c));
    const at: number[][] = Array.from({ length: D }, () => []);
    const pos = new Int32Array(V);
    const join = (v: number, d: number) => {
      dest[v] = d;
      if (d < 0) return;
      pos[v] = at[d].length;
      at[d].push(v);
      room[d] -= input.people[v];
    };
    const leave = (v: number) => {
      const d = dest[v];
      if (d < 0) return;
      const list = at[d];
      const last = list.pop() as number;
      if (last !== v) {
        list[pos[v]] = last;
        pos[last] = pos[v];
      }
      room[d] += input.people[v];
      dest[v] = -1;
    };
    for (let v = 0; v < V; v++) if (destination[v] >= 0) join(v, destination[v]);
    let placed = measure(input, dest).placed;
    let runPlaced = placed;
    let runBest = dest.slice();
    let t = ANNEAL_HOT;
    for (let k = 0; k < moves; k++) {
      if ((k & 1023) === 0) t = ANNEAL_HOT * Math.pow(ANNEAL_COLD / ANNEAL_HOT, k / moves);
      const v = movable[rng.int(0, movable.length)];
      const a = dest[v];
      const p = input.people[v];
      if (a >= 0 && rng.next() < 0.1) {
        // Left over.
        if (rng.next() >= Math.exp(-p / t)) continue;
        leave(v);
        placed -= p;
      } else {
        const o = options[v];
        const b = o[rng.int(0, o.length)];
        if (b === a) continue;
        if (room[b] >= p - 1e-9) {
          leave(v);
          join(v, b);
          if (a < 0) placed += p;
        } else {
          const list = at[b];
          if (list.length === 0) continue;
          const w = list[rng.int(0, list.length)];
          const q = input.people[w];
          if (room[b] + q < p - 1e-9) continue;
          const back = a >= 0 && Number.isFinite(input.cost(w, a)) && room[a] + p >= q - 1e-9 ? a : -1;
          const gain = (a < 0 ? p : 0) - (back < 0 ? q : 0);
          if (gain < 0 && rng.next() >= Math.exp(gain / t)) continue;
          leave(v);
          leave(w);
          join(v, b);
          join(w, back);
          placed += gain;
        }
      }
      if (placed > runPlaced + 1e-9) {
        runPlaced = placed;
        runBest = dest.slice();
      }
    }
    // Each restart's best, re-packed exactly destination by destination.
    if (integerPeople) repack(input, prog, runBest);
    const got = measure(input, runBest).placed;
    if (got > bestPlaced + 1e-9) {
      bestPlaced = got;
      best = runBest;
    }
  }
  destination.set(best);
  return arcsOutside(prog, destination);
}

/** Work limit of `repack` (knapsack cells), so that it stays fast on large instances. */
const REPACK_STEPS = 20_000_000;

/**
 * Re-packs one destination at a time exactly (integer people only): the villages at d and the
 * villages left over that may go to d are re-chosen by a subset-sum knapsack over d's free
 * capacity, for the most people at d, then the least cost. A village of d not chosen is left
 * over. A move is kept only when it places more people, or as many at less cost, so it never
 * loses; it lets stage 1 fill destinations exactly, which the ejection search (`fill`, one
 * village moved at a time) cannot. Destinations and villages in index order: deterministic.
 * Returns the arcs used that are not in the program.
 */
function repack(input: AssignmentInput, prog: Program, destination: Int32Array, goal: 'people' | 'cost' = 'people'): [number, number][] {
  const { V, D } = prog;
  const at: number[][] = Array.from({ length: D }, () => []);
  for (let v = 0; v < V; v++) if (destination[v] >= 0) at[destination[v]].push(v);
  let budget = REPACK_STEPS;
  for (let pass = 0; pass < 10 && budget > 0; pass++) {
    let gained = false;
    for (let d = 0; d < D && budget > 0; d++) {
      const cap = Math.floor(Math.max(0, input.capacity[d]) + 1e-9);
      if (cap <= 0) continue;
      const pool = [...at[d]];
      for (let v = 0; v < V; v++) if (destination[v] < 0 && input.people[v] <= cap && Number.isFinite(input.cost(v, d))) pool.push(v);
      if (pool.length === at[d].length) continue;
      pool.sort((a, b) => a - b);
      budget -= pool.length * (cap + 1);
      if (budget < 0) break;
      const { best, chosen: pick } = exactLoads(input, pool, (v) => input.cost(v, d), cap, 1e-9);
      let curLoad = 0;
      let curCost = 0;
      for (const v of at[d]) {
        curLoad += input.people[v];
        curCost += input.cost(v, d);
      }
      let L = cap;
      if (goal === 'people') while (L > 0 && best[L] === Infinity) L--;
      else for (let l = Math.ceil(curLoad - 1e-9); l <= cap; l++) if (best[l] < best[L]) L = l;
      const cheaper = best[L] < curCost - 1e-9 * Math.abs(curCost);
      if (goal === 'people' ? L < curLoad || (L === curLoad && !cheaper) : !cheaper) continue;
      const chosen = pick(L);
      for (const v of at[d]) destination[v] = -1;
      for (const v of chosen) destination[v] = d;
      at[d] = chosen.sort((a, b) => a - b);
      gained = true;
    }
    if (!gained) break;
  }
  return arcsOutside(prog, destination);
}

/** Subgradient steps of `knapsackBound` at most (it stops as soon as the bound proves the gap). */
const KNAPSACK_STEPS = 40;

/** Work limit of `knapsackBound` (knapsack cells per step); above it the bound is not tried. */
const KNAPSACK_CELLS = 40_000_000;

/**
 * A stronger lower bound on stage 2 when capacity is short (integer people only): the
 * Lagrangian relaxation of the village rows (multipliers λ ≥ 0) and of the placement row (μ ≥ 0),
 * which leaves one 0-1 knapsack per destination over every allowed arc:
 *
 * ```
 * L(λ, μ) = −Σ_v λ[v] + μ·P + Σ_d min { Σ_v (c[v,d] + λ[v] − μ·people[v])·x[v] : Σ_v people[v]·x[v] ≤ free[d] }
 * ```
 * Each knapsack is solved exactly by dynamic programming over people, so L is at least the linear
 * relaxation's bound, from which it starts (λ = −y, μ from the relaxation's duals); a few
 * subgradient steps (Polyak steps towards `upper`, the halving rule on stalls) raise it. When
 * capacity is short the relaxation fills every destination with fractions of villages; whole
 * villages cannot, and only this bound sees it. Deterministic: fixed step rule and order.
 * Returns the best L found (−Infinity when not tried), stopping once L ≥ `target`.
 */
function knapsackBound(input: AssignmentInput, y: Float64Array, mu0: number, P: number, upper: number, target: number): number {
  const V = input.people.length;
  const D = input.capacity.length;
  const cap = Int32Array.from(input.capacity, (c) => Math.max(0, Math.floor(c + 1e-9)));
  let cells = 0;
  for (let d = 0; d < D; d++) cells += cap[d] * V;
  if (cells > KNAPSACK_CELLS) return -Infinity;
  const lambda = Float64Array.from(y, (yv) => Math.max(0, -yv));
  let mu = Math.max(0, mu0);
  const best = new Float64Array(Math.max(...cap, 0) + 1);
  const gV = new Float64Array(V);
  let bound = -Infinity;
  let theta = 1;
  let stall = 0;
  for (let step = 0; step < KNAPSACK_STEPS; step++) {
    let L = mu * P;
    for (let v = 0; v < V; v++) L -= lambda[v];
    gV.fill(-1);
    let placed = 0;
    for (let d = 0; d < D; d++) {
      const C = cap[d];
      if (C === 0) continue;
      const items: number[] = [];
      const profit: number[] = [];
      for (let v = 0; v < V; v++) {
        const c = input.cost(v, d);
        const r = c + lambda[v] - mu * input.people[v];
        if (Number.isFinite(c) && r < 0 && input.people[v] <= C) {
          items.push(v);
          profit.push(r);
        }
      }
      if (items.length === 0) continue;
      // best[w]: the least profit sum of a subset weighing at most w.
      best.fill(0, 0, C + 1);
      const take = new Uint8Array(items.length * (C + 1));
      for (let i = 0; i < items.length; i++) {
        const p = input.people[items[i]];
        const r = profit[i];
        for (let w = C; w >= p; w--) {
          const t = best[w - p] + r;
          if (t < best[w]) {
            best[w] = t;
            take[i * (C + 1) + w] = 1;
          }
        }
      }
      L += best[C];
      for (let i = items.length - 1, w = C; i >= 0; i--) {
        if (!take[i * (C + 1) + w]) continue;
        gV[items[i]] += 1;
        placed += input.people[items[i]];
        w -= input.people[items[i]];
      }
    }
    if (L > bound) {
      bound = L;
      stall = 0;
    } else if (++stall >= 3) {
      theta /= 2;
      stall = 0;
    }
    if (bound >= target) break;
    const gMu = P - placed;
    let norm = gMu * gMu;
    for (let v = 0; v < V; v++) norm += gV[v] * gV[v];
    if (norm === 0) break;
    const s = (theta * Math.max(0, upper - L)) / norm;
    if (s === 0) break;
    for (let v = 0; v < V; v++) lambda[v] = Math.max(0, lambda[v] + s * gV[v]);
    mu = Math.max(0, mu + s * gMu);
  }
  return bound;
}

/** The arcs a placement uses that are not in the program (they must join it before a solve). */
function arcsOutside(prog: Program, destination: Int32Array): [number, number][] {
  const extra: [number, number][] = [];
  for (let v = 0; v < prog.V; v++) if (destination[v] >= 0 && !prog.has[v].has(destination[v])) extra.push([v, destination[v]]);
  return extra;
}

/** The columns' values for a placement (slack 1 for a village left over). */
function startVector(prog: Program, destination: Int32Array): Float64Array {
  const x = new Float64Array(prog.V + prog.arcV.length);
  for (let v = 0; v < prog.V; v++) if (destination[v] < 0) x[v] = 1;
  for (let j = 0; j < prog.arcV.length; j++) if (destination[prog.arcV[j]] === prog.arcD[j]) x[prog.V + j] = 1;
  return x;
}

/** People placed and cost of a placement. */
function measure(input: AssignmentInput, destination: Int32Array): { placed: number; cost: number } {
  let placed = 0;
  let cost = 0;
  for (let v = 0; v < destination.length; v++) {
    if (destination[v] < 0) continue;
    placed += input.people[v];
    cost += input.cost(v, destination[v]);
  }
  return { placed, cost };
}

/** Stage 1's cost tie-break, in people (see solveAssignment). */
const TIE_BREAK = 0.25;

/** Relative gaps below this are floating-point noise (sums of many costs, HiGHS tolerances). */
const NOISE = 1e-9;

/**
 * Solves the assignment (see the module comment). `highs` is a loaded HiGHS runtime; the call
 * blocks, so run it in a worker.
 */
export function solveAssignment(highs: Highs, input: AssignmentInput, options: AssignmentOptions = {}): AssignmentSolution {
  const t0 = performance.now();
  const deadline = t0 + 1000 * (options.safetyTimeLimitS ?? 60);
  const relGap = options.relGap ?? 1e-4;
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxRounds = options.maxPricingRounds ?? 20;
  const V = input.people.length;
  const D = input.capacity.length;
  const prog: Program = { V, D, arcV: [], arcD: [], has: Array.from({ length: V }, () => new Set<number>()), scale: 1, placementRow: false };
  let totalPeople = 0;
  let integerPeople = true;
  for (const p of input.people) {
    totalPeople += p;
    if (!Number.isInteger(p)) integerPeople = false;
  }
  const initial: [number, number][] = [];
  for (let v = 0; v < V; v++) {
    for (const d of Array.from(input.candidates(v)).slice(0, options.startArcs ?? 6)) {
      const c = input.cost(v, d);
      if (!Number.isFinite(c) || prog.has[v].has(d)) continue;
      prog.has[v].add(d);
      initial.push([v, d]);
      prog.scale = Math.max(prog.scale, Math.abs(c));
    }
  }
  for (const s of prog.has) s.clear();
  const scale = prog.scale;
  // Stage objectives in real units: −people (stage 1) and cost (stage 2).
  // Stage 1 prefers cheap arcs among placements of as many people, by a tie-break too small to
  // trade a person for: ε·Σ_v max_d c[v,d] ≤ TIE_BREAK < 1 person.
  let eps = 0;
  const placeObj = (v: number, d: number) => {
    const c = input.cost(v, d);
    return Number.isFinite(c) ? -input.people[v] + eps * c : Infinity;
  };
  const costObj = (v: number, d: number) => input.cost(v, d);
  let stage: 'place' | 'cost' = 'place';
  let mustPlace = false;
  const objScale = () => (stage === 'place' ? 1 : scale);
  const obj = (v: number, d: number) => (stage === 'place' ? placeObj(v, d) : costObj(v, d));

  const rows = V + D;
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let v = 0; v < V; v++) rowLower[v] = rowUpper[v] = 1;
  for (let d = 0; d < D; d++) {
    rowLower[V + d] = -highs.infinity;
    rowUpper[V + d] = Math.max(0, input.capacity[d]);
  }
  const model: ModelData = {
    numCols: V,
    numRows: rows,
    colCost: new Float64Array(V),
    colLower: new Float64Array(V),
    colUpper: new Float64Array(V).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: V, starts: Int32Array.from({ length: V + 1 }, (_, j) => j), indices: Int32Array.from({ length: V }, (_, v) => v), values: new Float64Array(V).fill(1) },
  };
  const m = highs.createModel(model);
  const work = { nodes: 0, lpIterations: 0 };
  let unfinished = false;
  let failed = false;
  let rounds = 0;
  try {
    m.options.set({ output_flag: false, random_seed: 0, presolve: 'off' });
    const { optimal, timeLimit, infeasible } = highs.constants.modelStatus;
    const addArcs = (arcs: [number, number][]) => {
      if (arcs.length === 0) return;
      m.addCols(arcColumns(input, prog, arcs, (v, d) => obj(v, d) / objScale()));
      record(prog, arcs);
    };
    const setObjective = () => {
      const n = prog.arcV.length;
      if (n > 0) m.changeColsCost({ kind: 'range', from: V, to: V + n - 1 }, Float64Array.from({ length: n }, (_, j) => obj(prog.arcV[j], prog.arcD[j]) / objScale()));
    };
    const setIntegrality = (integer: boolean) => {
      const n = prog.arcV.length;
      if (n > 0) m.changeColsIntegrality({ kind: 'range', from: V, to: V + n - 1 }, new Int32Array(n).fill(integer ? 1 : 0));
    };
    let lpIterationCap = 0;
    /** One HiGHS run under the safety net; false when it (or the net) stopped it. */
    const run = (): boolean => {
      const leftS = (deadline - performance.now()) / 1000;
      if (leftS <= 0) {
        unfinished = true;
        return false;
      }
      m.options.set({ time_limit: leftS });
      // The MIP's LP iterations are capped through the interrupt callback (a count, not a clock):
      // root cut separation, which no node limit bounds, can otherwise run for minutes.
      const cap = lpIterationCap;
      const callbacks: HighsCallbackMap = cap > 0 ? { [highs.constants.callbackType.mipInterrupt]: (e) => { if (Number(e.data.mip_total_lp_iterations ?? 0) > cap) e.interrupt(); } } : {};
      m.run(callbacks);
      work.lpIterations += Number(m.info.get('simplex_iteration_count'));
      if (m.getModelStatus() === timeLimit) {
        unfinished = true;
        return false;
      }
      return true;
    };

    /**
     * The relaxation of the current stage with pricing; then the Lagrangian bound (real units)
     * from its duals, valid for the full problem whatever pricing reached.
     */
    const relax = (P: number) => {
      setIntegrality(false);
      m.options.set({ presolve: 'off' });
      let x: Float64Array | null = null;
      let converged = false;
      let w = new Float64Array(D);
      let mu = 0;
      let lag: ReturnType<typeof lagrangian> | null = null;
      let y = new Float64Array(V);
      for (let round = 0; round < maxRounds; round++) {
        if (!run()) break;
        rounds++;
        if (m.getModelStatus() !== optimal) {
          failed = true;
          break;
        }
        const sol = m.getSolution();
        x = sol.colValue;
        w = Float64Array.from({ length: D }, (_, d) => Math.max(0, -sol.rowDual[V + d] * objScale()));
        mu = prog.placementRow ? Math.max(0, sol.rowDual[V + D] * objScale()) : 0;
        y = Float64Array.from({ length: V }, (_, v) => sol.rowDual[v] * objScale());
        lag = lagrangian(input, prog, obj, y, w, mu, P, mustPlace);
        if (lag.negative.length === 0) {
          converged = true;
          break;
        }
        addArcs(lag.negative);
      }
      return { x, converged, lag, y, mu };
    };

    /**
     * The integer program of the current stage from `start`, after the pruned arcs whose bound
     * is below `below` joined. Returns HiGHS's placement (or `start` when it found nothing
     * better) and the full problem's bound in real units: min(dual bound, arcs left out).
     */
    const integer = (start: Int32Array, lag: ReturnType<typeof lagrangian>, below: number, gapOptions: Record<string, number>, maxArcs = MAX_CHECK_ARCS) => {
      const check = lag.prunedBelow(below, maxArcs);
      addArcs(check.arcs);
      setIntegrality(true);
      m.setSolution({ colValue: startVector(prog, start) });
      m.options.set({ presolve: 'choose', mip_max_nodes: maxNodes, ...gapOptions });
      lpIterationCap = LP_ITERATIONS_PER_NODE * maxNodes;
      const ran = run();
      lpIterationCap = 0;
      work.nodes += Number(m.info.get('mip_node_count'));
      const status = m.getModelStatus();
      let destination = start;
      let bound = -Infinity;
      if (ran && status !== infeasible) {
        const x = m.getSolution().colValue;
        if (x.length === V + prog.arcV.length) {
          const found = new Int32Array(V).fill(-1);
          for (let j = 0; j < prog.arcV.length; j++) if (x[V + j] > 0.5) found[prog.arcV[j]] = prog.arcD[j];
          destination = found;
        }
        const dual = Number(m.info.get('mip_dual_bound'));
        if (Number.isFinite(dual)) bound = dual * objScale();
      }
      setIntegrality(false);
      return { destination, bound: Math.max(lag.bound, Math.min(bound, check.outside)), dual: bound, outside: check.outside };
    };

    addArcs(initial);
    const better = (a: Int32Array, b: Int32Array) => {
      const ma = measure(input, a);
      const mb = measure(input, b);
      return ma.placed > mb.placed + 1e-9 || (Math.abs(ma.placed - mb.placed) <= 1e-9 && ma.cost < mb.cost) ? a : b;
    };

    // Stage 1: the most people placeable.
    const greedy = roundRelaxation(input, prog, null);
    addArcs(greedy.extra);
    let incumbent = greedy.destination;
    let maxPlaced = NaN;
    let placedBound = totalPeople;
    let pricingComplete = true;
    if (measure(input, incumbent).placed >= totalPeople - 1e-9) maxPlaced = totalPeople;
    else {
      let costCeiling = 0;
      for (let v = 0; v < V; v++) {
        let most = 0;
        for (let d = 0; d < D; d++) {
          const c = input.cost(v, d);
          if (Number.isFinite(c)) most = Math.max(most, Math.abs(c));
        }
        costCeiling += most;
      }
      eps = costCeiling > 0 ? TIE_BREAK / costCeiling : 0;
      stage = 'place';
      setObjective();
      const lp = relax(0);
      pricingComplete &&= lp.converged;
      if (lp.lag && lp.x) {
        const rounded = roundRelaxation(input, prog, lp.x);
        addArcs(rounded.extra);
        // Both placements topped up by the ejection search; the one placing more is kept.
        for (const dest of [rounded.destination, incumbent]) {
          addArcs(fill(input, prog, dest));
          if (integerPeople) {
            addArcs(repack(input, prog, dest));
          }
          improve(input, prog, dest);
        }
        incumbent = better(rounded.destination, incumbent);
        // Combined stage-1 objective ≥ bound, and the tie-break adds at most TIE_BREAK.
        const most = (b: number) => (integerPeople ? Math.floor(-b + TIE_BREAK + 1e-6) : -b + TIE_BREAK);
        let upper = most(lp.lag.bound);
        if (integerPeople && measure(input, incumbent).placed < upper - 1e-6) {
          // Short of the bound: the bin-completion search finds exact packings and proves
          // small instances (its root bound may also be lower than the relaxation's).
          const packed = packMost({ people: input.people, capacity: input.capacity, allowed: (v, d) => Number.isFinite(input.cost(v, d)) }, incumbent);
          addArcs(arcsOutside(prog, packed.destination));
          incumbent = better(packed.destination, incumbent);
          upper = Math.min(upper, packed.bound);
        }
        if (measure(input, incumbent).placed < upper - 1e-6) {
          // Still short: the annealing search, then the exact re-pack and swaps.
          const annealed = incumbent.slice();
          addArcs(anneal(input, prog, annealed, integerPeople));
          if (integerPeople) addArcs(repack(input, prog, annealed));
          improve(input, prog, annealed);
          incumbent = better(annealed, incumbent);
        }
        const got = measure(input, incumbent).placed;
        // HiGHS's integer search only for fractional people: with whole people the searches
        // above find what it found on every instance tried (exact packings included), and its
        // bound did not improve on the relaxation's within its work limit.
        if (!integerPeople && got < upper - 1e-6) {
          // Pruned arcs that could place more people than the incumbent join, up to a few per
          // village (the relaxation is degenerate: most arcs place people equally well).
          const below = -(got + 1e-9) + TIE_BREAK + 1e-6;
          const res = integer(incumbent, lp.lag, below, { mip_rel_gap: 0, mip_abs_gap: 1e-6 }, CHECK_ARCS_PER_VILLAGE * V);
          incumbent = better(res.destination, incumbent);
          upper = Math.min(upper, most(res.bound));
        }
        if (measure(input, incumbent).placed >= upper - 1e-6) maxPlaced = measure(input, incumbent).placed;
        placedBound = Math.min(placedBound, upper);
      }
    }
    const P = measure(input, incumbent).placed;

    // Stage 2: the least cost among placements that place P people.
    stage = 'cost';
    setObjective();
    mustPlace = P >= totalPeople - 1e-9;
    if (mustPlace) {
      // Everyone: the village rows alone say so (slack fixed at 0), no dense placement row.
      m.changeColsBounds({ kind: 'range', from: 0, to: V - 1 }, new Float64Array(V), new Float64Array(V));
    } else {
      const n = prog.arcV.length;
      m.addRow(P - 1e-6 * Math.max(1, P), highs.infinity, { indices: Int32Array.from({ length: n }, (_, j) => V + j), values: Float64Array.from({ length: n }, (_, j) => input.people[prog.arcV[j]]) });
      prog.placementRow = true;
    }
    let lowerBound = NaN;
    let outside = Infinity;
    if (!unfinished && !failed) {
      const lp = relax(P);
      pricingComplete &&= lp.converged;
      if (lp.lag && lp.x) {
        lowerBound = lp.lag.bound;
        const rounded = roundRelaxation(input, prog, lp.x);
        addArcs(rounded.extra);
        // Local search only when the placement is not already within the gap.
        const within = (dest: Int32Array) => {
          const c = measure(input, dest).cost;
          return c - (lowerBound as number) <= relGap * Math.abs(c);
        };
        // Swaps only when the placement is not already within the gap.
        const polish = (dest: Int32Array) => {
          if (!within(dest)) improve(input, prog, dest);
        };
        // The exact searches (cost re-pack of each destination, re-partition of each pair),
        // with swaps between them, until the cost stops falling or is within the gap.
        const exact = (dest: Int32Array) => {
          if (!integerPeople) return;
          for (let round = 0; round < 10 && !within(dest); round++) {
            const before = measure(input, dest).cost;
            if (!mustPlace) repack(input, prog, dest, 'cost');
            repartition(input, prog, dest);
            if (measure(input, dest).cost >= before - NOISE * Math.abs(before)) break;
            improve(input, prog, dest);
          }
        };
        if (measure(input, rounded.destination).placed < P - 1e-9) {
          // The relaxation's cheap placement falls short of P: the ejection search tops it up.
          addArcs(fill(input, prog, rounded.destination));
        }
        if (measure(input, rounded.destination).placed >= P - 1e-9) {
          polish(rounded.destination);
          incumbent = better(rounded.destination, incumbent);
        }
        if (incumbent !== rounded.destination && measure(input, incumbent).placed <= P + 1e-9) polish(incumbent);
        const polished = incumbent.slice();
        exact(polished);
        if (!mustPlace && integerPeople && !within(polished) && !unfinished) {
          // Capacity short: the knapsack bound sees that whole villages cannot fill destinations.
          const c = measure(input, polished).cost;
          lowerBound = Math.max(lowerBound, knapsackBound(input, lp.y, lp.mu, P, c, c - relGap * Math.abs(c)));
        }
        // Within the gap after the exact searches: no integer solve. Otherwise HiGHS starts from
        // the swap search's placement (its own search finds other placements from there than
        // from the polished one), and the better of both is polished again after each solve.
        // The polished placement's arcs join the program only after that solve, for the same reason.
        if (within(polished)) {
          incumbent = polished;
          addArcs(arcsOutside(prog, incumbent));
        }
        const c = measure(input, incumbent).cost;
        if (c - lowerBound > relGap * Math.abs(c) && !unfinished) {
          // Pruned arcs join when their bound is within a few accepted gaps of the bound: enough
          // to prove any answer that ends within the gap, and far fewer than all the arcs
          // under the incumbent's cost.
          // If arcs left out could still beat the answer by more than the gap, all arcs that
          // could beat it join and the program is solved again from it (once).
          let below = Math.min(c, lowerBound + CHECK_GAPS * relGap * Math.abs(c));
          for (let pass = 0; pass < 2; pass++) {
            const res = integer(incumbent, lp.lag, below, { mip_rel_gap: relGap, mip_abs_gap: 0 }, pass === 0 ? CHECK_ARCS_PER_VILLAGE * V : MAX_CHECK_ARCS);
            const got = measure(input, res.destination);
            if (got.placed >= P - 1e-9) incumbent = better(res.destination, incumbent);
            lowerBound = Math.max(lowerBound, res.bound);
            outside = res.outside;
            if (pass === 0) incumbent = better(polished, incumbent);
            if (!unfinished && !failed) exact(incumbent);
            addArcs(arcsOutside(prog, incumbent));
            const now = measure(input, incumbent).cost;
            // Only worth it when the program itself is solved within the gap.
            if (unfinished || failed || outside >= now - relGap * Math.abs(now) || now - lowerBound <= relGap * Math.abs(now) || now - res.dual > relGap * Math.abs(now)) break;
            below = now;
          }
        } else outside = Math.max(lowerBound, lp.lag.outsideAll);
      }
    }
    const { placed, cost } = measure(input, incumbent);
    let provenGap = Number.isFinite(lowerBound) ? Math.max(0, cost - lowerBound) / Math.max(1e-9, Math.abs(cost)) : NaN;
    if (provenGap <= NOISE) provenGap = 0;
    const complete = pricingComplete && outside >= cost - relGap * Math.abs(cost);
    const status: SolveStatus = unfinished ? 'unfinished' : failed ? 'failed' : provenGap <= relGap && placed >= maxPlaced - 1e-9 ? 'optimal' : 'limit';
    return { destination: incumbent, cost, status, provenGap, lowerBound, placed, maxPlaced, placedBound: Number.isFinite(maxPlaced) ? maxPlaced : Math.max(placed, placedBound), arcs: prog.arcV.length, pricing: { rounds, added: prog.arcV.length - initial.length, complete }, work, elapsedMs: performance.now() - t0 };
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
