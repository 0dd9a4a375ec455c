import type { Grid } from './types';

/**
 * Returns a copy of `grid` whose nodata (or NaN) cells are filled smoothly from the valid cells
 * around them (pull–push interpolation over an image pyramid), for display only: a
 * hillshade or 3D terrain over a DEM clipped to a county boundary would otherwise show a
 * cliff down to 0 m along the clip line, and nearest-value filling leaves streaks.
 *
 * Pull: each coarser level averages the valid cells of the 2×2 block below it.
 * Push: going back down, every empty cell takes the bilinear value of the level above.
 * Valid cells keep their values exactly. Cost: O(cells), about 1.3× the grid in memory.
 */
export function fillNodataSmooth(grid: Grid<Float32Array>): Grid<Float32Array> {
  const { width, height, nodata } = grid;
  const out = new Float32Array(grid.data);
  // NaN is a void whether or not a nodata value is declared (the readers turn voids into NaN).
  const valid = new Uint8Array(width * height);
  let any = false;
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    valid[i] = v === nodata || Number.isNaN(v) ? 0 : 1;
    if (valid[i]) any = true;
  }
  if (!any) return { ...grid, data: out, nodata: null };

  // Pull: build levels until one cell is left or every cell of a level is valid.
  const levels: { w: number; h: number; value: Float32Array; valid: Uint8Array }[] = [{ w: width, h: height, value: out, valid }];
  for (;;) {
    const fine = levels[levels.length - 1];
    if (fine.w === 1 && fine.h === 1) break;
    if (fine.valid.every((v) => v === 1)) break;
    const w = Math.ceil(fine.w / 2);
    const h = Math.ceil(fine.h / 2);
    const value = new Float32Array(w * h);
    const ok = new Uint8Array(w * h);
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        let sum = 0;
        let n = 0;
        for (let dr = 0; dr < 2; dr++) {
          const fr = 2 * r + dr;
          if (fr >= fine.h) continue;
          for (let dc = 0; dc < 2; dc++) {
            const fc = 2 * c + dc;
            if (fc >= fine.w) continue;
            const k = fr * fine.w + fc;
            if (fine.valid[k]) {
              sum += fine.value[k];
              n++;
            }
          }
        }
        if (n > 0) {
          value[r * w + c] = sum / n;
          ok[r * w + c] = 1;
        }
      }
    }
    levels.push({ w, h, value, valid: ok });
  }

  // Push: fill each level's holes from the (already complete) level above.
  for (let l = levels.length - 2; l >= 0; l--) {
    const fine = levels[l];
    const coarse = levels[l + 1];
    for (let r = 0; r < fine.h; r++) {
      // Centre of fine cell r in coarse cell coordinates, clamped for bilinear weights.
      const cy = Math.min(Math.max((r + 0.5) / 2 - 0.5, 0), coarse.h - 1);
      const r0 = Math.floor(cy);
      const r1 = Math.min(r0 + 1, coarse.h - 1);
      const ty = cy - r0;
      for (let c = 0; c < fine.w; c++) {
        const k = r * fine.w + c;
        if (fine.valid[k]) continue;
        const cx = Math.min(Math.max((c + 0.5) / 2 - 0.5, 0), coarse.w - 1);
        const c0 = Math.floor(cx);
        const c1 = Math.min(c0 + 1, coarse.w - 1);
        const tx = cx - c0;
        const v = coarse.value;
        fine.value[k] =
          (v[r0 * coarse.w + c0] * (1 - tx) + v[r0 * coarse.w + c1] * tx) * (1 - ty) +
          (v[r1 * coarse.w + c0] * (1 - tx) + v[r1 * coarse.w + c1] * tx) * ty;
        fine.valid[k] = 1;
      }
    }
  }
  return { ...grid, data: out, nodata: null };
}
