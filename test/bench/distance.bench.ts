/**
 * Distance transform, rasterization and resampling on a county-sized grid: 4,000 × 4,000 cells
 * of 30 m (120 km square), one thread, median of 5 runs after one untimed run.
 *
 * The EDT scene is seeded: 120 winding roads (random walks of 300 steps of 200 m) and 300
 * settlement or lake polygons, burnt with `rasterize`: about 2% feature cells.
 * gdal_proximity (GDAL 3.6) takes 0.81 s on such a mask on this machine; the EDT target is to
 * beat it.
 */
import { distanceTransform } from '../../src/core/grid/distance';
import { rasterize, type GridShape } from '../../src/core/grid/rasterize';
import { resampleToGrid } from '../../src/core/grid/resample';
import { makeTransform } from '../../src/core/crs';
import { createRng, type Rng } from '../../src/core/random';
import type { ColumnarGeometry, Grid } from '../../src/core/types';
import type { BenchResult } from './types';
import { timeMedian } from './timing';

const SIDE = 4000;
const CELL_M = 30;
/** South-west corner of the scene in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E). */
const X0 = 440_000;
const Y0 = 3_280_000;
const GRID: GridShape = { width: SIDE, height: SIDE, transform: [X0, CELL_M, 0, Y0 + SIDE * CELL_M, 0, -CELL_M] };


/** `count` star-shaped rings of `vertices` vertices, radius in [rMin, rMax) metres, over the scene. */
export function blobs(rng: Rng, count: number, vertices: number, rMin: number, rMax: number): ColumnarGeometry {
  const coords = new Float64Array(count * (vertices + 1) * 2);
  const offsets = Uint32Array.from({ length: count + 1 }, (_, i) => i);
  const ringOffsets = Uint32Array.from({ length: count + 1 }, (_, i) => i * (vertices + 1));
  const side = SIDE * CELL_M;
  let k = 0;
  for (let i = 0; i < count; i++) {
    const cx = X0 + rng.range(0, side);
    const cy = Y0 + rng.range(0, side);
    const radius = rng.range(rMin, rMax);
    for (let v = 0; v < vertices; v++) {
      const a = (2 * Math.PI * v) / vertices;
      const r = radius * (1 + rng.range(-0.3, 0.3));
      coords[k++] = cx + r * Math.cos(a);
      coords[k++] = cy + r * Math.sin(a);
    }
    coords[k++] = coords[k - 2 * vertices - 1];
    coords[k++] = coords[k - 2 * vertices - 1];
  }
  return { kind: 'Polygon', coords, geomOffsets: offsets, partOffsets: offsets, ringOffsets };
}

/** `count` winding roads: random walks of `steps` steps of 200 m over the scene. */
export function roads(rng: Rng, count: number, steps: number): ColumnarGeometry {
  const coords = new Float64Array(count * (steps + 1) * 2);
  const side = SIDE * CELL_M;
  let k = 0;
  for (let i = 0; i < count; i++) {
    let x = X0 + rng.range(0, side);
    let y = Y0 + rng.range(0, side);
    let heading = rng.range(0, 2 * Math.PI);
    coords[k++] = x;
    coords[k++] = y;
    for (let s = 0; s < steps; s++) {
      heading += rng.range(-0.25, 0.25);
      x += 200 * Math.cos(heading);
      y += 200 * Math.sin(heading);
      coords[k++] = x;
      coords[k++] = y;
    }
  }
  return {
    kind: 'LineString',
    coords,
    geomOffsets: Uint32Array.from({ length: count + 1 }, (_, i) => i),
    partOffsets: Uint32Array.from({ length: count + 1 }, (_, i) => i * (steps + 1)),
    ringOffsets: new Uint32Array(0),
  };
}

/** The seeded road-and-settlement mask of the EDT benchmark (also used to time gdal_proximity). */
export function roadMask(seed = 11): Uint8Array {
  const rng = createRng(seed);
  const mask = rasterize(roads(rng.fork('roads'), 120, 300), GRID);
  rasterize(blobs(rng.fork('blobs'), 300, 32, 100, 500), GRID, { out: mask });
  return mask;
}

export async function benchDistance(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const mask = roadMask();
  let features = 0;
  for (let i = 0; i < mask.length; i++) features += mask[i];
  const out = new Float32Array(SIDE * SIDE);
  const edt = timeMedian(() => distanceTransform(mask, SIDE, SIDE, CELL_M, CELL_M, { out }));
  results.push({
    name: `distance transform (exact EDT): 4,000 × 4,000 cells of 30 m, ${((100 * features) / mask.length).toFixed(1)}% feature cells`,
    value: edt.value,
    unit: 'ms',
    target: '< 810 ms (gdal_proximity here)',
    runs: edt.runs,
  });

  const burn = new Uint8Array(SIDE * SIDE);
  for (const count of [5000, 10_000]) {
    const polygons = blobs(createRng(12), count, 40, 100, 900);
    const fill = timeMedian(() => rasterize(polygons, GRID, { out: burn.fill(0) }));
    results.push({ name: `rasterize: ${count.toLocaleString('en')} polygons (40 vertices) into 4,000 × 4,000 cells`, value: fill.value, unit: 'ms', ...(count === 10_000 ? { target: '< 1,000 ms' } : {}), runs: fill.runs });
  }
  const polygons = blobs(createRng(12), 5000, 40, 100, 900);
  const touched = timeMedian(() => rasterize(polygons, GRID, { out: burn.fill(0), allTouched: true }));
  results.push({ name: 'rasterize -at: 5,000 polygons (40 vertices) into 4,000 × 4,000 cells', value: touched.value, unit: 'ms', runs: touched.runs });
  const lines = roads(createRng(13), 240, 400);
  const line = timeMedian(() => rasterize(lines, GRID, { out: burn.fill(0), allTouched: true }));
  results.push({ name: 'rasterize -at: 240 roads (400 vertices) into 4,000 × 4,000 cells', value: line.value, unit: 'ms', runs: line.runs });

  // Resample a 2,000 × 2,000 DEM-like grid in CGCS2000 degrees onto a 2,000 × 2,000 30 m grid in EPSG:4549.
  const toSource = makeTransform('EPSG:4549', 'EPSG:4490');
  const [lon0, lat0] = toSource(X0, Y0 + 60_000);
  const cellDeg = 0.0003;
  const demData = new Float32Array(2000 * 2000);
  for (let i = 0; i < demData.length; i++) demData[i] = (i % 2000) + Math.floor(i / 2000) * 0.5;
  const dem: Grid<Float32Array> = { width: 2000, height: 2000, data: demData, transform: [lon0, cellDeg, 0, lat0, 0, -cellDeg], crs: 'EPSG:4490', nodata: null };
  const target: GridShape = { width: 2000, height: 2000, transform: [X0, CELL_M, 0, Y0 + 60_000, 0, -CELL_M] };
  const resample = timeMedian(() => resampleToGrid(dem, target, { method: 'bilinear', toSource }));
  results.push({ name: 'resample bilinear, EPSG:4490 → EPSG:4549: 2,000 × 2,000 cells', value: resample.value, unit: 'ms', runs: resample.runs });
  return results;
}
