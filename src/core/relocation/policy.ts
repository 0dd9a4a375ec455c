/**
 * A relocation scenario's assumptions: who must move, what moving costs, how villages are
 * assigned and how fast people travel. Plain, serializable data, stored with the project.
 * Every default names its source (the policy document's title where it gives a number; the
 * county's own setting, marked as such, where none does) so a planner knows what to confirm.
 */
import { cited, COUNTY_SETTING, SOURCES } from '../sources';
import type { LocalizedText } from '../manifest';
import { KEY_VILLAGE_LOW_INCOME_SHARE } from '../policy-defaults';
import { DESTINATION_KIND, HAZARD_TYPE, type DestinationKind, type HazardAction, type HazardType } from '../vocabulary';

/** A number per destination kind (yuan per m², per household…). */
export type ByDestinationType = Record<DestinationKind, number>;

export type { HazardAction } from '../vocabulary';
/** Per risk level, low, medium, high (the register's levels 1–3). */
export type ByRiskLevel<T> = [T, T, T];
/**
 * The hazard check of destinations for one hazard type: what a hit inside the zone and a hit
 * within its buffer (the register's buffer by level) do, per risk level. Applied to every
 * destination (settlements, drawn sites, suitability regions) whatever types the rules count
 * for who must move.
 */
export interface DestinationHazardRule {
  inside: ByRiskLevel<HazardAction>;
  buffer: ByRiskLevel<HazardAction>;
}

export interface EligibilityRules {
  /**
   * Hazard types that make a village move and forbid a destination (besides the reservoir
   * inundation zone, which always does). Floods are left out by default: flood-detention areas
   * and plains are not relocation's targets.
   */
  hazardTypes: string[];
  /** Must move: within this many metres of a medium-risk hazard (0: only inside it). */
  mediumRiskDistanceM: number;
  /** 高山远山: must move when at least this high (m) and at least `remoteTownMinutes` from a town. */
  highElevationM: number;
  remoteTownMinutes: number;
  /** May move: key villages, more than this share of households low-income. */
  keyVillageShare: number;
  /** Which hazard hits rule a destination out and which only warn, by hazard type. */
  destinationHazards: Record<HazardType, DestinationHazardRule>;
}

export interface CostPolicy {
  /** Relocation subsidy per person (yuan). */
  subsidyLowIncome: number;
  subsidyOther: number;
  /** Housing area per person (m²); the low-income figure is a cap. */
  housingM2LowIncome: number;
  housingM2Other: number;
  /** Construction cost per m² of housing, by destination type (yuan). */
  constructionPerM2: ByDestinationType;
  /** Infrastructure (roads, water, power, sewage) per household, by destination type (yuan). */
  infrastructurePerHousehold: ByDestinationType;
  /** Land per household (m² of site) × the destination's land cost per m² (or these by type). */
  landM2PerHousehold: number;
  landCostPerM2: ByDestinationType;
  /** Demolition of the old house and reclamation of its plot, per household (yuan). */
  demolitionPerHousehold: number;
  /** Moving: a fixed part and a part per minute of travel to the destination, per household. */
  movingPerHousehold: number;
  movingPerHouseholdMinute: number;
  /** Share (0–1) of construction + moving beyond the subsidy that households pay themselves. */
  householdShare: number;
  /** Repair in place: reinforcing a C-grade house; rebuilding a D-grade house where it stands. */
  repairPerHouseC: number;
  rebuildPerHouseD: number;
}

export interface AssignmentSettings {
  /** Yuan per person per minute of travel to school, clinic and town at the destination. */
  lambda: number;
  /** Also move villages that may move (not only those that must). */
  includeMay: boolean;
  /** Destinations must be in the village's own township / county. */
  sameTownship: boolean;
  sameCounty: boolean;
  /** Arcs kept per village: its K nearest destinations by travel time (more are added when pricing asks). */
  nearestK: number;
  /**
   * A safety net only: seconds after which a solve that has not finished is stopped and its
   * result marked unfinished (never shown as final). The answer itself never depends on time.
   */
  timeLimitS: number;
  /** Relative distance from the proven bound at which a placement is accepted as optimal. */
  relGap: number;
  /** People a hectare of new site houses (gross, with roads and public space). */
  newSiteDensity: number;
  /** The most people one new site (a suitability region) may take, whatever its area. */
  newSiteMaxPersons: number;
  /** How many of the suitability analysis's best regions are offered when the planner adds them. */
  newSiteCount: number;
}

