import { describe, expect, it } from 'vitest';
import { RELOCATION_DOCUMENT, RelocationStore, setPolicyValue, type RelocationDocument, type RelocationStoreDeps, type RelocationWorker } from '../../src/ui/relocation/relocation-store';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import type { RelocationProgress } from '../../workers/relocation.api';
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
    // Shown at once without solving, then solved in full: what is on view is what a fresh run gives.
    expect(third.result!.solver.status).not.toBe('none');
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
    const run = store.getSnapshot().activeRun!;
    expect(run.kind).toBe('relocation');
    store.cancel();
    await running;
    expect(await run.result).toEqual({ ok: false, cancelled: true });
    expect(store.getSnapshot().activeRun).toBeNull();
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

  it('runs through the run protocol: staged progress on the active run, a worker error as a coded failure', async () => {
    const { store } = project();
    const stages: string[] = [];
    let watched = false;
    store.subscribe(() => {
      const run = store.getSnapshot().activeRun;
      if (!run || watched) return;
      watched = true;
      run.subscribe(() => {
        const p: RelocationProgress | null = run.progress();
        if (p && stages[stages.length - 1] !== p.stage) stages.push(p.stage);
      });
    });
    await store.run();
    await settle(store);
    expect(stages[0]).toBe('exposure');
    expect(stages).toContain('assign');
    expect(store.getSnapshot().error).toBeNull();

    const client = { serve: async () => {}, getDocument: async () => ({ ok: true, value: null, revision: 0 }), putDocument: async () => ({ ok: true, revision: 1 }) } as unknown as RelocationStoreDeps['client'];
    const createWorker = (): RelocationWorker => ({ client: { run: () => Promise.reject(new Error('HiGHS aborted')), invalidate: async () => {}, warm: async () => {} } as unknown as RelocationWorker['client'], terminate: () => {} });
    const broken = new RelocationStore({ client, hazardParams: defaultExposureParams, createWorker });
    await broken.run();
    expect(broken.getSnapshot()).toMatchObject({ running: false, activeRun: null, error: { code: 'relocation.failed', params: { detail: 'HiGHS aborted' } } });
  }, 120_000);
});
