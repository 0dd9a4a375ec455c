/**
 * What scenarios are judged and compared by: the indicator definitions (one list for the
 * comparison table, its charts and the briefing's definitions page, so they cannot drift), the
 * targets a result can miss, and the villages whose status or destination differs between two
 * scenarios.
 */
import type { LocalizedText } from '../manifest';
import type { Indicators, RelocationFacts, RelocationResult, RelocationScenario, VillageStatus } from './analysis';

export type IndicatorFormat = 'people' | 'yuan' | 'share' | 'minutes' | 'count';

export interface IndicatorDef {
  key: string;
  label: LocalizedText;
  definition: LocalizedText;
  format: IndicatorFormat;
  value(ind: Indicators): number;
  /** Lower is better (costs, people left exposed, minutes): the comparison marks the best. */
  lowerIsBetter: boolean;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { key: 'peopleMoved', format: 'people', lowerIsBetter: false, value: (i) => i.peopleMoved, label: { zh: '搬迁人口', en: 'People moved' }, definition: { zh: '本方案中安置到安置点的自然村人口之和。', en: 'Population of the villages placed at a destination in this scenario.' } },
  { key: 'peopleMust', format: 'people', lowerIsBetter: false, value: (i) => i.peopleMust, label: { zh: '必须搬迁人口', en: 'People who must move' }, definition: { zh: '位于高风险隐患区、中风险隐患附近、水库淹没区或高山远山的自然村人口（按方案规则）。', en: 'Population of villages in a high-risk zone, near a medium-risk hazard, in the reservoir zone, or high and remote (by the scenario’s rules).' } },
  { key: 'exposedHigh', format: 'people', lowerIsBetter: true, value: (i) => i.stillExposedByLevel.high, label: { zh: '仍受威胁人口（高风险）', en: 'Still exposed (high risk)' }, definition: { zh: '不搬迁且受高风险隐患影响（区内或缓冲范围内）的人口。', en: 'People who do not move and are hit by a high-risk hazard (inside or within its buffer).' } },
  { key: 'exposedMedium', format: 'people', lowerIsBetter: true, value: (i) => i.stillExposedByLevel.medium, label: { zh: '仍受威胁人口（中风险）', en: 'Still exposed (medium risk)' }, definition: { zh: '不搬迁、受影响的最高等级为中风险的人口。', en: 'People who do not move whose highest hazard level is medium.' } },
  { key: 'exposedLow', format: 'people', lowerIsBetter: true, value: (i) => i.stillExposedByLevel.low, label: { zh: '仍受威胁人口（低风险）', en: 'Still exposed (low risk)' }, definition: { zh: '不搬迁、受影响的最高等级为低风险的人口。', en: 'People who do not move whose highest hazard level is low.' } },
  { key: 'totalCost', format: 'yuan', lowerIsBetter: true, value: (i) => i.totalCost, label: { zh: '总投资', en: 'Total cost' }, definition: { zh: '搬迁（补助、建房、用地、基础设施、拆旧复垦、搬家）与原地加固的费用之和。', en: 'Moving (subsidy, housing, land, infrastructure, demolition and reclamation, moving) plus repair in place.' } },
  { key: 'publicCost', format: 'yuan', lowerIsBetter: true, value: (i) => i.publicCost, label: { zh: '财政投入', en: 'Public cost' }, definition: { zh: '政府承担的部分：补助、用地、基础设施、拆旧复垦及原地加固。', en: 'The government’s part: subsidy, land, infrastructure, demolition and repair in place.' } },
  { key: 'costPerPerson', format: 'yuan', lowerIsBetter: true, value: (i) => i.costPerPerson, label: { zh: '人均搬迁成本', en: 'Cost per person moved' }, definition: { zh: '搬迁总费用（不含原地加固）÷ 搬迁人口。', en: 'Cost of moving (repair excluded) ÷ people moved.' } },
  { key: 'capacityUsed', format: 'share', lowerIsBetter: false, value: (i) => i.capacityUsed, label: { zh: '安置容量利用率', en: 'Capacity used' }, definition: { zh: '搬迁人口 ÷ 各安置点可用容量之和。', en: 'People moved ÷ the free capacity of all destinations.' } },
  { key: 'schoolAfter', format: 'minutes', lowerIsBetter: true, value: (i) => i.meanAfter.school, label: { zh: '搬迁后到学校平均时间', en: 'Mean minutes to school after' }, definition: { zh: '搬迁人口从安置点到最近学校的出行时间（分钟），按人口加权平均。', en: 'Travel minutes from the destination to the nearest school, averaged over the people moved.' } },
  { key: 'clinicAfter', format: 'minutes', lowerIsBetter: true, value: (i) => i.meanAfter.clinic, label: { zh: '搬迁后到卫生院平均时间', en: 'Mean minutes to clinic after' }, definition: { zh: '搬迁人口从安置点到最近医疗机构的出行时间（分钟），按人口加权平均。', en: 'Travel minutes from the destination to the nearest clinic, averaged over the people moved.' } },
  { key: 'townAfter', format: 'minutes', lowerIsBetter: true, value: (i) => i.meanAfter.town, label: { zh: '搬迁后到城镇平均时间', en: 'Mean minutes to town after' }, definition: { zh: '搬迁人口从安置点到最近县城或中心镇的出行时间（分钟），按人口加权平均。', en: 'Travel minutes from the destination to the nearest county seat or central town, averaged over the people moved.' } },
  { key: 'nearIndustry', format: 'people', lowerIsBetter: false, value: (i) => i.peopleNearIndustry, label: { zh: '30 分钟内可达产业的搬迁人口', en: 'Moved within 30 min of industry' }, definition: { zh: '安置点 30 分钟出行范围内有产业园区或产业选址的搬迁人口。', en: 'People moved to a destination with an industrial park or industry site within 30 minutes.' } },
  { key: 'unassigned', format: 'people', lowerIsBetter: true, value: (i) => i.peopleUnassigned, label: { zh: '未能安置人口', en: 'People not placed' }, definition: { zh: '应搬迁但没有可用安置点（容量不足或规则限制）的人口。', en: 'People who should move but found no allowed destination with room.' } },
];

