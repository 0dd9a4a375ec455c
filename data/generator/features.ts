import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { makeTransform } from '../../src/core/crs';
import type { PolygonXY, XY } from './geometry';

/** Conversion of generator records (EPSG:4549 metres) to GeoJSON in EPSG:4490 longitude/latitude. */

const toLngLat = makeTransform('EPSG:4549', 'EPSG:4490');

/** Rounds to 1e-7° (about 1 cm), so files are smaller and byte-stable. */
function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

export function lngLat(x: number, y: number): [number, number] {
  const [lng, lat] = toLngLat(x, y);
  return [round7(lng), round7(lat)];
}

export type Props = Record<string, string | number | boolean | null>;

export function pointFeature(x: number, y: number, properties: Props): Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: lngLat(x, y) } };
}

export function lineFeature(line: XY[], properties: Props): Feature {
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: line.map(([x, y]) => lngLat(x, y)) } };
}

export function polygonFeature(polygon: PolygonXY, properties: Props): Feature {
  const geometry: Geometry = { type: 'Polygon', coordinates: polygon.map((ring) => ring.map(([x, y]) => lngLat(x, y))) };
  return { type: 'Feature', properties, geometry };
}

export function multiPolygonFeature(polygons: PolygonXY[], properties: Props): Feature {
  const geometry: Geometry = { type: 'MultiPolygon', coordinates: polygons.map((p) => p.map((ring) => ring.map(([x, y]) => lngLat(x, y)))) };
  return { type: 'Feature', properties, geometry };
}

export function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] over every coordinate of the collections. */
export function bboxOf(collections: FeatureCollection[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) {
      for (const x of c) visit(x);
    }
  };
  for (const fc of collections) for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return [round7(w), round7(s), round7(e), round7(n)];
}
