import { createNoise2D } from 'simplex-noise';
import { costDistance } from '../../src/core/costdistance';
import type { Rng } from '../../src/core/random';
import { boxBlur, chamferDistance, colToX, northUpTransform, rowToY } from '../../src/core/raster';
import type { GeoTransform } from '../../src/core/types';
import type { PolygonXY } from './geometry';
import { polygonizeMask } from './geometry';
import { townshipStem } from './names';
import type { Frame } from './options';
import { fbm } from './terrain';

/**
 * County outline and townships on the admin grid (4 DEM cells = 120 m). Both are polygonized
 * from masks on the same grid, so township borders coincide with each other and with the county.
 */

export const ADMIN_FACTOR = 4;
export const COUNTY_CODE = '331199';
export const COUNTY_NAME = '示范县';

export interface AdminGrid {
  width: number;
  height: number;
  cellSizeMeters: number;
  transform: GeoTransform;
}

export function makeAdminGrid(frame: Frame): AdminGrid {
  const width = Math.ceil(frame.width / ADMIN_FACTOR);
  const height = Math.ceil(frame.height / ADMIN_FACTOR);
  const cell = frame.cellSizeMeters * ADMIN_FACTOR;
  const top = frame.transform[3];
  return { width, height, cellSizeMeters: cell, transform: northUpTransform(frame.transform[0], top - height * cell, cell, height) };
}

/** Admin-grid cell of a DEM cell. */
export function adminCellOf(frame: Frame, grid: AdminGrid, cell: number): number {
  const r = Math.floor(cell / frame.width);
  const c = cell - r * frame.width;
  return Math.floor(r / ADMIN_FACTOR) * grid.width + Math.floor(c / ADMIN_FACTOR);
}

/**
 * An irregular county mask: a noisy ellipse kept ≥ 1.5 km inside the DEM edge, reduced to its
 * largest 4-connected piece with holes filled.
 */
export function makeCountyMask(grid: AdminGrid, rng: Rng): Uint8Array {
  const { width, height, cellSizeMeters } = grid;
  const noise = createNoise2D(() => rng.next());
  const margin = Math.ceil(1500 / cellSizeMeters) + 1;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - margin;
  const ry = height / 2 - margin;
  const mask = new Uint8Array(width * height);
  for (let r = margin; r < height - margin; r++) {
    for (let c = margin; c < width - margin; c++) {
      const dx = (c - cx) / rx;
      const dy = (r - cy) / ry;
      const d = Math.sqrt(dx * dx + dy * dy);
      const xKm = (c * cellSizeMeters) / 1000;
      const yKm = (r * cellSizeMeters) / 1000;
      const edge = 0.86 + 0.16 * fbm(noise, xKm / 9, yKm / 9, 4);
      // Fill corners a little more so the county is less elliptical.
      const square = Math.max(Math.abs(dx), Math.abs(dy));
      if (0.55 * d + 0.45 * square < edge) mask[r * width + c] = 1;
    }
  }
  return keepLargestComponent(mask, width, height);
}

/** Keeps the largest 4-connected component of a mask and fills its holes. */
export function keepLargestComponent(mask: Uint8Array, width: number, height: number): Uint8Array {
  const n = width * height;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let best = -1;
  let bestSize = 0;
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (!mask[s] || label[s] >= 0) continue;
    queue[0] = s;
    label[s] = next;
    const size = spread4(width, height, queue, 1, (j) => mask[j] === 1 && label[j] < 0, (j) => (label[j] = next));
    if (size > bestSize) {
      bestSize = size;
      best = next;
    }
    next++;
  }
  // Outside = 4-connected background reachable from the border; everything else is kept.
  const outside = new Uint8Array(n);
  let seeds = 0;
  for (let i = 0; i < n; i++) {
    const r = (i / width) | 0;
    const c = i - r * width;
    if ((r === 0 || c === 0 || r === height - 1 || c === width - 1) && label[i] !== best) {
      outside[i] = 1;
      queue[seeds++] = i;
    }
  }
  spread4(width, height, queue, seeds, (j) => !outside[j] && label[j] !== best, (j) => (outside[j] = 1));
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = outside[i] ? 0 : 1;
  return out;
}

