import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coordinateColumns, guessCrs, parseCoordinate, pointsFromColumns } from '../../../src/core/import/coordinates';
import { describeIssue, hasTemplate } from '../../../src/core/import/describe-issue';
import type { ParsedVectorSource } from '../../../src/core/import/types';
import type { ColumnarTable } from '../../../src/core/types';
import { makeTransform } from '../../../src/core/crs';
import { readCsv } from '../../../src/io/table';

const DIR = new URL('../../fixtures/import/table/', import.meta.url);

function csv(name: string): ParsedVectorSource {
  const outcome = readCsv({ name, bytes: new Uint8Array(readFileSync(new URL(name, DIR))) });
  if (!outcome.ok) throw new Error(outcome.issue.code);
  return outcome.source;
}

function points(name: string): Float64Array {
  const source = csv(name);
  const cols = source.coordinateColumns;
  if (!cols) throw new Error('no coordinate columns');
  const { geometry, issues } = pointsFromColumns(source.table, cols.x, cols.y, name);
  expect(issues).toEqual([]);
  return geometry.coords;
}

function table(names: string[]): ColumnarTable {
  return { length: 0, columns: names.map((name) => ({ name, type: 'number', values: new Float64Array(0) })) };
}

/** The WGS84 positions make.sh put into the fixtures. */
const VILLAGES_WGS84 = [119.9012, 28.2034, 119.8765, 28.1876, 119.9321, 28.221, 119.915, 28.1702, 119.889, 28.2345];

describe('coordinateColumns', () => {
  it.each([
    [['村名', '经度', '纬度'], { x: '经度', y: '纬度' }],
    [['名称', '中心点纬度(GCJ02)', '中心点经度(GCJ02)'], { x: '中心点经度(GCJ02)', y: '中心点纬度(GCJ02)' }],
    [['name', 'Longitude', 'Latitude'], { x: 'Longitude', y: 'Latitude' }],
    [['name', 'lng_gcj02', 'lat_gcj02'], { x: 'lng_gcj02', y: 'lat_gcj02' }],
    [['name', 'LON', 'LAT'], { x: 'LON', y: 'LAT' }],
    [['name', 'centerLng', 'centerLatitude'], { x: 'centerLng', y: 'centerLatitude' }],
    [['FID', 'POINT_X', 'POINT_Y'], { x: 'POINT_X', y: 'POINT_Y' }],
    [['点号', 'X坐标', 'Y坐标'], { x: 'X坐标', y: 'Y坐标' }],
    [['点号', 'Ｘ', 'Ｙ'], { x: 'Ｘ', y: 'Ｙ' }],
    [['点号', '东坐标', '北坐标', 'X', 'Y'], { x: '东坐标', y: '北坐标' }],
    [['id', 'Easting', 'Northing'], { x: 'Easting', y: 'Northing' }],
  ])('%j → %j', (names, expected) => {
    expect(coordinateColumns(table(names))).toEqual(expected);
  });

  it('finds nothing without a pair', () => {
    expect(coordinateColumns(table(['村名', '人口', '经度']))).toBeNull();
    expect(coordinateColumns(table(['flat', 'along', 'index', 'xy']))).toBeNull();
  });
});

describe('parseCoordinate', () => {
  it('reads decimals, full-width digits and degrees/minutes/seconds', () => {
    expect(parseCoordinate(' 119.9012 ')).toBe(119.9012);
    expect(parseCoordinate('１１９．５')).toBe(119.5);
    expect(parseCoordinate('119°54′36″E')).toBeCloseTo(119.91, 12);
    expect(parseCoordinate('28度12分')).toBe(28.2);
    expect(parseCoordinate(`119°54'36"`)).toBeCloseTo(119.91, 12);
    expect(parseCoordinate('33°52′S')).toBeCloseTo(-33 - 52 / 60, 12);
    expect(parseCoordinate('东经119度')).toBeNaN();
    expect(parseCoordinate('')).toBeNaN();
  });
});