export type TargetCode = 'hazard_destination' | 'unfinished' | 'budget' | 'capacity' | 'high_risk' | 'unassigned';

export interface TargetAlert {
  code: TargetCode;
  text: LocalizedText;
  /** A red alert: the result is not safe or not final as it stands (a person placed in a hazard zone, an unfinished solve). */
  red?: boolean;
}

/** Whether a result may be called best in a comparison: none of its people placed in a hazard zone, its solve finished. */
export function comparable(result: RelocationResult): boolean {
  return result.redAlerts.length === 0 && result.solver.status !== 'unfinished' && result.solver.status !== 'failed';
}

/**
 * The targets the result misses, red alerts first: people placed at destinations the hazard
 * rules exclude, an unfinished solve; then the budget cap, capacity, people left in high-risk
 * zones, people not placed.
 */
export function targetAlerts(scenario: RelocationScenario, result: RelocationResult, fmtYuan: (n: number, lang: 'zh' | 'en') => string, facts?: RelocationFacts): TargetAlert[] {
  const i = result.indicators;
  const out: TargetAlert[] = [];
  if (result.redAlerts.length > 0) {
    const names = result.redAlerts.map((a) => facts?.villages[a.village]?.name ?? '').filter(Boolean);
    const open = result.redAlerts.filter((a) => !a.justified).length;
    const list = names.length > 0 ? `（${names.slice(0, 6).join('、')}${names.length > 6 ? ' 等' : ''}）` : '';
    const listEn = names.length > 0 ? ` (${names.slice(0, 6).join(', ')}${names.length > 6 ? '…' : ''})` : '';
    out.push({
      code: 'hazard_destination',
      red: true,
      text: {
        zh: `红色警示：${result.redAlerts.length} 个自然村${list}共 ${Math.round(i.peopleIntoHazard)} 人被人工安置到受隐患影响、按规则应排除的安置点，计入仍受威胁人口${open > 0 ? `；其中 ${open} 个未写明理由` : ''}。`,
        en: `Red alert: ${result.redAlerts.length} villages${listEn}, ${Math.round(i.peopleIntoHazard)} people, are placed by hand at destinations the hazard rules exclude; they count as still exposed${open > 0 ? `; ${open} without a written reason` : ''}.`,
      },
    });
  }
  if (result.solver.status === 'unfinished') out.push({ code: 'unfinished', red: true, text: { zh: '求解未完成（到达保护性时限），结果不是最终结果，请重算。', en: 'The solve did not finish (safety time limit): the result is not final; run it again.' } });
  const budget = scenario.targets?.budgetYuan;
  if (budget != null && i.publicCost > budget) {
    out.push({ code: 'budget', text: { zh: `财政投入 ${fmtYuan(i.publicCost, 'zh')} 超出预算上限 ${fmtYuan(budget, 'zh')}（超 ${fmtYuan(i.publicCost - budget, 'zh')}）。`, en: `Public cost ${fmtYuan(i.publicCost, 'en')} exceeds the budget cap ${fmtYuan(budget, 'en')} by ${fmtYuan(i.publicCost - budget, 'en')}.` } });
  }
  if (i.destinationsOver > 0) out.push({ code: 'capacity', text: { zh: `${i.destinationsOver} 个安置点超出容量（人工指定所致）。`, en: `${i.destinationsOver} destinations are over capacity (by overrides).` } });
  if (i.peopleInHighRiskZones > 0) out.push({ code: 'high_risk', text: { zh: `仍有 ${Math.round(i.peopleInHighRiskZones)} 人留在高风险隐患区内。`, en: `${Math.round(i.peopleInHighRiskZones)} people remain inside high-risk hazard zones.` } });
  if (i.peopleUnassigned > 0) out.push({ code: 'unassigned', text: { zh: `${Math.round(i.peopleUnassigned)} 名应搬迁人口没有可用安置点。`, en: `${Math.round(i.peopleUnassigned)} people who should move have no destination.` } });
  return out;
}

