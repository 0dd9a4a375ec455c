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
    await expect.poll(() => page.getByTestId('reloc-solver').textContent()).toMatch(/已证明最优：总成本与理论最低成本相差不超过 \d+\.\d%.*结果指纹 [0-9a-f]{4}-.*剪枝经证明没有丢失更优解/);
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

  it('gives the same answer and fingerprint after the suitability analysis runs, and after a reload', async () => {
    await page.getByTestId('reloc-tab-overview').click();
    const fingerprint = async () => (await page.getByTestId('reloc-fingerprint').locator('code').textContent()) ?? '';
    const before = { fp: await fingerprint(), total: await page.getByTestId('ind-total').locator('strong').textContent() };
    expect(before.fp).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    // The suitability analysis runs; its regions join no scenario unless the planner adds them.
    await page.getByTestId('suitability-button').click();
    await page.waitForSelector('[data-testid=suit-status][data-settled=true]', { timeout: 120_000 });
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-run').click();
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.querySelector('[data-testid=reloc-progress]'), null, { timeout: 120_000 });
    expect(await fingerprint()).toBe(before.fp);
    expect(await page.getByTestId('ind-total').locator('strong').textContent()).toBe(before.total);
    await page.reload();
    await waitMapIdle(page);
    await page.getByTestId('relocation-button').click();
    await page.getByTestId('reloc-overview').waitFor({ timeout: 120_000 });
    expect(await fingerprint()).toBe(before.fp);
  });

  it('checks destinations against every hazard by an editable rule table, with the reason on the row', async () => {
    const seat = facts.destinations.find((d) => d.type === 'county_seat' && d.hazards.some((h) => h.type === 'flood' && h.zone && h.level === 3))!;
    expect(seat).toBeDefined();
    await page.getByTestId('reloc-tab-destinations').click();
    const row = page.locator(`[data-testid=destination-row][data-destination="${seat.id}"]`);
    await expect.poll(() => row.getByTestId('destination-check').first().textContent(), { timeout: 30_000 }).toMatch(/^排除：洪水“.+”（区内）$/);
    // A county that trusts its levees lets a high flood zone only warn.
    await page.getByTestId('reloc-tab-policy').click();
    await page.getByTestId('hazard-rule-flood-inside-high').selectOption('warn');
    await page.getByTestId('reloc-tab-destinations').click();
    await expect.poll(() => row.getByTestId('destination-check').first().textContent(), { timeout: 60_000 }).toMatch(/^警示：洪水/);
    await page.screenshot({ path: `${ARTIFACTS}/relocation-hazard-rules.png` });
    await page.getByTestId('reloc-tab-policy').click();
    await page.getByTestId('hazard-rule-flood-inside-high').selectOption('exclude');
    await page.getByTestId('reloc-tab-destinations').click();
    await expect.poll(() => row.getByTestId('destination-check').first().textContent(), { timeout: 60_000 }).toMatch(/^排除：洪水/);
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
    await expect.poll(() => page.getByTestId('village-alerts').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`安置点 ${forbidden.name} 受.+“.+”影响，按规则应排除`));
    expect(await page.getByTestId('village-chosen').textContent()).toContain(`${forbidden.name}（人工指定）`);
    await page.screenshot({ path: `${ARTIFACTS}/relocation-override.png` });
    await page.getByTestId('reloc-tab-overview').click();
    expect(await page.getByTestId('ind-total').locator('strong').textContent()).not.toBe(totalBefore);
    // A red alert in the targets and the overview, justified by the note; the sign-off is allowed.
    await expect.poll(() => page.getByTestId('target-alerts').textContent(), { timeout: 30_000 }).toContain('红色警示：1 个自然村');
    expect(await page.getByTestId('red-alert').textContent()).toContain('理由：村民意愿');
    await page.getByTestId('signoff-by').fill('张三');
    await page.getByTestId('signoff-sign').click();
    await expect.poll(() => page.getByTestId('signoff-state').textContent()).toMatch(/^已定稿：张三，\d{4}-\d{2}-\d{2}（结果指纹 [0-9a-f-]{19}）$/);
    // The briefing's first page says both.
    await page.getByTestId('briefing-button').click();
    await page.getByTestId('briefing-view').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('briefing-red-alert').first().textContent()).toContain('红色警示');
    expect(await page.getByTestId('briefing-signoff').textContent()).toContain('已定稿：张三');
    await page.screenshot({ path: `${ARTIFACTS}/relocation-briefing-red-alert.png` });
    await page.getByTestId('briefing-close').click();

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
    // An edit to the inputs clears the sign-off.
    expect(await page.getByTestId('signoff-state').textContent()).toBe('未定稿');
    await page.getByTestId('reloc-tab-villages').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('村庄搬迁明细');
    expect(text).toMatch(/结果指纹,[0-9a-f]{4}-/);
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
