/**
 * The hazard exposure analysis around the engine: layers with attributes in, per-layer hits
 * with the figures a land officer reads out. Hazard buffers come from each hazard's threat
 * radius, its own buffer, or the editable table by type and level, in that order. Townships
 * come from the feature's attribute, its village's, or the township boundary it lies in.
 *
 * Per-feature results stay typed arrays (hits in compressed rows); only ids, names and
 * townships are strings, one per feature.
 */
import type { LayerRole, LocalizedText } from '../manifest';
import type { Column, ColumnarGeometry } from '../types';
import { DEFAULT_HAZARD_BUFFERS_M } from '../policy-defaults';
import { codeOf, HAZARD_TYPE, numberOf, numbersOf, RISK_LEVEL, type RiskLevel } from '../vocabulary';
import { computeExposure, featureCount, type ExposureHits, type HazardLayerInput } from './engine';
import { lngLatFrom, metricFrameFor, toFrame, type MetricFrame } from './metric';

/** A layer as the data worker hands it over: geometry plus the columns the analysis reads. */
export interface SourceLayer {
  layerId: string;
  role: LayerRole;
  name: LocalizedText;
  source: LocalizedText;
  crs: string;
  geometry: ColumnarGeometry;
  /** Only the columns named in ANALYSIS_COLUMNS that the layer has. */
  columns: Column[];
}

/** The columns the analysis reads, by name (the import wizard maps files to these names). */
export const ANALYSIS_COLUMNS = ['id', 'name', 'township', 'villageId', 'population', 'persons', 'households', 'type', 'riskLevel', 'threatRadiusM', 'bufferMeters', 'surveyYear'] as const;

export interface ExposureInputs {
  hazards: SourceLayer[];
  /** Villages, households, settlements (and later drawn sites). */
  exposed: SourceLayer[];
  /** Township polygons with a name column, for features without a township attribute. */
  townships: SourceLayer | null;
}

/** Buffer in metres by hazard type and risk level (keys are hazard type codes). */
export type BufferTable = Record<string, Record<RiskLevel, number>>;

const LEVEL = numbersOf(RISK_LEVEL);

/** The numeric hazard type of a value, or -1 when it is empty or not a hazard type code. */
export function hazardTypeNumber(value: unknown): number {
  return numberOf(HAZARD_TYPE, value);
}

/** The numeric risk level of a value (1 low … 3 high), or -1 when it is empty, `none` or unknown. */
export function riskLevelNumber(value: unknown): number {
  const n = numberOf(RISK_LEVEL, value);
  return n > LEVEL.none ? n : -1;
}

export interface ExposureParams {
  buffers: BufferTable;
}

export function defaultExposureParams(): ExposureParams {
  return { buffers: structuredClone(DEFAULT_HAZARD_BUFFERS_M) };
}

/** Where a hazard's buffer came from. */
export const BUFFER_SOURCES = ['table', 'own', 'threat'] as const;

/** Every hazard of a run, flattened across layers in input order (the engine's hazard index). */
export interface HazardTable {
  count: number;
  layerIds: string[];
  layerNames: LocalizedText[];
  layerSources: LocalizedText[];
  layerOf: Uint16Array;
  featureOf: Uint32Array;
  ids: string[];
  names: (string | null)[];
  type: Uint8Array;
  level: Uint8Array;
  bufferM: Float32Array;
  /** Index into BUFFER_SOURCES. */
  bufferSource: Uint8Array;
  surveyYear: Float64Array;
  /** A representative longitude/latitude (see `project`), for zooming and drawing links. */
  lngLat: Float64Array;
}

export interface ExposedLayerResult {
  layerId: string;
  role: LayerRole;
  name: LocalizedText;
  source: LocalizedText;
  count: number;
  /**
   * Id, name and township of every feature. The analysis worker empties these three before
   * sending a run to the main thread, where only the entries' are needed (see EntryColumns).
   */
  ids: string[];
  names: (string | null)[];
  townships: (string | null)[];
  /** People per feature: population (villages) or persons (households); NaN when unknown. */
  people: Float64Array;
  /** Households per feature: the households field (villages) or 1 (households). */
  households: Float64Array;
  /** A representative longitude/latitude per feature (see `project`), NaN when empty. */
  lngLat: Float64Array;
  hits: ExposureHits;
}

