import { costDistance, tracePath } from '../../src/core/costdistance';
import { colToX, rowToY, xToCol, yToRow } from '../../src/core/raster';
import { simplifyLine, smoothLine, type XY } from './geometry';
import type { Settlement } from './settlements';
import type { AdminVillage, Village } from './villages';
import type { World } from './world';

/**
 * Roads as least-cost paths over terrain on a grid of ROAD_FACTOR DEM cells (90 m). Friction
 * grows with the square of slope, crossing a channel costs extra (a bridge), the reservoir is
 * impassable. Each class runs one multi-source Dijkstra from the existing network, and each
 * target's path is traced back only until it meets the network, so roads merge into trees.
 */

export type RoadClass = 'county' | 'township' | 'village';

export interface Road {
  id: string;
  class: RoadClass;
  name: string | null;
  line: XY[];
}

export const ROAD_FACTOR = 3;

export function buildRoads(world: World, settlements: Settlement[], villages: Village[], adminVillages: AdminVillage[]): Road[] {
  const { frame, hydro, reservoir, trunk } = world;
  const f = ROAD_FACTOR;
  const width = Math.ceil(frame.width / f);
  const height = Math.ceil(frame.height / f);
  const n = width * height;
  const cellM = frame.cellSizeMeters * f;
  const slopeSum = new Float32Array(n);
  const cnt = new Float32Array(n);
  const river = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  for (let r = 0; r < frame.height; r++) {
    for (let c = 0; c < frame.width; c++) {
      const i = r * frame.width + c;
      const g = ((r / f) | 0) * width + ((c / f) | 0);
      slopeSum[g] += hydro.slopeDeg[i];
      cnt[g]++;
      if (hydro.channel[i]) river[g] = Math.max(river[g], 1);
      if (trunk[i]) river[g] = 2;
      if (!world.inData[i] || (reservoir && reservoir.mask[i])) blocked[g] = 1;
    }
  }
  const friction = new Float32Array(n);
  for (let g = 0; g < n; g++) {
    if (blocked[g]) {
      friction[g] = Infinity;
      continue;
    }
    const t = Math.tan(((slopeSum[g] / cnt[g]) * Math.PI) / 180) / 0.12;
    friction[g] = 1 + t * t + (river[g] === 2 ? 30 : river[g] === 1 ? 6 : 0);
  }
  const gridCell = (x: number, y: number): number => {
    const c = Math.min(width - 1, Math.max(0, Math.floor(xToCol(frame.transform, x) / f)));
    const r = Math.min(height - 1, Math.max(0, Math.floor(yToRow(frame.transform, y) / f)));
    return r * width + c;
  };
  const toXY = (g: number): XY => {
    const r = (g / width) | 0;
    return [colToX(frame.transform, ((g - r * width) * f) + (f - 1) / 2), rowToY(frame.transform, r * f + (f - 1) / 2)];
  };
  const onRoad = new Uint8Array(n);
  const roads: Road[] = [];
  const buffer = new Int32Array(n);
  const network: number[] = [];
  const seat = gridCell(settlements[0].x, settlements[0].y);
  onRoad[seat] = 1;
  network.push(seat);

  const connect = (targets: number[], cls: RoadClass, names: (string | null)[], keepFraction: number): void => {
    const result = costDistance(friction, width, height, cellM, network);
    const order = targets.map((_, k) => k).filter((k) => Number.isFinite(result.accumulated[targets[k]]));
    order.sort((a, b) => result.accumulated[targets[a]] - result.accumulated[targets[b]] || a - b);
    const keep = Math.ceil(order.length * keepFraction);
    for (const k of order.slice(0, keep)) {
      const len = tracePath(result.backlink, result.accumulated, targets[k], (g) => onRoad[g] === 1, buffer);
      if (len < 2) continue;
      const path: XY[] = [];
      for (let j = len - 1; j >= 0; j--) {
        const g = buffer[j];
        path.push(toXY(g));
        if (!onRoad[g]) {
          onRoad[g] = 1;
          network.push(g);
        }
      }
      const line = smoothLine(simplifyLine(path, cellM * 0.3));
      roads.push({ id: '', class: cls, name: names[k], line });
    }
  };
  // County roads: seat to township seats, and out along the main valley at both ends.
  const seatTargets = world.townships.slice(1).map((t) => gridCell(t.seatX, t.seatY));
  // The westernmost and easternmost main-river cells with data.
  let west = -1;
  let east = -1;
  for (let i = 0; i < trunk.length; i++) {
    if (!trunk[i] || !world.inData[i]) continue;
    if (west < 0 || i % frame.width < west % frame.width) west = i;
    if (east < 0 || i % frame.width > east % frame.width) east = i;
  }
  const trunkEnds = [west, east];
  const endCells = trunkEnds.filter((i) => i >= 0).map((i) => gridCell(colToX(frame.transform, i % frame.width), rowToY(frame.transform, (i / frame.width) | 0)));
  const countyTargets = [...seatTargets, ...endCells];
  connect(countyTargets, 'county', countyTargets.map((_, k) => `县道X${String(101 + k)}`), 1);
  connect(adminVillages.map((a) => gridCell(villages[a.centre].x, villages[a.centre].y)), 'township', adminVillages.map((_, k) => `乡道Y${String(k + 1).padStart(3, '0')}`), 1);
  connect(villages.map((v) => gridCell(v.x, v.y)), 'village', villages.map(() => null), 0.95);
  roads.forEach((r, k) => (r.id = `RD${String(k + 1).padStart(4, '0')}`));
  return roads;
}
