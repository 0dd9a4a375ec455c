import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { openApp, waitMapIdle } from './chromium';
import { readFlatGeobuf } from '../../src/io/fgb';
import { ANALYSIS_COLUMNS, defaultExposureParams, runExposureAnalysis, type SourceLayer } from '../../src/core/exposure/analysis';
import { diffSnapshots, registerEntries, snapshotOf, summarize } from '../../src/core/exposure/register';
import { exportLayer } from '../../src/io/export';
import type { Column, VectorLayer } from '../../src/core/types';

const ARTIFACTS = 'test-artifacts/screenshots';

let browser: Browser;
let page: Page;
let consoleErrors: string[];

function demoLayer(id: string, role: SourceLayer['role']): SourceLayer {
  const result = readFlatGeobuf(new Uint8Array(readFileSync(`public/data/demo/${id}.fgb`)));
  if (!result.ok) throw new Error(result.error.message);
  const columns = result.value.table.columns.filter((c) => (ANALYSIS_COLUMNS as readonly string[]).includes(c.name));
  return { layerId: id, role, name: { zh: id, en: id }, source: { zh: '', en: '' }, crs: 'EPSG:4490', geometry: result.value.geometry, columns };
}

/**
 * A newer survey of the hazard points, as a user would bring it: the first 20 points cleared,
 * the next 15 high-risk ones downgraded to low, surveyed in 2026. Returned as the GeoJSON file
 * the test drops on the map and as the layer the Node oracle analyses.
 */
function newerSurvey(): { file: Uint8Array; layer: SourceLayer } {
  const result = readFlatGeobuf(new Uint8Array(readFileSync('public/data/demo/hazard_points.fgb')));
  if (!result.ok) throw new Error(result.error.message);
  const old = result.value;
  const keep = Array.from({ length: old.table.length - 20 }, (_, k) => k + 20);
  const risk = old.table.columns.find((c) => c.name === 'riskLevel')!;
  let downgraded = 0;
  const columns: Column[] = old.table.columns.map((c) => {
    if (c.type === 'string') {
      const values = keep.map((i) => c.values[i]);
      for (let k = 0; c === risk && k < values.length && downgraded < 15; k++) {
        if (values[k] !== 'high') continue;
        values[k] = 'low';
        downgraded++;
      }
      return { ...c, values };
    }
    if (c.name === 'surveyYear') return { ...c, values: new Float64Array(keep.length).fill(2026) } as Column;
    return c.type === 'number' ? { ...c, values: Float64Array.from(keep, (i) => c.values[i]) } : { ...c, values: Uint8Array.from(keep, (i) => c.values[i]) };
  });
  const coords = Float64Array.from(keep.flatMap((i) => [old.geometry.coords[2 * i], old.geometry.coords[2 * i + 1]]));
  const layer: VectorLayer = { ...old, geometry: { ...old.geometry, coords }, table: { length: keep.length, columns } };
  const analysed = columns.filter((c) => (ANALYSIS_COLUMNS as readonly string[]).includes(c.name));
  return { file: exportLayer(layer, 'geojson'), layer: { layerId: 'newer', role: 'hazards', name: { zh: '', en: '' }, source: { zh: '', en: '' }, crs: 'EPSG:4490', geometry: layer.geometry, columns: analysed } };
}

/**
 * The expected register, computed in Node straight from the demo files (no data worker, no
 * analysis worker, no UI): what the app shows must agree with it.
 */
function expectedRegister(hazards: SourceLayer[]) {
  const run = runExposureAnalysis({ hazards, exposed: [demoLayer('villages', 'villages'), demoLayer('settlements', 'settlements')], townships: demoLayer('townships', 'boundary') }, defaultExposureParams());
  const entries = registerEntries(run);
  const county = summarize(run).find((a) => a.role === 'villages' && a.township === undefined)!;
  return { entries, county, snapshot: snapshotOf(run, entries) };
}


