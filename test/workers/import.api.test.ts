import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { basename } from 'node:path';
import { createImportApi } from '../../workers/import.api';
import type { ImportSettings } from '../../workers/import.types';
import { describeIssue } from '../../src/core/import/describe-issue';
import { formatMessage, type Outcome } from '../../src/core/messages';

const FIX = 'test/fixtures/import';
const file = (path: string) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) });
const LISHUI = { centerLng: 119.64, centerLat: 28.19 };
const DEMO_BBOX: [number, number, number, number] = [119.43, 28.04, 119.84, 28.34];

/** The value of an outcome; a refusal fails the test with its English message. */
function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(formatMessage(outcome.error, 'en'));
  return outcome.value;
}

function settings(patch: Partial<ImportSettings>): ImportSettings {
  return { role: 'villages', crs: 'EPSG:4490', offset: 'none', coordinates: null, join: null, fieldMap: {}, categoryMaps: {}, ...patch };
}


/** A 3″ SRTM tile (1201², big-endian Int16) of smooth terrain, with its corner in the name. */
function srtm(lat: number, lon: number): { name: string; bytes: Uint8Array } {
  const side = 1201;
  const bytes = new Uint8Array(side * side * 2);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) view.setInt16(2 * (r * side + c), Math.round(500 + 300 * Math.sin((lon + c / 1200) * 20) * Math.cos((lat + 1 - r / 1200) * 15)), false);
  return { name: `N${lat}E${lon}.hgt`, bytes };
}

