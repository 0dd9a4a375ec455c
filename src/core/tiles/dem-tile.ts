import type { Grid } from '../types';
import type { PointTransform } from '../crs';
import { tileXToLng, tileYToLat } from './webmercator';

/**
 * Resamples a DEM in any CRS into one Web Mercator tile, encoded as Terrarium RGB
 * (elevation = R*256 + G + B/256 − 32768), which MapLibre's `raster-dem` sources decode.
 *
 * Reprojecting every pixel through proj4 would cost ~65k transforms per tile; instead the
 * exact transform is evaluated on a coarse lattice (every `LATTICE` pixels) and
 * interpolated bilinearly in between, as GDAL's approximate transformer does. Over a
 * 256-pixel tile of a county-sized Gauss–Krüger DEM the error is far below a cell.
 *
 * Cells outside the DEM are clamped to its edge; `dem` must have no nodata
 * (see `fillNodataNearest`).
 *
 * ```
 * out: RGBA bytes, row-major, size*size*4
 * ```
 */
export function renderTerrariumTile(
  dem: Grid<Float32Array>,
  lngLatToDem: PointTransform,
  z: number,
  x: number,
  y: number,
  size = 256,
  out: Uint8ClampedArray = new Uint8ClampedArray(size * size * 4),
): Uint8ClampedArray {
  const LATTICE = 16;
  const steps = Math.ceil(size / LATTICE);
  const lat = steps + 1;
  // Lattice of DEM pixel coordinates (fractional col,row) at pixel centres.
  const latticeCol = new Float64Array(lat * lat);
  const latticeRow = new Float64Array(lat * lat);
  const [ox, pw, , oy, , ph] = dem.transform;
  for (let j = 0; j < lat; j++) {
    const py = Math.min(j * LATTICE, size) + 0.5;
    const latDeg = tileYToLat(y + py / size, z);
    for (let i = 0; i < lat; i++) {
      const px = Math.min(i * LATTICE, size) + 0.5;
      const lng = tileXToLng(x + px / size, z);
      const [gx, gy] = lngLatToDem(lng, latDeg);
      latticeCol[j * lat + i] = (gx - ox) / pw - 0.5;
      latticeRow[j * lat + i] = (gy - oy) / ph - 0.5;
    }
  }
  const { width, height, data } = dem;
  const maxCol = width - 1;
  const maxRow = height - 1;
  for (let py = 0; py < size; py++) {
    const lj = Math.min(Math.floor(py / LATTICE), steps - 1);
    const fy = (py - lj * LATTICE) / LATTICE;
    for (let px = 0; px < size; px++) {
      const li = Math.min(Math.floor(px / LATTICE), steps - 1);
      const fx = (px - li * LATTICE) / LATTICE;
      const a = lj * lat + li;
      const b = a + 1;
      const c = a + lat;
      const d = c + 1;
      let col = (latticeCol[a] * (1 - fx) + latticeCol[b] * fx) * (1 - fy) + (latticeCol[c] * (1 - fx) + latticeCol[d] * fx) * fy;
      let row = (latticeRow[a] * (1 - fx) + latticeRow[b] * fx) * (1 - fy) + (latticeRow[c] * (1 - fx) + latticeRow[d] * fx) * fy;
      col = col < 0 ? 0 : col > maxCol ? maxCol : col;
      row = row < 0 ? 0 : row > maxRow ? maxRow : row;
      const c0 = Math.min(Math.floor(col), maxCol - 1 < 0 ? 0 : maxCol - 1);
      const r0 = Math.min(Math.floor(row), maxRow - 1 < 0 ? 0 : maxRow - 1);
      const tx = col - c0;
      const ty = row - r0;
      const k = r0 * width + c0;
      const c1 = c0 < maxCol ? 1 : 0;
      const r1 = r0 < maxRow ? width : 0;
      const elev =
        (data[k] * (1 - tx) + data[k + c1] * tx) * (1 - ty) + (data[k + r1] * (1 - tx) + data[k + r1 + c1] * tx) * ty;
      const v = elev + 32768;
      const o = (py * size + px) * 4;
      out[o] = Math.floor(v / 256);
      out[o + 1] = Math.floor(v) % 256;
      out[o + 2] = Math.floor((v - Math.floor(v)) * 256);
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Decodes one Terrarium pixel back to metres (used by tests and the cursor readout). */
export function decodeTerrarium(r: number, g: number, b: number): number {
  return r * 256 + g + b / 256 - 32768;
}
