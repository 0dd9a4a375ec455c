import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/io/table';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue, ParsedVectorSource } from '../../../src/core/import/types';
import { accepted, column, fixture, rejected, values } from './helpers';

function text(name: string, content: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(content) };
}

function read(file: { name: string; bytes: Uint8Array }): ParsedVectorSource {
  return accepted(readCsv(file));
}

function failure(file: { name: string; bytes: Uint8Array }): ImportIssue {
  return rejected(readCsv(file));
}

const en = (issues: ImportIssue[]): string[] => issues.map((i) => describeIssue(i, 'en', true));

describe('readCsv: encodings', () => {
  it('drops the UTF-8 BOM of villages_gcj02.csv and says so', () => {
    const source = read(fixture('villages_gcj02.csv'));
    expect(source.table.columns.map((c) => [c.name, c.type])).toEqual([['村名', 'string'], ['经度', 'number'], ['纬度', 'number'], ['人口', 'number']]);
    expect(source.table.length).toBe(5);
    expect(values(column(source, '经度'))).toEqual([119.905592, 119.880927, 119.93649, 119.919382, 119.893409]);
    expect(values(column(source, '人口'))).toEqual([356, 1203, 87, 415, 642]);
    expect(source.coordinateColumns).toEqual({ x: '经度', y: '纬度' });
    expect(source).toMatchObject({ kind: 'vector', format: 'csv', crs: null, geometry: null, tabular: true, fileName: 'villages_gcj02.csv' });
    expect(source.issues).toEqual([{ code: 'csv.bom', severity: 'info', file: 'villages_gcj02.csv' }]);
    expect(describeIssue(source.issues[0], 'en')).toBe(
      'villages_gcj02.csv: The file starts with a byte-order mark (BOM, as Excel\'s "CSV UTF-8" writes); it was removed so the first column keeps its name.',
    );
    expect(describeIssue(source.issues[0], 'zh')).toBe('villages_gcj02.csv：文件开头有字节顺序标记（BOM，Excel 存为“CSV UTF-8”时会加上），已去掉，第一列的列名不受影响。');
  });

  it('reads GBK (villages_gbk.csv), keeps codes and leading zeros as text and full-width commas inside values', () => {
    const source = read(fixture('villages_gbk.csv'));
    expect(source.table.columns.map((c) => [c.name, c.type])).toEqual([
      ['村名', 'string'], ['行政区划代码', 'string'], ['组号', 'string'], ['人口', 'number'], ['经度', 'number'], ['纬度', 'number'], ['备注', 'string'],
    ]);
    expect(values(column(source, '村名'))).toEqual(['大山村', '石门村', '黄坑村', '上洋村', '岭根村']);
    expect(values(column(source, '行政区划代码'))).toEqual(['331102100201', '331102100202', '331102100203', '331102100204', '331102100205']);
    expect(values(column(source, '组号'))).toEqual(['01', '02', '03', '04', '05']);
    expect(values(column(source, '备注'))).toEqual(['山脚，靠近溪流', null, '地质灾害隐患点附近', null, '整村搬迁，已完成']);
    expect(en(source.issues)).toEqual([
      'villages_gbk.csv: The file is not UTF-8; it was read as GBK (GB18030), the encoding Excel uses for CSV on Chinese Windows. If the Chinese text looks garbled, save the file in Excel as "CSV UTF-8 (Comma delimited)" and import it again.',
    ]);
    expect(describeIssue(source.issues[0], 'zh')).toBe(
      'villages_gbk.csv：文件不是 UTF-8 编码，已按 GBK（GB18030）读取，这是中文 Windows 上 Excel 保存 CSV 的编码。如果中文显示为乱码，请在 Excel 中另存为“CSV UTF-8(逗号分隔)”后重新导入。',
    );
  });

  it('reads UTF-16 with a BOM (Excel "Unicode Text", tab-separated)', () => {
    const content = '村名\t人口\r\n大山村\t356\r\n';
    const bytes = new Uint8Array(2 + 2 * content.length);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < content.length; i++) new DataView(bytes.buffer).setUint16(2 + 2 * i, content.charCodeAt(i), true);
    const source = read({ name: 'u16.txt', bytes });
    expect(values(column(source, '村名'))).toEqual(['大山村']);
    expect(values(column(source, '人口'))).toEqual([356]);
    expect(en(source.issues)).toEqual([
      'u16.txt: The file is UTF-16 text (Excel\'s "Unicode Text"); it was read as such.',
      'u16.txt: Columns are separated by tabs, not commas; they were split there.',
    ]);
  });

  it('keeps UTF-8 with one damaged byte as UTF-8 and counts the replaced characters', () => {
    const good = new TextEncoder().encode('村名,人口\n大山村,356\n石门村,1203\n黄坑村,87\n上洋村,415\n岭根村,642\n');
    const bytes = good.slice();
    bytes[bytes.indexOf(0xe7)] = 0xff; // first byte of 石 → invalid in UTF-8
    const source = read({ name: 'damaged.csv', bytes });
    expect(values(column(source, '村名'))).toEqual(['大山村', '\ufffd\ufffd\ufffd门村', '黄坑村', '上洋村', '岭根村']);
    expect(source.issues).toEqual([{ code: 'csv.bad-bytes', severity: 'warning', file: 'damaged.csv', params: { count: 3 } }]);
    expect(describeIssue(source.issues[0], 'en')).toBe(
      'damaged.csv: 3 characters are not valid UTF-8 and were replaced with "\ufffd". Check those values; saving the file as "CSV UTF-8 (Comma delimited)" fixes it.',
    );
  });
});

