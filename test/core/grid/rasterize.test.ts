import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rasterize, type GridShape } from '../../../src/core/grid/rasterize';
import { createRng } from '../../../src/core/random';
import type { ColumnarGeometry, GeometryKind, Grid, RasterArray } from '../../../src/core/types';
import { readGeoTiff } from '../../../src/io/geotiff';

const FIXTURES = new URL('../../fixtures/grid/rasterize/', import.meta.url);

type Position = [number, number];
interface Feature {
  geometry: { type: string; coordinates: unknown } | null;
}

/** GeoJSON features of one kind (Multi* included) as columnar geometry. */
function columnar(features: Feature[], kind: GeometryKind): ColumnarGeometry {
  const coords: number[] = [];
  const geom = [0];
  const parts = [0];
  const rings = [0];
  const push = (p: Position): void => void coords.push(p[0], p[1]);
  for (const { geometry: g } of features) {
    if (g && kind === 'Point') {
      for (const p of g.type === 'Point' ? [g.coordinates as Position] : (g.coordinates as Position[])) push(p);
    } else if (g && kind === 'LineString') {
      for (const line of g.type === 'LineString' ? [g.coordinates as Position[]] : (g.coordinates as Position[][])) {
        line.forEach(push);
        parts.push(coords.length / 2);
      }
    } else if (g) {
      for (const polygon of g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][])) {
        for (const ring of polygon) {
          ring.forEach(push);
          rings.push(coords.length / 2);
        }
        parts.push(rings.length - 1);
      }
    }
    geom.push(kind === 'Point' ? coords.length / 2 : parts.length - 1);
  }
  return { kind, coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geom), partOffsets: Uint32Array.from(parts), ringOffsets: Uint32Array.from(rings) };
}

function layer(name: string, kind: GeometryKind): ColumnarGeometry {
  return columnar((JSON.parse(readFileSync(new URL(`${name}.geojson`, FIXTURES), 'utf8')) as { features: Feature[] }).features, kind);
}

async function gdalMask(name: string): Promise<Grid<RasterArray>> {
  const bytes = readFileSync(new URL(`${name}.tif`, FIXTURES));
  const read = await readGeoTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function differences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function count(a: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i]) n++;
  return n;
}

/** A 10×8 grid of 10 m cells, top-left corner (0, 80): cell (c, r) spans x [10c, 10c+10], y [70−10r, 80−10r]. */
const SMALL: GridShape = { width: 10, height: 8, transform: [0, 10, 0, 80, 0, -10] };

function polygons(...features: Position[][][]): ColumnarGeometry {
  return columnar(features.map((rings) => ({ geometry: { type: 'Polygon', coordinates: rings } })), 'Polygon');
}

function cells(mask: Uint8Array, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(`${i % width},${Math.floor(i / width)}`);
  return out;
}

describe('rasterize against gdal_rasterize (GDAL 3.6, test/fixtures/grid/rasterize)', () => {
  // Seeded random coordinates: no vertex or crossing on a cell edge or centre.
  // ties-*: every vertex on a cell edge, corner or centre (see make.sh).
  const cases: [string, GeometryKind][] = [
    ['polygons', 'Polygon'],
    ['lines', 'LineString'],
    ['points', 'Point'],
    ['ties-polygons', 'Polygon'],
    ['ties-lines', 'LineString'],
  ];
  for (const [name, kind] of cases) {
    for (const allTouched of [false, true]) {
      it(`${name}${allTouched ? ' -at' : ''}: the same mask, cell for cell`, async () => {
        const gdal = await gdalMask(allTouched ? `${name}-at` : name);
        const mine = rasterize(layer(name, kind), gdal, { allTouched });
        expect(count(gdal.data)).toBeGreaterThan(kind === 'Point' ? 40 : 100);
        expect(differences(mine, gdal.data)).toBe(0);
      });
    }
  }
});

