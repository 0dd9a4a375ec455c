import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { openApp, waitMapIdle } from './chromium';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { buildFacts } from '../../src/core/relocation/facts';
import { defaultPolicy } from '../../src/core/relocation/policy';
import { runScenario, type RelocationFacts, type RelocationResult } from '../../src/core/relocation/analysis';
import { demoSourceInputs } from '../bench/demo-suitability';

const ARTIFACTS = 'test-artifacts/screenshots';

let browser: Browser;
let page: Page;
let consoleErrors: string[];
let facts: RelocationFacts;
let want: RelocationResult;
/** The override the second test makes, for the Node runs of later tests. */
let overridden: { village: string; destination: string } | null = null;

type Anju = { __anju: { relocation(): { flows: unknown[]; status: Uint8Array } | null } };


const people = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(2)} 万人` : `${Math.round(n)} 人`);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // What the app must show, computed in Node from the demo files.
  const out = buildFacts(await demoSourceInputs(), { travel: defaultPolicy().travel, hazards: defaultExposureParams() });
  if (!out.ok) throw new Error(out.problem.en);
  facts = out.facts;
  want = runScenario(await highsLoader(), facts, { id: 's1', name: '方案一', policy: defaultPolicy(), capacities: {}, overrides: {} });
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1500, height: 900 }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('relocation analysis', () => {
  it('runs on the demo county: every must-move village placed or reported, the numbers Node finds', async () => {
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-overview').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('ind-moved').locator('strong').textContent()).toBe(people(want.indicators.peopleMoved));
    expect(await page.getByTestId('ind-must').locator('strong').textContent()).toBe(people(want.indicators.peopleMust));
    await expect.poll(() => page.getByTestId('reloc-solver').textContent()).toMatch(/HiGHS 求得最优解.*剪枝经证明没有丢失更优解/);
    const flows = await page.evaluate(() => (window as unknown as Anju).__anju.relocation()?.flows.length ?? -1);
    expect(flows).toBe(want.villages.filter((v) => v.destination >= 0).length);
    await page.screenshot({ path: `${ARTIFACTS}/relocation-overview.png` });

    await page.getByTestId('reloc-tab-villages').click();
    const rows = page.locator('[data-testid=village-row]');
    const must = want.villages.filter((v) => v.status === 'must').length;
    expect(await rows.count()).toBe(must);
    const destinations = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3].textContent ?? ''));
    for (const d of destinations) expect(d === '未能安置' || facts.destinations.some((x) => x.name === d)).toBe(true);
    if (destinations.includes('未能安置')) {
      await page.getByTestId('reloc-tab-overview').click();
      await page.getByTestId('reloc-shortage').waitFor();
    }
  });

  it('overrides a village: alerts and totals update at once, and a reload keeps the override', async () => {
    await page.getByTestId('reloc-tab-overview').click();
    const totalBefore = await page.getByTestId('ind-total').locator('strong').textContent();
    await page.getByTestId('reloc-tab-villages').click();
    const row = page.locator('[data-testid=village-row]').first();
    const villageId = await row.getAttribute('data-village');
    await row.click();
    await page.getByTestId('village-detail').waitFor();
    // A destination the hazard check forbids: the override is kept, and said to be against the rule.
    const forbidden = facts.destinations.find((d) => d.hazards.some((h) => h.type !== 'flood'))!;
    await page.getByTestId('override-destination').selectOption(forbidden.id);
    await page.getByTestId('override-note').fill('村民意愿');
    await page.getByTestId('override-apply').click();
    overridden = { village: villageId!, destination: forbidden.id };
    await expect.poll(() => page.getByTestId('village-alerts').textContent(), { timeout: 30_000 }).toContain(`安置点 ${forbidden.name} 受隐患`);
    expect(await page.getByTestId('village-chosen').textContent()).toContain(`${forbidden.name}（人工指定）`);
    await page.screenshot({ path: `${ARTIFACTS}/relocation-override.png` });
    await page.getByTestId('reloc-tab-overview').click();
    expect(await page.getByTestId('ind-total').locator('strong').textContent()).not.toBe(totalBefore);

    await page.reload();
    await waitMapIdle(page);
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-overview').waitFor({ timeout: 120_000 });
    await page.getByTestId('reloc-tab-villages').click();
    await page.locator(`[data-testid=village-row][data-village="${villageId}"]`).click();
    await expect.poll(() => page.getByTestId('village-chosen').textContent(), { timeout: 30_000 }).toContain(`${forbidden.name}（人工指定）`);
    expect(await page.getByTestId('override-note').inputValue()).toBe('村民意愿');
    // Another village's detail starts from its own (empty) override, not this one's.
    await page.locator(`[data-testid=village-row]:not([data-village="${villageId}"])`).first().click();
    await expect.poll(() => page.getByTestId('override-note').inputValue()).toBe('');
    expect(await page.getByTestId('override-destination').inputValue()).toBe('');
  });

  it('reruns when the policy changes, and exports the village table', async () => {
    await page.getByTestId('reloc-tab-overview').click();
    // A subsidy moves cost from households to government: the public total changes.
    const before = await page.getByTestId('ind-total').locator('.sub').textContent();
    await page.getByTestId('reloc-tab-policy').click();
    const field = page.getByTestId('policy-cost.subsidyOther');
    await field.fill('30000');
    await field.press('Enter');
    await page.getByTestId('reloc-tab-overview').click();
    await expect.poll(() => page.getByTestId('reloc-latency').textContent(), { timeout: 60_000 }).toMatch(/毫秒内更新/);
    await expect.poll(() => page.getByTestId('ind-total').locator('.sub').textContent(), { timeout: 60_000 }).not.toBe(before);
    await page.getByTestId('reloc-tab-villages').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('村庄搬迁明细');
    expect(text.split('\r\n').length).toBeGreaterThan(facts.villages.length);
    expect(consoleErrors).toEqual([]);
  });

  it('says which field is wrong when a policy value is out of range, and keeps the last results', async () => {
    await page.getByTestId('reloc-tab-overview').click();
    const moved = await page.getByTestId('ind-moved').locator('strong').textContent();
    await page.getByTestId('reloc-tab-policy').click();
    const field = page.getByTestId('policy-cost.housingM2LowIncome');
    await field.fill('30');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('reloc-problems').textContent(), { timeout: 30_000 }).toContain('低收入人均住房面积（上限 25）（cost.housingM2LowIncome）应在 0–25 之间，现为 30');
    await page.screenshot({ path: `${ARTIFACTS}/relocation-bad-policy.png` });
    await page.getByTestId('reloc-tab-overview').click();
    expect(await page.getByTestId('ind-moved').locator('strong').textContent()).toBe(moved);
    await page.getByTestId('reloc-tab-policy').click();
    await page.getByTestId('policy-cost.housingM2LowIncome').fill('25');
    await page.getByTestId('policy-cost.housingM2LowIncome').press('Enter');
    await expect.poll(() => page.getByTestId('reloc-problems').count(), { timeout: 30_000 }).toBe(0);
  });

  it('names the destinations short of room and by how many people when villages must stay in their township', async () => {
    const policy = defaultPolicy();
    policy.cost.subsidyOther = 30_000;
    policy.assignment.sameTownship = true;
    const overrides = overridden ? { [overridden.village]: { destination: overridden.destination, note: '村民意愿' } } : {};
    const short = runScenario(await highsLoader(), facts, { id: 's1', name: '方案一', policy, capacities: {}, overrides });
    expect(short.shortages.length + short.noDestination.length).toBeGreaterThan(0);
    await page.getByTestId('reloc-tab-policy').click();
    await page.getByTestId('policy-assignment.sameTownship').check();
    await page.getByTestId('reloc-tab-overview').click();
    const box = page.getByTestId('reloc-shortage');
    await box.waitFor({ timeout: 60_000 });
    for (const x of short.shortages) {
      await expect.poll(() => box.textContent()).toContain(`${facts.destinations[x.destination].name} 缺 ${Math.round(x.shortBy)} 人（${x.villages.length} 个村的首选）`);
    }
    if (short.noDestination.length > 0) expect(await box.textContent()).toContain(`${short.noDestination.length} 个村没有任何可用安置点`);
    expect(await box.textContent()).toContain('取消同乡镇约束');
    await page.screenshot({ path: `${ARTIFACTS}/relocation-shortage.png` });
  });

  it('says what a project without villages, destinations or a DEM needs', async () => {
    await page.getByTestId('project-menu').click();
    await page.getByTestId('new-project-name').fill('空项目');
    await page.getByTestId('new-project').click();
    await page.getByTestId('empty-project').waitFor({ timeout: 30_000 });
    await page.getByTestId('relocation-button').click();
    await expect.poll(() => page.getByTestId('reloc-problems').textContent(), { timeout: 60_000 }).toContain('项目中没有自然村图层：请导入自然村');
    await page.getByTestId('project-menu').click();
    await page.getByTestId('open-demo').click();
    await waitMapIdle(page);
    expect(consoleErrors).toEqual([]);
  });
});
