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
  'suitability.failed': {
    zh: (p) => `适宜性分析失败：${p.detail}`,
    en: (p) => `The suitability analysis failed: ${p.detail}`,
  },
  'relocation.failed': {
    zh: (p) => `搬迁安置计算失败：${p.detail}`,
    en: (p) => `The relocation analysis failed: ${p.detail}`,
  },
  'briefing.failed': {
    zh: (p) => `汇报材料未能生成（${p.detail}）。请重试；如仍失败，请刷新页面。`,
    en: (p) => `The briefing could not be built (${p.detail}). Try again; if it still fails, reload the page.`,
  },
  'briefing.pdf-failed': {
    zh: (p) => `PDF 生成失败：${p.detail}`,
    en: (p) => `The PDF could not be made: ${p.detail}`,
  },
  // The project could not be opened for a reason the loader did not name (a bug or a crash).
  'project.load-failed': {
    zh: (p) => `项目未能打开：${p.detail}`,
    en: (p) => `The project could not be opened: ${p.detail}`,
  },
  // A stored scenario whose policy lacks a field this version edits (written by another version).
  'relocation.no-policy-field': {
    zh: (p) => `本方案的政策参数中没有“${p.path}”一项（方案可能由其他版本的安居保存），未作修改。请新建方案，在新方案中修改该参数。`,
    en: (p) => `This scenario's policy has no "${p.path}" setting (it may have been saved by another version of Anju), so nothing was changed. Create a new scenario and change the setting there.`,
  },
} satisfies MessageTable;