/**
 * Hazards whose type or risk level was empty or unknown: an unknown type is analysed as
 * `other`, an unknown level as high (a hazard of unknown risk must not drop out of a safety
 * register). The register says so, naming the layer and the first few hazards.
 */
export interface HazardDataIssue {
  layerId: string;
  layerName: LocalizedText;
  field: 'type' | 'riskLevel';
  count: number;
  /** Ids of the first few such hazards. */
  examples: string[];
}

export interface ExposureRun {
  /** When the run finished (ms since epoch). */
  at: number;
  params: ExposureParams;
  /** Central meridian of the metric plane distances were measured in. */
  centralMeridian: number;
  hazards: HazardTable;
  layers: ExposedLayerResult[];
  issues: HazardDataIssue[];
}

function column(layer: SourceLayer, name: string): Column | undefined {
  return layer.columns.find((c) => c.name === name);
}

function text(c: Column | undefined, i: number): string | null {
  if (!c) return null;
  if (c.type === 'string') return c.values[i] === null || c.values[i] === '' ? null : c.values[i];
  if (c.type === 'number') return Number.isNaN(c.values[i]) ? null : String(c.values[i]);
  return c.values[i] === 255 ? null : String(c.values[i] === 1);
}

function num(c: Column | undefined, i: number): number {
  if (!c) return NaN;
  if (c.type === 'number') return c.values[i];
  if (c.type === 'string') return c.values[i] === null ? NaN : Number(c.values[i]);
  return NaN;
}

/** Index of the first vertex of feature i, or -1 when it has none. */
function firstVertex(g: ColumnarGeometry, i: number): number {
  if (g.kind === 'Point') return g.geomOffsets.length === 0 ? i : g.geomOffsets[i] < g.geomOffsets[i + 1] ? g.geomOffsets[i] : -1;
  const p = g.geomOffsets[i];
  if (p === g.geomOffsets[i + 1]) return -1;
  return g.kind === 'LineString' ? g.partOffsets[p] : g.ringOffsets[g.partOffsets[p]];
}

/** End (exclusive) of the first ring or part of feature i, which starts at firstVertex. */
function firstRunEnd(g: ColumnarGeometry, i: number): number {
  if (g.kind === 'Point') return firstVertex(g, i) + 1;
  const p = g.geomOffsets[i];
  if (g.kind === 'LineString') return g.partOffsets[p + 1];
  const r = g.partOffsets[p];
  // A closed ring repeats its first vertex; leave the repeat out of the mean.
  return g.ringOffsets[r + 1] - (g.ringOffsets[r + 1] - g.ringOffsets[r] > 3 ? 1 : 0);
}

/** The geometry moved into the metric plane, with the plane's scale at each feature. */
function project(layer: SourceLayer, frame: MetricFrame): { geometry: ColumnarGeometry; scale: Float32Array; lngLat: Float64Array } {
  const to = toFrame(layer.crs, frame);
  const src = layer.geometry.coords;
  const coords = new Float64Array(src.length);
  const lats = new Float64Array(src.length / 2);
  const lngs = new Float64Array(src.length / 2);
  for (let v = 0; v < src.length / 2; v++) {
    const p = to(src[2 * v], src[2 * v + 1]);
    coords[2 * v] = p.x;
    coords[2 * v + 1] = p.y;
    lats[v] = p.lat;
    lngs[v] = p.lng;
  }
  const geometry = { ...layer.geometry, coords };
  const n = featureCount(geometry);
  const scale = new Float32Array(n);
  const lngLat = new Float64Array(2 * n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const v = firstVertex(geometry, i);
    scale[i] = v < 0 ? 1 : frame.scaleAt(coords[2 * v], lats[v]);
    if (v < 0) continue;
    // The mean of the first ring's (or part's) vertices: inside most hazard zones, on a point.
    const end = firstRunEnd(geometry, i);
    let x = 0, y = 0;
    for (let k = v; k < end; k++) {
      x += lngs[k];
      y += lats[k];
    }
    lngLat[2 * i] = x / (end - v);
    lngLat[2 * i + 1] = y / (end - v);
  }
  return { geometry, scale, lngLat };
}

