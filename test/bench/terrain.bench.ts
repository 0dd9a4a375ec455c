/**
 * Terrain kernels on a seeded 4,000 × 4,000 Float32 DEM (30 m cells), one thread: slope,
 * aspect and hillshade by Horn's method with gdaldem's -compute_edges rules. Target for slope:
 * faster than `gdaldem slope` on the same grid on this machine (0.59 s). Median of 5 runs
 * after one untimed run.
 */
import { aspectRows, cellSizesM, hillshadeRows, slopeRows } from '../../src/core/grid/terrain';
import { createRng } from '../../src/core/random';
import type { BenchResult } from './types';
import { timeMedian } from './timing';

const SIZE = 4000;

/** Hills as a sum of separable waves (cheap to build) plus a little per-cell noise, 30 m cells. */
export function syntheticDem(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const data = new Float32Array(size * size);
  const colWave = new Float64Array(size);
  const rowWave = new Float64Array(size);
  for (let octave = 0, amplitude = 300, wavelength = 400; octave < 6; octave++, amplitude *= 0.5, wavelength *= 0.5) {
    const phaseCol = rng.range(0, 2 * Math.PI);
    const phaseRow = rng.range(0, 2 * Math.PI);
    for (let i = 0; i < size; i++) {
      colWave[i] = Math.sin((2 * Math.PI * i) / wavelength + phaseCol);
      rowWave[i] = Math.cos((2 * Math.PI * i) / (wavelength * 1.3) + phaseRow);
    }
    for (let r = 0; r < size; r++) {
      const base = r * size;
      const a = amplitude * rowWave[r];
      for (let c = 0; c < size; c++) data[base + c] += a * colWave[c];
    }
  }
  for (let i = 0; i < data.length; i++) data[i] += 800 + rng.range(-0.5, 0.5);
  return data;
}


export async function benchTerrain(): Promise<BenchResult[]> {
  const dem = syntheticDem(SIZE, 11);
  const cells = cellSizesM({ height: SIZE, transform: [440000, 30, 0, 3160000, 0, -30] }, false);
  const out = new Float32Array(SIZE * SIZE);
  const shade = new Uint8Array(SIZE * SIZE);
  const slope = timeMedian(() => slopeRows(dem, SIZE, SIZE, cells, null, out, 0, SIZE));
  const aspect = timeMedian(() => aspectRows(dem, SIZE, SIZE, cells, null, out, 0, SIZE));
  const hillshade = timeMedian(() => hillshadeRows(dem, SIZE, SIZE, cells, null, shade, 0, SIZE));
  // The same DEM with a nodata frame 200 cells wide (a DEM clipped to a county): every row holds nodata.
  const clipped = dem.slice();
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) if (r < 200 || c < 200 || r >= SIZE - 200 || c >= SIZE - 200) clipped[r * SIZE + c] = -9999;
  }
  const slopeClipped = timeMedian(() => slopeRows(clipped, SIZE, SIZE, cells, -9999, out, 0, SIZE));
  return [
    { name: 'slope 4,000 × 4,000 Float32 (Horn, edges computed)', ...slope, unit: 'ms', target: '< 590 ms (gdaldem slope here)' },
    { name: 'aspect 4,000 × 4,000 Float32', ...aspect, unit: 'ms' },
    { name: 'hillshade 4,000 × 4,000 Float32', ...hillshade, unit: 'ms' },
    { name: 'slope 4,000 × 4,000 with a 200-cell nodata frame (nodata on every row)', ...slopeClipped, unit: 'ms' },
  ];
}
