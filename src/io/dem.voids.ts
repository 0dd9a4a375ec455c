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

/** Fill values DEMs use for "no data" without declaring it; never read as elevations in another unit. */
const FILL_VALUES = new Set([32767, 65534, 65535, 99999, 999999, 2147483647]);

/** Whether a value is a usual undeclared fill value (see FILL_VALUES). */
export const isFillValue = (v: number): boolean => FILL_VALUES.has(v);

/**
 * The factor that turns a DEM's values into metres when they cannot be metres: a provincial
 * DEM stored in decimetres (Int16/Int32, to keep 0.1 m) or centimetres reads 10 or 100 times
 * too high, and as metres most of a mountain county would lie above 9,000 m and become voids.
 * 0.1 or 0.01 when, of at least 64 values (nodata, NaN, −32768 and usual fill values such as
 * 32767 aside), more than a fifth are above 9,000 with at least 16 different values among them,
 * and every value so scaled lies within −500…9,000 m; 1 otherwise. Feet, and decimetres of a
 * county below 900 m, cannot be told from metres by their range.
 */
export function elevationScale(values: ArrayLike<number>, nodata: number | null): 1 | 0.1 | 0.01 {
  const nd = nodata ?? NaN;
  const ndFloat = Math.fround(nd);
  let valid = 0;
  let high = 0;
  const distinctHigh = new Set<number>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === nd || v === ndFloat || v === -32768 || !Number.isFinite(v) || FILL_VALUES.has(v)) continue;
    valid++;
    if (v > MAX_ELEVATION_METERS) {
      high++;
      if (distinctHigh.size < 16) distinctHigh.add(v);
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (valid < 64 || high * 5 < valid || distinctHigh.size < 16) return 1;
  for (const scale of [0.1, 0.01] as const) {
    if (min * scale >= MIN_ELEVATION_METERS && max * scale <= MAX_ELEVATION_METERS) return scale;
  }
  return 1;
}
