/**
 * Tables without coordinates (household registers, survey sheets) are placed by joining
 * one of their columns to the villages already loaded: by 12-digit administrative code, by
 * village id or by name. Each row takes its village's position.
 */
import type { ColumnarGeometry, ColumnarTable } from '../types';
import { cellValue } from '../table-query';
import type { ImportIssue } from './types';

export interface VillageKeyRow {
  id: string | null;
  adminCode: string | null;
  name: string | null;
  lng: number;
  lat: number;
}

/** Trims and folds full-width characters so `３３１１` matches `3311` and `上坑 ` matches `上坑`. */
function normalizeKey(value: string): string {
  return value.normalize('NFKC').trim();
}

/**
 * Point geometry for each row of `table` at the village whose `by` key equals the row's
 * `column` value. Rows with a blank key get `join.blank-key`; rows with no such village
 * `join.no-match`; a key shared by several villages (a name, or an administrative village's
 * code that its natural villages share) `join.ambiguous` (errors: the row
 * cannot be placed). Unplaced rows have NaN coordinates.
 */
export function joinToVillages(
  table: ColumnarTable,
  column: string,
  by: 'adminCode' | 'name' | 'id',
  villages: readonly VillageKeyRow[],
  file?: string,
): { geometry: ColumnarGeometry; issues: ImportIssue[] } {
  const index = new Map<string, VillageKeyRow | 'ambiguous'>();
  for (const v of villages) {
    const key = v[by];
    if (key === null) continue;
    const k = normalizeKey(key);
    index.set(k, index.has(k) ? 'ambiguous' : v);
  }
  const col = table.columns.find((c) => c.name === column);
  const coords = new Float64Array(2 * table.length).fill(NaN);
  const issues: ImportIssue[] = [];
  for (let i = 0; i < table.length; i++) {
    const raw = col ? cellValue(col, i) : null;
    const key = raw === null ? '' : normalizeKey(String(raw));
    if (key === '') {
      issues.push({ code: 'join.blank-key', severity: 'error', file, index: i, field: column });
      continue;
    }
    const village = index.get(key);
    if (village === undefined) {
      issues.push({ code: 'join.no-match', severity: 'error', file, index: i, field: column, params: { value: key, by, villages: villages.length } });
    } else if (village === 'ambiguous') {
      issues.push({ code: 'join.ambiguous', severity: 'error', file, index: i, field: column, params: { value: key, by } });
    } else {
      coords[2 * i] = village.lng;
      coords[2 * i + 1] = village.lat;
    }
  }
  const empty = new Uint32Array(0);
  return { geometry: { kind: 'Point', coords, geomOffsets: empty, partOffsets: empty, ringOffsets: empty }, issues };
}
