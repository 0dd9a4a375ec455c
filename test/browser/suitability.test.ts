import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { openApp, waitMapIdle } from './chromium';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { SuitabilityEngine } from '../../src/core/suitability/engine';
import { defaultRules, presetModel } from '../../src/core/suitability/presets';
import type { SuitabilityModel } from '../../src/core/suitability/model';
import { readFlatGeobuf } from '../../src/io/fgb';
import { demoSuitabilityInputs } from '../bench/demo-suitability';

const ARTIFACTS = 'test-artifacts/screenshots';

let browser: Browser;
let page: Page;
let consoleErrors: string[];

type Anju = { __anju: { suitability(): { regions: Float64Array; image: ImageData } | null; map: { getCenter(): { lng: number; lat: number } } } };


/** What the app must show, from the demo files in Node (no workers, no UI). */
async function expected(model: SuitabilityModel) {
  const engine = new SuitabilityEngine(await demoSuitabilityInputs());
  const outcome = await engine.evaluate(model, defaultRules(), defaultExposureParams());
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.en).join('; '));
  return outcome.result;
}

/** Remembers the score image on the map now, to ask later whether the map shows another. */
async function markImage(p: Page): Promise<void> {
  await p.evaluate(() => ((window as unknown as { __marked: unknown }).__marked = (window as unknown as Anju).__anju.suitability()!.image));
}

async function imageChanged(p: Page): Promise<boolean> {
  return p.evaluate(() => (window as unknown as Anju).__anju.suitability()!.image !== (window as unknown as { __marked: unknown }).__marked);
}

/** Waits until no edit is on its way to the map: nothing queued or running, regions in. */
async function settled(p: Page): Promise<void> {
  await p.waitForSelector('[data-testid=suit-status][data-settled=true]', { timeout: 60_000 });
}

async function regionRows(p: Page): Promise<string[][]> {
  return p.locator('[data-testid=region-table] tbody tr').evaluateAll((rows) => rows.slice(0, 5).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1500, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
});