export interface TravelSettings {
  /** Driving speed (km/h) by road class. */
  roadKmh: Record<'county' | 'township' | 'village', number>;
  /** Off-road walking speed as a share of Tobler's on-path speed. */
  offPathFactor: number;
  /** Rivers are crossed only where a road crosses them. */
  riversBarrier: boolean;
  /** Hazard zones may be walked out of but not through. */
  hazardsImpassable: boolean;
}

export interface RelocationPolicy {
  rules: EligibilityRules;
  cost: CostPolicy;
  assignment: AssignmentSettings;
  travel: TravelSettings;
}

const ANJU: LocalizedText = {
  zh: `${COUNTY_SETTING.zh}：政策文件未给出数值，请按本县实际确认或修改`,
  en: `${COUNTY_SETTING.en}: the policy documents give no number; confirm it or set your county’s`,
};

/** Where each default comes from, by field path (`cost.subsidyLowIncome`). */
export const POLICY_SOURCES: Record<string, LocalizedText> = {
  'rules.hazardTypes': cited({ zh: '地质灾害隐患区（滑坡、崩塌、泥石流、地面塌陷）和重点水库区域的群众搬迁；平原、蓄滞洪区不是扶贫搬迁对象', en: 'People in geological-hazard zones (landslide, collapse, debris flow, subsidence) and key reservoir areas move; plains and flood-detention areas are not targets' }, SOURCES.zhejiangPractice, SOURCES.nationalHandbook),
  'rules.mediumRiskDistanceM': ANJU,
  'rules.highElevationM': ANJU,
  'rules.remoteTownMinutes': ANJU,
  'rules.keyVillageShare': cited({ zh: '重点村：低收入农户占比超过 40%', en: 'Key village: over 40% of households low-income' }, SOURCES.zhejiangPractice),
  'cost.subsidyLowIncome': cited({ zh: '浙江 2020 年低收入农户搬迁补助提高到每人 3 万元', en: 'Zhejiang 2020: relocation subsidy for low-income households 30,000 yuan per person' }, SOURCES.zhejiang2020),
  'cost.subsidyOther': { zh: `丽水实行差异化补助（${SOURCES.lishui2017.zh}）；数额为${COUNTY_SETTING.zh}`, en: `Lishui uses differentiated subsidies (${SOURCES.lishui2017.en}); the amount is the ${COUNTY_SETTING.en.toLowerCase()}` },
  'cost.housingM2LowIncome': cited({ zh: '建档立卡贫困户人均住房面积不超过 25 平方米（国家红线）', en: 'Registered poor households: at most 25 m² of housing per person (national red line)' }, SOURCES.nationalHandbook),
  'cost.housingM2Other': ANJU,
  'cost.constructionPerM2': ANJU,
  'cost.infrastructurePerHousehold': ANJU,
  'cost.landM2PerHousehold': ANJU,
  'cost.landCostPerM2': { zh: `优先用安置点的“地价(元/㎡)”字段；无该字段时用此表（${COUNTY_SETTING.zh}）`, en: `The settlement’s land price field where it has one; this table otherwise (${COUNTY_SETTING.en.toLowerCase()})` },
  'cost.demolitionPerHousehold': ANJU,
  'cost.movingPerHousehold': ANJU,
  'cost.movingPerHouseholdMinute': ANJU,
  'cost.householdShare': ANJU,
  'cost.repairPerHouseC': cited({ zh: 'C 级危房加固约 8,000–10,000 元/户（80 平方米）', en: 'Reinforcing a C-grade house: about 8,000–10,000 yuan (80 m²)' }, SOURCES.nationalHandbook),
  'cost.rebuildPerHouseD': cited({ zh: '拆除重建约多花 70,000–90,000 元', en: 'Demolition and rebuilding: roughly 70,000–90,000 yuan more' }, SOURCES.nationalHandbook),
  'assignment.lambda': ANJU,
  'assignment.nearestK': { zh: '每村保留按时间最近的 K 个安置点；定价检查会补回任何可能更优的安置点', en: 'Each village keeps its K nearest destinations by time; the pricing check adds back any that could do better' },
  'rules.destinationHazards': {
    zh: `隐患区内的安置点不可接受：搬迁对象正是隐患区的群众（${SOURCES.zhejiangPractice.zh}）；缓冲范围内的处理为${COUNTY_SETTING.zh}`,
    en: `A destination inside a hazard zone is not acceptable: the people relocated are those of hazard zones (${SOURCES.zhejiangPractice.en}); what a buffer does is the ${COUNTY_SETTING.en.toLowerCase()}`,
  },
  'assignment.timeLimitS': { zh: '仅为保护性时限：求解按已证明的差距或固定的计算量结束，结果与机器快慢无关；若到时限仍未结束，结果标为“未完成，请重算”', en: 'A safety net only: the solve ends on a proven gap or a fixed amount of work, so the answer does not depend on the machine; a solve stopped by this limit is marked unfinished' },
  'assignment.relGap': { zh: `与全问题下界的相对差距不超过此值即视为最优；1% 即总成本的 1%（${COUNTY_SETTING.zh}）`, en: `A placement this close (relative) to the full problem’s bound counts as optimal; 1% is 1% of the total cost (${COUNTY_SETTING.en.toLowerCase()})` },
  'assignment.newSiteDensity': ANJU,
  'assignment.newSiteMaxPersons': ANJU,
  'assignment.newSiteCount': ANJU,
  'travel.roadKmh': ANJU,
  'travel.offPathFactor': { zh: 'Tobler (1993)：离开道路步行速度约为路上的 3/5', en: 'Tobler (1993): walking off paths is about 3/5 of the on-path speed' },
};

