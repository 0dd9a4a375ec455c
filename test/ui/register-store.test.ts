import { describe, expect, it } from 'vitest';
import { RegisterStore, type AnalysisWorker, type RegisterStoreDeps } from '../../src/ui/register/register-store';
import { createAnalysisApi, type LayerSource } from '../../workers/analysis.api';
import type { LayerInfo } from '../../workers/data.types';
import type { RegisterState } from '../../src/core/exposure/register';
import { fixture } from '../core/exposure/two-townships';
import { formatMessage } from '../../src/core/messages';

const info = (id: string, role: LayerInfo['role']): LayerInfo => ({ id, role, kind: 'Point', name: { zh: id, en: id }, source: { zh: '', en: '' }, featureCount: 1, bboxLngLat: [0, 0, 0, 0], columns: [], userLayer: false });

/** A data client over the two-township fixture, with documents in memory (as IndexedDB would keep them). */
function fakeProject(documents = new Map<string, unknown>()) {
  const derived: Record<string, (string | null)[]> = {};
  const inputs = fixture();
  const source = {
    exposureInputs: (hazards: string[], exposed: string[]) => ({ hazards: inputs.hazards.filter((l) => hazards.includes(l.layerId)), exposed: inputs.exposed.filter((l) => exposed.includes(l.layerId)), townships: inputs.townships }),
  } as unknown as LayerSource;
  const client: RegisterStoreDeps['client'] = {
    serve: async () => {},
    getDocument: async (name: string) => ({ ok: true, value: structuredClone(documents.get(name) ?? null), revision: 0 }),
    putDocument: async (name: string, value: unknown) => {
      documents.set(name, structuredClone(value));
      return { ok: true, revision: 1 };
    },
    setDerivedColumn: async (layerId: string, name: string, values: (string | null)[]) => {
      derived[`${layerId}.${name}`] = values;
      return info(layerId, 'settlements');
    },
  } as unknown as RegisterStoreDeps['client'];
  const layers = [info('zones', 'hazards'), info('pts', 'hazards'), info('villages', 'villages'), info('hh', 'households'), info('st', 'settlements')];
  return { client, source, layers, documents, derived };
}

/** An analysis "worker" running the real API in this thread; a held run answers only when released. */
function inThreadWorker(source: LayerSource) {
  let terminated = 0;
  let hold: Promise<void> | null = null;
  let release = () => {};
  const api = createAnalysisApi();
  api.connectData(source);
  return {
    create: (): AnalysisWorker => ({
      client: {
        runRegister: (async (...args: Parameters<typeof api.runRegister>) => {
          if (hold) await hold;
          return api.runRegister(...args);
        }) as unknown as AnalysisWorker['client']['runRegister'],
      },
      terminate: () => void terminated++,
    }),
    terminated: () => terminated,
    /** Holds the next runs until `release()`. */
    holdRuns() {
      hold = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
  };
}

function store(project: ReturnType<typeof fakeProject>, worker: ReturnType<typeof inThreadWorker>) {
  return new RegisterStore({ client: project.client, layers: () => project.layers, onLayerUpdated: () => {}, t: (key, params) => `${key}${params ? JSON.stringify(params) : ''}`, lang: () => 'zh', createWorker: worker.create });
}

describe('register store', () => {
  it('runs, stores settings and the run, flags settlements, and keeps reviews across a reopen', async () => {
    const project = fakeProject();
    const a = store(project, inThreadWorker(project.source));
    await a.load();
    expect(a.getSnapshot().run).toBeNull();
    await a.run();
    const view = a.getSnapshot();
    expect(view.entries.map((e) => e.key)).toEqual(['villages:V1', 'villages:V2', 'villages:V3', 'villages:V4', 'households:H1', 'settlements:S1']);
    expect(view.running).toBe(false);
    expect(project.derived['st.hazardCheck'][0]).toMatch(/^register\.flag\.inside/);
    expect(project.derived['st.hazardCheck'][1]).toBe('register.flag.clear');
    await a.review(view.entries[2], { status: 'confirmed', note: '已核实', date: '2026-11-20' });

    // Another page opens the same project: it reruns by itself and the review is current.
    const b = store(project, inThreadWorker(project.source));
    await b.load();
    const reopened = b.getSnapshot();
    expect(reopened.entries).toHaveLength(6);
    const state = reopened.state as RegisterState;
    expect(state.reviews['villages:V3'][0]).toMatchObject({ status: 'confirmed', note: '已核实', signature: reopened.entries[2].signature });
    // Nothing changed between the two runs: no diff is made up.
    expect(reopened.changes).toBeNull();
  });

  it('lists changes after a rerun with other hazard layers, and keeps the previous results when cancelled', async () => {
    const project = fakeProject();
    const s = store(project, inThreadWorker(project.source));
    await s.run();
    await s.run({ ...s.settings(), hazardLayerIds: ['zones'] });
    expect(s.getSnapshot().changes?.map((c) => [c.key, c.kind])).toEqual([['households:H1', 'gone'], ['villages:V4', 'gone']]);

    const slow = inThreadWorker(project.source);
    const c = store(project, slow);
    await c.load();
    const before = c.getSnapshot().run;
    expect(before).not.toBeNull();
    slow.holdRuns();
    const running = c.run({ ...c.settings(), hazardLayerIds: ['zones', 'pts'] });
    await new Promise((r) => setTimeout(r, 10));
    expect(c.getSnapshot().running).toBe(true);
    c.cancel();
    slow.release();
    await running;
    expect(slow.terminated()).toBe(1);
    expect(c.getSnapshot().running).toBe(false);
    expect(c.getSnapshot().notice?.code).toBe('register.cancelled');
    expect(c.getSnapshot().run).toBe(before);
  });

  it('says what to do when there is nothing to analyse', async () => {
    const project = fakeProject();
    project.layers = project.layers.filter((l) => l.role !== 'hazards');
    const s = store(project, inThreadWorker(project.source));
    await s.run();
    const error = s.getSnapshot().error;
    expect(error?.code).toBe('register.no-hazards');
    expect(error && formatMessage(error, 'zh')).toBe('项目中没有“地质灾害”用途的图层。请导入隐患点或隐患区（导入时用途选“地质灾害”）。');
  });

  it('runs through the run protocol: progress on the active run, a worker error as a coded failure', async () => {
    const project = fakeProject();
    const s = store(project, inThreadWorker(project.source));
    const seen: { done: number; total: number }[] = [];
    s.subscribe(() => {
      const run = s.getSnapshot().activeRun;
      if (run && seen.length === 0) run.subscribe(() => run.progress() && seen.push(run.progress()!));
    });
    const running = s.run();
    expect(s.getSnapshot().activeRun?.kind).toBe('register');
    await running;
    expect(s.getSnapshot().activeRun).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1].done).toBe(seen[seen.length - 1].total);

    const broken = new RegisterStore({
      client: project.client,
      layers: () => project.layers,
      onLayerUpdated: () => {},
      t: (key) => key,
      lang: () => 'zh',
      createWorker: () => ({ client: { runRegister: () => Promise.reject(new Error('out of memory')) } as unknown as AnalysisWorker['client'], terminate: () => {} }),
    });
    await broken.run();
    expect(broken.getSnapshot()).toMatchObject({ running: false, activeRun: null, error: { code: 'register.failed', params: { detail: 'out of memory' } } });
  });
});
