import { describe, expect, it } from 'vitest';
import { accumulate, strahlerOrder } from '../../src/core/hydro/accumulation';
import { d8Receivers, receiverOrder } from '../../src/core/hydro/d8';
import { countPits, edgeCells, priorityFlood } from '../../src/core/terrain/priorityflood';
import { createRng } from '../../src/core/random';

describe('priorityFlood', () => {
  it('fills a pit to its spill level and leaves no interior pits', () => {
    // 5×5 bowl with a pit of 1 in the middle and a spill at 4 on the edge.
    const z = Float64Array.from([
      9, 9, 9, 9, 9,
      9, 5, 5, 5, 9,
      9, 5, 1, 5, 4,
      9, 5, 5, 5, 9,
      9, 9, 9, 9, 9,
    ]);
    priorityFlood(z, 5, 5, edgeCells(5, 5));
    expect(z[12]).toBe(5);
    expect(countPits(z, 5, 5, (i) => edgeCells(5, 5).includes(i), false)).toBe(0);
  });

  it('with ε gives every non-seed cell a strictly lower receiver on random terrain', () => {
    const rng = createRng(7);
    const w = 40;
    const h = 30;
    const z = Float64Array.from({ length: w * h }, () => rng.range(0, 100));
    const routing = priorityFlood(z, w, h, [0], { epsilon: 1e-3 });
    expect(routing.count).toBe(w * h);
    expect(countPits(z, w, h, (i) => i === 0, true)).toBe(0);
    for (let i = 1; i < w * h; i++) expect(z[routing.receiver[i]]).toBeLessThan(z[i]);
  });
});

describe('accumulation', () => {
  it('sums area downstream: the outlet collects every cell', () => {
    const rng = createRng(3);
    const w = 20;
    const h = 20;
    const z = Float64Array.from({ length: w * h }, () => rng.range(0, 10));
    priorityFlood(z, w, h, [w * h - 1], { epsilon: 1e-3 });
    const receiver = d8Receivers(z, w, h);
    const order = new Int32Array(w * h);
    const count = receiverOrder(receiver, order);
    expect(count).toBe(w * h);
    const area = accumulate(order, count, receiver, new Float64Array(w * h).fill(1), new Float64Array(w * h));
    expect(area[w * h - 1]).toBe(w * h);
    for (let i = 0; i < w * h; i++) if (receiver[i] !== i) expect(area[receiver[i]]).toBeGreaterThan(area[i]);
  });

  it('computes Strahler order at a confluence of two heads', () => {
    // Cells 0 and 2 drain to 1, which drains to 4 (outlet): a Y with order 2 below the junction.
    const receiver = Int32Array.from([1, 4, 1, 4, 4]);
    const order = Int32Array.from([4, 1, 3, 0, 2]);
    const channel = Uint8Array.from([1, 1, 1, 0, 1]);
    const s = strahlerOrder(order, 5, receiver, channel);
    expect(Array.from(s)).toEqual([1, 2, 1, 0, 2]);
  });
});
