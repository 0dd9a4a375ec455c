import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../../src/core/crs';
import { APPROX_STEP_CELLS, resampleToGrid } from '../../../src/core/grid/resample';
import { createRng } from '../../../src/core/random';
import type { Grid, RasterArray } from '../../../src/core/types';

/** A width×height grid of 10 m cells with its top-left corner at (1000, 2000). */
function grid<T extends RasterArray>(data: T, width: number, height: number, nodata: number | null = null): Grid<T> {
  return { width, height, data, transform: [1000, 10, 0, 2000, 0, -10], crs: 'EPSG:4549', nodata };
}

describe('resampleToGrid', () => {
  it('returns the source unchanged on its own grid, by nearest and by bilinear', () => {
    const rng = createRng(7);
    const data = Float32Array.from({ length: 13 * 9 }, () => rng.range(-50, 50));
    const source = grid(data, 13, 9);
    expect(resampleToGrid(source, source)).toEqual(data);
    expect(resampleToGrid(source, source, { method: 'bilinear' })).toEqual(data);
    const ints = grid(Int16Array.from(data, Math.round), 13, 9);
    expect(Array.from(resampleToGrid(ints, ints))).toEqual(Array.from(ints.data));
  });

  it('averages the four neighbours on a grid shifted by half a cell (bilinear)', () => {
    const data = Float32Array.from({ length: 6 * 5 }, (_, i) => (i * 37) % 11);
    const source = grid(data, 6, 5);
    // Cell centres of the target are the corners shared by four source cells.
    const target = { width: 5, height: 4, transform: [1005, 10, 0, 1995, 0, -10] as Grid['transform'] };
    const out = resampleToGrid(source, target, { method: 'bilinear' });
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 5; c++) {
        const mean = (data[r * 6 + c] + data[r * 6 + c + 1] + data[(r + 1) * 6 + c] + data[(r + 1) * 6 + c + 1]) / 4;
        expect(out[r * 5 + c]).toBeCloseTo(mean, 5);
      }
    }
  });

  it('gives NaN outside the source and where the source is nodata; bilinear falls back to nearest next to nodata', () => {
    const data = Float32Array.from([1, 2, 3, 4, -9999, 6, 7, 8, 9]);
    const source = grid(data, 3, 3, -9999);
    // Target: 5×3 cells of 10 m starting one cell west of the source.
    const target = { width: 5, height: 3, transform: [990, 10, 0, 2000, 0, -10] as Grid['transform'] };
    const nearest = resampleToGrid(source, target);
    expect(Array.from(nearest)).toEqual([NaN, 1, 2, 3, NaN, NaN, 4, NaN, 6, NaN, NaN, 7, 8, 9, NaN]);
    // A point a quarter cell from the centre of cell (0, 0) towards the nodata cell (1, 1).
    const near = { width: 1, height: 1, transform: [1005, 5, 0, 1995, 0, -5] as Grid['transform'] };
    expect(resampleToGrid(source, near, { method: 'bilinear' })[0]).toBe(1);
    const bilinear = resampleToGrid(grid(Float32Array.from([1, 2, 3, 4]), 2, 2), near, { method: 'bilinear' });
    expect(bilinear[0]).toBeCloseTo(1 * 0.5625 + 2 * 0.1875 + 3 * 0.1875 + 4 * 0.0625, 6);
  });

  it('matches Float32 nodata written as decimal text', () => {
    const nodata = -3.40282346638529e38;
    const source = grid(Float32Array.from([nodata, 5]), 2, 1, nodata);
    expect(Array.from(resampleToGrid(source, source))).toEqual([NaN, 5]);
  });

  it('treats NaN source cells as nodata and NaN points from toSource as outside', () => {
    const source = grid(Float32Array.from([NaN, 5, 6, 7]), 2, 2);
    expect(Array.from(resampleToGrid(source, source, { method: 'bilinear' }))).toEqual([NaN, 5, 6, 7]);
    expect(Array.from(resampleToGrid(source, source, { toSource: () => [NaN, NaN] }))).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('with a projection, stays within 1/100 of a cell of exact per-cell transforms', () => {
    // Source: a linear ramp in CGCS2000 degrees (≈ 30 m cells); target: a 30 m grid in
    // EPSG:4549, 600 cells wide so each row has many 16-cell gaps. Bilinear on a ramp is exact,
    // so any difference is the error of the approximate transformer (plus Float32 rounding).
    const toSource = makeTransform('EPSG:4549', 'EPSG:4490');
    const cellDeg = 0.0003;
    const sw = 800;
    const sh = 500;
    const lon0 = 119.85;
    const lat0 = 29.9;
    const ramp = (lon: number, lat: number): number => (lon - lon0) / cellDeg + 2 * ((lat0 - lat) / cellDeg);
    const data = new Float32Array(sw * sh);
    for (let r = 0; r < sh; r++) for (let c = 0; c < sw; c++) data[r * sw + c] = ramp(lon0 + (c + 0.5) * cellDeg, lat0 - (r + 0.5) * cellDeg);
    const source: Grid<Float32Array> = { width: sw, height: sh, data, transform: [lon0, cellDeg, 0, lat0, 0, -cellDeg], crs: 'EPSG:4490', nodata: null };
    const [x0, y0] = makeTransform('EPSG:4490', 'EPSG:4549')(lon0 + 0.02, lat0 - 0.02);
    const target = { width: 600, height: 400, transform: [x0, 30, 0, y0, 0, -30] as Grid['transform'] };
    const out = resampleToGrid(source, target, { method: 'bilinear', toSource });
    let worst = 0;
    let compared = 0;
    for (let r = 0; r < target.height; r += 7) {
      for (let c = 0; c < target.width; c++) {
        const [lon, lat] = toSource(x0 + (c + 0.5) * 30, y0 - (r + 0.5) * 30);
        const col = (lon - lon0) / cellDeg;
        const row = (lat0 - lat) / cellDeg;
        if (col < 1 || row < 1 || col > sw - 1 || row > sh - 1) continue;
        // The ramp rises 1 per cell east and 2 per cell south: |Δ| / 3 bounds the error in cells.
        worst = Math.max(worst, Math.abs(out[r * target.width + c] - ramp(lon, lat)) / 3);
        compared++;
      }
    }
    expect(APPROX_STEP_CELLS).toBe(16);
    expect(compared).toBeGreaterThan(30_000);
    expect(worst).toBeLessThan(0.01);
  });

  it('throws on a rotated transform', () => {
    const source = grid(new Float32Array(4), 2, 2);
    expect(() => resampleToGrid({ ...source, transform: [0, 1, 0.1, 0, 0, -1] }, source)).toThrow(/rotated/);
  });
});
