import { describe, expect, it } from 'vitest';
import { groupShapefileParts, readShapefile } from '../../../src/io/shapefile';
import { readFileSync } from 'node:fs';
import { describeIssue, hasTemplate } from '../../../src/core/import/describe-issue';
import type { ImportIssue, InputFile, ParsedVectorSource } from '../../../src/core/import/types';
import type { Column } from '../../../src/core/types';
import { featureCoords, fixture, layerFiles, ogrWkt } from './helpers';

function read(files: InputFile[]): ParsedVectorSource {
  const outcome = readShapefile(files);
  if (!outcome.ok) throw new Error(describeIssue(outcome.issue, 'en'));
  return outcome.source;
}

function failure(files: InputFile[]): ImportIssue {
  const outcome = readShapefile(files);
  if (outcome.ok) throw new Error('expected the read to fail');
  return outcome.issue;
}

/** Columns as plain values: numbers (NaN → null), booleans as 0/1/255, strings. */
function columns(source: ParsedVectorSource): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const c of source.table.columns as Column[]) out[`${c.name}:${c.type}`] = Array.from(c.values as ArrayLike<unknown>, (v) => (Number.isNaN(v) ? null : v));
  return out;
}

const en = (issue: ImportIssue) => describeIssue(issue, 'en');
const zh = (issue: ImportIssue) => describeIssue(issue, 'zh');

/** `ogrinfo -al villages_gbk.shp` (GDAL 3.6.2), attribute values and geometry. */
const VILLAGES = {
  '村名:string': ['石门村', '大坑村', '黄泥岭', '龙泉垟村', '新建村'],
  '乡镇:string': ['大港头镇', '雅溪镇', null, '雅溪镇', '碧湖镇'],
  '人口:number': [1234, 856, null, 2045, 310],
  '户数:number': [412, 301, 97, 688, 120],
  '代码:string': ['331102105201', '331102107203', null, '331102107210', '331102104215'],
  '面积:number': [2.75, 1.5, null, 3.125, 0.8],
  '搬迁:boolean': [1, 0, 255, 1, 0],
  '日期:string': ['2023-05-17', '2022-11-03', null, '2021-01-09', '2024-02-29'],
};
const VILLAGE_POINTS = ['POINT (119.91234 28.20567)', 'POINT (119.87652 28.23411)', 'POINT (119.95518 28.17002)', 'POINT (119.8841 28.16543)'];

function expectVillages(source: ParsedVectorSource, shpName: string): void {
  expect(source.crs).toBe('EPSG:4490');
  expect(source.format).toBe('shapefile');
  expect(source.tabular).toBe(false);
  expect(source.table.length).toBe(5);
  expect(columns(source)).toEqual(VILLAGES);
  const g = source.geometry!;
  expect(g.kind).toBe('Point');
  expect(g.geomOffsets.length).toBe(0);
  VILLAGE_POINTS.forEach((wkt, i) => expect(featureCoords(g, i)).toEqual(ogrWkt(wkt)));
  expect(featureCoords(g, 4)).toEqual([[NaN, NaN]]);
  const nullShape = source.issues.find((i) => i.code === 'shp.null-geometry')!;
  expect(nullShape).toMatchObject({ severity: 'error', index: 4, file: shpName });
}

