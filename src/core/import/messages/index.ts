/**
 * Words every import issue in the user's language. Each area keeps its templates in its
 * own file next to this one; this module merges them and adds the "file, row, field" prefix.
 */
import type { ImportIssue, Lang, MessageTemplates } from '../types';
import { pipelineTemplates } from './pipeline';
import { rasterTemplates } from './raster';
import { shapefileTemplates } from './shapefile';
import { tableTemplates } from './table';
import { validateTemplates } from './validate';

const TEMPLATES: MessageTemplates = { ...pipelineTemplates, ...shapefileTemplates, ...tableTemplates, ...rasterTemplates, ...validateTemplates };

/** Where the issue is, as the user sees it: file, row (tables) or feature number, field. */
function location(issue: ImportIssue, lang: Lang, tabular: boolean): string {
  const parts: string[] = [];
  if (issue.file) parts.push(issue.file);
  if (issue.index !== undefined) {
    // Tables are numbered as a spreadsheet shows them: the header is row 1.
    if (tabular) parts.push(lang === 'zh' ? `第 ${issue.index + 2} 行` : `row ${issue.index + 2}`);
    else parts.push(lang === 'zh' ? `第 ${issue.index + 1} 个要素` : `feature ${issue.index + 1}`);
  }
  if (issue.field) parts.push(lang === 'zh' ? `字段“${issue.field}”` : `field "${issue.field}"`);
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** The full sentence for an issue, e.g. `villages.csv, row 5, field "人口": …`. */
export function describeIssue(issue: ImportIssue, lang: Lang, tabular = false): string {
  const template = TEMPLATES[issue.code];
  const text = template ? template[lang](issue.params ?? {}) : `${issue.code} ${JSON.stringify(issue.params ?? {})}`;
  const where = location(issue, lang, tabular);
  return where ? `${where}${lang === 'zh' ? '：' : ': '}${text}` : text;
}

/** True when a template exists for the code (tests check every emitted code has one). */
export function hasTemplate(code: string): boolean {
  return code in TEMPLATES;
}
