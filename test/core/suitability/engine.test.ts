import { describe, expect, it } from 'vitest';
import { defaultExposureParams } from '../../../src/core/exposure/analysis';
import { SuitabilityEngine } from '../../../src/core/suitability/engine';
import { inlineKernels, type GridKernels } from '../../../src/core/suitability/kernels';
import type { ExclusionRule, SuitabilityModel } from '../../../src/core/suitability/model';
import { defaultRules } from '../../../src/core/suitability/presets';
import { rankStability } from '../../../src/core/suitability/candidates';
import { transformValue } from '../../../src/core/suitability/transforms';
import { H, W, littleValley } from './little-valley';

const params = defaultExposureParams();
const rules = defaultRules();

function model(patch: Partial<SuitabilityModel> = {}): SuitabilityModel {
  return {
    id: 'm',
    preset: 'relocation',
    name: { zh: '测试', en: 'test' },
    criteria: [
      { id: 'slope', name: { zh: '坡度', en: 'Slope' }, source: { kind: 'slope' }, transform: { kind: 'ranges', breaks: [6, 15, 25], scores: [100, 70, 30, 0] }, weight: 50 },
      { id: 'road', name: { zh: '距路', en: 'Road' }, source: { kind: 'distance', target: { roles: ['roads'], where: { column: 'class', values: ['county'] } } }, transform: { kind: 'linear', from: 0, to: 1500, scoreFrom: 100, scoreTo: 0 }, weight: 50 },
    ],
    weighting: { mode: 'direct' },
    ruleIds: ['farmland', 'hazard', 'steep'],
    regions: { threshold: 80, minAreaHa: 1, connectivity: 8 },
    ...patch,
  };
}

/** Kernels that count their calls, to check what the engine caches. */
function countingKernels() {
  const inner = inlineKernels();
  const calls = { slope: 0, aspect: 0, distance: 0, overlay: 0 };
  const kernels: GridKernels = {
    slope: (...a) => (calls.slope++, inner.slope(...a)),
    aspect: (...a) => (calls.aspect++, inner.aspect(...a)),
    distance: (...a) => (calls.distance++, inner.distance(...a)),
    overlay: (...a) => (calls.overlay++, inner.overlay(...a)),
  };
  return { kernels, calls };
}

async function run(m = model(), r: ExclusionRule[] = rules, engine = new SuitabilityEngine(littleValley())) {
  const outcome = await engine.evaluate(m, r, params);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.en).join('; '));
  return { engine, result: outcome.result };
}

const at = (col: number, row: number) => row * W + col;

