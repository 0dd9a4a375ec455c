import { describe, expect, it } from 'vitest';
import { apiOver, tinyProject } from './tiny-project';
import { memoryStorage } from '../../src/io/project-storage';
import { readFlatGeobuf } from '../../src/io/fgb';
import { makeTransform } from '../../src/core/crs';
import type { Grid } from '../../src/core/types';
import type { LoadProgress } from '../../workers/data.types';
import { createAnalysisApi, runTransferables } from '../../workers/analysis.api';
import { defaultExposureParams } from '../../src/core/exposure/analysis';

const lngLatOf = (x: number, y: number) => makeTransform('EPSG:4549', 'EPSG:4326')(x, y);


describe('data API', () => {
  it('loads a project into render buffers, reporting progress to the end', async () => {
    const api = apiOver(tinyProject());
    const progress: LoadProgress[] = [];
    const outcome = await api.openProject('demo', 'p', (p) => progress.push(p));
    if (!outcome.ok) throw new Error(outcome.error.detail);
    const load = outcome.value;
    expect(progress.at(-1)).toEqual({ stage: 'done', done: 6, total: 6 });
    const villages = load.layers.find((l) => l.id === 'villages')!;
    expect(villages.featureCount).toBe(3);
    expect(villages.points!.positions.length).toBe(6);
    expect([...villages.points!.style.lowIncomeShare].map((v) => +v.toFixed(3))).toEqual([0.5, 0.05, 0]);
    const roads = JSON.parse(new TextDecoder().decode(load.layers.find((l) => l.id === 'roads')!.geojson));
    expect(roads.features[0].properties).toEqual({ i: 0, class: 'county' });
    const contours = JSON.parse(new TextDecoder().decode((await api.getContours())!));
    expect(contours.features.length).toBeGreaterThan(3);
    expect(contours.features.every((f: { properties: { ele: number } }) => f.properties.ele % 50 === 0)).toBe(true);
    const mask = JSON.parse(new TextDecoder().decode(load.outsideMask!));
    expect(mask.geometry.coordinates.length).toBe(2);
    expect(load.dem!.cellSizeMeters).toBe(30);
    expect(load.dem!.bboxLngLat[0]).toBeCloseTo(119.389, 2);
    expect(await api.elevationAt(load.dem!.bboxLngLat[0] + 0.0001, 28.0)).toBeNull();
    const peak = await api.elevationAt(...(lngLatOf(440000 + 30 * 30.5, 3101500 - 30 * 25.5) as [number, number]));
    expect(peak).toBe(900);
  });

  it('serves DEM tiles, feature properties, bboxes and table pages', async () => {
    const api = apiOver(tinyProject());
    await api.openProject('demo', 'p');
    for (const kind of ['hillshade', 'terrarium'] as const) {
      const tile = new Uint8Array((await api.getDemTile(kind, 14, 13626, 6903)) as ArrayBuffer);
      expect(tile.length).toBe(256 * 256 * 4);
    }
    expect(api.getFeatureProperties('villages', 1)).toContainEqual(['name', '下源']);
    expect(api.getFeatureProperties('villages', 0)).toContainEqual(['keyVillage', true]);
    expect(api.getFeatureProperties('hazards', 0)).toContainEqual(['villageName', '下源']);
    const bbox = api.getFeatureBBox('roads', 0)!;
    expect(bbox[0]).toBeCloseTo(119.394, 6);
    expect(bbox[3]).toBeCloseTo(28.007, 6);
    const heights = await api.getPointElevations('villages');
    expect(heights.length).toBe(3);
    for (const h of heights) expect(h).toBeGreaterThan(0);
    const page = api.queryTable('villages', { offset: 0, limit: 2, sortColumn: 'population', sortDescending: true });
    expect(page.total).toBe(3);
    expect(page.indices).toEqual([1, 2]);
  });

  it('names the missing file when a project cannot be read, and keeps nothing half-loaded', async () => {
    const files = tinyProject();
    files.delete('p/roads.fgb');
    const api = apiOver(files);
    expect(await api.openProject('demo', 'p')).toEqual({ ok: false, error: { code: 'project.fetch-failed', file: 'p/roads.fgb', detail: 'HTTP 404' } });
    expect(() => api.getFeatureProperties('villages', 0)).toThrow(/No project/);
  });

  it('keeps the loaded project when a later load fails', async () => {
    const files = tinyProject();
    const api = apiOver(files);
    expect((await api.openProject('demo', 'p')).ok).toBe(true);
    files.delete('p/villages.fgb');
    expect((await api.openProject('demo', 'p')).ok).toBe(false);
    expect(api.getFeatureProperties('villages', 1)).toContainEqual(['name', '下源']);
  });

  it('says which file is corrupt', async () => {
    const files = tinyProject();
    files.set('p/villages.fgb', new Uint8Array([1, 2, 3, 4]).buffer);
    const outcome = await apiOver(files).openProject('demo', 'p');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('project.file-unreadable');
      expect(outcome.error.file).toBe('villages.fgb');
      expect(outcome.error.detail.length).toBeGreaterThan(20);
    }
  });

  it('adds, restores, exports and removes user layers; a new project starts empty', async () => {
    const storage = memoryStorage();
    const api = apiOver(tinyProject(), storage);
    await api.openProject('demo', 'p');
    const data = {
      geometry: { kind: 'Point' as const, coords: new Float64Array([119.4, 28.01, 119.401, 28.011]), geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) },
      table: { length: 2, columns: [{ name: 'id', type: 'string' as const, values: ['a', 'b'] }, { name: 'name', type: 'string' as const, values: ['新村', '旧村'] }, { name: 'population', type: 'number' as const, values: new Float64Array([10, 20]) }] },
      bbox: [0, 0, 0, 0] as [number, number, number, number],
      crs: 'EPSG:4326',
    };
    const render = await api.addLayer({ role: 'villages', name: { zh: '导入村庄', en: 'Imported' }, source: { zh: 'a.csv', en: 'a.csv' }, data });
    expect(render.id).toBe('user-villages-1');
    expect(render.userLayer).toBe(true);
    expect(render.bboxLngLat).toEqual([119.4, 28.01, 119.401, 28.011]);
    expect(render.points!.positions.length).toBe(4);

    // A second page (new API over the same storage) gets the demo plus the added layer back.
    const again = apiOver(tinyProject(), storage);
    const reopened = await again.openProject('demo', 'p');
    if (!reopened.ok) throw new Error(reopened.error.detail);
    expect(reopened.value.layers.map((l) => l.id)).toContain('user-villages-1');
    expect(again.getFeatureProperties('user-villages-1', 1)).toContainEqual(['name', '旧村']);

    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(again.exportLayer('user-villages-1', 'csv'));
    expect(csv).toBe('\uFEFFid,name,population,lng,lat\r\na,新村,10,119.4000000,28.0100000\r\nb,旧村,20,119.4010000,28.0110000\r\n');
    const geojson = JSON.parse(new TextDecoder().decode(again.exportLayer('user-villages-1', 'geojson')));
    expect(geojson.features[1]).toEqual({ type: 'Feature', properties: { id: 'b', name: '旧村', population: 20 }, geometry: { type: 'Point', coordinates: [119.401, 28.011] } });
    const fgb = again.exportLayer('user-villages-1', 'fgb');
    const inBox = readFlatGeobuf(fgb, { bbox: [119.4005, 28.0, 119.402, 28.02] });
    expect(inBox.ok && inBox.value.table.length).toBe(1);

    await expect(again.removeLayer('villages')).rejects.toThrow(/demo data/);
    await again.removeLayer('user-villages-1');
    const third = await apiOver(tinyProject(), storage).openProject('demo', 'p');
    expect(third.ok && third.value.layers.map((l) => l.id)).not.toContain('user-villages-1');

    const id = await again.createProject('我的县');
    const empty = await again.openProject(id, 'p');
    if (!empty.ok) throw new Error(empty.error.detail);
    expect(empty.value.layers).toEqual([]);
    expect(empty.value.dem).toBeNull();
    expect(empty.value.manifest.name.zh).toBe('我的县');
    expect(await again.getContours()).toBeNull();
    expect(await again.elevationAt(119.4, 28.0)).toBeNull();
    const grid = { width: 2, height: 2, data: new Float32Array([100, 200, NaN, 400]), transform: [119.4, 0.01, 0, 28.02, 0, -0.01] as Grid['transform'], crs: 'EPSG:4326', nodata: null };
    const dem = await again.setDem(grid, 'dem.tif');
    expect(dem.bboxLngLat).toEqual([119.4, 28.0, 119.42, 28.02]);
    expect(await again.elevationAt(119.415, 28.015)).toBe(200);
    expect(await again.elevationAt(119.405, 28.005)).toBeNull();
    expect((await again.listProjects()).map((p) => p.name)).toEqual(['我的县', '测试']);
    await again.deleteProject(id);
    expect((await again.openProject(id, 'p')).ok).toBe(false);
  });

  it('hands an exposure run its layers, keeps register documents with the project, and adds derived columns', async () => {
    const storage = memoryStorage();
    const api = apiOver(tinyProject(), storage);
    await api.openProject('demo', 'p');
    const inputs = api.exposureInputs(['hazards'], ['villages']);
    expect(inputs.hazards[0].columns.map((c) => c.name).sort()).toEqual(['id', 'riskLevel', 'type', 'villageId']);
    expect(inputs.exposed[0].columns.map((c) => c.name).sort()).toEqual(['households', 'id', 'name', 'population']);
    // The county boundary has one feature: not a township layer.
    expect(inputs.townships).toBeNull();

    // The analysis worker reads the layers straight from the data worker, over a port.
    const analysis = createAnalysisApi();
    const channel = new MessageChannel();
    api.serve(channel.port1);
    analysis.connectData(channel.port2);
    const { run, register } = await analysis.runRegister({ hazardLayerIds: ['hazards'], exposedLayerIds: ['villages'] }, defaultExposureParams(), { last: null, previous: null });
    channel.port1.close();
    expect(Array.from(run.layers[0].hits.status)).toEqual([0, 1, 0]);
    expect(Array.from(register.columns.feature)).toEqual([1]);
    expect(register.changes).toBeNull();
    expect(runTransferables(run).every((b) => b instanceof ArrayBuffer)).toBe(true);

    expect(await api.getDocument('register')).toEqual({ ok: true, value: null, revision: 0 });
    const state = { params: defaultExposureParams(), hazardLayerIds: ['hazards'], exposedLayerIds: ['villages'], reviews: { 'villages:v2': [{ status: 'confirmed', note: '', date: '2026-11-20', at: 1, signature: 's' }] }, last: register.last, previous: null };
    expect(await api.putDocument('register', state)).toEqual({ ok: true, revision: 1 });
    const again = apiOver(tinyProject(), storage);
    await again.openProject('demo', 'p');
    expect(await again.getDocument('register')).toEqual({ ok: true, value: state, revision: 1 });

    const info = again.setDerivedColumn('villages', 'hazardCheck', ['未发现隐患', '距滑坡隐患 111 米', '未发现隐患']);
    expect(info.columns.at(-1)).toEqual({ name: 'hazardCheck', type: 'string' });
    expect(again.getFeatureProperties('villages', 1)).toContainEqual(['hazardCheck', '距滑坡隐患 111 米']);
    // Setting it again replaces the column instead of adding a second one.
    expect(again.setDerivedColumn('villages', 'hazardCheck', ['a', 'b', 'c']).columns.filter((c) => c.name === 'hazardCheck')).toHaveLength(1);
    expect(() => again.setDerivedColumn('villages', 'hazardCheck', ['a'])).toThrow(/3 features/);
  });
});
