import type { Grid } from '../types';
import type { PointTransform } from '../crs';
import { sampleTileElevations } from './dem-tile';
import { tileYToLat } from './webmercator';

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

export interface HillshadeOptions {
  /** Sun azimuth, degrees clockwise from north (cartographic default 315°, north-west). */
  azimuthDeg?: number;
  /** Sun altitude above the horizon in degrees. */
  altitudeDeg?: number;
  /** Vertical exaggeration; >1 helps at small scales where relief per pixel is low. */
  zFactor?: number;
}

/**
 * A shaded-relief tile for the offline basemap: Horn's slope and aspect on the tile's
 * own Web Mercator pixels (their ground size in metres varies with latitude and is
 * computed per row), lit by one sun. Drawn as translucent shadow over the map's paper
 * colour and translucent light on the sunny side, so it tints rather than hides.
 *
 * Computing the shading here (in the data worker) rather than with MapLibre's
 * `hillshade` layer keeps GPU work to one texture per tile: MapLibre prepares each
 * `raster-dem` tile in its own framebuffer, which costs seconds under software WebGL.
 *
 * `out`: RGBA bytes, row-major, size*size*4.
 */
export function renderHillshadeTile(
  dem: Grid<Float32Array>,
  lngLatToDem: PointTransform,
  z: number,
  x: number,
  y: number,
  size = 256,
  options: HillshadeOptions = {},
  out: Uint8ClampedArray = new Uint8ClampedArray(size * size * 4),
): Uint8ClampedArray {
  const span = size + 2;
  const e = sampleTileElevations(dem, lngLatToDem, z, x, y, size, 1, undefined, 'nan');
  const zenith = ((90 - (options.altitudeDeg ?? 45)) * Math.PI) / 180;
  const azimuth = ((360 - (options.azimuthDeg ?? 315) + 90) * Math.PI) / 180;
  const zFactor = options.zFactor ?? 1;
  const cosZenith = Math.cos(zenith);
  const sinZenith = Math.sin(zenith);
  for (let py = 0; py < size; py++) {
    const latDeg = tileYToLat(y + (py + 0.5) / size, z);
    const cellM = (EARTH_CIRCUMFERENCE_M * Math.cos((latDeg * Math.PI) / 180)) / 2 ** z / size;
    const scale = zFactor / (8 * cellM);
    for (let px = 0; px < size; px++) {
      const k = (py + 1) * span + (px + 1);
      const o = (py * size + px) * 4;
      const centre = e[k];
      if (centre !== centre) {
        // Beyond the DEM: nothing drawn (a clamped edge would repeat into stripes).
        out[o + 3] = 0;
        continue;
      }
      // Neighbours beyond the DEM (NaN, which is not equal to itself) take the centre's value:
      // a flat edge, no rim. Inline tests: a closure per pixel made tiles 8× slower.
      let a = e[k - span - 1], b = e[k - span], c = e[k - span + 1];
      let d = e[k - 1], f = e[k + 1];
      let g = e[k + span - 1], h = e[k + span], i = e[k + span + 1];
      if (a !== a) a = centre;
      if (b !== b) b = centre;
      if (c !== c) c = centre;
      if (d !== d) d = centre;
      if (f !== f) f = centre;
      if (g !== g) g = centre;
      if (h !== h) h = centre;
      if (i !== i) i = centre;
      // Horn (1981) in the usual raster convention: dz/dx east minus west, dz/dy south
      // minus north (rows grow southward); aspect is then atan2(dz/dy, −dz/dx).
      const dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) * scale;
      const dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) * scale;
      const slope = Math.atan(Math.sqrt(dzdx * dzdx + dzdy * dzdy));
      const aspect = Math.atan2(dzdy, -dzdx);
      const shade = cosZenith * Math.cos(slope) + sinZenith * Math.sin(slope) * Math.cos(azimuth - aspect);
      if (shade < cosZenith) {
        const t = (cosZenith - Math.max(0, shade)) / cosZenith;
        out[o] = 61;
        out[o + 1] = 52;
        out[o + 2] = 40;
        out[o + 3] = 190 * t;
      } else {
        const t = (shade - cosZenith) / (1 - cosZenith);
        out[o] = 255;
        out[o + 1] = 255;
        out[o + 2] = 250;
        out[o + 3] = 150 * t;
      }
    }
  }
  return out;
}
