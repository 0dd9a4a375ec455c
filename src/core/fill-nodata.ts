import type { Grid } from './types';

/**
 * Returns a copy of `grid` whose nodata cells take the value of the nearest valid cell
 * (two-pass chamfer propagation, 8-connected, so "nearest" is approximate by at most ~8%).
 * Used for display only: a hillshade over a DEM clipped to a county boundary would
 * otherwise show a cliff down to 0 m along the clip line.
 */
export function fillNodataNearest(grid: Grid<Float32Array>): Grid<Float32Array> {
  const { width, height, nodata } = grid;
  const out = new Float32Array(grid.data);
  if (nodata === null) return { ...grid, data: out };
  const n = width * height;
  // dist: chamfer distance (in cells, ×1 orthogonal, ×1.4142 diagonal) to the source cell.
  const dist = new Float32Array(n);
  let anyValid = false;
  for (let i = 0; i < n; i++) {
    const v = out[i];
    const invalid = v === nodata || Number.isNaN(v);
    dist[i] = invalid ? Infinity : 0;
    if (!invalid) anyValid = true;
  }
  if (!anyValid) return { ...grid, data: out, nodata: null };
  const D = Math.SQRT2;
  const relax = (i: number, j: number, step: number) => {
    const d = dist[j] + step;
    if (d < dist[i]) {
      dist[i] = d;
      out[i] = out[j];
    }
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      if (col > 0) relax(i, i - 1, 1);
      if (row > 0) {
        relax(i, i - width, 1);
        if (col > 0) relax(i, i - width - 1, D);
        if (col < width - 1) relax(i, i - width + 1, D);
      }
    }
  }
  for (let row = height - 1; row >= 0; row--) {
    for (let col = width - 1; col >= 0; col--) {
      const i = row * width + col;
      if (col < width - 1) relax(i, i + 1, 1);
      if (row < height - 1) {
        relax(i, i + width, 1);
        if (col < width - 1) relax(i, i + width + 1, D);
        if (col > 0) relax(i, i + width - 1, D);
      }
    }
  }
  return { ...grid, data: out, nodata: null };
}
