/**
 * Builds the leader's briefing (汇报材料) from what the app shows: the scenario's (or the
 * comparison's) indicators, the map as on screen, the township table, the targets missed and the
 * open issues, and the sources, rules and definitions. Every figure goes through the app's own
 * formatters, so the briefing and the panel cannot disagree.
 */
import type { Briefing, BriefingBlock, BriefingPage, MapLegendItem } from '../../core/briefing/model';
import type { RelocationScenario } from '../../core/relocation/analysis';
import { INDICATORS, targetAlerts } from '../../core/relocation/compare';
import { POLICY_SOURCES, type RelocationPolicy } from '../../core/relocation/policy';
import type { LocalizedText } from '../../core/manifest';
import { formatPeople, formatYuan } from '../register/format';
import { CHARTED, indicatorText, SCENARIO_COLORS } from '../relocation/indicators';
import { HAZARD_TYPE, label, VILLAGE_STATUS } from '../../core/vocabulary';
import { signOffText, solverText } from '../relocation/wording';
import { hexOf, RELOCATION_FLOW_COLOR, RELOCATION_GAUGE_COLOR, RELOCATION_STATUS_COLORS } from '../../map/palette';
import type { ScenarioRun } from '../relocation/relocation-store';

type Lang = 'zh' | 'en';
type T = (key: string, params?: Record<string, unknown>) => string;

export interface BriefingInput {
  lang: Lang;
  county: string;
  author: string;
  date: Date;
  /** The current scenario first; more when a comparison is open (2–4). */
  scenarios: { scenario: RelocationScenario; run: ScenarioRun }[];
  map: { png: Uint8Array; width: number; height: number; metresPerPixel: number } | null;
  attribution: string;
  layers: { name: string; source: string }[];
  /** Register entries whose latest review is "disputed", by the name users read. */
  disputed: { name: string; note: string; date: string }[];
  t: T;
}

/** A date as officials write it: 2026年11月22日. */
function officialDate(d: Date, lang: Lang): string {
  return lang === 'zh' ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : d.toISOString().slice(0, 10);
}

/** A round scale-bar length (1, 2 or 5 × 10^k metres) about a fifth of the map's width. */
function roundScaleBar(metresPerPixel: number, widthPx: number, lang: Lang): { label: string; fraction: number } {
  const target = (metresPerPixel * widthPx) / 5;
  const k = 10 ** Math.floor(Math.log10(target));
  const m = [1, 2, 5, 10].map((x) => x * k).filter((x) => x <= target).pop() ?? k;
  const label = m >= 1000 ? `${m / 1000} ${lang === 'zh' ? '公里' : 'km'}` : `${m} ${lang === 'zh' ? '米' : 'm'}`;
  return { label, fraction: m / metresPerPixel / widthPx };
}