describe('import API (io worker)', () => {
  it('takes a GCJ-02 CSV to a village layer in WGS84, saying a conversion was applied', async () => {
    const api = createImportApi();
    const { sources, failures } = await api.readFiles([file(`${FIX}/table/villages_gcj02.csv`)], LISHUI);
    expect(failures).toEqual([]);
    const [s] = sources;
    expect(s).toMatchObject({ format: 'csv', tabular: true, featureCount: 5, coordinateColumns: { x: '经度', y: '纬度' }, suggestedRole: 'villages' });
    expect(s.crsGuess?.crs).toBe('EPSG:4490');
    const { fieldMap } = api.suggest(s.sourceId, 'villages');
    expect(fieldMap).toMatchObject({ name: '村名', population: '人口' });
    const preview = value(api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, offset: 'gcj02', fieldMap }), { villages: [], projectBBox: null }));
    expect(preview.issues.map((i) => describeIssue(i, 'en', true))).toContain(
      describeIssue({ code: 'crs.china-offset', severity: 'info', file: 'villages_gcj02.csv', params: preview.issues.find((i) => i.code === 'crs.china-offset')!.params }, 'en', true),
    );
    expect(preview.issues.some((i) => i.code === 'crs.china-offset')).toBe(true);
    // 大山村 was shifted ~500 m by GCJ-02; the conversion brings it back near its WGS84 spot (make.sh).
    const layer = api.finish(s.sourceId);
    expect(layer.table.length).toBe(5);
    expect(layer.geometry.coords[0]).toBeCloseTo(119.9, 2);
    expect(Math.abs(layer.geometry.coords[0] - 119.905592)).toBeGreaterThan(0.003);
    const names = layer.table.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['id', 'name', 'population']));
    // The GCJ-02 numbers became the (converted) geometry; they are not kept as attributes.
    expect(names).not.toContain('经度');
    expect(names).not.toContain('纬度');
  });

  it('joins a household workbook to villages by 12-digit code and rejects rows it cannot place', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([file(`${FIX}/table/households.xlsx`)], LISHUI);
    const [s] = sources;
    expect(s.format).toBe('xlsx');
    const { fieldMap, categoryMaps } = api.suggest(s.sourceId, 'households');
    expect(fieldMap.villageId).toBe('村代码');
    const codes = api.categoryValues(s.sourceId, '村代码');
    // Every code but the last is a loaded village.
    const villages = codes.slice(0, -1).map((code, k) => ({ id: `v${k}`, adminCode: code, name: `村${k}`, lng: 119.6 + k * 0.01, lat: 28.2 }));
    const preview = value(api.preview(s.sourceId, settings({ role: 'households', crs: null, join: { column: '村代码', by: 'adminCode' }, fieldMap, categoryMaps }), { villages, projectBBox: DEMO_BBOX }));
    const unplaced = preview.issues.filter((i) => i.code === 'join.no-match');
    expect(unplaced.length).toBeGreaterThan(0);
    expect(preview.issues.some((i) => i.code === 'geom.empty')).toBe(false);
    expect(describeIssue(unplaced[0], 'en', true)).toMatch(/^households\.xlsx, row \d+, field "村代码": No loaded village \(of \d+\) has the 12-digit code "\d{12}"\./);
    expect(preview.valid + preview.rejected).toBe(preview.total);
    expect(preview.valid).toBeGreaterThan(0);
    const report = api.rejectedReport(s.sourceId, 'zh');
    expect(report.startsWith('\uFEFF')).toBe(true);
    expect(report).toContain('找不到');
  });

  it('reads a Gauss–Krüger shapefile and a GeoJSON together, and names the files it cannot read', async () => {
    const api = createImportApi();
    const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => file(`${FIX}/shapefile/parcels_4549.${e}`));
    const { sources, failures } = await api.readFiles(
      [...parts, file(`${FIX}/raster/villages-4490.geojson`), file(`${FIX}/table/not_really.csv`), file(`${FIX}/shapefile/no_shp.zip`), { name: 'notes.docx', bytes: new Uint8Array([1]) }, file(`${FIX}/table/old.xls`), file(`${FIX}/shapefile/mismatch.dbf`)],
      LISHUI,
    );
    // The GeoJSON names no CRS (RFC 7946 style): its coordinates are guessed to be longitude/latitude.
    expect(sources.map((s) => [s.fileName, s.crs, s.crsGuess?.crs ?? null])).toEqual([['parcels_4549.shp', 'EPSG:4549', null], ['villages-4490.geojson', null, 'EPSG:4490']]);
    // A lone .dbf is told its .shp is missing; an old .xls is told to be saved as .xlsx.
    expect(failures.map((f) => f.code)).toEqual(['shp.no-shp', 'table.not-text', 'shp.no-shp', 'import.unknown-format', 'table.xls']);
    expect(describeIssue(failures[3], 'en')).toBe(
      'notes.docx: ".docx" files cannot be imported. Use GeoJSON, FlatGeobuf (.fgb), Shapefile (a .zip, or .shp/.shx/.dbf/.prj dropped together), CSV, Excel (.xlsx), GeoTIFF (.tif) or SRTM (.hgt).',
    );
    const parcels = sources[0];
    const preview = value(api.preview(parcels.sourceId, settings({ role: 'farmland', crs: 'EPSG:4549' }), { villages: [], projectBBox: null }));
    expect(preview.render.geojson).toBeDefined();
    expect(preview.bboxLngLat[0]).toBeGreaterThan(119);
    expect(preview.bboxLngLat[0]).toBeLessThan(121);
  });

  it('guesses degrees for a table whose few wild rows would spoil the ranges, and names those rows', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([file(`${FIX}/validate/villages_problems.csv`)], LISHUI);
    const [s] = sources;
    expect(s.crsGuess?.crs).toBe('EPSG:4490');
    const { fieldMap } = api.suggest(s.sourceId, 'villages');
    const preview = value(api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, fieldMap }), { villages: [], projectBBox: DEMO_BBOX }));
    expect(preview.rejected).toBeGreaterThan(0);
    expect(preview.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['geom.out-of-range', 'row.duplicate-id']));
    // Listed as the user reads the file: file-level remarks, then row by row.
    const rows = preview.issues.map((i) => i.index ?? -1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('offers every layer of a zip that holds several shapefiles', async () => {
    const api = createImportApi();
    const { sources, failures } = await api.readFiles([file(`${FIX}/shapefile/two_layers_gbk_names.zip`)], LISHUI);
    expect(failures).toEqual([]);
    // Entry names were written in GBK, as Chinese Windows zips them.
    expect(sources.map((s) => s.fileName)).toEqual(['two_layers_gbk_names.zip/成果/村庄.shp', 'two_layers_gbk_names.zip/成果/地块.shp']);
    expect(sources.every((s) => s.featureCount > 0 && s.issues.every((i) => i.code !== 'shp.several-layers'))).toBe(true);
  });

  it('hands over a DEM in the CRS the user confirmed', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([file(`${FIX}/raster/dem-4549-int16-lzw-striped.tif`)]);
    const [s] = sources;
    expect(s.kind).toBe('raster');
    expect(s.crs).toBe('EPSG:4549');
    const grid = value(api.demFor(s.sourceId, 'EPSG:4549'));
    expect(grid.crs).toBe('EPSG:4549');
    expect(grid.data.some((v) => Number.isNaN(v))).toBe(true);
  });

  it('says what to choose when the settings cannot place a table, instead of throwing', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([file(`${FIX}/table/villages_gcj02.csv`)], LISHUI);
    const [s] = sources;
    const unplaced = api.preview(s.sourceId, settings({}), { villages: [], projectBBox: null });
    expect(unplaced).toEqual({ ok: false, error: { code: 'import.no-placement' } });
    expect(!unplaced.ok && formatMessage(unplaced.error, 'zh')).toBe('这个表格没有可识别的坐标列：请选择坐标列，或关联到已有村庄。');
    const noCrs = api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, crs: null }), { villages: [], projectBBox: null });
    expect(noCrs).toEqual({ ok: false, error: { code: 'import.unknown-crs', params: { crs: '' } } });
    const unknown = api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, crs: 'EPSG:9999' }), { villages: [], projectBBox: null });
    expect(!unknown.ok && formatMessage(unknown.error, 'en')).toBe('The coordinate system "EPSG:9999" cannot be converted. Choose one of the listed coordinate systems under "Coordinate system".');
  });

  it('refuses a DEM in a CRS it cannot convert with a message, keeping the source', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([file(`${FIX}/raster/dem-4549-int16-lzw-striped.tif`)]);
    const [s] = sources;
    expect(api.demFor(s.sourceId, 'EPSG:9999')).toEqual({ ok: false, error: { code: 'import.unknown-crs', params: { crs: 'EPSG:9999' } } });
    expect(value(api.demFor(s.sourceId, 'EPSG:4549')).crs).toBe('EPSG:4549');
  });
  it('joins DEM tiles dropped together into one DEM clipped to the project, naming a missing tile', async () => {
    const api = createImportApi();
    // A county at the corner of four 1° tiles, one of them (N27E120) not dropped.
    const area: [number, number, number, number] = [119.7, 27.73, 120.31, 28.27];
    const { sources, failures } = await api.readFiles([srtm(28, 119), srtm(28, 120), srtm(27, 119)], { centerLng: 120, centerLat: 28 }, undefined, area);
    expect(failures).toEqual([]);
    expect(sources).toHaveLength(1);
    const [s] = sources;
    expect(s).toMatchObject({ kind: 'raster', format: 'mosaic', crs: 'EPSG:4549' });
    const text = s.issues.map((i) => describeIssue(i, 'zh', false)).join('\n');
    expect(text).toMatch(/3 个 DEM 瓦片已拼接为一个 \d+ × \d+ 像元、90 米分辨率的格网（.*EPSG:4549.*），并裁剪到项目范围/);
    expect(text).toMatch(/范围内有 \d+ 平方公里没有任何瓦片覆盖.*缺少 SRTM 瓦片 N27E120/);
    const grid = value(api.demFor(s.sourceId, 'EPSG:4549'));
    // About 60 km square at 90 m, a quarter of it (the missing tile) without elevation.
    expect(grid.width).toBeGreaterThan(600);
    expect(grid.width).toBeLessThan(720);
    const empty = grid.data.filter((v) => Number.isNaN(v)).length / grid.data.length;
    expect(empty).toBeGreaterThan(0.2);
    expect(empty).toBeLessThan(0.3);
  });

  it('refuses tiles that all lie outside the project, and keeps a lone tile as it is', async () => {
    const api = createImportApi();
    const far = await api.readFiles([srtm(30, 110), srtm(30, 111)], LISHUI, undefined, DEMO_BBOX);
    expect(far.sources).toEqual([]);
    expect(describeIssue(far.failures[0], 'zh', false)).toMatch(/这 2 个 DEM 瓦片都不在项目范围内/);
    const one = await api.readFiles([srtm(28, 119)], LISHUI, undefined, DEMO_BBOX);
    expect(one.sources[0]).toMatchObject({ format: 'hgt', crs: 'EPSG:4326' });
  });
  it('reads a zip by what it holds: a zipped SRTM tile as downloaded, a zip of tiles, nothing readable', async () => {
    const api = createImportApi();
    // Before, every .zip went to the shapefile reader: "没有找到 .shp 文件".
    const tile = srtm(28, 119);
    const downloaded = { name: 'N28E119.SRTMGL1.hgt.zip', bytes: zipSync({ 'N28E119.hgt': tile.bytes }) };
    const one = await api.readFiles([downloaded], LISHUI, undefined, DEMO_BBOX);
    expect(one.failures).toEqual([]);
    expect(one.sources[0]).toMatchObject({ kind: 'raster', format: 'hgt', crs: 'EPSG:4326' });
    // Three tiles and a read-me in one zip: one mosaicked DEM.
    const bundle = { name: 'srtm.zip', bytes: zipSync({ 'N28E119.hgt': tile.bytes, 'N27E119.hgt': srtm(27, 119).bytes, 'tiles/N28E120.hgt': srtm(28, 120).bytes, 'readme.txt': new TextEncoder().encode('SRTM') }) };
    const many = await api.readFiles([bundle], LISHUI, undefined, DEMO_BBOX);
    expect(many.failures).toEqual([]);
    expect(many.sources).toHaveLength(1);
    expect(many.sources[0]).toMatchObject({ kind: 'raster', format: 'mosaic' });
    const nothing = await api.readFiles([{ name: 'docs.zip', bytes: zipSync({ 'readme.txt': new TextEncoder().encode('x') }) }], LISHUI);
    expect(describeIssue(nothing.failures[0], 'zh', false)).toContain('没有可导入的数据文件');
  });
  it('gives a required field one value for every row: township seats become destinations', async () => {
    const api = createImportApi();
    // A list of township seats has names and positions, but no settlement type or capacity.
    const csv = '\uFEFF名称,经度,纬度\n青山镇区,119.52,28.21\n平坑镇区,119.61,28.17\n岩口镇区,119.66,28.25\n';
    const { sources } = await api.readFiles([{ name: '乡镇驻地.csv', bytes: new TextEncoder().encode(csv) }], LISHUI);
    const [s] = sources;
    expect(s.suggestedRole).toBe('settlements');
    const { fieldMap } = api.suggest(s.sourceId, 'settlements');
    const base = settings({ role: 'settlements', coordinates: s.coordinateColumns, fieldMap });
    // Without them the required fields are missing; with constants every row is valid.
    expect(value(api.preview(s.sourceId, base, { villages: [], projectBBox: null })).valid).toBe(0);
    const preview = value(api.preview(s.sourceId, { ...base, constants: { type: 'central_town', capacityPersons: '800' } }, { villages: [], projectBBox: null }));
    expect([preview.valid, preview.rejected]).toEqual([3, 0]);
    const layer = api.finish(s.sourceId);
    const column = (name: string) => layer.table.columns.find((c) => c.name === name)!;
    expect(Array.from(column('capacityPersons').values as Float64Array)).toEqual([800, 800, 800]);
    expect(column('type').values).toEqual(['central_town', 'central_town', 'central_town']);
    // A constant is checked like a column: text in a number field is named on every row.
    const { sources: again } = await api.readFiles([{ name: '乡镇驻地.csv', bytes: new TextEncoder().encode(csv) }], LISHUI);
    const bad = value(api.preview(again[0].sourceId, { ...base, constants: { type: 'central_town', capacityPersons: '八百' } }, { villages: [], projectBBox: null }));
    expect(bad.rejected).toBe(3);
    expect(describeIssue(bad.issues.find((i) => i.code === 'row.not-a-number')!, 'zh', true)).toMatch(/安置容量\(人\)/);
  });
  it('names a village whose administrative code matches none of the project, when the others do', async () => {
    const api = createImportApi();
    const csv = '\uFEFF村名,行政代码,人口,经度,纬度\n上坑,331199101201,120,119.50,28.20\n下坑,331199101202,80,119.51,28.21\n中坑,331199101203,95,119.52,28.22\n东黄泥,331123105202,60,119.53,28.23\n';
    const { sources } = await api.readFiles([{ name: '县上报村庄.csv', bytes: new TextEncoder().encode(csv) }], LISHUI);
    const [s] = sources;
    const { fieldMap } = api.suggest(s.sourceId, 'villages');
    expect(fieldMap.adminCode).toBe('行政代码');
    const known = ['331199101201', '331199101202', '331199101203', '331199101204'].map((adminCode, i) => ({ id: `v${i}`, adminCode, name: `村${i}`, lng: 119.6 + i / 100, lat: 28.3 }));
    const preview = value(api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, fieldMap }), { villages: known, projectBBox: null }));
    const flagged = preview.issues.filter((i) => i.code === 'row.admin-code-unknown');
    expect(flagged.map((i) => i.index)).toEqual([3]);
    expect(describeIssue(flagged[0], 'zh', true)).toMatch(/第 5 行，字段“行政代码”：行政村代码 331123105202 与项目中已有自然村的代码都不相符/);
    // A warning: the row is still imported.
    expect(preview.valid).toBe(4);
    // A layer of another county (most codes unknown) is not flagged row by row.
    const other = value(api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, fieldMap }), { villages: known.map((k) => ({ ...k, adminCode: k.adminCode.replace('3311', '3302') })), projectBBox: null }));
    expect(other.issues.some((i) => i.code === 'row.admin-code-unknown')).toBe(false);
  });
  it('splits longitude and latitude written in one column, in either order', async () => {
    const api = createImportApi();
    const csv = '\uFEFF村名,坐标,人口\n上坑,"119.52,28.21",120\n下坑,"119.53，28.22",80\n中坑,119.54 28.23,95\n';
    const { sources } = await api.readFiles([{ name: '村庄坐标.csv', bytes: new TextEncoder().encode(csv) }], LISHUI);
    const [s] = sources;
    expect(s.coordinateColumns).toEqual({ x: '经度（坐标）', y: '纬度（坐标）' });
    expect(describeIssue(s.issues.find((i) => i.code === 'table.coordinate-pairs')!, 'zh', true)).toMatch(/列“坐标”中经纬度写在一起（经度在前），已拆分/);
    const { fieldMap } = api.suggest(s.sourceId, 'villages');
    const preview = value(api.preview(s.sourceId, settings({ coordinates: s.coordinateColumns, fieldMap }), { villages: [], projectBBox: null }));
    expect(preview.valid).toBe(3);
    expect(preview.bboxLngLat.map((v) => Math.round(v * 100) / 100)).toEqual([119.52, 28.21, 119.54, 28.23]);
    // Latitude first, as some apps copy it.
    const latFirst = await api.readFiles([{ name: 'b.csv', bytes: new TextEncoder().encode('名称,位置,人口\n甲,"28.21, 119.52",10\n乙,"28.22, 119.53",20\n') }], LISHUI);
    const b = latFirst.sources[0];
    expect(b.issues.some((i) => i.code === 'table.coordinate-pairs' && i.params?.order === 'latlng')).toBe(true);
    const pb = value(api.preview(b.sourceId, settings({ coordinates: b.coordinateColumns, fieldMap: api.suggest(b.sourceId, 'villages').fieldMap }), { villages: [], projectBBox: null }));
    expect(pb.bboxLngLat[0]).toBeCloseTo(119.52, 5);
  });
  it('says which of the project villages a DEM leaves without an elevation', async () => {
    const api = createImportApi();
    const { sources } = await api.readFiles([srtm(28, 119)], LISHUI);
    const [s] = sources;
    const villages = [
      { id: 'a', adminCode: null, name: '上坑', lng: 119.5, lat: 28.2 },
      { id: 'b', adminCode: null, name: '深坑里', lng: 118.6, lat: 28.2 },
      { id: 'c', adminCode: null, name: '下坑', lng: 119.7, lat: 28.3 },
    ];
    expect(api.demCoverage(s.sourceId, 'EPSG:4326', villages)).toEqual({ outside: ['深坑里'], voids: [], total: 3 });
  });
});
