/**
 * The demo county's answers, guarded: the register as exported (CSV), the default scenario's
 * indicators and its village table. A change to any of them is either a bug or a reviewed
 * update of the golden files.
 */
import { describe, it } from 'vitest';
import { defaultExposureParams, runExposureAnalysis } from '../../src/core/exposure/analysis';
import { registerEntries } from '../../src/core/exposure/register';
import { registerSheet } from '../../src/core/exposure/register-table';
import { registerCsv } from '../../src/io/register-export';
import { demoSourceInputs } from '../bench/demo-suitability';
import { project, settle } from '../ui/relocation-project';
import { buildBriefing } from '../../src/ui/briefing/build';
import { expectGolden } from './golden';
import { uiTranslation } from '../ui/ui-translation';

/** A fixed instant, so the register's dates are the same on every machine and time zone. */
const AT = Date.UTC(2026, 0, 15, 2, 0);
process.env.TZ = 'Asia/Shanghai';

describe('demo county golden files', () => {
  it('register CSV', async () => {
    const { layers } = await demoSourceInputs();
    const run = runExposureAnalysis(
      {
        hazards: layers.filter((l) => l.role === 'hazards'),
        exposed: layers.filter((l) => l.role === 'villages' || l.role === 'households' || l.role === 'settlements'),
        townships: layers.find((l) => l.layerId === 'townships') ?? null,
      },
      defaultExposureParams(),
      { now: AT },
    );
    const csv = new TextDecoder().decode(registerCsv(registerSheet(run, registerEntries(run), null, AT, '示范县')));
    expectGolden('demo-register.csv', csv);
  });

  it('relocation indicators and village table of the default scenario', async () => {
    const { store } = project();
    await store.run();
    await settle(store);
    const { facts, result } = store.getSnapshot();
    if (!facts || !result) throw new Error('the demo relocation gave no result');
    const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : String(v));
    // Two decimals: the last bits of a float sum are not part of the answer.
    const indicators = JSON.stringify(result.indicators, (_, v: unknown) => (typeof v === 'number' ? round(v) : v), 1);
    expectGolden('demo-relocation-indicators.json', `${indicators}\n`);
    const rows = result.villages.map((r, v) => {
      const f = facts.villages[v];
      const dest = r.destination >= 0 ? facts.destinations[r.destination].id : '';
      return [f.id, f.name, f.township, r.status, r.reasons.map((x) => x.code).join('+'), f.population, dest, r.cost ? Math.round(r.cost.total) : '', r.cost ? Math.round(r.cost.public) : '', round(r.minutes)].join(',');
    });
    expectGolden('demo-relocation-villages.csv', `id,name,township,status,reasons,people,destination,costYuan,publicYuan,minutes\n${rows.join('\n')}\n`);

    // The leader's briefing of the same scenario, every page's text, in Chinese (no map image).
    const t = await uiTranslation();
    const scenario = store.active!;
    const briefing = buildBriefing({
      lang: 'zh', county: '示范县', author: '示范县自然资源局', date: new Date(AT), scenarios: [{ scenario, run: { facts, result } }], map: null,
      attribution: '合成示范数据', layers: [{ name: '自然村（合成）', source: '合成示范数据' }], disputed: [], t,
    });
    expectGolden('demo-briefing.json', `${JSON.stringify(briefing, null, 1)}\n`);
  });
});