describe('pointsFromColumns', () => {
  it('builds points and reports blank and non-numeric coordinates on their rows', () => {
    const t: ColumnarTable = {
      length: 4,
      columns: [
        { name: 'lng', type: 'string', values: ['119.9', '', '119°54′36″', 'n/a'] },
        { name: 'lat', type: 'number', values: Float64Array.from([28.2, 28.3, NaN, 28.4]) },
      ],
    };
    const { geometry, issues } = pointsFromColumns(t, 'lng', 'lat', 'p.csv');
    expect(geometry.kind).toBe('Point');
    expect(Array.from(geometry.coords)).toEqual([119.9, 28.2, NaN, NaN, NaN, NaN, NaN, NaN]);
    expect([geometry.geomOffsets.length, geometry.partOffsets.length, geometry.ringOffsets.length]).toEqual([0, 0, 0]);
    expect(issues).toEqual([
      { code: 'table.bad-coordinate', severity: 'error', file: 'p.csv', index: 1, field: 'lng', params: { value: '' } },
      { code: 'table.bad-coordinate', severity: 'error', file: 'p.csv', index: 2, field: 'lat', params: { value: '' } },
      { code: 'table.bad-coordinate', severity: 'error', file: 'p.csv', index: 3, field: 'lng', params: { value: 'n/a' } },
    ]);
    expect(describeIssue(issues[0], 'en', true)).toBe('p.csv, row 3, field "lng": The coordinate is empty, so the row cannot be placed on the map. Fill it in, or leave the row out.');
    expect(describeIssue(issues[2], 'en', true)).toBe(
      'p.csv, row 5, field "lng": "n/a" is not a number, so the row cannot be placed on the map. Write the coordinate as a decimal number, e.g. 119.9 or 3120000.5.',
    );
    expect(describeIssue(issues[2], 'zh', true)).toBe('p.csv，第 5 行，字段“lng”：“n/a”不是数字，这一行无法定位到地图上。请把坐标写成十进制数字，例如 119.9 或 3120000.5。');
  });
});

