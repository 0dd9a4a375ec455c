import { colToX, rowToY } from '../../src/core/raster';
import type { XY } from './geometry';
import type { Routing } from './hydrology';
import type { Frame } from './options';

/**
 * A reservoir behind a dam at a narrow point of a major tributary: candidate dam cells along
 * tributary channels are scored by impounded area per metre of dam, the water level is the
 * dam-foot elevation plus a dam height, and the lake is the connected set of cells at or below
 * the level upstream of a thick dam line.
 */
export interface Reservoir {
  /** DEM cells under water. */
  mask: Uint8Array;
  levelM: number;
  damCell: number;
  /** Dam crest end points in EPSG:4549 metres. */
  dam: [XY, XY];
  areaKm2: number;
}

const DAM_HEIGHT_M = 55;

export function chooseReservoir(
  frame: Frame,
  z: Float64Array,
  routing: Routing,
  trunk: Uint8Array,
  allowed: (cell: number) => boolean,
): Reservoir | null {
  const { width, height, cellSizeMeters } = frame;
  const { receiver, areaM2 } = routing;
  const n = width * height;
  const cellKm2 = (cellSizeMeters * cellSizeMeters) / 1e6;
  const domainKm2 = n * cellKm2;
  const minArea = Math.max(8, domainKm2 * 0.012) * 1e6;
  const maxArea = Math.max(40, domainKm2 * 0.12) * 1e6;
  const maxLakeCells = Math.round((Math.max(2, domainKm2 * 0.006) * 1e6) / (cellSizeMeters * cellSizeMeters));
  const minLakeCells = Math.round(0.15e6 / (cellSizeMeters * cellSizeMeters));
  const barrier = new Uint8Array(n);
  const lake = new Uint8Array(n);
  const queue = new Int32Array(n);
  let best: Reservoir | null = null;
  let bestScore = 0;
  for (let i = 0; i < n; i += 3) {
    if (areaM2[i] < minArea || areaM2[i] > maxArea || trunk[i] || !allowed(i)) continue;
    const r0 = (i / width) | 0;
    const c0 = i - r0 * width;
    const rec = receiver[i];
    if (rec === i) continue;
    // Flow direction and the dam axis perpendicular to it.
    let fx = (rec % width) - c0;
    let fy = ((rec / width) | 0) - r0;
    const fl = Math.hypot(fx, fy);
    fx /= fl;
    fy /= fl;
    const px = -fy;
    const py = fx;
    const level = Math.round(z[i] + DAM_HEIGHT_M);
    const ends: XY[] = [];
    const damCells: number[] = [];
    let ok = true;
    for (const side of [1, -1]) {
      let t = 0;
      for (;;) {
        t += 0.5;
        const c = Math.round(c0 + side * px * t);
        const r = Math.round(r0 + side * py * t);
        if (c < 1 || r < 1 || c >= width - 1 || r >= height - 1 || t > 1500 / cellSizeMeters) {
          ok = false;
          break;
        }
        const cell = r * width + c;
        damCells.push(cell);
        if (z[cell] > level + 2) {
          ends.push([colToX(frame.transform, c0 + side * px * t), rowToY(frame.transform, r0 + side * py * t)]);
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok || ends.length < 2) continue;
    const damLengthM = Math.hypot(ends[0][0] - ends[1][0], ends[0][1] - ends[1][1]);
    for (const cell of damCells) for (const d of [0, 1, -1, width, -width]) barrier[cell + d] = 1;
    barrier[i] = 1;
    // The lake grows from the cell upstream of the dam through cells at or below the level.
    const start = mainInflow(width, receiver, areaM2, barrier, i);
    let size = 0;
    let leaked = start < 0;
    if (!leaked) {
      ({ size, leaked } = growLake(width, height, z, level, barrier, start, lake, queue, maxLakeCells, (cell) => !trunk[cell] && allowed(cell)));
      for (let k = 0; k < size; k++) lake[queue[k]] = 0;
    }
    for (const cell of damCells) for (const d of [0, 1, -1, width, -width]) barrier[cell + d] = 0;
    barrier[i] = 0;
    if (leaked || size < minLakeCells) continue;
    const score = (size * cellSizeMeters * cellSizeMeters) / Math.max(damLengthM, 100);
    if (score > bestScore) {
      bestScore = score;
      best = { mask: new Uint8Array(0), levelM: level, damCell: i, dam: [ends[0], ends[1]], areaKm2: 0 };
    }
  }
  if (!best) return null;
  // Rebuild the winning lake.
  const mask = floodLake(frame, z, routing, best.damCell, best.levelM);
  let cells = 0;
  for (let k = 0; k < n; k++) cells += mask[k];
  best.mask = mask;
  best.areaKm2 = cells * cellKm2;
  return best;
}

function floodLake(frame: Frame, z: Float64Array, routing: Routing, damCell: number, level: number): Uint8Array {
  const { width, height } = frame;
  const n = width * height;
  const mask = new Uint8Array(n);
  const barrier = new Uint8Array(n);
  const { receiver, areaM2 } = routing;
  const r0 = (damCell / width) | 0;
  const c0 = damCell - r0 * width;
  const rec = receiver[damCell];
  let fx = (rec % width) - c0;
  let fy = ((rec / width) | 0) - r0;
  const fl = Math.hypot(fx, fy);
  fx /= fl;
  fy /= fl;
  for (const side of [1, -1]) {
    for (let t = 0; t < 1500 / frame.cellSizeMeters; t += 0.5) {
      const c = Math.round(c0 - side * fy * t);
      const r = Math.round(r0 + side * fx * t);
      const cell = r * width + c;
      for (const d of [0, 1, -1, width, -width]) barrier[cell + d] = 1;
      if (z[cell] > level + 2) break;
    }
  }
  const start = mainInflow(width, receiver, areaM2, barrier, damCell);
  growLake(width, height, z, level, barrier, start, mask, new Int32Array(n));
  return mask;
}

/**
 * Grows a lake from `start` through 8-connected cells at or below `level` that are not
 * `barrier`, marking them in `lake` and listing them in `queue[0..size)`. It stops, as
 * `leaked`, on reaching the grid edge, a cell `inside` rejects, or more than `maxCells`.
 */
function growLake(
  width: number,
  height: number,
  z: Float64Array,
  level: number,
  barrier: Uint8Array,
  start: number,
  lake: Uint8Array,
  queue: Int32Array,
  maxCells = Infinity,
  inside: (cell: number) => boolean = () => true,
): { size: number; leaked: boolean } {
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  lake[start] = 1;
  while (head < tail) {
    const cell = queue[head++];
    if (head > maxCells || !inside(cell)) return { size: tail, leaked: true };
    const r = (cell / width) | 0;
    const c = cell - r * width;
    let edge = false;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= height || cc >= width) {
          edge = true;
          continue;
        }
        const nb = rr * width + cc;
        if (lake[nb] || barrier[nb] || z[nb] > level) continue;
        lake[nb] = 1;
        queue[tail++] = nb;
      }
    }
    if (edge) return { size: tail, leaked: true };
  }
  return { size: tail, leaked: false };
}

/** The neighbour draining into `cell` with the largest upstream area (not behind the barrier), or -1. */
function mainInflow(width: number, receiver: ArrayLike<number>, areaM2: ArrayLike<number>, barrier: Uint8Array, cell: number): number {
  let start = -1;
  let startArea = 0;
  for (const d of [1, -1, width, -width, width + 1, width - 1, -width + 1, -width - 1]) {
    const nb = cell + d;
    if (receiver[nb] === cell && !barrier[nb] && areaM2[nb] > startArea) {
      start = nb;
      startArea = areaM2[nb];
    }
  }
  return start;
}
