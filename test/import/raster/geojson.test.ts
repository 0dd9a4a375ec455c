import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ParsedVectorSource, ReadOutcome } from '../../../src/core/import/types';
import type { Column } from '../../../src/core/types';
import { readGeoJsonSource } from '../../../src/io/import-vector';
import { jsonErrorOffset } from '../../../src/io/json-error';
import { fixture } from './fixtures';

const text = (name: string, json: unknown) => ({ name, bytes: new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json)) });

function source(outcome: ReadOutcome<ParsedVectorSource>): ParsedVectorSource {
  if (!outcome.ok) throw new Error(describeIssue(outcome.issue, 'en'));
  return outcome.source;
}

function failure(outcome: ReadOutcome<ParsedVectorSource>) {
  if (outcome.ok) throw new Error('expected the file to be rejected');
  return outcome.issue;
}

/** Columns as [name, type, plain values] for compact comparison. */
const columns = (s: ParsedVectorSource) => s.table.columns.map((c: Column) => [c.name, c.type, Array.from(c.values as ArrayLike<unknown>)]);
const geometry = (s: ParsedVectorSource) => {
  const g = s.geometry;
  if (!g) throw new Error('no geometry');
  return { kind: g.kind, coords: Array.from(g.coords), geomOffsets: Array.from(g.geomOffsets), partOffsets: Array.from(g.partOffsets), ringOffsets: Array.from(g.ringOffsets) };
};

