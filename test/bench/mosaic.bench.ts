import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/core/random';
import type { ParsedRasterSource } from '../../src/core/import/types';
import { mosaicSources } from '../../src/io/dem-mosaic';
import { readHgt } from '../../src/io/hgt';
import type { BenchResult } from './types';
import { median } from './timing';

/** A 60 × 60 km county area around the corner the four tiles share (120°E, 28°N). */
const AREA: [number, number, number, number] = [119.7, 27.73, 120.31, 28.27];

/** Four seeded 1″ SRTM tiles (3601², big-endian Int16, a few voids), as downloaded. */
function srtmTiles(): { name: string; bytes: Uint8Array }[] {
  const rng = createRng(17);
  const side = 3601;
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const [lat, lon] of [[27, 119], [27, 120], [28, 119], [28, 120]]) {
    const bytes = new Uint8Array(side * side * 2);
    const view = new DataView(bytes.buffer);
    for (let r = 0; r < side; r++) {
      const y = lat + 1 - r / (side - 1);
      for (let c = 0; c < side; c++) {
        const x = lon + c / (side - 1);
        view.setInt16(2 * (r * side + c), Math.round(600 + 400 * Math.sin(x * 23) * Math.cos(y * 19) + 150 * Math.sin(x * 71 + y * 53)), false);
      }
    }
    // SRTM voids: a few patches of −32768.
    for (let k = 0; k < 20; k++) {
      const r0 = rng.int(0, side - 30);
      const c0 = rng.int(0, side - 30);
      for (let r = r0; r < r0 + 25; r++) for (let c = c0; c < c0 + 25; c++) view.setInt16(2 * (r * side + c), -32768, false);
    }
    out.push({ name: `N${lat}E${lon}.hgt`, bytes });
  }
  return out;
}

function hasGdalwarp(): boolean {
  try {
    execFileSync('gdalwarp', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Issue 17's target: four 1″ SRTM tiles read, mosaicked, reprojected to a 30 m CGCS2000
 * Gauss–Krüger grid (EPSG:4549) and clipped to a 60 × 60 km county (4 Mcells) ≤ 8 s in Node,
 * with peak memory; gdalwarp doing the same (bilinear, same grid) in the same run when installed.
 */
export async function benchMosaic(): Promise<BenchResult[]> {
  const files = srtmTiles();
  const runs: number[] = [];
  let peakMB = 0;
  let cells = 0;
  let target: ParsedRasterSource | null = null;
  const sample = () => (peakMB = Math.max(peakMB, process.memoryUsage().rss / 2 ** 20));
  for (let run = 0; run < 4; run++) {
    const t0 = performance.now();
    const sources = files.map((f) => {
      const read = readHgt(f);
      if (!read.ok) throw new Error(read.issue.code);
      sample();
      return read.source;
    });
    const mosaic = mosaicSources(sources, AREA);
    sample();
    if (!mosaic.ok) throw new Error(mosaic.issue.code);
    if (run > 0) runs.push(performance.now() - t0);
    cells = mosaic.source.grid.width * mosaic.source.grid.height;
    target = mosaic.source;
  }
  const results: BenchResult[] = [
    { name: `four 1″ SRTM tiles → 30 m Gauss–Krüger mosaic clipped to 60 × 60 km (${(cells / 1e6).toFixed(1)} Mcells), read + mosaic (median of 3)`, value: median(runs), unit: 'ms', target: '≤ 8000 ms', runs },
    { name: 'peak memory (RSS) of the mosaic runs', value: peakMB, unit: 'MB' },
  ];
  if (hasGdalwarp() && target) {
    const dir = mkdtempSync(join(tmpdir(), 'anju-srtm-'));
    try {
      for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
      const [x0, pw, , y0, , ph] = target.grid.transform;
      const te = [x0, y0 + target.grid.height * ph, x0 + target.grid.width * pw, y0].map(String);
      const gdal: number[] = [];
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        execFileSync('gdalwarp', ['-q', '-overwrite', '-t_srs', 'EPSG:4549', '-tr', String(pw), String(-ph), '-te', ...te, '-r', 'bilinear', '-srcnodata', '-32768', '-dstnodata', 'nan', '-ot', 'Float32', ...files.map((f) => join(dir, f.name)), join(dir, 'out.tif')]);
        gdal.push(performance.now() - t0);
      }
      results.push({ name: 'gdalwarp, the same four tiles to the same grid (bilinear; median of 3)', value: median(gdal), unit: 'ms', runs: gdal });
      results.push({ name: 'mosaic time ÷ gdalwarp time', value: median(runs) / median(gdal), unit: '×' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    results.push({ name: 'gdalwarp not installed: no peer figure (apt-get install gdal-bin)', value: NaN, unit: '' });
  }
  return results;
}