/**
 * The default hazard check of destinations: inside any zone, or within the buffer of a
 * landslide, collapse, debris flow or subsidence, rules a destination out; within the buffer of
 * a reservoir, flood or other hazard only warns.
 */
export function defaultDestinationHazards(): Record<HazardType, DestinationHazardRule> {
  const all = (a: HazardAction): ByRiskLevel<HazardAction> => [a, a, a];
  return Object.fromEntries(HAZARD_TYPE.entries.map((e) => [e.code, { inside: all('exclude'), buffer: all(e.bufferExcludesSite ? 'exclude' : 'warn') }])) as Record<HazardType, DestinationHazardRule>;
}

export function defaultPolicy(): RelocationPolicy {
  return {
    rules: { hazardTypes: HAZARD_TYPE.entries.filter((e) => e.geological).map((e) => e.code), mediumRiskDistanceM: 50, highElevationM: 800, remoteTownMinutes: 60, keyVillageShare: KEY_VILLAGE_LOW_INCOME_SHARE, destinationHazards: defaultDestinationHazards() },
    cost: {
      subsidyLowIncome: 30_000,
      subsidyOther: 10_000,
      housingM2LowIncome: 25,
      housingM2Other: 35,
      constructionPerM2: { county_seat: 2600, central_town: 2200, central_village: 1900, relocation_community: 2000, new_site: 2000 } satisfies ByDestinationType,
      infrastructurePerHousehold: { county_seat: 30_000, central_town: 25_000, central_village: 20_000, relocation_community: 15_000, new_site: 45_000 } satisfies ByDestinationType,
      landM2PerHousehold: 60,
      landCostPerM2: { county_seat: 600, central_town: 350, central_village: 200, relocation_community: 250, new_site: 150 } satisfies ByDestinationType,
      demolitionPerHousehold: 15_000,
      movingPerHousehold: 2_000,
      movingPerHouseholdMinute: 20,
      householdShare: 1,
      repairPerHouseC: 10_000,
      rebuildPerHouseD: 80_000,
    },
    assignment: { lambda: 300, includeMay: false, sameTownship: false, sameCounty: true, nearestK: 12, timeLimitS: 60, relGap: 0.01, newSiteDensity: 150, newSiteMaxPersons: 3000, newSiteCount: 10 },
    travel: { roadKmh: { county: 40, township: 30, village: 20 }, offPathFactor: 0.6, riversBarrier: true, hazardsImpassable: false },
  };
}