describe('readCsv: delimiters', () => {
  it('splits semicolon.csv at semicolons', () => {
    const source = read(fixture('semicolon.csv'));
    expect(source.table.columns.map((c) => c.name)).toEqual(['名称', '人口', '经度', '纬度']);
    expect(values(column(source, '纬度'))).toEqual([28.2034, 28.1876, 28.221, 28.1702, 28.2345]);
    expect(en(source.issues)).toEqual(['semicolon.csv: Columns are separated by semicolons (;), not commas; they were split there.']);
    expect(describeIssue(source.issues[0], 'zh')).toBe('semicolon.csv：各列之间用分号（;）而不是逗号分隔，已按它拆分各列。');
  });

  it('splits fullwidth_comma.csv at full-width commas and reads "1,203" as 1203 with a warning', () => {
    const source = read(fixture('fullwidth_comma.csv'));
    expect(source.table.columns.map((c) => c.name)).toEqual(['名称', '人口', '经度', '纬度']);
    expect(values(column(source, '人口'))).toEqual([356, 1203, 87, 415, 642]);
    expect(source.issues[1]).toEqual({
      code: 'table.thousands-separator', severity: 'warning', file: 'fullwidth_comma.csv', index: 1, field: '人口', params: { value: '1,203', number: 1203 },
    });
    expect(en(source.issues)).toEqual([
      'fullwidth_comma.csv: Columns are separated by full-width commas (，), not commas; they were split there.',
      'fullwidth_comma.csv, row 3, field "人口": "1,203" has a thousands separator; it was read as 1203. Check that this is the number meant.',
    ]);
    expect(describeIssue(source.issues[1], 'zh', true)).toBe('fullwidth_comma.csv，第 3 行，字段“人口”：“1,203”带有千位分隔符，已读作 1203。请确认这是想要的数值。');
  });

  it('recognises tabs and pipes, and keeps commas when a single column holds full-width commas', () => {
    expect(en(read(text('t.csv', 'a\tb\n1\t2\n')).issues)).toEqual(['t.csv: Columns are separated by tabs, not commas; they were split there.']);
    expect(en(read(text('p.csv', 'a|b\n1|2\n')).issues)).toEqual(['p.csv: Columns are separated by vertical bars (|), not commas; they were split there.']);
    const single = read(text('s.csv', '备注\n山脚，靠近溪流\n'));
    expect(single.table.columns.map((c) => c.name)).toEqual(['备注']);
    expect(single.issues).toEqual([]);
  });
});

describe('readCsv: bad rows and headers', () => {
  it('reports rows of ragged.csv with too many or too few fields', () => {
    const source = read(fixture('ragged.csv'));
    expect(values(column(source, '人口'))).toEqual([356, 1, 87, 415, 642]);
    expect(values(column(source, '户数'))).toEqual([120, 203, 30, NaN, 210]);
    expect(source.issues).toEqual([
      { code: 'csv.field-count', severity: 'error', file: 'ragged.csv', index: 1, params: { expected: 3, found: 4 } },
      { code: 'csv.field-count', severity: 'error', file: 'ragged.csv', index: 3, params: { expected: 3, found: 2 } },
    ]);
    expect(en(source.issues)).toEqual([
      'ragged.csv, row 3: The row has 4 fields but the header has 3 columns; a value probably contains the delimiter (e.g. a comma in a name). Put such values in double quotes, or remove the extra fields.',
      'ragged.csv, row 5: The row has only 2 fields but the header has 3 columns. Fill in the missing values (keep the delimiters of empty ones).',
    ]);
    expect(describeIssue(source.issues[0], 'zh', true)).toBe(
      'ragged.csv，第 3 行：这一行有 4 个字段，而表头只有 3 列，可能是某个值里含有分隔符（例如名称里的逗号）。请给这样的值加上英文双引号，或删去多余的字段。',
    );
  });

  it('reports an unclosed quote on its row', () => {
    const source = read(text('q.csv', '村名,人口\n大山村,356\n"石门村,1203\n黄坑村,87\n'));
    const quote = source.issues.filter((i) => i.code === 'csv.quotes');
    expect(quote).toEqual([{ code: 'csv.quotes', severity: 'error', file: 'q.csv', index: 1 }]);
    expect(describeIssue(quote[0], 'en', true)).toBe(
      'q.csv, row 3: A double quote is not closed, so the text after it ran into one field. Close the quote; a quote that is part of a value must be doubled ("").',
    );
  });

  it('names blank headers after their column and renames duplicates', () => {
    const source = read(text('h.csv', '村名,,人口,人口,,\n大山村,x,1,2,,\n石门村,y,3,4,,\n'));
    expect(source.table.columns.map((c) => c.name)).toEqual(['村名', '列2', '人口', '人口_2']);
    expect(en(source.issues)).toEqual([
      'h.csv: Column 2 has no name; it was called "列2". Give it a name in the file to keep it recognisable.',
      'h.csv: Column 4 repeats the name "人口"; it was renamed "人口_2". If the two columns mean different things, give them different names in the file.',
    ]);
    expect(describeIssue(source.issues[1], 'zh')).toBe('h.csv：第 4 列与前面的列重名（“人口”），已改名为“人口_2”。如果两列含义不同，请在文件中改用不同的列名。');
  });
});

