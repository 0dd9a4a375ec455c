import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../../src/core/crs';
import { decodeTerrarium, renderTerrariumTile } from '../../../src/core/tiles/dem-tile';
import { latToTileY, lngToTileX, tileXToLng, tileYToLat } from '../../../src/core/tiles/webmercator';
import { fillNodataSmooth } from '../../../src/core/fill-nodata';
import type { Grid } from '../../../src/core/types';

/** A plane tilted east: elevation = 100 + (x − 440000) / 100 metres, in EPSG:4549. */
function planeDem(): Grid<Float32Array> {
  const width = 400;
  const height = 400;
  const data = new Float32Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) data[r * width + c] = 100 + ((c + 0.5) * 30) / 100;
  return { width, height, data, transform: [440000, 30, 0, 3112000, 0, -30], crs: 'EPSG:4549', nodata: null };
}

describe('web mercator tiles', () => {
  it('round-trips tile coordinates', () => {
    expect(lngToTileX(tileXToLng(3345.25, 12), 12)).toBeCloseTo(3345.25, 9);
    expect(latToTileY(tileYToLat(1712.75, 12), 12)).toBeCloseTo(1712.75, 9);
  });
});

describe('renderTerrariumTile', () => {
  it('reprojects a Gauss–Krüger DEM into a tile within centimetres', () => {
    const dem = planeDem();
    const toDem = makeTransform('EPSG:4326', 'EPSG:4549');
    const toLngLat = makeTransform('EPSG:4549', 'EPSG:4326');
    const [lng, lat] = toLngLat(446000, 3106000);
    const z = 13;
    const x = Math.floor(lngToTileX(lng, z));
    const y = Math.floor(latToTileY(lat, z));
    const rgba = renderTerrariumTile(dem, toDem, z, x, y, 256);
    let worst = 0;
    for (const [px, py] of [[0, 0], [37, 201], [128, 128], [255, 255], [250, 3]]) {
      const o = (py * 256 + px) * 4;
      const got = decodeTerrarium(rgba[o], rgba[o + 1], rgba[o + 2]);
      const [gx] = toDem(tileXToLng(x + (px + 0.5) / 256, z), tileYToLat(y + (py + 0.5) / 256, z));
      const expected = Math.min(Math.max(100 + (gx - 440000) / 100, 100 + 0.15), 100 + (399.5 * 30) / 100);
      worst = Math.max(worst, Math.abs(got - expected));
    }
    expect(worst).toBeLessThan(0.05);
  });
});

describe('fillNodataSmooth', () => {
  it('keeps valid cells, fills every nodata cell and stays within the valid range', () => {
    const grid: Grid<Float32Array> = {
      width: 5,
      height: 1,
      data: Float32Array.from([-9999, 10, -9999, -9999, 40]),
      transform: [0, 1, 0, 0, 0, -1],
      crs: 'EPSG:4549',
      nodata: -9999,
    };
    const filled = fillNodataSmooth(grid);
    expect(filled.nodata).toBeNull();
    expect(filled.data[1]).toBe(10);
    expect(filled.data[4]).toBe(40);
    for (const v of filled.data) {
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(40);
    }
    expect(grid.data[0]).toBe(-9999);
  });

  it('fills voids read as NaN when the file declared no nodata value (an SRTM tile)', () => {
    // The readers turn −32768, out-of-range values and the declared nodata into NaN and set
    // nodata to null; the display copy must still have no holes (3D terrain would fall to
    // −32768 m, the hillshade would show pits).
    const grid: Grid<Float32Array> = { width: 4, height: 1, data: Float32Array.from([NaN, 120, NaN, 180]), transform: [0, 1, 0, 0, 0, -1], crs: 'EPSG:4326', nodata: null };
    const filled = fillNodataSmooth(grid);
    expect(filled.nodata).toBeNull();
    for (const v of filled.data) {
      expect(v).toBeGreaterThanOrEqual(120);
      expect(v).toBeLessThanOrEqual(180);
    }
    expect([filled.data[1], filled.data[3]]).toEqual([120, 180]);
  });

  it('fills a clipped plane without steps: neighbouring filled cells differ little', () => {
    const width = 64;
    const height = 64;
    const data = new Float32Array(width * height);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) data[r * width + c] = Math.hypot(c - 32, r - 32) < 20 ? 100 + c : -32768;
    }
    const filled = fillNodataSmooth({ width, height, data, transform: [0, 30, 0, 0, 0, -30], crs: 'EPSG:4549', nodata: -32768 }).data;
    let worstJump = 0;
    for (let r = 0; r < height; r++) for (let c = 1; c < width; c++) worstJump = Math.max(worstJump, Math.abs(filled[r * width + c] - filled[r * width + c - 1]));
    expect(worstJump).toBeLessThan(6);
  });
});
