/**
 * Turns a user's table into a role's canonical table: renames mapped columns, converts their
 * values to the field types, maps category values, and reports every row that breaks a rule
 * (blank required value, text in a number, negative count, unknown category, duplicate id…).
 * Rows are never dropped here: invalid cells become null and the issues say which rows are
 * rejected; `filterRows` (report.ts) keeps the valid ones.
 */
import type { Column, ColumnarTable } from '../types';
import { canonicalCategoryValue, CATEGORIES, type CategoryId } from './categories';
import type { FieldMap } from './field-mapping';
import { isBlankText, parseNumberText } from './number-text';
import type { LayerRole } from '../manifest';
import { ID_FIELD, roleSchema, type RoleField } from './role-schema';
import type { ImportIssue } from './types';

/** Canonical field → (user value → canonical value or null), as confirmed in the wizard. */
export type CategoryMaps = Record<string, Record<string, string | null>>;

export interface ApplyMappingInput {
  /** The layer's role (any but the DEM, which has no fields: asking for it throws). */
  role: LayerRole;
  /** The table as read (column names as in the file). */
  table: ColumnarTable;
  fieldMap: FieldMap;
  /** Values not listed here are matched automatically (categories.ts). */
  categoryMaps?: CategoryMaps;
  /** True for CSV/Excel (rows numbered as a spreadsheet shows them). */
  tabular: boolean;
  /** The file's name as the user gave it, for the issues. */
  file: string;
}

export interface ApplyMappingOutput {
  /** Mapped fields under canonical names in schema order, then the unmapped user columns. */
  table: ColumnarTable;
  /** File-level issues first, then row issues by row. */
  issues: ImportIssue[];
}

/** A cell: blank, or its trimmed text (`raw`: as in the file), and its number when the column is numeric. */
type Cell = { blank: true } | { blank: false; text: string; raw: string; number: number | null };

/** One cell as text (and as number when the column is numeric), or blank. */
function readCell(column: Column, i: number): Cell {
  if (column.type === 'number') {
    const value = column.values[i];
    if (Number.isNaN(value)) return { blank: true };
    const text = numberText(value);
    return { blank: false, text, raw: text, number: value };
  }
  if (column.type === 'boolean') {
    const value = column.values[i];
    const text = value === 1 ? 'true' : 'false';
    return value === 255 ? { blank: true } : { blank: false, text, raw: text, number: value };
  }
  const value = column.values[i];
  if (value === null || isBlankText(value)) return { blank: true };
  return { blank: false, text: value.trim(), raw: value, number: null };
}

/** Numbers as people write them: `331127001001`, not `331127001001.0` or `3.3e11`. */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

/** Where a row is, in both languages, for messages that point at another row. */
function rowName(index: number, tabular: boolean): { zh: string; en: string } {
  return tabular ? { zh: `第 ${index + 2} 行`, en: `row ${index + 2}` } : { zh: `第 ${index + 1} 个要素`, en: `feature ${index + 1}` };
}

const labelParams = (f: RoleField) => ({ labelZh: f.label.zh, labelEn: f.label.en });

/**
 * Applies a confirmed field mapping to a table and checks every row. Conversion rules:
 * - blank cells (empty, `-`, `/`, `NULL`, `#N/A`) are null; in a required field → `row.required-missing`;
 * - number fields read text as `parseNumberText` does (`1,234`, ` 56 `, `56人` when 人 is a
 *   unit of the field); other text → `row.not-a-number`; integers that are not whole →
 *   `row.not-integer`; counts below 0 → `row.negative`; values outside a field's range →
 *   `row.out-of-range`;
 * - string fields are trimmed; numbers become their plain digits (Excel codes stay exact);
 * - category and yes/no fields take `categoryMaps`, else the automatic match; unknown →
 *   `row.unknown-category`;
 * - ids must be unique: the second and later uses → `row.duplicate-id` naming the first row;
 * - warnings: a count above its limit (`row.exceeds`, e.g. more low-income households than
 *   households), an admin code that is not 12 digits (`row.bad-admin-code`).
 * A required field without a column → `field.required-unmapped`; a mapping to a column the
 * table lacks → `field.unknown-column` (both file-level errors). Invalid cells become null.
 */
