import { describe, expect, it } from 'vitest';
import { RELOCATION_DOCUMENT, type RelocationDocument } from '../../src/ui/relocation/relocation-store';
import { project, settle } from './relocation-project';
import { diffScenarios, INDICATORS, targetAlerts } from '../../src/core/relocation/compare';
import type { DrawnSite } from '../../src/core/relocation/analysis';
import { formatYuan } from '../../src/ui/register/format';

describe('relocation scenarios', () => {
  it('creates, duplicates, describes and deletes scenarios, with undo, and every scenario survives a reload unchanged', async () => {
    const { store, documents } = project();
    await store.load();
    store.renameScenario('基准方案');
    store.duplicateScenario('集中安置');
    store.describeScenario('集中到中心镇');
    store.setPolicy('cost.subsidyOther', 15_000);
    store.newScenario('空白方案');
    await settle(store);
    const doc = documents.get(RELOCATION_DOCUMENT) as RelocationDocument;
    expect(doc.scenarios.map((s) => s.name)).toEqual(['基准方案', '集中安置', '空白方案']);
    expect(doc.scenarios[1].description).toBe('集中到中心镇');
    expect(doc.scenarios[1].policy.cost.subsidyOther).toBe(15_000);
    expect(doc.scenarios[2].policy.cost.subsidyOther).toBe(doc.scenarios[0].policy.cost.subsidyOther);

    // Serialisation round trip: what is stored loads back exactly (a scenario is plain data).
    const reloaded = project(new Map(documents));
    await reloaded.store.load();
    expect(reloaded.store.getSnapshot().doc).toEqual(store.getSnapshot().doc);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);

    store.selectScenario(doc.scenarios[1].id);
    store.deleteScenario();
    await settle(store);
    expect(store.getSnapshot().doc!.scenarios.map((s) => s.name)).toEqual(['基准方案', '空白方案']);
    expect(store.getSnapshot().deleted?.scenario.name).toBe('集中安置');
    store.undoDelete();
    await settle(store);
    expect(store.getSnapshot().doc!.scenarios.map((s) => s.name)).toEqual(['基准方案', '集中安置', '空白方案']);
    expect(store.active!.description).toBe('集中到中心镇');
    expect((documents.get(RELOCATION_DOCUMENT) as RelocationDocument).scenarios).toHaveLength(3);
  }, 120_000);

  it('takes a drawn site as a destination of its scenario only, hazard-checked, with undo and redo', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    const base = store.getSnapshot();
    // Where the most must-move people live: a big new site there takes villages at once.
    const must = base.result!.villages.map((r, i) => ({ r, v: base.facts!.villages[i] })).filter((x) => x.r.status === 'must').sort((a, b) => b.v.population - a.v.population)[0].v;
    store.duplicateScenario('新址方案');
    await settle(store);
    const [x, y] = must.lngLat;
    const d = 0.004;
    const site: DrawnSite = { id: store.newSiteId('relocation'), name: '新安置点1', kind: 'relocation', geometry: { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] }, capacity: 5_000, jobs: 0 };
    store.addSite(site);
    await settle(store);
    let view = store.getSnapshot();
    const at = view.facts!.destinations.findIndex((z) => z.id === site.id);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(view.facts!.destinations[at].drawn).toBe(true);
    // The hazard check is the register's: the site covers a must-move village in a zone, so it is hit and forbidden.
    expect(must.hazards.some((h) => h.zone)).toBe(true);
    expect(view.facts!.destinations[at].hazards.length).toBeGreaterThan(0);
    expect(view.result!.destinations[at].check.excluding).not.toBeNull();
    expect(view.result!.destinations[at].capacity).toBe(5_000);
    expect(view.result!.destinations[at].assigned).toBe(0);
    expect(view.canUndo).toBe(true);

    // Moved to clear ground next to a destination everyone reaches, it takes villages.
    const town = base.facts!.destinations.find((z) => z.type === 'central_town' && z.hazards.length === 0)!;
    const [tx, ty] = town.lngLat;
    store.updateSite(site.id, { geometry: { type: 'Point', coordinates: [tx + 0.002, ty + 0.002] } });
    await settle(store);
    view = store.getSnapshot();
    const moved = view.facts!.destinations.findIndex((z) => z.id === site.id);
    expect(view.facts!.destinations[moved].lngLat).toEqual([tx + 0.002, ty + 0.002]);
    expect(view.facts!.destinations[moved].hazards).toEqual([]);
    expect(view.result!.destinations[moved].assigned).toBeGreaterThan(0);
    store.undoSites();
    await settle(store);
    expect(store.active!.sites![0].geometry.type).toBe('Polygon');
    expect(store.getSnapshot().canRedo).toBe(true);
    store.redoSites();
    await settle(store);
    expect(store.active!.sites![0].geometry.type).toBe('Point');

    // An industry site at the town: the town reaches its jobs within 30 minutes.
    const townIndex = view.facts!.destinations.findIndex((z) => z.id === town.id);
    const before = store.getSnapshot().result!;
    store.addSite({ id: store.newSiteId('industry'), name: '新产业点1', kind: 'industry', geometry: { type: 'Point', coordinates: [tx, ty] }, capacity: 0, jobs: 800 });
    await settle(store);
    const after = store.getSnapshot().result!;
    expect(after.destinations[townIndex].industryNear).toBe(before.destinations[townIndex].industryNear + 1);
    expect(after.destinations[townIndex].jobsNear).toBe(before.destinations[townIndex].jobsNear + 800);
    expect(after.indicators.peopleNearIndustry).toBeGreaterThanOrEqual(before.indicators.peopleNearIndustry);
    store.undoSites();
    await settle(store);

    // The base scenario does not have it.
    store.selectScenario('s1');
    await settle(store);
    expect(store.getSnapshot().facts!.destinations.some((z) => z.id === site.id)).toBe(false);
  }, 180_000);

  it('compares scenarios: indicators are the sums of the villages, the difference lists exactly the villages that changed, and a budget cap raises an alert', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    store.duplicateScenario('提高补助');
    store.setPolicy('assignment.lambda', 0);
    store.setBudget(1e4);
    await settle(store);
    await store.compare(['s1', 's2']);
    const c = store.getSnapshot().comparison!;
    expect(c.pending).toEqual([]);
    expect(Object.keys(c.runs).sort()).toEqual(['s1', 's2']);
    for (const id of ['s1', 's2']) {
      const { facts, result } = c.runs[id];
      const moved = result.villages.map((r, i) => (r.cost ? facts.villages[i].population : 0)).reduce((a, b) => a + b, 0);
      const total = result.villages.reduce((s, r) => s + (r.cost?.total ?? 0) + (r.status === 'repair' && !r.cost ? (r.repair ?? 0) : 0), 0);
      const pub = result.villages.reduce((s, r) => s + (r.cost?.public ?? 0) + (r.status === 'repair' && !r.cost ? (r.repair ?? 0) : 0), 0);
      expect(result.indicators.peopleMoved).toBe(moved);
      expect(result.indicators.totalCost).toBeCloseTo(total, 2);
      expect(result.indicators.publicCost).toBeCloseTo(pub, 2);
      const exposed = result.indicators.stillExposedByLevel;
      expect(exposed.high + exposed.medium + exposed.low).toBe(result.indicators.peopleStillExposed);
      expect(INDICATORS.every((d) => typeof d.value(result.indicators) === 'number')).toBe(true);
    }
    const diff = diffScenarios(c.runs.s1, c.runs.s2);
    const changed = c.runs.s1.result.villages.filter((r, i) => {
      const o = c.runs.s2.result.villages[i];
      const a = r.destination >= 0 ? c.runs.s1.facts.destinations[r.destination].id : null;
      const b = o.destination >= 0 ? c.runs.s2.facts.destinations[o.destination].id : null;
      return r.status !== o.status || a !== b;
    }).length;
    expect(diff).toHaveLength(changed);
    expect(diffScenarios(c.runs.s1, c.runs.s1)).toEqual([]);
    const alerts = targetAlerts(store.getSnapshot().doc!.scenarios[1], c.runs.s2.result, formatYuan);
    expect(alerts.map((a) => a.code)).toContain('budget');
    expect(alerts.find((a) => a.code === 'budget')!.text.zh).toMatch(/超出预算上限 1\.0 万元/);

    // Switching back to a compared scenario shows its kept result at once.
    store.selectScenario('s1');
    expect(store.getSnapshot().result).toBe(c.runs.s1.result);
  }, 180_000);

  it('keeps each result with its own facts across switches and undo, refreshes a compared scenario after an edit, and forgets kept results when the layers change', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    const town = store.getSnapshot().facts!.destinations.find((z) => z.type === 'central_town' && z.hazards.length === 0)!;
    store.duplicateScenario('新址');
    await settle(store);
    store.addDrawnSite('relocation', { type: 'Point', coordinates: [town.lngLat[0] + 0.002, town.lngLat[1] + 0.002] }, (n) => `新安置点${n}`);
    await settle(store);
    expect(store.active!.sites![0]).toMatchObject({ id: 'site-s2-1', name: '新安置点1', capacity: 300 });
    await store.compare(['s1', 's2']);
    // Back and forth between kept results, then undo the site: the new result must come with the facts it was computed on.
    store.selectScenario('s1');
    store.setPolicy('assignment.lambda', 10);
    await settle(store);
    store.selectScenario('s2');
    store.undoSites();
    await settle(store);
    let view = store.getSnapshot();
    expect(view.result!.destinations).toHaveLength(view.facts!.destinations.length);
    expect(view.facts!.destinations.some((d) => d.id === 'site-s2-1')).toBe(false);
    // The comparison shows the edited scenarios' new figures.
    expect(view.comparison!.runs.s2.result).toBe(view.result);
    expect(view.comparison!.runs.s1.result.solver).toBeDefined();
    store.redoSites();
    await settle(store);
    view = store.getSnapshot();
    expect(view.result!.destinations).toHaveLength(view.facts!.destinations.length);
    expect(view.facts!.destinations.some((d) => d.id === 'site-s2-1')).toBe(true);

    // A deleted scenario's undo history does not pass to the next scenario given its id.
    store.deleteScenario();
    await settle(store);
    store.newScenario('新方案');
    await settle(store);
    expect(store.active!.id).toBe('s2');
    expect(store.getSnapshot().canUndo).toBe(false);

    // New layers: nothing kept survives, the comparison is computed again.
    const before = store.getSnapshot().comparison;
    await store.compare(['s1', 's2']);
    await store.layersChanged();
    await settle(store);
    for (let k = 0; k < 500 && (store.getSnapshot().comparison?.pending.length ?? 0) > 0; k++) await new Promise((r) => setTimeout(r, 10));
    expect(store.getSnapshot().comparison!.runs.s1).not.toBe(before?.runs.s1);
  }, 180_000);
});

