import { describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { checkAssignment, solveAssignment, type AssignmentInput } from '../../../src/core/relocation/assign';
import { createRng } from '../../../src/core/random';
import { exactPacking, relocationInstance } from '../../bench/relocation.bench';

let highs: Highs;
const load = async () => (highs ??= await highsLoader());

/** A random instance: costs by distance plus a per-destination price, some arcs forbidden. */
function instance(seed: number, V: number, D: number, k = D, room = 200): AssignmentInput & { costs: Float64Array } {
  const rng = createRng(seed);
  const rand = () => rng.next();
  const people = Float64Array.from({ length: V }, () => 10 + Math.floor(rand() * 90));
  const capacity = Float64Array.from({ length: D }, () => Math.floor(rand() * room));
  const costs = new Float64Array(V * D);
  for (let i = 0; i < costs.length; i++) costs[i] = rand() < 0.15 ? Infinity : Math.round(rand() * 1000) * people[(i / D) | 0];
  return {
    people,
    capacity,
    costs,
    cost: (v, d) => costs[v * D + d],
    candidates: (v) => Array.from({ length: D }, (_, d) => d).sort((a, b) => costs[v * D + a] - costs[v * D + b]).slice(0, k),
  };
}

/** Exhaustive optimum: most people placed first, then least cost. */
function bruteForce(input: AssignmentInput): { placed: number; cost: number } {
  const V = input.people.length;
  const D = input.capacity.length;
  let best = { placed: -1, cost: Infinity };
  const load = new Float64Array(D);
  const walk = (v: number, placed: number, cost: number) => {
    if (v === V) {
      if (placed > best.placed || (placed === best.placed && cost < best.cost)) best = { placed, cost };
      return;
    }
    walk(v + 1, placed, cost);
    for (let d = 0; d < D; d++) {
      const c = input.cost(v, d);
      if (!Number.isFinite(c) || load[d] + input.people[v] > input.capacity[d]) continue;
      load[d] += input.people[v];
      walk(v + 1, placed + input.people[v], cost + c);
      load[d] -= input.people[v];
    }
  };
  walk(0, 0, 0);
  return best;
}

const placedOf = (input: AssignmentInput, dest: Int32Array) => Array.from(dest).reduce((s, d, v) => s + (d >= 0 ? input.people[v] : 0), 0);

describe('solveAssignment', () => {
  it('finds the brute-force optimum on small random instances, even from pruned arcs', async () => {
    const h = await load();
    for (let seed = 1; seed <= 40; seed++) {
      const input = instance(seed, 6, 3, seed % 2 === 0 ? 1 : 3);
      const solution = solveAssignment(h, input, { relGap: 1e-9 });
      const best = bruteForce(input);
      expect(solution.status).toBe('optimal');
      expect(checkAssignment(input, solution.destination, solution.cost).ok).toBe(true);
      expect(placedOf(input, solution.destination)).toBe(best.placed);
      expect(solution.cost).toBeCloseTo(best.cost, 3);
      expect(solution.pricing.complete).toBe(true);
      expect(solution.placed).toBe(best.placed);
      expect(solution.maxPlaced).toBe(best.placed);
      expect(solution.provenGap).toBeLessThanOrEqual(1e-9);
      expect(solution.lowerBound).toBeLessThanOrEqual(best.cost + 1e-6 * Math.abs(best.cost));
    }
  });

  it('never exceeds capacity and never costs more when capacity is added', async () => {
    const h = await load();
    for (let seed = 100; seed < 120; seed++) {
      const input = instance(seed, 20, 5, 2, 800);
      const before = solveAssignment(h, input, { relGap: 1e-9 });
      expect(checkAssignment(input, before.destination).ok).toBe(true);
      const more = { ...input, capacity: input.capacity.map((c, d) => c + (d === seed % 5 ? 150 : 0)) };
      const after = solveAssignment(h, more, { relGap: 1e-9 });
      expect(checkAssignment(more, after.destination).ok).toBe(true);
      const placedBefore = placedOf(input, before.destination);
      const placedAfter = placedOf(more, after.destination);
      expect(placedAfter).toBeGreaterThanOrEqual(placedBefore);
      if (placedAfter === placedBefore) expect(after.cost).toBeLessThanOrEqual(before.cost + 1e-6);
    }
  });

  it('accepts a placement within the set gap of the full problem, never worse than that', async () => {
    const h = await load();
    for (let seed = 200; seed < 205; seed++) {
      const input = instance(seed, 120, 12, 4, 1500);
      const exact = solveAssignment(h, input, { relGap: 1e-9 });
      const quick = solveAssignment(h, input, { relGap: 0.02 });
      expect(checkAssignment(input, quick.destination, quick.cost).ok).toBe(true);
      expect(quick.status).toBe('optimal');
      expect(quick.pricing.complete).toBe(true);
      expect(placedOf(input, quick.destination)).toBe(placedOf(input, exact.destination));
      expect(quick.cost).toBeLessThanOrEqual(exact.cost * 1.02 + 1e-6);
      expect(quick.cost).toBeGreaterThanOrEqual(exact.cost - 1e-6);
    }
  });

  it('adds back pruned arcs the duals price in, and bounds the full problem', async () => {
    const h = await load();
    // Two villages, two destinations; each village's only starting arc is the dear one.
    const costs = [100, 1, 100, 1];
    const input: AssignmentInput = { people: Float64Array.of(5, 5), capacity: Float64Array.of(10, 10), cost: (v, d) => costs[v * 2 + d], candidates: () => [0] };
    const s = solveAssignment(h, input);
    expect(Array.from(s.destination)).toEqual([1, 1]);
    expect(s.pricing.added).toBe(2);
    expect(s.cost).toBe(2);
    expect(s.lowerBound).toBeCloseTo(2);
    expect(s.provenGap).toBeCloseTo(0);
    expect(s.status).toBe('optimal');
  });

  it('leaves a village unassigned when no destination has room, and the checker catches overfull ones', async () => {
    const h = await load();
    const input: AssignmentInput = { people: Float64Array.of(50, 30), capacity: Float64Array.of(40), cost: () => 1, candidates: () => [0] };
    const s = solveAssignment(h, input);
    expect(Array.from(s.destination)).toEqual([-1, 0]);
    const bad = checkAssignment(input, Int32Array.of(0, 0));
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatch(/destination 0: 80 people, free capacity 40/);
    expect(checkAssignment(input, Int32Array.of(-1, 0), 5).problems[0]).toMatch(/reported cost 5/);
  });

  it('places the most people first when capacity is short, as many as brute force', async () => {
    const h = await load();
    for (let seed = 40; seed < 52; seed++) {
      const input = relocationInstance(seed, 8, 3, 0.6 + 0.05 * (seed % 6));
      const s = solveAssignment(h, input, { relGap: 1e-9 });
      const best = bruteForce(input);
      expect(checkAssignment(input, s.destination, s.cost).ok).toBe(true);
      expect(s.placed).toBe(placedOf(input, s.destination));
      expect(s.placed).toBe(best.placed);
      // Every bound (the relaxation's, HiGHS's, the knapsack one) is below the true optimum.
      expect(s.lowerBound).toBeLessThanOrEqual(best.cost + 1e-6 * Math.abs(best.cost));
      if (s.status === 'optimal') {
        expect(s.maxPlaced).toBe(best.placed);
        expect(s.cost).toBeLessThanOrEqual(best.cost * (1 + 1e-9) + 1e-6);
      } else expect(s.status).toBe('limit');
    }
  }, 120_000);

  it('proves the most people placeable at short capacity by re-packing destinations exactly, and the cost by a knapsack bound', async () => {
    const h = await load();
    // Before the per-destination subset-sum re-pack, 21 people stayed below the relaxation's
    // bound here and the maximum was not proven. A tiny node limit keeps stage 2 cheap.
    const input = relocationInstance(2026, 300, 40, 0.9);
    const s = solveAssignment(h, input, { relGap: 0.01, maxNodes: 1 });
    expect(checkAssignment(input, s.destination, s.cost).ok).toBe(true);
    expect(Number.isFinite(s.maxPlaced)).toBe(true);
    expect(s.placed).toBe(s.maxPlaced);
    let allowed = 0;
    for (let d = 0; d < input.destinations; d++) if (Number.isFinite(input.cost(0, d))) allowed += input.capacity[d];
    expect(s.placed).toBeLessThanOrEqual(allowed);
    // Then the cost within 1%: the relaxation's bound stops 1.1% short (it fills every
    // destination with fractions of villages); the knapsack bound proves it without HiGHS's
    // integer search.
    expect(s.status).toBe('optimal');
    expect(s.provenGap).toBeLessThanOrEqual(0.01);
  }, 120_000);

  it('finds a whole-village packing that fills every destination exactly when one exists', async () => {
    const h = await load();
    // 33 villages split into 22 groups, each destination exactly as large as its group: everyone
    // can be placed, but only by that packing (or one as tight). Before the annealing search,
    // 153 people stayed over with seed 5; with it, 6 of these 8 seeds still left 50–70 over.
    for (let seed = 1; seed <= 8; seed++) {
      const input = exactPacking(seed);
      const s = solveAssignment(h, input, { relGap: 0.01 });
      expect(checkAssignment(input, s.destination, s.cost).ok).toBe(true);
      const total = input.people.reduce((a, b) => a + b, 0);
      expect(s.placed, `seed ${seed}`).toBe(total);
      expect(s.maxPlaced).toBe(total);
    }
  }, 120_000);

  it('proves a placement within 1% at capacity 1.05× by re-partitioning pairs of destinations', async () => {
    const h = await load();
    // Before the exact two-destination re-partition, the swap search and HiGHS's root ended
    // 1.47% above the bound here (status 'limit').
    const input = relocationInstance(2026, 300, 40, 1.05);
    const s = solveAssignment(h, input, { relGap: 0.01 });
    expect(checkAssignment(input, s.destination, s.cost).ok).toBe(true);
    expect(s.placed).toBe(input.totalPeople);
    expect(s.status).toBe('optimal');
    expect(s.provenGap).toBeLessThanOrEqual(0.01);
  }, 120_000);

  it("says 'optimal' only within relGap of the full problem's bound", async () => {
    const h = await load();
    for (const [seed, ratio, relGap] of [
      [21, 0.9, 0.01],
      [22, 1.05, 0.01],
      [23, 1.3, 0.01],
      [24, 1.05, 1e-3],
      [25, 0.95, 1e-4],
    ] as const) {
      const input = relocationInstance(seed, 60, 8, ratio);
      const s = solveAssignment(h, input, { relGap });
      expect(checkAssignment(input, s.destination, s.cost).ok).toBe(true);
      expect(['optimal', 'limit']).toContain(s.status);
      if (s.status === 'optimal') {
        expect(s.provenGap).toBeLessThanOrEqual(relGap);
        expect(s.placed).toBe(s.maxPlaced);
      }
      expect(s.cost - s.lowerBound).toBeCloseTo(s.provenGap * s.cost, 3);
    }
  }, 120_000);

  it('gives the same answer every time, and never a final one when the safety net stops it', async () => {
    const h = await load();
    for (const ratio of [0.9, 1.05]) {
      const input = relocationInstance(31, 60, 8, ratio);
      const a = solveAssignment(h, input, { relGap: 0.01 });
      const b = solveAssignment(h, input, { relGap: 0.01 });
      expect(Buffer.from(a.destination.buffer).equals(Buffer.from(b.destination.buffer))).toBe(true);
      const strip = (s: typeof a) => ({ ...s, destination: null, elapsedMs: 0 });
      expect(strip(b)).toEqual(strip(a));
      const rushed = solveAssignment(h, input, { relGap: 0.01, safetyTimeLimitS: 1e-9 });
      expect(rushed.status).toBe('unfinished');
      expect(checkAssignment(input, rushed.destination, rushed.cost).ok).toBe(true);
    }
  }, 120_000);
});

