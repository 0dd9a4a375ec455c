import { describe, expect, it } from 'vitest';
import { GAUSS_KRUGER_ZONES } from '../../../src/core/crs';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ParsedRasterSource, ReadOutcome } from '../../../src/core/import/types';
import type { Grid } from '../../../src/core/types';
import { openGeoTiff, readGeoTiff, writeGeoTiff } from '../../../src/io/geotiff';
import { readDemGeoTiff } from '../../../src/io/import-raster';
import { fixture } from './fixtures';

function source(outcome: ReadOutcome<ParsedRasterSource>): ParsedRasterSource {
  if (!outcome.ok) throw new Error(`expected a source, got ${describeIssue(outcome.issue, 'en')}`);
  return outcome.source;
}

function failure(outcome: ReadOutcome<ParsedRasterSource>) {
  if (outcome.ok) throw new Error('expected the file to be rejected');
  return outcome.issue;
}

/** Every cell of a w×h grid from `f(row, col)`, NaN where `voids` holds [row, col]. */
function expected(w: number, h: number, f: (r: number, c: number) => number, voids: [number, number][] = []): number[] {
  const out: number[] = [];
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) out.push(voids.some(([vr, vc]) => vr === r && vc === c) ? NaN : f(r, c));
  return out;
}

describe('readDemGeoTiff: sample types, layouts, compressions, CRS', () => {
  it('Float32, deflate, 16×16 tiles with partial edge tiles, EPSG:4326 in degrees, GDAL nodata', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-4326-float32-deflate-tiled.tif')));
    expect(dem).toMatchObject({ kind: 'raster', format: 'geotiff', fileName: 'dem-4326-float32-deflate-tiled.tif', crs: 'EPSG:4326' });
    expect(dem.grid).toMatchObject({ width: 60, height: 50, transform: [119, 0.0025, 0, 28.5, 0, -0.0025], crs: 'EPSG:4326', nodata: null });
    expect(dem.grid.data).toBeInstanceOf(Float32Array);
    expect(Array.from(dem.grid.data)).toEqual(expected(60, 50, (r, c) => 200 + 3 * c - 2 * r + 0.5, [[10, 20]]));
    expect(dem.issues).toEqual([{ code: 'dem.voids', severity: 'info', file: 'dem-4326-float32-deflate-tiled.tif', params: { count: 1, total: 3000 } }]);
    expect(describeIssue(dem.issues[0], 'en')).toBe(
      'dem-4326-float32-deflate-tiled.tif: 1 of 3,000 cells hold no elevation (nodata, SRTM voids −32768, or values outside −500 to 9,000 m); they are kept as gaps, not used as elevations.',
    );
    expect(describeIssue(dem.issues[0], 'zh')).toBe(
      'dem-4326-float32-deflate-tiled.tif：3000 个像元中有 1 个没有高程（无数据值、SRTM 空洞 −32768，或超出 −500～9000 米的值），已作为空缺保留，不参与高程计算。',
    );
  });

  it('Int16, LZW with predictor, 8-row strips, EPSG:4549: nodata, −32768, 9500 and −600 are voids', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-4549-int16-lzw-striped.tif')));
    expect(dem.crs).toBe('EPSG:4549');
    expect(dem.grid).toMatchObject({ width: 40, height: 30, transform: [512000, 30, 0, 3150000, 0, -30], crs: 'EPSG:4549', nodata: null });
    const voids: [number, number][] = [[0, 0], [29, 39], [5, 5], [6, 6], [7, 7]];
    expect(Array.from(dem.grid.data)).toEqual(expected(40, 30, (r, c) => 100 + 7 * c + 5 * r, voids));
    expect(dem.issues.map((i) => [i.code, i.params])).toEqual([['dem.voids', { count: 5, total: 1200 }]]);
  });

  it('UInt16 with 3 pixel-interleaved bands in EPSG:4490: band 1 is read and an info says so', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-4490-uint16-3band.tif')));
    expect(dem.crs).toBe('EPSG:4490');
    expect(dem.grid.transform).toEqual([119.5, 0.01, 0, 28.25, 0, -0.01]);
    expect(Array.from(dem.grid.data)).toEqual(expected(8, 6, (r, c) => 1000 + 10 * r + c));
    expect(dem.issues).toHaveLength(1);
    expect(describeIssue(dem.issues[0], 'en')).toBe('dem-4490-uint16-3band.tif: The raster has 3 bands; band 1 is used as the elevation.');
    expect(describeIssue(dem.issues[0], 'zh')).toBe('dem-4490-uint16-3band.tif：该栅格有 3 个波段，使用第 1 波段作为高程。');
  });

  it('Int32 deflate strips in EPSG:4528 (Gauss–Krüger zone 40 with the zone in the false easting)', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-4528-int32-deflate.tif')));
    expect(dem.crs).toBe('EPSG:4528');
    expect(dem.grid.transform).toEqual([40512000, 90, 0, 3150000, 0, -90]);
    expect(Array.from(dem.grid.data)).toEqual(expected(7, 5, (r, c) => 10 * r + c - 3));
    expect(dem.issues).toEqual([]);
  });

  it('Float64 deflate with the floating-point predictor, tiled, EPSG:3857', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-3857-float64-predictor3.tif')));
    expect(dem.crs).toBe('EPSG:3857');
    expect(Array.from(dem.grid.data)).toEqual(expected(6, 4, (r, c) => r + c / 4));
  });

  it('every CRS isKnownCrs accepts comes back from the GeoKeys, in degrees or metres', async () => {
    const codes = [4326, 4490, 3857, ...GAUSS_KRUGER_ZONES.map((z) => z.epsg)];
    expect(codes).toHaveLength(67);
    for (const epsg of codes) {
      const grid: Grid<Int16Array> = { width: 2, height: 2, data: Int16Array.of(10, 20, 30, 40), transform: [500000, 30, 0, 3000000, 0, -30], crs: `EPSG:${epsg}`, nodata: null };
      const dem = source(await readDemGeoTiff({ name: `${epsg}.tif`, bytes: new Uint8Array(writeGeoTiff(grid, { epsg })) }));
      expect([dem.crs, dem.grid.crs, Array.from(dem.grid.data)]).toEqual([`EPSG:${epsg}`, `EPSG:${epsg}`, [10, 20, 30, 40]]);
    }
  });

  it('a user-defined projected CRS is not mistaken for its EPSG datum: crs null and the wizard asks', async () => {
    // The file's GeographicTypeGeoKey is 4490, but the grid is in a local transverse Mercator.
    const dem = source(await readDemGeoTiff(fixture('dem-local-tmerc.tif')));
    expect([dem.crs, dem.grid.crs]).toEqual([null, '']);
    expect(dem.grid.transform).toEqual([20000, 5, 0, 160000, 0, -5]);
    expect(dem.issues).toEqual([{ code: 'dem.no-crs', severity: 'warning', file: 'dem-local-tmerc.tif', params: { name: 'Lishui local grid' } }]);
    expect(describeIssue(dem.issues[0], 'en')).toBe(
      'dem-local-tmerc.tif: The GeoTIFF describes its coordinate system as "Lishui local grid" without an EPSG code, so Anju cannot tell which one it is. Choose the coordinate system in the next step, or assign one first (gdal_translate -a_srs EPSG:4549 in.tif out.tif).',
    );
    expect(describeIssue(dem.issues[0], 'zh')).toBe(
      'dem-local-tmerc.tif：该 GeoTIFF 的坐标系写为“Lishui local grid”，但没有 EPSG 代码，安居无法确定是哪一个。请在下一步中选择坐标系，或先用 gdal_translate -a_srs EPSG:4549 in.tif out.tif 指定坐标系。',
    );
  });

  it('a georeferenced TIFF without GeoKeys: crs null, warning without a name', async () => {
    const dem = source(await readDemGeoTiff(fixture('dem-no-crs.tif')));
    expect(dem.crs).toBeNull();
    expect(dem.grid.transform).toEqual([1000, 10, 0, 2000, 0, -10]);
    expect(describeIssue(dem.issues[0], 'en')).toBe('dem-no-crs.tif: The GeoTIFF names no coordinate system. Choose it in the next step, or assign one first (gdal_translate -a_srs EPSG:4549 in.tif out.tif).');
  });

  it('deflate GeoTIFFs from writeGeoTiff: Float32 in EPSG:4490 degrees and Int16 with -32768 voids', async () => {
    const f32: Grid<Float32Array> = { width: 3, height: 2, data: Float32Array.of(1.5, 2.5, -9999, 4.25, 5, 6), transform: [119.5, 1 / 1200, 0, 28.5, 0, -1 / 1200], crs: 'EPSG:4490', nodata: -9999 };
    const a = source(await readDemGeoTiff({ name: 'a.tif', bytes: new Uint8Array(writeGeoTiff(f32, { epsg: 4490, compression: 'deflate' })) }));
    expect([a.crs, a.grid.transform, Array.from(a.grid.data)]).toEqual(['EPSG:4490', f32.transform, [1.5, 2.5, NaN, 4.25, 5, 6]]);
    const i16: Grid<Int16Array> = { width: 2, height: 2, data: Int16Array.of(-32768, 12, 8848, 9001), transform: [0, 1, 0, 0, 0, -1], crs: 'EPSG:4549', nodata: null };
    const b = source(await readDemGeoTiff({ name: 'b.tif', bytes: new Uint8Array(writeGeoTiff(i16, { epsg: 4549, compression: 'deflate' })) }));
    expect(Array.from(b.grid.data)).toEqual([NaN, 12, 8848, NaN]);
    expect(b.issues.map((i) => i.params)).toEqual([{ count: 2, total: 4 }]);
  });

  it('a DEM in decimetres (a mountain county reads 1,200–19,000) is scaled to metres and said so, not voided', async () => {
    // As metres most cells would lie above 9,000 m and become voids without a word of why.
    const dm = Float32Array.from({ length: 100 }, (_, i) => 1200 + i * 178);
    const grid: Grid<Float32Array> = { width: 10, height: 10, data: dm, transform: [440000, 30, 0, 3110000, 0, -30], crs: 'EPSG:4549', nodata: -9999 };
    dm[5] = -9999;
    const dem = source(await readDemGeoTiff({ name: 'dem-dm.tif', bytes: new Uint8Array(writeGeoTiff(grid, { epsg: 4549 })) }));
    expect(dem.grid.data[0]).toBeCloseTo(120, 3);
    expect(dem.grid.data[99]).toBeCloseTo(1882.2, 3);
    expect(Number.isNaN(dem.grid.data[5])).toBe(true);
    expect(dem.issues.map((i) => describeIssue(i, 'zh'))).toContain('dem-dm.tif：高程值按米计过大（大多超过 9000），按分米解释则合理，已除以 10 换算为米。请对照地图核对上面的高程范围；如不对，请将 DEM 以米为单位导出后重新导入。');
    // Metres stay metres, even with a few wild values (those are voids).
    const m: Grid<Float32Array> = { ...grid, data: Float32Array.from({ length: 100 }, (_, i) => (i < 3 ? 20000 : 100 + i)) };
    const metres = source(await readDemGeoTiff({ name: 'dem-m.tif', bytes: new Uint8Array(writeGeoTiff(m, { epsg: 4549 })) }));
    expect(metres.grid.data[50]).toBe(150);
    expect(metres.issues.some((i) => i.code === 'dem.units')).toBe(false);
  });
});

