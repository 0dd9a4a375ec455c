import { area as turfArea, length as turfLength, lineString, polygon } from '@turf/turf';

export type MeasureMode = 'distance' | 'area';

/** Geodesic length in metres of a path of [lng, lat] points. */
export function pathLengthMeters(points: [number, number][]): number {
  return points.length < 2 ? 0 : turfLength(lineString(points), { units: 'kilometers' }) * 1000;
}

/** Area in square metres of the polygon closed from [lng, lat] points. */
export function polygonAreaSquareMeters(points: [number, number][]): number {
  if (points.length < 3) return 0;
  return turfArea(polygon([[...points, points[0]]]));
}

/** Formats a length for display: metres below 1 km, kilometres above. */
export function formatLength(meters: number, language: 'zh' | 'en'): string {
  if (meters < 1000) return `${meters.toFixed(0)} ${language === 'zh' ? '米' : 'm'}`;
  return `${(meters / 1000).toFixed(2)} ${language === 'zh' ? '公里' : 'km'}`;
}

/** Formats an area: m² when small, hectares, then km² (Chinese users also read 亩: 1 亩 = 666.67 m²). */
export function formatArea(squareMeters: number, language: 'zh' | 'en'): string {
  const mu = squareMeters / (2000 / 3);
  if (squareMeters < 10_000) return language === 'zh' ? `${squareMeters.toFixed(0)} 平方米（${mu.toFixed(1)} 亩）` : `${squareMeters.toFixed(0)} m²`;
  if (squareMeters < 1_000_000) return language === 'zh' ? `${(squareMeters / 10_000).toFixed(2)} 公顷（${mu.toFixed(0)} 亩）` : `${(squareMeters / 10_000).toFixed(2)} ha`;
  return language === 'zh' ? `${(squareMeters / 1e6).toFixed(2)} 平方公里` : `${(squareMeters / 1e6).toFixed(2)} km²`;
}
