/**
 * Words and definitions of the hazard register, in both UI languages. One place, so the
 * register panel, the exported files and (later) the briefing say the same thing.
 */
import type { LocalizedText } from '../manifest';
import { EXPOSURE_STATUS, HAZARD_TYPE, label, LAYER_ROLE, REVIEW_STATE, RISK_LEVEL, type ExposureStatus, type ReviewState } from '../vocabulary';
import type { HazardDataIssue } from './analysis';

type Lang = 'zh' | 'en';

/** Label of a numeric hazard type; an unknown number reads as "other", as the analysis treats it. */
export function hazardTypeLabel(code: number, lang: Lang): string {
  return label(HAZARD_TYPE, HAZARD_TYPE.byNum.has(code) ? code : 'other', lang);
}

/** Label of a numeric risk level (0 reads "none"). */
export function riskLevelLabel(code: number, lang: Lang): string {
  return label(RISK_LEVEL, code, lang);
}

/** Label of a numeric exposure status. */
export function statusLabel(code: number, lang: Lang): string {
  return label(EXPOSURE_STATUS, EXPOSURE_STATUS.byNum.has(code) ? code : 'clear', lang);
}

/** Label of a review state (stored, `none` or `changed`). */
export function reviewLabel(state: ReviewState, lang: Lang): string {
  return label(REVIEW_STATE, state, lang);
}

/** What one register entry of a role is called ("Village"), else the role's label. */
export function roleFeatureLabel(role: string, lang: Lang): string {
  return LAYER_ROLE.byCode.get(role)?.feature?.[lang] ?? label(LAYER_ROLE, role, lang);
}

/** Definitions shown wherever the figures are shown. */
export const DEFINITIONS: Record<ExposureStatus | 'distance' | 'level' | 'buffer' | 'byHazard' | 'people', LocalizedText> = {
  inside: { zh: '区内：位于隐患区（面）范围内，含边界上。', en: 'Inside: within the hazard geometry (its edge included).' },
  near: {
    zh: '附近：不在隐患区内，但在其缓冲距离内；点状隐患点只有“附近”。',
    en: 'Near: outside the hazard geometry but within its buffer; point hazards can only be near.',
  },
  clear: { zh: '无影响：不在任何隐患的缓冲距离内。', en: 'Clear: outside every hazard buffer.' },
  distance: {
    zh: '距离：到隐患边界（点状隐患为到该点）的实地距离（米），区内为 0；按椭球面计算，跨投影带亦准确。',
    en: 'Distance: true ground metres to the hazard edge (to the point for point hazards), 0 inside; measured on the ellipsoid, correct across projection zones.',
  },
  level: { zh: '最高等级：所有命中隐患中风险等级最高者（多灾种取最不利）。', en: 'Worst class: the highest risk level over all hazards hit (multi-hazard: the worst wins).' },
  buffer: {
    zh: '缓冲距离：隐患自带的威胁半径优先，其次为自带缓冲距离，否则按灾种和等级取下表的默认值。',
    en: "Buffer: the hazard's own threat radius first, then its own buffer, else the default below by type and level.",
  },
  byHazard: {
    zh: '按灾种和等级：一个村受多个隐患影响时在每一类中各计一次，故各类之和可大于合计。',
    en: 'By hazard: a village hit by several kinds counts once in each, so rows can sum to more than the total.',
  },
  people: { zh: '人口、户数取自村庄图层的人口、户数字段；农户图层每户计 1 户。', en: "People and households come from the village layer's population and households fields; each household feature counts as one." },
};

/** What was wrong with some hazards' data and how it was treated, naming the layer and hazards. */
export function hazardIssueText(issue: HazardDataIssue, lang: Lang): string {
  const ids = issue.examples.join(lang === 'zh' ? '、' : ', ') + (issue.count > issue.examples.length ? (lang === 'zh' ? ' 等' : ' …') : '');
  if (lang === 'zh') {
    return issue.field === 'type'
      ? `“${issue.layerName.zh}”中 ${issue.count} 处隐患的灾害类型为空或无法识别（${ids}），已按“其他”分析。请在“type”字段填写滑坡、崩塌、泥石流等后重新导入。`
      : `“${issue.layerName.zh}”中 ${issue.count} 处隐患的风险等级为空或无法识别（${ids}），已按“高”分析。请在“riskLevel”字段填写高、中或低后重新导入。`;
  }
  return issue.field === 'type'
    ? `${issue.count} hazards in "${issue.layerName.en}" have an empty or unknown type (${ids}) and were analysed as "other". Fill the "type" field (landslide, collapse, debris flow…) and import again.`
    : `${issue.count} hazards in "${issue.layerName.en}" have an empty or unknown risk level (${ids}) and were analysed as high. Fill the "riskLevel" field (high, medium or low) and import again.`;
}
