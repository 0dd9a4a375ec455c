import { accumulate, strahlerOrder } from '../../src/core/hydro/accumulation';
import { d8Receivers, receiverOrder } from '../../src/core/hydro/d8';
import { boxBlur, slopeDegrees } from '../../src/core/raster';
import { priorityFlood } from '../../src/core/terrain/priorityflood';
import type { Frame } from './options';

/**
 * Drainage of the fine DEM: depression filling, D8 routing, drainage area, valley-floor shaping
 * and the final Int16 DEM. Routing is computed on the float surface filled with a small ε, so
 * every cell is strictly higher than its receiver; Math.round is monotone, so the Int16 DEM is
 * non-increasing along every flow path (rivers descend on the written file too).
 */

export interface Routing {
  receiver: Int32Array;
  order: Int32Array;
  count: number;
  /** Upstream drainage area per cell in m², including the injected inflow. */
  areaM2: Float64Array;
}

/** Fills `z` in place from the single outlet and returns steepest-descent routing and areas. */
export function routeSurface(z: Float64Array, frame: Frame, outlet: number, inflow: number, inflowAreaM2: number): Routing {
  const { width, height } = frame;
  priorityFlood(z, width, height, Int32Array.of(outlet), { epsilon: 1e-4 });
  const receiver = d8Receivers(z, width, height);
  const order = new Int32Array(width * height);
  const count = receiverOrder(receiver, order);
  const areaM2 = new Float64Array(width * height).fill(frame.cellSizeMeters * frame.cellSizeMeters);
  if (inflow >= 0) areaM2[inflow] += inflowAreaM2;
  accumulate(order, count, receiver, areaM2, areaM2);
  return { receiver, order, count, areaM2 };
}

/**
 * Flattens valley floors: each cell's height above its nearest downstream channel (HAND, h) is
 * reduced to h·(1 − 0.85·e^(−h/hf)), where the floodplain scale hf grows with the channel's
 * drainage area. Low ground near a channel becomes a nearly flat floor; cells high above it
 * keep their height, so no steps appear where parallel flow lines meet a channel far downstream.
 * The lowering is then box-blurred (radius 2 cells) so channels sink with their floors.
 */
export function shapeValleyFloors(z: Float64Array, routing: Routing, channelAreaM2: number, width: number, height: number): void {
  const { receiver, order, count, areaM2 } = routing;
  const n = z.length;
  const baseZ = new Float64Array(n);
  const floorM = new Float32Array(n);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const r = receiver[i];
    if (areaM2[i] >= channelAreaM2 || r === i) {
      baseZ[i] = z[i];
      const l = Math.max(0, Math.log10(areaM2[i] / 1e5));
      floorM[i] = Math.min(45, 1.8 * l * l);
    } else {
      baseZ[i] = baseZ[r];
      floorM[i] = floorM[r];
    }
  }
  const lower = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const h = z[i] - baseZ[i];
    if (h > 0 && floorM[i] > 0) lower[i] = 0.85 * h * Math.exp(-h / floorM[i]);
  }
  const smooth = boxBlur(lower, width, height, 2);
  for (let i = 0; i < n; i++) z[i] -= smooth[i];
}

/** Cells of the flow path from `start` to the outlet (inclusive). */
export function flowPath(receiver: Int32Array, start: number): number[] {
  const path: number[] = [];
  let c = start;
  for (;;) {
    path.push(c);
    const r = receiver[c];
    if (r === c || r < 0) break;
    c = r;
  }
  return path;
}

export interface FinalDem {
  /** Int16 elevations in metres, no nodata yet (the county mask is applied when writing). */
  dem: Int16Array;
  routing: Routing;
  slopeDeg: Float32Array;
  /** Strahler order on channel cells (area ≥ channel threshold), 0 elsewhere. */
  strahler: Uint8Array;
  channel: Uint8Array;
}

/** Routes the final float surface, rounds it to Int16 and derives slope and channels. */
export function finishDem(z: Float64Array, frame: Frame, outlet: number, inflow: number, inflowAreaM2: number, channelAreaM2: number): FinalDem {
  const routing = routeSurface(z, frame, outlet, inflow, inflowAreaM2);
  const n = z.length;
  const dem = new Int16Array(n);
  for (let i = 0; i < n; i++) dem[i] = Math.round(z[i]);
  const slopeDeg = slopeDegrees(dem, frame.width, frame.height, frame.cellSizeMeters);
  const channel = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (routing.areaM2[i] >= channelAreaM2) channel[i] = 1;
  const strahler = strahlerOrder(routing.order, routing.count, routing.receiver, channel);
  return { dem, routing, slopeDeg, strahler, channel };
}
