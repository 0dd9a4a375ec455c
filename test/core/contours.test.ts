import { describe, it, expect } from 'vitest';
import { contourLines, type ContourLines } from '../../src/core/contours';
import type { GeoTransform, Grid } from '../../src/core/types';

const TRANSFORM: GeoTransform = [1000, 10, 0, 5000, 0, -10];

function grid(width: number, height: number, z: (col: number, row: number) => number, nodata: number | null = null): Grid<Float32Array> {
  const data = new Float32Array(width * height);
  for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) data[row * width + col] = z(col, row);
  return { width, height, data, transform: TRANSFORM, crs: 'EPSG:4549', nodata };
}

/** Cone of height 100 on a 13×13 grid, falling 10 per cell from the centre cell (6, 6). */
const cone = grid(13, 13, (c, r) => 100 - 10 * Math.hypot(c - 6, r - 6));

interface Line {
  level: number;
  xy: [number, number][];
}

function lines(out: ContourLines): Line[] {
  const result: Line[] = [];
  for (let l = 0; l < out.levels.length; l++) {
    const xy: [number, number][] = [];
    for (let v = out.lineOffsets[l]; v < out.lineOffsets[l + 1]; v++) xy.push([out.coords[2 * v], out.coords[2 * v + 1]]);
    result.push({ level: out.levels[l], xy });
  }
  return result;
}

const isClosed = (line: Line): boolean => line.xy[0][0] === line.xy[line.xy.length - 1][0] && line.xy[0][1] === line.xy[line.xy.length - 1][1];

function countByLevel(all: Line[]): Record<number, { open: number; closed: number }> {
  const counts: Record<number, { open: number; closed: number }> = {};
  for (const line of all) {
    counts[line.level] ??= { open: 0, closed: 0 };
    counts[line.level][isClosed(line) ? 'closed' : 'open']++;
  }
  return counts;
}

/**
 * Verifier: every vertex lies on an edge between two samples (cell centres, every `step`
 * cells) and the linear interpolation of their values there equals the line's level.
 */
function maxLevelError(g: Grid<Float32Array>, out: ContourLines, step = 1): number {
  const [ox, pw, , oy, , ph] = g.transform;
  let worst = 0;
  for (const line of lines(out)) {
    for (const [x, y] of line.xy) {
      const col = ((x - ox) / pw - 0.5) / step;
      const row = ((y - oy) / ph - 0.5) / step;
      const onColumn = Math.abs(col - Math.round(col)) < 1e-9;
      const i = onColumn ? Math.round(col) : Math.floor(col);
      const j = onColumn ? Math.floor(row) : Math.round(row);
      const t = onColumn ? row - j : col - i;
      const a = g.data[j * step * g.width + i * step];
      const b = onColumn ? g.data[(j + 1) * step * g.width + i * step] : g.data[j * step * g.width + (i + 1) * step];
      // t = 1 lands on the next sample, which the floor above does not reach.
      const z = t === 0 ? a : a + t * (b - a);
      worst = Math.max(worst, Math.abs(z - line.level));
    }
  }
  return worst;
}

