import type { MessageTable } from './types';

/**
 * Wording of the analyses' own messages: why a run cannot start, that it failed or was
 * cancelled. `detail` is the reason a failed run gave, as it gave it.
 */
export const analysisMessages = {
  'register.no-hazards': {
    zh: () => '项目中没有“地质灾害”用途的图层。请导入隐患点或隐患区（导入时用途选“地质灾害”）。',
    en: () => 'The project has no layer with the role "Hazards". Import hazard points or zones (choose the role "Hazards").',
  },
  'register.no-exposed': {
    zh: () => '项目中没有村庄、农户或安置点图层，无法分析。',
    en: () => 'The project has no villages, households or settlements to check.',
  },
  'register.failed': {
    zh: (p) => `分析失败：${p.detail}`,
    en: (p) => `The analysis failed: ${p.detail}`,
  },
  'register.cancelled': {
    zh: () => '已取消分析，原有结果未改变。',
    en: () => 'Analysis cancelled; the previous results are unchanged.',
  },
} satisfies MessageTable;
