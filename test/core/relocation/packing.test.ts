import { describe, expect, it } from 'vitest';
import { packMost, type PackingInput } from '../../../src/core/relocation/packing';
import { createRng } from '../../../src/core/random';
import { exactPacking } from '../../bench/relocation.bench';

/** The most people placeable, by trying every destination (or none) for every village. */
function bruteForce(input: PackingInput): number {
  const V = input.people.length;
  const D = input.capacity.length;
  const load = new Float64Array(D);
  let best = 0;
  const walk = (v: number, placed: number) => {
    if (v === V) {
      best = Math.max(best, placed);
      return;
    }
    walk(v + 1, placed);
    for (let d = 0; d < D; d++) {
      if (!input.allowed(v, d) || load[d] + input.people[v] > input.capacity[d]) continue;
      load[d] += input.people[v];
      walk(v + 1, placed + input.people[v]);
      load[d] -= input.people[v];
    }
  };
  walk(0, 0);
  return best;
}

function placedOf(input: PackingInput, destination: Int32Array): number {
  const load = new Float64Array(input.capacity.length);
  let placed = 0;
  destination.forEach((d, v) => {
    if (d < 0) return;
    expect(input.allowed(v, d)).toBe(true);
    load[d] += input.people[v];
    placed += input.people[v];
  });
  load.forEach((l, d) => expect(l).toBeLessThanOrEqual(input.capacity[d]));
  return placed;
}

describe('packMost (bin completion)', () => {
  it('finds and proves the exact packing of every seeded 33 × 22 instance', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const input = exactPacking(seed);
      const allowed = (v: number, d: number) => Number.isFinite(input.cost(v, d));
      const total = input.people.reduce((a, b) => a + b, 0);
      const r = packMost({ ...input, allowed }, new Int32Array(33).fill(-1));
      expect(r.placed, `seed ${seed}`).toBe(total);
      expect(r.proven).toBe(true);
      expect(placedOf({ ...input, allowed }, r.destination)).toBe(total);
    }
  });

  it('places as many people as brute force, with allowed destinations, and its bound holds', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      const V = 8;
      const D = 3;
      const people = Float64Array.from({ length: V }, () => rng.int(20, 200));
      const capacity = Float64Array.from({ length: D }, () => rng.int(50, 400) + 0.5);
      const barred = Array.from({ length: V * D }, () => rng.next() < 0.3);
      const input: PackingInput = { people, capacity, allowed: (v, d) => !barred[v * D + d] };
      const best = bruteForce(input);
      const r = packMost(input, new Int32Array(V).fill(-1));
      expect(r.proven, `seed ${seed}`).toBe(true);
      expect(r.placed, `seed ${seed}`).toBe(best);
      expect(placedOf(input, r.destination)).toBe(best);
      expect(r.bound).toBe(best);
    }
  });

  it('keeps the start when it finds nothing better, and proves nothing when the work limit ends the search', () => {
    const input = exactPacking(3, 60, 12);
    const allowed = (v: number, d: number) => Number.isFinite(input.cost(v, d));
    const start = new Int32Array(60).fill(-1);
    start[0] = 0;
    const r = packMost({ ...input, allowed }, start, 0);
    expect(r.proven).toBe(false);
    expect(Array.from(r.destination)).toEqual(Array.from(start));
    expect(r.placed).toBe(input.people[0]);
    expect(r.bound).toBeGreaterThanOrEqual(r.placed);
    // Deterministic: the same input gives the same placement.
    const a = packMost({ ...input, allowed }, start);
    const b = packMost({ ...input, allowed }, start);
    expect(Array.from(a.destination)).toEqual(Array.from(b.destination));
  });
});
