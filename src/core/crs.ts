import proj4 from 'proj4';
import type { ColumnarGeometry } from './types';

/**
 * Coordinate reference systems Anju knows by code: WGS84 (4326), CGCS2000 geographic (4490,
 * treated as WGS84 for mapping, which is accurate to well under a metre), Web Mercator (3857),
 * and every CGCS2000 Gauss–Krüger zone:
 *
 * | EPSG      | zones                    | central meridian  | false easting            |
 * |-----------|--------------------------|-------------------|--------------------------|
 * | 4491–4501 | 6-degree, zone 13–23     | 75°E … 135°E by 6 | zone × 1,000,000 + 500,000 |
 * | 4502–4512 | 6-degree, CM 75°E–135°E  | 75°E … 135°E by 6 | 500,000                  |
 * | 4513–4533 | 3-degree, zone 25–45     | 75°E … 135°E by 3 | zone × 1,000,000 + 500,000 |
 * | 4534–4554 | 3-degree, CM 75°E–135°E  | 75°E … 135°E by 3 | 500,000                  |
 *
 * Lishui is EPSG:4549 (CM 120°E) or EPSG:4528 (zone 40, the zone number in the false easting).
 * WGS 84 / UTM north zones (326xx) are known too: SRTM and Landsat derivatives come in them.
 */
export interface GaussKrugerZone {
  epsg: number;
  /** Zone width in degrees. */
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
  /** True when the zone number is in the false easting (x = zone·10⁶ + 500,000 + …). */
  zonePrefix: boolean;
}

/** Every CGCS2000 Gauss–Krüger zone EPSG defines, in code order. */
export const GAUSS_KRUGER_ZONES: readonly GaussKrugerZone[] = (() => {
  const zones: GaussKrugerZone[] = [];
  for (let k = 0; k <= 10; k++) {
    const cm = 75 + 6 * k;
    zones.push({ epsg: 4491 + k, width: 6, zone: 13 + k, centralMeridian: cm, zonePrefix: true });
  }
  for (let k = 0; k <= 10; k++) {
    const cm = 75 + 6 * k;
    zones.push({ epsg: 4502 + k, width: 6, zone: 13 + k, centralMeridian: cm, zonePrefix: false });
  }
  for (let k = 0; k <= 20; k++) {
    const cm = 75 + 3 * k;
    zones.push({ epsg: 4513 + k, width: 3, zone: 25 + k, centralMeridian: cm, zonePrefix: true });
  }
  for (let k = 0; k <= 20; k++) {
    const cm = 75 + 3 * k;
    zones.push({ epsg: 4534 + k, width: 3, zone: 25 + k, centralMeridian: cm, zonePrefix: false });
  }
  return zones;
})();

function gaussKrugerProj4(z: GaussKrugerZone): string {
  const x0 = z.zonePrefix ? z.zone * 1_000_000 + 500_000 : 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${z.centralMeridian} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`;
}

proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
for (const z of GAUSS_KRUGER_ZONES) proj4.defs(`EPSG:${z.epsg}`, gaussKrugerProj4(z));

/** WGS 84 / UTM north zones (EPSG:32601–32660); China spans zones 43–53. */
for (let zone = 1; zone <= 60; zone++) proj4.defs(`EPSG:${32600 + zone}`, `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs +type=crs`);

/** The UTM north zone of an EPSG code such as `EPSG:32650`, or null. */
export function utmZone(crs: string): number | null {
  const code = epsgNumber(crs);
  return code !== null && code > 32600 && code <= 32660 ? code - 32600 : null;
}

/** The Gauss–Krüger zone of an EPSG code such as `EPSG:4549`, or null. */
export function gaussKrugerZone(crs: string): GaussKrugerZone | null {
  const code = epsgNumber(crs);
  return GAUSS_KRUGER_ZONES.find((z) => z.epsg === code) ?? null;
}

/** The zone of the given width and central meridian (with or without zone prefix). */
export function gaussKrugerFor(width: 3 | 6, centralMeridian: number, zonePrefix: boolean): GaussKrugerZone | null {
  return GAUSS_KRUGER_ZONES.find((z) => z.width === width && z.centralMeridian === centralMeridian && z.zonePrefix === zonePrefix) ?? null;
}

function epsgNumber(crs: string): number | null {
  const m = /^EPSG:(\d+)$/i.exec(crs.trim());
  return m ? Number(m[1]) : null;
}

/** True when proj4 can transform from and to this code. */
export function isKnownCrs(crs: string): boolean {
  return crs === 'EPSG:4326' || crs === 'EPSG:3857' || crs === 'EPSG:4490' || gaussKrugerZone(crs) !== null || utmZone(crs) !== null;
}

/** Turns `[x, y]` in one CRS into `[x, y]` in another. */
export type PointTransform = (x: number, y: number) => [number, number];

/** Returns a transform between two CRS codes known to proj4 (see `isKnownCrs`). */
export function makeTransform(fromCrs: string, toCrs: string): PointTransform {
  if (fromCrs === toCrs) return (x, y) => [x, y];
  if (isGeographic(fromCrs) && isGeographic(toCrs)) return (x, y) => [x, y];
  const converter = proj4(fromCrs, toCrs);
  return (x, y) => converter.forward([x, y]) as [number, number];
}

/** True when the CRS has degrees as units. */
export function isGeographic(crs: string): boolean {
  return crs === 'EPSG:4326' || crs === 'EPSG:4490' || crs === 'OGC:CRS84';
}

/** A short human name for a known CRS, in both UI languages. */
export function crsLabel(crs: string): { zh: string; en: string } {
  if (crs === 'EPSG:4326') return { zh: 'WGS 84 经纬度 (EPSG:4326)', en: 'WGS 84 longitude/latitude (EPSG:4326)' };
  if (crs === 'EPSG:4490') return { zh: 'CGCS2000 经纬度 (EPSG:4490)', en: 'CGCS2000 longitude/latitude (EPSG:4490)' };
  if (crs === 'EPSG:3857') return { zh: 'Web 墨卡托 (EPSG:3857)', en: 'Web Mercator (EPSG:3857)' };
  const utm = utmZone(crs);
  if (utm !== null) return { zh: `WGS 84 / UTM 第${utm}带北 (${crs})`, en: `WGS 84 / UTM zone ${utm}N (${crs})` };
  const z = gaussKrugerZone(crs);
  if (z) {
    const zh = `CGCS2000 高斯-克吕格 ${z.width}度带 ${z.zonePrefix ? `第${z.zone}带（带号）` : `中央经线 ${z.centralMeridian}°E`} (${crs})`;
    const en = `CGCS2000 Gauss–Krüger ${z.width}-degree ${z.zonePrefix ? `zone ${z.zone} (zone prefix)` : `CM ${z.centralMeridian}°E`} (${crs})`;
    return { zh, en };
  }
  return { zh: crs, en: crs };
}

/** A columnar geometry with its coordinates in another CRS (empty points stay NaN). */
export function reprojectGeometry(geometry: ColumnarGeometry, fromCrs: string, toCrs: string): ColumnarGeometry {
  if (fromCrs === toCrs) return geometry;
  const forward = makeTransform(fromCrs, toCrs);
  const coords = new Float64Array(geometry.coords.length);
  for (let i = 0; i < coords.length; i += 2) {
    const x = geometry.coords[i];
    const y = geometry.coords[i + 1];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      coords[i] = coords[i + 1] = NaN;
      continue;
    }
    [coords[i], coords[i + 1]] = forward(x, y);
  }
  return { ...geometry, coords };
}
