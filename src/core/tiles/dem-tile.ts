import type { Grid } from '../types';
import type { PointTransform } from '../crs';
import { tileXToLng, tileYToLat } from './webmercator';

/** Spacing, in tile pixels, of the lattice on which the exact transform is evaluated. */
const LATTICE = 16;

/**
 * Samples a DEM in any CRS at the pixel centres of one Web Mercator tile, with `border`
 * extra pixels on every side (for slope kernels), bilinearly.
 *
 * Reprojecting every pixel through proj4 would cost ~65k transforms per tile; instead the
 * exact transform is evaluated on a coarse lattice (every 16 pixels) and interpolated
 * bilinearly in between, as GDAL's approximate transformer does. Over a tile of a
 * county-sized Gauss–Krüger DEM the error is far below a cell.
 *
 * Pixels beyond the DEM take its edge's value (`beyond` 'clamp', for 3D terrain) or NaN
 * ('nan': the hillshade draws nothing there); `dem` must have no nodata (see
 * `fillNodataSmooth`).
 *
 * ```
 * out: elevations in metres, row-major, (size + 2*border)² values
 * ```
 */
export function sampleTileElevations(
  dem: Grid<Float32Array>,
  lngLatToDem: PointTransform,
  z: number,
  x: number,
  y: number,
  size: number,
  border = 0,
  out: Float32Array = new Float32Array((size + 2 * border) ** 2),
  beyond: 'clamp' | 'nan' = 'clamp',
): Float32Array {
  const span = size + 2 * border;
  const steps = Math.ceil(span / LATTICE);
  const lat = steps + 1;
  const latticeCol = new Float64Array(lat * lat);
  const latticeRow = new Float64Array(lat * lat);
  const [ox, pw, , oy, , ph] = dem.transform;
  for (let j = 0; j < lat; j++) {
    const py = Math.min(j * LATTICE, span) - border + 0.5;
    const latDeg = tileYToLat(y + py / size, z);
    for (let i = 0; i < lat; i++) {
      const px = Math.min(i * LATTICE, span) - border + 0.5;
      const [gx, gy] = lngLatToDem(tileXToLng(x + px / size, z), latDeg);
      latticeCol[j * lat + i] = (gx - ox) / pw - 0.5;
      latticeRow[j * lat + i] = (gy - oy) / ph - 0.5;
    }
  }
  const { width, height, data } = dem;
  const maxCol = width - 1;
  const maxRow = height - 1;
  for (let py = 0; py < span; py++) {
    const lj = Math.min(Math.floor(py / LATTICE), steps - 1);
    const fy = (py - lj * LATTICE) / LATTICE;
    for (let px = 0; px < span; px++) {
      const li = Math.min(Math.floor(px / LATTICE), steps - 1);
      const fx = (px - li * LATTICE) / LATTICE;
      const a = lj * lat + li;
      const b = a + 1;
      const c = a + lat;
      const d = c + 1;
      let col = (latticeCol[a] * (1 - fx) + latticeCol[b] * fx) * (1 - fy) + (latticeCol[c] * (1 - fx) + latticeCol[d] * fx) * fy;
      let row = (latticeRow[a] * (1 - fx) + latticeRow[b] * fx) * (1 - fy) + (latticeRow[c] * (1 - fx) + latticeRow[d] * fx) * fy;
      // Pixel centres more than half a cell outside the outermost cell centres lie beyond the DEM.
      if (beyond === 'nan' && (col < -0.5 || col > maxCol + 0.5 || row < -0.5 || row > maxRow + 0.5)) {
        out[py * span + px] = NaN;
        continue;
      }
      col = col < 0 ? 0 : col > maxCol ? maxCol : col;
      row = row < 0 ? 0 : row > maxRow ? maxRow : row;
      const c0 = Math.min(Math.floor(col), Math.max(0, maxCol - 1));
      const r0 = Math.min(Math.floor(row), Math.max(0, maxRow - 1));
      const tx = col - c0;
      const ty = row - r0;
      const k = r0 * width + c0;
      const c1 = c0 < maxCol ? 1 : 0;
      const r1 = r0 < maxRow ? width : 0;
      out[py * span + px] =
        (data[k] * (1 - tx) + data[k + c1] * tx) * (1 - ty) + (data[k + r1] * (1 - tx) + data[k + r1 + c1] * tx) * ty;
    }
  }
  return out;
}

/**
 * One tile encoded as Terrarium RGB (elevation = R*256 + G + B/256 − 32768), which
 * MapLibre's `raster-dem` sources decode (used for 3D terrain).
 * `out`: RGBA bytes, row-major, size*size*4.
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
  const elevations = sampleTileElevations(dem, lngLatToDem, z, x, y, size);
  for (let i = 0; i < size * size; i++) {
    const v = elevations[i] + 32768;
    const o = i * 4;
    out[o] = Math.floor(v / 256);
    out[o + 1] = Math.floor(v) % 256;
    out[o + 2] = Math.floor((v - Math.floor(v)) * 256);
    out[o + 3] = 255;
  }
  return out;
}

/** Decodes one Terrarium pixel back to metres. */
export function decodeTerrarium(r: number, g: number, b: number): number {
  return r * 256 + g + b / 256 - 32768;
}
