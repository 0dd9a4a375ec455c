/**
 * The relocation analysis on the demo county made messy the way a county's own files are:
 * villages without population, villages outside the DEM, a DEM with a hole of no data under
 * villages, settlements with a negative or missing capacity, an override onto a destination that
 * a re-import removed. Nothing is decided from missing data, every problem is named, and the
 * answer is the same on every run.
 */
import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { defaultExposureParams } from '../../../src/core/exposure/analysis';
import { runScenario } from '../../../src/core/relocation/analysis';
import { buildFacts } from '../../../src/core/relocation/facts';
import { dataHash, relocationFingerprint } from '../../../src/core/relocation/fingerprint';
import { defaultPolicy } from '../../../src/core/relocation/policy';
import { isGeographic, makeTransform } from '../../../src/core/crs';
import type { Column } from '../../../src/core/types';
import { demoSourceInputs } from '../../bench/demo-suitability';

async function messyCounty() {
  const { dem, layers } = await demoSourceInputs();
  const numbers = (columns: Column[], name: string) => (columns.find((c) => c.name === name) as Extract<Column, { type: 'number' }>).values;
  const villages = layers.find((l) => l.role === 'villages')!;
  const v = structuredClone(villages);
  const population = numbers(v.columns, 'population');
  population[0] = NaN;
  population[1] = 0;
  // Two villages copied from a web map 0.5° off (outside the DEM).
  v.geometry.coords[2 * 2] += 0.5;
  v.geometry.coords[2 * 3] += 0.5;
  const settlements = structuredClone(layers.find((l) => l.role === 'settlements')!);
  const capacity = numbers(settlements.columns, 'capacityPersons');
  capacity[0] = -100;
  capacity[1] = NaN;
  // A void in the DEM (no data, 1 km across) under a fifth village, as a merged tile set leaves.
  const holed = { ...dem, data: Float32Array.from(dem.data) };
  const [x, y] = makeTransform(villages.crs, dem.crs)(v.geometry.coords[8], v.geometry.coords[9]);
  const [ox, pw, , oy, , ph] = dem.transform;
  const col = Math.floor((x - ox) / pw);
  const row = Math.floor((y - oy) / ph);
  const r = Math.ceil(500 / Math.abs(pw));
  for (let j = row - r; j <= row + r; j++) for (let i = col - r; i <= col + r; i++) if (i >= 0 && j >= 0 && i < dem.width && j < dem.height) holed.data[j * dem.width + i] = NaN;
  return { dem: holed, layers: layers.map((l) => (l === villages ? v : l.role === 'settlements' ? settlements : l)) };
}

