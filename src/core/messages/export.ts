import type { MessageTable } from './types';

/** Wording of export failures. `detail` is the reason the browser or worker gave, as it gave it. */
export const exportMessages = {
  'export.project-failed': {
    zh: (p) => `项目文件导出失败（${p.detail}）。请重试；如果仍然失败，请刷新页面后再导出。`,
    en: (p) => `The project file could not be exported (${p.detail}). Try again; if it still fails, reload the page and export again.`,
  },
  'export.failed': {
    zh: (p) => `导出失败（${p.detail}）。请重试；如果仍然失败，请刷新页面后再导出。`,
    en: (p) => `The export failed (${p.detail}). Try again; if it still fails, reload the page and export again.`,
  },
} satisfies MessageTable;
