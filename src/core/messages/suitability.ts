import type { MessageParams, MessageTable } from './types';

/**
 * Wording of the suitability model's checks (`suitability.transform.*` for one criterion's
 * transform, `suitability.model.*` for the model) and of its run warnings. Names come in
 * params as `nameZh` / `nameEn`; a transform problem inside a criterion's message as
 * `problemZh` / `problemEn`.
 */

const plural = (n: string | number | undefined, one: string, many: string): string => (Number(n) === 1 ? one : many);
const rolesZh = (p: MessageParams) => String(p.roles ?? '').split(',').join('、');
const rolesEn = (p: MessageParams) => String(p.roles ?? '').split(',').join(', ');

export const suitabilityMessages = {
  'suitability.transform.class-count': {
    zh: (p) => `${p.breaks} 个分级界值分出 ${Number(p.breaks) + 1} 级，但给了 ${p.scores} 个得分。`,
    en: (p) => `${p.breaks} ${plural(p.breaks, 'break', 'breaks')} make ${Number(p.breaks) + 1} classes, but ${p.scores} ${plural(p.scores, 'score is', 'scores are')} given.`,
  },
  'suitability.transform.break-not-finite': {
    zh: (p) => `第 ${p.index} 个分级界值须为有限数值。`,
    en: (p) => `Break ${p.index} must be a finite number.`,
  },
  'suitability.transform.breaks-not-rising': {
    zh: (p) => `分级界值须递增：第 ${p.index} 个（${p.value}）不大于第 ${p.previousIndex} 个（${p.previous}）。`,
    en: (p) => `Breaks must rise: break ${p.index} (${p.value}) is not above break ${p.previousIndex} (${p.previous}).`,
  },
  'suitability.transform.class-score': {
    zh: (p) => `第 ${p.index} 级的得分须在 0 到 100 之间。`,
    en: (p) => `The score of class ${p.index} must be between 0 and 100.`,
  },
  'suitability.transform.category-count': {
    zh: (p) => `${p.values} 个类别需要 ${p.values} 个得分，但给了 ${p.scores} 个。`,
    en: (p) => `${p.values} ${plural(p.values, 'category needs', 'categories need')} ${p.values} ${plural(p.values, 'score', 'scores')}, but ${p.scores} ${plural(p.scores, 'is', 'are')} given.`,
  },
  'suitability.transform.category-not-finite': {
    zh: (p) => `第 ${p.index} 个类别值须为有限数值。`,
    en: (p) => `Category ${p.index} must be a finite number.`,
  },
  'suitability.transform.category-twice': {
    zh: (p) => `类别值 ${p.value} 重复出现。`,
    en: (p) => `Category value ${p.value} is listed twice.`,
  },
  'suitability.transform.category-score': {
    zh: (p) => `类别 ${p.value} 的得分须在 0 到 100 之间。`,
    en: (p) => `The score of category ${p.value} must be between 0 and 100.`,
  },
  'suitability.transform.other-score': {
    zh: () => '其他值的得分须在 0 到 100 之间。',
    en: () => 'The score for other values must be between 0 and 100.',
  },
  'suitability.transform.line-not-finite': {
    zh: () => '直线的两端须为有限数值。',
    en: () => 'Both ends of the line must be finite numbers.',
  },
  'suitability.transform.line-flat': {
    zh: () => '直线的起点和终点须取不同的值。',
    en: () => 'The two ends of the line must be different values.',
  },
  'suitability.transform.line-score': {
    zh: () => '两端的得分须在 0 到 100 之间。',
    en: () => 'Scores at both ends must be between 0 and 100.',
  },
  'suitability.transform.mid-not-finite': {
    zh: () => '中点须为有限数值。',
    en: () => 'The midpoint must be a finite number.',
  },
  'suitability.transform.spread': {
    zh: () => '离散度须为大于 0 的数。',
    en: () => 'The spread must be a number above 0.',
  },
  'suitability.transform.mid-positive': {
    zh: () => '中点（得分 50 的值）须为大于 0 的数。',
    en: () => 'The midpoint must be a number above 0 (the value scored 50).',
  },
  'suitability.transform.unknown-kind': {
    zh: (p) => `未知的变换类型“${p.kind}”。`,
    en: (p) => `Unknown transform kind "${p.kind}".`,
  },
  'suitability.model.no-criteria': {
    zh: () => '模型没有评价因子：请至少添加一个因子。',
    en: () => 'The model has no criteria: add at least one.',
  },
  'suitability.model.criterion-transform': {
    zh: (p) => `因子“${p.nameZh}”的变换有误：${p.problemZh}`,
    en: (p) => `Criterion "${p.nameEn}": ${p.problemEn}`,
  },
  'suitability.model.negative-weight': {
    zh: (p) => `因子“${p.nameZh}”的权重须为非负数。`,
    en: (p) => `Criterion "${p.nameEn}": the weight must be zero or more.`,
  },
  'suitability.model.all-weights-zero': {
    zh: () => '所有权重都为 0：请至少给一个因子正权重。',
    en: () => 'Every weight is 0: give at least one criterion a positive weight.',
  },
  'suitability.model.pairwise-count': {
    zh: (p) => `两两比较应有 ${p.expected} 项。`,
    en: (p) => `The pairwise comparisons should have ${p.expected} judgements.`,
  },
  'suitability.model.pairwise-range': {
    zh: () => '两两比较的取值须在 1/9 到 9 之间（Saaty 标度）。',
    en: () => 'Pairwise judgements must lie between 1/9 and 9 (Saaty scale).',
  },
  'suitability.model.missing-rule': {
    zh: (p) => `规则库中没有规则“${p.id}”：请在规则库中恢复它或从模型中取消它。`,
    en: (p) => `Rule "${p.id}" is not in the rule library: restore it or untick it.`,
  },
  'suitability.model.threshold': {
    zh: () => '候选区阈值须在 0 到 100 之间。',
    en: () => 'The region threshold must be between 0 and 100.',
  },
  'suitability.model.min-area': {
    zh: () => '最小面积须为非负数（公顷）。',
    en: () => 'The minimum area must be zero or more (hectares).',
  },
  // `roles` is the target roles' codes joined by commas, as the model names them.
  'suitability.criterion-no-features': {
    zh: (p) => `因子“${p.nameZh}”找不到目标要素（${rolesZh(p)}），各处按“无要素”计分。请导入相应图层或修改因子。`,
    en: (p) => `Criterion "${p.nameEn}" finds no target features (${rolesEn(p)}); every cell scores as "no feature". Import the layer or change the criterion.`,
  },
  'suitability.rule-no-features': {
    zh: (p) => `规则“${p.nameZh}”找不到目标要素（${rolesZh(p)}），未排除任何区域。`,
    en: (p) => `Rule "${p.nameEn}" finds no target features (${rolesEn(p)}) and excludes nothing.`,
  },
} satisfies MessageTable;
