/**
 * Accumulated cost distance with allocation on a county-sized grid: 4,000 × 4,000 cells of
 * 30 m, 50 sources, one thread, median of 5 runs after one untimed run.
 *
 * The grid is the one test/fixtures/costdistance/grass-bench.sh builds in GRASS: friction per
 * metre from a closed form (four triangle waves, 0.5–5), sources at row (k·797 + 13) mod 4000,
 * column (k·1601 + 29) mod 4000. GRASS 8.2 `r.cost` (8 neighbours, nearest= on, all segments in
 * memory) takes GRASS_MEDIAN_MS on it on this machine; the target is at least twice as fast.
 */
import { costDistance, createCostDistanceResult } from '../../src/core/costdistance';
import type { BenchResult } from './types';
import { timeMedian } from './timing';

export const SIDE = 4000;
export const CELL_M = 30;
export const SOURCE_COUNT = 50;
/** r.cost median (3 runs, memory=1000) on this machine: see test/fixtures/costdistance/README.md. */
const GRASS_MEDIAN_MS = 23_880;

/**
 * Friction per metre at 0-based (row, col), in the same operation order as the r.mapcalc
 * expression of grass-bench.sh, so both produce the same doubles.
 */
export function frictionAt(r: number, c: number): number {
  return (
    0.5 +
    1.5 * (Math.abs((r % 500) - 250) / 250.0) +
    1.0 * (Math.abs((c % 340) - 170) / 170.0) +
    1.25 * (Math.abs(((r + c) % 620) - 310) / 310.0) +
    0.75 * (Math.abs(((r - c + 4000) % 260) - 130) / 130.0)
  );
}

/** The benchmark friction grid, row-major. */
export function benchFriction(): Float64Array {
  const friction = new Float64Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) friction[r * SIDE + c] = frictionAt(r, c);
  return friction;
}

/** Source k (0-based) as a cell index; r.cost's nearest= numbers it k + 1. */
export function benchSources(): Int32Array {
  return Int32Array.from({ length: SOURCE_COUNT }, (_, k) => ((k * 797 + 13) % SIDE) * SIDE + ((k * 1601 + 29) % SIDE));
}

export async function benchCostDistance(): Promise<BenchResult[]> {
  const friction = benchFriction();
  const sources = benchSources();
  const out = createCostDistanceResult(SIDE * SIDE);
  const cost = timeMedian(() => costDistance(friction, SIDE, SIDE, CELL_M, sources, { out }));
  return [
    {
      name: `cost distance + allocation: 4,000 × 4,000 cells of 30 m, ${SOURCE_COUNT} sources (GRASS r.cost here: ${GRASS_MEDIAN_MS.toLocaleString('en')} ms)`,
      value: cost.value,
      unit: 'ms',
      target: `≤ ${(GRASS_MEDIAN_MS / 2).toLocaleString('en')} ms (half of GRASS r.cost)`,
      runs: cost.runs,
    },
  ];
}
