import { makeTransform } from '../../src/core/crs';
import { renderTerrariumTile } from '../../src/core/tiles/dem-tile';
import { lngToTileX, latToTileY } from '../../src/core/tiles/webmercator';
import type { Grid } from '../../src/core/types';
import type { BenchResult } from './types';

/** DEM → Terrarium tile resampling, on a seeded synthetic 2000×2000 Gauss–Krüger DEM. */
export async function benchDemTiles(): Promise<BenchResult[]> {
  const width = 2000;
  const height = 2000;
  const data = new Float32Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) data[r * width + c] = 500 + 400 * Math.sin(c / 37) * Math.cos(r / 53);
  const dem: Grid<Float32Array> = { width, height, data, transform: [440000, 30, 0, 3160000, 0, -30], crs: 'EPSG:4549', nodata: null };
  const toDem = makeTransform('EPSG:4326', 'EPSG:4549');
  const z = 12;
  const x0 = Math.floor(lngToTileX(119.6, z));
  const y0 = Math.floor(latToTileY(28.3, z));
  const out = new Uint8ClampedArray(256 * 256 * 4);
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    for (let k = 0; k < 16; k++) renderTerrariumTile(dem, toDem, z, x0 + (k % 4), y0 + Math.floor(k / 4), 256, out);
    times.push((performance.now() - t0) / 16);
  }
  times.sort((a, b) => a - b);
  return [{ name: 'DEM tile resampling (256², z12)', value: times[3], unit: 'ms/tile', target: 'well under one frame per tile', runs: times }];
}
