import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
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

describe('importing data', () => {
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
