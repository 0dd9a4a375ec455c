/**
 * Words an import issue in the user's language: the catalogue's message for its code, after
 * the "file, row, field" prefix that says where the problem is.
 */
import { formatMessage, isMessageCode } from '../messages';
import type { ImportIssue, Lang } from './types';

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
  const text = formatMessage(issue, lang);
  const where = location(issue, lang, tabular);
  return where ? `${where}${lang === 'zh' ? '：' : ': '}${text}` : text;
}

/** True when the catalogue has the code (tests check every code a reader emits has one). */
export function hasTemplate(code: string): boolean {
  return isMessageCode(code);
}
