import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ParsedVectorSource, ReadOutcome } from '../../../src/core/import/types';
import { writeFlatGeobuf } from '../../../src/io/fgb';
import { readFlatGeobufSource } from '../../../src/io/import-vector';
import { fixture } from './fixtures';

function failure(outcome: ReadOutcome<ParsedVectorSource>) {
  if (outcome.ok) throw new Error('expected the file to be rejected');
  return outcome.issue;
}

const feature = (geometry: Geometry, n: number): Feature => ({ type: 'Feature', properties: { n }, geometry });

describe('readFlatGeobufSource', () => {
  it('villages written by GDAL in EPSG:4549: crs from the header, typed columns, points', () => {
    const outcome = readFlatGeobufSource(fixture('villages-4549.fgb'));
    if (!outcome.ok) throw new Error(describeIssue(outcome.issue, 'en'));
    const s = outcome.source;
    expect(s).toMatchObject({ kind: 'vector', format: 'fgb', fileName: 'villages-4549.fgb', crs: 'EPSG:4549', tabular: false, coordinateColumns: null, issues: [] });
    expect(s.geometry?.kind).toBe('Point');
    // GDAL writes features in the order of its spatial index: 上坪村 (the north-eastern one) first.
    expect(Array.from(s.geometry?.coords.slice(0, 2) ?? [])).toEqual([470602.2734625962, 3098781.393179952]);
    expect(s.table.columns.map((c) => [c.name, c.type, c.values[0]])).toEqual([
      ['村名', 'string', '上坪村'],
      ['行政代码', 'string', '331127102205'],
      ['人口', 'number', 1203],
      ['户数', 'number', 366],
      ['低收入户', 'boolean', 0],
    ]);
  });

  it('a header without CRS: crs null (not the EPSG:4326 readFlatGeobuf assumes) and an info', () => {
    const outcome = readFlatGeobufSource(fixture('villages-no-crs.fgb'));
    expect(outcome.ok && [outcome.source.crs, outcome.source.issues, outcome.source.table.length]).toEqual([null, [{ code: 'vector.no-crs', severity: 'info', file: 'villages-no-crs.fgb' }], 5]);
  });

  it('a file cut off in its header and in its features', () => {
    const bytes = fixture('villages-4549.fgb').bytes;
    const header = failure(readFlatGeobufSource({ name: 'v.fgb', bytes: bytes.slice(0, 100) }));
    expect(header).toEqual({ code: 'fgb.truncated', severity: 'error', file: 'v.fgb', params: { part: 'header' } });
    expect(describeIssue(header, 'zh')).toBe('v.fgb：FlatGeobuf 文件在文件头处不完整：比文件头声明的短，可能是复制或下载中断了。请重新复制或导出。');
    const features = failure(readFlatGeobufSource({ name: 'v.fgb', bytes: bytes.slice(0, 2000) }));
    expect(describeIssue(features, 'en')).toBe(
      'v.fgb: The FlatGeobuf file is cut off in its features: it is shorter than its header says. The copy or download was probably interrupted; copy or export the file again.',
    );
  });

  it('not FlatGeobuf, another format version, an empty file, a layer without features', () => {
    expect(describeIssue(failure(readFlatGeobufSource(fixture('villages-4490.geojson'))), 'en')).toBe(
      'villages-4490.geojson: This file is not FlatGeobuf: it does not start with the FlatGeobuf signature. Export the layer as FlatGeobuf (QGIS: Export ▸ Save Features As ▸ FlatGeobuf, or ogr2ogr -f FlatGeobuf out.fgb in.shp), or import it with its real format.',
    );
    const old = fixture('villages-4549.fgb').bytes;
    old[3] = 2;
    expect(describeIssue(failure(readFlatGeobufSource({ name: 'old.fgb', bytes: old })), 'zh')).toBe(
      'old.fgb：该 FlatGeobuf 文件为第 2 版格式，安居读取第 3 版。请用新版 GDAL 转换（ogr2ogr -f FlatGeobuf new.fgb old.fgb）后再导入。',
    );
    expect(failure(readFlatGeobufSource({ name: 'e.fgb', bytes: new Uint8Array(0) }))).toEqual({ code: 'vector.empty', severity: 'error', file: 'e.fgb' });
    const none = writeFlatGeobuf({ type: 'FeatureCollection', features: [] }, { crsCode: 4490 });
    expect(failure(readFlatGeobufSource({ name: 'none.fgb', bytes: none })).code).toBe('vector.empty');
  });

  it('mixed geometry, a GeometryCollection feature and a GeometryCollection layer', () => {
    const mixed = writeFlatGeobuf({ type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [119.6, 27.9] }, 1), feature({ type: 'LineString', coordinates: [[119.7, 28], [119.8, 28.1]] }, 2)] }, { crsCode: 4490 });
    const issue = failure(readFlatGeobufSource({ name: 'mixed.fgb', bytes: mixed }));
    expect(issue.params).toEqual({ kept: 'Point', found: 'LineString', feature: 2 });
    expect(describeIssue(issue, 'en')).toBe(
      `mixed.fgb: The layer mixes points with a LineString (feature 2). Split it into one file per geometry type (ogr2ogr -where "OGR_GEOMETRY='LineString'") and import each.`,
    );
    expect(describeIssue(issue, 'zh')).toBe(`mixed.fgb：该图层混合了点和 LineString（第 2 个要素）。请按几何类型拆分为多个文件（ogr2ogr -where "OGR_GEOMETRY='LineString'"）后分别导入。`);

    const collection = writeFlatGeobuf({ type: 'FeatureCollection', features: [feature({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }, 1)] }, { crsCode: 4490 });
    expect(describeIssue(failure(readFlatGeobufSource({ name: 'gc.fgb', bytes: collection })), 'en')).toBe(
      'gc.fgb: Feature 1 is a GeometryCollection, which Anju cannot display. Convert the layer to points, lines or polygons (ogr2ogr -nlt CONVERT_TO_LINEAR, or QGIS: Vector ▸ Geometry Tools) and import it again.',
    );
    expect(describeIssue(failure(readFlatGeobufSource(fixture('villages-collection.fgb'))), 'zh')).toBe(
      'villages-collection.fgb：该图层的几何类型为 GeometryCollection，安居无法显示。请将图层转换为点、线或面（ogr2ogr -nlt CONVERT_TO_LINEAR，或 QGIS：矢量 ▸ 几何工具）后再导入。',
    );
  });

  it('a CRS Anju cannot convert', () => {
    const utm = writeFlatGeobuf({ type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [700000, 3100000] }, 1)] }, { crsCode: 2385 });
    expect(failure(readFlatGeobufSource({ name: 'utm.fgb', bytes: utm }))).toEqual({ code: 'vector.unsupported-crs', severity: 'error', file: 'utm.fgb', params: { crs: 'EPSG:2385' } });
  });
});
