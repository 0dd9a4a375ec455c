/**
 * Hazard exposure (issue 4 target): 100k village points × 20k hazard polygons of 65 vertices
 * (10% with a hole, 5% with a second part) over a 60 km square, buffers 0–300 m: every hit
 * and its distance to the hazard's edge, in one thread, ≤ 0.5 s. Median of 5 runs after one
 * untimed run.
 */
import { computeExposure } from '../../src/core/exposure/engine';
import { syntheticPoints, syntheticPolygons, type SyntheticOptions } from '../core/exposure/synthetic';
import type { BenchResult } from './types';
import { timeMedian } from './timing';

export async function benchExposure(): Promise<BenchResult[]> {
  const options: SyntheticOptions = { seed: 4, side: 60_000, polygons: 20_000, vertices: 64, radius: 120, holes: 0.1, multi: 0.05, points: 100_000 };
  const hazards = syntheticPolygons(options);
  const points = syntheticPoints(options);
  let hits = 0;
  const { value, runs } = timeMedian(() => {
    hits = computeExposure([hazards], points).hazard.length;
  });
  return [{ name: `exposure: 100k points × 20k polygons (65 vertices), ${hits.toLocaleString('en')} hits`, value, unit: 'ms', target: '≤ 500 ms', runs }];
}
