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
  // Sign-off (定稿) of a scenario refused: why, and what to do.
  'relocation.signoff-no-result': {
    zh: () => '方案还没有计算结果，无法定稿。请先运行分析。',
    en: () => 'The scenario has no result yet, so it cannot be signed off. Run the analysis first.',
  },
  'relocation.signoff-unfinished': {
    zh: () => '本次求解未完成（到达保护性时限），结果可能随机器快慢变化，不能定稿。请点击“重新运行”，或在政策参数中调高保护性时限后重算。',
    en: () => 'The solve did not finish (it reached the safety time limit), so the result may depend on the machine and cannot be signed off. Run it again, or raise the safety time limit in the policy.',
  },
  'relocation.signoff-no-name': {
    zh: () => '请填写定稿人姓名。',
    en: () => 'Enter the name of the person signing off.',
  },
  'relocation.signoff-red-alert': {
    zh: (p) => `有 ${p.count} 个自然村被人工安置到受隐患影响、按规则应排除的安置点（${p.villages}），且未写明理由，不能定稿。请在这些村的“说明”中写明理由，或改为其他安置点。`,
    en: (p) => `${p.count} villages are placed by hand at destinations the hazard rules exclude (${p.villages}) with no written justification, so the scenario cannot be signed off. Write the reason in each village's note, or choose another destination.`,
  },
  'relocation.bad-capacity': {
    zh: (p) => `安置点“${p.name}”的容量应为不小于 0 的人数，“${p.value}”未采用，原容量不变。`,
    en: (p) => `The capacity of "${p.name}" must be a number of people ≥ 0; "${p.value}" was not used and the capacity is unchanged.`,
  },
  'relocation.regions-none': {
    zh: () => '选址分析没有可加入的候选区（无结果，或候选区均受隐患影响）。请先在“选址分析”中运行分析。',
    en: () => 'The suitability analysis has no candidate regions to add (no result yet, or every region is hit by a hazard). Run the suitability analysis first.',
  },
} satisfies MessageTable;