describe('writeGeoTiff with compression: deflate', () => {
  it('writes TIFF compression 8 in several strips, smaller than uncompressed, and reads back exactly', async () => {
    const width = 300;
    const height = 250;
    const data = new Float32Array(width * height).map((_, i) => 100 + (i % 977) / 4);
    const grid: Grid<Float32Array> = { width, height, data, transform: [0, 1, 0, 0, 0, -1], crs: 'EPSG:4549', nodata: null };
    const deflated = writeGeoTiff(grid, { epsg: 4549, compression: 'deflate' });
    expect(deflated.byteLength).toBeLessThan(writeGeoTiff(grid, { epsg: 4549 }).byteLength / 2);
    const opened = await openGeoTiff(deflated);
    expect(opened.ok && [opened.value.compression, opened.value.sampleType, opened.value.bandCount, opened.value.requiredBytes]).toEqual([8, 'Float32', 1, deflated.byteLength]);
    const read = await readGeoTiff(deflated);
    expect(read.ok && Array.from(read.value.data)).toEqual(Array.from(data));
  });
});

describe('readDemGeoTiff: rejected files, each with its message', () => {
  it('an empty file', async () => {
    const issue = failure(await readDemGeoTiff({ name: 'dem.tif', bytes: new Uint8Array(0) }));
    expect(describeIssue(issue, 'en')).toBe('dem.tif: The file is empty (0 bytes). Check that the export or download finished, then import the file again.');
    expect(describeIssue(issue, 'zh')).toBe('dem.tif：文件是空的（0 字节）。请确认导出或下载已经完成，再重新导入。');
  });

  it('a file that is not a TIFF', async () => {
    const issue = failure(await readDemGeoTiff(fixture('villages-4490.geojson')));
    expect(issue.code).toBe('dem.not-tiff');
    expect(describeIssue(issue, 'en')).toBe(
      'villages-4490.geojson: This file is not a GeoTIFF: it does not start with the TIFF signature. Import a DEM as GeoTIFF (.tif) or as an SRTM .hgt tile; convert other rasters with gdal_translate -of GTiff in.img out.tif (or QGIS: Raster ▸ Conversion ▸ Translate).',
    );
  });

  it('a TIFF cut off inside its strips names the size it needs and the size it has', async () => {
    const issue = failure(await readDemGeoTiff(fixture('dem-truncated.tif')));
    expect(issue).toEqual({ code: 'dem.truncated', severity: 'error', file: 'dem-truncated.tif', params: { required: 760, found: 600 } });
    expect(describeIssue(issue, 'en')).toBe(
      'dem-truncated.tif: The GeoTIFF is cut off: its data needs 760 bytes but the file has only 600. The copy or download was probably interrupted; copy or download it again and import the new file.',
    );
    expect(describeIssue(issue, 'zh')).toBe('dem-truncated.tif：GeoTIFF 文件不完整：数据需要 760 字节，文件只有 600 字节，可能是复制或下载中断了。请重新复制或下载后再导入。');
  });

  it('a TIFF cut off before its first directory', async () => {
    const issue = failure(await readDemGeoTiff({ name: 'head.tif', bytes: fixture('dem-no-crs.tif').bytes.slice(0, 8) }));
    expect(issue.params).toEqual({ required: 10, found: 8 });
  });

  it('damaged deflate data', async () => {
    const bytes = fixture('dem-4326-float32-deflate-tiled.tif').bytes;
    for (let i = 600; i < 640; i++) bytes[i] ^= 0x5a;
    const issue = failure(await readDemGeoTiff({ name: 'corrupt.tif', bytes }));
    expect(describeIssue(issue, 'en')).toBe(
      'corrupt.tif: The GeoTIFF could not be decoded (incorrect data check). The file is probably damaged; export it again, or rewrite it with gdal_translate -co COMPRESS=DEFLATE in.tif out.tif and import the result.',
    );
  });

  it('no georeferencing', async () => {
    const issue = failure(await readDemGeoTiff(fixture('dem-no-georef.tif')));
    expect(describeIssue(issue, 'zh')).toBe(
      'dem-no-georef.tif：该 GeoTIFF 没有地理参考（缺少原点和像元大小），无法放到地图上。请先配准（QGIS 地理配准工具，或 gdal_translate -a_ullr 指定四角坐标、-a_srs 指定坐标系）后再导入。',
    );
  });

  it('an EPSG code Anju cannot transform (Xian 1980)', async () => {
    const issue = failure(await readDemGeoTiff(fixture('dem-2385-xian80.tif')));
    expect(describeIssue(issue, 'en')).toBe(
      'dem-2385-xian80.tif: The GeoTIFF is in EPSG:2385, a coordinate system Anju cannot convert. Reproject it to CGCS2000 (gdalwarp -t_srs EPSG:4490 in.tif out.tif, or EPSG:4549 for Gauss–Krüger CM 120°E) and import the result.',
    );
  });

  it('WGS 84 / UTM 50N is read as it is', async () => {
    const outcome = await readDemGeoTiff(fixture('dem-32650-utm.tif'));
    expect(outcome.ok && outcome.source.crs).toBe('EPSG:32650');
  });

  it('LZMA compression', async () => {
    const issue = failure(await readDemGeoTiff(fixture('dem-4326-lzma.tif')));
    expect(describeIssue(issue, 'en')).toBe(
      'dem-4326-lzma.tif: The GeoTIFF is compressed with LZMA, which Anju cannot decode. Rewrite it with deflate or LZW (gdal_translate -co COMPRESS=DEFLATE in.tif out.tif) and import the result.',
    );
  });

  it('complex samples', async () => {
    const issue = failure(await readDemGeoTiff(fixture('dem-4326-cfloat32.tif')));
    expect(issue.params).toEqual({ type: 'CFloat32' });
    expect(describeIssue(issue, 'zh')).toBe(
      'dem-4326-cfloat32.tif：该 GeoTIFF 的像元类型为 CFloat32；安居只能读取 8、16、32 位整数或 32、64 位浮点数的高程。请用 gdal_translate -ot Float32 in.tif out.tif 转换后再导入。',
    );
  });

  it('a raster with no elevation at all', async () => {
    const grid: Grid<Int16Array> = { width: 2, height: 1, data: Int16Array.of(-32768, -32768), transform: [0, 1, 0, 0, 0, -1], crs: 'EPSG:4549', nodata: -32768 };
    const issue = failure(await readDemGeoTiff({ name: 'void.tif', bytes: new Uint8Array(writeGeoTiff(grid, { epsg: 4549 })) }));
    expect(describeIssue(issue, 'en')).toBe('void.tif: None of the 2 cells holds an elevation (all are nodata or outside −500 to 9,000 m). Check that this is an elevation model in metres and import it again.');
  });
});
