/**
 * Answers a county can sign: the same scenario gives the same fingerprint every time (rerun, a
 * duplicate, a save and reopen), suitability regions join only as saved snapshots, a placement
 * into a hazard zone raises a red alert that blocks sign-off until justified, and any edit to the
 * scenario's inputs clears the sign-off.
 */
import { describe, expect, it } from 'vitest';
import { project, settle } from './relocation-project';
import { solverText } from '../../src/ui/relocation/wording';
import type { RelocationResult } from '../../src/core/relocation/analysis';
import { uiTranslation } from './ui-translation';

describe('reproducible relocation answers', () => {
  it('gives one fingerprint on rerun, on a duplicate and after reopening the project', async () => {
    const { store, documents } = project();
    await store.run();
    await settle(store);
    const first = store.getSnapshot().result!;
    expect(first.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    await store.run();
    await settle(store);
    expect(store.getSnapshot().result!.fingerprint).toBe(first.fingerprint);
    expect(store.getSnapshot().result!.indicators).toEqual(first.indicators);

    store.duplicateScenario('副本');
    await settle(store);
    expect(store.active!.name).toBe('副本');
    expect(store.getSnapshot().result!.fingerprint).toBe(first.fingerprint);

    // Reopened from what was saved: a new store, a new worker.
    const reopened = project(documents).store;
    await reopened.load();
    reopened.selectScenario('s1');
    await settle(reopened);
    expect(reopened.getSnapshot().result!.fingerprint).toBe(first.fingerprint);
  }, 240_000);

  it('changes the fingerprint with an input, and back when the input is undone', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    const before = store.getSnapshot().result!.fingerprint;
    store.setPolicy('cost.subsidyOther', 12_000);
    await settle(store);
    const after = store.getSnapshot().result!.fingerprint;
    expect(after).not.toBe(before);
    // The name is not an input.
    store.renameScenario('另一个名字');
    store.setPolicy('cost.subsidyOther', 10_000);
    await settle(store);
    expect(store.getSnapshot().result!.fingerprint).toBe(before);
  }, 240_000);
});

describe('red alerts and sign-off', () => {
  it('flags a placement into a hazard zone, refuses sign-off until it is justified, and an edit clears it', async () => {
    const { store, documents } = project();
    await store.run();
    await settle(store);
    const { facts, result } = store.getSnapshot();
    // A destination the hazard rules exclude, and a moving village placed elsewhere.
    const hazardous = result!.destinations.findIndex((d) => d.check.excluding);
    expect(hazardous).toBeGreaterThanOrEqual(0);
    const v = result!.villages.findIndex((r) => r.destination >= 0);
    const village = facts!.villages[v];
    const exposedBefore = result!.indicators.peopleStillExposed;

    store.setOverride(village.id, { destination: facts!.destinations[hazardous].id, note: '' });
    await settle(store);
    const red = store.getSnapshot().result!;
    expect(red.redAlerts).toMatchObject([{ village: v, destination: hazardous, justified: false }]);
    expect(red.indicators.peopleStillExposed).toBe(exposedBefore + village.population);

    expect(red.solver.status).not.toBe('none');
    // What is on view is what a fresh run of the saved scenario gives.
    const fresh = project(new Map(documents)).store;
    await fresh.run();
    await settle(fresh);
    expect(fresh.getSnapshot().result!.fingerprint).toBe(red.fingerprint);

    expect(store.signOff('张三', '2026-12-07')).toMatchObject({ code: 'relocation.signoff-red-alert', params: { count: 1, villages: village.name } });
    expect(store.active!.signOff).toBeUndefined();

    store.setOverride(village.id, { destination: facts!.destinations[hazardous].id, note: '已建拦挡坝，经专家论证可安置' });
    await settle(store);
    expect(store.getSnapshot().result!.redAlerts[0].justified).toBe(true);
    expect(store.signOff('', '2026-12-07')).toMatchObject({ code: 'relocation.signoff-no-name' });
    expect(store.signOff('张三', '2026-12-07')).toBeNull();
    expect(store.active!.signOff).toEqual({ by: '张三', date: '2026-12-07', fingerprint: store.getSnapshot().result!.fingerprint });

    // A change of name keeps it; a change of any input clears it.
    store.renameScenario('定稿方案');
    expect(store.active!.signOff).toBeDefined();
    // A negative capacity is refused with the destination's name, and nothing changes.
    store.setCapacity(facts!.destinations[0].id, -5);
    expect(store.getSnapshot().policyError).toMatchObject({ code: 'relocation.bad-capacity', params: { name: facts!.destinations[0].name, value: '-5' } });
    expect(store.active!.signOff).toBeDefined();
    store.setCapacity(facts!.destinations[0].id, 10);
    expect(store.getSnapshot().policyError).toBeNull();
    expect(store.active!.signOff).toBeUndefined();
  }, 240_000);

  it('adds suitability regions only as a saved snapshot, named and capped', async () => {
    const { store, documents } = project();
    await store.run();
    await settle(store);
    const without = store.getSnapshot().result!.fingerprint;
    expect(store.setRegions([])).toBeUndefined();
    expect(store.getSnapshot().signOffError).toMatchObject({ code: 'relocation.regions-none' });
    const town = store.getSnapshot().facts!.destinations.find((d) => d.type === 'central_town' && d.hazards.length === 0)!;
    const region = { id: 'region-1-x', name: '候选区 1', rank: 1, lngLat: [town.lngLat[0] + 0.004, town.lngLat[1]] as [number, number], areaHa: 558.8, score: 81, addedAt: '2026-12-07', model: '搬迁安置点选址' };
    store.setRegions([region]);
    await settle(store);
    const { facts, result } = store.getSnapshot();
    const d = facts!.destinations.findIndex((x) => x.id === region.id);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(facts!.destinations[d].name).toMatch(/候选区 1$/);
    expect(result!.destinations[d].capacity).toBe(3000);
    expect(result!.destinations[d].derivation).toMatchObject({ capped: true, cap: 3000 });
    expect(result!.fingerprint).not.toBe(without);
    const saved = documents.get('relocation') as { scenarios: { regions?: unknown[] }[] };
    expect(saved.scenarios[0].regions).toEqual([region]);
  }, 240_000);
});

describe('capacity short on the demo county', () => {
  it('places as many people as a whole-village packing allows when a wider rule makes capacity short', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    // 75 m instead of 50 m around medium-risk zones: 33 villages (6,112 people) must move, and
    // the destinations left by the hazard rules hold 6,130 people in sites of 71 to 861. Before
    // the annealing search 5,869 were placed; plain HiGHS over every arc finds 5,939 in 60 s
    // and proves no more than 5,987.
    store.setPolicy('rules.mediumRiskDistanceM', 75);
    await settle(store);
    const result: RelocationResult = store.getSnapshot().result!;
    const { solver } = result;
    expect(solver.placed).toBeGreaterThanOrEqual(5939);
    expect(solver.placed).toBeLessThanOrEqual(5987);
    // Not proven the most: the verdict says so with the bound, and does not blame a cost gap
    // that is within the accepted one.
    expect(solver.status).toBe('limit');
    expect(solver.placedBound).toBeGreaterThanOrEqual(solver.placed);
    const relGap = store.active!.policy.assignment.relGap;
    const t = await uiTranslation();
    const verdict = solverText(result, relGap, t as never);
    expect(verdict).toContain(`已安置 ${solver.placed} 人，未能证明已是最多（理论上至多 ${Math.floor(solver.placedBound)} 人）`);
    if (solver.provenGap <= relGap) expect(verdict).not.toContain('未达到允许');
    store.dispose();
  }, 240_000);
});
