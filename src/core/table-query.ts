import type { Column, ColumnarTable } from './types';
import { RISK_LEVEL } from './vocabulary';

/** Comparison used by an attribute-table filter. `contains` is case-insensitive text matching. */
export type FilterOp = 'contains' | 'eq' | 'gt' | 'lt' | 'gte' | 'lte';

export interface TableFilter {
  /** Column to test; null tests every column (any match keeps the row). */
  column: string | null;
  op: FilterOp;
  value: string;
  /**
   * Stored codes that also count as a match, e.g. `landslide` when the user typed the
   * label 滑坡 they see in the table (the UI resolves labels to codes).
   */
  aliases?: string[];
}

export interface TableQuery {
  filter?: TableFilter | null;
  sortColumn?: string | null;
  sortDescending?: boolean;
}

/** A cell as shown to the user: numbers stay numbers so they sort and format properly. */
export type CellValue = string | number | boolean | null;

/** Reads one cell of a column. */
export function cellValue(column: Column, row: number): CellValue {
  switch (column.type) {
    case 'number': {
      const v = column.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'string':
      return column.values[row];
    case 'boolean': {
      const v = column.values[row];
      return v === 255 ? null : v === 1;
    }
  }
}

/** Category values with a natural order, sorted by it rather than alphabetically. */
const ORDINALS: readonly (readonly string[])[] = [
  RISK_LEVEL.entries.filter((e) => e.code !== 'none').sort((a, b) => a.num - b.num).map((e) => e.code),
];

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'string' && typeof b === 'string') {
    for (const order of ORDINALS) {
      const i = order.indexOf(a);
      const j = order.indexOf(b);
      if (i >= 0 && j >= 0) return i - j;
    }
    return collator.compare(a, b);
  }
  return a! < b! ? -1 : a! > b! ? 1 : 0;
}

function matches(column: Column, row: number, op: FilterOp, text: string, number: number, aliases: string[]): boolean {
  const v = cellValue(column, row);
  if (v === null) return false;
  const s = String(v).toLowerCase();
  if (aliases.includes(s)) return true;
  if (op === 'contains') return s.includes(text);
  if (typeof v === 'number' && !Number.isNaN(number)) {
    switch (op) {
      case 'eq': return v === number;
      case 'gt': return v > number;
      case 'lt': return v < number;
      case 'gte': return v >= number;
      case 'lte': return v <= number;
    }
  }
  switch (op) {
    case 'eq': return s === text;
    case 'gt': return s > text;
    case 'lt': return s < text;
    case 'gte': return s >= text;
    case 'lte': return s <= text;
  }
}

/**
 * Returns the row indices of `table` that pass `query.filter`, in `query.sortColumn`
 * order: numbers numerically, Chinese text in pinyin order, known ordinal categories
 * (low < medium < high) by rank; nulls last, ties by row index so the order is stable.
 */
export function queryRows(table: ColumnarTable, query: TableQuery): Uint32Array {
  const { filter } = query;
  const rows: number[] = [];
  const columns = filter?.column ? table.columns.filter((c) => c.name === filter.column) : table.columns;
  const text = (filter?.value ?? '').trim().toLowerCase();
  const number = text === '' ? NaN : Number(text);
  const aliases = (filter?.aliases ?? []).map((a) => a.toLowerCase());
  for (let r = 0; r < table.length; r++) {
    if (!filter || text === '') {
      rows.push(r);
      continue;
    }
    for (const c of columns) {
      if (matches(c, r, filter.op, text, number, aliases)) {
        rows.push(r);
        break;
      }
    }
  }
  const sortColumn = query.sortColumn ? table.columns.find((c) => c.name === query.sortColumn) : undefined;
  if (sortColumn) {
    const dir = query.sortDescending ? -1 : 1;
    rows.sort((a, b) => {
      const va = cellValue(sortColumn, a);
      const vb = cellValue(sortColumn, b);
      if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1;
      return dir * compareValues(va, vb) || a - b;
    });
  }
  return Uint32Array.from(rows);
}
