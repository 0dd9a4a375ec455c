import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { readXlsx } from '../../../src/io/table';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue, ParsedVectorSource } from '../../../src/core/import/types';
import { accepted, column, fixture, rejected, values } from './helpers';

/** A one-sheet workbook written by write-excel-file, as a user's file. */
async function workbook(name: string, rows: unknown[][]): Promise<{ name: string; bytes: Uint8Array }> {
  const buffer = await writeExcelFile(rows as never).toBuffer();
  return { name, bytes: new Uint8Array(buffer) };
}

async function read(file: { name: string; bytes: Uint8Array }): Promise<ParsedVectorSource> {
  return accepted(await readXlsx(file));
}

async function failure(file: { name: string; bytes: Uint8Array }): Promise<ImportIssue> {
  return rejected(await readXlsx(file));
}


describe('readXlsx', () => {
  it('reads the first sheet of households.xlsx: codes as text, numbers, 是/否, dates as ISO text', async () => {
    const source = await read(fixture('households.xlsx'));
    expect(source).toMatchObject({ kind: 'vector', format: 'xlsx', crs: null, geometry: null, tabular: true, coordinateColumns: null });
    expect(source.table.columns.map((c) => [c.name, c.type])).toEqual([
      ['户主', 'string'], ['村代码', 'string'], ['人数', 'number'], ['低收入户', 'string'], ['登记日期', 'string'],
    ]);
    expect(source.table.length).toBe(6);
    expect(values(column(source, '村代码'))).toEqual(['331199100201', '331199100201', '331199100202', '331199100203', '331199100203', '331199100204']);
    expect(values(column(source, '人数'))).toEqual([4, 2, 5, 3, 6, 1]);
    expect(values(column(source, '低收入户'))).toEqual(['是', '否', '是', '否', '是', '是']);
    expect(values(column(source, '登记日期'))).toEqual(['2019-03-15', '2019-03-16', '2020-11-02', null, '2021-01-20', '2021-07-08']);
    expect(source.issues).toEqual([
      { code: 'table.other-sheets', severity: 'info', file: 'households.xlsx', params: { sheet: '低收入农户', others: '说明', count: 1 } },
    ]);
    expect(describeIssue(source.issues[0], 'en')).toBe(
      'households.xlsx: Only the first sheet, "低收入农户", was read; the workbook also has "说明". To import another sheet, move it to the front or save it as a file of its own.',
    );
    expect(describeIssue(source.issues[0], 'zh')).toBe(
      'households.xlsx：只读取了第一个工作表“低收入农户”；工作簿中还有“说明”。如需导入其他工作表，请把它移到最前面，或单独另存为一个文件。',
    );
  });

  it('types cells the way the CSV reader does, and keeps Excel booleans and times', async () => {
    const source = await read(
      await workbook('t.xlsx', [
        [null, null, null, null, null, null],
        ['村名', '代码', '人口', '有学校', null, '更新时间'],
        ['大山村', 331127100201, 356, true, 'x', { value: new Date('2024-03-01T08:30:00Z'), format: 'yyyy-mm-dd hh:mm' }],
        [null, null, null, null, null, null],
        ['石门村', 331127100202, '1203', false, null, { value: new Date('2024-03-02T00:00:00Z'), format: 'yyyy-mm-dd' }],
      ]),
    );
    expect(source.table.length).toBe(2);
    expect(source.table.columns.map((c) => [c.name, c.type])).toEqual([
      ['村名', 'string'], ['代码', 'string'], ['人口', 'number'], ['有学校', 'boolean'], ['列5', 'string'], ['更新时间', 'string'],
    ]);
    expect(values(column(source, '代码'))).toEqual(['331127100201', '331127100202']);
    expect(values(column(source, '人口'))).toEqual([356, 1203]);
    expect(values(column(source, '有学校'))).toEqual([1, 0]);
    expect(values(column(source, '更新时间'))).toEqual(['2024-03-01T08:30:00', '2024-03-02']);
    expect(source.issues.map((i) => describeIssue(i, 'en'))).toEqual([
      't.xlsx: Column 5 has no name; it was called "列5". Give it a name in the file to keep it recognisable.',
    ]);
  });

  it('finds coordinate columns by name', async () => {
    const source = await read(await workbook('c.xlsx', [['名称', 'lng_gcj02', 'lat_gcj02'], ['a', 119.9, 28.2]]));
    expect(source.coordinateColumns).toEqual({ x: 'lng_gcj02', y: 'lat_gcj02' });
  });

  it('rejects a workbook with a header only, or with nothing', async () => {
    const headerOnly = await failure(await workbook('h.xlsx', [['户主', '人数', null]]));
    expect(headerOnly).toEqual({ code: 'table.empty', severity: 'error', file: 'h.xlsx', params: { reason: 'header-only', columns: 2 } });
    expect(describeIssue(headerOnly, 'en')).toBe('h.xlsx: The file has a header (2 columns) but no data rows. Add rows below the header, or choose the file that holds the data.');
    const nothing = await failure(await workbook('e.xlsx', [[null]]));
    expect(nothing.params).toEqual({ reason: 'empty' });
  });

  it('rejects corrupt.xlsx (a truncated workbook) and a CSV named .xlsx', async () => {
    const corrupt = await failure(fixture('corrupt.xlsx'));
    expect(corrupt).toEqual({ code: 'table.corrupt-xlsx', severity: 'error', file: 'corrupt.xlsx' });
    expect(describeIssue(corrupt, 'en')).toBe(
      'corrupt.xlsx: The workbook is damaged or not really an .xlsx file, so it cannot be read. Open it in Excel or WPS and save it again as .xlsx, or as "CSV UTF-8 (Comma delimited)".',
    );
    expect(describeIssue(corrupt, 'zh')).toBe('corrupt.xlsx：工作簿已损坏或并不是真正的 .xlsx 文件，无法读取。请用 Excel 或 WPS 打开后重新另存为 .xlsx，或另存为“CSV UTF-8(逗号分隔)”。');
    expect((await failure({ name: 'v.xlsx', bytes: fixture('villages_gbk.csv').bytes })).code).toBe('table.corrupt-xlsx');
  });

  it('rejects old.xls (Excel 97–2003) with the way to convert it', async () => {
    const issue = await failure(fixture('old.xls'));
    expect(issue).toEqual({ code: 'table.xls', severity: 'error', file: 'old.xls' });
    expect(describeIssue(issue, 'en')).toBe(
      'old.xls: This is an old Excel 97–2003 workbook (.xls), which cannot be read. Save it in Excel or WPS as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)" and import that.',
    );
    expect(describeIssue(issue, 'zh')).toBe('old.xls：这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取。请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”或“CSV UTF-8(逗号分隔)”后导入。');
  });
});