export interface VillageDiff {
  id: string;
  name: string;
  township: string | null;
  lngLat: [number, number];
  people: number;
  status: [VillageStatus, VillageStatus];
  /** Destination names (null: none). */
  destination: [string | null, string | null];
  /** Cost of the village in each scenario (move or repair; 0 when it stays). */
  cost: [number, number];
  /** Mean of the minutes to school, clinic and town where the village lives in each scenario. */
  minutes: [number, number];
}

/** The villages whose status or destination differs between two scenarios, largest cost change first. */
export function diffScenarios(a: { facts: RelocationFacts; result: RelocationResult }, b: { facts: RelocationFacts; result: RelocationResult }): VillageDiff[] {
  const indexB = new Map(b.facts.villages.map((v, i) => [v.id, i]));
  const side = (run: { facts: RelocationFacts; result: RelocationResult }, i: number) => {
    const r = run.result.villages[i];
    const dest = r.destination >= 0 ? run.facts.destinations[r.destination] : null;
    const where = r.after ?? run.facts.villages[i].before;
    return {
      status: r.status,
      destId: dest?.id ?? null,
      destName: dest?.name ?? null,
      cost: r.cost?.total ?? (r.status === 'repair' ? (r.repair ?? 0) : 0),
      minutes: (where.school + where.clinic + where.town) / 3,
    };
  };
  const out: VillageDiff[] = [];
  a.facts.villages.forEach((v, i) => {
    const j = indexB.get(v.id);
    if (j === undefined) return;
    const x = side(a, i);
    const y = side(b, j);
    if (x.status === y.status && x.destId === y.destId) return;
    out.push({ id: v.id, name: v.name, township: v.township, lngLat: v.lngLat, people: v.population, status: [x.status, y.status], destination: [x.destName, y.destName], cost: [x.cost, y.cost], minutes: [x.minutes, y.minutes] });
  });
  return out.sort((p, q) => Math.abs(q.cost[1] - q.cost[0]) - Math.abs(p.cost[1] - p.cost[0]));
}