export function applyMapping(input: ApplyMappingInput): ApplyMappingOutput {
  const { table, fieldMap, tabular, file } = input;
  const schema = roleSchema(input.role);
  const categoryMaps = input.categoryMaps ?? {};
  const fileIssues: ImportIssue[] = [];
  const rowIssues: ImportIssue[] = [];
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const out: Column[] = [];
  const sourceOf = new Map<string, string>();

  for (const f of schema.fields) {
    const columnName = fieldMap[f.name] ?? null;
    if (columnName === null) {
      if (f.required) {
        fileIssues.push({ code: 'field.required-unmapped', severity: 'error', file, params: { field: f.name, ...labelParams(f), roleZh: schema.label.zh, roleEn: schema.label.en } });
      }
      continue;
    }
    const column = byName.get(columnName);
    if (!column) {
      fileIssues.push({ code: 'field.unknown-column', severity: 'error', file, params: { column: columnName, ...labelParams(f) } });
      continue;
    }
    sourceOf.set(f.name, columnName);
    const issue = (index: number, code: ImportIssue['code'], params: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'error') =>
      rowIssues.push({ code, severity, file, index, field: columnName, params: { ...labelParams(f), ...params } });
    out.push(convertColumn(f, column, table.length, categoryMaps[f.name] ?? {}, issue));
  }

  const canonical = new Map(out.map((column) => [column.name, column]));
  const idColumn = canonical.get(ID_FIELD);
  if (idColumn?.type === 'string') {
    const first = new Map<string, number>();
    idColumn.values.forEach((value, index) => {
      if (value === null) return;
      const seen = first.get(value);
      if (seen === undefined) first.set(value, index);
      else {
        const where = rowName(seen, tabular);
        rowIssues.push({ code: 'row.duplicate-id', severity: 'error', file, index, field: sourceOf.get(ID_FIELD), params: { value, firstZh: where.zh, firstEn: where.en } });
      }
    });
  }

  for (const { field: name, limit } of schema.limits) {
    const a = canonical.get(name);
    const b = canonical.get(limit);
    if (a?.type !== 'number' || b?.type !== 'number') continue;
    const fa = schema.fields.find((f) => f.name === name) as RoleField;
    const fb = schema.fields.find((f) => f.name === limit) as RoleField;
    for (let i = 0; i < table.length; i++) {
      if (!(a.values[i] > b.values[i])) continue;
      rowIssues.push({
        code: 'row.exceeds', severity: 'warning', file, index: i, field: sourceOf.get(name),
        params: { value: a.values[i], other: b.values[i], ...labelParams(fa), otherLabelZh: fb.label.zh, otherLabelEn: fb.label.en },
      });
    }
  }

  const adminCode = canonical.get('adminCode');
  if (adminCode?.type === 'string') {
    adminCode.values.forEach((value, index) => {
      if (value !== null && !/^\d{12}$/.test(value)) {
        rowIssues.push({ code: 'row.bad-admin-code', severity: 'warning', file, index, field: sourceOf.get('adminCode'), params: { value } });
      }
    });
  }

  // Unmapped columns keep their names; one that clashes with a canonical name gets the first
  // free `_1`, `_2`… suffix (free among the canonical and all unmapped names).
  const mappedSources = new Set(sourceOf.values());
  const unmapped = table.columns.filter((column) => !mappedSources.has(column.name));
  const canonicalNames = new Set(out.map((column) => column.name));
  const taken = new Set([...canonicalNames, ...unmapped.map((column) => column.name)]);
  for (const column of unmapped) {
    let name = column.name;
    if (canonicalNames.has(name)) {
      for (let k = 1; taken.has(name); k++) name = `${column.name}_${k}`;
      taken.add(name);
    }
    out.push({ ...column, name } as Column);
  }

  // Row by row; within a row, in schema order of the fields concerned.
  const fieldOrder = new Map<string | undefined, number>(schema.fields.map((f, k) => [sourceOf.get(f.name), k]));
  rowIssues.sort((a, b) => (a.index as number) - (b.index as number) || (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0));
  return { table: { length: table.length, columns: out }, issues: [...fileIssues, ...rowIssues] };
}

