import { describe, expect, it } from 'vitest';
import highsLoader, { type Highs } from 'highs';
import { checkDestination, classify, moveCost, repairCost, runScenario, type DestinationFacts, type RelocationFacts, type RelocationScenario, type VillageFacts } from '../../../src/core/relocation/analysis';
import { defaultPolicy } from '../../../src/core/relocation/policy';

let highs: Highs;
const load = async () => (highs ??= await highsLoader());

function village(id: string, patch: Partial<VillageFacts> = {}): VillageFacts {
  return {
    id, name: id, township: 'A', county: 'C', lngLat: [120, 28], population: 100, households: 30, lowIncomePersons: 20, lowIncomeHouseholds: 6,
    houseGradeC: 4, houseGradeD: 1, elevationM: 300, hazards: [], before: { town: 20, school: 10, clinic: 10 }, gaps: [], ...patch,
  };
}
function destination(id: string, patch: Partial<DestinationFacts> = {}): DestinationFacts {
  return { id, name: id, type: 'central_village', township: 'A', county: 'C', lngLat: [120.1, 28.1], capacity: 300, used: 100, landCostPerM2: NaN, hazards: [], services: { town: 10, school: 0, clinic: 0 }, ...patch };
}
const high = { id: 'H1', name: '后山滑坡', type: 'landslide', level: 3, distanceM: 0, zone: true };
function scenario(patch: Partial<RelocationScenario> = {}): RelocationScenario {
  return { id: 's', name: 's', policy: defaultPolicy(), capacities: {}, overrides: {}, ...patch };
}

