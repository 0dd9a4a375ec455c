/**
 * One feature of a columnar `VectorLayer` as GeoJSON, for popups and export. Building GeoJSON
 * per feature is slow, so this is for a handful of features at a time, never a whole layer.
 */
import type { Feature, Geometry, Position } from 'geojson';
import type { ColumnarGeometry, VectorLayer } from '../core/types';

/** A property value as GeoJSON carries it: NaN numbers and 255 booleans become null. */
export type PropertyValue = string | number | boolean | null;

/**
 * Feature `index` of `layer` as a GeoJSON Feature. A feature with one part comes back as
 * Point / LineString / Polygon, with several as the Multi* type; an empty geometry as null.
 */
export function featureToGeoJSON(layer: VectorLayer, index: number): Feature<Geometry | null, Record<string, PropertyValue>> {
  const properties: Record<string, PropertyValue> = {};
  for (const column of layer.table.columns) {
    if (column.type === 'number') {
      const value = column.values[index];
      properties[column.name] = Number.isNaN(value) ? null : value;
    } else if (column.type === 'boolean') {
      const value = column.values[index];
      properties[column.name] = value === 255 ? null : value === 1;
    } else {
      properties[column.name] = column.values[index];
    }
  }
  return { type: 'Feature', geometry: geometryOf(layer.geometry, index), properties };
}

function geometryOf(g: ColumnarGeometry, index: number): Geometry | null {
  if (g.kind === 'Point') {
    const first = g.geomOffsets.length === 0 ? index : g.geomOffsets[index];
    const end = g.geomOffsets.length === 0 ? index + 1 : g.geomOffsets[index + 1];
    const points: Position[] = [];
    for (let v = first; v < end; v++) {
      if (!Number.isNaN(g.coords[2 * v])) points.push(vertex(g.coords, v));
    }
    if (points.length === 0) return null;
    return points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points };
  }
  const first = g.geomOffsets[index];
  const end = g.geomOffsets[index + 1];
  if (first === end) return null;
  if (g.kind === 'LineString') {
    const lines: Position[][] = [];
    for (let p = first; p < end; p++) lines.push(run(g.coords, g.partOffsets[p], g.partOffsets[p + 1]));
    return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  }
  const polygons: Position[][][] = [];
  for (let p = first; p < end; p++) {
    const rings: Position[][] = [];
    for (let r = g.partOffsets[p]; r < g.partOffsets[p + 1]; r++) rings.push(run(g.coords, g.ringOffsets[r], g.ringOffsets[r + 1]));
    polygons.push(rings);
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

function vertex(coords: Float64Array, v: number): Position {
  return [coords[2 * v], coords[2 * v + 1]];
}

function run(coords: Float64Array, first: number, end: number): Position[] {
  const out: Position[] = [];
  for (let v = first; v < end; v++) out.push(vertex(coords, v));
  return out;
}
