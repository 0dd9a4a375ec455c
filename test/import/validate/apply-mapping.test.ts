import { describe, expect, it } from 'vitest';
import type { ColumnarTable } from '../../../src/core/types';
import { describeColumns, suggestFieldMapping } from '../../../src/core/import/roles';
import { applyMapping, distinctValues, isBlankText, parseNumberText } from '../../../src/core/import/validate';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue } from '../../../src/core/import/types';
import { columnValues, csvTable, fixtureText } from './helpers';

const en = (issues: ImportIssue[], tabular = true) => issues.map((i) => describeIssue(i, 'en', tabular));
const zh = (issues: ImportIssue[], tabular = true) => issues.map((i) => describeIssue(i, 'zh', tabular));

describe('parseNumberText', () => {
  it('reads numbers as spreadsheets hold them', () => {
    const cases: [string, string[], number | null][] = [
      ['1,234', [], 1234], [' 56 ', [], 56], ['５６', [], 56], ['12,345.6', [], 12345.6], ['-3.5', [], -3.5], ['1e3', [], 1000],
      ['－７', [], -7], ['56人', ['人'], 56], ['56 人', ['人'], 56], ['120m', ['米', 'm'], 120], ['120 km', ['米', 'm'], null],
      ['56人', [], null], ['1.2万', ['人'], null], ['1,23', [], null], ['约50', [], null], ['', [], null], ['abc', [], null], ['Infinity', [], null],
    ];
    for (const [text, units, expected] of cases) expect(parseNumberText(text, units), text).toBe(expected);
  });

  it('treats placeholders as blank', () => {
    expect(['', '  ', '-', '—', '/', 'NULL', '#N/A', 'n/a'].map(isBlankText)).toEqual([true, true, true, true, true, true, true, true]);
    expect(['0', 'a', '无'].map(isBlankText)).toEqual([false, false, false]);
  });
});

describe('applyMapping of a village table with one problem per row', () => {
  const table = csvTable(fixtureText('villages_problems.csv'));
  const fieldMap = suggestFieldMapping('villages', describeColumns(table));
  const { table: out, issues } = applyMapping({ role: 'villages', table, fieldMap, tabular: true, file: 'villages_problems.csv' });

  it('suggests the mapping used', () => {
    expect(Object.fromEntries(Object.entries(fieldMap).filter(([, c]) => c))).toEqual({
      id: '村庄编号', name: '村名', township: '乡镇', population: '人口(人)', households: '户数', lowIncomeHouseholds: '低收入户',
    });
  });

  it('names every bad row, its field and what to do (en)', () => {
    expect(en(issues)).toEqual([
      'villages_problems.csv, row 4, field "村名": Name is required, but the cell is empty. Fill it in, or leave this row out of the import.',
      'villages_problems.csv, row 5, field "人口(人)": "约五十" is not a number, but Population must be numeric. Enter a plain number such as 1234, without words.',
      'villages_problems.csv, row 6, field "人口(人)": Population cannot be negative, but the value is -3. Correct the value.',
      'villages_problems.csv, row 7, field "人口(人)": Population must be a whole number, but the value is 12.5. Correct it to a whole number.',
      'villages_problems.csv, row 8, field "村庄编号": The ID "V002" is already used by row 3; IDs must be unique. Give this row its own ID, or remove the duplicate.',
      'villages_problems.csv, row 8, field "低收入户": Low-income households (12) is more than Households (10). Check both numbers; the row is imported as it is.',
      'villages_problems.csv, row 9, field "人口(人)": Population is required, but the cell is empty. Fill it in, or leave this row out of the import.',
    ]);
    expect(issues.map((i) => [i.code, i.severity, i.index])).toEqual([
      ['row.required-missing', 'error', 2], ['row.not-a-number', 'error', 3], ['row.negative', 'error', 4], ['row.not-integer', 'error', 5],
      ['row.duplicate-id', 'error', 6], ['row.exceeds', 'warning', 6], ['row.required-missing', 'error', 7],
    ]);
  });

  it('says the same in Chinese', () => {
    expect(zh(issues)).toEqual([
      'villages_problems.csv，第 4 行，字段“村名”：“名称”是必填项，但这里是空的。请补填，或不导入这一行。',
      'villages_problems.csv，第 5 行，字段“人口(人)”：“约五十”不是数字，而“人口”必须是数值。请改为纯数字（例如 1234，不带文字）。',
      'villages_problems.csv，第 6 行，字段“人口(人)”：“人口”不能是负数，这里是 -3。请更正。',
      'villages_problems.csv，第 7 行，字段“人口(人)”：“人口”必须是整数，这里是 12.5。请改为整数。',
      'villages_problems.csv，第 8 行，字段“村庄编号”：编号“V002”与第 3 行重复，编号必须唯一。请给这一行换一个编号，或删去重复的行。',
      'villages_problems.csv，第 8 行，字段“低收入户”：“低收入户”（12）大于“户数”（10）。请核对这两个数；这一行仍按原值导入。',
      'villages_problems.csv，第 9 行，字段“人口(人)”：“人口”是必填项，但这里是空的。请补填，或不导入这一行。',
    ]);
  });

  it('writes canonical columns in schema order, converted, then the unmapped columns as they were', () => {
    expect(out.length).toBe(11);
    expect(out.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'string'], ['name', 'string'], ['township', 'string'], ['population', 'number'], ['households', 'number'], ['lowIncomeHouseholds', 'number'],
      ['经度', 'string'], ['纬度', 'string'],
    ]);
    expect(columnValues(out, 'population')).toEqual([1234, 56, 80, NaN, NaN, NaN, 40, NaN, 90, 70, 60]);
    expect(columnValues(out, 'name')).toEqual(['上坑', '下坑', null, '石门', '竹坪', '黄坛', '后山', '岭头', '溪口', '远村', '无坐标']);
    expect(columnValues(out, '纬度')).toEqual(columnValues(table, '纬度'));
  });
});