/**
 * Breadth-first spread over 4-neighbours from the `seeds` cells already in `queue`:
 * each neighbour that `accept`s is `visit`ed and queued. Returns how many cells were queued.
 */
function spread4(width: number, height: number, queue: Int32Array, seeds: number, accept: (j: number) => boolean, visit: (j: number) => void): number {
  let head = 0;
  let tail = seeds;
  while (head < tail) {
    const i = queue[head++];
    const r = (i / width) | 0;
    const c = i - r * width;
    const nbs = [c > 0 ? i - 1 : -1, c < width - 1 ? i + 1 : -1, r > 0 ? i - width : -1, r < height - 1 ? i + width : -1];
    for (const j of nbs) {
      if (j >= 0 && accept(j)) {
        visit(j);
        queue[tail++] = j;
      }
    }
  }
  return tail;
}

/** DEM-cell data mask: the county dilated by `marginM` (cells outside become nodata). */
export function dataMask(frame: Frame, grid: AdminGrid, county: Uint8Array, marginM: number): Uint8Array {
  const dist = chamferDistance(county, grid.width, grid.height);
  const limit = marginM / grid.cellSizeMeters;
  const out = new Uint8Array(frame.width * frame.height);
  for (let i = 0; i < out.length; i++) out[i] = dist[adminCellOf(frame, grid, i)] <= limit ? 1 : 0;
  return out;
}

export interface Township {
  index: number;
  code: string;
  name: string;
  kind: 'subdistrict' | 'town' | 'township';
  /** Seat location (DEM cell and EPSG:4549 metres). */
  seatCell: number;
  seatX: number;
  seatY: number;
  polygons: PolygonXY[];
  areaKm2: number;
}

/**
 * Township seats: valley sites with the most flat land around them, greedily spread apart.
 * The first seat is the county seat, on the main river. Returns DEM cells.
 */
export function chooseSeats(
  frame: Frame,
  grid: AdminGrid,
  county: Uint8Array,
  slopeDeg: Float32Array,
  dem: Int16Array,
  trunk: Uint8Array,
  channel: Uint8Array,
  reservoir: Uint8Array,
  count: number,
): number[] {
  const { width, height } = frame;
  const flat = new Float32Array(width * height);
  for (let i = 0; i < flat.length; i++) flat[i] = slopeDeg[i] < 8 && !reservoir[i] ? 1 : 0;
  const flatFrac = boxBlur(flat, width, height, Math.round(600 / frame.cellSizeMeters));
  const inner = chamferDistance(county.map((v) => (v ? 0 : 1)), grid.width, grid.height);
  const minInner = 1500 / grid.cellSizeMeters;
  const score = new Float32Array(width * height);
  let seat = -1;
  let seatScore = -1;
  for (let i = 0; i < score.length; i++) {
    const a = adminCellOf(frame, grid, i);
    if (!county[a] || inner[a] < minInner || reservoir[i] || channel[i] || slopeDeg[i] > 6) continue;
    const low = 1 - (dem[i] - 80) / 1820;
    score[i] = flatFrac[i] * low * low;
    // County seat: near the main river (within ~3 cells of it).
    if (score[i] > seatScore && nearMask(trunk, width, height, i, 3)) {
      seatScore = score[i];
      seat = i;
    }
  }
  const seats = [seat];
  const countyCells = county.reduce((s, v) => s + v, 0);
  const spacing = Math.sqrt((countyCells * grid.cellSizeMeters * grid.cellSizeMeters) / count) * 0.75;
  const idx = Array.from(score.keys()).filter((i) => score[i] > 0.05);
  idx.sort((a, b) => score[b] - score[a] || a - b);
  for (let pass = 0; pass < 3 && seats.length < count; pass++) {
    const minD = spacing * (1 - 0.25 * pass);
    for (const i of idx) {
      if (seats.length >= count) break;
      const x = i % width;
      const y = (i / width) | 0;
      let ok = true;
      for (const s of seats) {
        const dx = (s % width) - x;
        const dy = ((s / width) | 0) - y;
        if (Math.sqrt(dx * dx + dy * dy) * frame.cellSizeMeters < minD) {
          ok = false;
          break;
        }
      }
      if (ok) seats.push(i);
    }
  }
  return seats;
}

