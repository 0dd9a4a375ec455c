/**
 * Turns the cells of a CSV or Excel sheet into typed columns, the same way for both formats:
 * header names made unique, a column numeric only when every value is a plain number and
 * none of them is a code (leading zeros, 12-digit village codes, ID numbers).
 */
import type { Column, ColumnarTable } from '../core/types';
import type { ImportIssue } from '../core/import/types';

/** A cell as a reader hands it over: CSV gives text; Excel numbers, booleans and text (dates as ISO text). */
export type Cell = string | number | boolean | null;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** `007`, `-01.5`: a leading zero that a number would drop. `0`, `0.5` and `-0.5` are fine. */
const LEADING_ZERO = /^[+-]?0\d/;
/** Thousands separators as Excel shows them: `1,234`, `12,345,678.5`. */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Smallest 12-digit integer: statistical codes (331127100201) have 12 digits. */
const TWELVE_DIGITS = 100_000_000_000;
/** Header names that announce codes: 村代码, 行政区划编码, 编号, code, village_id, ID… */
const CODE_HEADER = /(代码|编码|编号|code|(^|[\s_])id)$/i;

/** Text of a cell as the user sees it; null when blank. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isNaN(cell) ? null : String(cell);
  const t = cell.trim();
  return t === '' ? null : t;
}

/** Full-width digits, signs and points (１２３．５) folded to ASCII; other text unchanged. */
function foldWidth(text: string): string {
  return /[\uff0b\uff0d\uff0e\uff10-\uff19]/.test(text) ? text.normalize('NFKC') : text;
}

/**
 * Types one column. Rules, in order:
 * - all blank → text column of nulls;
 * - all booleans (Excel TRUE/FALSE cells) → boolean column;
 * - number when every non-blank value is a plain decimal (full-width digits allowed) or a
 *   number with thousands separators (`1,234`: read as 1234, with a warning
 *   `table.thousands-separator` on that row), unless a value has a leading zero, all values
 *   are integers of 12 or more digits, an integer is beyond 2^53, or the header names a code
 *   (代码/编码/编号/code/id) and all values are integers;
 * - otherwise text, trimmed, blank as null.
 */
export function typeColumn(name: string, cells: readonly Cell[], file?: string): { column: Column; issues: ImportIssue[] } {
  const n = cells.length;
  const numbers = new Float64Array(n).fill(NaN);
  const grouped: number[] = [];
  let nonBlank = 0;
  let booleans = 0;
  let numeric = true;
  let allIntegers = true;
  let allLong = true;
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (cell === null || (typeof cell === 'string' && cell.trim() === '') || (typeof cell === 'number' && Number.isNaN(cell))) continue;
    nonBlank++;
    if (typeof cell === 'boolean') {
      booleans++;
      numeric = false;
      continue;
    }
    if (!numeric) continue;
    let value: number;
    if (typeof cell === 'number') {
      value = cell;
    } else {
      const s = foldWidth(cell.trim());
      if (DECIMAL.test(s) && !LEADING_ZERO.test(s)) {
        value = Number(s);
      } else if (GROUPED.test(s)) {
        value = Number(s.replace(/,/g, ''));
        grouped.push(i);
      } else {
        numeric = false;
        continue;
      }
    }
    if (!Number.isFinite(value)) {
      numeric = false;
      continue;
    }
    const integer = Number.isInteger(value);
    if (integer && Math.abs(value) > Number.MAX_SAFE_INTEGER) numeric = false;
    allIntegers &&= integer;
    allLong &&= integer && Math.abs(value) >= TWELVE_DIGITS;
    numbers[i] = value;
  }

  if (nonBlank > 0 && booleans === nonBlank) {
    const values = new Uint8Array(n).fill(255);
    for (let i = 0; i < n; i++) if (typeof cells[i] === 'boolean') values[i] = cells[i] ? 1 : 0;
    return { column: { name, type: 'boolean', values }, issues: [] };
  }
  const isCode = allLong || (allIntegers && CODE_HEADER.test(name.normalize('NFKC').trim()));
  if (nonBlank > 0 && numeric && !isCode) {
    const issues: ImportIssue[] = grouped.map((i) => ({
      code: 'table.thousands-separator',
      severity: 'warning',
      ...(file ? { file } : {}),
      index: i,
      field: name,
      params: { value: String(cells[i]).trim(), number: numbers[i] },
    }));
    return { column: { name, type: 'number', values: numbers }, issues };
  }
  return { column: { name, type: 'string', values: cells.map(cellText) }, issues: [] };
}

/**
 * Header names, trimmed and unique: a blank name becomes `列<n>` (its 1-based column number
 * in the file, `columnNumbers[k]`, as Excel users count) with warning `table.header-blank`; a repeated name gets `_2`, `_3`…
 * with warning `table.header-duplicate`.
 */
export function headerNames(
  header: readonly Cell[],
  file?: string,
  columnNumbers: readonly number[] = header.map((_, k) => k + 1),
): { names: string[]; issues: ImportIssue[] } {
  const taken = new Set(header.map(cellText).filter((t): t is string => t !== null));
  const used = new Set<string>();
  const names: string[] = [];
  const issues: ImportIssue[] = [];
  const at = file ? { file } : {};
  header.forEach((cell, k) => {
    const text = cellText(cell);
    const column = columnNumbers[k];
    let name = text ?? `列${column}`;
    if (text === null) {
      for (let extra = 2; taken.has(name) || used.has(name); extra++) name = `列${column}_${extra}`;
      issues.push({ code: 'table.header-blank', severity: 'warning', ...at, params: { column, name } });
    } else if (used.has(name)) {
      let extra = 2;
      while (taken.has(`${text}_${extra}`) || used.has(`${text}_${extra}`)) extra++;
      name = `${text}_${extra}`;
      issues.push({ code: 'table.header-duplicate', severity: 'warning', ...at, params: { column, name: text, renamed: name } });
    }
    used.add(name);
    names.push(name);
  });
  return { names, issues };
}

/**
 * Builds the attribute table from a header row and data rows (each padded or cut to the
 * header's width by the caller). Columns with a blank header and no values at all (Excel
 * leaves them after deleted data) are dropped without a word.
 */
export function buildTable(header: readonly Cell[], rows: readonly (readonly Cell[])[], file?: string): { table: ColumnarTable; issues: ImportIssue[] } {
  const width = header.length;
  const keep: number[] = [];
  for (let k = 0; k < width; k++) {
    if (cellText(header[k]) !== null || rows.some((r) => cellText(r[k] ?? null) !== null)) keep.push(k);
  }
  const named = headerNames(
    keep.map((k) => header[k]),
    file,
    keep.map((k) => k + 1),
  );
  const issues = [...named.issues];
  const columns: Column[] = keep.map((k, j) => {
    const typed = typeColumn(named.names[j], rows.map((r) => r[k] ?? null), file);
    issues.push(...typed.issues);
    return typed.column;
  });
  return { table: { length: rows.length, columns }, issues };
}
