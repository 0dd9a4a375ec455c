/**
 * A layer as a file the user can take elsewhere: GeoJSON (RFC 7946, longitude/latitude),
 * FlatGeobuf with a packed Hilbert R-tree (our writer; QGIS and GDAL read its index) or CSV
 * of the attributes with the longitude/latitude of point features (UTF-8 with a BOM, so
 * Excel opens Chinese text correctly).
 */
import type { Feature, Geometry } from 'geojson';
import type { VectorLayer } from '../core/types';
import { cellValue } from '../core/table-query';
import { featureToGeoJSON, type PropertyValue } from './layer.geojson';
import { writeFlatGeobuf } from './fgb';

export type ExportFormat = 'geojson' | 'fgb' | 'csv';

function features(layer: VectorLayer): Feature<Geometry | null, Record<string, PropertyValue>>[] {
  const out = [];
  for (let i = 0; i < layer.table.length; i++) out.push(featureToGeoJSON(layer, i));
  return out;
}

/** Quotes a CSV cell when it holds a delimiter, quote or line break. */
function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function layerCsv(layer: VectorLayer): string {
  const { columns } = layer.table;
  const points = layer.geometry.kind === 'Point';
  const header = [...columns.map((c) => c.name), ...(points ? ['lng', 'lat'] : [])];
  const lines = [header.map(csvCell).join(',')];
  const { coords, geomOffsets } = layer.geometry;
  for (let i = 0; i < layer.table.length; i++) {
    const cells = columns.map((c) => csvCell(cellValue(c, i)));
    if (points) {
      const v = geomOffsets.length === 0 ? i : geomOffsets[i];
      const empty = geomOffsets.length > 0 && geomOffsets[i + 1] === v;
      const x = empty ? NaN : coords[2 * v], y = empty ? NaN : coords[2 * v + 1];
      cells.push(Number.isNaN(x) ? '' : x.toFixed(7), Number.isNaN(y) ? '' : y.toFixed(7));
    }
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The layer (in EPSG:4326) encoded as `format`. */
export function exportLayer(layer: VectorLayer, format: ExportFormat): Uint8Array {
  if (format === 'fgb') return writeFlatGeobuf({ type: 'FeatureCollection', features: features(layer) }, { crsCode: 4326 });
  if (format === 'csv') return new TextEncoder().encode(layerCsv(layer));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: features(layer) }));
}
