/**
 * The score colour ramp (red 0 → yellow 50 → green 100), shared by the map image and the
 * legend so they always agree. Excluded cells are a translucent grey; no data is clear.
 */
import { SCORE_NODATA } from './transforms';

/** Ramp stops: score and [r, g, b]. */
export const SCORE_STOPS: readonly [number, [number, number, number]][] = [
  [0, [165, 0, 38]],
  [25, [244, 109, 67]],
  [50, [254, 224, 139]],
  [75, [102, 189, 99]],
  [100, [0, 104, 55]],
];

export const EXCLUDED_RGBA: readonly [number, number, number, number] = [80, 80, 80, 120];
const SCORE_ALPHA = 190;

/** [r, g, b] of a score 0–100. */
export function scoreColor(score: number): [number, number, number] {
  for (let k = 1; k < SCORE_STOPS.length; k++) {
    const [s1, c1] = SCORE_STOPS[k];
    if (score <= s1) {
      const [s0, c0] = SCORE_STOPS[k - 1];
      const t = (score - s0) / (s1 - s0);
      return [Math.round(c0[0] + t * (c1[0] - c0[0])), Math.round(c0[1] + t * (c1[1] - c0[1])), Math.round(c0[2] + t * (c1[2] - c0[2]))];
    }
  }
  return [...SCORE_STOPS[SCORE_STOPS.length - 1][1]];
}

const LUT = (() => {
  const lut = new Uint32Array(256);
  const view = new Uint8Array(lut.buffer);
  for (let s = 0; s <= 100; s++) view.set([...scoreColor(s), SCORE_ALPHA], s * 4);
  return lut;
})();

/**
 * RGBA pixels of a score raster (255 = no data → clear; excluded cells grey). One 32-bit
 * write per cell through a lookup table.
 */
export function scoreImage(score: Uint8Array, exclusion: Uint8Array | null, out = new Uint8ClampedArray(score.length * 4)): Uint8ClampedArray {
  const px = new Uint32Array(out.buffer, out.byteOffset, score.length);
  const grey = new Uint32Array(new Uint8Array(EXCLUDED_RGBA).buffer)[0];
  for (let i = 0; i < score.length; i++) px[i] = exclusion && exclusion[i] && score[i] !== SCORE_NODATA ? grey : LUT[score[i]];
  return out;
}
