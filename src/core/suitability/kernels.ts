/**
 * The raster kernels a suitability run needs, behind one interface so the engine does not
 * care where they run: in this thread (tests, small grids) or split into row bands across a
 * worker pool (workers/grid-pool.ts).
 */
import { cellSizesM, slopeRows, aspectRows } from '../grid/terrain';
import { distanceTransform } from '../grid/distance';
import type { Grid } from '../types';
import { weightedOverlay } from './overlay';

export interface GridKernels {
  /** Slope in degrees (NaN at nodata). */
  slope(dem: Grid<Float32Array>, geographic: boolean): Promise<Float32Array>;
  /** Aspect in degrees clockwise from north (NaN at nodata; flat cells as gdaldem marks them). */
  aspect(dem: Grid<Float32Array>, geographic: boolean): Promise<Float32Array>;
  /** Exact Euclidean distance in metres to the nearest cell with mask != 0 (Infinity if none). */
  distance(mask: Uint8Array, width: number, height: number, cellWidthM: number, cellHeightM: number): Promise<Float32Array>;
  /** Weighted sum of 0–100 scores (255 nodata), 0 where excluded. */
  overlay(scores: Uint8Array[], weights: number[], exclusion: Uint8Array | null, cells: number): Promise<Uint8Array>;
}

/** The kernels run in the calling thread, whole grid at once. */
export function inlineKernels(): GridKernels {
  return {
    slope: async (dem, geographic) => {
      const out = new Float32Array(dem.width * dem.height);
      slopeRows(dem.data, dem.width, dem.height, cellSizesM(dem, geographic), dem.nodata, out, 0, dem.height);
      return out;
    },
    aspect: async (dem, geographic) => {
      const out = new Float32Array(dem.width * dem.height);
      aspectRows(dem.data, dem.width, dem.height, cellSizesM(dem, geographic), dem.nodata, out, 0, dem.height);
      return out;
    },
    distance: async (mask, width, height, cellWidthM, cellHeightM) => distanceTransform(mask, width, height, cellWidthM, cellHeightM),
    overlay: async (scores, weights, exclusion, cells) => {
      const out = new Uint8Array(cells);
      weightedOverlay(scores, weights, exclusion, out, 0, cells);
      return out;
    },
  };
}
