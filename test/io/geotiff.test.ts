import { describe, it, expect } from 'vitest';
import { readGeoTiff, writeGeoTiff } from '../../src/io/geotiff';
import type { Grid } from '../../src/core/types';

/** A 7×5 ramp with one nodata cell: small enough to read, odd sizes catch row/column swaps. */
function ramp<T extends Int16Array | Float32Array>(data: T, nodata: number): T {
  for (let i = 0; i < data.length; i++) data[i] = i * 3 - 20 + (data instanceof Float32Array ? 0.25 : 0);
  data[9] = nodata;
  return data;
}

describe('writeGeoTiff / readGeoTiff round trip', () => {
  it('Int16 in CGCS2000 / Gauss-Krüger 120E keeps values, nodata, transform and CRS', async () => {
    const grid: Grid<Int16Array> = { width: 7, height: 5, data: ramp(new Int16Array(35), -32768), transform: [512345, 30, 0, 3401230, 0, -30], crs: 'EPSG:4549', nodata: -32768 };
    const result = await readGeoTiff(writeGeoTiff(grid, { epsg: 4549 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.data).toBeInstanceOf(Int16Array);
    expect(Array.from(result.value.data)).toEqual(Array.from(grid.data));
    expect(result.value).toMatchObject({ width: 7, height: 5, transform: grid.transform, crs: 'EPSG:4549', nodata: -32768 });
  });

  it('Float32 in geographic CGCS2000 keeps fractional values and a fractional pixel size', async () => {
    const grid: Grid<Float32Array> = { width: 7, height: 5, data: ramp(new Float32Array(35), -9999), transform: [119.5, 0.000833, 0, 30.25, 0, -0.000833], crs: 'EPSG:4490', nodata: -9999 };
    const result = await readGeoTiff(writeGeoTiff(grid, { epsg: 4490 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.data).toBeInstanceOf(Float32Array);
    expect(Array.from(result.value.data)).toEqual(Array.from(grid.data));
    expect(result.value).toMatchObject({ transform: grid.transform, crs: 'EPSG:4490', nodata: -9999 });
  });

  it('a grid without nodata reads back nodata null, and a rotated grid keeps its rotation', async () => {
    const grid: Grid<Float32Array> = { width: 3, height: 2, data: Float32Array.of(1, 2, 3, 4, 5, 6), transform: [1000, 10, 2, 5000, 1, -10], crs: 'EPSG:4549', nodata: null };
    const result = await readGeoTiff(writeGeoTiff(grid, { epsg: 4549 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.nodata).toBeNull();
    expect(result.value.transform).toEqual(grid.transform);
  });

  it('a tall grid spans several strips', async () => {
    const width = 300;
    const height = 250;
    const data = new Float32Array(width * height).map((_, i) => (i * 7) % 1013);
    const grid: Grid<Float32Array> = { width, height, data, transform: [0, 1, 0, 0, 0, -1], crs: 'EPSG:4549', nodata: null };
    const result = await readGeoTiff(writeGeoTiff(grid, { epsg: 4549 }));
    expect(result.ok && Array.from(result.value.data)).toEqual(Array.from(data));
  });
});

describe('readGeoTiff failures', () => {
  it('an empty buffer', async () => {
    const result = await readGeoTiff(new ArrayBuffer(0));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('geotiff.empty');
  });

  it('bytes that are not a TIFF', async () => {
    const result = await readGeoTiff(new TextEncoder().encode('id,name\n1,安居\n').buffer as ArrayBuffer);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('geotiff.unreadable');
      expect(result.error.message).toMatch(/gdal_translate/);
    }
  });
});
