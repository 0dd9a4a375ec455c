import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { costDistance } from '../../../src/core/costdistance';
import { buildTravelGrid, coarseningFactor, toblerKmh, walkingPace } from '../../../src/core/relocation/travel';
import { defaultPolicy } from '../../../src/core/relocation/policy';
import { buildFacts } from '../../../src/core/relocation/facts';
import { runScenario, type RelocationScenario } from '../../../src/core/relocation/analysis';
import { checkAssignment } from '../../../src/core/relocation/assign';
import { defaultExposureParams } from '../../../src/core/exposure/analysis';
import type { ColumnarGeometry, Grid } from '../../../src/core/types';
import { demoSourceInputs } from '../../bench/demo-suitability';

const line = (pts: [number, number][]): ColumnarGeometry => ({ kind: 'LineString', coords: Float64Array.from(pts.flat()), geomOffsets: Uint32Array.of(0, 1), partOffsets: Uint32Array.of(0, pts.length), ringOffsets: new Uint32Array(0) });
const square = (x0: number, y0: number, x1: number, y1: number): ColumnarGeometry => ({ kind: 'Polygon', coords: Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0), geomOffsets: Uint32Array.of(0, 1), partOffsets: Uint32Array.of(0, 1), ringOffsets: Uint32Array.of(0, 5) });

describe('travel surface', () => {
  it('walks at Tobler speed: 6 km/h at −5%, 5.04 on the flat, slower on steep ground', () => {
    expect(toblerKmh(-0.05)).toBeCloseTo(6);
    expect(toblerKmh(0)).toBeCloseTo(5.0367, 3);
    // Flat ground off path at 0.6: 3.6 / (5.036 · 0.6) s/m.
    expect(walkingPace(0, 0.6)).toBeCloseTo(3.6 / (5.0367 * 0.6), 3);
    expect(walkingPace(30, 0.6)).toBeGreaterThan(3 * walkingPace(0, 0.6));
    expect(coarseningFactor(1667, 1334, 400_000)).toBe(3);
  });

  it('crosses a river only at a bridge, drives on roads, and keeps hazard zones one-way', () => {
    // 20×20 flat DEM of 30 m cells; a river down column 10; a road across row 3.
    const dem: Grid<Float32Array> = { width: 20, height: 20, data: new Float32Array(400).fill(100), transform: [0, 30, 0, 600, 0, -30], crs: 'EPSG:4549', nodata: null };
    const policy = defaultPolicy().travel;
    const river = line([[315, 600], [315, 0]]);
    const road = line([[0, 505], [600, 505]]);
    const grid = buildTravelGrid({ dem, geographic: false, roads: [{ geometry: road, classOf: Int8Array.of(0) }], barriers: [{ geometry: river }], hazards: [{ geometry: square(420, 180, 540, 300) }], maxCells: 1e6 }, { ...policy, hazardsImpassable: true });
    const at = (r: number, c: number) => r * 20 + c;
    expect(grid.pace[at(10, 10)]).toBe(Infinity);
    expect(grid.pace[at(3, 10)]).toBeCloseTo(3.6 / policy.roadKmh.village);
    // From (10, 5) to (10, 15): the only way over is the bridge on row 3.
    const r = costDistance(grid.pace, 20, 20, grid.cellM, [at(10, 5)], { noEntry: grid.noEntry! });
    const walk = walkingPace(0, policy.offPathFactor);
    expect(r.accumulated[at(10, 15)]).toBeGreaterThan(walk * 30 * 10);
    let c = at(10, 15);
    const path: number[] = [];
    while (c >= 0) { path.push(c); c = r.backlink[c]; }
    expect(path.some((x) => x === at(3, 10))).toBe(true);
    // The hazard zone (rows 10–13, cols 14–17) is left but never entered by trips toward the source.
    const fromInside = costDistance(grid.pace, 20, 20, grid.cellM, [at(11, 15)], { noEntry: grid.noEntry! });
    expect(Number.isFinite(fromInside.accumulated[at(11, 16)])).toBe(true);
    expect(fromInside.accumulated[at(11, 18)]).toBe(Infinity);
  });
});

describe('relocation on the demo county', () => {
  it('measures every village, and places every must-move one or says why not', async () => {
    const input = await demoSourceInputs();
    const policy = defaultPolicy();
    const newSites = [{ id: 'SITE-1', name: '新选址 #1', lngLat: [119.62, 28.2] as [number, number], areaHa: 12 }];
    const out = buildFacts({ ...input, newSites }, { travel: policy.travel, hazards: defaultExposureParams() });
    if (!out.ok) throw new Error(out.problem.en);
    const { facts } = out;
    expect(facts.villages).toHaveLength(749);
    expect(facts.destinations).toHaveLength(30);
    const site = facts.destinations[29];
    expect(site).toMatchObject({ id: 'SITE-1', type: 'new_site', areaHa: 12, used: 0 });
    expect(Number.isFinite(site.services.town)).toBe(true);
    let reached = 0;
    for (let v = 0; v < 749; v++) if (Number.isFinite(facts.od[v * 30 + 29])) reached++;
    expect(reached / 749).toBeGreaterThan(0.95);
    const reachable = facts.villages.filter((v) => Number.isFinite(v.before.town)).length;
    expect(reachable / facts.villages.length).toBeGreaterThan(0.95);
    const scenario: RelocationScenario = { id: 's', name: 's', policy, capacities: {}, overrides: {} };
    const r = runScenario(await highsLoader(), facts, scenario);
    const must = r.villages.filter((v) => v.status === 'must');
    expect(must.length).toBeGreaterThan(10);
    for (const v of must) expect(v.destination >= 0 || v.alerts.some((a) => a.code === 'unassigned')).toBe(true);
    // The solver's arcs as the checker sees them: capacities hold and the total adds up.
    const movers = r.villages.map((_, i) => i).filter((i) => r.villages[i].moves);
    const check = checkAssignment(
      { people: Float64Array.from(movers, (i) => facts.villages[i].population), capacity: Float64Array.from(r.destinations, (d) => d.free), cost: (k, d) => (r.villages[movers[k]].destination === d ? r.villages[movers[k]].cost!.total : 1), candidates: () => [] },
      Int32Array.from(movers, (i) => r.villages[i].destination),
      r.indicators.totalCost,
    );
    expect(check.problems).toEqual([]);
    expect(r.solver.pricing.complete).toBe(true);
  }, 60_000);

  it('makes only the counted hazard types one-way, so a flood zone along the valley does not cut towns off', async () => {
    const input = await demoSourceInputs();
    const policy = defaultPolicy();
    const travel = { ...policy.travel, hazardsImpassable: true };
    const townMinutes = (impassableTypes: string[]) => {
      const out = buildFacts(input, { travel, hazards: defaultExposureParams(), impassableTypes });
      if (!out.ok) throw new Error(out.problem.en);
      return out.facts.villages.map((v) => v.before.town);
    };
    const counted = townMinutes(policy.rules.hazardTypes);
    expect(counted.filter(Number.isFinite).length / counted.length).toBeGreaterThan(0.9);
    // Counting floods too closes the towns in the flood zone to trips from outside it.
    const withFlood = townMinutes([...policy.rules.hazardTypes, 'flood']);
    const longer = withFlood.filter((m, i) => m > counted[i] + 1).length;
    expect(longer).toBeGreaterThan(10);
  }, 60_000);
});
