import type { Column, ColumnarTable } from './types';

/** Comparison used by an attribute-table filter. `contains` is case-insensitive text matching. */
export type FilterOp = 'contains' | 'eq' | 'gt' | 'lt' | 'gte' | 'lte';

export interface TableFilter {
  /** Column to test; null tests every column (any match keeps the row). */
  column: string | null;
  op: FilterOp;
  value: string;
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

function matches(column: Column, row: number, op: FilterOp, text: string, number: number): boolean {
  const v = cellValue(column, row);
  if (v === null) return false;
  if (op === 'contains') return String(v).toLowerCase().includes(text);
  if (typeof v === 'number' && !Number.isNaN(number)) {
    switch (op) {
      case 'eq': return v === number;
      case 'gt': return v > number;
      case 'lt': return v < number;
      case 'gte': return v >= number;
      case 'lte': return v <= number;
    }
  }
  const s = String(v).toLowerCase();
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
 * order (nulls last, ties by row index so the order is stable and deterministic).
 */
export function queryRows(table: ColumnarTable, query: TableQuery): Uint32Array {
  const { filter } = query;
  const rows: number[] = [];
  const columns = filter?.column ? table.columns.filter((c) => c.name === filter.column) : table.columns;
  const text = (filter?.value ?? '').trim().toLowerCase();
  const number = text === '' ? NaN : Number(text);
  for (let r = 0; r < table.length; r++) {
    if (!filter || text === '') {
      rows.push(r);
      continue;
    }
    for (const c of columns) {
      if (matches(c, r, filter.op, text, number)) {
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
      if (va < vb) return -dir;
      if (va > vb) return dir;
      return a - b;
    });
  }
  return Uint32Array.from(rows);
}