/** A one-column-per-field table from plain arrays (strings → string columns, numbers → number columns). */
function tableOf(columns: Record<string, (string | null)[] | number[]>): ColumnarTable {
  const entries = Object.entries(columns);
  return {
    length: entries[0][1].length,
    columns: entries.map(([name, values]) =>
      typeof values[0] === 'number' ? { name, type: 'number' as const, values: Float64Array.from(values as number[]) } : { name, type: 'string' as const, values: values as (string | null)[] },
    ),
  };
}

describe('applyMapping rules', () => {
  it('rejects the file when a required field has no column, naming the field in both languages', () => {
    const table = tableOf({ 名称: ['a'] });
    const { issues } = applyMapping({ role: 'villages', table, fieldMap: { name: '名称', id: null }, tabular: true, file: 'v.csv' });
    expect(issues.map((i) => [i.code, i.severity, i.index])).toEqual([['field.required-unmapped', 'error', undefined], ['field.required-unmapped', 'error', undefined]]);
    expect(en(issues)).toEqual([
      'v.csv: A Natural villages layer needs the field "ID" (id), but no column is mapped to it. Choose the column that holds it in the field-mapping step, or add such a column to the file and import it again.',
      'v.csv: A Natural villages layer needs the field "Population" (population), but no column is mapped to it. Choose the column that holds it in the field-mapping step, or add such a column to the file and import it again.',
    ]);
    expect(zh(issues)[1]).toBe('v.csv：“自然村”图层必须有“人口”（population）字段，但还没有对应到任何列。请在“字段对应”步骤中选择包含该数据的列，或在文件中补上这一列后重新导入。');
  });

  it('rejects a mapping to a column the file does not have', () => {
    const { issues } = applyMapping({ role: 'roads', table: tableOf({ a: ['x'] }), fieldMap: { name: '道路名称' }, tabular: false, file: 'r.shp' });
    expect(en(issues, false)).toEqual(['r.shp: "Name" is mapped to the column "道路名称", which the file does not have. Choose another column in the field-mapping step.']);
    expect(zh(issues, false)).toEqual(['r.shp：“名称”对应的列“道路名称”在文件中不存在。请在“字段对应”步骤中重新选择列。']);
  });

  it('maps category values automatically, by the wizard, and reports unknown ones with the allowed list', () => {
    const table = tableOf({ id: ['H1', 'H2', 'H3', 'H4', 'H5'], 类型: ['滑坡', '山崩', '崩塌', '泥石流', ' 洪水 '], 等级: ['大', '中', '特大型', '未定', 'III'] });
    const fieldMap = { id: 'id', type: '类型', riskLevel: '等级' };
    const auto = applyMapping({ role: 'hazards', table, fieldMap, tabular: false, file: 'h.shp' });
    expect(columnValues(auto.table, 'type')).toEqual(['landslide', null, 'collapse', 'debris_flow', 'flood']);
    expect(columnValues(auto.table, 'riskLevel')).toEqual(['high', 'medium', 'high', null, 'low']);
    expect(en(auto.issues, false)).toEqual([
      'h.shp, feature 2, field "类型": "山崩" is not an allowed Hazard type value. Map it to one of the allowed values (landslide, collapse, debris_flow, subsidence, flood, reservoir, other) in the value-mapping step, or correct the cell.',
      'h.shp, feature 4, field "等级": "未定" is not an allowed Risk level value. Map it to one of the allowed values (high, medium, low) in the value-mapping step, or correct the cell.',
    ]);
    expect(zh(auto.issues, false)).toEqual([
      'h.shp，第 2 个要素，字段“类型”：“山崩”不是“灾害类型”允许的取值。请在“取值对应”步骤中把它对应到允许的取值之一（滑坡、崩塌、泥石流、地面塌陷、洪水、水库淹没区、其他），或更正这一格。',
      'h.shp，第 4 个要素，字段“等级”：“未定”不是“风险等级”允许的取值。请在“取值对应”步骤中把它对应到允许的取值之一（高、中、低），或更正这一格。',
    ]);
    const byWizard = applyMapping({
      role: 'hazards', table, fieldMap, tabular: false, file: 'h.shp',
      categoryMaps: { type: { 山崩: 'collapse', 崩塌: null }, riskLevel: { 未定: 'low', 中: 'bogus' } },
    });
    expect(columnValues(byWizard.table, 'type')).toEqual(['landslide', 'collapse', null, 'debris_flow', 'flood']);
    expect(columnValues(byWizard.table, 'riskLevel')).toEqual(['high', null, 'high', 'low', 'low']);
    expect(byWizard.issues.map((i) => [i.code, i.index, i.params?.value])).toEqual([['row.unknown-category', 1, '中'], ['row.unknown-category', 2, '崩塌']]);
  });

  it('reads yes/no fields from text, numbers and booleans', () => {
    const table: ColumnarTable = {
      length: 6,
      columns: [
        { name: 'id', type: 'string', values: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] },
        { name: '名称', type: 'string', values: ['a', 'b', 'c', 'd', 'e', 'f'] },
        { name: '类型', type: 'string', values: ['县城', '中心镇', '中心村', '安置小区', '新建点', '新选址'] },
        { name: '容量', type: 'number', values: Float64Array.of(500, 400, 300, 200, 100, 50) },
        { name: '有学校', type: 'string', values: ['是', '否', '有', '无', '也许', null] },
        { name: '有卫生院', type: 'number', values: Float64Array.of(1, 0, 1, NaN, 0, 2) },
        { name: '已安置', type: 'number', values: Float64Array.of(100, 500, 0, 0, 0, 0) },
      ],
    };
    const fieldMap = suggestFieldMapping('settlements', describeColumns(table));
    expect(fieldMap).toEqual({ id: 'id', name: '名称', type: '类型', township: null, capacityPersons: '容量', usedPersons: '已安置', hasSchool: '有学校', hasClinic: '有卫生院', landCostPerM2: null });
    const { table: out, issues } = applyMapping({ role: 'settlements', table, fieldMap, tabular: true, file: 's.xlsx' });
    expect(columnValues(out, 'type')).toEqual(['county_seat', 'central_town', 'central_village', 'relocation_community', 'new_site', 'new_site']);
    expect(columnValues(out, 'hasSchool')).toEqual([1, 0, 1, 0, 255, 255]);
    expect(columnValues(out, 'hasClinic')).toEqual([1, 0, 1, 255, 0, 255]);
    expect(en(issues)).toEqual([
      's.xlsx, row 3, field "已安置": Used (persons) (500) is more than Capacity (persons) (400). Check both numbers; the row is imported as it is.',
      's.xlsx, row 6, field "有学校": "也许" is not an allowed School value. Map it to one of the allowed values (true, false) in the value-mapping step, or correct the cell.',
      's.xlsx, row 7, field "有卫生院": "2" is not an allowed Clinic value. Map it to one of the allowed values (true, false) in the value-mapping step, or correct the cell.',
    ]);
    expect(zh(issues)[1]).toBe('s.xlsx，第 6 行，字段“有学校”：“也许”不是“有学校”允许的取值。请在“取值对应”步骤中把它对应到允许的取值之一（是、否），或更正这一格。');
  });

  it('keeps codes held as numbers exact, checks admin codes and ranges', () => {
    const table = tableOf({ 编号: [101, 102, 103], 村名: ['a', 'b', 'c'], 人口: [10, 20, 30], 代码: [331127001001, 3311270010, 331127001003], 坡度: [10, 95, 0] });
    const { table: out, issues } = applyMapping({ role: 'villages', table, fieldMap: suggestFieldMapping('villages', describeColumns(table)), tabular: true, file: 'v.xlsx' });
    expect(columnValues(out, 'id')).toEqual(['101', '102', '103']);
    expect(columnValues(out, 'adminCode')).toEqual(['331127001001', '3311270010', '331127001003']);
    expect(columnValues(out, 'slopeDeg')).toEqual([10, NaN, 0]);
    expect(en(issues)).toEqual([
      'v.xlsx, row 3, field "代码": "3311270010" is not a 12-digit administrative code (such as 331127001001), so joins by code will not find this row. Correct it if you can.',
      'v.xlsx, row 3, field "坡度": Slope (°) must be between 0 and 90, but the value is 95. Correct the value.',
    ]);
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'error']);
    expect(zh(issues)).toEqual([
      'v.xlsx，第 3 行，字段“代码”：“3311270010”不是 12 位行政区划代码（例如 331127001001），按代码关联时找不到这一行。如有可能请更正。',
      'v.xlsx，第 3 行，字段“坡度”：“坡度(度)”应在 0 到 90 之间，这里是 95。请更正。',
    ]);
  });

  it('names the first use of a duplicate id as a feature for non-tables, and flags every later use', () => {
    const table = tableOf({ id: ['A', 'B', 'A', ' A', null], 人数: [1, 2, 3, 4, 5], 村庄编号: ['v', 'v', 'v', 'v', 'v'] });
    const { issues } = applyMapping({ role: 'households', table, fieldMap: { id: 'id', villageId: '村庄编号', persons: '人数' }, tabular: false, file: 'h.fgb' });
    expect(en(issues, false)).toEqual([
      'h.fgb, feature 3, field "id": The ID "A" is already used by feature 1; IDs must be unique. Give this row its own ID, or remove the duplicate.',
      'h.fgb, feature 4, field "id": The ID "A" is already used by feature 1; IDs must be unique. Give this row its own ID, or remove the duplicate.',
      'h.fgb, feature 5, field "id": ID is required, but the cell is empty. Fill it in, or leave this row out of the import.',
    ]);
    expect(zh(issues, false)[0]).toBe('h.fgb，第 3 个要素，字段“id”：编号“A”与第 1 个要素重复，编号必须唯一。请给这一行换一个编号，或删去重复的行。');
  });

  it('renames an unmapped column that would clash with a canonical name', () => {
    const table = tableOf({ 村名: ['a'], name: ['x'], name_1: ['y'], 编号: ['1'], 人口: [5] });
    const { table: out, issues } = applyMapping({ role: 'villages', table, fieldMap: { id: '编号', name: '村名', population: '人口' }, tabular: true, file: 'v.csv' });
    expect(issues).toEqual([]);
    expect(out.columns.map((c) => c.name)).toEqual(['id', 'name', 'population', 'name_2', 'name_1']);
    expect(columnValues(out, 'name_2')).toEqual(['x']);
  });

  it('keys category values as distinctValues lists them', () => {
    const table: ColumnarTable = { length: 4, columns: [{ name: 'a', type: 'string', values: [' 滑坡', '滑坡', null, '-'] }, { name: 'n', type: 'number', values: Float64Array.of(331127001001, 2, 2, NaN) }] };
    expect(distinctValues(table.columns[0], table.length)).toEqual(['滑坡']);
    expect(distinctValues(table.columns[1], table.length)).toEqual(['331127001001', '2']);
  });
});