/** Checks a policy's numbers; each problem names the field and says what it must be. */
export function validatePolicy(p: RelocationPolicy): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const check = (path: string, value: number, min: number, max: number, zh: string, en: string) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push({ zh: `${zh}（${path}）应在 ${min}–${max} 之间，现为 ${String(value)}`, en: `${en} (${path}) must be between ${min} and ${max}; it is ${String(value)}` });
    }
  };
  check('rules.mediumRiskDistanceM', p.rules.mediumRiskDistanceM, 0, 5000, '中风险隐患距离', 'Medium-risk distance');
  check('rules.highElevationM', p.rules.highElevationM, 0, 9000, '高山海拔', 'High-mountain elevation');
  check('rules.remoteTownMinutes', p.rules.remoteTownMinutes, 0, 1440, '到镇时间', 'Minutes to town');
  check('rules.keyVillageShare', p.rules.keyVillageShare, 0, 1, '重点村低收入占比', 'Key-village share');
  const money = (path: string, value: number, zh: string, en: string) => check(path, value, 0, 1e8, zh, en);
  money('cost.subsidyLowIncome', p.cost.subsidyLowIncome, '低收入人口补助', 'Low-income subsidy');
  money('cost.subsidyOther', p.cost.subsidyOther, '其他人口补助', 'Other subsidy');
  check('cost.housingM2LowIncome', p.cost.housingM2LowIncome, 0, 25, '低收入人均住房面积（上限 25）', 'Low-income housing m² per person (cap 25)');
  check('cost.housingM2Other', p.cost.housingM2Other, 0, 200, '其他人均住房面积', 'Other housing m² per person');
  for (const t of DESTINATION_KIND.codes) {
    money(`cost.constructionPerM2.${t}`, p.cost.constructionPerM2[t], '建房单价', 'Construction per m²');
    money(`cost.infrastructurePerHousehold.${t}`, p.cost.infrastructurePerHousehold[t], '基础设施', 'Infrastructure');
    money(`cost.landCostPerM2.${t}`, p.cost.landCostPerM2[t], '地价', 'Land cost');
  }
  check('cost.landM2PerHousehold', p.cost.landM2PerHousehold, 0, 2000, '每户用地', 'Land per household');
  money('cost.demolitionPerHousehold', p.cost.demolitionPerHousehold, '拆旧复垦', 'Demolition and reclamation');
  money('cost.movingPerHousehold', p.cost.movingPerHousehold, '搬家费', 'Moving');
  money('cost.movingPerHouseholdMinute', p.cost.movingPerHouseholdMinute, '搬家每分钟费用', 'Moving per minute');
  check('cost.householdShare', p.cost.householdShare, 0, 1, '农户自筹比例', 'Household share');
  money('cost.repairPerHouseC', p.cost.repairPerHouseC, 'C 级加固', 'C-grade repair');
  money('cost.rebuildPerHouseD', p.cost.rebuildPerHouseD, 'D 级原地重建', 'D-grade rebuild');
  check('assignment.lambda', p.assignment.lambda, 0, 1e6, 'λ（元/人·分钟）', 'λ (yuan per person-minute)');
  check('assignment.nearestK', p.assignment.nearestK, 1, 1000, 'K', 'K');
  check('assignment.timeLimitS', p.assignment.timeLimitS, 1, 3600, '保护性时限', 'Safety time limit');
  check('assignment.relGap', p.assignment.relGap, 0, 0.5, '允许差距', 'Accepted gap');
  check('assignment.newSiteDensity', p.assignment.newSiteDensity, 1, 2000, '新选址人口密度（人/公顷）', 'New-site density (people/ha)');
  check('assignment.newSiteMaxPersons', p.assignment.newSiteMaxPersons, 0, 100_000, '单个新选址人数上限', 'New-site cap (persons)');
  check('assignment.newSiteCount', p.assignment.newSiteCount, 1, 100, '加入的候选区个数', 'Candidate regions added');
  for (const c of ['county', 'township', 'village'] as const) check(`travel.roadKmh.${c}`, p.travel.roadKmh[c], 1, 200, '道路车速', 'Road speed');
  check('travel.offPathFactor', p.travel.offPathFactor, 0.05, 1, '路外步行系数', 'Off-path factor');
  return problems;
}
