import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../../src/core/crs';
import { renderHillshadeTile } from '../../../src/core/tiles/hillshade-tile';
import { latToTileY, lngToTileX } from '../../../src/core/tiles/webmercator';
import type { Grid } from '../../../src/core/types';

/** A DEM in EPSG:4549 whose ground rises `rise` metres per metre toward `direction`. */
function tiltedDem(direction: 'east' | 'west' | 'north', rise: number): Grid<Float32Array> {
  const width = 300;
  const height = 300;
  const data = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const x = c * 30;
      const y = (height - r) * 30;
      data[r * width + c] = 500 + rise * (direction === 'east' ? x : direction === 'west' ? -x : y);
    }
  }
  return { width, height, data, transform: [440000, 30, 0, 3109000, 0, -30], crs: 'EPSG:4549', nodata: null };
}

function centreAlpha(dem: Grid<Float32Array>): { shadow: boolean; alpha: number } {
  const toDem = makeTransform('EPSG:4326', 'EPSG:4549');
  const [lng, lat] = makeTransform('EPSG:4549', 'EPSG:4326')(444500, 3104500);
  const z = 13;
  const rgba = renderHillshadeTile(dem, toDem, z, Math.floor(lngToTileX(lng, z)), Math.floor(latToTileY(lat, z)), 64);
  const o = (32 * 64 + 32) * 4;
  return { shadow: rgba[o] < 128, alpha: rgba[o + 3] };
}

describe('renderHillshadeTile', () => {
  it('lights slopes facing the north-west sun and shades those facing away', () => {
    // Ground rising to the east faces west: toward a sun in the north-west.
    expect(centreAlpha(tiltedDem('east', 0.5)).shadow).toBe(false);
    expect(centreAlpha(tiltedDem('west', 0.5)).shadow).toBe(true);
    // Rising to the north faces south: away from the sun.
    expect(centreAlpha(tiltedDem('north', 0.5)).shadow).toBe(true);
  });

  it('shades steeper slopes facing away from the sun more darkly', () => {
    const gentle = centreAlpha(tiltedDem('west', 0.2));
    const steep = centreAlpha(tiltedDem('west', 0.8));
    expect(steep.alpha).toBeGreaterThan(gentle.alpha);
  });

  it('draws nothing beyond the DEM, so its edge shows no stripes', () => {
    // A tile straddling the DEM's east edge (x = 449,000 m) of ground rising to the north: the
    // part outside is transparent (clamped samples repeated the edge column: stripes).
    const dem = tiltedDem('north', 0.5);
    const toDem = makeTransform('EPSG:4326', 'EPSG:4549');
    const [lng, lat] = makeTransform('EPSG:4549', 'EPSG:4326')(449000, 3104500);
    const z = 13;
    const tx = lngToTileX(lng, z);
    const size = 64;
    const rgba = renderHillshadeTile(dem, toDem, z, Math.floor(tx), Math.floor(latToTileY(lat, z)), size);
    const edge = Math.round((tx - Math.floor(tx)) * size);
    let outside = 0;
    let inside = 0;
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        const alpha = rgba[(py * size + px) * 4 + 3];
        if (px > edge + 1) outside = Math.max(outside, alpha);
        if (px < edge - 2) inside = Math.min(inside || 255, alpha);
      }
    }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(0);
  });

  it('leaves flat ground almost untouched', () => {
    expect(centreAlpha(tiltedDem('east', 0)).alpha).toBeLessThan(2);
  });
});
