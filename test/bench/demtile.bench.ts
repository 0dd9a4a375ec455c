import { makeTransform } from '../../src/core/crs';
import { renderTerrariumTile } from '../../src/core/tiles/dem-tile';
import { renderHillshadeTile } from '../../src/core/tiles/hillshade-tile';
import { lngToTileX, latToTileY } from '../../src/core/tiles/webmercator';
import type { Grid } from '../../src/core/types';
import type { BenchResult } from './types';

type TileRenderer = (dem: Grid<Float32Array>, toDem: ReturnType<typeof makeTransform>, z: number, x: number, y: number) => unknown;

/** DEM → tile rendering on a seeded synthetic 2000×2000 Gauss–Krüger DEM, 16 z12 tiles per run. */
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
  const time = (render: TileRenderer) => {
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const t0 = performance.now();
      for (let k = 0; k < 16; k++) render(dem, toDem, z, x0 + (k % 4), y0 + Math.floor(k / 4));
      times.push((performance.now() - t0) / 16);
    }
    return times.sort((a, b) => a - b);
  };
  const hillshade = time((d, t, zz, x, y) => renderHillshadeTile(d, t, zz, x, y, 256));
  const terrarium = time((d, t, zz, x, y) => renderTerrariumTile(d, t, zz, x, y, 256));
  return [
    { name: 'hillshade tile (256², z12, resample + Horn + shade)', value: hillshade[3], unit: 'ms/tile', target: 'a few ms: tiles must keep up with panning', runs: hillshade },
    { name: 'Terrarium tile for 3D terrain (256², z12)', value: terrarium[3], unit: 'ms/tile', runs: terrarium },
  ];
}
