import type { Rng } from '../../src/core/random';
import { boxBlur, chamferDistance } from '../../src/core/raster';
import type { GeoTransform } from '../../src/core/types';
import { adminCellOf } from './admin';
import { polygonArea, polygonizeMask, type PolygonXY } from './geometry';
import type { Settlement } from './settlements';
import { findFlatCell } from './settlements';
import { waterMask } from './villages';
import type { World } from './world';

/**
 * Planning constraint zones (basic farmland, ecological red line, water-source protection,
 * public-welfare forest) and industrial parks, each derived from terrain rules on a coarser
 * grid, smoothed and polygonized.
 */

export interface Zone {
  id: string;
  name: string;
  areaHa: number;
  /** water_source only: 'first' | 'second'. */
  level?: string;
  polygon: PolygonXY;
}

/** Aggregates a DEM-cell predicate to a grid `f` times coarser (fraction of cells true). */
function aggregate(world: World, f: number, pred: (cell: number) => boolean): { data: Float32Array; width: number; height: number; transform: GeoTransform } {
  const { frame } = world;
  const width = Math.ceil(frame.width / f);
  const height = Math.ceil(frame.height / f);
  const data = new Float32Array(width * height);
  const w = 1 / (f * f);
  for (let r = 0; r < frame.height; r++) {
    for (let c = 0; c < frame.width; c++) if (pred(r * frame.width + c)) data[((r / f) | 0) * width + ((c / f) | 0)] += w;
  }
  const t = frame.transform;
  return { data, width, height, transform: [t[0], t[1] * f, 0, t[3], 0, t[5] * f] };
}

function toZones(polys: PolygonXY[], prefix: string, nameOf: (k: number) => string): Zone[] {
  polys.sort((a, b) => polygonArea(b) - polygonArea(a));
  return polys.map((polygon, k) => ({ id: `${prefix}${String(k + 1).padStart(3, '0')}`, name: nameOf(k), areaHa: Math.round(polygonArea(polygon) / 100) / 100, polygon }));
}

export function buildZones(world: World, settlements: Settlement[]): Record<'farmland' | 'eco_redline' | 'water_source' | 'public_forest', Zone[]> {
  const { frame, hydro, county, admin, reservoir } = world;
  const wet = waterMask(world);
  const inCounty = (cell: number): boolean => county[adminCellOf(frame, admin, cell)] === 1;
  const distWet = chamferDistance(wet, frame.width, frame.height);
  const core = new Uint8Array(frame.width * frame.height);
  for (const s of settlements) if (s.type !== 'central_village') core[s.cell] = 1;
  const distCore = chamferDistance(core, frame.width, frame.height);
  const cellM = frame.cellSizeMeters;

  const farm = aggregate(world, 2, (i) => inCounty(i) && !wet[i] && hydro.slopeDeg[i] < 6 && hydro.dem[i] < 750 && distWet[i] * cellM < 1500 && distCore[i] * cellM > 500);
  const farmMask = farm.data.map((v) => (v >= 0.5 ? 1 : 0));
  const farmland = toZones(polygonizeMask(farmMask, farm.width, farm.height, farm.transform, { minAreaM2: 4e4, simplifyToleranceM: 20 }), 'FL', (k) => `基本农田保护片${k + 1}`);

  // Ecological red line: the highest ground, smoothed over ~600 m.
  const elev: number[] = [];
  for (let i = 0; i < hydro.dem.length; i += 7) if (inCounty(i)) elev.push(hydro.dem[i]);
  elev.sort((a, b) => a - b);
  const p82 = elev[Math.floor(elev.length * 0.82)] ?? 1000;
  const high = aggregate(world, 4, (i) => inCounty(i) && hydro.dem[i] >= p82);
  const highS = boxBlur(high.data, high.width, high.height, 2);
  const ecoMask = highS.map((v) => (v >= 0.5 ? 1 : 0));
  const eco_redline = toZones(polygonizeMask(ecoMask, high.width, high.height, high.transform, { minAreaM2: 1e6, simplifyToleranceM: 40 }), 'ER', (k) => `生态保护红线区${k + 1}`);

  // Water-source protection: first level = lake + 200 m of shore, second = the rest of its catchment.
  const water_source: Zone[] = [];
  if (reservoir) {
    const distLake = chamferDistance(reservoir.mask, frame.width, frame.height);
    const first = aggregate(world, 2, (i) => inCounty(i) && distLake[i] * cellM <= 200);
    const firstMask = first.data.map((v) => (v >= 0.5 ? 1 : 0));
    const second = aggregate(world, 4, (i) => inCounty(i) && world.reservoirCatchment[i] === 1 && distLake[i] * cellM > 200);
    const secondMask = second.data.map((v) => (v >= 0.5 ? 1 : 0));
    for (const z of toZones(polygonizeMask(firstMask, first.width, first.height, first.transform, { minAreaM2: 5e4, simplifyToleranceM: 15 }), 'WS1', () => '示范水库饮用水水源一级保护区')) water_source.push({ ...z, level: 'first' });
    for (const z of toZones(polygonizeMask(secondMask, second.width, second.height, second.transform, { minAreaM2: 2e5, simplifyToleranceM: 40 }), 'WS2', () => '示范水库饮用水水源二级保护区')) water_source.push({ ...z, level: 'second' });
  }

  // Public-welfare forest: steep mid-to-high slopes outside the red line.
  const steep = aggregate(world, 4, (i) => inCounty(i) && hydro.slopeDeg[i] >= 25 && hydro.dem[i] >= 300 && hydro.dem[i] < p82);
  const steepS = boxBlur(steep.data, steep.width, steep.height, 2);
  const forestMask = steepS.map((v, k) => (v >= 0.4 && !ecoMask[k] ? 1 : 0));
  const public_forest = toZones(polygonizeMask(forestMask, steep.width, steep.height, steep.transform, { minAreaM2: 5e5, simplifyToleranceM: 40 }), 'PF', (k) => `公益林区${k + 1}`);
  return { farmland, eco_redline, water_source, public_forest };
}

