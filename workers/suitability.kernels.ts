/**
 * The suitability engine's raster kernels on a worker pool: slope and aspect by row bands, the
 * distance transform by column bands then row bands, the overlay by cell ranges.
 *
 * Only when the pool shares memory (the page is cross-origin isolated): then a band costs a
 * message, not a copy. In transfer mode every worker would get its own copy of each input,
 * which for these kernels costs about what the work does, so they run in this worker instead
 * (still off the main thread). Small grids run here too: a round trip costs more than they do.
 */
import { cellSizesM } from '../src/core/grid/terrain';
import { inlineKernels, type GridKernels } from '../src/core/suitability/kernels';
import type { Grid } from '../src/core/types';
import type { GridPool } from './grid-pool';

/** Below this many cells a kernel runs in the calling worker. */
const POOL_MIN_CELLS = 250_000;
/**
 * The overlay is memory-bound and its inputs are made here, so on the pool it pays for copying
 * them to shared memory; measured on the demo county (2.2 Mcells, 2 cores) the copy cost more
 * than the split saved. Split only grids where the work dwarfs the copy.
 */
const POOL_MIN_OVERLAY_CELLS = 8_000_000;

export function poolKernels(pool: GridPool): GridKernels {
  const inline = inlineKernels();
  if (!pool.shared) return inline;
  // The DEM copied once onto shared memory, for every slope and aspect run.
  const sharedDems = new WeakMap<Float32Array, Float32Array>();
  const sharedDem = (dem: Grid<Float32Array>) => {
    let copy = sharedDems.get(dem.data);
    if (!copy) {
      copy = pool.allocate('f32', dem.data.length);
      copy.set(dem.data);
      sharedDems.set(dem.data, copy);
    }
    return copy;
  };
  const terrain = async (kernel: 'slopeRows' | 'aspectRows', dem: Grid<Float32Array>, geographic: boolean) => {
    const out = pool.allocate('f32', dem.width * dem.height);
    await pool.run(kernel, { dem: sharedDem(dem), width: dem.width, height: dem.height, cell: cellSizesM(dem, geographic), nodata: dem.nodata, out }, { axis: 'rows', extent: dem.height, outputs: ['out'] });
    return out;
  };
  return {
    slope: (dem, geographic) => (dem.width * dem.height < POOL_MIN_CELLS ? inline.slope(dem, geographic) : terrain('slopeRows', dem, geographic)),
    aspect: (dem, geographic) => (dem.width * dem.height < POOL_MIN_CELLS ? inline.aspect(dem, geographic) : terrain('aspectRows', dem, geographic)),
    distance: async (mask, width, height, cellWidthM, cellHeightM) => {
      if (width * height < POOL_MIN_CELLS) return inline.distance(mask, width, height, cellWidthM, cellHeightM);
      const sharedMask = pool.allocate('u8', mask.length);
      sharedMask.set(mask);
      const g = pool.allocate('f32', width * height);
      await pool.run('edtColumns', { mask: sharedMask, width, height, cellHeightM, g }, { axis: 'cols', extent: width, outputs: ['g'] });
      const out = pool.allocate('f32', width * height);
      await pool.run('edtRows', { g, width, height, cellWidthM, out }, { axis: 'rows', extent: height, outputs: ['out'] });
      return out;
    },
    overlay: async (scores, weights, exclusion, cells) => {
      if (cells < POOL_MIN_OVERLAY_CELLS) return inline.overlay(scores, weights, exclusion, cells);
      // Criterion scores and masks are made in this worker; put them where the pool can read them.
      const toShared = (a: Uint8Array) => {
        if (a.buffer instanceof SharedArrayBuffer) return a;
        const s = pool.allocate('u8', a.length);
        s.set(a);
        return s;
      };
      const out = pool.allocate('u8', cells);
      await pool.run('weightedOverlay', { scores: scores.map(toShared), weights, exclusion: exclusion && toShared(exclusion), out }, { axis: 'cells', extent: cells, outputs: ['out'] });
      return out;
    },
  };
}
