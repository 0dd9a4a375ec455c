/**
 * Category vocabularies of the layer roles (hazard type, risk level, settlement type, yes/no…)
 * and the matching of a user's values to them: `滑坡` → `landslide`, `大型` → `high`,
 * `是` → `true`. Unknown values map to null; the wizard shows them for the user to map.
 * Hazard types, risk levels and settlement types and their labels are the domain vocabulary's;
 * this file adds the spellings users write for them.
 */
import type { LocalizedText } from '../manifest';
import { DESTINATION_KIND, HAZARD_RISK_LEVELS, HAZARD_TYPE, RISK_LEVEL, type DestinationKind, type HazardType, type RiskLevel, type Vocabulary, type VocabularyEntry } from '../vocabulary';

export type CategoryId =
  | 'hazardType'
  | 'riskLevel'
  | 'settlementType'
  | 'boolean'
  | 'houseGrade'
  | 'roadClass'
  | 'schoolLevel'
  | 'clinicLevel'
  | 'waterSourceLevel'
  | 'boundaryKind';

/** One canonical value with its labels and the spellings users write for it. */
export interface CategoryValue {
  value: string;
  label: LocalizedText;
  /** Spellings matched after {@link normalizeCategoryText} (case, width and spaces ignored). */
  aliases: readonly string[];
}

export interface Category {
  id: CategoryId;
  values: readonly CategoryValue[];
  /**
   * Also match a value that contains exactly one value's alias of two or more characters
   * (`山体滑坡` → landslide, `primary_link` → provincial). Off where a substring can invert
   * the meaning (`不同意` contains `同意`).
   */
  fuzzy: boolean;
}

const v = (value: string, zh: string, en: string, aliases: string): CategoryValue => ({
  value,
  label: { zh, en },
  aliases: aliases.split(/\s+/).filter(Boolean),
});

/** The spellings users write for each hazard type, risk level and settlement type (codes and labels come from the vocabulary). */
const HAZARD_TYPE_ALIASES = {
  landslide: '滑坡 山体滑坡 滑坡体 土质滑坡 岩质滑坡 landslide landslip',
  collapse: '崩塌 危岩 危岩体 崩塌体 落石 山体崩塌 collapse rockfall',
  debris_flow: '泥石流 泥石流沟 debrisflow debris',
  subsidence: '地面塌陷 塌陷 岩溶塌陷 采空塌陷 采空区塌陷 地面沉降 subsidence sinkhole',
  flood: '洪水 洪涝 山洪 山洪沟 内涝 洪水淹没区 flood flooding flashflood',
  reservoir: '水库 水库淹没区 库区 淹没区 reservoir',
  other: '不稳定斜坡 斜坡 地裂缝 其他 其它 other',
} satisfies Record<HazardType, string>;

const RISK_LEVEL_ALIASES = {
  high: '高 大 特大 重大 特别重大 特大型 大型 极高 高危 高易发 一级 i h high',
  medium: '中 中等 中型 较大 二级 ii m medium moderate mid',
  low: '低 小 小型 一般 较低 三级 四级 iii iv l low',
} satisfies Record<RiskLevel, string>;

const SETTLEMENT_TYPE_ALIASES = {
  county_seat: '县城 县城区 城区 县城集中安置 countyseat county',
  central_town: '中心镇 集镇 镇区 中心集镇 建制镇 centraltown town',
  central_village: '中心村 centralvillage',
  relocation_community: '安置小区 搬迁安置小区 移民小区 下山移民小区 安置区 集中安置区 集中安置点 relocationcommunity',
  new_site: '新建点 新选址 新址 新建安置点 规划新址 newsite',
} satisfies Record<DestinationKind, string>;

/** The values of a domain vocabulary, in `codes` order, with the spellings users write for each. */
function fromVocabulary<E extends VocabularyEntry>(vocab: Vocabulary<E>, codes: readonly E['code'][], aliases: Readonly<Record<string, string>>): CategoryValue[] {
  return codes.map((code) => {
    const { label } = vocab.byCode.get(code)!;
    return v(code, label.zh, label.en, aliases[code] ?? '');
  });
}

