import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ParsedRasterSource, ReadOutcome } from '../../../src/core/import/types';
import { hgtOrigin, readHgt } from '../../../src/io/hgt';
import { fixture } from './fixtures';

/**
 * A synthetic SRTM tile of `side`² big-endian Int16 samples: elevation (7·row + 3·col) mod
 * 2000, with −32768 voids at the given sample indices. A real 1201² tile is 2.9 MB, too big to
 * commit, so the "cut-down tile" is generated here.
 */
function tile(side: number, voids: number[] = []): Uint8Array {
  const bytes = new Uint8Array(side * side * 2);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) view.setInt16(2 * (r * side + c), (7 * r + 3 * c) % 2000, false);
  for (const i of voids) view.setInt16(2 * i, -32768, false);
  return bytes;
}

function source(outcome: ReadOutcome<ParsedRasterSource>): ParsedRasterSource {
  if (!outcome.ok) throw new Error(describeIssue(outcome.issue, 'en'));
  return outcome.source;
}

describe('readHgt', () => {
  const voids = [0, 1202, 1201 * 1201 - 1];
  const bytes = tile(1201, voids);

  it('a 3″ tile N27E119.hgt: 1201², cell centres on whole degrees, EPSG:4326, voids as NaN', () => {
    const dem = source(readHgt({ name: 'N27E119.hgt', bytes }));
    expect(dem).toMatchObject({ kind: 'raster', format: 'hgt', crs: 'EPSG:4326', fileName: 'N27E119.hgt' });
    expect(dem.grid).toMatchObject({ width: 1201, height: 1201, crs: 'EPSG:4326', nodata: null });
    const [x0, dx, rx, y0, ry, dy] = dem.grid.transform;
    expect([dx, rx, ry, dy]).toEqual([1 / 1200, 0, 0, -1 / 1200]);
    // The first sample's centre is 119°E 28°N, the last 120°E 27°N; cells reach half a cell beyond.
    expect(x0 + dx / 2).toBeCloseTo(119, 12);
    expect(y0 + dy / 2).toBeCloseTo(28, 12);
    expect(x0 + 1201 * dx).toBeCloseTo(120 + 1 / 2400, 12);
    expect(y0 + 1201 * dy).toBeCloseTo(27 - 1 / 2400, 12);
    const d = dem.grid.data;
    expect([d[0], d[1], d[1201], d[1202], d[1201 * 1201 - 2], d[1201 * 1201 - 1]]).toEqual([NaN, 3, 7, NaN, (7 * 1200 + 3 * 1199) % 2000, NaN]);
    expect(dem.issues).toEqual([{ code: 'dem.voids', severity: 'info', file: 'N27E119.hgt', params: { count: 3, total: 1442401 } }]);
    expect(describeIssue(dem.issues[0], 'en')).toBe(
      'N27E119.hgt: 3 of 1,442,401 cells hold no elevation (nodata, SRTM voids −32768, or values outside −500 to 9,000 m); they are kept as gaps, not used as elevations.',
    );
  });

  it('a 1″ tile of 3601² without voids', () => {
    const dem = source(readHgt({ name: 'N28E120.hgt', bytes: tile(3601) }));
    expect([dem.grid.width, dem.grid.height, dem.grid.transform[1], dem.issues]).toEqual([3601, 3601, 1 / 3600, []]);
    expect(dem.grid.transform[0] + 1 / 7200).toBeCloseTo(120, 12);
  });

  it('names: lower case, southern and western hemispheres, NASA suffixes, folders', () => {
    expect(hgtOrigin('n27e119.hgt')).toEqual({ lat: 27, lon: 119 });
    expect(hgtOrigin('S08W035.hgt')).toEqual({ lat: -8, lon: -35 });
    expect(hgtOrigin('N27E119.SRTMGL1.hgt')).toEqual({ lat: 27, lon: 119 });
    expect(hgtOrigin('srtm/N00E000.hgt')).toEqual({ lat: 0, lon: 0 });
    expect(hgtOrigin('N27E1190.hgt')).toBeNull();
    expect(hgtOrigin('N90E119.hgt')).toBeNull();
    expect(hgtOrigin('dem.hgt')).toBeNull();
    const south = source(readHgt({ name: 's08w035.hgt', bytes }));
    expect(south.grid.transform[0] + 1 / 2400).toBeCloseTo(-35, 12);
    expect(south.grid.transform[3] - 1 / 2400).toBeCloseTo(-7, 12);
  });

  it('a tile inside a zip, named by its entry', () => {
    const zip = zipSync({ 'N27E119.hgt': bytes });
    const dem = source(readHgt({ name: 'tile.SRTMGL3.hgt.zip', bytes: zip }));
    expect([dem.fileName, dem.grid.width, dem.grid.data[1]]).toEqual(['tile.SRTMGL3.hgt.zip', 1201, 3]);
    expect(dem.grid.transform[0] + 1 / 2400).toBeCloseTo(119, 12);
  });

  it('a file of the wrong size names the size found and the two accepted', () => {
    const outcome = readHgt(fixture('N27E119-cut.hgt'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issue).toEqual({ code: 'hgt.bad-size', severity: 'error', file: 'N27E119-cut.hgt', params: { size: 10 } });
    expect(describeIssue(outcome.issue, 'en')).toBe(
      'N27E119-cut.hgt: The .hgt file has 10 bytes, but an SRTM tile has 2,884,802 bytes (1201 × 1201 samples, 3″ tile) or 25,934,402 bytes (3601 × 3601, 1″ tile). It is cut off or not an SRTM tile; download the tile again.',
    );
    expect(describeIssue(outcome.issue, 'zh')).toBe(
      'N27E119-cut.hgt：该 .hgt 文件有 10 字节，而 SRTM 瓦片应为 2884802 字节（1201 × 1201 个采样，3″ 分辨率）或 25934402 字节（3601 × 3601，1″ 分辨率）。文件不完整或不是 SRTM 瓦片，请重新下载。',
    );
  });

  it('a name that does not give the corner', () => {
    const outcome = readHgt({ name: 'dem.hgt', bytes });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(describeIssue(outcome.issue, 'en')).toBe(
      'dem.hgt: The name "dem.hgt" does not say where the tile lies. SRTM tiles are named after their south-west corner, like N27E119.hgt (27°N, 119°E) or S08W035.hgt; rename the file that way and import it again.',
    );
    expect(describeIssue(outcome.issue, 'zh')).toBe(
      'dem.hgt：文件名“dem.hgt”无法确定瓦片位置。SRTM 瓦片以西南角命名，例如 N27E119.hgt（北纬 27°、东经 119°）或 S08W035.hgt；请按此格式重命名后再导入。',
    );
  });

  it('zips without a tile, and damaged zips', () => {
    const empty = readHgt({ name: 'N27E119.hgt.zip', bytes: zipSync({ 'readme.txt': new TextEncoder().encode('SRTM') }) });
    expect(!empty.ok && describeIssue(empty.issue, 'en')).toBe(
      'N27E119.hgt.zip: The zip file holds no .hgt tile. Download the SRTM tile again (e.g. N27E119.SRTMGL1.hgt.zip) or import the .hgt file itself.',
    );
    const cut = readHgt({ name: 'N27E119.hgt.zip', bytes: zipSync({ 'N27E119.hgt': bytes }).slice(0, 5000) });
    expect(!cut.ok && describeIssue(cut.issue, 'zh')).toBe('N27E119.hgt.zip：无法打开该 zip 压缩包（invalid zip data），可能下载不完整，请重新下载。');
  });
});