export function buildBriefing(input: BriefingInput): Briefing {
  const { lang, t, scenarios } = input;
  const zh = lang === 'zh';
  const [main] = scenarios;
  const ind = main.run.result.indicators;
  const comparing = scenarios.length > 1;
  const title = zh ? `${input.county}地质灾害避让搬迁安置${comparing ? '方案比选' : '方案'}汇报` : `${input.county}: relocation ${comparing ? 'options' : 'plan'} briefing`;
  const pages: BriefingPage[] = [];
  const alerts = targetAlerts(main.scenario, main.run.result, formatYuan, main.run.facts);
  // The sign-off holds only for the result it was given to (same fingerprint).
  const signOff = signOffText(main.scenario, main.run.result, t);
  const footer = comparing
    ? scenarios.map((s) => `${s.scenario.name} ${t('reloc.solver.fingerprint')} ${s.run.result.fingerprint}`).join(' · ')
    : `${t('reloc.solver.fingerprint')} ${main.run.result.fingerprint} · ${signOff}`;

  pages.push({
    kind: 'cover',
    title,
    subtitle: comparing ? scenarios.map((s) => s.scenario.name).join(zh ? ' 与 ' : ' vs ') : main.scenario.name,
    county: input.county,
    date: officialDate(input.date, lang),
    author: input.author,
    signOff,
    alerts: alerts.filter((a) => a.red).map((a) => a.text[lang]),
  });

  // Key numbers: the indicators' own labels and formats.
  const tile = (key: string, note?: string, alert?: boolean) => {
    const def = INDICATORS.find((d) => d.key === key)!;
    return { label: def.label[lang], value: indicatorText(def, ind, lang), ...(note ? { note } : {}), ...(alert ? { alert } : {}) };
  };
  const numbers: BriefingBlock = {
    kind: 'numbers',
    items: [
      tile('peopleMoved', zh ? `${ind.villagesMoved} 个自然村` : `${ind.villagesMoved} villages`),
      tile('peopleMust', `${t('reloc.ind.may')} ${formatPeople(ind.peopleMay, lang)}`),
      { label: t('reloc.ind.exposed'), value: formatPeople(ind.peopleStillExposed, lang), note: `${INDICATORS.find((d) => d.key === 'exposedHigh')!.label[lang]} ${formatPeople(ind.stillExposedByLevel.high, lang)}`, alert: ind.peopleInHighRiskZones > 0 },
      tile('totalCost', `${t('reloc.ind.household')} ${formatYuan(ind.householdCost, lang)}`),
      tile('publicCost', undefined, alerts.some((a) => a.code === 'budget')),
      tile('costPerPerson'),
      tile('capacityUsed', `${t('reloc.ind.unassigned')} ${formatPeople(ind.peopleUnassigned, lang)}`, ind.peopleUnassigned > 0),
    ],
  };
  const keyBlocks: BriefingBlock[] = [numbers];
  if (main.scenario.description) keyBlocks.push({ kind: 'paragraph', text: main.scenario.description });
  keyBlocks.push({ kind: 'list', heading: zh ? '目标核查' : 'Targets', items: alerts.length > 0 ? alerts.map((a) => ({ text: a.text[lang], alert: true })) : [{ text: t('scen.targetsOk') }] });
  pages.push({ kind: 'content', title: zh ? `主要指标：${main.scenario.name}` : `Key figures: ${main.scenario.name}`, blocks: keyBlocks });

  // The map, in the map's own colours.
  if (input.map) {
    const legend: MapLegendItem[] = [
      ...VILLAGE_STATUS.entries.map((e): MapLegendItem => ({ label: label(VILLAGE_STATUS, e.code, lang), color: hexOf(RELOCATION_STATUS_COLORS[e.num]), shape: 'circle' })),
      { label: t('reloc.legend.flow'), color: hexOf(RELOCATION_FLOW_COLOR), shape: 'line' },
      { label: t('reloc.legend.gauge'), color: hexOf(RELOCATION_GAUGE_COLOR), shape: 'square' },
    ];
    pages.push({
      kind: 'content',
      title: zh ? `搬迁安置示意图：${main.scenario.name}` : `Map: ${main.scenario.name}`,
      blocks: [{ kind: 'map', png: input.map.png, width: input.map.width, height: input.map.height, legend, scale: roundScaleBar(input.map.metresPerPixel, input.map.width, lang), attribution: input.attribution, caption: zh ? '图 1　搬迁自然村、安置流向与安置点容量' : 'Figure 1. Villages by status, moves and destination capacity' }],
    });
  }

  // By township.
  const rows = main.run.result.townships;
  const sum = (k: 'villages' | 'people' | 'mustPeople' | 'movedPeople' | 'totalCost' | 'publicCost') => rows.reduce((s, r) => s + r[k], 0);
  const total = { township: zh ? '合计' : 'Total', villages: sum('villages'), people: sum('people'), mustPeople: sum('mustPeople'), movedPeople: sum('movedPeople'), totalCost: sum('totalCost'), publicCost: sum('publicCost') };
  const cells = (r: typeof total) => [r.township, String(r.villages), formatPeople(r.people, lang), formatPeople(r.mustPeople, lang), formatPeople(r.movedPeople, lang), formatYuan(r.totalCost, lang), formatYuan(r.publicCost, lang)];
  pages.push({
    kind: 'content',
    title: zh ? '分乡镇情况' : 'By township',
    blocks: [
      {
        kind: 'table',
        caption: zh ? '表 1　分乡镇搬迁安置情况' : 'Table 1. Relocation by township',
        note: zh ? '总成本含搬迁与原地加固；财政为政府承担部分。' : 'Total cost covers moving and repair in place; public is the government’s part.',
        columns: [
          { label: t('reloc.col.township'), align: 'left' },
          { label: t('reloc.col.villages'), align: 'right' },
          { label: t('reloc.col.people'), align: 'right' },
          { label: t('reloc.col.mustPeople'), align: 'right' },
          { label: t('reloc.col.movedPeople'), align: 'right' },
          { label: t('reloc.col.cost'), align: 'right' },
          { label: t('reloc.col.public'), align: 'right' },
        ],
        rows: rows.map(cells),
        footer: cells(total),
      },
    ],
  });

  // The comparison: the indicator table, then its charts (one page each, so neither runs over).
  if (comparing) {
    pages.push({
      kind: 'content',
      title: zh ? '方案比选' : 'Scenarios compared',
      blocks: [
        {
          kind: 'table',
          caption: zh ? '表 2　方案主要指标比较' : 'Table 2. Indicators by scenario',
          columns: [{ label: zh ? '指标' : 'Indicator', align: 'left' }, ...scenarios.map((s) => ({ label: s.scenario.name, align: 'right' as const }))],
          rows: INDICATORS.map((def) => [def.label[lang], ...scenarios.map((s) => indicatorText(def, s.run.result.indicators, lang))]),
        },
      ],
    });
    pages.push({
      kind: 'content',
      title: zh ? '方案比选：主要指标图' : 'Scenarios compared: charts',
      // One chart per unit, a group of bars per indicator, a bar per scenario.
      blocks: [...new Set(CHARTED.map((c) => c.group.zh))].map((group): BriefingBlock => {
        const charted = CHARTED.filter((c) => c.group.zh === group);
        const defs = charted.map((c) => INDICATORS.find((d) => d.key === c.key)!);
        return {
          kind: 'bars',
          title: charted[0].group[lang],
          unit: charted[0].unit[lang],
          categories: defs.map((d) => d.label[lang]),
          series: scenarios.map((s, k) => ({
            label: s.scenario.name,
            color: SCENARIO_COLORS[k],
            values: defs.map((d, i) => charted[i].scale(d.value(s.run.result.indicators))),
            labels: defs.map((d) => indicatorText(d, s.run.result.indicators, lang)),
          })),
        };
      }),
    });
  }

  // Risks and open issues.
  const result = main.run.result;
  const facts = main.run.facts;
  const risks: { text: string; alert?: boolean }[] = alerts.map((a) => ({ text: a.text[lang], alert: true }));
  for (const s of result.shortages.slice(0, 8)) risks.push({ text: t('reloc.shortage.line', { destination: facts.destinations[s.destination].name, by: Math.round(s.shortBy), count: s.villages.length }), alert: true });
  if (result.noDestination.length > 0) {
    const names = result.noDestination.map((id) => facts.villages.find((v) => v.id === id)?.name ?? id);
    risks.push({ text: zh ? `无可用安置点的自然村：${names.slice(0, 12).join('、')}${names.length > 12 ? ` 等 ${names.length} 个` : ''}` : `Villages with no allowed destination: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ` and ${names.length - 12} more` : ''}`, alert: true });
  }
  const overridden = result.villages.filter((v) => v.overridden).length;
  if (overridden > 0) risks.push({ text: zh ? `${overridden} 个自然村的状态或安置点为人工调整，请核实说明。` : `${overridden} villages have a status or destination set by hand; check their notes.` });
  // Anything short of a proven optimum is said, in the words the panel uses.
  if (result.solver.status !== 'optimal' && result.solver.status !== 'none') risks.push({ text: solverText(result, main.scenario.policy.assignment.relGap, t), alert: result.solver.status === 'unfinished' || result.solver.status === 'failed' });
  for (const d of input.disputed.slice(0, 10)) risks.push({ text: zh ? `隐患台账有异议：${d.name}（${d.date}）${d.note}` : `Disputed register entry: ${d.name} (${d.date}) ${d.note}` });
  if (input.disputed.length > 10) risks.push({ text: zh ? `另有 ${input.disputed.length - 10} 条有异议的台账记录。` : `${input.disputed.length - 10} more disputed register entries.` });
  if (risks.length === 0) risks.push({ text: zh ? '无待解决问题。' : 'No open issues.' });
  pages.push({ kind: 'content', title: zh ? '风险与待解决问题' : 'Risks and open issues', blocks: [{ kind: 'list', items: risks }] });

  // Sources and rules; then the definitions of every indicator.
  const p = main.scenario.policy;
  pages.push({
    kind: 'content',
    title: zh ? '数据来源与规则' : 'Sources and rules',
    blocks: [
      { kind: 'list', heading: zh ? '数据来源' : 'Data sources', items: bySource(input.layers, lang).map((text) => ({ text })) },
      { kind: 'list', heading: zh ? '规则与假设' : 'Rules and assumptions', items: policyLines(p, lang).map((text) => ({ text })) },
    ],
  });
  pages.push({
    kind: 'content',
    title: zh ? '指标说明' : 'Definitions',
    blocks: [
      { kind: 'list', items: INDICATORS.map((d) => ({ text: `${d.label[lang]}：${d.definition[lang]}` })) },
      { kind: 'paragraph', small: true, text: zh ? `出行时间按 ${Math.round(facts.travel.cellM)} 米网格计算；${officialDate(input.date, lang)}由 Anju 生成。` : `Travel times on a ${Math.round(facts.travel.cellM)} m grid; generated ${officialDate(input.date, lang)} by Anju.` },
    ],
  });
  return { lang, title, footer, pages };
}

