/**
 * GeoJSON for the basemap drawn from the project's own data: the fade outside the county
 * and the contours of the DEM.
 */
import type { Grid, VectorLayer } from '../src/core/types';
import type { PointTransform } from '../src/core/crs';
import { contourLines } from '../src/core/contours';
import type { LayerInfo } from './data.types';

/** Contour interval of the basemap, and the interval of the thicker index contours. */
const CONTOUR_INTERVAL_M = 50;
const INDEX_CONTOUR_M = 250;

/**
 * A frame around the project (1° beyond the DEM) with the outer rings of the county
 * boundary as holes. The county is the boundary layer with the fewest features.
 */
export function outsideMaskGeoJson(layers: Map<string, { info: LayerInfo; data: VectorLayer }>, bbox: [number, number, number, number]): Uint8Array | null {
  const boundaries = [...layers.values()].filter((l) => l.info.role === 'boundary' && l.data.geometry.kind === 'Polygon');
  if (boundaries.length === 0) return null;
  const county = boundaries.reduce((a, b) => (b.data.table.length < a.data.table.length ? b : a)).data;
  const { coords, partOffsets, ringOffsets } = county.geometry;
  const [w, s, e, n] = [bbox[0] - 1, bbox[1] - 1, bbox[2] + 1, bbox[3] + 1];
  const rings = [`[[${w},${s}],[${e},${s}],[${e},${n}],[${w},${n}],[${w},${s}]]`];
  for (let p = 0; p < partOffsets.length - 1; p++) {
    const r = partOffsets[p];
    const pts: string[] = [];
    for (let v = ringOffsets[r]; v < ringOffsets[r + 1]; v++) pts.push(`[${coords[2 * v]},${coords[2 * v + 1]}]`);
    rings.push(`[${pts.join(',')}]`);
  }
  return new TextEncoder().encode(`{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[${rings.join(',')}]}}`);
}

/** Contours of the DEM every CONTOUR_INTERVAL_M metres, as longitude/latitude GeoJSON. */
export function contourGeoJson(dem: Grid<Float32Array>, demToLngLat: PointTransform): Uint8Array {
  // Sampling every third cell (90 m on the demo DEM) keeps the basemap light; analyses use full resolution.
  const lines = contourLines(dem, { intervalM: CONTOUR_INTERVAL_M, step: 3 });
  const features: string[] = [];
  for (let l = 0; l < lines.levels.length; l++) {
    const pts: string[] = [];
    for (let v = lines.lineOffsets[l]; v < lines.lineOffsets[l + 1]; v++) {
      const [lng, lat] = demToLngLat(lines.coords[2 * v], lines.coords[2 * v + 1]);
      pts.push(`[${lng.toFixed(5)},${lat.toFixed(5)}]`);
    }
    if (pts.length < 2) continue;
    const ele = lines.levels[l];
    features.push(
      `{"type":"Feature","properties":{"ele":${ele},"major":${ele % INDEX_CONTOUR_M === 0}},"geometry":{"type":"LineString","coordinates":[${pts.join(',')}]}}`,
    );
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
}

