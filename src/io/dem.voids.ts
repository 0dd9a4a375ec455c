/**
 * Elevation voids: the cells of a DEM that hold no elevation. A cell is void when it equals
 * the file's nodata value, is NaN, or lies outside the range any terrain on Earth has
 * (SRTM's void marker −32768 is one such value; −500 m is below the Dead Sea shore, 9,000 m
 * above Everest). Voids become NaN so no analysis mistakes them for elevations.
 */

/** Lowest elevation (m) read as terrain; lower values are voids. */
export const MIN_ELEVATION_METERS = -500;
/** Highest elevation (m) read as terrain; higher values are voids. */
export const MAX_ELEVATION_METERS = 9000;

/**
 * Copies `values` into `out` (Float32, same length; may be `values` itself when that is a
 * Float32Array) with voids as NaN, and returns how many cells are void.
 */
export function maskVoids(values: ArrayLike<number>, nodata: number | null, out: Float32Array): number {
  // A Float32 file holds its nodata rounded to float32 (e.g. -3.4028234663852886e38).
  const nd = nodata ?? NaN;
  const ndFloat = Math.fround(nd);
  let voids = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The negated range test is also true for NaN.
    if (v === nd || v === ndFloat || !(v >= MIN_ELEVATION_METERS && v <= MAX_ELEVATION_METERS)) {
      out[i] = NaN;
      voids++;
    } else {
      out[i] = v;
    }
  }
  return voids;
}