/** Every vocabulary, by id. Values in the order the wizard lists them. */
export const CATEGORIES: Readonly<Record<CategoryId, Category>> = {
  hazardType: { id: 'hazardType', fuzzy: true, values: fromVocabulary(HAZARD_TYPE, HAZARD_TYPE.codes, HAZARD_TYPE_ALIASES) },
  riskLevel: { id: 'riskLevel', fuzzy: false, values: fromVocabulary(RISK_LEVEL, HAZARD_RISK_LEVELS, RISK_LEVEL_ALIASES) },
  settlementType: { id: 'settlementType', fuzzy: true, values: fromVocabulary(DESTINATION_KIND, DESTINATION_KIND.codes, SETTLEMENT_TYPE_ALIASES) },
  boolean: {
    id: 'boolean',
    fuzzy: false,
    values: [
      v('true', '是', 'Yes', '是 有 对 已 同意 愿意 y yes t true 1 √ ✓ ✔'),
      v('false', '否', 'No', '否 无 没有 不 未 不同意 不愿意 n no f false 0 × ✗ ✘'),
    ],
  },
  houseGrade: {
    id: 'houseGrade',
    fuzzy: false,
    values: [v('A', 'A级', 'A', 'a'), v('B', 'B级', 'B', 'b'), v('C', 'C级', 'C', 'c'), v('D', 'D级', 'D', 'd')],
  },
  roadClass: {
    id: 'roadClass',
    fuzzy: true,
    values: [
      v('expressway', '高速公路', 'Expressway', '高速 高速公路 expressway motorway'),
      v('national', '国道', 'National road', '国道 g national trunk'),
      v('provincial', '省道', 'Provincial road', '省道 s provincial primary'),
      v('county', '县道', 'County road', '县道 县级公路 x county secondary'),
      v('township', '乡道', 'Township road', '乡道 乡级公路 乡镇道路 y township tertiary'),
      v('village', '村道', 'Village road', '村道 村级道路 村级公路 通村公路 村组道路 机耕路 c village unclassified residential track'),
      v('other', '其他', 'Other', '专用公路 专用道路 其他 其它 z other service'),
    ],
  },
  schoolLevel: {
    id: 'schoolLevel',
    fuzzy: true,
    values: [
      v('primary', '小学', 'Primary school', '小学 完小 村小 教学点 中心小学 primary'),
      v('junior_high', '初中', 'Junior high school', '初中 初级中学 九年一贯制 juniorhigh junior'),
      v('senior_high', '高中', 'Senior high school', '高中 高级中学 普通高中 完全中学 seniorhigh senior'),
      v('other', '其他', 'Other', '其他 其它 other'),
    ],
  },
  clinicLevel: {
    id: 'clinicLevel',
    fuzzy: true,
    values: [
      v('village_clinic', '村卫生室', 'Village clinic', '村卫生室 卫生室 卫生站 卫生服务站 诊所 villageclinic clinic'),
      v('township_health_center', '乡镇卫生院', 'Township health centre', '乡镇卫生院 卫生院 中心卫生院 社区卫生服务中心 townshiphealthcenter healthcenter healthcentre'),
      v('county_hospital', '县级医院', 'County hospital', '县医院 县级医院 人民医院 中医院 医院 妇幼保健院 countyhospital hospital'),
      v('other', '其他', 'Other', '其他 其它 other'),
    ],
  },
  waterSourceLevel: {
    id: 'waterSourceLevel',
    fuzzy: false,
    values: [
      v('first', '一级保护区', 'First-level zone', '一级 一级保护区 i 1 first'),
      v('second', '二级保护区', 'Second-level zone', '二级 二级保护区 ii 2 second'),
      v('quasi', '准保护区', 'Quasi-protection zone', '准保护区 准 quasi'),
    ],
  },
  boundaryKind: {
    id: 'boundaryKind',
    fuzzy: false,
    values: [
      v('county', '县（区）', 'County', '县 区 县级市 市辖区 county district'),
      v('town', '镇', 'Town', '镇 town'),
      v('township', '乡', 'Township', '乡 民族乡 township'),
      v('subdistrict', '街道', 'Subdistrict', '街道 街道办事处 subdistrict street'),
    ],
  },
};

/** Suffixes that carry no meaning for the match (`高风险` → `高`, `D级危房` → `d`), stripped one at a time. */
const SUFFIXES = ['隐患点', '隐患', '灾害', '危房', '风险区', '风险', '危险性', '危险', '险情', '等级', '级', '型', '类', 'risk', 'level', 'grade', 'class', 'type'];

/** Lower case, full-width folded (NFKC), without spaces, underscores, hyphens and dots. */
export function normalizeCategoryText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.·]/g, '');
}

const exactIndex = new Map<CategoryId, Map<string, string>>();

function aliasIndex(category: Category): Map<string, string> {
  let index = exactIndex.get(category.id);
  if (!index) {
    index = new Map();
    for (const value of category.values) {
      for (const key of [value.value, value.label.zh, value.label.en, ...value.aliases]) {
        const k = normalizeCategoryText(key);
        if (!index.has(k)) index.set(k, value.value);
      }
    }
    exactIndex.set(category.id, index);
  }
  return index;
}

/**
 * The canonical value a user's value stands for in a vocabulary, or null when unknown.
 * Tried in order: exact alias (case, width and spaces ignored); the same after stripping
 * meaningless suffixes (级, 型, 风险, 隐患点…); for fuzzy vocabularies, the one value whose
 * alias (≥ 2 characters) the text contains. Numbers alone (`1`, `2`) stay unknown for risk
 * levels, whose numbering differs between agencies.
 */
export function canonicalCategoryValue(categoryId: CategoryId, userValue: string): string | null {
  const category = CATEGORIES[categoryId];
  const index = aliasIndex(category);
  let key = normalizeCategoryText(userValue);
  if (key === '') return null;
  for (let step = 0; step < 4; step++) {
    const hit = index.get(key);
    if (hit !== undefined) return hit;
    const suffix = SUFFIXES.find((s) => key.length > s.length && key.endsWith(s));
    if (!suffix) break;
    key = key.slice(0, -suffix.length);
  }
  if (!category.fuzzy) return null;
  const full = normalizeCategoryText(userValue);
  const found = new Set<string>();
  for (const [alias, value] of index) if (alias.length >= 2 && full.includes(alias)) found.add(value);
  return found.size === 1 ? [...found][0] : null;
}

/** Suggests a canonical value (or null) for each distinct user value of a vocabulary. */
export function categoryMapping(categoryId: CategoryId, distinctValues: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const value of distinctValues) out[value] = canonicalCategoryValue(categoryId, value);
  return out;
}

/** The canonical values of a vocabulary, in order. */
export function categoryValues(categoryId: CategoryId): string[] {
  return CATEGORIES[categoryId].values.map((value) => value.value);
}

/** The label of a canonical value (the value itself when unknown). */
export function categoryLabel(categoryId: CategoryId, value: string): LocalizedText {
  return CATEGORIES[categoryId].values.find((x) => x.value === value)?.label ?? { zh: value, en: value };
}
