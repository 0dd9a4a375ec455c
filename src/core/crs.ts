import proj4 from 'proj4';

/**
 * Coordinate reference systems Anju knows by code. CGCS2000 (EPSG:4490) is treated
 * as WGS84 for mapping, which is accurate to well under a metre.
 * Gauss–Krüger 3-degree zones with central meridian 120°E: EPSG:4549 (no zone
 * prefix in the false easting) and EPSG:4529 (zone 40 prefixed: x_0 = 40,500,000).
 */
const DEFINITIONS: Record<string, string> = {
  'EPSG:4490': '+proj=longlat +ellps=GRS80 +no_defs +type=crs',
  'EPSG:4549': '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs',
  'EPSG:4529': '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs',
};
for (const [code, def] of Object.entries(DEFINITIONS)) proj4.defs(code, def);

/** Turns `[x, y]` in one CRS into `[x, y]` in another. */
export type PointTransform = (x: number, y: number) => [number, number];

/** Returns a transform between two CRS codes known to proj4 (EPSG:4326, 3857, 4490, 4549, 4529, …). */
export function makeTransform(fromCrs: string, toCrs: string): PointTransform {
  if (fromCrs === toCrs) return (x, y) => [x, y];
  const converter = proj4(fromCrs, toCrs);
  return (x, y) => converter.forward([x, y]) as [number, number];
}

/** True when the CRS has degrees as units. */
export function isGeographic(crs: string): boolean {
  return crs === 'EPSG:4326' || crs === 'EPSG:4490' || crs === 'OGC:CRS84';
}
