/** Web Mercator tile arithmetic (the XYZ scheme MapLibre requests). */

/** Longitude in degrees of the left edge of tile column `x` at zoom `z` (fractional x allowed). */
export function tileXToLng(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

/** Latitude in degrees of the top edge of tile row `y` at zoom `z` (fractional y allowed). */
export function tileYToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** Fractional tile column of a longitude at zoom `z`. */
export function lngToTileX(lng: number, z: number): number {
  return ((lng + 180) / 360) * 2 ** z;
}

/** Fractional tile row of a latitude at zoom `z`. */
export function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}