/** Two industrial parks on flat dry land near the county seat and the first central town. */
export function buildIndustrialParks(world: World, settlements: Settlement[], rng: Rng): Zone[] {
  const { frame, hydro } = world;
  const wet = waterMask(world);
  const hosts = [settlements.find((s) => s.type === 'county_seat'), settlements.find((s) => s.type === 'central_town')].filter((s): s is Settlement => !!s);
  const parks: Zone[] = [];
  const names = ['示范县山海协作产业园', '示范县来料加工产业园'];
  hosts.forEach((s, k) => {
    const start = findFlatCell(world, wet, s.x, s.y, 800, 3500, 4, rng);
    if (start < 0) return;
    const targetCells = Math.round((rng.range(40, 110) * 1e4) / (frame.cellSizeMeters * frame.cellSizeMeters));
    const { width, height } = frame;
    const seen = new Set<number>([start]);
    const queue = [start];
    const cells: number[] = [];
    const r0 = (start / width) | 0;
    const c0 = start - r0 * width;
    while (queue.length && cells.length < targetCells) {
      // Grow the nearest frontier cell first so the park stays compact.
      let bi = 0;
      for (let q = 1; q < queue.length; q++) {
        const a = queue[q];
        const b = queue[bi];
        const da = ((a / width) | 0) - r0;
        const db = ((b / width) | 0) - r0;
        if (da * da + ((a % width) - c0) ** 2 < db * db + ((b % width) - c0) ** 2) bi = q;
      }
      const cell = queue.splice(bi, 1)[0];
      cells.push(cell);
      const r = (cell / width) | 0;
      const c = cell - r * width;
      for (const [dr, dc] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= height || cc >= width) continue;
        const nb = rr * width + cc;
        if (seen.has(nb) || wet[nb] || hydro.slopeDeg[nb] > 8) continue;
        seen.add(nb);
        queue.push(nb);
      }
    }
    let minR = height;
    let minC = width;
    let maxR = 0;
    let maxC = 0;
    for (const cell of cells) {
      const r = (cell / width) | 0;
      const c = cell - r * width;
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
    }
    const w = maxC - minC + 3;
    const h = maxR - minR + 3;
    const mask = new Uint8Array(w * h);
    for (const cell of cells) {
      const r = (cell / width) | 0;
      mask[(r - minR + 1) * w + (cell - r * width - minC + 1)] = 1;
    }
    const t = frame.transform;
    const local: GeoTransform = [t[0] + (minC - 1) * t[1], t[1], 0, t[3] + (minR - 1) * t[5], 0, t[5]];
    const polys = polygonizeMask(mask, w, h, local, { simplifyToleranceM: 10 });
    polys.sort((a, b) => polygonArea(b) - polygonArea(a));
    if (polys.length) parks.push({ id: `IP${k + 1}`, name: names[k], areaHa: Math.round(polygonArea(polys[0]) / 100) / 100, polygon: polys[0] });
  });
  return parks;
}
