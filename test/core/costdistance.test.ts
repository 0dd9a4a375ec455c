import { describe, expect, it } from 'vitest';
import { costDistance, tracePath } from '../../src/core/costdistance';

describe('costDistance', () => {
  it('matches hand-computed costs on a 3×3 grid', () => {
    // friction per metre, cell size 10 m; source at the top-left corner.
    const friction = [1, 1, 1, 1, 3, 1, 1, 1, 1];
    const r = costDistance(friction, 3, 3, 10, [0]);
    // Right neighbour: (1+1)/2·10 = 10; two steps right: 20.
    expect(r.accumulated[1]).toBeCloseTo(10);
    expect(r.accumulated[2]).toBeCloseTo(20);
    // Centre by the diagonal: (1+3)/2·10·√2 = 28.28 (cheaper than around: 10 + (1+3)/2·10 = 30).
    expect(r.accumulated[4]).toBeCloseTo(20 * Math.SQRT2);
    // Far corner avoids the expensive centre: right 10, diagonal 10·√2 to (2,1), down 10
    // = 34.14 (through the centre it would be 2·28.28).
    expect(r.accumulated[8]).toBeCloseTo(20 + 10 * Math.SQRT2);
    expect(r.allocation[8]).toBe(0);
    const path = new Int32Array(9);
    const n = tracePath(r.backlink, r.accumulated, 8, () => false, path);
    expect(Array.from(path.subarray(0, n))[n - 1]).toBe(0);
    expect(Array.from(path.subarray(0, n))).not.toContain(4);
  });

  it('allocates each cell to its nearest source and respects barriers', () => {
    const friction = [1, 1, Infinity, 1, 1];
    const r = costDistance(friction, 5, 1, 1, [0, 4]);
    expect(Array.from(r.allocation)).toEqual([0, 0, -1, 1, 1]);
    expect(r.accumulated[2]).toBe(Infinity);
  });
});