describe('villages (points, CGCS2000)', () => {
  it('GBK with a .cpg: Chinese names, numbers, logicals, dates and the null shape', () => {
    const source = read(layerFiles('villages_gbk'));
    expect(source.fileName).toBe('villages_gbk.shp');
    expectVillages(source, 'villages_gbk.shp');
    expect(source.issues.map((i) => i.code)).toEqual(['shp.null-geometry']);
    expect(en(source.issues[0])).toBe(
      'villages_gbk.shp, feature 5: This feature has no shape (empty geometry), so it cannot be placed on the map. Draw or repair its shape in a GIS, or leave this feature out.',
    );
    expect(zh(source.issues[0])).toBe('villages_gbk.shp，第 5 个要素：该要素没有图形（空几何），无法显示在地图上。请在 GIS 软件中补绘或修复其图形，或不导入此要素。');
  });

  it('GBK without a .cpg (language driver 0x57 "ANSI"): decoded as GBK, and says so', () => {
    const source = read(layerFiles('villages_gbk_nocpg'));
    expectVillages(source, 'villages_gbk_nocpg.shp');
    expect(source.issues.map((i) => i.code)).toEqual(['shp.encoding-guessed', 'shp.null-geometry']);
    const guessed = source.issues[0];
    expect(guessed.severity).toBe('warning');
    expect(en(guessed)).toBe(
      'villages_gbk_nocpg.dbf: No .cpg file names the encoding of the attribute text; the text is not valid UTF-8 but reads as valid GBK (Simplified Chinese), so it was read as GBK. If names look garbled, add a .cpg file holding the right encoding (e.g. UTF-8) next to the .dbf.',
    );
    expect(zh(guessed)).toBe(
      'villages_gbk_nocpg.dbf：没有 .cpg 文件说明属性文字的编码；这些文字不是有效的 UTF-8，但能按 GBK（简体中文）正确解码，因此按 GBK 读取。如果名称显示为乱码，请在 .dbf 旁添加内容为正确编码（如 UTF-8）的 .cpg 文件。',
    );
  });

  it('GBK with language driver 0x4D (code page 936) and no .cpg: GBK without a remark', () => {
    const files = layerFiles('villages_gbk_nocpg').map((f) => {
      if (!f.name.endsWith('.dbf')) return f;
      const bytes = f.bytes.slice();
      bytes[29] = 0x4d;
      return { name: f.name, bytes };
    });
    const source = read(files);
    expectVillages(source, 'villages_gbk_nocpg.shp');
    expect(source.issues.map((i) => i.code)).toEqual(['shp.null-geometry']);
  });

  it('GBK bytes under a .cpg saying UTF-8: read as GBK, with a warning to fix the .cpg', () => {
    const files = layerFiles('villages_gbk').map((f) => (f.name.endsWith('.cpg') ? { name: f.name, bytes: new TextEncoder().encode('UTF-8') } : f));
    const source = read(files);
    expectVillages(source, 'villages_gbk.shp');
    expect(source.issues.map((i) => i.code)).toEqual(['shp.encoding-mismatch', 'shp.null-geometry']);
    expect(en(source.issues[0])).toBe(
      'villages_gbk.dbf: The .cpg file says the attribute text is UTF-8, but it is not valid UTF-8; it reads correctly as GBK, so it was read as GBK. Change the .cpg file to say GBK.',
    );
    expect(zh(source.issues[0])).toBe(
      'villages_gbk.dbf：.cpg 文件写明属性文字为 UTF-8 编码，但这些文字不是有效的 UTF-8；按 GBK 可以正确解码，因此按 GBK 读取。请将 .cpg 文件的内容改为 GBK。',
    );
  });

  it('UTF-8 with a .cpg: no remark; without the .cpg: UTF-8 picked and said', () => {
    const withCpg = read(layerFiles('villages_utf8'));
    expectVillages(withCpg, 'villages_utf8.shp');
    expect(withCpg.issues.map((i) => i.code)).toEqual(['shp.null-geometry']);

    const withoutCpg = read(layerFiles('villages_utf8', ['cpg']));
    expectVillages(withoutCpg, 'villages_utf8.shp');
    expect(withoutCpg.issues.map((i) => i.code)).toEqual(['shp.encoding-guessed', 'shp.null-geometry']);
    expect(en(withoutCpg.issues[0])).toBe(
      'villages_utf8.dbf: No .cpg file names the encoding of the attribute text; the text is valid UTF-8, so it was read as UTF-8. If names look garbled, add a .cpg file holding the right encoding (e.g. GBK) next to the .dbf.',
    );
  });

  it('reads the same without the .shx, and with upper-case extensions', () => {
    const source = read(layerFiles('villages_gbk', ['shx']).map((f) => ({ name: f.name.replace(/\.(\w+)$/, (e) => e.toUpperCase()), bytes: f.bytes })));
    expect(source.fileName).toBe('villages_gbk.SHP');
    expectVillages(source, 'villages_gbk.SHP');
  });
});

