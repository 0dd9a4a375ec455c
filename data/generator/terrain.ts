import { createNoise2D, type NoiseFunction2D } from 'simplex-noise';
import type { Rng } from '../../src/core/random';
import { resampleBicubic, slopeDegrees } from '../../src/core/raster';
import { createLandscapeState, streamPowerStep } from '../../src/core/terrain/streampower';
import type { Frame } from './options';

/**
 * Terrain of the demo county in three stages:
 * 1. a coarse (4× cell size) stream-power landscape-evolution model grows dendritic valleys;
 * 2. it is upsampled to the DEM cell size with fractal detail scaled by local relief;
 * 3. elevations are remapped nonlinearly to 80–1,900 m (flat floors, steep ridges).
 * Hydrology (valley floors, filling, routing) happens afterwards in hydrology.ts.
 */

export const COARSE_FACTOR = 3;
export const MIN_ELEVATION_M = 80;
export const MAX_ELEVATION_M = 1900;

export interface CoarseTerrain {
  width: number;
  height: number;
  cellSizeMeters: number;
  z: Float64Array;
  outlet: number;
  inflow: number;
}

/** Fractional Brownian motion of simplex noise; `x`, `y` in wavelengths of the first octave. */
export function fbm(noise: NoiseFunction2D, x: number, y: number, octaves: number): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(x * f, y * f);
    norm += amp;
    amp *= 0.5;
    f *= 2.03;
  }
  return sum / norm;
}

/** Runs the coarse landscape-evolution model. */
export function evolveCoarseTerrain(frame: Frame, rng: Rng, steps: number): CoarseTerrain {
  const width = Math.ceil(frame.width / COARSE_FACTOR);
  const height = Math.ceil(frame.height / COARSE_FACTOR);
  const dx = frame.cellSizeMeters * COARSE_FACTOR;
  const n = width * height;
  const noise = createNoise2D(() => rng.next());
  const outletRow = Math.round(height * rng.range(0.5, 0.62));
  const inflowRow = Math.round(height * rng.range(0.38, 0.5));
  const outlet = outletRow * width + (width - 1);
  const inflow = inflowRow * width;
  const z = new Float64Array(n);
  const uplift = new Float32Array(n);
  const upliftMax = 1e-3;
  const widthM = width * dx;
  const heightM = height * dx;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const t = c / (width - 1);
      // Distance from the trunk axis (inflow → outlet), normalised by half the height.
      const axisRow = inflowRow + (outletRow - inflowRow) * t + height * 0.08 * Math.sin(Math.PI * 2 * t + 1.3);
      const d = Math.abs(r - axisRow) / (height * 0.5);
      const ridge = Math.min(1, d * 1.35);
      const xKm = (c * dx) / 1000;
      const yKm = (r * dx) / 1000;
      const variation = 0.75 + 0.45 * fbm(noise, xKm / 18, yKm / 18, 3);
      uplift[i] = upliftMax * (0.25 + 0.75 * ridge * ridge * (3 - 2 * ridge)) * variation;
      z[i] = 2 * rng.next() + 60 * (1 + fbm(noise, xKm / 6 + 7.1, yKm / 6 - 3.3, 4)) + 0.002 * ((widthM - c * dx) + 0.3 * Math.abs(r * dx - heightM / 2));
    }
  }
  const inflowAreaM2 = Math.max(50, frame.areaKm2 * 1.5) * 1e6;
  const state = createLandscapeState(width, height, z, uplift, Int32Array.of(outlet), inflow, inflowAreaM2);
  z[outlet] = 0;
  const params = { cellSizeMeters: dx, dtYears: 5e4, erodibility: 1e-5, areaExponent: 0.5, diffusivityM2PerYear: 0.08 };
  for (let s = 0; s < steps; s++) streamPowerStep(state, params);
  return { width, height, cellSizeMeters: dx, z, outlet, inflow };
}

/**
 * Upsamples the coarse terrain to the frame, adds relief-scaled fractal detail and remaps
 * elevations to MIN–MAX_ELEVATION_M with a convex curve (valley floors flatten, ridges steepen).
 */
export function refineTerrain(frame: Frame, coarse: CoarseTerrain, rng: Rng, exponent = 1.2): Float64Array {
  const { width, height } = frame;
  const z = resampleBicubic(coarse.z, coarse.width, coarse.height, width, height, new Float64Array(width * height)) as Float64Array;
  const coarseSlope = slopeDegrees(coarse.z, coarse.width, coarse.height, coarse.cellSizeMeters);
  const noise = createNoise2D(() => rng.next());
  const cell = frame.cellSizeMeters;
  let zMin = Infinity;
  let zMax = -Infinity;
  for (let i = 0; i < z.length; i++) {
    if (z[i] < zMin) zMin = z[i];
    if (z[i] > zMax) zMax = z[i];
  }
  const relief = zMax - zMin || 1;
  const sx = coarse.width / width;
  const sy = coarse.height / height;
  for (let r = 0; r < height; r++) {
    const cr = Math.min(coarse.height - 1, Math.floor((r + 0.5) * sy));
    for (let c = 0; c < width; c++) {
      const cc = Math.min(coarse.width - 1, Math.floor((c + 0.5) * sx));
      const s = Math.tan((coarseSlope[cr * coarse.width + cc] * Math.PI) / 180);
      const amp = Math.min(1, s / 0.5) * 0.012 * relief;
      const xKm = (c * cell) / 1000;
      const yKm = (r * cell) / 1000;
      const i = r * width + c;
      z[i] += amp * fbm(noise, xKm / 0.7, yKm / 0.7, 4);
    }
  }
  zMin = Infinity;
  zMax = -Infinity;
  for (let i = 0; i < z.length; i++) {
    if (z[i] < zMin) zMin = z[i];
    if (z[i] > zMax) zMax = z[i];
  }
  const span = zMax - zMin || 1;
  const out = MAX_ELEVATION_M - MIN_ELEVATION_M;
  for (let i = 0; i < z.length; i++) {
    const t = (z[i] - zMin) / span;
    z[i] = MIN_ELEVATION_M + out * Math.pow(t, exponent);
  }
  return z;
}

/**
 * Adds a gentle long-wavelength undulation (±amplitude m at ~1.2 km) so channels on flattened
 * valley floors meander instead of running in straight D8 lines. Pits it creates are filled later.
 */
export function addFloorUndulation(z: Float64Array, frame: Frame, rng: Rng, amplitudeM = 4): void {
  const noise = createNoise2D(() => rng.next());
  const cell = frame.cellSizeMeters / 1000;
  for (let r = 0; r < frame.height; r++) {
    for (let c = 0; c < frame.width; c++) z[r * frame.width + c] += amplitudeM * fbm(noise, (c * cell) / 1.2, (r * cell) / 1.2, 2);
  }
}
