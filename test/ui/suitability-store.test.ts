import { describe, expect, it } from 'vitest';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { SUITABILITY_DOCUMENT, SuitabilityStore, type SuitabilityDocument, type SuitabilityStoreDeps, type SuitabilityWorker } from '../../src/ui/suitability/suitability-store';
import { createSuitabilityApi, type SuitabilitySource } from '../../workers/suitability.api';
import { littleValley } from '../core/suitability/little-valley';

/** A project over the little valley, with documents in memory (as IndexedDB keeps them). */
function project(withDem = true, documents = new Map<string, unknown>(), afterPaint?: () => Promise<void>, patch: Record<string, () => Promise<unknown>> = {}) {
  const inputs = littleValley();
  const source: SuitabilitySource = {
    suitabilityInputs: async () => ({
      dem: withDem ? inputs.dem : null,
      layers: inputs.layers.map((l) => ({ ...l, source: { zh: '', en: '' }, crs: 'EPSG:4549' })),
    }),
  } as unknown as SuitabilitySource;
  const client = {
    serve: async () => {},
    getDocument: async (name: string) => ({ ok: true, value: structuredClone(documents.get(name) ?? null), revision: 0 }),
    putDocument: async (name: string, value: unknown) => {
      documents.set(name, structuredClone(value));
      return { ok: true, revision: 1 };
    },
  } as unknown as SuitabilityStoreDeps['client'];
  const images: unknown[] = [];
  const createWorker = (): SuitabilityWorker => {
    const api = createSuitabilityApi();
    api.connectData(source);
    return { client: Object.assign(api, patch) as unknown as SuitabilityWorker['client'], terminate: () => {} };
  };
  const store = new SuitabilityStore({ client, hazardParams: defaultExposureParams, onImage: (i) => images.push(i), createWorker, debounceMs: 1, afterPaint });
  return { store, documents, images };
}

const settle = async (store: SuitabilityStore) => {
  for (let k = 0; k < 200 && (store.getSnapshot().running || k < 3); k++) await new Promise((r) => setTimeout(r, 5));
};

describe('suitability store', () => {
  it('starts from the relocation preset, runs it and draws the image', async () => {
    const { store, images } = project();
    await store.open();
    const view = store.getSnapshot();
    expect(view.doc!.models[0].preset).toBe('relocation');
    expect(view.result).not.toBeNull();
    expect(view.grid!.width).toBe(60);
    expect(images.length).toBe(1);
    // The little valley has no towns, schools or clinics of every kind: the store says so.
    expect(view.result!.warnings.length).toBeGreaterThan(0);
  });

  it('recomputes after an edit, saves the model with the project and reloads it', async () => {
    const p = project();
    await p.store.open();
    const model = p.store.active!;
    const first = p.store.getSnapshot().result!;
    p.store.editModel({ ...model, criteria: model.criteria.map((c, k) => (k === 0 ? { ...c, weight: 90 } : c)) });
    await settle(p.store);
    const second = p.store.getSnapshot().result!;
    expect(second).not.toBe(first);
    expect(second.weights[0]).toBeGreaterThan(first.weights[0]);
    await p.store.flush();
    const saved = p.documents.get(SUITABILITY_DOCUMENT) as SuitabilityDocument;
    expect(saved.models[0].criteria[0].weight).toBe(90);
    const again = project(true, p.documents);
    await again.store.load();
    expect(again.store.active!.criteria[0].weight).toBe(90);
  });

  it('adds presets as editable copies with their own ids, and keeps the last model', async () => {
    const { store } = project();
    await store.load();
    store.addPreset('livestock');
    store.addPreset('livestock');
    const doc = store.getSnapshot().doc!;
    expect(doc.models.map((m) => m.id)).toEqual(['relocation', 'livestock', 'livestock-2']);
    expect(doc.activeId).toBe('livestock-2');
    store.deleteModel();
    store.deleteModel();
    store.deleteModel();
    expect(store.getSnapshot().doc!.models.length).toBe(1);
  });

  it('shows what stops a broken model without losing the last result', async () => {
    const { store } = project();
    await store.open();
    const good = store.getSnapshot().result;
    const model = store.active!;
    store.editModel({ ...model, criteria: model.criteria.map((c, k) => (k === 0 ? { ...c, transform: { kind: 'ranges', breaks: [20, 10], scores: [1, 2, 3] } } : c)) });
    await settle(store);
    const view = store.getSnapshot();
    expect(view.problems.length).toBeGreaterThan(0);
    expect(view.problems[0].zh).toContain('坡度');
    expect(view.result).toBe(good);
  });

  it('drops the regions of a model the planner has left while they were being found', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { store } = project(true, new Map(), () => gate);
    // Every state the panel renders must be whole: a result always has its rules and warnings.
    const broken: unknown[] = [];
    store.subscribe(() => {
      const r = store.getSnapshot().result;
      if (r && (!r.rules || !r.warnings)) broken.push(r);
    });
    const opening = store.open();
    for (let k = 0; k < 200 && !store.getSnapshot().regionsPending; k++) await new Promise((r) => setTimeout(r, 5));
    expect(store.getSnapshot().regionsPending).toBe(true);
    store.addPreset('solar');
    release();
    await opening;
    await settle(store);
    const view = store.getSnapshot();
    expect(view.result!.modelId).toBe('solar');
    expect(view.result!.rules.length).toBeGreaterThan(0);
    expect(view.regionsPending).toBe(false);
    expect(broken).toEqual([]);
  });

  it('says how to fix a project without a DEM', async () => {
    const { store } = project(false);
    await store.open();
    expect(store.getSnapshot().problems[0].zh).toMatch(/DEM/);
    expect(store.getSnapshot().result).toBeNull();
  });

  it('explains a clicked cell and exports scores and regions', async () => {
    const { store } = project();
    await store.open();
    const corners = store.getSnapshot().grid!.cornersLngLat;
    const lng = (corners[0][0] + corners[2][0]) / 2;
    const lat = (corners[0][1] + corners[2][1]) / 2;
    await store.explain([lng, lat]);
    const e = store.getSnapshot().explanation!;
    expect(e.criteria.length).toBe(store.active!.criteria.length);
    const tif = await store.exportScores();
    expect(new Uint8Array(tif).slice(0, 2)).toEqual(new Uint8Array([0x49, 0x49]));
    const json = JSON.parse(new TextDecoder().decode(await store.exportRegions('geojson', 'zh')));
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.length).toBe(store.getSnapshot().result!.regions.length);
  });

  it('runs through the run protocol: a worker error is a coded failure, and dispose cancels the run in flight', async () => {
    const broken = project(true, undefined, undefined, { evaluate: () => Promise.reject(new Error('kernel crashed')) });
    await broken.store.open();
    expect(broken.store.getSnapshot()).toMatchObject({ running: false, activeRun: null, error: { code: 'suitability.failed', params: { detail: 'kernel crashed' } } });

    let paint = () => {};
    const held = project(true, undefined, () => new Promise<void>((r) => (paint = r)));
    const opening = held.store.open();
    for (let k = 0; k < 200 && !held.store.getSnapshot().result; k++) await new Promise((r) => setTimeout(r, 5));
    const run = held.store.getSnapshot().activeRun!;
    expect(run.kind).toBe('suitability');
    held.store.dispose();
    expect(await run.result).toEqual({ ok: false, cancelled: true });
    paint();
    await opening;
    // Cancelled between the map and the regions: the regions were never asked for.
    expect(held.store.getSnapshot()).toMatchObject({ running: false, regionsPending: true });
  });
});
