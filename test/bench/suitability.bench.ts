/**
 * Suitability kernels on a seeded synthetic 4,000 × 4,000 grid (16 Mcells), one thread, median
 * of 5 runs after one untimed run:
 * - the weighted overlay of 8 criterion scores with an exclusion mask (issue target ≤ 150 ms);
 * - one transform (fuzzy Small of a distance-like field with +Infinity beyond 5 km and a NaN
 *   corner) into 0–100 scores;
 * - 8-connected labelling of the overlay thresholded at 60.
 * Criteria are smooth fields (sums of separable waves) so that scores, exclusions and regions
 * have the spatial coherence of real rasters.
 */
import { createRng } from '../../src/core/random';
import { weightedOverlay } from '../../src/core/suitability/overlay';
import { labelComponents } from '../../src/core/suitability/regions';
import { applyTransform, type Transform } from '../../src/core/suitability/transforms';
import type { BenchResult } from './types';
import { RUNS, median, timeMedian } from './timing';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { SuitabilityEngine } from '../../src/core/suitability/engine';
import { defaultRules, presetModel } from '../../src/core/suitability/presets';
import { demoSuitabilityInputs } from './demo-suitability';

const SIDE = 4000;
const CELLS = SIDE * SIDE;


/** A smooth field in [0, 1]: the mean of three separable waves with seeded frequencies and phases. */
function smoothField(seed: number): Float32Array {
  const rng = createRng(seed);
  const rows: Float64Array[] = [];
  const cols: Float64Array[] = [];
  for (let k = 0; k < 3; k++) {
    const fr = rng.range(0.5, 6) * (2 * Math.PI / SIDE);
    const fc = rng.range(0.5, 6) * (2 * Math.PI / SIDE);
    const pr = rng.range(0, 2 * Math.PI);
    const pc = rng.range(0, 2 * Math.PI);
    rows.push(Float64Array.from({ length: SIDE }, (_, r) => Math.sin(r * fr + pr)));
    cols.push(Float64Array.from({ length: SIDE }, (_, c) => Math.cos(c * fc + pc)));
  }
  const out = new Float32Array(CELLS);
  for (let r = 0; r < SIDE; r++) {
    const a = rows[0][r], b = rows[1][r], c = rows[2][r];
    const c0 = cols[0], c1 = cols[1], c2 = cols[2];
    for (let col = 0, i = r * SIDE; col < SIDE; col++, i++) out[i] = 0.5 + (a * c0[col] + b * c1[col] + c * c2[col]) / 6;
  }
  return out;
}

export async function benchSuitability(): Promise<BenchResult[]> {
  // Eight criterion scores 0–100; criterion 0 has no data along a 100-cell strip at the west edge.
  const scores: Uint8Array[] = [];
  for (let k = 0; k < 8; k++) {
    const f = smoothField(100 + k);
    const s = new Uint8Array(CELLS);
    for (let i = 0; i < CELLS; i++) s[i] = Math.round(f[i] * 100);
    scores.push(s);
  }
  for (let r = 0; r < SIDE; r++) scores[0].fill(255, r * SIDE, r * SIDE + 100);
  // Exclusion: where another smooth field is high (about a fifth of the grid, in blobs).
  const ex = smoothField(200);
  const exclusion = new Uint8Array(CELLS);
  for (let i = 0; i < CELLS; i++) exclusion[i] = ex[i] > 0.7 ? 1 : 0;
  const weights = [0.25, 0.2, 0.15, 0.1, 0.1, 0.08, 0.07, 0.05];
  const overlayOut = new Uint8Array(CELLS);
  const overlay = timeMedian(() => weightedOverlay(scores, weights, exclusion, overlayOut, 0, CELLS));

  // Distance-like criterion in metres: 0–8 km, +Infinity beyond 5 km ("farther than the maximum
  // distance"), NaN in the north-west 500 × 500 corner.
  const d = smoothField(300);
  const distanceM = new Float32Array(CELLS);
  for (let i = 0; i < CELLS; i++) {
    const m = d[i] * 8000;
    distanceM[i] = m > 5000 ? Infinity : m;
  }
  for (let r = 0; r < 500; r++) distanceM.fill(NaN, r * SIDE, r * SIDE + 500);
  const small: Transform = { kind: 'small', mid: 1500, spread: 4 };
  const transformOut = new Uint8Array(CELLS);
  const transform = timeMedian(() => applyTransform(small, distanceM, transformOut, 0, CELLS));

  const mask = new Uint8Array(CELLS);
  for (let i = 0; i < CELLS; i++) mask[i] = overlayOut[i] !== 255 && overlayOut[i] >= 60 ? 1 : 0;
  const labels = new Int32Array(CELLS);
  let regions = 0;
  const label = timeMedian(() => {
    regions = labelComponents(mask, SIDE, SIDE, 8, labels).count;
  });

  return [
    { name: 'suitability: weighted overlay, 8 criteria + exclusion, 4,000 × 4,000', value: overlay.value, unit: 'ms', target: '≤ 150 ms', runs: overlay.runs },
    { name: 'suitability: transform (fuzzy Small of a distance field), 16 Mcells', value: transform.value, unit: 'ms', target: '≤ 60 ms', runs: transform.runs },
    { name: `suitability: label regions (8-connected, score ≥ 60), 16 Mcells, ${regions.toLocaleString('en')} regions`, value: label.value, unit: 'ms', runs: label.runs },
    ...(await benchDemoModel()),
  ];
}

/**
 * The whole engine on the demo county (1,667 × 1,334 cells, the relocation preset), in one
 * thread: the first run (criteria, rule masks, overlay, regions) and a run after one weight
 * changed (the overlay, regions and their description; rasters come from the cache).
 */
async function benchDemoModel(): Promise<BenchResult[]> {
  const inputs = await demoSuitabilityInputs();
  const first: number[] = [];
  const edit: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const engine = new SuitabilityEngine(inputs);
    const model = presetModel('relocation');
    let t0 = performance.now();
    await engine.evaluate(model, defaultRules(), defaultExposureParams());
    first.push(performance.now() - t0);
    model.criteria[0].weight += 5;
    t0 = performance.now();
    await engine.evaluate(model, defaultRules(), defaultExposureParams());
    edit.push(performance.now() - t0);
  }
  return [
    { name: 'suitability engine, demo county, relocation preset: first run', value: median(first), unit: 'ms', runs: first },
    { name: 'suitability engine, demo county: run after one weight changed', value: median(edit), unit: 'ms', runs: edit },
  ];
}
