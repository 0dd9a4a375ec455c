import { describe, expect, it } from 'vitest';
import { RELOCATION_DOCUMENT, setPolicyValue, type RelocationDocument } from '../../src/ui/relocation/relocation-store';
import { defaultPolicy } from '../../src/core/relocation/policy';
import { formatMessage } from '../../src/core/messages';
import { project, settle } from './relocation-project';

describe('relocation store', () => {
  it('sets policy values by path and refuses unknown ones', () => {
    const set = setPolicyValue(defaultPolicy(), 'cost.constructionPerM2.new_site', 2500);
    expect(set.ok && set.value.cost.constructionPerM2.new_site).toBe(2500);
    expect(defaultPolicy().cost.constructionPerM2.new_site).toBe(2000);
    const refused = setPolicyValue(defaultPolicy(), 'cost.nope', 1);
    expect(refused).toEqual({ ok: false, error: { code: 'relocation.no-policy-field', params: { path: 'cost.nope' } } });
    expect(!refused.ok && formatMessage(refused.error, 'en')).toMatch(/no "cost.nope" setting/);
    expect(setPolicyValue(defaultPolicy(), 'nope.deeper', 1)).toMatchObject({ ok: false, error: { code: 'relocation.no-policy-field' } });
  });

  it('says so when a stored policy lacks the value being edited, and changes nothing', async () => {
    const { store, documents } = project();
    await store.load();
    const before = documents.get(RELOCATION_DOCUMENT);
    store.setPolicy('cost.nope', 1);
    expect(store.getSnapshot().policyError).toEqual({ code: 'relocation.no-policy-field', params: { path: 'cost.nope' } });
    expect(documents.get(RELOCATION_DOCUMENT)).toBe(before);
    store.setPolicy('cost.subsidyOther', 20_000);
    expect(store.getSnapshot().policyError).toBeNull();
    store.dispose();
  });

  it('runs, reruns on a policy edit, applies an override at once and keeps it across a reload', async () => {
    const { store, documents } = project();
    await store.run();
    await settle(store);
    const first = store.getSnapshot();
    expect(first.problems).toEqual([]);
    expect(first.result!.indicators.peopleMoved).toBeGreaterThan(0);
    const total = first.result!.indicators.totalCost;

    store.setPolicy('cost.subsidyOther', 20_000);
    await settle(store);
    const second = store.getSnapshot();
    expect(second.result).not.toBe(first.result);
    expect(second.result!.indicators.publicCost).toBeGreaterThan(first.result!.indicators.publicCost);
    expect(second.result!.indicators.totalCost).toBeGreaterThanOrEqual(total);
    expect((documents.get(RELOCATION_DOCUMENT) as RelocationDocument).scenarios[0].policy.cost.subsidyOther).toBe(20_000);

    // Send the first placed village somewhere else by hand.
    const v = second.result!.villages.findIndex((x) => x.destination >= 0);
    const id = second.facts!.villages[v].id;
    const other = second.facts!.destinations.find((_, d) => d !== second.result!.villages[v].destination)!.id;
    store.setOverride(id, { destination: other, note: '村民意愿' });
    await settle(store);
    const third = store.getSnapshot();
    expect(third.facts!.destinations[third.result!.villages[v].destination].id).toBe(other);
    expect(third.result!.villages[v].overridden).toBe(true);
    expect(third.result!.solver.status).toBe('none');
    expect(third.result!.indicators.totalCost).not.toBe(second.result!.indicators.totalCost);

    const reloaded = project(documents);
    await reloaded.store.load();
    expect(reloaded.store.active!.overrides[id]).toEqual({ destination: other, note: '村民意愿' });
    await reloaded.store.run();
    await settle(reloaded.store);
    const again = reloaded.store.getSnapshot();
    expect(again.facts!.destinations[again.result!.villages[v].destination].id).toBe(other);
  }, 120_000);

  it('cancels a run by terminating its worker, and runs again in a fresh one', async () => {
    const { store, workers } = project();
    const running = store.run();
    await new Promise((r) => setTimeout(r, 20));
    store.cancel();
    await running;
    expect(workers.terminated).toBe(1);
    expect(store.getSnapshot().running).toBe(false);
    expect(store.getSnapshot().result).toBeNull();
    await store.run();
    await settle(store);
    expect(workers.started).toBe(2);
    expect(store.getSnapshot().result).not.toBeNull();
  }, 120_000);

  it('keeps several scenarios and switches between them', async () => {
    const { store, documents } = project();
    await store.load();
    store.duplicateScenario('方案二');
    store.setPolicy('assignment.sameTownship', true);
    const doc = documents.get(RELOCATION_DOCUMENT) as RelocationDocument;
    expect(doc.scenarios.map((s) => s.name)).toEqual(['方案一', '方案二']);
    expect(doc.activeId).toBe('s2');
    expect(doc.scenarios[1].policy.assignment.sameTownship).toBe(true);
    expect(doc.scenarios[0].policy.assignment.sameTownship).toBe(false);
  });
});
