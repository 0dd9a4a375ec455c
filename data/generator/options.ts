import { northUpTransform } from '../../src/core/raster';
import type { GeoTransform } from '../../src/core/types';

/** Options of the demo-county generator; every one has a default. */
export interface GenerateOptions {
  /** RNG seed. Default 20261122. */
  seed: number;
  /** Multiplies villages, hazards and other counts. Default 1. */
  scale: number;
  /** DEM width and height in cells (30 m each); default 1667×1334 (≈ 50 × 40 km). */
  demWidth: number;
  demHeight: number;
  /** DEM cell size in metres. Default 30. */
  cellSizeMeters: number;
  /** Lower-left corner of the DEM in EPSG:4549 metres. Default (440000, 3100000) ≈ 119.39°E 28.01°N. */
  originX: number;
  originY: number;
  /** Landscape-evolution iterations (fewer for fast tests). Default 160. */
  evolutionSteps: number;
}

export const DEFAULT_SEED = 20261122;

/** Fills in defaults. `demSize` sets a square DEM of that many cells per side. */
export function resolveOptions(partial: Partial<GenerateOptions> & { demSize?: number } = {}): GenerateOptions {
  const size = partial.demSize;
  return {
    seed: partial.seed ?? DEFAULT_SEED,
    scale: partial.scale ?? 1,
    demWidth: partial.demWidth ?? size ?? 1667,
    demHeight: partial.demHeight ?? size ?? 1334,
    cellSizeMeters: partial.cellSizeMeters ?? 30,
    originX: partial.originX ?? 440000,
    originY: partial.originY ?? 3100000,
    evolutionSteps: partial.evolutionSteps ?? 160,
  };
}

/** The fine DEM frame derived from the options. */
export interface Frame {
  width: number;
  height: number;
  cellSizeMeters: number;
  transform: GeoTransform;
  /** Area of the DEM rectangle in km², used to scale counts with size. */
  areaKm2: number;
}

export function makeFrame(o: GenerateOptions): Frame {
  return {
    width: o.demWidth,
    height: o.demHeight,
    cellSizeMeters: o.cellSizeMeters,
    transform: northUpTransform(o.originX, o.originY, o.cellSizeMeters, o.demHeight),
    areaKm2: (o.demWidth * o.demHeight * o.cellSizeMeters * o.cellSizeMeters) / 1e6,
  };
}