describe('relocation on messy county data', () => {
  it('names what is missing, never decides a move from it, and answers the same twice', async () => {
    const inputs = await messyCounty();
    const out = buildFacts(inputs, { travel: defaultPolicy().travel, hazards: defaultExposureParams() });
    if (!out.ok) throw new Error(out.problem.en);
    const { facts, warnings } = out;
    const zh = warnings.map((w) => w.zh).join('\n');
    expect(zh).toMatch(/2 个自然村没有 population|自然村没有 population/);
    expect(zh).toMatch(/1 个安置点（.+）的 capacityPersons（容量）为负数，按 0 计/);
    expect(zh).toMatch(/1 个安置点（.+）没有 capacityPersons（容量），按 0 计/);
    expect(zh).toMatch(/2 个自然村（.+、.+）在高程数据（DEM）范围外/);
    expect(facts.destinations[0].capacity).toBe(0);
    // The village over the void starts its trips from the hole's edge (its elevation is its own
    // field); had it no path, it would carry the gap rather than infinite minutes read as remote.
    const overVoid = facts.villages[4];
    expect(Number.isFinite(overVoid.before.town) || overVoid.gaps.length > 0).toBe(true);

    const highs = await highsLoader();
    const scenario = { id: 's', name: '方案', policy: defaultPolicy(), capacities: {}, overrides: { [facts.villages[5].id]: { destination: 'ST-REMOVED', note: '' } } };
    const first = runScenario(highs, facts, scenario);
    const status = (i: number) => first.villages[i].status;
    expect(status(0)).toBe('insufficient');
    expect(first.villages[0].reasons.map((r) => r.code)).toContain('no_population');
    expect(status(1)).toBe('insufficient');
    for (const i of [2, 3]) {
      expect(facts.villages[i].gaps).toContain('no_dem');
      // Outside the DEM: a hazard may still make it move; otherwise nothing is decided.
      expect(first.villages[i].status === 'insufficient' || first.villages[i].reasons.some((r) => r.code.startsWith('hazard') || r.code === 'reservoir')).toBe(true);
      expect(first.villages[i].reasons.some((r) => r.code === 'high_remote')).toBe(false);
    }
    expect(first.indicators.villagesInsufficient).toBeGreaterThanOrEqual(2);
    if (first.villages[5].moves) expect(first.villages[5].alerts.map((a) => a.code)).toContain('override_missing');

    const data = dataHash(inputs.dem, inputs.layers);
    const second = runScenario(highs, facts, scenario);
    const fp = (r: typeof first) => relocationFingerprint({ data, hazards: defaultExposureParams(), scenario }, facts, r);
    expect(fp(second)).toBe(fp(first));
    expect(Array.from(second.villages, (x) => x.destination)).toEqual(Array.from(first.villages, (x) => x.destination));
  }, 120_000);

  it('counts a village listed twice once, and names it (a county list imported over the demo, ~600 m off)', async () => {
    const { dem, layers } = await demoSourceInputs();
    const villages = layers.find((l) => l.role === 'villages')!;
    const single = buildFacts({ dem, layers }, { travel: defaultPolicy().travel, hazards: defaultExposureParams() });
    if (!single.ok) throw new Error(single.problem.en);
    // Five villages again in a second layer, as a web map gives them (GCJ-02, ~600 m off).
    const keep = [0, 1, 2, 3, 4];
    const copy = structuredClone(villages);
    copy.layerId = 'county-villages';
    copy.name = { zh: '县上报自然村', en: 'County villages' };
    expect(villages.geometry.kind).toBe('Point');
    const [dx, dy] = isGeographic(villages.crs) ? [0.0046, -0.0025] : [450, -280];
    copy.geometry = { ...copy.geometry, coords: Float64Array.from(keep.flatMap((i) => [villages.geometry.coords[2 * i] + dx, villages.geometry.coords[2 * i + 1] + dy])) };
    copy.columns = copy.columns.map((c) => (c.type === 'string' ? { ...c, values: keep.map((i) => c.values[i]) } : { ...c, values: Float64Array.from(keep, (i) => c.values[i]) }) as Column);
    const out = buildFacts({ dem, layers: [...layers, copy] }, { travel: defaultPolicy().travel, hazards: defaultExposureParams() });
    if (!out.ok) throw new Error(out.problem.en);
    expect(out.facts.villages.length).toBe(single.facts.villages.length);
    const people = (f: typeof out.facts) => f.villages.reduce((a, v) => a + v.population, 0);
    expect(people(out.facts)).toBe(people(single.facts));
    const names = keep.map((i) => single.facts.villages[i].name);
    const warning = out.warnings.map((w) => w.zh).find((w) => w.includes('出现两次'));
    expect(warning).toMatch(/^5 个自然村（.+）在自然村图层中出现两次/);
    for (const n of names) expect(warning).toContain(n);
    // The later layer's records are kept (at their own, shifted positions).
    for (const i of keep) {
      const kept = out.facts.villages.find((v) => v.name === single.facts.villages[i].name)!;
      expect(Math.hypot(kept.lngLat[0] - single.facts.villages[i].lngLat[0], kept.lngLat[1] - single.facts.villages[i].lngLat[1])).toBeGreaterThan(0.002);
    }
  }, 120_000);
});
