import { describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { classify, moveCost, repairCost, runScenario, type DestinationFacts, type RelocationFacts, type RelocationScenario, type VillageFacts } from '../../../src/core/relocation/analysis';
import { defaultPolicy } from '../../../src/core/relocation/policy';

let highs: Highs;
const load = async () => (highs ??= await highsLoader());

function village(id: string, patch: Partial<VillageFacts> = {}): VillageFacts {
  return {
    id, name: id, township: 'A', county: 'C', lngLat: [120, 28], population: 100, households: 30, lowIncomePersons: 20, lowIncomeHouseholds: 6,
    houseGradeC: 4, houseGradeD: 1, elevationM: 300, hazards: [], before: { town: 20, school: 10, clinic: 10 }, ...patch,
  };
}
function destination(id: string, patch: Partial<DestinationFacts> = {}): DestinationFacts {
  return { id, name: id, type: 'central_village', township: 'A', county: 'C', lngLat: [120.1, 28.1], capacity: 300, used: 100, landCostPerM2: NaN, hazards: [], services: { town: 10, school: 0, clinic: 0 }, ...patch };
}
const high = { id: 'H1', type: 'landslide', level: 3, distanceM: 0, zone: true };
function scenario(patch: Partial<RelocationScenario> = {}): RelocationScenario {
  return { id: 's', name: 's', policy: defaultPolicy(), capacities: {}, overrides: {}, ...patch };
}

describe('eligibility', () => {
  const rules = defaultPolicy().rules;
  it('gives each rule its reason and the right status', () => {
    expect(classify(village('a', { hazards: [high] }), rules)).toEqual({ status: 'must', reasons: [{ code: 'hazard_high', params: { id: 'H1', m: 0 } }] });
    // A high-risk polygon's buffer is a warning, not the zone; a medium one counts within the set distance.
    expect(classify(village('b', { hazards: [{ ...high, zone: false, distanceM: 80 }] }), rules).status).toBe('stay');
    expect(classify(village('c', { hazards: [{ ...high, level: 2, zone: false, distanceM: 40 }] }), rules).reasons[0].code).toBe('hazard_medium');
    expect(classify(village('d', { hazards: [{ ...high, level: 2, zone: false, distanceM: 60 }] }), rules).status).toBe('stay');
    expect(classify(village('e', { hazards: [{ ...high, type: 'reservoir', level: 1 }] }), rules).reasons[0].code).toBe('reservoir');
    // Floods are not counted by default; they are once the planner adds them.
    expect(classify(village('f', { hazards: [{ ...high, type: 'flood' }] }), rules).status).toBe('stay');
    expect(classify(village('f', { hazards: [{ ...high, type: 'flood' }] }), { ...rules, hazardTypes: [...rules.hazardTypes, 'flood'] }).status).toBe('must');
    expect(classify(village('g', { elevationM: 900, before: { town: 75, school: 0, clinic: 0 } }), rules)).toEqual({ status: 'must', reasons: [{ code: 'high_remote', params: { elevation: 900, minutes: 75 } }] });
    expect(classify(village('h', { elevationM: 900 }), rules).reasons[0].code).toBe('high');
    expect(classify(village('i', { before: { town: Infinity, school: 0, clinic: 0 } }), rules).reasons[0]).toEqual({ code: 'remote', params: { minutes: '∞' } });
    expect(classify(village('j', { lowIncomeHouseholds: 13, households: 30 }), rules)).toEqual({ status: 'may', reasons: [{ code: 'key_village', params: { share: 43 } }] });
  });
});

describe('cost model', () => {
  it('adds up subsidy, housing, land, infrastructure, demolition and moving, split public/household', () => {
    const p = defaultPolicy().cost;
    const v = village('a');
    const d = destination('d', { landCostPerM2: 300 });
    const c = moveCost(v, d, 30, p);
    expect(c.subsidy).toBe(20 * 30_000 + 80 * 10_000);
    expect(c.construction).toBe((20 * 25 + 80 * 35) * 1900);
    expect(c.land).toBe(30 * 60 * 300);
    expect(c.infrastructure).toBe(30 * 20_000);
    expect(c.demolition).toBe(30 * 15_000);
    expect(c.moving).toBe(30 * (2000 + 20 * 30));
    const gap = c.construction + c.moving - c.subsidy;
    expect(c.household).toBe(gap);
    expect(c.public).toBe(c.subsidy + c.land + c.infrastructure + c.demolition);
    expect(c.total).toBeCloseTo(c.public + c.household);
    // Half the gap paid publicly.
    expect(moveCost(v, d, 30, { ...p, householdShare: 0.5 }).public).toBeCloseTo(c.public + gap / 2);
    // The table's land price when the settlement has none.
    expect(moveCost(v, destination('e'), 30, p).land).toBe(30 * 60 * 200);
  });

  it('prices repair in place, except in a hazard zone', () => {
    const p = defaultPolicy().cost;
    expect(repairCost(village('a'), p)).toBe(4 * 10_000 + 1 * 80_000);
    expect(repairCost(village('b', { hazards: [high] }), p)).toBeNull();
  });
});

function facts(villages: VillageFacts[], destinations: DestinationFacts[], od: number[]): RelocationFacts {
  return { villages, destinations, od: Float32Array.from(od), travel: { cellM: 90, width: 1, height: 1, elapsedMs: 0 }, industry: { sites: [], minutes: new Float32Array(0) } };
}

describe('runScenario', () => {
  it('assigns must-move villages within capacity, forbids hazard destinations and explains the choice', async () => {
    const h = await load();
    const f = facts(
      [village('a', { hazards: [high], population: 150 }), village('b', { hazards: [high], population: 120 }), village('c')],
      [destination('near', { capacity: 250 }), destination('far'), destination('risky', { hazards: [{ ...high, id: 'H9', zone: false, distanceM: 20 }] })],
      [10, 60, 5, 10, 60, 5, 10, 60, 5],
    );
    const r = runScenario(h, f, scenario());
    expect(r.villages.map((v) => v.status)).toEqual(['must', 'must', 'stay']);
    // 'near' has 150 free: only one of them fits; the larger village takes it (cheaper in total).
    const dests = r.villages.map((v) => v.destination);
    expect(dests[2]).toBe(-1);
    expect(new Set(dests.slice(0, 2))).toEqual(new Set([0, 1]));
    expect(r.destinations[0].assigned).toBeLessThanOrEqual(150);
    const pushed = r.villages[dests[0] === 1 ? 0 : 1];
    expect(pushed.alternatives.map((a) => [f.destinations[a.destination].id, a.why])).toEqual(expect.arrayContaining([['risky', 'hazard'], ['near', 'capacity']]));
    expect(r.indicators.peopleMoved).toBe(270);
    expect(r.indicators.peopleStillExposed).toBe(0);
    expect(r.solver.status).toBe('optimal');
    expect(r.solver.pricing.complete).toBe(true);
  });

  it('offers a new site with capacity from its area, unless the scenario turns new sites off', async () => {
    const h = await load();
    const f = facts([village('a', { hazards: [high], population: 250 })], [destination('site', { type: 'new_site', capacity: 0, used: 0, areaHa: 2 })], [10]);
    const on = runScenario(h, f, scenario());
    expect(on.destinations[0].capacity).toBe(300);
    expect(on.villages[0].destination).toBe(0);
    const policy = defaultPolicy();
    policy.assignment.useNewSites = false;
    const off = runScenario(h, f, scenario({ policy }));
    expect(off.destinations[0].capacity).toBe(0);
    expect(off.villages[0].destination).toBe(-1);
  });

  it('reports which destination is short and by how many people', async () => {
    const h = await load();
    const f = facts([village('a', { hazards: [high], population: 400 })], [destination('only', { capacity: 300, used: 0 })], [10]);
    const r = runScenario(h, f, scenario());
    expect(r.villages[0].destination).toBe(-1);
    expect(r.villages[0].alerts[0]).toMatchObject({ code: 'unassigned' });
    expect(r.shortages).toEqual([{ destination: 0, shortBy: 100, villages: ['a'] }]);
    // More capacity makes it feasible.
    expect(runScenario(h, f, scenario({ capacities: { only: 400 } })).villages[0].destination).toBe(0);
  });

  it('keeps an override, alerts when it overfills or breaks a rule, and updates totals without solving', async () => {
    const h = await load();
    const f = facts(
      [village('a', { hazards: [high], population: 150 }), village('b', { hazards: [high], population: 120 })],
      [destination('near', { capacity: 250 }), destination('far'), destination('risky', { hazards: [{ ...high, id: 'H9' }] })],
      [10, 60, 5, 10, 60, 5],
    );
    const base = runScenario(h, f, scenario());
    const overrides = { a: { destination: 'risky', note: '村民意愿' }, b: { destination: 'risky', note: '' } };
    const quick = runScenario(null, f, scenario({ overrides }), { keep: Int32Array.from(base.villages, (v) => v.destination) });
    expect(quick.villages.map((v) => v.destination)).toEqual([2, 2]);
    expect(quick.villages[0].note).toBe('村民意愿');
    expect(quick.villages[0].alerts.map((a) => a.code)).toEqual(expect.arrayContaining(['destination_hazard', 'over_capacity']));
    expect(quick.destinations[2].alerts.find((a) => a.code === 'over_capacity')?.params.by).toBe(270 - 200);
    expect(quick.solver.status).toBe('none');
    // A full run keeps them fixed.
    expect(runScenario(h, f, scenario({ overrides })).villages.map((v) => v.destination)).toEqual([2, 2]);
    // A status override takes a village out of the move.
    const stay = runScenario(h, f, scenario({ overrides: { a: { status: 'repair', note: '' } } }));
    expect(stay.villages[0].moves).toBe(false);
    expect(stay.indicators.peopleStillExposed).toBe(150);
  });
});