describe('readCsv: column types', () => {
  it('types numbers, codes, leading zeros, full-width digits and blanks', () => {
    const source = read(
      text(
        't.csv',
        [
          '名称,数量,小数,负数,编号,村代码,身份证,长码,全角,户数',
          '甲,1,0.5,-3,1,331127100201,110101199003071234,331127100201,１２３,',
          '乙,20,.25,-0.5,2,331127100202,110101199003075678,331127100202,４５,7',
          '丙,300,1e3,-10,3,331127100203,110101199003079999,331127100203,６,',
        ].join('\n'),
      ),
    );
    const types = Object.fromEntries(source.table.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ 名称: 'string', 数量: 'number', 小数: 'number', 负数: 'number', 编号: 'string', 村代码: 'string', 身份证: 'string', 长码: 'string', 全角: 'number', 户数: 'number' });
    expect(values(column(source, '小数'))).toEqual([0.5, 0.25, 1000]);
    expect(values(column(source, '编号'))).toEqual(['1', '2', '3']);
    expect(values(column(source, '全角'))).toEqual([123, 45, 6]);
    expect(values(column(source, '户数'))).toEqual([NaN, 7, NaN]);
    const mixed = read(text('m.csv', 'code,v\n007,1\n12,2\n'));
    expect(values(column(mixed, 'code'))).toEqual(['007', '12']);
    const words = read(text('w.csv', 'v,w\n1,是\n两,否\n'));
    expect(values(column(words, 'v'))).toEqual(['1', '两']);
  });
});

describe('readCsv: files that are not tables', () => {
  it('rejects empty.csv', () => {
    const issue = failure(fixture('empty.csv'));
    expect(issue).toEqual({ code: 'table.empty', severity: 'error', file: 'empty.csv', params: { reason: 'empty' } });
    expect(describeIssue(issue, 'en')).toBe('empty.csv: The file is empty: it has no header and no rows. Check that the right file was chosen and that it was saved completely.');
    expect(describeIssue(issue, 'zh')).toBe('empty.csv：文件是空的，既没有表头也没有数据。请确认选对了文件，并且文件已完整保存。');
  });

  it('rejects header_only.csv and a file of blank lines', () => {
    expect(describeIssue(failure(fixture('header_only.csv')), 'en')).toBe(
      'header_only.csv: The file has a header (4 columns) but no data rows. Add rows below the header, or choose the file that holds the data.',
    );
    expect(describeIssue(failure(fixture('header_only.csv')), 'zh')).toBe('header_only.csv：文件只有表头（4 列），没有数据行。请在表头下方填入数据，或选择包含数据的文件。');
    expect(failure(text('blank.csv', '\ufeff\r\n  \r\n')).params).toEqual({ reason: 'empty' });
  });

  it('rejects binary data named .csv: a PNG, a renamed workbook, an old .xls', () => {
    expect(describeIssue(failure(fixture('not_really.csv')), 'en')).toBe('not_really.csv: This is a PNG image, not a table. Export the data as CSV or Excel (.xlsx) instead.');
    const xlsx = failure({ name: 'households.csv', bytes: fixture('households.xlsx').bytes });
    expect(xlsx.params).toEqual({ kind: 'xlsx' });
    expect(describeIssue(xlsx, 'en')).toBe(
      'households.csv: This is an Excel workbook, not a CSV text file (it was probably renamed). Rename it to .xlsx, or save it in Excel as "CSV UTF-8 (Comma delimited)".',
    );
    expect(describeIssue(xlsx, 'zh')).toBe(
      'households.csv：这是一个 Excel 工作簿，不是 CSV 文本文件（可能被改了扩展名）。请把扩展名改回 .xlsx 再导入，或在 Excel 中另存为“CSV UTF-8(逗号分隔)”。',
    );
    expect(failure({ name: 'old.csv', bytes: fixture('old.xls').bytes }).params).toEqual({ kind: 'xls' });
    const noise = new Uint8Array(300).map((_, i) => (i * 37) % 31);
    expect(failure({ name: 'noise.csv', bytes: noise }).params).toEqual({ kind: 'binary' });
  });
});