describe('guessCrs', () => {
  it('reads villages_gcj02.csv as CGCS2000 longitude/latitude', () => {
    const guess = guessCrs(points('villages_gcj02.csv'));
    expect(guess).toMatchObject({ crs: 'EPSG:4490', confidence: 'high', swapped: false });
    expect(guess.reason).toEqual({
      code: 'crs.guessed', severity: 'info',
      params: { crs: 'EPSG:4490', basis: 'lnglat', xMin: 119.8809, xMax: 119.9365, yMin: 28.1668, yMax: 28.2311 },
    });
    expect(describeIssue(guess.reason, 'en')).toBe(
      'The coordinates (x 119.8809 to 119.9365, y 28.1668 to 28.2311) are longitudes and latitudes in China, read as CGCS2000 longitude/latitude (EPSG:4490), which matches WGS 84 on the map to well under a metre. If they were taken from Gaode, Tencent or Baidu maps, choose that source so the offset of a few hundred metres is removed.',
    );
    expect(describeIssue(guess.reason, 'zh')).toBe(
      '坐标（x 从 119.8809 到 119.9365，y 从 28.1668 到 28.2311）是中国范围内的经纬度，按 CGCS2000 经纬度 (EPSG:4490) 读取（在地图上与 WGS 84 相差远小于 1 米）。如果这些坐标是从高德、腾讯或百度地图上取得的，请选择相应的来源，以去掉几百米的偏移。',
    );
  });

  it('notices latitude first in swapped.csv', () => {
    const guess = guessCrs(points('swapped.csv'));
    expect(guess).toMatchObject({ crs: 'EPSG:4490', confidence: 'high', swapped: true });
    expect(guess.reason.code).toBe('crs.swapped');
    expect(describeIssue({ ...guess.reason, file: 'swapped.csv' }, 'en')).toBe(
      'swapped.csv: The first coordinate column holds latitudes and the second longitudes (x 28.1702 to 28.2345, y 119.8765 to 119.9321), so the two were exchanged. Exchanged, they are longitudes and latitudes in China, read as CGCS2000 longitude/latitude (EPSG:4490), which matches WGS 84 on the map to well under a metre. If they were taken from Gaode, Tencent or Baidu maps, choose that source so the offset of a few hundred metres is removed. If the exchange is wrong, choose the longitude (east) and latitude (north) columns yourself.',
    );
  });

  it('reads points_gk.csv (no zone prefix) as CM 120°E by default, or the zone nearest the project centre', () => {
    const coords = points('points_gk.csv');
    const guess = guessCrs(coords);
    expect(guess).toMatchObject({ crs: 'EPSG:4549', confidence: 'low', swapped: false });
    expect(guess.reason.severity).toBe('warning');
    expect(describeIssue(guess.reason, 'en')).toBe(
      "The coordinates (x 487,873 to 493,335, y 3,117,306 to 3,124,434) are Gauss–Krüger metres without a zone number, so the central meridian cannot be told from them; Lishui's, 120°E, was assumed: CGCS2000 Gauss–Krüger 3-degree CM 120°E (EPSG:4549). Check the preview: if the points land in the wrong place, choose the zone your data was made in.",
    );
    expect(describeIssue(guess.reason, 'zh')).toBe(
      '坐标（x 从 487,873 到 493,335，y 从 3,117,306 到 3,124,434）是不带带号的高斯-克吕格米制坐标，无法从数值看出中央经线；暂按丽水所用的中央经线 120°E 读取为 CGCS2000 高斯-克吕格 3度带 中央经线 120°E (EPSG:4549)。请在预览中核对：如果点的位置不对，请选择数据实际所用的分带。',
    );
    expect(guessCrs(coords, { centerLng: 117.1, centerLat: 36.6 }).crs).toBe('EPSG:4548');
    expect(guessCrs(coords, { centerLng: 119.4, centerLat: 28.2 }).crs).toBe('EPSG:4549');
    // The guess reprojects onto the villages' true positions.
    const toLngLat = makeTransform('EPSG:4549', 'EPSG:4490');
    const [lng, lat] = toLngLat(coords[0], coords[1]);
    expect(lng).toBeCloseTo(VILLAGES_WGS84[0], 6);
    expect(lat).toBeCloseTo(VILLAGES_WGS84[1], 6);
  });

  it('reads the zone prefix of points_gk_prefix.csv (EPSG:4528)', () => {
    const guess = guessCrs(points('points_gk_prefix.csv'));
    expect(guess).toMatchObject({ crs: 'EPSG:4528', confidence: 'high', swapped: false });
    expect(describeIssue(guess.reason, 'en')).toBe(
      'The coordinates (x 40,487,873 to 40,493,335, y 3,117,306 to 3,124,434) have x values starting with the zone number 40, so they were read as CGCS2000 Gauss–Krüger 3-degree zone 40 (zone prefix) (EPSG:4528).',
    );
  });

  it('notices northing first (X = north, as Chinese surveyors write it)', () => {
    const prefixed = guessCrs(Float64Array.from([3120986.71, 40490300.15, 3119237.93, 40487873.41]));
    expect(prefixed).toMatchObject({ crs: 'EPSG:4528', confidence: 'high', swapped: true });
    expect(describeIssue(prefixed.reason, 'zh')).toBe(
      '第一个坐标列是北坐标，第二个是东坐标（x 从 3,119,238 到 3,120,987，y 从 40,487,873 到 40,490,300），两列已对调；对调后的坐标的 x 值以带号 40 开头，按 CGCS2000 高斯-克吕格 3度带 第40带（带号） (EPSG:4528) 读取。如果对调有误，请重新选择经度（东）和纬度（北）列。',
    );
    expect(guessCrs(Float64Array.from([3120986.71, 490300.15]))).toMatchObject({ crs: 'EPSG:4549', confidence: 'low', swapped: true });
  });

  it('reads 6-degree zones with prefix', () => {
    const jinan = makeTransform('EPSG:4490', 'EPSG:4498')(117.1, 36.6);
    expect(guessCrs(Float64Array.from(jinan))).toMatchObject({ crs: 'EPSG:4498', confidence: 'high' });
  });

  it('reads Web Mercator, and weighs it against 6-degree zones 13–15 where they overlap', () => {
    const toMercator = makeTransform('EPSG:4326', 'EPSG:3857');
    const harbin = Float64Array.from([...toMercator(126.6, 45.75), ...toMercator(126.7, 45.8)]);
    expect(guessCrs(harbin)).toMatchObject({ crs: 'EPSG:3857', confidence: 'high', swapped: false });
    const lishui = Float64Array.from([...toMercator(119.9012, 28.2034), ...toMercator(119.8765, 28.1876)]);
    const unsure = guessCrs(lishui);
    expect(unsure).toMatchObject({ crs: 'EPSG:3857', confidence: 'low' });
    expect(describeIssue(unsure.reason, 'en')).toBe(
      'The coordinates (x 13,344,591 to 13,347,341, y 3,272,647 to 3,274,642) are Web Mercator metres over China, read as Web Mercator (EPSG:3857). They could also be CGCS2000 Gauss–Krüger 6-degree zone 13 (zone prefix) (EPSG:4491); if the points land in the wrong place in the preview, choose that instead.',
    );
    const sure = guessCrs(lishui, { centerLng: 119.9, centerLat: 28.2 });
    expect(sure).toMatchObject({ crs: 'EPSG:3857', confidence: 'high' });
    expect(sure.reason.params?.alternative).toBeUndefined();
    // The same numbers near Kashgar's zone, with a project there: the Gauss–Krüger reading wins.
    const zone13 = makeTransform('EPSG:4490', 'EPSG:4491');
    const kashgar = Float64Array.from([...zone13(75.99, 39.47), ...zone13(76.05, 39.5)]);
    expect(guessCrs(kashgar, { centerLng: 76, centerLat: 39.5 })).toMatchObject({ crs: 'EPSG:4491', confidence: 'high' });
  });

  it('ignores a stray row in a large table, and NaN rows', () => {
    const coords = new Float64Array(2 * 201);
    for (let i = 0; i < 200; i++) {
      coords[2 * i] = 119.8 + i * 0.001;
      coords[2 * i + 1] = 28.1 + i * 0.001;
    }
    coords[400] = 0;
    coords[401] = NaN;
    expect(guessCrs(coords).crs).toBe('EPSG:4490');
    coords[401] = 0;
    expect(guessCrs(coords).crs).toBe('EPSG:4490');
  });

  it('gives up on numbers that fit nothing', () => {
    const none = guessCrs(Float64Array.from([1, 2, 3, 4]));
    expect(none).toMatchObject({ crs: null, confidence: 'low', swapped: false });
    expect(describeIssue(none.reason, 'en')).toBe(
      'The coordinates (x 1 to 3, y 2 to 4) fit no coordinate system that can be recognised. Choose the one your data was made in (its .prj file or the person who sent it can tell), or check that the right columns were chosen as x and y.',
    );
    const empty = guessCrs(Float64Array.from([NaN, NaN]));
    expect(empty.reason).toEqual({ code: 'crs.not-guessed', severity: 'warning', params: { count: 0 } });
    expect(describeIssue(empty.reason, 'zh')).toBe('没有一行同时具有两个坐标，无法推断坐标系。请检查是否选对了 x 和 y 列。');
    // Longitude/latitude outside China, and 3-degree prefixes that are no zone (24, 46).
    expect(guessCrs(Float64Array.from([2.35, 48.85])).crs).toBeNull();
    expect(guessCrs(Float64Array.from([24_500_000, 3_000_000])).crs).toBeNull();
    expect(guessCrs(Float64Array.from([46_500_000, 3_000_000])).crs).toBeNull();
    for (const code of ['crs.guessed', 'crs.swapped', 'crs.not-guessed']) expect(hasTemplate(code)).toBe(true);
  });
});
