import { describe, expect, it } from 'vitest';
import { encodingFromCpg, readDbf } from '../../../src/io/dbf';
import { readShapefile } from '../../../src/io/shapefile';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue } from '../../../src/core/import/types';
import type { Column } from '../../../src/core/types';
import { featureCoords, layerFiles } from './helpers';

interface FieldSpec {
  name: string | Uint8Array;
  type: string;
  width: number;
  decimals?: number;
}

/** GBK bytes of a few names (TextEncoder only writes UTF-8). */
const GBK = {
  石门村: Uint8Array.from([0xca, 0xaf, 0xc3, 0xc5, 0xb4, 0xe5]),
  村名: Uint8Array.from([0xb4, 0xe5, 0xc3, 0xfb]),
};

const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

/** A dBASE III file: fields, rows of values (left-aligned, space padded), '*' rows deleted. */
function dbf(fields: FieldSpec[], rows: (string | Uint8Array)[][], options: { ldid?: number; deleted?: number[] } = {}): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.width, 0);
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1).fill(0x20, headerLength);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = options.ldid ?? 0;
  fields.forEach((f, i) => {
    const p = 32 + 32 * i;
    out.fill(0, p, p + 32);
    out.set(bytesOf(f.name).subarray(0, 11), p);
    out[p + 11] = f.type.charCodeAt(0);
    out[p + 16] = f.width;
    out[p + 17] = f.decimals ?? 0;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let p = headerLength + r * recordLength;
    out[p++] = options.deleted?.includes(r) ? 0x2a : 0x20;
    fields.forEach((f, i) => {
      out.set(bytesOf(row[i]).subarray(0, f.width), p);
      p += f.width;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

function read(bytes: Uint8Array, cpg: string | null = null) {
  const result = readDbf(bytes, { fileName: 't.dbf', cpg });
  if (!result.ok) throw new Error(describeIssue(result.issue, 'en'));
  return result.value;
}

function failure(bytes: Uint8Array): ImportIssue {
  const result = readDbf(bytes, { fileName: 't.dbf', cpg: null });
  if (result.ok) throw new Error('expected the read to fail');
  return result.issue;
}

const values = (c: Column) => Array.from(c.values as ArrayLike<unknown>, (v) => (Number.isNaN(v) ? null : v));

describe('readDbf values', () => {
  it('N, F, L, D and C fields, blanks and star fill as null', () => {
    const table = read(
      dbf(
        [{ name: 'POP', type: 'N', width: 6 }, { name: 'AREA', type: 'F', width: 8, decimals: 3 }, { name: 'OK', type: 'L', width: 1 }, { name: 'SURVEYED', type: 'D', width: 8 }, { name: 'NAME', type: 'C', width: 10 }],
        [
          ['  1234', '   2.750', 'T', '20230517', '  Shimen  '],
          ['      ', '********', 'n', '        ', '          '],
          ['    -7', '   1e3  ', '?', '00000000', 'x'],
          ['     0', '    .5  ', 'y', '2023-5-1', 'Dakeng'],
        ],
      ),
    ).table;
    expect(table.length).toBe(4);
    expect(table.columns.map((c) => [c.name, c.type, values(c)])).toEqual([
      ['POP', 'number', [1234, null, -7, 0]],
      ['AREA', 'number', [2.75, null, 1000, 0.5]],
      ['OK', 'boolean', [1, 0, 255, 1]],
      ['SURVEYED', 'string', ['2023-05-17', null, null, '2023-5-1']],
      ['NAME', 'string', ['Shimen', null, 'x', 'Dakeng']],
    ]);
  });

  it('text that is not a number is left empty with a warning on its row and field', () => {
    const result = read(dbf([{ name: '人口', type: 'N', width: 6 }], [['  12'], ['1,200'], ['约300']]), 'UTF-8');
    expect(values(result.table.columns[0])).toEqual([12, null, null]);
    expect(result.issues.map((i) => describeIssue(i, 'en'))).toEqual([
      't.dbf, feature 2, field "人口": "1,200" is not a number; it was left empty. Correct the value in the attribute table.',
      't.dbf, feature 3, field "人口": "约300" is not a number; it was left empty. Correct the value in the attribute table.',
    ]);
    expect(describeIssue(result.issues[0], 'zh')).toBe('t.dbf，第 2 个要素，字段“人口”：“1,200”不是数字，已按空值处理。请在属性表中更正该值。');
  });

  it('18-digit numbers (ID card numbers in N(18,0)) stay exact as strings', () => {
    const table = read(dbf([{ name: 'IDNO', type: 'N', width: 18 }], [['330000199001011234'], ['']])).table;
    expect(table.columns[0]).toEqual({ name: 'IDNO', type: 'string', values: ['330000199001011234', null] });
  });

  it('duplicate and empty field names get unique names', () => {
    const table = read(dbf([{ name: 'NAME', type: 'C', width: 2 }, { name: 'NAME', type: 'C', width: 2 }, { name: '', type: 'C', width: 2 }], [['a', 'b', 'c']])).table;
    expect(table.columns.map((c) => c.name)).toEqual(['NAME', 'NAME_2', 'FIELD_3']);
  });

  it('rows marked deleted are left out and counted', () => {
    const result = read(dbf([{ name: 'ID', type: 'N', width: 2 }], [['1'], ['2'], ['3']], { deleted: [1] }));
    expect(values(result.table.columns[0])).toEqual([1, 3]);
    expect(result.recordCount).toBe(3);
    expect(Array.from(result.deleted!)).toEqual([0, 1, 0]);
    expect(describeIssue(result.issues[0], 'en')).toBe('t.dbf: 1 rows marked as deleted in the .dbf were left out, as other GIS software does.');
  });

  it('deleted rows drop their shapes too, keeping shapes and attributes aligned', () => {
    const files = layerFiles('ring_order').map((f) =>
      f.name.endsWith('.dbf') ? { name: f.name, bytes: dbf([{ name: 'id', type: 'N', width: 4 }], ['1', '2', '3', '4', '5', '6'].map((v) => [v]), { deleted: [0, 4] }) } : f,
    );
    const outcome = readShapefile(files);
    if (!outcome.ok) throw new Error(outcome.issue.code);
    expect(values(outcome.source.table.columns[0])).toEqual([2, 3, 4, 6]);
    expect(outcome.source.geometry!.geomOffsets.length).toBe(5);
    expect(featureCoords(outcome.source.geometry!, 1)).toEqual([[[[490000, 3122000], [490100, 3122000], [490100, 3122100], [490000, 3122100], [490000, 3122000]]]]);
    expect(outcome.source.issues.map((i) => [i.code, i.index])).toEqual([['shp.deleted-skipped', undefined], ['shp.no-prj', undefined], ['shp.ring-orientation', 2]]);
  });
});

describe('readDbf encodings', () => {
  const gbkTable = () => dbf([{ name: GBK.村名, type: 'C', width: 6 }], [[GBK.石门村]]);

  it('a .cpg naming a code page by number', () => {
    const result = read(gbkTable(), '936');
    expect(result.table.columns[0]).toEqual({ name: '村名', type: 'string', values: ['石门村'] });
    expect(result.encoding).toBe('gbk');
    expect(result.issues).toEqual([]);
  });

  it('the .cpg spellings ArcGIS, QGIS and Chinese GIS write', () => {
    expect(['UTF-8', 'utf8', '65001', ' GBK\r\n', 'CP936', 'GB2312', 'ANSI 936', 'GB18030', 'BIG5', '950', 'ISO 88591', '1252', 'SYSTEM', '', 'koi8-r', 'EBCDIC-X'].map(encodingFromCpg)).toEqual([
      'utf-8', 'utf-8', 'utf-8', 'gbk', 'gbk', 'gbk', 'gbk', 'gb18030', 'big5', 'big5', 'windows-1252', 'windows-1252', null, null, 'koi8-r', undefined,
    ]);
  });

  it('an unknown .cpg label is reported and the text decides', () => {
    const result = read(gbkTable(), 'EBCDIC-X');
    expect(result.table.columns[0].name).toBe('村名');
    expect(result.issues.map((i) => describeIssue(i, 'en'))).toEqual([
      't.dbf: The .cpg file names an unknown encoding "EBCDIC-X"; the encoding was worked out from the text instead. Write a known name in the .cpg file, such as UTF-8 or GBK.',
      't.dbf: No .cpg file names the encoding of the attribute text; the text is not valid UTF-8 but reads as valid GBK (Simplified Chinese), so it was read as GBK. If names look garbled, add a .cpg file holding the right encoding (e.g. UTF-8) next to the .dbf.',
    ]);
  });

  it('UTF-8 text under language driver 0x4D (GBK) that is not valid GBK: read as UTF-8 with a warning', () => {
    // 石门村 is 9 UTF-8 bytes: as GBK pairs the last byte is left without a partner.
    // (UTF-8 text that also happens to be valid GBK keeps the declared GBK.)
    const result = read(dbf([{ name: 'NAME', type: 'C', width: 12 }], [['石门村']], { ldid: 0x4d }));
    expect(result.table.columns[0]).toEqual({ name: 'NAME', type: 'string', values: ['石门村'] });
    expect(describeIssue(result.issues[0], 'en')).toBe(
      't.dbf: The .dbf header (language driver) says the attribute text is GBK, but it is not valid GBK; it reads correctly as UTF-8, so it was read as UTF-8. A .cpg file holding UTF-8 next to the .dbf makes this explicit.',
    );
  });

  it('UTF-8 under a Windows-1252 .cpg: valid UTF-8 wins', () => {
    const result = read(dbf([{ name: 'NAME', type: 'C', width: 12 }], [['石门村']]), '1252');
    expect(result.table.columns[0]).toEqual({ name: 'NAME', type: 'string', values: ['石门村'] });
    expect(result.issues[0].params).toEqual({ declared: 'Windows-1252', used: 'UTF-8', source: 'cpg' });
  });

  it('a UTF-8 character cut by the field width is dropped, and still counts as UTF-8', () => {
    // 7 bytes hold 石门 (6 bytes) and the first byte of 村.
    const result = read(dbf([{ name: 'NAME', type: 'C', width: 7 }], [['石门村'], ['大坑']]));
    expect(values(result.table.columns[0])).toEqual(['石门', '大坑']);
    expect(result.issues.map((i) => i.params)).toEqual([{ encoding: 'UTF-8' }]);
  });

  it('text neither UTF-8 nor GBK: Windows-1252 with a warning', () => {
    const result = read(dbf([{ name: 'NAME', type: 'C', width: 8 }], [[Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21])]]));
    expect(values(result.table.columns[0])).toEqual(['Café !']);
    expect(describeIssue(result.issues[0], 'en')).toBe(
      't.dbf: The attribute text is neither valid UTF-8 nor valid GBK, and no .cpg file names its encoding; it was read as Western European (Windows-1252). If names look garbled, add a .cpg file holding the right encoding next to the .dbf.',
    );
  });

  it('a .cpg encoding the text does not fit and no other fits either', () => {
    const result = read(dbf([{ name: 'NAME', type: 'C', width: 8 }], [[Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21])]]), 'UTF-8');
    expect(values(result.table.columns[0])).toEqual(['Caf� !']);
    expect(describeIssue(result.issues[0], 'en')).toBe(
      't.dbf: Some attribute text is not valid UTF-8 (the encoding named by the .cpg file or the .dbf header); those characters show as "�". Check that the .cpg file names the encoding the table was written in.',
    );
  });
});

