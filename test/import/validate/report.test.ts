import { describe, expect, it } from 'vitest';
import type { ColumnarGeometry, ColumnarTable } from '../../../src/core/types';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue } from '../../../src/core/import/types';
import { describeColumns, suggestFieldMapping } from '../../../src/core/import/roles';
import { applyMapping, filterRows, keepMask, rejectedReportCsv, summarizeIssues, validateGeometry } from '../../../src/core/import/validate';
import { columnValues, csvTable, DEMO_BBOX, fixtureText, pointsFrom } from './helpers';

const empty = new Uint32Array(0);
const table3: ColumnarTable = {
  length: 3,
  columns: [
    { name: 's', type: 'string', values: ['a', 'b', 'c'] },
    { name: 'n', type: 'number', values: Float64Array.of(1, 2, 3) },
    { name: 'b', type: 'boolean', values: Uint8Array.of(1, 0, 255) },
  ],
};
const issue = (code: ImportIssue['code'], severity: ImportIssue['severity'], index?: number): ImportIssue => ({ code, severity, ...(index === undefined ? {} : { index }) });

describe('summarizeIssues and keepMask', () => {
  it('counts severities and rejects every row with an error', () => {
    const issues = [issue('row.negative', 'error', 2), issue('row.exceeds', 'warning', 1), issue('row.negative', 'error', 2), issue('csv.bom', 'info'), issue('geom.empty', 'error', 0)];
    const summary = summarizeIssues(issues, 4);
    expect(summary).toEqual({ errors: 3, warnings: 1, infos: 1, fileRejected: false, rejected: new Set([0, 2]), keep: Uint8Array.of(0, 1, 0, 1) });
    expect(keepMask(issues, 4)).toEqual(Uint8Array.of(0, 1, 0, 1));
    expect(summarizeIssues(issues).keep).toEqual(Uint8Array.of(0, 1, 0));
  });

  it('rejects every row when a file-level error rejects the file', () => {
    const summary = summarizeIssues([issue('field.required-unmapped', 'error'), issue('row.exceeds', 'warning', 0)], 3);
    expect(summary.fileRejected).toBe(true);
    expect(summary.keep).toEqual(Uint8Array.of(0, 0, 0));
  });
});

describe('filterRows', () => {
  const keep = Uint8Array.of(1, 0, 1);

  it('keeps the chosen rows of every column type, and works without geometry', () => {
    const { geometry, table } = filterRows(null, table3, keep);
    expect(geometry).toBeNull();
    expect(table.length).toBe(2);
    expect(table.columns.map((c) => [c.name, Array.from(c.values as ArrayLike<unknown>)])).toEqual([['s', ['a', 'c']], ['n', [1, 3]], ['b', [1, 255]]]);
  });

  it('rebuilds points and multipoints', () => {
    const single: ColumnarGeometry = { kind: 'Point', coords: Float64Array.of(1, 1, 2, 2, 3, 3), geomOffsets: empty, partOffsets: empty, ringOffsets: empty };
    expect(filterRows(single, table3, keep).geometry).toEqual({ kind: 'Point', coords: Float64Array.of(1, 1, 3, 3), geomOffsets: empty, partOffsets: empty, ringOffsets: empty });
    const multi: ColumnarGeometry = { ...single, coords: Float64Array.of(1, 1, 2, 2, 3, 3, 4, 4), geomOffsets: Uint32Array.of(0, 1, 3, 4) };
    expect(filterRows(multi, table3, Uint8Array.of(0, 1, 1)).geometry).toEqual({ ...multi, coords: Float64Array.of(2, 2, 3, 3, 4, 4), geomOffsets: Uint32Array.of(0, 2, 3) });
  });

  it('rebuilds lines and polygons with all their offsets', () => {
    const lines: ColumnarGeometry = {
      kind: 'LineString', coords: Float64Array.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6),
      geomOffsets: Uint32Array.of(0, 1, 2, 4), partOffsets: Uint32Array.of(0, 2, 4, 5, 7), ringOffsets: empty,
    };
    expect(filterRows(lines, table3, keep).geometry).toEqual({
      kind: 'LineString', coords: Float64Array.of(0, 0, 1, 1, 4, 4, 5, 5, 6, 6), geomOffsets: Uint32Array.of(0, 1, 3), partOffsets: Uint32Array.of(0, 2, 3, 5), ringOffsets: empty,
    });
    const sq = (x: number) => [x, 0, x + 1, 0, x + 1, 1, x, 0];
    // feature 0: one polygon; feature 1: polygon with a hole; feature 2: two polygons
    const polygons: ColumnarGeometry = {
      kind: 'Polygon', coords: Float64Array.from([...sq(0), ...sq(10), ...sq(10.2), ...sq(20), ...sq(30)]),
      geomOffsets: Uint32Array.of(0, 1, 2, 4), partOffsets: Uint32Array.of(0, 1, 3, 4, 5), ringOffsets: Uint32Array.of(0, 4, 8, 12, 16, 20),
    };
    expect(filterRows(polygons, table3, Uint8Array.of(0, 1, 1)).geometry).toEqual({
      kind: 'Polygon', coords: Float64Array.from([...sq(10), ...sq(10.2), ...sq(20), ...sq(30)]),
      geomOffsets: Uint32Array.of(0, 1, 3), partOffsets: Uint32Array.of(0, 2, 3, 4), ringOffsets: Uint32Array.of(0, 4, 8, 12, 16),
    });
  });

  it('refuses a mask or geometry that does not match the table', () => {
    expect(() => filterRows(null, table3, Uint8Array.of(1))).toThrow('keep mask has 1 entries for 3 rows');
    const one: ColumnarGeometry = { kind: 'Point', coords: Float64Array.of(1, 1), geomOffsets: empty, partOffsets: empty, ringOffsets: empty };
    expect(() => filterRows(one, table3, keep)).toThrow('geometry has 1 features for 3 rows');
  });
});

