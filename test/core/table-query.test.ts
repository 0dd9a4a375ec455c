import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/core/table-query';
import type { ColumnarTable } from '../../src/core/types';

const table: ColumnarTable = {
  length: 4,
  columns: [
    { name: 'name', type: 'string', values: ['上坑', '下源', '大坞', null] },
    { name: 'population', type: 'number', values: Float64Array.from([120, 560, NaN, 300]) },
    { name: 'hasSchool', type: 'boolean', values: Uint8Array.from([1, 0, 255, 1]) },
  ],
};

describe('queryRows', () => {
  it('keeps every row without a filter, in row order', () => {
    expect([...queryRows(table, {})]).toEqual([0, 1, 2, 3]);
  });

  it('filters numbers numerically and skips missing values', () => {
    expect([...queryRows(table, { filter: { column: 'population', op: 'gt', value: '200' } })]).toEqual([1, 3]);
    expect([...queryRows(table, { filter: { column: 'population', op: 'lte', value: '300' } })]).toEqual([0, 3]);
  });

  it('matches text in any column when no column is named', () => {
    expect([...queryRows(table, { filter: { column: null, op: 'contains', value: '坞' } })]).toEqual([2]);
    expect([...queryRows(table, { filter: { column: null, op: 'contains', value: '56' } })]).toEqual([1]);
  });

  it('accepts codes the UI resolved from a typed label', () => {
    const t: ColumnarTable = { length: 3, columns: [{ name: 'type', type: 'string', values: ['landslide', 'collapse', 'landslide'] }] };
    expect([...queryRows(t, { filter: { column: 'type', op: 'contains', value: '滑坡', aliases: ['landslide'] } })]).toEqual([0, 2]);
  });

  it('sorts risk levels by severity and Chinese names by pinyin', () => {
    const t: ColumnarTable = {
      length: 3,
      columns: [
        { name: 'riskLevel', type: 'string', values: ['high', 'low', 'medium'] },
        { name: 'name', type: 'string', values: ['中坑', '岸头', '白沙'] },
      ],
    };
    expect([...queryRows(t, { sortColumn: 'riskLevel' })]).toEqual([1, 2, 0]);
    expect([...queryRows(t, { sortColumn: 'name' })]).toEqual([1, 2, 0]);
  });

  it('sorts with nulls last and ties broken by row index', () => {
    expect([...queryRows(table, { sortColumn: 'population' })]).toEqual([0, 3, 1, 2]);
    expect([...queryRows(table, { sortColumn: 'population', sortDescending: true })]).toEqual([1, 3, 0, 2]);
    expect([...queryRows(table, { sortColumn: 'hasSchool' })]).toEqual([1, 0, 3, 2]);
  });
});