describe('readDbf damaged files', () => {
  const good = () => dbf([{ name: 'ID', type: 'N', width: 4 }, { name: 'NAME', type: 'C', width: 10 }], [['1', 'a'], ['2', 'b'], ['3', 'c']]);

  it('cut off in the records', () => {
    const issue = failure(good().slice(0, 110));
    expect(issue).toMatchObject({ code: 'shp.dbf-truncated', severity: 'error', file: 't.dbf' });
    expect(describeIssue(issue, 'en')).toBe('t.dbf: The .dbf file is cut off: its 3 rows need 142 bytes but the file has only 110. Copy or download the file again, or export the layer again.');
    expect(describeIssue(issue, 'zh')).toBe('t.dbf：.dbf 文件不完整：其 3 行属性应有 142 字节，文件实际只有 110 字节。请重新复制或下载该文件，或重新导出该图层。');
  });

  it('the record length disagrees with the fields', () => {
    const bytes = good();
    new DataView(bytes.buffer).setUint16(10, 20, true);
    expect(describeIssue(failure(bytes), 'en')).toBe(
      't.dbf: The .dbf header is inconsistent (header 97 bytes, 2 fields adding up to 15 bytes per row, rows declared as 20 bytes), so its attributes cannot be read. Export the layer again, or open the table in a GIS and save it again.',
    );
  });

  it('no end-of-fields marker', () => {
    const bytes = good();
    bytes[96] = 0x20;
    expect(failure(bytes).code).toBe('shp.dbf-header');
  });

  it('too short to hold a header', () => {
    expect(describeIssue(failure(new Uint8Array(20)), 'en')).toBe('t.dbf: The .dbf file is only 20 bytes long, too short to be an attribute table: it is empty or damaged. Export the layer again.');
  });
});
