/**
 * Several DEM tiles as one grid: a county is usually covered by several SRTM tiles or by
 * sheets of a provincial DEM, in any mix of CRSs and resolutions. The tiles are reprojected
 * onto one north-up grid (the project's Gauss–Krüger zone unless they share a projected CRS,
 * at the finest tile's resolution rounded to a usual cell size), clipped to the project area,
 * bilinearly (`resampleToGrid`, its approximate transformer). Where tiles overlap, the finer
 * one wins, then the first by name; a void in one tile is filled from another that has a value
 * there. Cells no tile covers, and voids no tile fills, stay NaN and are counted apart, so a
 * missing tile is named rather than drawn as a pit.
 */
import type { Grid } from '../types';
import { gaussKrugerFor, isGeographic, makeTransform, type PointTransform } from '../crs';
import { resampleToGrid } from './resample';

export interface DemTile {
  /** The file it came from, as the user named it. */
  name: string;
  /** Elevations in metres, voids NaN, in a known CRS. */
  grid: Grid<Float32Array>;
}

export interface MosaicTarget {
  crs: string;
  /** Cell size in the target CRS's units (metres). */
  cellSize: number;
  /** [minX, minY, maxX, maxY] in the target CRS, on multiples of `cellSize`. */
  bbox: [number, number, number, number];
}

export interface Mosaic {
  grid: Grid<Float32Array>;
  /** Cells that no tile covers (a gap between tiles, or the area beyond them). */
  uncovered: number;
  /** Cells inside some tile whose value is a void in every tile covering them. */
  voids: number;
  /** Cells each tile supplied, by tile name. */
  supplied: Record<string, number>;
}

/** Usual DEM cell sizes (m); the mosaic's is the one nearest the finest tile's, in ratio. */
const CELL_SIZES = [1, 2, 5, 10, 12.5, 15, 20, 25, 30, 50, 60, 90, 100, 200, 250, 500, 1000];

/** Ground size of one cell (m): the geometric mean of its width and height at the grid's centre. */
export function groundCellSize(grid: Grid<Float32Array>): number {
  const [, pw, , , , ph] = grid.transform;
  if (!isGeographic(grid.crs)) return Math.sqrt(Math.abs(pw * ph));
  const lat0 = centre(grid)[1];
  const mPerDeg = 111_320;
  return Math.sqrt(Math.abs(pw) * mPerDeg * Math.cos((lat0 * Math.PI) / 180) * Math.abs(ph) * mPerDeg);
}

function centre(grid: Grid<Float32Array>): [number, number] {
  const [ox, pw, , oy, , ph] = grid.transform;
  return [ox + (grid.width / 2) * pw, oy + (grid.height / 2) * ph];
}

/** The tile's outline in `toTarget`'s CRS: its edge sampled every 1/16 of a side (a ring, x y …). */
function footprint(grid: Grid<Float32Array>, toTarget: PointTransform): Float64Array {
  const [ox, pw, , oy, , ph] = grid.transform;
  const corners: [number, number][] = [
    [ox, oy],
    [ox + grid.width * pw, oy],
    [ox + grid.width * pw, oy + grid.height * ph],
    [ox, oy + grid.height * ph],
  ];
  const ring: number[] = [];
  const steps = 16;
  for (let s = 0; s < 4; s++) {
    const [ax, ay] = corners[s];
    const [bx, by] = corners[(s + 1) % 4];
    for (let k = 0; k < steps; k++) {
      const [x, y] = toTarget(ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps);
      ring.push(x, y);
    }
  }
  return Float64Array.from(ring);
}

function ringBBox(ring: Float64Array): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    minX = Math.min(minX, ring[i]);
    maxX = Math.max(maxX, ring[i]);
    minY = Math.min(minY, ring[i + 1]);
    maxY = Math.max(maxY, ring[i + 1]);
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Where the tiles go: the CRS they share when it is projected, otherwise the CGCS2000 3-degree
 * Gauss–Krüger zone of the area's centre; the usual cell size nearest the finest tile's; the
 * tiles' extent, clipped to `areaLngLat` (the project's extent) when given. Null when the tiles
 * do not reach the area at all.
 */