describe('rasterize', () => {
  it('burns cells whose centre is inside, leaving holes empty', () => {
    const outer: Position[] = [[10, 10], [70, 10], [70, 70], [10, 70], [10, 10]];
    const hole: Position[] = [[30, 30], [30, 50], [50, 50], [50, 30], [30, 30]];
    const mask = rasterize(polygons([outer, hole]), SMALL);
    // Columns 1..6, rows 1..6, minus columns 3..4 of rows 3..4.
    expect(count(mask)).toBe(36 - 4);
    expect(mask[3 * 10 + 3]).toBe(0);
    expect(mask[1 * 10 + 1]).toBe(1);
    expect(mask[7 * 10 + 1]).toBe(0);
  });

  it('adds up the parts of a MultiPolygon where they overlap (GDAL fills parts one by one)', () => {
    const a: Position[] = [[0, 0], [50, 0], [50, 50], [0, 50], [0, 0]];
    const b: Position[] = [[30, 30], [80, 30], [80, 80], [30, 80], [30, 30]];
    const multi = columnar([{ geometry: { type: 'MultiPolygon', coordinates: [[a], [b]] } }], 'Polygon');
    const mask = rasterize(multi, SMALL);
    expect(count(mask)).toBe(25 + 25 - 4);
    expect(mask[4 * 10 + 3]).toBe(1); // centre (35, 35), in both parts
  });

  it('treats rings the same whether or not they repeat their first vertex', () => {
    const closed = polygons([[[5, 5], [75, 12], [40, 77], [5, 5]]]);
    const open = polygons([[[5, 5], [75, 12], [40, 77]]]);
    expect(cells(rasterize(open, SMALL), 10)).toEqual(cells(rasterize(closed, SMALL), 10));
    expect(cells(rasterize(open, SMALL, { allTouched: true }), 10)).toEqual(cells(rasterize(closed, SMALL, { allTouched: true }), 10));
  });

  it('all-touched burns a superset: every cell the outline crosses', () => {
    const tri = polygons([[[3, 4], [77, 11], [41, 76], [3, 4]]]);
    const centre = rasterize(tri, SMALL);
    const touched = rasterize(tri, SMALL, { allTouched: true });
    for (let i = 0; i < centre.length; i++) if (centre[i]) expect(touched[i]).toBe(1);
    expect(count(touched)).toBeGreaterThan(count(centre));
  });

  it('clips features partly or wholly outside the grid, and lines far away cost nothing', () => {
    const big = polygons([[[-1e6, -1e6], [1e6, -1e6], [1e6, 34], [-1e6, 34], [-1e6, -1e6]]]);
    const mask = rasterize(big, SMALL);
    // Rows whose centre y (75, 65, …, 5) is below 34: rows 5, 6, 7.
    expect(count(mask)).toBe(30);
    expect(mask[4 * 10]).toBe(0);
    // A crossing 2^32 cells away must not wrap around (into column 6) in the Int32 crossing buffer.
    const far = 2 ** 32 * 10 + 55;
    const huge = polygons([[[-1e3, 5], [far, 5], [far, 34], [-1e3, 34], [-1e3, 5]]]);
    expect(count(rasterize(huge, SMALL))).toBe(30);
    const long = columnar([{ geometry: { type: 'LineString', coordinates: [[-1e9, 40], [1e9, 41]] } }, { geometry: { type: 'LineString', coordinates: [[5e8, 5e8], [6e8, 6e8]] } }], 'LineString');
    const t0 = performance.now();
    const lines = rasterize(long, SMALL);
    const lines2 = rasterize(long, SMALL, { allTouched: true });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(count(lines)).toBe(10);
    expect(count(lines2)).toBe(10);
  });

  it('burns points and MultiPoints into the cell holding them, ignoring NaN and outside points', () => {
    const points: ColumnarGeometry = { kind: 'Point', coords: Float64Array.from([5, 75, 15, 65, NaN, NaN, 1e6, 5]), geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) };
    expect(cells(rasterize(points, SMALL), 10)).toEqual(['0,0', '1,1']);
    const multi = columnar([{ geometry: { type: 'MultiPoint', coordinates: [[95, 5], [55, 45]] } }, { geometry: null }], 'Point');
    expect(cells(rasterize(multi, SMALL), 10)).toEqual(['5,3', '9,7']);
  });

  it('burns only the listed features, into a given mask, with a given value', () => {
    const three = polygons([[[0, 70], [10, 70], [10, 80], [0, 80], [0, 70]]], [[[20, 70], [30, 70], [30, 80], [20, 80], [20, 70]]], [[[40, 70], [50, 70], [50, 80], [40, 80], [40, 70]]]);
    const out = new Uint8Array(80).fill(9);
    const mask = rasterize(three, SMALL, { features: [2, 0, 7], out, value: 3 });
    expect(mask).toBe(out);
    expect([mask[0], mask[2], mask[4], mask[5]]).toEqual([3, 9, 3, 9]);
  });

  it('skips empty features (no parts) of every kind', () => {
    const empty: ColumnarGeometry = { kind: 'Polygon', coords: new Float64Array(0), geomOffsets: Uint32Array.from([0, 0]), partOffsets: Uint32Array.from([0]), ringOffsets: Uint32Array.from([0]) };
    expect(count(rasterize(empty, SMALL))).toBe(0);
    expect(count(rasterize({ ...empty, kind: 'LineString' }, SMALL, { allTouched: true }))).toBe(0);
    expect(count(rasterize({ ...empty, kind: 'Point' }, SMALL))).toBe(0);
  });

  it('draws lines with Bresenham between the cells of their vertices, taking the minor step on ties as GDAL does', () => {
    // Cells (0,0) → (2,1): on the tie at the middle cell GDAL 3.6 steps down first.
    const line = columnar([{ geometry: { type: 'LineString', coordinates: [[5, 75], [25, 65]] } }], 'LineString');
    expect(cells(rasterize(line, SMALL), 10)).toEqual(['0,0', '1,1', '2,1']);
  });

  it('throws on a rotated transform', () => {
    expect(() => rasterize(polygons(), { ...SMALL, transform: [0, 10, 0.5, 80, 0, -10] })).toThrow(/rotated/);
  });

  it('agrees with an even-odd point-in-polygon test at every cell centre (seeded random polygons with holes)', () => {
    const rng = createRng(31);
    const grid: GridShape = { width: 40, height: 30, transform: [0, 10, 0, 300, 0, -10] };
    for (let trial = 0; trial < 20; trial++) {
      const rings: Position[][] = [];
      for (let k = 0, n = rng.int(1, 4); k < n; k++) {
        const ring: Position[] = [];
        for (let v = 0, m = rng.int(3, 12); v < m; v++) ring.push([rng.range(-20, 420), rng.range(-20, 320)]);
        rings.push(ring);
      }
      const mask = rasterize(polygons(rings), grid);
      const wrong: string[] = [];
      for (let r = 0; r < grid.height; r++) {
        for (let c = 0; c < grid.width; c++) {
          const x = c * 10 + 5;
          const y = 300 - r * 10 - 5;
          let inside = false;
          for (const ring of rings) {
            for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
              const [xi, yi] = ring[i];
              const [xj, yj] = ring[j];
              if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
            }
          }
          if (mask[r * grid.width + c] !== (inside ? 1 : 0)) wrong.push(`${c},${r}`);
        }
      }
      expect(wrong, `trial ${trial}`).toEqual([]);
    }
  });

  it('all-touched lines burn exactly the cells their segments cross (seeded random segments)', () => {
    const rng = createRng(32);
    const grid: GridShape = { width: 30, height: 20, transform: [0, 1, 0, 20, 0, -1] };
    /** Length of segment a–b inside the cell [c, c+1] × [r, r+1] of pixel space (Liang–Barsky). */
    const inside = (ax: number, ay: number, bx: number, by: number, c: number, r: number): number => {
      let t0 = 0;
      let t1 = 1;
      const dx = bx - ax;
      const dy = by - ay;
      for (const [p, q] of [[-dx, ax - c], [dx, c + 1 - ax], [-dy, ay - r], [dy, r + 1 - ay]]) {
        if (p === 0) {
          if (q < 0) return 0;
        } else if (p < 0) t0 = Math.max(t0, q / p);
        else t1 = Math.min(t1, q / p);
      }
      return t1 > t0 ? (t1 - t0) * Math.hypot(dx, dy) : 0;
    };
    for (let trial = 0; trial < 200; trial++) {
      const [ax, ay, bx, by] = [rng.range(-5, 35), rng.range(-5, 25), rng.range(-5, 35), rng.range(-5, 25)];
      // Pixel space here has y down from the top (20): map y = 20 − pixel y.
      const line = columnar([{ geometry: { type: 'LineString', coordinates: [[ax, 20 - ay], [bx, 20 - by]] } }], 'LineString');
      const mask = rasterize(line, grid, { allTouched: true });
      const wrong: string[] = [];
      for (let r = 0; r < grid.height; r++) {
        for (let c = 0; c < grid.width; c++) {
          const length = inside(ax, ay, bx, by, c, r);
          // Cells crossed for more than a hair are burnt; cells not reached at all are not.
          if ((length > 1e-9 && !mask[r * grid.width + c]) || (mask[r * grid.width + c] && length === 0)) wrong.push(`${c},${r}`);
        }
      }
      expect(wrong, `trial ${trial}`).toEqual([]);
    }
  });
});