async function runRegister(p: Page) {
  await p.getByTestId('register-run').click();
  await p.getByTestId('register-time').waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=register-table] tbody tr').first().waitFor();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1500, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
});

describe('hazard register', () => {
  const expected = expectedRegister([demoLayer('hazard_points', 'hazards'), demoLayer('hazard_zones', 'hazards')]);
  // After the re-survey of the last test: the zones and the newer survey of the points.
  const newer = newerSurvey();
  const resurveyed = expectedRegister([demoLayer('hazard_zones', 'hazards'), newer.layer]);
  const changes = diffSnapshots(expected.snapshot, resurveyed.snapshot);
  const unchanged = new Set(resurveyed.entries.map((e) => `${e.key} ${e.signature}`));
  // The entry reviewed below is one the re-survey leaves unchanged, so its review must stay.
  const reviewed = expected.entries.find((e) => e.role === 'villages' && e.status === 1 && unchanged.has(`${e.key} ${e.signature}`))!;

  it('runs on the demo county and shows the expected entries and figures', async () => {
    expect(expected.entries.length).toBeGreaterThan(50);
    await page.getByTestId('register-button').click();
    await runRegister(page);
    const total = expected.entries.length;
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe(`显示 ${Math.min(200, total)} / ${total} 条`);
    // Inside only: villages and settlements inside a hazard zone.
    await page.getByTestId('register-filter-status').selectOption('2');
    const inside = expected.entries.filter((e) => e.status === 2).length;
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe(`显示 ${inside} / ${inside} 条`);
    await page.getByTestId('register-filter-status').selectOption('');
    // Rings on the map and the legend.
    await page.getByTestId('exposure-legend').waitFor();
    const rings = await page.evaluate(() => (window as unknown as { __anju: { exposure(): { level: Uint8Array } | null } }).__anju.exposure()?.level.length ?? 0);
    expect(rings).toBe(total);
    // County figures.
    await page.getByTestId('register-tab-summary').click();
    const row = page.locator('[data-testid=register-summary] tr[data-township="*"]').first();
    const c = expected.county;
    await expect.poll(() => row.locator('td').first().textContent()).toBe(`${c.features.inside} / ${c.households.inside.toLocaleString('zh-CN')} / ${c.people.inside >= 10_000 ? `${(c.people.inside / 10_000).toFixed(2)} 万` : c.people.inside.toLocaleString('zh-CN')}`);
    await page.screenshot({ path: `${ARTIFACTS}/register-summary.png` });
  });

  it('answers for a clicked village: its hazards with distances', async () => {
    await page.getByTestId('register-tab-entries').click();
    const first = expected.entries.filter((e) => e.role === 'villages').sort((a, b) => b.level * 10 + b.status - (a.level * 10 + a.status) || (b.people || 0) - (a.people || 0))[0];
    await page.locator(`[data-testid=register-table] tr[data-key="${first.key}"]`).click();
    const details = page.getByTestId('exposure-details');
    await details.waitFor();
    expect(await details.locator('li').count()).toBe(first.hitEnd - first.hitStart);
    await waitMapIdle(page);
    await page.screenshot({ path: `${ARTIFACTS}/register-village.png` });
  });

  it('keeps a review across a reload', async () => {
    const entry = reviewed;
    expect(entry).toBeDefined();
    await page.getByTestId('register-search').fill(entry.id);
    await page.locator(`[data-testid=register-table] tr[data-key="${entry.key}"]`).click();
    await page.getByTestId('entry-review').getByLabel('有异议').check();
    await page.getByTestId('review-note').fill('现场核查：房屋在坡脚，需复测');
    await page.getByTestId('review-date').fill('2026-11-20');
    await page.getByTestId('review-save').click();
    const cell = page.locator(`[data-testid=register-table] tr[data-key="${entry.key}"] td`).last();
    await expect.poll(() => cell.textContent()).toBe('有异议');

    await page.reload();
    await waitMapIdle(page);
    await page.getByTestId('register-button').click();
    // The project was analysed before: the register reruns by itself and the review is back.
    await page.locator('[data-testid=register-table] tbody tr').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('register-search').fill(entry.id);
    const again = page.locator(`[data-testid=register-table] tr[data-key="${entry.key}"] td`).last();
    await expect.poll(() => again.textContent()).toBe('有异议');
    await page.getByTestId('register-search').fill('');
  });

  it('exports a CSV that parses with the expected rows, headers and parameters', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('register-export-csv').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim()).data;
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[0][0]).toBe('地质灾害隐患影响排查台账');
    expect(rows.slice(0, header).some((r) => r[0] === '缓冲距离（米）')).toBe(true);
    expect(rows.slice(0, header).filter((r) => r[0] === '隐患数据')).toHaveLength(2);
    expect(rows[header]).toContain('审核状态');
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(expected.entries.length);
    const disputed = body.filter((r) => r[12] === '有异议');
    expect(disputed).toHaveLength(1);
    expect(disputed[0][14]).toBe('现场核查：房屋在坡脚，需复测');
    expect(disputed[0][13]).toBe('2026-11-20');
  });

  it('exports an Excel workbook with the same table', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('register-export-xlsx').click();
    const file = await (await download).path();
    const rows = (await readSheet(file)) as unknown[][];
    expect(rows[0][0]).toBe('地质灾害隐患影响排查台账');
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toContain('最近距离（米）');
    expect(rows.length - header - 1).toBe(expected.entries.length);
    expect(rows.slice(header + 1).filter((r) => r[12] === '有异议')).toHaveLength(1);
  });

  it('flags settlements in or near a hazard in their attribute table', async () => {
    await page.getByTestId('table-settlements').click();
    const table = page.getByTestId('attribute-table');
    await table.waitFor();
    await expect.poll(() => table.locator('th').allTextContents()).toContain('隐患核查');
    const flagged = expected.entries.filter((e) => e.role === 'settlements').length;
    expect(flagged).toBeGreaterThan(0);
    await expect.poll(async () => (await table.locator('td').allTextContents()).filter((c) => c.startsWith('位于') || c.startsWith('距')).length).toBe(flagged);
  });

  it('lists what changed after a re-survey, and keeps reviews of unchanged entries', async () => {
    expect(changes.some((c) => c.kind === 'gone') && changes.some((c) => c.kind === 'level')).toBe(true);
    // The newer survey arrives as a file; the register notices the new hazard layer.
    const transfer = await page.evaluateHandle(
      ({ b64, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
        return dt;
      },
      { b64: Buffer.from(newer.file).toString('base64'), name: '隐患点2026复核.geojson' },
    );
    await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer: transfer });
    await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-role').inputValue()).toBe('hazards');
    await page.getByTestId('import-add').click();
    await page.getByTestId('register-new-layers').waitFor({ timeout: 30_000 });
    await page.getByTestId('register-tab-settings').click();
    await page.getByTestId('register-layer-hazard_points').uncheck();
    await page.locator('[data-testid^=register-layer-user-hazards]').check();
    await page.getByTestId('register-apply').click();
    await page.getByTestId('register-tab-changes').click();
    const list = page.getByTestId('register-changes');
    await list.waitFor({ timeout: 30_000 });
    for (const kind of ['new', 'gone', 'level', 'hits'] as const) {
      await expect.poll(() => list.locator(`tr[data-kind=${kind}]`).count()).toBe(changes.filter((c) => c.kind === kind).length);
    }
    await expect.poll(() => page.getByTestId('register-new-layers').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/register-changes.png` });
    await page.getByTestId('register-tab-entries').click();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe(`显示 ${Math.min(200, resurveyed.entries.length)} / ${resurveyed.entries.length} 条`);
    await page.getByTestId('register-search').fill(reviewed.id);
    const cell = page.locator(`[data-testid=register-table] tr[data-key="${reviewed.key}"] td`).last();
    await expect.poll(() => cell.textContent()).toBe('有异议');
    expect(consoleErrors).toEqual([]);
  });
});