export function mosaicTarget(tiles: readonly DemTile[], areaLngLat: [number, number, number, number] | null): MosaicTarget | null {
  const crss = new Set(tiles.map((t) => t.grid.crs));
  const [only] = crss;
  let crs: string;
  if (crss.size === 1 && !isGeographic(only)) crs = only;
  else {
    let lng: number;
    if (areaLngLat) lng = (areaLngLat[0] + areaLngLat[2]) / 2;
    else {
      const boxes = tiles.map((t) => ringBBox(footprint(t.grid, makeTransform(t.grid.crs, 'EPSG:4326'))));
      lng = (Math.min(...boxes.map((b) => b[0])) + Math.max(...boxes.map((b) => b[2]))) / 2;
    }
    const zone = gaussKrugerFor(3, Math.min(135, Math.max(75, Math.round(lng / 3) * 3)), false);
    crs = zone ? `EPSG:${zone.epsg}` : 'EPSG:4549';
  }
  const finest = Math.min(...tiles.map((t) => groundCellSize(t.grid)));
  const cellSize = CELL_SIZES.reduce((best, s) => (Math.abs(Math.log(s / finest)) < Math.abs(Math.log(best / finest)) ? s : best));
  const boxes = tiles.map((t) => ringBBox(footprint(t.grid, makeTransform(t.grid.crs, crs))));
  let bbox: [number, number, number, number] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  if (areaLngLat) {
    const [w, s, e, n] = areaLngLat;
    const ring: number[] = [];
    const toTarget = makeTransform('EPSG:4326', crs);
    for (let k = 0; k <= 8; k++) {
      for (const [x, y] of [[w + ((e - w) * k) / 8, s], [w + ((e - w) * k) / 8, n], [w, s + ((n - s) * k) / 8], [e, s + ((n - s) * k) / 8]] as [number, number][]) ring.push(...toTarget(x, y));
    }
    const area = ringBBox(Float64Array.from(ring));
    bbox = [Math.max(bbox[0], area[0]), Math.max(bbox[1], area[1]), Math.min(bbox[2], area[2]), Math.min(bbox[3], area[3])];
  }
  if (!(bbox[2] > bbox[0] && bbox[3] > bbox[1])) return null;
  const snap = (v: number, up: boolean) => (up ? Math.ceil(v / cellSize) : Math.floor(v / cellSize)) * cellSize;
  return { crs, cellSize, bbox: [snap(bbox[0], false), snap(bbox[1], false), snap(bbox[2], true), snap(bbox[3], true)] };
}

/** Columns [c0, c1) of row `y` inside the ring (even–odd rule over the ring's edges). */
function rowSpans(ring: Float64Array, y: number, x0: number, cell: number, width: number, out: Uint8Array, o: number): void {
  const xs: number[] = [];
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = ring[2 * i + 1], yj = ring[2 * j + 1];
    if ((yi > y) !== (yj > y)) xs.push(ring[2 * j] + ((y - yj) * (ring[2 * i] - ring[2 * j])) / (yi - yj));
  }
  xs.sort((a, b) => a - b);
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const c0 = Math.max(0, Math.ceil((xs[k] - x0) / cell - 0.5));
    const c1 = Math.min(width, Math.ceil((xs[k + 1] - x0) / cell - 0.5));
    for (let c = c0; c < c1; c++) out[o + c] = 1;
  }
}

/**
 * Reprojects and merges the tiles onto `target` (see the module comment). `onProgress` gets
 * (tiles done, tiles); the work is per tile, in the tile's window of the target grid only.
 */
export function mosaicDems(tiles: readonly DemTile[], target: MosaicTarget, onProgress?: (done: number, total: number) => void): Mosaic {
  const { crs, cellSize, bbox } = target;
  const width = Math.round((bbox[2] - bbox[0]) / cellSize);
  const height = Math.round((bbox[3] - bbox[1]) / cellSize);
  const data = new Float32Array(width * height).fill(NaN);
  const covered = new Uint8Array(width * height);
  const supplied: Record<string, number> = {};
  // Finer tiles first, then by name: the order decides overlaps, so it never depends on the drop order.
  const order = [...tiles].sort((a, b) => groundCellSize(a.grid) - groundCellSize(b.grid) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  order.forEach((tile, t) => {
    onProgress?.(t, order.length);
    const ring = footprint(tile.grid, makeTransform(tile.grid.crs, crs));
    const [minX, minY, maxX, maxY] = ringBBox(ring);
    const c0 = Math.max(0, Math.floor((minX - bbox[0]) / cellSize));
    const c1 = Math.min(width, Math.ceil((maxX - bbox[0]) / cellSize));
    const r0 = Math.max(0, Math.floor((bbox[3] - maxY) / cellSize));
    const r1 = Math.min(height, Math.ceil((bbox[3] - minY) / cellSize));
    supplied[tile.name] = 0;
    if (c1 <= c0 || r1 <= r0) return;
    const w = c1 - c0;
    const x0 = bbox[0] + c0 * cellSize;
    const transform: [number, number, number, number, number, number] = [x0, cellSize, 0, bbox[3] - r0 * cellSize, 0, -cellSize];
    const toSource = tile.grid.crs === crs ? undefined : makeTransform(crs, tile.grid.crs);
    const values = resampleToGrid(tile.grid, { width: w, height: r1 - r0, transform }, { method: 'bilinear', toSource });
    for (let r = r0; r < r1; r++) {
      rowSpans(ring, bbox[3] - (r + 0.5) * cellSize, x0, cellSize, w, covered, r * width + c0);
      const o = r * width;
      const vo = (r - r0) * w;
      for (let c = 0; c < w; c++) {
        const v = values[vo + c];
        if (!Number.isNaN(v) && Number.isNaN(data[o + c0 + c])) {
          data[o + c0 + c] = v;
          supplied[tile.name]++;
        }
      }
    }
  });
  onProgress?.(order.length, order.length);
  let uncovered = 0;
  let voids = 0;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isNaN(data[i])) continue;
    if (covered[i]) voids++;
    else uncovered++;
  }
  return { grid: { width, height, data, transform: [bbox[0], cellSize, 0, bbox[3], 0, -cellSize], crs, nodata: null }, uncovered, voids, supplied };
}
