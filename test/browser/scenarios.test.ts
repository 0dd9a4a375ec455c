import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { openApp, waitMapIdle } from './chromium';
import { extractPdfText } from '../pdf-text';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { measureBase } from '../../src/core/relocation/facts';
import { defaultPolicy } from '../../src/core/relocation/policy';
import type { RelocationFacts } from '../../src/core/relocation/analysis';
import { demoSourceInputs } from '../bench/demo-suitability';

const ARTIFACTS = 'test-artifacts/screenshots';

let browser: Browser;
let page: Page;
let consoleErrors: string[];
let facts: RelocationFacts;
/** Corners of a clear square (no hazard hit) of about 400 m beside a central town. */
let square: [number, number][];

type Anju = { __anju: { map: { jumpTo(o: unknown): void; project(p: [number, number]): { x: number; y: number } } } };

/** Page coordinates of a place on the map. */
async function screenAt(p: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await p.locator('.maplibregl-canvas').first().boundingBox())!;
  const xy = await p.evaluate((ll) => (window as unknown as Anju).__anju.map.project(ll), lngLat);
  return { x: box.x + xy.x, y: box.y + xy.y };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = measureBase(await demoSourceInputs(), { travel: defaultPolicy().travel, hazards: defaultExposureParams() });
  if (!out.ok) throw new Error(out.problem.en);
  facts = out.base.facts;
  const d = 0.002;
  const candidates = facts.destinations.filter((t) => t.type === 'central_town').flatMap((t) => [[1, 1], [-1, 1], [1, -1], [-1, -1]].map(([sx, sy]): [number, number][] => {
    const [x, y] = [t.lngLat[0] + sx * 0.003, t.lngLat[1] + sy * 0.003];
    return [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d]];
  }));
  const checks = out.base.checkSites(candidates.map((ring, i) => ({ id: `c${i}`, name: '', lngLat: [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[2][1]) / 2], ring })));
  square = candidates[checks.findIndex((c) => c.hits.length === 0)];
  if (!square) throw new Error('No clear square beside a central town in the demo county.');
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1600, height: 950 }));
  // Scenario names and confirmations come through the browser's own dialogs.
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => void (d.type() === 'prompt' ? d.accept('新址方案') : d.accept()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('scenarios, drawing, comparison and the briefing', () => {
  it('draws a relocation site in a new scenario: hazard-checked at once, and it receives villages', async () => {
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-overview').waitFor({ timeout: 120_000 });
    await page.getByTestId('scenario-duplicate').click();
    await expect.poll(() => page.getByTestId('scenario-select').locator('option:checked').textContent()).toBe('新址方案');
    await page.getByTestId('scenario-description').fill('在中心镇旁新建安置小区');
    await page.getByTestId('scenario-description').blur();

    // A square of about 400 m next to a central town on clear ground.
    const centre: [number, number] = [(square[0][0] + square[1][0]) / 2, (square[0][1] + square[2][1]) / 2];
    await page.evaluate((c) => (window as unknown as Anju).__anju.map.jumpTo({ center: c, zoom: 14 }), centre);
    await waitMapIdle(page);
    await page.getByTestId('reloc-tab-sites').click();
    await page.getByTestId('draw-polygon').click();
    const corners = square;
    for (const c of corners) {
      const p = await screenAt(page, c);
      await page.mouse.click(p.x, p.y);
      await page.waitForTimeout(150);
    }
    const first = await screenAt(page, corners[0]);
    await page.mouse.click(first.x, first.y);
    const row = page.getByTestId('site-row');
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getByTestId('site-hazard').textContent(), { timeout: 60_000 }).toBe('未发现隐患');
    await expect.poll(() => row.getByTestId('site-assigned').textContent(), { timeout: 60_000 }).toMatch(/^[1-9]\d* 个村/);
    await page.getByTestId('draw-stop').click();
    await page.screenshot({ path: `${ARTIFACTS}/scenario-drawn-site.png` });

    // Undo removes the site, redo brings it back.
    await page.getByTestId('sites-undo').click();
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(0);
    await page.getByTestId('sites-redo').click();
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(1);

    // Bad inputs: a negative capacity and a negative budget are named and refused; the values before stay.
    const capacity = page.getByTestId('site-capacity');
    const kept = await capacity.inputValue();
    await capacity.fill('-50');
    await capacity.blur();
    await expect.poll(() => page.getByTestId('site-capacity-error').textContent()).toBe(`“新安置点1”的容量（人）应为不小于 0 的数，现为“-50”；仍按原值计算。`);
    await page.screenshot({ path: `${ARTIFACTS}/scenario-bad-capacity.png` });
    await capacity.fill(kept);
    await capacity.blur();
    await page.getByTestId('site-capacity-error').waitFor({ state: 'detached' });
    await page.getByTestId('reloc-tab-overview').click();
    await page.getByTestId('budget-input').fill('-1');
    await page.getByTestId('budget-input').blur();
    await expect.poll(() => page.getByTestId('budget-error').textContent()).toContain('预算上限应为不小于 0 的数（万元），现为“-1”');
    await page.getByTestId('budget-input').fill('1');
    await page.getByTestId('budget-input').blur();
    await expect.poll(() => page.locator('[data-testid=target-alerts] li[data-code=budget]').textContent()).toMatch(/超出预算上限 1\.0 万元/);
    await page.getByTestId('budget-input').fill('');
    await page.getByTestId('budget-input').blur();
    await page.locator('[data-testid=target-alerts] li[data-code=budget]').waitFor({ state: 'detached' });
  });

  it('compares the new scenario with the base: table, charts, the differing villages on a split map', async () => {
    await page.getByTestId('reloc-tab-compare').click();
    await page.getByTestId('compare-s1').check();
    await page.getByTestId('compare-s2').check();
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await page.getByTestId('compare-charts').locator('svg').count()).toBeGreaterThanOrEqual(4);
    const diffRows = page.getByTestId('diff-row');
    await expect.poll(() => diffRows.count()).toBeGreaterThan(0);
    // The villages the new site took differ, and the site is their destination in the new scenario.
    const destinations = await diffRows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4].textContent));
    expect(destinations).toContain('新安置点1');
    await page.getByTestId('diff-split').check();
    await page.getByTestId('split-map').waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${ARTIFACTS}/scenario-compare-split.png` });
    await page.getByTestId('diff-split').uncheck();
  });

  it('opens the briefing of the comparison, pages through it and downloads the same pages as a PDF in Chinese', async () => {
    const moved = (await page.getByTestId('compare-table').locator('tr[data-indicator=peopleMoved] td').nth(1).textContent())!;
    const cost = (await page.getByTestId('compare-table').locator('tr[data-indicator=publicCost] td').nth(2).textContent())!;
    await page.getByTestId('briefing-author').fill('丽水市自然资源和规划局');
    await page.getByTestId('briefing-author').blur();
    await page.getByTestId('briefing-button').click();
    const view = page.getByTestId('briefing-view');
    await view.waitFor({ timeout: 60_000 });
    const count = (await page.getByTestId('briefing-page-count').textContent())!;
    const pages = Number(/\/\s*(\d+)/.exec(count)![1]);
    expect(pages).toBe(9);
    await page.screenshot({ path: `${ARTIFACTS}/briefing-cover.png` });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('briefing-page').getAttribute('data-page-index')).toBe('1');
    await expect.poll(() => page.getByTestId('briefing-page').textContent()).toContain(moved);
    await page.keyboard.press('ArrowRight');
    await page.screenshot({ path: `${ARTIFACTS}/briefing-map.png` });
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('briefing-page').getAttribute('data-page-index')).toBe(String(pages - 1));

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('briefing-pdf').click()]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const text = await extractPdfText(bytes);
    expect(text).toHaveLength(pages);
    const all = text.join('\n');
    for (const heading of ['方案比选汇报', '主要指标', '搬迁安置示意图', '分乡镇情况', '方案比选', '主要指标图', '风险与待解决问题', '数据来源与规则', '指标说明']) expect(all).toContain(heading);
    expect(text[0]).toContain('丽水市自然资源和规划局');
    expect(text[1]).toContain(moved);
    expect(text[4]).toContain(cost);
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
  });

  it('deletes a scenario after asking, and undoes the deletion', async () => {
    await page.getByTestId('scenario-select').selectOption('s2');
    await page.getByTestId('scenario-delete').click();
    await page.getByTestId('scenario-undo-toast').waitFor();
    expect(await page.getByTestId('scenario-select').locator('option').allTextContents()).toEqual(['方案一']);
    await page.getByTestId('scenario-undo').click();
    await expect.poll(() => page.getByTestId('scenario-select').locator('option').allTextContents()).toEqual(['方案一', '新址方案']);
    await page.reload();
    await waitMapIdle(page);
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-overview').waitFor({ timeout: 120_000 });
    await page.getByTestId('scenario-select').selectOption('s2');
    await page.getByTestId('reloc-tab-sites').click();
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(1);
    expect(await page.getByTestId('scenario-description').inputValue()).toBe('在中心镇旁新建安置小区');
    expect(consoleErrors).toEqual([]);
  });
});
