/**
 * The travel-time surface: seconds per metre in every cell of a travel grid, for the cost
 * distance that gives each village its minutes to destinations, schools, clinics and towns.
 *
 * - Off road, people walk at Tobler's hiking speed for the cell's slope, times an off-path
 *   factor; the grid search has no direction, so a cell's pace is the mean of going up and down.
 * - On a road they drive at the speed of the fastest road class in the cell.
 * - Rivers and the reservoir are barriers except where a road crosses them (a bridge, a dam).
 * - Hazard zones can be made one-way: walked out of, never into (see costDistance's noEntry).
 *
 * The travel grid is the DEM's, coarsened by a whole factor when the DEM is large: village to
 * destination times are minutes over kilometres, and a coarser grid makes the per-destination
 * searches cheap. Walking pace is averaged over each block of DEM cells (slopes come from the
 * full-resolution DEM); roads and rivers are burnt at the travel grid with all-touched, so a
 * river stays a 4-connected line no diagonal step slips through.
 */
import { rasterize, type GridShape } from '../grid/rasterize';
import { cellSizesM, slope } from '../grid/terrain';
import type { ColumnarGeometry, GeoTransform, Grid } from '../types';
import type { TravelSettings } from './policy';

export const ROAD_CLASSES = ['village', 'township', 'county'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Tobler's hiking function: km/h on a path of gradient dh/dx (signed; uphill positive). */
export function toblerKmh(gradient: number): number {
  return 6 * Math.exp(-3.5 * Math.abs(gradient + 0.05));
}

/** Seconds per metre walking across terrain of this slope (degrees), the mean of up and down. */
export function walkingPace(slopeDeg: number, offPathFactor: number): number {
  const g = Math.tan((slopeDeg * Math.PI) / 180);
  return 0.5 * (3.6 / (toblerKmh(g) * offPathFactor) + 3.6 / (toblerKmh(-g) * offPathFactor));
}

export interface TravelInputs {
  dem: Grid<Float32Array>;
  geographic: boolean;
  /** Roads in the DEM's CRS, with each feature's class (index into ROAD_CLASSES, -1 unknown = village). */
  roads: { geometry: ColumnarGeometry; classOf: Int8Array }[];
  /** Rivers (lines) and water bodies (polygons) in the DEM's CRS; `features` picks some of a layer's. */
  barriers: { geometry: ColumnarGeometry; features?: number[] }[];
  /** Hazard zones (polygons) in the DEM's CRS. */
  hazards: { geometry: ColumnarGeometry; features?: number[] }[];
  /** At most this many travel cells (the DEM is coarsened by a whole factor to fit). */
  maxCells: number;
}

export interface TravelGrid extends GridShape {
  /** Metres per cell (square cells; a geographic DEM uses its middle row). */
  cellM: number;
  /** DEM cells per travel cell along each axis. */
  factor: number;
  /** Seconds per metre; Infinity where no one can pass. */
  pace: Float32Array;
  /** 1 in hazard zones when they are one-way, else null. */
  noEntry: Uint8Array | null;
  /** Cells that are road (1) — for reporting and tests. */
  road: Uint8Array;
}

/** The whole factor by which a w×h grid must be coarsened to hold at most `maxCells`. */
export function coarseningFactor(width: number, height: number, maxCells: number): number {
  let f = 1;
  while (Math.ceil(width / f) * Math.ceil(height / f) > maxCells) f++;
  return f;
}

export function buildTravelGrid(input: TravelInputs, settings: TravelSettings): TravelGrid {
  const { dem } = input;
  const factor = coarseningFactor(dem.width, dem.height, input.maxCells);
  const width = Math.ceil(dem.width / factor);
  const height = Math.ceil(dem.height / factor);
  const [ox, pw, , oy, , ph] = dem.transform;
  const transform: GeoTransform = [ox, pw * factor, 0, oy, 0, ph * factor];
  const sizes = cellSizesM(dem, input.geographic);
  const mid = Math.floor(dem.height / 2);
  const demCellM = Math.sqrt(Math.abs(sizes.widthM[mid] * sizes.heightM[mid]));
  const cellM = demCellM * factor;
  const shape: GridShape = { width, height, transform };

  // Walking pace, averaged over each block of DEM cells that have data.
  const slopes = slope(dem, { geographic: input.geographic });
  const sum = new Float64Array(width * height);
  const count = new Uint32Array(width * height);
  for (let r = 0; r < dem.height; r++) {
    const tr = ((r / factor) | 0) * width;
    for (let c = 0; c < dem.width; c++) {
      const s = slopes[r * dem.width + c];
      if (!(s >= 0)) continue;
      const t = tr + ((c / factor) | 0);
      sum[t] += walkingPace(s, settings.offPathFactor);
      count[t]++;
    }
  }
  const pace = new Float32Array(width * height);
  for (let i = 0; i < pace.length; i++) pace[i] = count[i] > 0 ? sum[i] / count[i] : Infinity;

  // Roads: the fastest class in each cell wins (burnt slowest first).
  const roadClass = new Uint8Array(width * height);
  for (let k = 0; k < ROAD_CLASSES.length; k++) {
    for (const layer of input.roads) {
      const features: number[] = [];
      for (let i = 0; i < layer.classOf.length; i++) if (Math.max(0, layer.classOf[i]) === k) features.push(i);
      if (features.length > 0) rasterize(layer.geometry, shape, { allTouched: true, features, out: roadClass, value: k + 1 });
    }
  }
  const roadPace = ROAD_CLASSES.map((c) => 3.6 / settings.roadKmh[c]);
  const road = new Uint8Array(width * height);
  for (let i = 0; i < pace.length; i++) {
    if (roadClass[i] === 0) continue;
    road[i] = 1;
    // A road outside the DEM still carries traffic.
    pace[i] = Math.min(Number.isFinite(pace[i]) ? pace[i] : Infinity, roadPace[roadClass[i] - 1]);
  }

  if (settings.riversBarrier && input.barriers.length > 0) {
    const water = new Uint8Array(width * height);
    for (const b of input.barriers) if (!b.features || b.features.length > 0) rasterize(b.geometry, shape, { allTouched: true, features: b.features, out: water });
    for (let i = 0; i < pace.length; i++) if (water[i] && !road[i]) pace[i] = Infinity;
  }

  let noEntry: Uint8Array | null = null;
  if (settings.hazardsImpassable && input.hazards.length > 0) {
    noEntry = new Uint8Array(width * height);
    for (const h of input.hazards) if (!h.features || h.features.length > 0) rasterize(h.geometry, shape, { features: h.features, out: noEntry });
  }
  return { width, height, transform, cellM, factor, pace, noEntry, road };
}

/** The travel cell holding a point (in the grid's CRS), or -1 outside the grid. */
export function travelCell(grid: GridShape, x: number, y: number): number {
  const [ox, pw, , oy, , ph] = grid.transform;
  const c = Math.floor((x - ox) / pw);
  const r = Math.floor((y - oy) / ph);
  return c < 0 || r < 0 || c >= grid.width || r >= grid.height ? -1 : r * grid.width + c;
}

/**
 * The cell a trip starts from: the point's own cell when it can be crossed, else the nearest
 * passable cell within a few cells (a village drawn on a river bank, a town square on a road
 * burnt as a river). -1 when there is none.
 */
export function startCell(grid: TravelGrid, x: number, y: number, reach = 3): number {
  const cell = travelCell(grid, x, y);
  if (cell < 0) return -1;
  if (Number.isFinite(grid.pace[cell])) return cell;
  const row = Math.floor(cell / grid.width);
  const col = cell - row * grid.width;
  let best = -1;
  let bestD = Infinity;
  for (let dr = -reach; dr <= reach; dr++) {
    for (let dc = -reach; dc <= reach; dc++) {
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || r >= grid.height || c >= grid.width) continue;
      const i = r * grid.width + c;
      const d = dr * dr + dc * dc;
      if (Number.isFinite(grid.pace[i]) && d < bestD) {
        bestD = d;
        best = i;
      }
    }
  }
  return best;
}