type RowIssue = (index: number, code: ImportIssue['code'], params?: Record<string, string | number>, severity?: 'error' | 'warning') => void;

/** One user column converted to a field's type, reporting each bad cell. */
function convertColumn(f: RoleField, column: Column, length: number, valueMap: Record<string, string | null>, issue: RowIssue): Column {
  if (f.type === 'number' || f.type === 'integer') {
    const values = new Float64Array(length).fill(NaN);
    for (let i = 0; i < length; i++) {
      const cell = readCell(column, i);
      if (cell.blank) {
        if (f.required) issue(i, 'row.required-missing');
        continue;
      }
      const n = cell.number ?? parseNumberText(cell.text, f.units ?? []);
      if (n === null) issue(i, 'row.not-a-number', { value: clip(cell.text) });
      else if (f.type === 'integer' && !Number.isInteger(n)) issue(i, 'row.not-integer', { value: n });
      else if (f.min === 0 && n < 0) issue(i, 'row.negative', { value: n });
      else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) issue(i, 'row.out-of-range', { value: n, min: f.min ?? '−∞', max: f.max ?? '∞' });
      else values[i] = n;
    }
    return { name: f.name, type: 'number', values };
  }
  if (f.type === 'boolean') {
    const values = new Uint8Array(length).fill(255);
    for (let i = 0; i < length; i++) {
      const value = categoryCell(f, 'boolean', readCell(column, i), valueMap, i, issue);
      if (value !== null) values[i] = value === 'true' ? 1 : 0;
    }
    return { name: f.name, type: 'boolean', values };
  }
  const values: (string | null)[] = new Array(length).fill(null);
  for (let i = 0; i < length; i++) {
    const cell = readCell(column, i);
    if (f.type === 'category' && f.category) values[i] = categoryCell(f, f.category, cell, valueMap, i, issue);
    else if (cell.blank) {
      if (f.required) issue(i, 'row.required-missing');
    } else values[i] = cell.text;
  }
  return { name: f.name, type: 'string', values };
}

/** The canonical value of a category cell, reporting blanks in required fields and unknown values. */
function categoryCell(f: RoleField, categoryId: CategoryId, cell: Cell, valueMap: Record<string, string | null>, i: number, issue: RowIssue): string | null {
  if (cell.blank) {
    if (f.required) issue(i, 'row.required-missing');
    return null;
  }
  const category = CATEGORIES[categoryId];
  const has = (key: string) => Object.prototype.hasOwnProperty.call(valueMap, key);
  const confirmed = has(cell.text) ? valueMap[cell.text] : has(cell.raw) ? valueMap[cell.raw] : undefined;
  const value = confirmed !== undefined ? confirmed : canonicalCategoryValue(categoryId, cell.text);
  if (value !== null && category.values.some((x) => x.value === value)) return value;
  issue(i, 'row.unknown-category', {
    value: clip(cell.text),
    allowedZh: category.values.map((x) => x.label.zh).join('、'),
    allowedEn: category.values.map((x) => x.value).join(', '),
  });
  return null;
}

/**
 * The distinct non-blank values of a column, as {@link applyMapping} looks them up in
 * `categoryMaps` (trimmed text; numbers as plain digits; yes/no as `true`/`false`), in order
 * of first appearance, at most `limit` of them.
 */
export function distinctValues(column: Column, length: number, limit = 1000): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < length && seen.size < limit; i++) {
    const cell = readCell(column, i);
    if (!cell.blank) seen.add(cell.text);
  }
  return [...seen];
}

/** Long cell texts shortened for messages. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
