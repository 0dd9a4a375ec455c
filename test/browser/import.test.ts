import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { makeTransform } from '../../src/core/crs';
import type { Column } from '../../src/core/types';
import { demoSourceInputs } from '../bench/demo-suitability';
import { dropFiles, layerIds, openApp, waitMapIdle } from './chromium';

const ARTIFACTS = 'test-artifacts/screenshots';
const FIXTURES = 'test/fixtures/import';

let browser: Browser;
let page: Page;
let consoleErrors: string[];


beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1400, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Eight of the demo county's villages as a county would copy them from Gaode (GCJ-02, ~500 m
 * off), in a CSV with Chinese headers; written to a temporary folder.
 */
async function gaodeVillagesCsv(): Promise<string> {
  const { layers } = await demoSourceInputs();
  const villages = layers.find((l) => l.role === 'villages')!;
  const names = (villages.columns.find((c) => c.name === 'name') as Extract<Column, { type: 'string' }>).values;
  const toLngLat = makeTransform(villages.crs, 'EPSG:4326');
  const lines = ['村名,经度,纬度,人口'];
  for (let i = 0; i < 8; i++) {
    const [lng, lat] = gcoord.transform(toLngLat(villages.geometry.coords[2 * i * 37], villages.geometry.coords[2 * i * 37 + 1]), gcoord.WGS84, gcoord.GCJ02) as [number, number];
    lines.push(`${names[i * 37]},${lng.toFixed(6)},${lat.toFixed(6)},${100 + i}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'anju-gaode-'));
  const file = join(dir, '县上报村庄_高德.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

describe('importing data', () => {
  it('says when village points look copied from Gaode (GCJ-02), and converts them with one click', async () => {
    await dropFiles(page, [await gaodeVillagesCsv()]);
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor({ timeout: 30_000 });
    await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
    const likely = page.getByTestId('import-offset-likely');
    await likely.waitFor({ timeout: 10_000 });
    expect(await likely.textContent()).toMatch(/GCJ-02（高德、腾讯地图）偏移坐标：8 个点与项目中对应的自然村相差约 \d{3} 米/);
    await page.screenshot({ path: `${ARTIFACTS}/19-import-gcj02-likely.png` });
    await page.getByTestId('import-offset-apply').click();
    expect(await page.getByTestId('import-offset-gcj02').isChecked()).toBe(true);
    await likely.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => page.getByTestId('import-issues').textContent(), { timeout: 10_000 }).toContain('已将 8 个点的坐标由 GCJ-02');
    await page.getByTestId('import-skip').click();
    await wizard.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('takes a GCJ-02 CSV through the wizard onto the map, converted to WGS84', async () => {
    await dropFiles(page, [`${FIXTURES}/table/villages_gcj02.csv`]);
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-role').inputValue()).toBe('villages');
    // The file has longitude/latitude columns, so the guess is CGCS2000 and the user confirms it.
    expect(await page.getByTestId('import-crs-select').inputValue()).toBe('EPSG:4490');
    await page.getByTestId('import-offset-gcj02').check();
    await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
    await expect.poll(async () => page.getByTestId('import-issues').textContent(), { timeout: 10_000 }).toContain('GCJ-02');
    await page.screenshot({ path: `${ARTIFACTS}/20-import-wizard.png` });
    const before = await layerIds(page);
    await page.getByTestId('import-add').click();
    await wizard.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('import-messages').textContent()).toContain('已导入');
    const after = await layerIds(page);
    expect(after.filter((id) => !before.includes(id))).toEqual(['user-villages-1']);
    await page.screenshot({ path: `${ARTIFACTS}/21-imported.png` });
  });

  it('restores the imported layer after a reload', async () => {
    await page.reload();
    await waitMapIdle(page);
    // Still where the import put it: at the top of the layer list.
    expect((await layerIds(page))[0]).toBe('user-villages-1');
    const drawn = await page.evaluate(() => {
      const anju = (window as unknown as { __anju: { layers: Map<string, { featureCount: number }> } }).__anju;
      return anju.layers.get('user-villages-1')?.featureCount ?? 0;
    });
    expect(drawn).toBeGreaterThan(0);
  });

  it('reports a file it cannot read and leaves the loaded layers alone', async () => {
    const before = await layerIds(page);
    await dropFiles(page, [`${FIXTURES}/table/not_really.csv`, `${FIXTURES}/shapefile/no_shp.zip`]);
    const failures = page.getByTestId('import-failures');
    await failures.waitFor({ timeout: 30_000 });
    const text = (await failures.textContent()) ?? '';
    expect(text).toContain('not_really.csv');
    expect(text).toContain('no_shp.zip');
    await page.screenshot({ path: `${ARTIFACTS}/22-import-failed.png` });
    await page.getByTestId('import-close').click();
    expect(await layerIds(page)).toEqual(before);
  });

  it('starts a new empty project, imports a layer into it, and keeps it across reloads', async () => {
    await page.getByTestId('project-menu').click();
    await page.getByTestId('new-project-name').fill('测试县');
    await page.getByTestId('new-project').click();
    await page.getByTestId('empty-project').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('project-title').textContent()).toContain('测试县');
    expect(await layerIds(page)).toEqual([]);
    await dropFiles(page, [`${FIXTURES}/raster/projected-4549.geojson`]);
    await page.getByTestId('import-wizard').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-add').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'detached', timeout: 30_000 });
    expect((await layerIds(page)).length).toBe(1);
    await page.reload();
    await page.getByTestId('project-title').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('project-title').textContent()).toContain('测试县');
    await expect.poll(() => layerIds(page), { timeout: 30_000 }).toHaveLength(1);
    await waitMapIdle(page);
    await page.screenshot({ path: `${ARTIFACTS}/23-new-project.png` });
    // Back to the demo, which still holds the layer imported into it.
    await page.getByTestId('project-menu').click();
    await page.getByTestId('open-demo').click();
    await waitMapIdle(page);
    expect(await layerIds(page)).toContain('user-villages-1');
  });

  it('logs no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