describe('suitability model builder', () => {
  const base = presetModel('relocation', 'relocation-2');
  const changed: SuitabilityModel = { ...base, criteria: base.criteria.map((c) => (c.id === 'road' ? { ...c, weight: 60 } : c)) };

  it('runs the relocation preset on the demo county and shows the expected score and candidates', async () => {
    const want = await expected(base);
    expect(want.regions.length).toBeGreaterThan(5);
    await page.getByTestId('suitability-button').click();
    await page.getByTestId('score-histogram').waitFor({ timeout: 60_000 });
    // Pick the relocation preset: an editable copy becomes the active model.
    await page.getByTestId('preset-select').selectOption('relocation');
    await expect.poll(() => page.getByTestId('model-select').inputValue()).toBe('relocation-2');
    await page.getByTestId('suit-tab-regions').click();
    await expect.poll(() => page.getByTestId('region-count').textContent(), { timeout: 30_000 }).toBe(`${want.regions.length} 处候选区`);
    const rows = await regionRows(page);
    expect(rows[0].slice(0, 3)).toEqual(['1', want.regions[0].areaHa.toFixed(1), want.regions[0].meanScore.toFixed(1)]);
    const markers = await page.evaluate(() => (window as unknown as Anju).__anju.suitability()?.regions.length ?? 0);
    expect(markers).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/suitability-relocation.png` });
  });

  it('recomputes live when a weight changes: the map and the candidate table follow', async () => {
    const want = await expected(changed);
    await settled(page);
    await markImage(page);
    await page.getByTestId('suit-tab-weights').click();
    await page.getByTestId('wslider-road').fill('60');
    await page.getByTestId('suit-tab-regions').click();
    await expect.poll(() => page.getByTestId('region-count').textContent(), { timeout: 30_000 }).toBe(`${want.regions.length} 处候选区`);
    await expect.poll(async () => (await regionRows(page))[0]?.slice(0, 3)).toEqual(['1', want.regions[0].areaHa.toFixed(1), want.regions[0].meanScore.toFixed(1)]);
    expect(await imageChanged(page)).toBe(true);
    await expect.poll(() => page.getByTestId('suit-status').textContent()).toMatch(/毫秒内更新/);
  });

  it('zooms to a candidate, explains a clicked cell, and exports the regions', async () => {
    const centre = await page.evaluate(() => (window as unknown as Anju).__anju.map.getCenter());
    await page.locator('[data-testid=region-table] tbody tr').first().click();
    await expect.poll(async () => {
      const c = await page.evaluate(() => (window as unknown as Anju).__anju.map.getCenter());
      return Math.abs(c.lng - centre.lng) + Math.abs(c.lat - centre.lat) > 1e-4;
    }).toBe(true);
    await waitMapIdle(page);
    await page.getByTestId('sensitivity').click();
    await page.locator('[data-testid=region-table] th', { hasText: '排名稳定' }).waitFor();
    // A click on the map explains the cell under it.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
    const popup = page.getByTestId('cell-popup');
    await popup.waitFor({ timeout: 10_000 });
    expect(await popup.locator('tbody tr').count()).toBe(changed.criteria.length);
    await page.screenshot({ path: `${ARTIFACTS}/suitability-candidate.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-fgb').click()]);
    const bytes = readFileSync((await download.path())!);
    const layer = readFlatGeobuf(new Uint8Array(bytes));
    expect(layer.ok).toBe(true);
    if (layer.ok) {
      const want = await expected(changed);
      expect(layer.value.table.length).toBe(want.regions.length);
      const rank = layer.value.table.columns.find((c) => c.name === 'rank')!;
      expect(rank.values[0]).toBeDefined();
    }
    const [tif] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tif').click()]);
    expect(readFileSync((await tif.path())!).subarray(0, 2).toString('latin1')).toBe('II');
  });

  it('weights by AHP with the consistency ratio and names the most inconsistent judgement', async () => {
    await page.getByTestId('suit-tab-weights').click();
    await page.getByTestId('ahp-mode').check();
    await expect.poll(() => page.getByTestId('ahp-cr').textContent()).toMatch(/CR = 0\.000/);
    // Slope ≫ elevation, elevation ≫ road, but road ≫ slope: inconsistent.
    await page.getByTestId('pair-0-1').selectOption({ label: '左项极端重要（9）' });
    await page.getByTestId('pair-1-2').selectOption({ label: '左项极端重要（9）' });
    await page.getByTestId('pair-0-2').selectOption({ label: '右项极端重要（1/9）' });
    await expect.poll(() => page.getByTestId('ahp-cr').textContent()).toMatch(/判断不一致。最不一致的一项/);
    await page.screenshot({ path: `${ARTIFACTS}/suitability-ahp.png` });
  });

  it('refuses a broken transform with a message in Chinese and keeps the last map', async () => {
    await settled(page); // the AHP edits' run must not land after the mark
    await markImage(page);
    await page.getByTestId('suit-tab-criteria').click();
    const slope = page.getByTestId('criterion-slope');
    await slope.getByTestId('t-breaks').fill('15, 6, 25');
    await expect.poll(() => slope.getByTestId('transform-problem').textContent()).toBe('分级界值须递增：第 2 个（6）不大于第 1 个（15）。');
    await expect.poll(() => page.getByTestId('suit-problems').textContent()).toContain('因子“坡度”的变换有误');
    expect(await imageChanged(page)).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/suitability-bad-breaks.png` });
    await slope.getByTestId('t-breaks').fill('6, 15, 25');
    await page.getByTestId('suit-problems').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('keeps the models across a reload', async () => {
    await page.waitForTimeout(600); // the store saves 300 ms after the last edit
    await page.reload();
    await waitMapIdle(page);
    await page.getByTestId('suitability-button').click();
    await page.getByTestId('score-histogram').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('model-select').inputValue()).toBe('relocation-2');
    await page.getByTestId('suit-tab-weights').click();
    await expect.poll(() => page.getByTestId('ahp-cr').textContent()).toMatch(/判断不一致/);
    expect(consoleErrors).toEqual([]);
  });

  it('says what is missing in a project without a DEM', async () => {
    await page.getByTestId('project-menu').click();
    await page.getByTestId('new-project-name').fill('无高程县');
    await page.getByTestId('new-project').click();
    await page.getByTestId('empty-project').waitFor({ timeout: 30_000 });
    await page.getByTestId('suitability-button').click();
    await expect.poll(() => page.getByTestId('suit-problems').textContent(), { timeout: 30_000 }).toContain('项目没有数字高程模型（DEM）');
    await page.screenshot({ path: `${ARTIFACTS}/suitability-no-dem.png` });
    await page.getByTestId('project-menu').click();
    await page.getByTestId('open-demo').click();
    await waitMapIdle(page);
    expect(consoleErrors).toEqual([]);
  });
});
