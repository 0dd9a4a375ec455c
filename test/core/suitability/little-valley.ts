/**
 * A little valley for the suitability engine: a 60 × 40 grid of 30 m cells in EPSG:4549
 * (origin 500,000 E, 3,120,000 N), flat in the west (slope 0) and rising steeply in the east
 * (elevation grows 20 m per cell east of column 40, i.e. ~34°). A county road runs north–south
 * along column 5; a school sits at cell (10, 20); basic farmland covers columns 20–24, rows
 * 0–9; a high-risk landslide zone covers columns 30–32, rows 30–32 (buffer 200 m by the
 * register's table); one DEM cell (59, 39) has no data.
 */
import type { SuitabilityInputs, SuitabilityLayer } from '../../../src/core/suitability/engine';
import type { Column, ColumnarGeometry, Grid } from '../../../src/core/types';

export const CELL = 30;
export const W = 60;
export const H = 40;
export const X0 = 500_000;
export const Y0 = 3_120_000;

/** Map x, y of a cell's centre. */
export const centre = (col: number, row: number): [number, number] => [X0 + (col + 0.5) * CELL, Y0 - (row + 0.5) * CELL];

const none = new Uint32Array(0);

function rect(c0: number, r0: number, c1: number, r1: number): ColumnarGeometry {
  // Corners on cell edges: columns c0..c1 and rows r0..r1 inclusive.
  const xa = X0 + c0 * CELL, xb = X0 + (c1 + 1) * CELL, ya = Y0 - r0 * CELL, yb = Y0 - (r1 + 1) * CELL;
  return { kind: 'Polygon', coords: Float64Array.from([xa, ya, xb, ya, xb, yb, xa, yb, xa, ya]), geomOffsets: Uint32Array.from([0, 1]), partOffsets: Uint32Array.from([0, 1]), ringOffsets: Uint32Array.from([0, 5]) };
}

const str = (name: string, values: string[]): Column => ({ name, type: 'string', values });

function layer(layerId: string, role: SuitabilityLayer['role'], geometry: ColumnarGeometry, columns: Column[] = []): SuitabilityLayer {
  return { layerId, role, name: { zh: layerId, en: layerId }, geometry, columns };
}

export function littleValley(): SuitabilityInputs {
  const data = new Float32Array(W * H);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) data[r * W + c] = 200 + Math.max(0, c - 40) * 20;
  data[H * W - 1] = -9999;
  const dem: Grid<Float32Array> = { width: W, height: H, data, transform: [X0, CELL, 0, Y0, 0, -CELL], crs: 'EPSG:4549', nodata: -9999 };
  const [rx, ry0] = centre(5, 0);
  const ry1 = centre(5, H - 1)[1];
  const road: ColumnarGeometry = { kind: 'LineString', coords: Float64Array.from([rx, ry0, rx, ry1]), geomOffsets: Uint32Array.from([0, 1]), partOffsets: Uint32Array.from([0, 2]), ringOffsets: none };
  const school: ColumnarGeometry = { kind: 'Point', coords: Float64Array.from(centre(10, 20)), geomOffsets: none, partOffsets: none, ringOffsets: none };
  return {
    dem,
    geographic: false,
    layers: [
      layer('roads', 'roads', road, [str('class', ['county'])]),
      layer('schools', 'schools', school),
      layer('farmland', 'farmland', rect(20, 0, 24, 9)),
      layer('hazards', 'hazards', rect(30, 30, 32, 32), [str('type', ['landslide']), str('riskLevel', ['high'])]),
    ],
  };
}