function nearMask(mask: Uint8Array, width: number, height: number, i: number, radius: number): boolean {
  const r0 = (i / width) | 0;
  const c0 = i - r0 * width;
  for (let r = Math.max(0, r0 - radius); r <= Math.min(height - 1, r0 + radius); r++) {
    for (let c = Math.max(0, c0 - radius); c <= Math.min(width - 1, c0 + radius); c++) if (mask[r * width + c]) return true;
  }
  return false;
}

/**
 * Allocates each county cell of the admin grid to the seat with least travel cost (friction
 * grows with slope, so borders fall on ridges) and polygonizes each township.
 * Returns the per-cell township index (-1 outside) and the townships.
 */
export function buildTownships(
  frame: Frame,
  grid: AdminGrid,
  county: Uint8Array,
  slopeDeg: Float32Array,
  seats: number[],
  rng: Rng,
): { townshipOfCell: Int16Array; townships: Township[] } {
  const n = grid.width * grid.height;
  const friction = new Float32Array(n);
  const slopeSum = new Float32Array(n);
  const slopeCount = new Float32Array(n);
  for (let i = 0; i < slopeDeg.length; i++) {
    const a = adminCellOf(frame, grid, i);
    slopeSum[a] += slopeDeg[i];
    slopeCount[a]++;
  }
  for (let a = 0; a < n; a++) {
    const s = slopeCount[a] ? slopeSum[a] / slopeCount[a] : 0;
    const t = Math.tan((s * Math.PI) / 180);
    friction[a] = county[a] ? 1 + 12 * t * t : Infinity;
  }
  const sources = seats.map((cell) => adminCellOf(frame, grid, cell));
  const { allocation } = costDistance(friction, grid.width, grid.height, grid.cellSizeMeters, sources);
  const townshipOfCell = new Int16Array(n).fill(-1);
  for (let a = 0; a < n; a++) if (county[a] && allocation[a] >= 0) townshipOfCell[a] = allocation[a];
  const stems = new Set<string>();
  const townships: Township[] = [];
  const mask = new Uint8Array(n);
  // Code blocks follow the statistical convention: 001–099 subdistricts, 100–199 towns, 200–299 townships.
  let towns = 0;
  let rural = 0;
  const townCount = Math.max(1, Math.round((seats.length - 1) * 0.45));
  for (let k = 0; k < seats.length; k++) {
    for (let a = 0; a < n; a++) mask[a] = townshipOfCell[a] === k ? 1 : 0;
    const polygons = polygonizeMask(mask, grid.width, grid.height, grid.transform);
    let cells = 0;
    for (let a = 0; a < n; a++) cells += mask[a];
    const kind: Township['kind'] = k === 0 ? 'subdistrict' : k <= townCount ? 'town' : 'township';
    const stem = townshipStem(rng, stems);
    const code = kind === 'subdistrict' ? `${COUNTY_CODE}001` : kind === 'town' ? `${COUNTY_CODE}${101 + towns++}` : `${COUNTY_CODE}${201 + rural++}`;
    const name = stem + (kind === 'subdistrict' ? '街道' : kind === 'town' ? '镇' : '乡');
    const cell = seats[k];
    const r = Math.floor(cell / frame.width);
    const c = cell - r * frame.width;
    townships.push({
      index: k,
      code,
      name,
      kind,
      seatCell: cell,
      seatX: colToX(frame.transform, c),
      seatY: rowToY(frame.transform, r),
      polygons,
      areaKm2: (cells * grid.cellSizeMeters * grid.cellSizeMeters) / 1e6,
    });
  }
  return { townshipOfCell, townships };
}