function unionBBoxLngLat(layers: SourceLayer[]): [number, number, number, number] {
  let w = Infinity, e = -Infinity, s = Infinity, n = -Infinity;
  for (const layer of layers) {
    const toLngLat = lngLatFrom(layer.crs);
    const c = layer.geometry.coords;
    // A sample of vertices is enough to place the plane's central meridian.
    const step = Math.max(1, Math.floor(c.length / 2 / 4096));
    for (let v = 0; v < c.length / 2; v += step) {
      const [lng, lat] = toLngLat(c[2 * v], c[2 * v + 1]);
      if (!Number.isFinite(lng)) continue;
      w = Math.min(w, lng);
      e = Math.max(e, lng);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return [w, s, e, n];
}

/** The buffer of one hazard and where it came from: threat radius, own buffer, or the table. */
export function hazardBuffer(params: ExposureParams, type: number, level: number, threatRadiusM: number, bufferMeters: number): { metres: number; source: number } {
  if (Number.isFinite(threatRadiusM) && threatRadiusM > 0) return { metres: threatRadiusM, source: 2 };
  if (Number.isFinite(bufferMeters) && bufferMeters >= 0) return { metres: bufferMeters, source: 1 };
  const row = params.buffers[codeOf(HAZARD_TYPE, type) ?? 'other'] ?? params.buffers.other;
  const levelName = codeOf(RISK_LEVEL, level) as RiskLevel | 'none' | undefined;
  return { metres: Math.max(0, (levelName && levelName !== 'none' ? row?.[levelName] : 0) ?? 0), source: 0 };
}

function prepareHazards(layers: SourceLayer[], frame: MetricFrame, params: ExposureParams): { inputs: HazardLayerInput[]; table: HazardTable; issues: HazardDataIssue[] } {
  const issues: HazardDataIssue[] = [];
  const note = (layer: SourceLayer, field: HazardDataIssue['field'], id: string) => {
    let issue = issues.find((x) => x.layerId === layer.layerId && x.field === field);
    if (!issue) issues.push((issue = { layerId: layer.layerId, layerName: layer.name, field, count: 0, examples: [] }));
    issue.count++;
    if (issue.examples.length < 5) issue.examples.push(id);
  };
  const total = layers.reduce((sum, l) => sum + featureCount(l.geometry), 0);
  const table: HazardTable = {
    count: total,
    layerIds: layers.map((l) => l.layerId),
    layerNames: layers.map((l) => l.name),
    layerSources: layers.map((l) => l.source),
    layerOf: new Uint16Array(total),
    featureOf: new Uint32Array(total),
    ids: [],
    names: [],
    type: new Uint8Array(total),
    level: new Uint8Array(total),
    bufferM: new Float32Array(total),
    bufferSource: new Uint8Array(total),
    surveyYear: new Float64Array(total),
    lngLat: new Float64Array(2 * total),
  };
  let h = 0;
  const inputs = layers.map((layer, li) => {
    const { geometry, lngLat } = project(layer, frame);
    const n = featureCount(geometry);
    const ids = column(layer, 'id'), names = column(layer, 'name'), types = column(layer, 'type'), levels = column(layer, 'riskLevel');
    const radius = column(layer, 'threatRadiusM'), own = column(layer, 'bufferMeters'), year = column(layer, 'surveyYear');
    const type = new Uint8Array(n), level = new Uint8Array(n), bufferM = new Float32Array(n);
    for (let i = 0; i < n; i++, h++) {
      const id = text(ids, i) ?? `${layer.layerId}#${i + 1}`;
      const typeCode = hazardTypeNumber(text(types, i));
      const levelCode = riskLevelNumber(text(levels, i));
      if (typeCode < 0) note(layer, 'type', id);
      if (levelCode < 0) note(layer, 'riskLevel', id);
      type[i] = typeCode < 0 ? numberOf(HAZARD_TYPE, 'other') : typeCode;
      level[i] = levelCode < 0 ? LEVEL.high : levelCode;
      const buffer = hazardBuffer(params, type[i], level[i], num(radius, i), num(own, i));
      bufferM[i] = buffer.metres;
      table.layerOf[h] = li;
      table.featureOf[h] = i;
      table.ids.push(id);
      table.names.push(text(names, i));
      table.type[h] = type[i];
      table.level[h] = level[i];
      table.bufferM[h] = buffer.metres;
      table.bufferSource[h] = buffer.source;
      table.surveyYear[h] = num(year, i);
      table.lngLat[2 * h] = lngLat[2 * i];
      table.lngLat[2 * h + 1] = lngLat[2 * i + 1];
    }
    return { geometry, type, level, bufferM };
  });
  return { inputs, table, issues };
}

/** Townships by point-in-polygon for features that carry none. */
function townshipsByLocation(geometry: ColumnarGeometry, scale: Float32Array, townships: { geometry: ColumnarGeometry; names: (string | null)[] } | null, need: boolean[]): (string | null)[] {
  const out: (string | null)[] = need.map(() => null);
  if (!townships || !need.some(Boolean)) return out;
  const n = featureCount(townships.geometry);
  const hits = computeExposure([{ geometry: townships.geometry, type: new Uint8Array(n), level: new Uint8Array(n).fill(1), bufferM: new Float32Array(n) }], { geometry, scale });
  for (let i = 0; i < need.length; i++) {
    if (!need[i]) continue;
    for (let j = hits.offsets[i]; j < hits.offsets[i + 1]; j++) {
      if (hits.inside[j]) {
        out[i] = townships.names[hits.hazard[j]];
        break;
      }
    }
  }
  return out;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

/** Runs the exposure analysis: every exposed layer against every hazard layer. */
export function runExposureAnalysis(inputs: ExposureInputs, params: ExposureParams, options: RunOptions = {}): ExposureRun {
  const frame = metricFrameFor(unionBBoxLngLat([...inputs.hazards, ...inputs.exposed]));
  const { inputs: hazardInputs, table, issues } = prepareHazards(inputs.hazards, frame, params);
  const townshipLayer = inputs.townships ? { geometry: project(inputs.townships, frame).geometry, names: Array.from({ length: featureCount(inputs.townships.geometry) }, (_, i) => text(column(inputs.townships!, 'name'), i)) } : null;
  // A village's township, by id, so households joined to villages inherit it.
  const villageTownship = new Map<string, string>();
  const total = inputs.exposed.reduce((sum, l) => sum + featureCount(l.geometry), 0);
  let done = 0;
  // Villages first, so households can look their village's township up.
  const ordered = [...inputs.exposed].sort((a, b) => Number(b.role === 'villages') - Number(a.role === 'villages'));
  const results = new Map<string, ExposedLayerResult>();
  for (const layer of ordered) {
    const { geometry, scale, lngLat } = project(layer, frame);
    const n = featureCount(geometry);
    const hits = computeExposure(hazardInputs, { geometry, scale }, { onProgress: (d) => options.onProgress?.(done + d, total), progressEvery: 4096 });
    const ids = column(layer, 'id'), names = column(layer, 'name'), township = column(layer, 'township'), village = column(layer, 'villageId');
    const peopleColumn = column(layer, layer.role === 'households' ? 'persons' : 'population');
    const householdsColumn = column(layer, 'households');
    const result: ExposedLayerResult = {
      layerId: layer.layerId,
      role: layer.role,
      name: layer.name,
      source: layer.source,
      count: n,
      ids: [],
      names: [],
      townships: [],
      people: new Float64Array(n),
      households: new Float64Array(n),
      lngLat,
      hits,
    };
    for (let i = 0; i < n; i++) {
      result.ids.push(text(ids, i) ?? `${layer.layerId}#${i + 1}`);
      result.names.push(text(names, i));
      const own = text(township, i);
      const viaVillage = own ?? (village ? (villageTownship.get(text(village, i) ?? '') ?? null) : null);
      result.townships.push(viaVillage);
      result.people[i] = num(peopleColumn, i);
      result.households[i] = layer.role === 'households' ? 1 : num(householdsColumn, i);
    }
    const located = townshipsByLocation(geometry, scale, townshipLayer, result.townships.map((t) => t === null));
    for (let i = 0; i < n; i++) if (result.townships[i] === null) result.townships[i] = located[i];
    if (layer.role === 'villages') for (let i = 0; i < n; i++) if (result.townships[i]) villageTownship.set(result.ids[i], result.townships[i]!);
    results.set(layer.layerId, result);
    done += n;
  }
  return { at: options.now ?? Date.now(), params, centralMeridian: frame.centralMeridian, hazards: table, layers: inputs.exposed.map((l) => results.get(l.layerId)!), issues };
}