describe('readGeoJsonSource: features into columns', () => {
  it('a village FeatureCollection without crs: points, typed columns, crs null and an info', () => {
    const s = source(readGeoJsonSource(fixture('villages-4490.geojson')));
    expect(s).toMatchObject({ kind: 'vector', format: 'geojson', fileName: 'villages-4490.geojson', crs: null, tabular: false, coordinateColumns: null });
    expect(geometry(s)).toEqual({
      kind: 'Point',
      coords: [119.63512, 27.97841, 119.64208, 27.98566, 119.70112, 28.00274, 119.58834, 27.94419, 119.61957, 27.95203],
      geomOffsets: [], partOffsets: [], ringOffsets: [],
    });
    expect(s.table.length).toBe(5);
    expect(columns(s)).toEqual([
      ['村名', 'string', ['大坑村', '石门坑', '上坪村', '梧桐坑', '东坑口']],
      ['行政代码', 'string', ['331127101201', '331127101202', '331127102205', '331127103108', '331127103111']],
      ['人口', 'number', [412, 97, 1203, NaN, 236]],
      ['户数', 'number', [128, 31, 366, 54, 70]],
      ['低收入户', 'boolean', [1, 0, 0, 1, 255]],
    ]);
    expect(s.issues).toEqual([{ code: 'vector.no-crs', severity: 'info', file: 'villages-4490.geojson' }]);
    expect(describeIssue(s.issues[0], 'zh')).toBe(
      'villages-4490.geojson：文件没有注明坐标系。安居会根据坐标范围推测，请在下一步中确认（国内数据常为 CGCS2000 经纬度或高斯-克吕格投影坐标，即使文件未注明）。',
    );
  });

  it('projected coordinates with the old-style crs member urn:ogc:def:crs:EPSG::4549 (as ogr2ogr writes it)', () => {
    const s = source(readGeoJsonSource(fixture('projected-4549.geojson')));
    expect(s.crs).toBe('EPSG:4549');
    expect(s.issues).toEqual([]);
    expect(geometry(s).coords.slice(0, 4)).toEqual([464102.43, 3096102.78, 464789.53, 3096904.21]);
  });

  it('crs member spellings', () => {
    const crsOf = (crs: unknown) => source(readGeoJsonSource(text('a.geojson', { type: 'Point', coordinates: [1, 2], crs }))).crs;
    expect(crsOf({ type: 'name', properties: { name: 'EPSG:4490' } })).toBe('EPSG:4490');
    expect(crsOf({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('EPSG:4326');
    expect(crsOf({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG:6.6:4529' } })).toBe('EPSG:4529');
    expect(crsOf({ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/EPSG/0/3857' } })).toBe('EPSG:3857');
    expect(crsOf({ type: 'EPSG', properties: { code: 4549 } })).toBe('EPSG:4549');
    expect(crsOf(null)).toBeNull();
  });

  it('a crs Anju cannot convert is rejected with its name', () => {
    const issue = failure(readGeoJsonSource(text('utm.geojson', { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2385' } }, features: [{ type: 'Feature', properties: {}, geometry: null }] })));
    expect(describeIssue(issue, 'en')).toBe(
      'utm.geojson: The file is in EPSG:2385, a coordinate system Anju cannot convert. Reproject it to CGCS2000 (ogr2ogr -t_srs EPSG:4490 out.geojson in.geojson, or QGIS: Export ▸ Save Features As with CRS EPSG:4490) and import the result.',
    );
  });

  it('column types: all numbers, all booleans, else strings (objects as JSON); feature ids become a column', () => {
    const s = source(readGeoJsonSource(text('t.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 1, properties: { a: 1, b: 'x', c: true, d: null }, geometry: { type: 'Point', coordinates: [1, 2, 300] } },
        { type: 'Feature', id: 2, properties: { a: '2', b: 3, c: false, e: { k: 'v' }, f: [1, 2] }, geometry: { type: 'Point', coordinates: [3, 4] } },
        { type: 'Feature', id: 3, properties: null, geometry: { type: 'Point', coordinates: [5, 6] } },
      ],
    })));
    expect(columns(s)).toEqual([
      ['id', 'number', [1, 2, 3]],
      ['a', 'string', ['1', '2', null]],
      ['b', 'string', ['x', '3', null]],
      ['c', 'boolean', [1, 0, 255]],
      ['d', 'string', [null, null, null]],
      ['e', 'string', [null, '{"k":"v"}', null]],
      ['f', 'string', [null, '[1,2]', null]],
    ]);
    expect(geometry(s).coords).toEqual([1, 2, 3, 4, 5, 6]);
    const withIdProperty = source(readGeoJsonSource(text('t.geojson', { type: 'Feature', id: 'F1', properties: { id: 'V7' }, geometry: { type: 'Point', coordinates: [1, 2] } })));
    expect(columns(withIdProperty)).toEqual([['id', 'string', ['V7']]]);
  });

  it('a bare MultiLineString: empty parts are dropped', () => {
    const s = source(readGeoJsonSource(text('l.geojson', { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [], [[2, 2], [3, 3], [4, 4]]] })));
    expect(geometry(s)).toEqual({ kind: 'LineString', coords: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], geomOffsets: [0, 2], partOffsets: [0, 2, 5], ringOffsets: [] });
    expect(s.table).toEqual({ length: 1, columns: [] });
  });

  it('polygons with a hole and a MultiPolygon; a null geometry keeps its row and is reported', () => {
    const s = source(readGeoJsonSource(fixture('null-geometry.geojson')));
    const g = geometry(s);
    expect([g.kind, g.geomOffsets, g.partOffsets, g.ringOffsets, g.coords.length]).toEqual(['Polygon', [0, 1, 1, 3], [0, 2, 3, 4], [0, 5, 9, 13, 17], 34]);
    expect(g.coords.slice(18, 20)).toEqual([119.70, 28.00]);
    expect(columns(s)[1]).toEqual(['险情等级', 'string', ['大', '中', '小']]);
    const rowIssues = s.issues.filter((i) => i.index !== undefined);
    expect(rowIssues).toEqual([{ code: 'geojson.null-geometry', severity: 'error', file: 'null-geometry.geojson', index: 1 }]);
    expect(describeIssue(rowIssues[0], 'en')).toBe('null-geometry.geojson, feature 2: The feature has no geometry (null), so it cannot be placed on the map. Draw or fix its location in QGIS, or leave it out.');
    expect(describeIssue(rowIssues[0], 'zh')).toBe('null-geometry.geojson，第 2 个要素：该要素没有几何（null），无法放到地图上。请在 QGIS 中补画或修正位置，或舍弃该要素。');
  });
});

describe('readGeoJsonSource: mixed and broken geometry', () => {
  it('mixed geometry keeps the majority (points, MultiPoint included) and reports the others', () => {
    const s = source(readGeoJsonSource(fixture('mixed-geometry.geojson')));
    expect(geometry(s)).toEqual({
      kind: 'Point',
      coords: [119.63512, 27.97841, NaN, NaN, 119.64208, 27.98566, 119.64301, 27.98602, 119.70112, 28.00274, NaN, NaN, NaN, NaN],
      geomOffsets: [0, 1, 2, 4, 5, 6, 7], partOffsets: [], ringOffsets: [],
    });
    expect(columns(s)).toEqual([
      ['名称', 'string', ['大坑村', '村道', '石门坑', '上坪村', '基本农田', '集合']],
      ['人口', 'number', [412, NaN, 97, 1203, NaN, NaN]],
      ['等级', 'string', [null, '四级', null, null, null, null]],
      ['面积', 'number', [NaN, NaN, NaN, NaN, 3.5, NaN]],
    ]);
    const rows = s.issues.filter((i) => i.index !== undefined);
    expect(rows.map((i) => [i.index, i.code, i.params])).toEqual([
      [1, 'geojson.mixed-geometry', { found: 'LineString', kept: 'Point' }],
      [4, 'geojson.mixed-geometry', { found: 'Polygon', kept: 'Point' }],
      [5, 'geojson.geometry-collection', undefined],
    ]);
    expect(describeIssue(rows[0], 'en')).toBe(
      `mixed-geometry.geojson, feature 2: The feature is a LineString, but most features of the file are points, which are kept. Put the LineString features in a file of their own (ogr2ogr -where "OGR_GEOMETRY='LineString'") and import it separately.`,
    );
    expect(describeIssue(rows[1], 'zh')).toBe(
      `mixed-geometry.geojson，第 5 个要素：该要素是 Polygon，而文件中大多数要素是点，已保留点要素。请将 Polygon 要素另存为单独的文件（ogr2ogr -where "OGR_GEOMETRY='Polygon'"）再分别导入。`,
    );
    expect(describeIssue(rows[2], 'en')).toBe(
      'mixed-geometry.geojson, feature 6: The feature is a GeometryCollection, which Anju cannot show in one layer. Split it into points, lines and polygons (QGIS: Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and import those.',
    );
  });

  it('a tie keeps the family of the first feature', () => {
    const s = source(readGeoJsonSource(text('tie.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [5, 5] } },
      ],
    })));
    expect(geometry(s)).toEqual({ kind: 'Polygon', coords: [0, 0, 1, 0, 1, 1, 0, 0], geomOffsets: [0, 1, 1], partOffsets: [0, 1], ringOffsets: [0, 4] });
    expect(describeIssue(s.issues[1], 'en')).toMatch(/^tie\.geojson, feature 2: The feature is a Point, but most features of the file are polygons, which are kept\./);
  });

  it('entries that are not features, malformed, unknown and empty geometries', () => {
    const s = source(readGeoJsonSource(text('bad.geojson', {
      type: 'FeatureCollection',
      features: [
        null,
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: ['119.6', '27.9'] } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'LineString', coordinates: [] } },
        { type: 'Feature', properties: { n: 3 }, geometry: { type: 'Circle', center: [1, 2], radius: 5 } },
        { type: 'Feature', properties: { n: 4 }, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    })));
    expect(geometry(s).coords).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 1, 2]);
    expect(columns(s)).toEqual([['n', 'number', [NaN, 1, 2, 3, 4]]]);
    const [notFeature, malformed, empty, unknown] = s.issues.filter((i) => i.index !== undefined);
    expect(describeIssue(notFeature, 'en')).toBe('bad.geojson, feature 1: This entry of "features" is not a Feature object, so it has no geometry or attributes. Export the layer again from QGIS or ogr2ogr.');
    expect(describeIssue(malformed, 'en')).toBe(
      'bad.geojson, feature 2: The feature\'s geometry (type "Point") is malformed: its coordinates are not lists of numbers as GeoJSON requires. Fix it in QGIS (Vector ▸ Geometry Tools ▸ Check Validity) or export the layer again.',
    );
    expect(describeIssue(empty, 'en')).toBe('bad.geojson, feature 3: The feature\'s LineString has no coordinates, so it cannot be placed on the map. Draw or fix its location in QGIS, or leave it out.');
    expect(describeIssue(unknown, 'zh')).toBe(
      'bad.geojson，第 4 个要素：该要素的几何（类型“Circle”）格式错误：坐标不是 GeoJSON 要求的数字数组。请在 QGIS 中修复（矢量 ▸ 几何工具 ▸ 检查有效性）或重新导出图层。',
    );
  });
});

describe('readGeoJsonSource: rejected files', () => {
  it('an empty FeatureCollection, an empty file, a blank file', () => {
    const issue = failure(readGeoJsonSource(fixture('empty-fc.geojson')));
    expect(describeIssue(issue, 'en')).toBe('empty-fc.geojson: The file holds no features. Check that the right layer was exported and that the export finished, then import it again.');
    expect(describeIssue(issue, 'zh')).toBe('empty-fc.geojson：文件中没有任何要素。请确认导出的是正确的图层且导出已完成，再重新导入。');
    expect(failure(readGeoJsonSource({ name: 'a.geojson', bytes: new Uint8Array(0) })).code).toBe('vector.empty');
    expect(failure(readGeoJsonSource(text('a.geojson', ' \n\t '))).code).toBe('vector.empty');
  });

  it('a truncated file: where the parser stopped, and that the file ends there', () => {
    const issue = failure(readGeoJsonSource(fixture('truncated.geojson')));
    // 300 bytes cut inside line 5 (`{ "type": "Feature", "properties": {` is 36 characters).
    expect(issue.params).toEqual({ position: 266, line: 5, column: 37, atEnd: 1 });
    expect(describeIssue(issue, 'en')).toBe(
      'truncated.geojson: The file is not valid JSON: it ends in the middle, at line 5, column 37. It was probably cut off during copy or download; copy or export it again.',
    );
    expect(describeIssue(issue, 'zh')).toBe('truncated.geojson：文件不是有效的 JSON：内容在第 5 行第 37 列处中断，可能是复制或下载不完整。请重新复制或导出。');
  });

  it('a syntax error inside the file', () => {
    const issue = failure(readGeoJsonSource(text('typo.geojson', '{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature" "properties": {}}\n ]\n}')));
    expect(issue.params).toEqual({ position: 66, line: 3, column: 22, atEnd: 0 });
    expect(describeIssue(issue, 'en')).toBe(
      'typo.geojson: The file is not valid JSON: reading stopped at line 3, column 22. Fix the JSON there (often a missing comma, bracket or quote) or export the layer again.',
    );
  });

  it('JSON that is not GeoJSON', () => {
    const notGeoJson = (json: string) => describeIssue(failure(readGeoJsonSource(text('x.json', json))), 'en');
    expect(notGeoJson('[1, 2]')).toBe(
      'x.json: The file is JSON but not GeoJSON: it holds a list (array) where a FeatureCollection, Feature or geometry is expected. Export the layer as GeoJSON (QGIS: Export ▸ Save Features As ▸ GeoJSON) and import that file.',
    );
    expect(notGeoJson('{"name": "村界"}')).toMatch(/it holds an object without a "type" where/);
    expect(notGeoJson('{"type": "Topology", "objects": {}}')).toBe(
      'x.json: The file is JSON but not GeoJSON: it holds an object of type "Topology" where a FeatureCollection, Feature or geometry is expected. This is TopoJSON: convert it to GeoJSON (mapshaper, or ogr2ogr -f GeoJSON out.geojson in.topojson) and import the result.',
    );
    expect(describeIssue(failure(readGeoJsonSource(text('x.json', '42'))), 'zh')).toBe(
      'x.json：文件是 JSON，但不是 GeoJSON：应为 FeatureCollection、Feature 或几何对象，实际是数字。请将图层导出为 GeoJSON（QGIS：导出 ▸ 要素另存为 ▸ GeoJSON）后导入。',
    );
  });

  it('GBK bytes are read as GB18030 with a warning', () => {
    const ascii = (s: string) => Array.from(new TextEncoder().encode(s));
    // 名称 = C3FB B3C6, 大坑村 = B4F3 BFD3 B4E5 in GBK.
    const bytes = Uint8Array.from([
      ...ascii('{"type":"Feature","properties":{"'), 195, 251, 179, 198, ...ascii('":"'), 180, 243, 191, 211, 180, 229,
      ...ascii('"},"geometry":{"type":"Point","coordinates":[119.6,27.9]}}'),
    ]);
    const s = source(readGeoJsonSource({ name: 'gbk.geojson', bytes }));
    expect(columns(s)).toEqual([['名称', 'string', ['大坑村']]]);
    expect(s.issues.map((i) => i.code)).toEqual(['geojson.encoding', 'vector.no-crs']);
    expect(describeIssue(s.issues[0], 'en')).toBe('gbk.geojson: The file is not UTF-8; it was read as GBK (GB18030). Check that the Chinese names look right; saving the file as UTF-8 avoids the guess.');
  });
});

describe('jsonErrorOffset', () => {
  it('finds the offending character, or the end, the same way in every engine', () => {
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"type":"Feat')).toBe(13);
    expect(jsonErrorOffset('[1,,2]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('{"a":"x\ny"}')).toBe(7);
    expect(jsonErrorOffset('{"a":"\\u12g4"}')).toBe(10);
    expect(jsonErrorOffset('{"a": 1}}')).toBe(8);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{"a":[1,{"b":[true,false,null,"x\\n\\u00e9",-0.5e+3]}]} ')).toBe(-1);
  });
});