describe('rejectedReportCsv', () => {
  const file = 'villages_problems.csv';
  const table = csvTable(fixtureText(file));
  const mapped = applyMapping({ role: 'villages', table, fieldMap: suggestFieldMapping('villages', describeColumns(table)), tabular: true, file });
  const geometry = validateGeometry({ role: 'villages', geometry: pointsFrom(table, '经度', '纬度'), tabular: true, file, projectBBox: DEMO_BBOX, coordinateColumns: { x: '经度', y: '纬度' } });
  const issues = [...mapped.issues, ...geometry.issues];

  it('lists each rejected row once with its fields, problems and original values (en)', () => {
    const csv = rejectedReportCsv(issues, (i) => describeIssue(i, 'en', true), table, true, 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Row,Field,Problem,村庄编号,村名,人口(人),户数,低收入户,乡镇,经度,纬度',
      '4,村名,"Name is required, but the cell is empty. Fill it in, or leave this row out of the import.",V003,,80,20,2,平坑镇,119.62,28.22',
      '5,人口(人),"""约五十"" is not a number, but Population must be numeric. Enter a plain number such as 1234, without words.",V004,石门,约五十,12,1,平坑镇,119.63,28.23',
      "6,人口(人),\"Population cannot be negative, but the value is -3. Correct the value.\",V005,竹坪,-3,10,0,平坑镇,119.64,28.24",
      '7,人口(人),"Population must be a whole number, but the value is 12.5. Correct it to a whole number.",V006,黄坛,12.5,4,0,平坑镇,119.65,28.25',
      '8,"村庄编号, 低收入户","The ID ""V002"" is already used by row 3; IDs must be unique. Give this row its own ID, or remove the duplicate.; Low-income households (12) is more than Households (10). Check both numbers; the row is imported as it is.",V002,后山,40,10,12,平坑镇,119.66,28.26',
      '9,"人口(人), 经度/纬度","Population is required, but the cell is empty. Fill it in, or leave this row out of the import.; Longitude and latitude look swapped: (28.27, 119.67) lies outside the project area, but (119.67, 28.27) lies inside it. Swap the longitude and latitude columns in the import wizard and import again.",V008,岭头,,10,1,平坑镇,28.27,119.67',
      '10,经度/纬度,"The coordinates (119.68, 95) are not a valid longitude/latitude (longitude within ±180°, latitude within ±90°). Check the coordinate system chosen for the file, or correct the coordinates.",V009,溪口,90,25,2,平坑镇,119.68,95.0',
      '11,经度/纬度,"The location is 356 km outside the project area. Check the coordinates and the coordinate system chosen for the file, or leave this row out.",V010,远村,70,20,2,平坑镇,121.5,31.2',
      '12,经度/纬度,"The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.",V011,无坐标,60,18,1,平坑镇,,',
      '',
    ]);
  });

  it('words headers and problems in Chinese, and numbers features for non-tables', () => {
    const csv = rejectedReportCsv(issues.filter((i) => i.index === 4), (i) => describeIssue(i, 'zh', false), table, false, 'zh');
    expect(csv).toBe('\uFEFF要素序号,字段,问题,村庄编号,村名,人口(人),户数,低收入户,乡镇,经度,纬度\r\n5,人口(人),“人口”不能是负数，这里是 -3。请更正。,V005,竹坪,-3,10,0,平坑镇,119.64,28.24\r\n');
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const original: ColumnarTable = {
      length: 1,
      columns: [
        { name: 'f', type: 'string', values: ['=HYPERLINK("x")'] },
        { name: 'n', type: 'number', values: Float64Array.of(331127001001) },
        { name: 'm', type: 'string', values: ['-5'] },
        { name: 'b', type: 'boolean', values: Uint8Array.of(0) },
      ],
    };
    const csv = rejectedReportCsv([{ code: 'geom.empty', severity: 'error', index: 0 }], (i) => describeIssue(i, 'en'), original, false, 'en');
    expect(csv.split('\r\n')[1]).toBe('1,,"The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.","\'=HYPERLINK(""x"")",331127001001,-5,false');
  });

  it('leaves out rows with warnings only and file-level problems', () => {
    const csv = rejectedReportCsv([issue('row.exceeds', 'warning', 0), issue('field.unknown-column', 'error')], (i) => describeIssue(i, 'en'), table3, true, 'en');
    expect(csv).toBe('\uFEFFRow,Field,Problem,s,n,b\r\n');
  });

  it('loads the valid rows after validation', () => {
    const { keep } = summarizeIssues(issues, table.length);
    const kept = filterRows(geometry.geometry, mapped.table, keep);
    expect(columnValues(kept.table, 'id')).toEqual(['V001', 'V002']);
    expect(Array.from(kept.geometry.coords)).toEqual([119.6, 28.2, 119.61, 28.21]);
  });
});