/** One line per source with the layers it gave ("合成示范数据：自然村、道路…"). */
function bySource(layers: BriefingInput['layers'], lang: Lang): string[] {
  const groups = new Map<string, string[]>();
  for (const l of layers) groups.set(l.source, [...(groups.get(l.source) ?? []), l.name]);
  return [...groups].map(([source, names]) => (lang === 'zh' ? `${source}：${names.join('、')}` : `${source}: ${names.join(', ')}`));
}

/** The scenario's main rules and costs, each with its source. */
function policyLines(p: RelocationPolicy, lang: Lang): string[] {
  const zh = lang === 'zh';
  // Policies store hazard type codes; the briefing names them as the user does.
  const hazardTypes = p.rules.hazardTypes.map((code) => label(HAZARD_TYPE, code, lang));
  const src = (path: string) => {
    const s: LocalizedText | undefined = POLICY_SOURCES[path];
    return s ? (zh ? `（依据：${s.zh}）` : ` (source: ${s.en})`) : '';
  };
  return [
    zh ? `计入的隐患类型：${hazardTypes.join('、')}` : `Hazard types counted: ${hazardTypes.join(', ')}`,
    (zh ? `中风险隐患距离 ${p.rules.mediumRiskDistanceM} 米` : `Medium-risk distance ${p.rules.mediumRiskDistanceM} m`) + src('rules.mediumRiskDistanceM'),
    (zh ? `高山远山：海拔 ≥ ${p.rules.highElevationM} 米且到镇 ≥ ${p.rules.remoteTownMinutes} 分钟` : `High and remote: ≥ ${p.rules.highElevationM} m and ≥ ${p.rules.remoteTownMinutes} min to town`) + src('rules.highElevationM'),
    (zh ? `低收入人口搬迁补助 ${formatYuan(p.cost.subsidyLowIncome, lang)}/人` : `Low-income subsidy ${formatYuan(p.cost.subsidyLowIncome, lang)} per person`) + src('cost.subsidyLowIncome'),
    (zh ? `一般人口搬迁补助 ${formatYuan(p.cost.subsidyOther, lang)}/人` : `Other subsidy ${formatYuan(p.cost.subsidyOther, lang)} per person`) + src('cost.subsidyOther'),
    (zh ? `出行时间权重 λ = ${p.assignment.lambda} 元/人·分钟` : `Travel weight λ = ${p.assignment.lambda} yuan per person-minute`) + src('assignment.lambda'),
  ];
}