describe('contourLines', () => {
  it('cone: closed rings where the level stays inside the grid, four corner arcs where it does not', () => {
    const out = contourLines(cone, { intervalM: 20, baseM: 10 });
    expect(Array.from(new Set(out.levels))).toEqual([30, 50, 70, 90]);
    expect(countByLevel(lines(out))).toEqual({
      30: { open: 4, closed: 0 },
      50: { open: 0, closed: 1 },
      70: { open: 0, closed: 1 },
      90: { open: 0, closed: 1 },
    });
    expect(maxLevelError(cone, out)).toBeLessThan(1e-9);
  });

  it('cone sampled every 2nd cell still closes its rings and stays on its levels', () => {
    const out = contourLines(cone, { intervalM: 20, baseM: 10, step: 2 });
    const counts = countByLevel(lines(out));
    expect(counts[50]).toEqual({ open: 0, closed: 1 });
    expect(counts[70]).toEqual({ open: 0, closed: 1 });
    expect(maxLevelError(cone, out, 2)).toBeLessThan(1e-9);
  });

  it('plane rising to the east: one straight north-going line per level, higher ground on its right', () => {
    const plane = grid(6, 4, (c) => 10 * c);
    const out = contourLines(plane, { intervalM: 15 });
    const all = lines(out);
    expect(all.map((l) => l.level)).toEqual([15, 30, 45]);
    for (const line of all) {
      expect(line.xy).toHaveLength(4);
      const expectedX = TRANSFORM[0] + (line.level / 10 + 0.5) * TRANSFORM[1];
      for (const [x] of line.xy) expect(x).toBeCloseTo(expectedX, 9);
      expect(line.xy[line.xy.length - 1][1]).toBeGreaterThan(line.xy[0][1]);
    }
    expect(maxLevelError(plane, out)).toBeLessThan(1e-9);
  });

  it('nodata cells split lines and are never interpolated', () => {
    const plane = grid(7, 5, (c, r) => (c === 3 ? -9999 : 10 * r), -9999);
    const out = contourLines(plane, { intervalM: 10, baseM: 5 });
    expect(countByLevel(lines(out))).toEqual({ 5: { open: 2, closed: 0 }, 15: { open: 2, closed: 0 }, 25: { open: 2, closed: 0 }, 35: { open: 2, closed: 0 } });
    expect(maxLevelError(plane, out)).toBeLessThan(1e-9);
  });

  it('saddles resolve by the square mean, the same way every run', () => {
    const saddleHigh = grid(2, 2, (c, r) => (c === r ? 10 : 0));
    const a = contourLines(saddleHigh, { intervalM: 4 });
    const b = contourLines(saddleHigh, { intervalM: 4 });
    expect(a).toEqual(b);
    // Mean 5: level 4 has the high corners joined, level 8 separates them; two lines each.
    expect(countByLevel(lines(a))).toEqual({ 4: { open: 2, closed: 0 }, 8: { open: 2, closed: 0 } });
    expect(maxLevelError(saddleHigh, a)).toBeLessThan(1e-9);
    // Each two-vertex line cuts off one corner; name the corner nearest its midpoint.
    const cutOff = (level: number): string[] =>
      lines(a)
        .filter((l) => l.level === level)
        .map((l) => {
          const col = ((l.xy[0][0] + l.xy[1][0]) / 2 - TRANSFORM[0]) / TRANSFORM[1] - 0.5;
          const row = ((l.xy[0][1] + l.xy[1][1]) / 2 - TRANSFORM[3]) / TRANSFORM[5] - 0.5;
          return `${row < 0.5 ? 't' : 'b'}${col < 0.5 ? 'l' : 'r'}`;
        })
        .sort();
    expect(cutOff(4)).toEqual(['bl', 'tr']);
    expect(cutOff(8)).toEqual(['br', 'tl']);
  });

  it('a flat or too small grid has no lines', () => {
    for (const g of [grid(5, 5, () => 100), grid(1, 9, (_, r) => r * 100)]) {
      const out = contourLines(g, { intervalM: 10 });
      expect(out.levels.length).toBe(0);
      expect(Array.from(out.lineOffsets)).toEqual([0]);
    }
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    contourLines(cone, { intervalM: 20, onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('a 1667 × 1334 DEM at step 3 and 100 m takes well under a second', () => {
    const dem = grid(1667, 1334, (c, r) => 800 + 600 * Math.sin(c / 97) * Math.cos(r / 131) + 40 * Math.sin(c / 7) * Math.sin(r / 5));
    const start = performance.now();
    const out = contourLines(dem, { intervalM: 100, step: 3 });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(out.levels.length).toBeGreaterThan(10);
  });
});
