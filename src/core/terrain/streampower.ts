import { accumulate } from '../hydro/accumulation';
import { d8Receivers, receiverOrder } from '../hydro/d8';
import { priorityFlood } from './priorityflood';

/**
 * A landscape-evolution model: block uplift against detachment-limited stream-power incision
 * (dz/dt = U − K·A^m·S, n = 1) solved implicitly along the drainage tree (Braun & Willett 2013),
 * plus light linear hillslope diffusion. Depressions are filled every step (Priority-Flood+ε),
 * so all water reaches the outlets and the drainage network organises into dendritic valleys.
 */
export interface StreamPowerParams {
  cellSizeMeters: number;
  /** Time step in years; the implicit scheme is stable for any step. */
  dtYears: number;
  /** Erodibility K in m^(1−2m)/yr. */
  erodibility: number;
  /** Area exponent m (n is 1). Typical 0.4–0.6. */
  areaExponent: number;
  /** Hillslope diffusivity in m²/yr; keep κ·dt/cell² below 0.25. */
  diffusivityM2PerYear: number;
}

/** State evolved in place by {@link streamPowerStep}. */
export interface LandscapeState {
  width: number;
  height: number;
  /** Elevation in metres, row-major. */
  z: Float64Array;
  /** Uplift rate in m/yr per cell. */
  upliftMPerYear: Float32Array;
  /** Base-level cells (outlets) whose elevation stays fixed. */
  outlets: Int32Array;
  /** Extra upstream area injected at a cell (a river entering from outside), in m². */
  inflowCell: number;
  inflowAreaM2: number;
  /** Scratch and last-step results, reused between steps. */
  receiver: Int32Array;
  stack: Int32Array;
  areaM2: Float64Array;
  scratch: Float64Array;
}

/** Allocates the state arrays for a width×height model. */
export function createLandscapeState(
  width: number,
  height: number,
  z: Float64Array,
  upliftMPerYear: Float32Array,
  outlets: Int32Array,
  inflowCell = -1,
  inflowAreaM2 = 0,
): LandscapeState {
  const n = width * height;
  return {
    width,
    height,
    z,
    upliftMPerYear,
    outlets,
    inflowCell,
    inflowAreaM2,
    receiver: new Int32Array(n),
    stack: new Int32Array(n),
    areaM2: new Float64Array(n),
    scratch: new Float64Array(n),
  };
}

/** Advances the landscape by one time step. */
export function streamPowerStep(state: LandscapeState, params: StreamPowerParams): void {
  const { width, height, z, upliftMPerYear, outlets, receiver, stack, areaM2, scratch } = state;
  const n = width * height;
  const dt = params.dtYears;
  const dx = params.cellSizeMeters;
  const isOutlet = scratch; // temporarily marks outlets
  isOutlet.fill(0);
  for (let k = 0; k < outlets.length; k++) isOutlet[outlets[k]] = 1;
  for (let i = 0; i < n; i++) if (!isOutlet[i]) z[i] += upliftMPerYear[i] * dt;

  priorityFlood(z, width, height, outlets, { epsilon: 1e-4 });
  d8Receivers(z, width, height, receiver);
  const count = receiverOrder(receiver, stack);

  const cellArea = dx * dx;
  areaM2.fill(cellArea);
  if (state.inflowCell >= 0) areaM2[state.inflowCell] += state.inflowAreaM2;
  accumulate(stack, count, receiver, areaM2, areaM2);

  const kdt = params.erodibility * dt;
  const m = params.areaExponent;
  for (let k = 0; k < count; k++) {
    const i = stack[k];
    const r = receiver[i];
    if (r === i) continue;
    const ri = (r / width) | 0;
    const ii = (i / width) | 0;
    const dist = ri !== ii && r - ri * width !== i - ii * width ? dx * Math.SQRT2 : dx;
    const f = (kdt * (m === 0.5 ? Math.sqrt(areaM2[i]) : Math.pow(areaM2[i], m))) / dist;
    z[i] = (z[i] + f * z[r]) / (1 + f);
  }

  // Explicit diffusion, sub-stepped so each sub-step stays below the stability limit of 0.25.
  const total = (params.diffusivityM2PerYear * dt) / (dx * dx);
  const substeps = Math.ceil(total / 0.2);
  const d = substeps > 0 ? total / substeps : 0;
  for (let s = 0; s < substeps; s++) {
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const i = r * width + c;
        const zi = z[i];
        let lap = 0;
        if (c > 0) lap += z[i - 1] - zi;
        if (c < width - 1) lap += z[i + 1] - zi;
        if (r > 0) lap += z[i - width] - zi;
        if (r < height - 1) lap += z[i + width] - zi;
        scratch[i] = zi + d * lap;
      }
    }
    for (let k = 0; k < outlets.length; k++) scratch[outlets[k]] = z[outlets[k]];
    z.set(scratch);
  }
}