describe('parcels (polygons, Gauss–Krüger)', () => {
  /** `ogrinfo -al parcels_4549.shp`. */
  const PARCELS = [
    'POLYGON ((490182.03 3120210.01,490110.5 3120905.25,490900.75 3120890.0,490950.0 3120200.5,490182.03 3120210.01),(490400 3120450,490600 3120450,490600 3120650,490400 3120650,490400 3120450))',
    'MULTIPOLYGON (((491200.5 3120150.25,491150.75 3120780.5,491700.125 3120820.0,491760.0 3120210.5,491200.5 3120150.25)),((492010 3120300,492000 3120700,492400 3120720,492420 3120290,492010 3120300),(492100 3120400,492300 3120400,492300 3120600,492100 3120600,492100 3120400)))',
    'POLYGON ((493000 3119000,493000 3119180,493210 3119180,493000 3119000))',
  ];

  it('EPSG:4549: polygon with a hole, multipolygon, attributes, CRS from the ESRI .prj', () => {
    const source = read(layerFiles('parcels_4549'));
    expect(source.crs).toBe('EPSG:4549');
    expect(source.issues).toEqual([]);
    expect(columns(source)).toEqual({ '名称:string': ['石门村界', '大坑村界', '黄泥岭'], '类型:string': ['村界', '村界', '安置点'], '面积:number': [48.5, 61.25, 3.5] });
    const g = source.geometry!;
    expect(g.kind).toBe('Polygon');
    PARCELS.forEach((wkt, i) => expect(featureCoords(g, i)).toEqual(ogrWkt(wkt)));
    expect(Array.from(g.geomOffsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(g.partOffsets)).toEqual([0, 2, 3, 5, 6]);
  });

  it('EPSG:4528: the zone number in the false easting', () => {
    const source = read(layerFiles('parcels_4528'));
    expect(source.crs).toBe('EPSG:4528');
    const shifted = PARCELS.map((wkt) => wkt.replace(/\b(49\d{4}(?:\.\d+)?) /g, (_, x: string) => `${40_000_000 + Number(x)} `));
    shifted.forEach((wkt, i) => expect(featureCoords(source.geometry!, i)).toEqual(ogrWkt(wkt)));
    expect(featureCoords(source.geometry!, 0)[0]).toEqual(ogrWkt('POLYGON ((40490182.03 3120210.01,40490110.5 3120905.25,40490900.75 3120890.0,40490950.0 3120200.5,40490182.03 3120210.01),(40490400 3120450,40490600 3120450,40490600 3120650,40490400 3120650,40490400 3120450))')[0]);
  });
});

describe('rings, Z and M', () => {
  it('groups holes into the outer ring that holds them, whatever the ring order', () => {
    const source = read(layerFiles('ring_order'));
    const g = source.geometry!;
    // `ogrinfo -al ring_order.shp`.
    expect(featureCoords(g, 0)).toEqual(ogrWkt('MULTIPOLYGON (((490000 3120000,490000 3120100,490100 3120100,490100 3120000,490000 3120000),(490020 3120020,490060 3120020,490060 3120060,490020 3120060,490020 3120020)),((490200 3120000,490200 3120100,490300 3120100,490300 3120000,490200 3120000),(490220 3120020,490280 3120020,490280 3120080,490220 3120080,490220 3120020)))'));
    expect(featureCoords(g, 1)).toEqual(ogrWkt('MULTIPOLYGON (((490000 3121000,490000 3121300,490300 3121300,490300 3121000,490000 3121000),(490050 3121050,490250 3121050,490250 3121250,490050 3121250,490050 3121050)),((490100 3121100,490100 3121200,490200 3121200,490200 3121100,490100 3121100),(490130 3121130,490170 3121130,490170 3121170,490130 3121170,490130 3121130)))'));
    expect(featureCoords(g, 2)).toEqual(ogrWkt('POLYGON ((490000 3122000,490100 3122000,490100 3122100,490000 3122100,490000 3122000))'));
    expect(featureCoords(g, 5)).toEqual(ogrWkt('POLYGON ((490000 3124000,490000 3124100,490100 3124100,490100 3124000,490000 3124000),(490000 3124000,490050 3124020,490020 3124050,490000 3124000))'));
    // GDAL makes the stray counter-clockwise ring a hole outside its shell (an invalid
    // polygon); here it is a polygon of its own, with a warning.
    expect(featureCoords(g, 3)).toEqual(ogrWkt('MULTIPOLYGON (((490000 3123000,490000 3123100,490100 3123100,490100 3123000,490000 3123000)),((490500 3123000,490600 3123000,490600 3123100,490500 3123100,490500 3123000)))'));
    expect(featureCoords(g, 4)).toEqual([]);
    expect(source.issues.map((i) => [i.code, i.index])).toEqual([['shp.no-prj', undefined], ['shp.ring-orientation', 3], ['shp.null-geometry', 4]]);
    expect(en(source.issues[1])).toBe(
      'ring_order.shp, feature 4: Some rings of this polygon run the wrong way (a ring drawn as a hole lies outside every outer ring); the rings were grouped by which lies inside which. Check its shape on the map.',
    );
    expect(en(source.issues[0])).toBe(
      'ring_order.shp: There is no .prj file, so the coordinate system is unknown; it will be guessed from the coordinates for you to confirm in the next step. Importing the .prj file exported with the layer avoids the guess.',
    );
    expect(source.crs).toBeNull();
  });

  it('PolyLineZ reads as 2D lines, one part or several', () => {
    const source = read(layerFiles('roads_z'));
    const g = source.geometry!;
    expect(g.kind).toBe('LineString');
    expect(featureCoords(g, 0)).toEqual(ogrWkt('LINESTRING Z (119.9 28.2 312.5,119.905 28.2031 318,119.911 28.2049 325.25)'));
    expect(featureCoords(g, 1)).toEqual(ogrWkt('MULTILINESTRING Z ((119.92 28.21 400,119.921 28.212 402),(119.93 28.215 410,119.931 28.2161 411,119.9325 28.2172 413))'));
    expect(g.ringOffsets.length).toBe(0);
    expect(columns(source)).toEqual({ '名称:string': ['乡道X512', '机耕路'] });
  });

  it('MultiPointM reads as 2D points with offsets', () => {
    const source = read(layerFiles('wells_m'));
    const g = source.geometry!;
    expect(g.kind).toBe('Point');
    expect(Array.from(g.geomOffsets)).toEqual([0, 2, 3]);
    expect(featureCoords(g, 0)).toEqual(ogrWkt('MULTIPOINT M ((119.901 28.201 5),(119.902 28.2025 6.5))'));
    expect(featureCoords(g, 1)).toEqual(ogrWkt('MULTIPOINT M ((119.95 28.19 1))'));
  });
});

describe('zips', () => {
  it('a shapefile in a folder of a zip', () => {
    const source = read([fixture('villages.zip')]);
    expect(source.fileName).toBe('villages.zip');
    expectVillages(source, 'villages.zip/村庄数据/villages_gbk.shp');
    expect(source.issues.map((i) => i.code)).toEqual(['shp.null-geometry']);
  });

  it('two layers with GBK-encoded entry names: reads the first and names the other', () => {
    const source = read([fixture('two_layers_gbk_names.zip')]);
    expect(columns(source)).toEqual(VILLAGES);
    expect(source.issues.map((i) => [i.code, i.file])).toEqual([
      ['shp.several-layers', 'two_layers_gbk_names.zip'],
      ['shp.encoding-guessed', 'two_layers_gbk_names.zip/成果/村庄.dbf'],
      ['shp.null-geometry', 'two_layers_gbk_names.zip/成果/村庄.shp'],
    ]);
    expect(source.issues[0].severity).toBe('info');
    expect(en(source.issues[0])).toBe(
      'two_layers_gbk_names.zip: There are several shapefiles here; 村庄.shp was imported. Import the others (地块.shp) separately, e.g. by dropping the files of one layer at a time.',
    );
    expect(zh(source.issues[0])).toBe('two_layers_gbk_names.zip：这里有多个 Shapefile，本次导入的是 村庄.shp。其余图层（地块.shp）请分别导入，例如逐个图层拖入其文件。');
  });

  it('a zip without a .shp names what it holds', () => {
    const issue = failure([fixture('no_shp.zip')]);
    expect(issue.code).toBe('shp.no-shp');
    expect(en(issue)).toBe(
      'no_shp.zip: No .shp file was found, so there are no shapes to read (found: villages/villages.dbf, villages/villages.prj, readme.txt). Add the .shp file with the same name as the .dbf, or zip all parts of the shapefile together.',
    );
    expect(zh(issue)).toBe(
      'no_shp.zip：没有找到 .shp 文件，无法读取图形（现有文件：villages/villages.dbf, villages/villages.prj, readme.txt）。请补上与 .dbf 同名的 .shp 文件，或将 Shapefile 的全部文件一起压缩后导入。',
    );
  });

  it('a damaged zip', () => {
    const zip = fixture('villages.zip');
    const issue = failure([{ name: zip.name, bytes: zip.bytes.slice(0, 300) }]);
    expect(en(issue)).toBe(
      'villages.zip: This .zip file cannot be opened (it is damaged or not a zip archive). Zip the shapefile parts (.shp, .shx, .dbf, .prj, .cpg) again and import the new file.',
    );
  });
});

describe('bad inputs', () => {
  it('a .shp cut off in its last record', () => {
    const issue = failure(layerFiles('truncated'));
    expect(issue).toMatchObject({ code: 'shp.truncated', severity: 'error', file: 'truncated.shp' });
    expect(en(issue)).toBe(
      'truncated.shp: The .shp file is cut off: it should be 744 bytes long but has only 704, so shape 3 and any after it are incomplete. Copy or download the file again (an interrupted copy or upload does this), or export the layer again.',
    );
    expect(zh(issue)).toBe(
      'truncated.shp：.shp 文件不完整：应有 744 字节，实际只有 704 字节，第 3 个图形及其后的图形残缺。请重新复制或下载该文件（复制或上传中断会造成这种情况），或重新导出该图层。',
    );
  });

  it('a .shp cut at a record boundary is caught by the header length', () => {
    const files = layerFiles('parcels_4549').map((f) => (f.name.endsWith('.shp') ? { name: f.name, bytes: f.bytes.slice(0, 100) } : f));
    expect(en(failure(files))).toBe(
      'parcels_4549.shp: The .shp file is cut off: it should be 744 bytes long but has only 100, so shape 1 and any after it are incomplete. Copy or download the file again (an interrupted copy or upload does this), or export the layer again.',
    );
  });

  it('more shapes than attribute rows', () => {
    const issue = failure(layerFiles('mismatch'));
    expect(en(issue)).toBe(
      'mismatch.shp: The .shp has 5 shapes but the .dbf has 4 attribute rows, so shapes and attributes cannot be matched. The two files come from different exports or one is damaged: export the layer again and import all its files together.',
    );
    expect(zh(issue)).toBe(
      'mismatch.shp：.shp 中有 5 个图形，而 .dbf 中有 4 行属性，图形与属性无法一一对应。这两个文件可能来自不同次导出，或其中一个已损坏。请重新导出该图层，并将其全部文件一起导入。',
    );
  });

  it('no .dbf', () => {
    const issue = failure(layerFiles('villages_gbk', ['dbf']));
    expect(en(issue)).toBe(
      'villages_gbk.shp: The attribute table villages_gbk.dbf is missing. Import it together with the .shp (it is exported with it), or zip all parts of the shapefile together.',
    );
    expect(zh(issue)).toBe('villages_gbk.shp：缺少属性表文件 villages_gbk.dbf。请将它与 .shp 一起导入（导出 Shapefile 时会一同生成），或将全部文件一起压缩后导入。');
  });

  it('loose parts without a .shp', () => {
    const issue = failure(layerFiles('villages_gbk', ['shp']));
    expect(en(issue)).toBe(
      'villages_gbk.cpg: No .shp file was found, so there are no shapes to read (found: villages_gbk.cpg, villages_gbk.dbf, villages_gbk.prj, villages_gbk.shx). Add the .shp file with the same name as the .dbf, or zip all parts of the shapefile together.',
    );
  });

  it('not a shapefile: wrong file code, too short', () => {
    const patched = layerFiles('villages_utf8').map((f) => {
      if (!f.name.endsWith('.shp')) return f;
      const bytes = f.bytes.slice();
      new DataView(bytes.buffer).setInt32(0, 0x504b0304, false);
      return { name: f.name, bytes };
    });
    expect(en(failure(patched))).toBe(
      'villages_utf8.shp: This is not a valid .shp file: it starts with file code 1347093252 instead of 9994. It may be another format renamed to .shp, or damaged; export the layer again as an ESRI Shapefile.',
    );
    const short = layerFiles('villages_utf8').map((f) => (f.name.endsWith('.shp') ? { name: f.name, bytes: f.bytes.slice(0, 60) } : f));
    expect(en(failure(short))).toBe(
      'villages_utf8.shp: The .shp file is only 60 bytes long, shorter than the 100-byte header every shapefile starts with: it is empty or damaged. Export the layer again.',
    );
  });

  it('a shapefile without features', () => {
    const files = layerFiles('villages_utf8').map((f) => {
      if (f.name.endsWith('.shp')) {
        const bytes = f.bytes.slice(0, 100);
        new DataView(bytes.buffer).setInt32(24, 50, false);
        return { name: f.name, bytes };
      }
      if (f.name.endsWith('.dbf')) {
        const view = new DataView(f.bytes.buffer, f.bytes.byteOffset);
        const bytes = f.bytes.slice(0, view.getUint16(8, true));
        new DataView(bytes.buffer).setUint32(4, 0, true);
        return { name: f.name, bytes };
      }
      return f;
    });
    expect(en(failure(files))).toBe('villages_utf8.shp: The shapefile contains no features. Check that the right layer was exported and that it has features.');
  });

  it('a MultiPatch file', () => {
    const files = layerFiles('villages_utf8').map((f) => {
      if (!f.name.endsWith('.shp')) return f;
      const bytes = f.bytes.slice();
      new DataView(bytes.buffer).setInt32(32, 31, true);
      return { name: f.name, bytes };
    });
    expect(en(failure(files))).toBe(
      'villages_utf8.shp: Shapes of type MultiPatch cannot be imported; only points, multipoints, lines and polygons can (also with Z or M values). Convert the layer to points, lines or polygons in a GIS and import it again.',
    );
  });

  it('a damaged record and a record of the wrong type become empty rows with an error', () => {
    const files = layerFiles('parcels_4549').map((f) => {
      if (!f.name.endsWith('.shp')) return f;
      const bytes = f.bytes.slice();
      const view = new DataView(bytes.buffer);
      view.setInt32(100 + 8 + 40, 9999, true); // record 1: more points than the record holds
      const second = 100 + 8 + view.getInt32(104, false) * 2;
      view.setInt32(second + 8, 3, true); // record 2: a PolyLine in a Polygon file
      return { name: f.name, bytes };
    });
    const source = read(files);
    expect(featureCoords(source.geometry!, 0)).toEqual([]);
    expect(featureCoords(source.geometry!, 1)).toEqual([]);
    expect(featureCoords(source.geometry!, 2)).toEqual(ogrWkt('POLYGON ((493000 3119000,493000 3119180,493210 3119180,493000 3119000))'));
    expect(source.issues.map(en)).toEqual([
      'parcels_4549.shp, feature 1: The shape is damaged: its point and part counts do not fit its record (record 1 of the .shp), so it was left without geometry. Repair the layer in a GIS (e.g. QGIS "Fix geometries") and import it again.',
      'parcels_4549.shp, feature 2: This shape is of type PolyLine but the layer is of type Polygon, which a shapefile does not allow; it was left without geometry. Repair the layer in a GIS and import it again.',
    ]);
  });
});

describe('groupShapefileParts', () => {
  it('groups parts by base name, case-insensitively, and leaves other files out', () => {
    const f = (name: string): InputFile => ({ name, bytes: new Uint8Array(0) });
    const groups = groupShapefileParts([f('村庄.SHP'), f('roads.shp'), f('村庄.dbf'), f('notes.csv'), f('roads.DBF'), f('村庄.prj'), f('村庄.shp.xml'), f('村庄.cpg'), f('data.zip'), f('roads.shx')]);
    expect(groups.map((g) => g.map((x) => x.name))).toEqual([
      ['村庄.SHP', '村庄.dbf', '村庄.prj', '村庄.cpg'],
      ['roads.shp', 'roads.DBF', 'roads.shx'],
    ]);
  });

  it('each group reads as its own layer', () => {
    const groups = groupShapefileParts([...layerFiles('villages_utf8'), ...layerFiles('parcels_4549'), fixture('README.md')]);
    expect(groups.map((g) => read(g).fileName)).toEqual(['villages_utf8.shp', 'parcels_4549.shp']);
  });

  it('several layers handed over at once: the first is read, the others named', () => {
    const source = read([...layerFiles('parcels_4549'), ...layerFiles('roads_z')]);
    expect(source.fileName).toBe('parcels_4549.shp');
    expect(en(source.issues[0])).toBe(
      'parcels_4549.shp: There are several shapefiles here; parcels_4549.shp was imported. Import the others (roads_z.shp) separately, e.g. by dropping the files of one layer at a time.',
    );
  });
});

describe('messages', () => {
  it('every code the shapefile readers emit has a template in both languages', () => {
    const sources = ['shapefile.ts', 'shapefile.geometry.ts', 'dbf.ts'].map((f) => readFileSync(new URL(`../../../src/io/${f}`, import.meta.url), 'utf8')).join('\n');
    const codes = [...new Set([...sources.matchAll(/'(shp\.[a-z-]+)'/g)].map((m) => m[1]))].sort();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !hasTemplate(c))).toEqual([]);
  });
});