describe('suitability engine on a little valley', () => {
  it('scores flat land by the road 100 and falls off with distance', async () => {
    const { result } = await run();
    expect(result.score[at(5, 10)]).toBe(100);
    // 10 cells (300 m) from the road: slope 100, road 80 → 90.
    expect(result.score[at(15, 10)]).toBe(90);
    expect(result.weights).toEqual([0.5, 0.5]);
  });

  it('excludes farmland, the hazard with its 200 m buffer and slopes over 25°, and nothing else', async () => {
    const { result } = await run();
    expect(result.score[at(22, 5)]).toBe(0);
    expect(result.exclusion![at(22, 5)]).toBe(1);
    expect(result.exclusion![at(24, 31)]).toBe(1); // 165 m from the landslide's edge
    expect(result.exclusion![at(22, 31)]).toBe(0); // 225 m away
    expect(result.exclusion![at(45, 10)]).toBe(1); // ~34°
    expect(result.exclusion![at(40, 10)]).toBe(0); // 18° at the foot of the slope
    expect(result.score[at(40, 10)]).toBeGreaterThan(0);
    const byId = Object.fromEntries(result.rules.map((r) => [r.id, r]));
    expect(byId.farmland.cells).toBe(50);
    expect(byId.steep.features).toBe(0);
    expect(byId.hazard.features).toBe(1);
  });

  it('marks cells without DEM data as no data (255), never excluded', async () => {
    const { result } = await run();
    expect(result.score[at(W - 1, H - 1)]).toBe(255);
    expect(result.nodataCells).toBe(1);
    expect(result.exclusion![at(W - 1, H - 1)]).toBe(0);
  });

  it('keeps every score within its criteria scores, and excluded cells at 0', async () => {
    const { engine, result } = await run();
    const slope = await engine.criterionValues({ kind: 'slope' });
    const road = await engine.criterionValues(model().criteria[1].source);
    const m = model();
    for (let i = 0; i < W * H; i++) {
      if (result.score[i] === 255) continue;
      if (result.exclusion![i]) {
        expect(result.score[i]).toBe(0);
        continue;
      }
      const a = Math.round(transformValue(m.criteria[0].transform, slope[i]));
      const b = Math.round(transformValue(m.criteria[1].transform, road[i]));
      expect(result.score[i]).toBeGreaterThanOrEqual(Math.min(a, b));
      expect(result.score[i]).toBeLessThanOrEqual(Math.max(a, b));
    }
  });

  it('finds and ranks candidate regions with their area, distances and hazard check', async () => {
    const { result } = await run();
    expect(result.regions.length).toBeGreaterThan(0);
    const best = result.regions[0];
    expect(best.rank).toBe(1);
    expect(result.regionOf[at(5, 10)]).toBe(1);
    expect(best.areaHa).toBeCloseTo(best.cells * 0.09, 9);
    expect(best.roadM).toBe(0);
    expect(best.hazard.status).toBe(0);
    let cells = 0;
    for (let i = 0; i < W * H; i++) if (result.regionOf[i] === 1) cells++;
    expect(cells).toBe(best.cells);
    for (let i = 0; i < W * H; i++) if (result.regionOf[i] > 0) expect(result.score[i]).toBeGreaterThanOrEqual(80);
    for (let k = 1; k < result.regions.length; k++) expect(result.regions[k].meanScore).toBeLessThanOrEqual(result.regions[k - 1].meanScore);
  });

  it('reports a region that overlaps a hazard when the hazard rule is off', async () => {
    const m = model({ ruleIds: ['steep'], criteria: [model().criteria[0]], regions: { threshold: 90, minAreaHa: 1, connectivity: 8 } });
    const { result } = await run(m);
    const region = result.regions.find((r) => r.hazard.status === 2);
    expect(region).toBeDefined();
    expect(region!.hazard.insideHa).toBeCloseTo(9 * 0.09, 9);
  });

  it('explains a cell: value, score, weight and contribution of each criterion', async () => {
    const { engine, result } = await run();
    const e = (await engine.explainCell(15, 10))!;
    expect(e.criteria.map((c) => c.id)).toEqual(['slope', 'road']);
    expect(e.criteria[1].value).toBeCloseTo(300, 3);
    expect(e.criteria[1].score).toBeCloseTo(80, 6);
    const sum = e.criteria.reduce((s, c) => s + c.contribution, 0);
    expect(Math.abs(sum - result.score[at(15, 10)])).toBeLessThanOrEqual(1);
    const excluded = (await engine.explainCell(22, 5))!;
    expect(excluded.excludedBy.map((r) => r.id)).toEqual(['farmland']);
    expect(await engine.explainCell(-1, 0)).toBeNull();
  });

  it('caches rasters: a weight change runs only the overlay, a rule change only that rule', async () => {
    const { kernels, calls } = countingKernels();
    const engine = new SuitabilityEngine(littleValley(), kernels);
    await run(model(), rules, engine);
    const before = { ...calls };
    const m = model();
    m.criteria[0].weight = 80;
    await run(m, rules, engine);
    expect(calls.distance).toBe(before.distance);
    expect(calls.slope).toBe(before.slope);
    expect(calls.overlay).toBe(before.overlay + 1);
    const wider = rules.map((r) => (r.id === 'farmland' ? { ...r, distanceM: 90 } : r));
    const { result } = await run(m, wider, engine);
    // Rule buffers run in windows around their features, not as full-grid transforms.
    expect(calls.distance).toBe(before.distance);
    // 90 m around the farmland is now excluded too.
    expect(result.exclusion![at(26, 5)]).toBe(1);
    expect(result.exclusion![at(29, 5)]).toBe(0);
  });

  it('warns when a criterion or rule finds no features', async () => {
    const m = model({ ruleIds: ['farmland', 'eco_redline'] });
    m.criteria.push({ id: 'clinic', name: { zh: '距医疗机构', en: 'Clinic' }, source: { kind: 'distance', target: { roles: ['clinics'] } }, transform: { kind: 'linear', from: 0, to: 1000, scoreFrom: 100, scoreTo: 0 }, weight: 10 });
    const { result } = await run(m);
    expect(result.warnings.map((w) => w.en).join(' ')).toMatch(/Clinic.*finds no target features/);
    expect(result.warnings.map((w) => w.en).join(' ')).toMatch(/Ecological protection red line.*excludes nothing/);
  });

  it('refuses a broken model with messages naming the criterion and field', async () => {
    const engine = new SuitabilityEngine(littleValley());
    const none = await engine.evaluate(model({ criteria: [] }), rules, params);
    expect(none.ok).toBe(false);
    const m = model();
    m.criteria[0].transform = { kind: 'ranges', breaks: [15, 6], scores: [1, 2, 3] };
    const bad = await engine.evaluate(m, rules, params);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].en).toMatch(/Slope/);
    const missingRule = await engine.evaluate(model({ ruleIds: ['nope'] }), rules, params);
    expect(!missingRule.ok && missingRule.problems[0].en).toMatch(/Rule "nope"/);
  });

  it('weights by AHP when the model says so', async () => {
    const { result } = await run(model({ weighting: { mode: 'ahp', pairwise: [3] } }));
    expect(result.weights[0]).toBeCloseTo(0.75, 9);
    expect(result.ahp!.cr).toBe(0);
  });

  it('rank stability is 1 for a region far ahead and counts every perturbation', () => {
    const regions = [
      { criterionMeans: [100, 100], cells: 10 },
      { criterionMeans: [50, 40], cells: 10 },
      { criterionMeans: [40, 50], cells: 10 },
    ] as unknown as Parameters<typeof rankStability>[0];
    const s = rankStability(regions, [0.5, 0.5]);
    expect(s[0]).toBe(1);
    // Regions 2 and 3 tie at equal weights and swap whenever a weight moves: kept half the time.
    expect(s[1]).toBeCloseTo(0.5, 9);
    expect(s[2]).toBeCloseTo(0.5, 9);
  });
});
