import type { Column, VectorLayer } from '../src/core/types';
import { DESTINATION_KIND, HAZARD_TYPE, numberOf, RISK_LEVEL, type LayerRole, type Vocabulary, type VocabularyEntry } from '../src/core/vocabulary';
import type { PointBuffers } from './data.types';

function column(layer: VectorLayer, name: string): Column | undefined {
  return layer.table.columns.find((c) => c.name === name);
}

function numeric(layer: VectorLayer, name: string): Float32Array {
  const c = column(layer, name);
  const out = new Float32Array(layer.table.length).fill(NaN);
  if (c?.type === 'number') out.set(c.values);
  return out;
}

/** The vocabulary's numeric code of each value (NaN when not a code); the map indexes its palettes by these. */
function codes<E extends VocabularyEntry>(layer: VectorLayer, name: string, vocab: Vocabulary<E>): Float32Array {
  const c = column(layer, name);
  const out = new Float32Array(layer.table.length).fill(NaN);
  if (c?.type !== 'string') return out;
  for (let i = 0; i < out.length; i++) {
    const v = c.values[i];
    const k = v === null || v === undefined ? -1 : numberOf(vocab, v);
    out[i] = k < 0 ? NaN : k;
  }
  return out;
}

/** Numeric columns the map styles each point role by. */
function styleColumns(layer: VectorLayer, role: LayerRole): Record<string, Float32Array> {
  switch (role) {
    case 'villages': {
      const households = numeric(layer, 'households');
      const lowIncome = numeric(layer, 'lowIncomeHouseholds');
      const share = new Float32Array(households.length);
      for (let i = 0; i < share.length; i++) share[i] = households[i] > 0 ? lowIncome[i] / households[i] : NaN;
      return { population: numeric(layer, 'population'), lowIncomeShare: share };
    }
    case 'hazards':
      return {
        type: codes(layer, 'type', HAZARD_TYPE),
        risk: codes(layer, 'riskLevel', RISK_LEVEL),
        threatRadiusM: numeric(layer, 'threatRadiusM'),
      };
    case 'settlements':
      return {
        type: codes(layer, 'type', DESTINATION_KIND),
        capacityPersons: numeric(layer, 'capacityPersons'),
        usedPersons: numeric(layer, 'usedPersons'),
      };
    default:
      return {};
  }
}

/** Builds the deck.gl buffers of a point layer whose coordinates are already longitude/latitude. */
export function pointBuffers(layer: VectorLayer, role: LayerRole): PointBuffers {
  const { coords, geomOffsets } = layer.geometry;
  const n = layer.table.length;
  let positions: Float64Array;
  if (geomOffsets.length === 0) {
    positions = new Float64Array(coords.subarray(0, n * 2));
  } else {
    // MultiPoint features are drawn at their first point (NaN when empty: not drawn).
    positions = new Float64Array(n * 2).fill(NaN);
    for (let i = 0; i < n; i++) {
      const v = geomOffsets[i];
      if (geomOffsets[i + 1] > v) positions.set(coords.subarray(2 * v, 2 * v + 2), 2 * i);
    }
  }
  const buffers: PointBuffers = { positions, style: styleColumns(layer, role) };
  const names = column(layer, 'name');
  if (role === 'settlements' && names?.type === 'string') buffers.labels = names.values;
  return buffers;
}

/** Properties each line/polygon role keeps in its GeoJSON for styling (all others stay in the worker). */
const STYLE_PROPERTIES: Partial<Record<LayerRole, string[]>> = {
  roads: ['class'],
  rivers: ['order', 'main'],
  hazards: ['type', 'riskLevel'],
  water_source: ['level'],
  boundary: ['name'],
};

/** Serializes a line or polygon layer (longitude/latitude) to UTF-8 GeoJSON for MapLibre. */
export function shapeGeoJson(layer: VectorLayer, role: LayerRole): Uint8Array {
  const { geometry } = layer;
  const { coords, geomOffsets, partOffsets, ringOffsets } = geometry;
  const keep = (STYLE_PROPERTIES[role] ?? []).map((n) => column(layer, n)).filter((c): c is Column => !!c);
  const ring = (r: number) => {
    const parts: string[] = [];
    for (let v = ringOffsets[r]; v < ringOffsets[r + 1]; v++) parts.push(`[${coords[2 * v]},${coords[2 * v + 1]}]`);
    return `[${parts.join(',')}]`;
  };
  const line = (p: number) => {
    const parts: string[] = [];
    for (let v = partOffsets[p]; v < partOffsets[p + 1]; v++) parts.push(`[${coords[2 * v]},${coords[2 * v + 1]}]`);
    return `[${parts.join(',')}]`;
  };
  const features: string[] = [];
  for (let i = 0; i < layer.table.length; i++) {
    const g0 = geomOffsets[i];
    const g1 = geomOffsets[i + 1];
    if (g1 === g0) continue;
    let geom: string;
    if (geometry.kind === 'LineString') {
      const lines: string[] = [];
      for (let p = g0; p < g1; p++) lines.push(line(p));
      geom = `{"type":"MultiLineString","coordinates":[${lines.join(',')}]}`;
    } else {
      const polys: string[] = [];
      for (let p = g0; p < g1; p++) {
        const rings: string[] = [];
        for (let r = partOffsets[p]; r < partOffsets[p + 1]; r++) rings.push(ring(r));
        polys.push(`[${rings.join(',')}]`);
      }
      geom = `{"type":"MultiPolygon","coordinates":[${polys.join(',')}]}`;
    }
    const props: Record<string, unknown> = { i };
    for (const c of keep) props[c.name] = c.type === 'boolean' ? c.values[i] === 1 : c.values[i];
    features.push(`{"type":"Feature","id":${i},"properties":${JSON.stringify(props)},"geometry":${geom}}`);
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
}