describe('eligibility', () => {
  const rules = defaultPolicy().rules;
  it('gives each rule its reason and the right status', () => {
    expect(classify(village('a', { hazards: [high] }), rules)).toEqual({ status: 'must', reasons: [{ code: 'hazard_high', params: { name: '后山滑坡', type: 'landslide', m: 0 } }] });
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
    expect(classify(village('j', { lowIncomeHouseholds: 13, households: 30 }), rules)).toEqual({ status: 'may', reasons: [{ code: 'key_village', params: { share: 43 } }] });
  });

  it('never decides a move from missing data: 数据不足 with its reason, unless a known hazard makes it move', () => {
    // No path to a town: unknown minutes are not "remote", however high the village is.
    const cutOff = village('i', { elevationM: 900, before: { town: Infinity, school: Infinity, clinic: Infinity }, gaps: ['no_path'] });
    expect(classify(cutOff, rules)).toEqual({ status: 'insufficient', reasons: [{ code: 'no_path', params: {} }] });
    expect(classify(village('k', { elevationM: NaN, gaps: ['no_dem'] }), rules).status).toBe('insufficient');
    expect(classify(village('l', { population: 0, gaps: ['no_population'] }), rules).status).toBe('insufficient');
    // A known hazard still makes it move; the gap is said beside it.
    const known = classify({ ...cutOff, hazards: [high] }, rules);
    expect(known.status).toBe('must');
    expect(known.reasons.map((r) => r.code)).toEqual(['hazard_high', 'high', 'no_path']);
    // Infinite minutes without a recorded gap (no towns in the project) are not remote either.
    expect(classify(village('m', { before: { town: Infinity, school: 0, clinic: 0 } }), rules).status).toBe('stay');
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

describe('hazard check of destinations', () => {
  const rules = defaultPolicy().rules;
  const hit = (patch: Partial<typeof high>) => ({ ...high, ...patch });
  it('excludes inside any zone and within a geological buffer, warns for other buffers', () => {
    // Every hazard type is checked, not only those counted for who must move (floods are not counted).
    for (const type of ['landslide', 'collapse', 'debris_flow', 'subsidence', 'flood', 'reservoir', 'other']) {
      expect(checkDestination(destination('d', { hazards: [hit({ type, level: 1 })] }), rules).action).toBe('exclude');
    }
    for (const type of ['landslide', 'collapse', 'debris_flow', 'subsidence']) {
      expect(checkDestination(destination('d', { hazards: [hit({ type, level: 1, zone: false, distanceM: 30 })] }), rules).action).toBe('exclude');
    }
    for (const type of ['flood', 'reservoir', 'other']) {
      const c = checkDestination(destination('d', { hazards: [hit({ type, zone: false, distanceM: 30 })] }), rules);
      expect(c.action).toBe('warn');
      expect(c.warnings).toHaveLength(1);
    }
  });
  it('warns when a low-risk buffer only touches the edge of a town drawn as a polygon', () => {
    const edge = hit({ level: 1, zone: false, distanceM: 0 });
    expect(checkDestination(destination('town', { polygon: true, hazards: [edge] }), rules).action).toBe('warn');
    expect(checkDestination(destination('town', { polygon: true, hazards: [{ ...edge, level: 2 }] }), rules).action).toBe('exclude');
    expect(checkDestination(destination('town', { polygon: true, hazards: [{ ...edge, zone: true }] }), rules).action).toBe('exclude');
  });
  it('follows the planner’s table, and excludes a hazard type the table lacks', () => {
    const table = structuredClone(rules.destinationHazards);
    table.flood.inside = ['warn', 'warn', 'exclude'];
    const edited = { ...rules, destinationHazards: table };
    expect(checkDestination(destination('d', { hazards: [hit({ type: 'flood', level: 1 })] }), edited).action).toBe('warn');
    expect(checkDestination(destination('d', { hazards: [hit({ type: 'flood', level: 3 })] }), edited).action).toBe('exclude');
    expect(checkDestination(destination('d', { hazards: [hit({ type: 'mudslide' })] }), edited).action).toBe('exclude');
  });
});

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

  it('gives a new site area × density, capped per site, and shows the derivation', async () => {
    const h = await load();
    const f = facts([village('a', { hazards: [high], population: 250 })], [destination('site', { type: 'new_site', capacity: 0, used: 0, areaHa: 2 })], [10]);
    const on = runScenario(h, f, scenario());
    expect(on.destinations[0].capacity).toBe(300);
    expect(on.destinations[0].derivation).toEqual({ areaHa: 2, density: 150, cap: 3000, capped: false });
    expect(on.villages[0].destination).toBe(0);
    // A 560-hectare region is not an 84,000-person settlement: the per-site cap holds.
    const big = facts([village('a', { hazards: [high], population: 250 })], [destination('site', { type: 'new_site', capacity: 0, used: 0, areaHa: 558.8 })], [10]);
    const capped = runScenario(h, big, scenario());
    expect(capped.destinations[0].capacity).toBe(3000);
    expect(capped.destinations[0].derivation?.capped).toBe(true);
  });

  it('raises a red alert for a placement onto an excluded destination and counts its people as still exposed', async () => {
    const h = await load();
    const f = facts(
      [village('a', { hazards: [high], population: 387 })],
      [destination('safe', { capacity: 600 }), destination('gully', { capacity: 600, hazards: [{ ...high, id: 'HZ0051', name: '云底沟', type: 'debris_flow' }] })],
      [10, 5],
    );
    const base = runScenario(h, f, scenario());
    expect(base.villages[0].destination).toBe(0);
    expect(base.redAlerts).toEqual([]);
    expect(base.indicators.peopleStillExposed).toBe(0);
    const onto = runScenario(h, f, scenario({ overrides: { a: { destination: 'gully', note: '' } } }));
    expect(onto.villages[0].destination).toBe(1);
    expect(onto.redAlerts).toMatchObject([{ village: 0, destination: 1, justified: false, hazard: { name: '云底沟' } }]);
    expect(onto.indicators.peopleIntoHazard).toBe(387);
    expect(onto.indicators.peopleStillExposed).toBe(387);
    expect(onto.indicators.peopleInHighRiskZones).toBe(387);
    expect(onto.villages[0].alerts[0]).toMatchObject({ code: 'destination_hazard', params: { hazard: '云底沟', type: 'debris_flow' } });
    // A written reason justifies it (the alert stays).
    const justified = runScenario(h, f, scenario({ overrides: { a: { destination: 'gully', note: '已建拦挡坝，经专家论证' } } }));
    expect(justified.redAlerts[0].justified).toBe(true);
  });

  it('says why a site received nobody', async () => {
    const h = await load();
    const f = facts(
      [village('a', { hazards: [high], population: 100 })],
      [destination('near'), destination('far', { type: 'new_site', areaHa: 2, capacity: 0, used: 0 }), destination('empty', { capacity: 0, used: 0 }), destination('risky', { hazards: [{ ...high, id: 'H9', name: '沟口泥石流', type: 'debris_flow' }] })],
      [10, 40, 10, 10],
    );
    const r = runScenario(h, f, scenario());
    expect(r.villages[0].destination).toBe(0);
    expect(r.destinations[0].idle).toBeNull();
    expect(r.destinations[1].idle).toMatchObject({ why: 'worse', village: 'a', minutes: 30 });
    expect(r.destinations[2].idle).toEqual({ why: 'capacity' });
    expect(r.destinations[3].idle).toEqual({ why: 'hazard', hazard: '沟口泥石流', type: 'debris_flow' });
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
