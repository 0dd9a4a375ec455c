import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../../src/core/crs';
import { mosaicDems, mosaicTarget, type DemTile } from '../../../src/core/grid/mosaic';
import type { Grid } from '../../../src/core/types';

/** Smooth terrain known everywhere, so every mosaic cell can be checked. */
const terrain = (lng: number, lat: number) => 600 + 250 * Math.sin(lng * 9) * Math.cos(lat * 7) + 40 * (lat - 27);

/** An SRTM-like tile of 1° with `side` samples a side (edges shared with its neighbours), voids NaN. */
function tile(lon: number, lat: number, side = 121, voids: [number, number][] = []): DemTile {
  const cell = 1 / (side - 1);
  const data = new Float32Array(side * side);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) data[r * side + c] = terrain(lon + c * cell, lat + 1 - r * cell);
  for (const [r, c] of voids) data[r * side + c] = NaN;
  const grid: Grid<Float32Array> = { width: side, height: side, data, transform: [lon - cell / 2, cell, 0, lat + 1 + cell / 2, 0, -cell], crs: 'EPSG:4326', nodata: null };
  return { name: `N${lat}E${lon}.hgt`, grid };
}

const AREA: [number, number, number, number] = [119.7, 27.7, 120.3, 28.3];

describe('mosaicDems', () => {
  it('joins four tiles around a corner onto the Gauss–Krüger grid of the area, clipped to it', () => {
    const tiles = [tile(119, 27), tile(120, 27), tile(119, 28), tile(120, 28)];
    const target = mosaicTarget(tiles, AREA)!;
    expect(target.crs).toBe('EPSG:4549');
    // 1/120° ≈ 0.9 km at 28°N: the usual size nearest it.
    expect(target.cellSize).toBe(1000);
    const m = mosaicDems(tiles, target);
    expect(m.uncovered).toBe(0);
    expect(m.voids).toBe(0);
    // ~60 km square.
    expect(m.grid.width).toBeGreaterThan(55);
    expect(m.grid.width).toBeLessThan(65);
    const toLngLat = makeTransform('EPSG:4549', 'EPSG:4326');
    let worst = 0;
    const [ox, pw, , oy, , ph] = m.grid.transform;
    for (let r = 0; r < m.grid.height; r++) {
      for (let c = 0; c < m.grid.width; c++) {
        const [lng, lat] = toLngLat(ox + (c + 0.5) * pw, oy + (r + 0.5) * ph);
        worst = Math.max(worst, Math.abs(m.grid.data[r * m.grid.width + c] - terrain(lng, lat)));
      }
    }
    // Bilinear between samples 0.9 km apart on this relief: within a few metres.
    expect(worst).toBeLessThan(8);
    for (const t of tiles) expect(m.supplied[t.name]).toBeGreaterThan(0);
  });

  it('names a missing tile by the cells it leaves uncovered, and fills a void from the overlapping tile', () => {
    // The south-east tile is missing; the north-west tile has a void on its shared east edge
    // (column 120), which the north-east tile covers, and one inside (not covered by any other).
    const nw = tile(119, 28, 121, [[96, 120], [100, 100]]);
    const tiles = [nw, tile(120, 28), tile(119, 27)];
    const m = mosaicDems(tiles, mosaicTarget(tiles, AREA)!);
    const cells = m.grid.width * m.grid.height;
    // A quarter of the area, give or take the projection.
    expect(m.uncovered / cells).toBeGreaterThan(0.2);
    expect(m.uncovered / cells).toBeLessThan(0.3);
    // The inner void (119.83°E 28.17°N) has no other tile: it stays a void, counted as one;
    // the edge void is filled.
    expect(m.voids).toBeGreaterThanOrEqual(1);
    expect(m.voids).toBeLessThanOrEqual(2);
    const [ox, pw, , oy, , ph] = m.grid.transform;
    const toGrid = makeTransform('EPSG:4326', 'EPSG:4549');
    // The shared edge at 120°E, 28.2°N has a value (from the neighbour).
    const [x, y] = toGrid(120, 28.2);
    const r = Math.floor((y - oy) / ph);
    const c = Math.floor((x - ox) / pw);
    expect(r >= 0 && r < m.grid.height && c >= 0 && c < m.grid.width).toBe(true);
    expect(Number.isNaN(m.grid.data[r * m.grid.width + c])).toBe(false);
    expect(Math.abs(m.grid.data[r * m.grid.width + c] - terrain(120, 28.2))).toBeLessThan(20);
  });

  it('counts a void no tile fills apart from uncovered cells', () => {
    // A 9 × 9 void in the middle of the only tile that covers it (around 119.8°E 28.2°N).
    const holes: [number, number][] = [];
    for (let r = 92; r < 101; r++) for (let c = 92; c < 101; c++) holes.push([r, c]);
    const tiles = [tile(119, 28, 121, holes), tile(120, 28), tile(119, 27), tile(120, 27)];
    const m = mosaicDems(tiles, mosaicTarget(tiles, AREA)!);
    expect(m.uncovered).toBe(0);
    expect(m.voids).toBeGreaterThan(20);
    expect(m.voids).toBeLessThan(120);
  });

  it('gives the same grid whatever the order of the tiles, and takes a projected tile with geographic ones', () => {
    const tiles = [tile(119, 27), tile(120, 27), tile(119, 28), tile(120, 28)];
    const a = mosaicDems(tiles, mosaicTarget(tiles, AREA)!);
    const b = mosaicDems([...tiles].reverse(), mosaicTarget([...tiles].reverse(), AREA)!);
    expect(Array.from(b.grid.data)).toEqual(Array.from(a.grid.data));
    // The south-east tile reprojected to EPSG:4549 beforehand (500 m cells): still one grid.
    const se = tile(120, 27);
    const shape = mosaicTarget([se], null)!;
    const projected = mosaicDems([se], { ...shape, cellSize: 500, bbox: shape.bbox });
    const mixed = [tiles[0], tiles[2], tiles[3], { name: 'se-4549.tif', grid: projected.grid }];
    const m = mosaicDems(mixed, mosaicTarget(mixed, AREA)!);
    expect(m.uncovered).toBe(0);
    expect(m.supplied['se-4549.tif']).toBeGreaterThan(0);
  });
});
