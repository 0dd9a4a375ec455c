/**
 * After validation: how many problems of each kind, which rows are rejected, the valid
 * subset to load, and a CSV of the rejected rows that the user can fix and import again.
 */
import type { Column, ColumnarGeometry, ColumnarTable } from '../types';
import { featureCount, GeometryBuilder } from './geometry-builder';
import type { ImportIssue, Lang } from './types';

export interface IssueSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** An error without a row (e.g. a required field not mapped) rejects the whole file. */
  fileRejected: boolean;
  /** 0-based rows with at least one error. */
  rejected: Set<number>;
  /** Per row: 1 to load, 0 rejected (all 0 when the file is rejected); see {@link keepMask}. */
  keep: Uint8Array;
}

/**
 * Counts issues per severity and collects the rejected rows (any row with an error). `length`
 * is the number of rows, for `keep`; without it `keep` covers the rows the issues name.
 */
export function summarizeIssues(issues: readonly ImportIssue[], length?: number): IssueSummary {
  let errors = 0, warnings = 0, infos = 0, fileRejected = false, last = -1;
  const rejected = new Set<number>();
  for (const issue of issues) {
    if (issue.index !== undefined) last = Math.max(last, issue.index);
    if (issue.severity === 'error') {
      errors++;
      if (issue.index === undefined) fileRejected = true;
      else rejected.add(issue.index);
    } else if (issue.severity === 'warning') warnings++;
    else infos++;
  }
  const keep = new Uint8Array(length ?? last + 1).fill(fileRejected ? 0 : 1);
  for (const index of rejected) if (index < keep.length) keep[index] = 0;
  return { errors, warnings, infos, fileRejected, rejected, keep };
}

/** 1 for each row to load, 0 for rejected rows; all 0 when a file-level error rejects the file. */
export function keepMask(issues: readonly ImportIssue[], length: number): Uint8Array {
  return summarizeIssues(issues, length).keep;
}

/**
 * The rows (and features) whose `keep` entry is 1, in order, with every geometry offsets array
 * rebuilt for the subset. `geometry` may be null for tables joined without coordinates.
 */
export function filterRows<G extends ColumnarGeometry | null>(geometry: G, table: ColumnarTable, keep: Uint8Array): { geometry: G; table: ColumnarTable } {
  if (keep.length !== table.length) throw new Error(`keep mask has ${keep.length} entries for ${table.length} rows`);
  if (geometry && featureCount(geometry) !== table.length) throw new Error(`geometry has ${featureCount(geometry)} features for ${table.length} rows`);
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) rows.push(i);
  const columns = table.columns.map((column): Column => {
    if (column.type === 'number') return { name: column.name, type: 'number', values: Float64Array.from(rows, (i) => column.values[i]) };
    if (column.type === 'boolean') return { name: column.name, type: 'boolean', values: Uint8Array.from(rows, (i) => column.values[i]) };
    return { name: column.name, type: 'string', values: rows.map((i) => column.values[i]) };
  });
  let subset: ColumnarGeometry | null = null;
  if (geometry) {
    const builder = new GeometryBuilder(geometry.kind, geometry.kind === 'Point' && geometry.geomOffsets.length > 0);
    for (const i of rows) builder.copyFeature(geometry, i);
    subset = builder.finish();
  }
  return { geometry: subset as G, table: { length: rows.length, columns } };
}

const HEADERS = {
  zh: { row: '行号', feature: '要素序号', field: '字段', problem: '问题', fieldSep: '、', problemSep: '；' },
  en: { row: 'Row', feature: 'Feature', field: 'Field', problem: 'Problem', fieldSep: ', ', problemSep: '; ' },
};

/** One CSV cell: quoted when needed; text that Excel would run as a formula gets a leading `'`. */
function csvCell(text: string): string {
  const safe = /^([=@\t\r]|[+-].)/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellText(column: Column, i: number): string {
  if (column.type === 'number') {
    const value = column.values[i];
    return Number.isNaN(value) ? '' : Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  }
  if (column.type === 'boolean') return column.values[i] === 255 ? '' : column.values[i] === 1 ? 'true' : 'false';
  return column.values[i] ?? '';
}

/**
 * The rejected rows as CSV text (UTF-8 BOM so Excel reads Chinese, CRLF line ends): one line
 * per row that has an error, in row order — its number as the user sees it (spreadsheet row
 * for tables, feature number otherwise), the fields concerned, every problem of the row
 * (errors and warnings) — followed by the row's original values from `originalRows` (the
 * table as read, before mapping), so the user can fix the cells and import the file again.
 * File-level problems are not rows and are not listed.
 *
 * `describe` words one issue, e.g. `(i) => describeIssue(i, lang, tabular)`; it is handed the
 * issue without file, row and field, which have columns of their own. `lang` sets the headers.
 */
export function rejectedReportCsv(
  issues: readonly ImportIssue[],
  describe: (issue: ImportIssue) => string,
  originalRows: ColumnarTable,
  tabular: boolean,
  lang: Lang,
): string {
  const h = HEADERS[lang];
  const { rejected } = summarizeIssues(issues);
  const byRow = new Map<number, ImportIssue[]>();
  for (const issue of issues) {
    if (issue.index === undefined || !rejected.has(issue.index)) continue;
    const list = byRow.get(issue.index) ?? [];
    list.push(issue);
    byRow.set(issue.index, list);
  }
  const lines = [[tabular ? h.row : h.feature, h.field, h.problem, ...originalRows.columns.map((c) => c.name)].map(csvCell).join(',')];
  for (const index of [...byRow.keys()].sort((a, b) => a - b)) {
    const rowIssues = byRow.get(index) as ImportIssue[];
    const fields = [...new Set(rowIssues.map((issue) => issue.field).filter((f): f is string => f !== undefined))];
    const problems = rowIssues.map((issue) => describe({ code: issue.code, severity: issue.severity, ...(issue.params ? { params: issue.params } : {}) }));
    const values = originalRows.columns.map((column) => (index < originalRows.length ? cellText(column, index) : ''));
    const number = tabular ? index + 2 : index + 1;
    lines.push([String(number), fields.join(h.fieldSep), problems.join(h.problemSep), ...values].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
