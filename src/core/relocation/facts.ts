/**
 * Measures what the relocation analysis decides on, from the project's layers: each village's
 * people, hazards (the exposure analysis's own hits) and minutes to town, school and clinic;
 * each destination's capacity, hazard check and services; and the travel minutes from every
 * village to every destination (one cost-distance search from each destination over the
 * travel-time surface). This is the slow part of a run and depends only on the layers, the
 * travel settings and the hazard buffers, so the worker keeps it while the policy changes.
 */
import { costDistance, createCostDistanceResult } from '../costdistance';
import { featureCount, featureVertexRange } from '../import/geometry-builder';
import { isGeographic, makeTransform, reprojectGeometry } from '../crs';
import { codeOf, DESTINATION_KIND, HAZARD_TYPE, isCode, label, TOWN_KINDS, type DestinationKind } from '../vocabulary';
import { runExposureAnalysis, type ExposureParams, type ExposedLayerResult, type SourceLayer } from '../exposure/analysis';
import type { LocalizedText } from '../manifest';
import type { Column, Grid } from '../types';
import type { DestinationFacts, HazardHit, IndustrySite, NewSite, RelocationFacts, ServiceMinutes, VillageFacts } from './analysis';
import type { TravelSettings } from './policy';
import { buildTravelGrid, ROAD_CLASSES, startCell, type TravelGrid } from './travel';
import { ringAnchor } from './sites';

export interface FactsInput {
  dem: Grid<Float32Array> | null;
  layers: SourceLayer[];
  /** Candidate regions of the suitability analysis and the scenario's drawn sites, offered as destinations. */
  newSites?: NewSite[];
  /** Industry sites drawn in the scenario (the project's industrial parks are read from its layers). */
  industrySites?: IndustrySite[];
}

/**
 * Sites as exposed layers (points, and polygons where drawn as such), so the hazard check runs
 * on them exactly as on settlements. Returns the layers and, per site, its layer and index.
 */
function siteLayers(sites: readonly { id: string; name: string; lngLat: [number, number]; ring?: [number, number][] }[]): { layers: SourceLayer[]; at: [number, number][] } {
  const points = sites.filter((s) => !s.ring || s.ring.length < 3);
  const polygons = sites.filter((s) => s.ring && s.ring.length >= 3);
  const layer = (id: string, list: typeof sites, geometry: SourceLayer['geometry']): SourceLayer => ({
    layerId: id,
    role: 'settlements',
    name: { zh: '新选址', en: 'New sites' },
    source: { zh: '选址分析候选区与方案中绘制的选址', en: 'Suitability candidate regions and sites drawn in the scenario' },
    crs: 'EPSG:4326',
    geometry,
    columns: [
      { name: 'id', type: 'string', values: list.map((s) => s.id) },
      { name: 'name', type: 'string', values: list.map((s) => s.name) },
    ],
  });
  const layers: SourceLayer[] = [];
  if (points.length > 0) {
    layers.push(layer('new-sites', points, { kind: 'Point', coords: Float64Array.from(points.flatMap((s) => s.lngLat)), geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) }));
  }
  if (polygons.length > 0) {
    // One ring per polygon, closed: geomOffsets → parts, partOffsets → rings, ringOffsets → vertices.
    const rings = polygons.map((s) => (ringClosed(s.ring!) ? s.ring! : [...s.ring!, s.ring![0]]));
    const ringOffsets = new Uint32Array(rings.length + 1);
    rings.forEach((r, i) => (ringOffsets[i + 1] = ringOffsets[i] + r.length));
    const seq = Uint32Array.from({ length: rings.length + 1 }, (_, i) => i);
    layers.push(layer('new-site-areas', polygons, { kind: 'Polygon', coords: Float64Array.from(rings.flat(2)), geomOffsets: seq, partOffsets: seq.slice(), ringOffsets }));
  }
  const at = sites.map((s): [number, number] => {
    const poly = polygons.indexOf(s);
    return poly >= 0 ? [layers.length - 1, poly] : [0, points.indexOf(s)];
  });
  return { layers, at };
}

function ringClosed(ring: [number, number][]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1];
}

export interface FactsParams {
  travel: TravelSettings;
  hazards: ExposureParams;
  /** Travel-grid cells at most (the DEM is coarsened to fit); default 400,000. */
  maxCells?: number;
  /** Hazard types whose zones are one-way when the travel settings make hazards impassable (the scenario's counted types). */
  impassableTypes?: string[];
}

export type FactsStage = 'exposure' | 'travel' | 'services' | 'od';
export type FactsOutcome = { ok: true; facts: RelocationFacts; warnings: LocalizedText[] } | { ok: false; problem: LocalizedText };

const TOWN_TYPES = new Set<string>(TOWN_KINDS);
/** The kind of a settlement whose type is missing or unknown. */
const FALLBACK_KIND: DestinationKind = 'central_village';
/** Site searches kept for reuse (suitability regions, drawn sites, industry sites of the scenarios in use). */
const KEPT_SEARCHES = 48;

function col(layer: SourceLayer, name: string): Column | undefined {
  return layer.columns.find((c) => c.name === name);
}
function num(c: Column | undefined, i: number): number {
  if (!c) return NaN;
  if (c.type === 'number') return c.values[i];
  if (c.type === 'boolean') return c.values[i] === 255 ? NaN : c.values[i];
  const v = Number(c.values[i]);
  return c.values[i] !== null && Number.isFinite(v) ? v : NaN;
}
function str(c: Column | undefined, i: number): string | null {
  if (!c) return null;
  const v = c.values[i];
  if (c.type === 'string') return (v as string | null) || null;
  return Number.isNaN(v as number) ? null : String(v);
}
function truthy(c: Column | undefined, i: number): boolean {
  if (!c) return false;
  if (c.type === 'string') return /^(1|true|yes|是|有)$/i.test(c.values[i] ?? '');
  return num(c, i) === 1;
}
const zeroIfNaN = (x: number) => (Number.isFinite(x) ? x : 0);

/** Features of a hazard layer whose type passes `keep`. */
function hazardFeatures(layer: SourceLayer, keep: (type: string) => boolean): number[] {
  const type = col(layer, 'type');
  const n = featureCount(layer.geometry);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(str(type, i) ?? 'other')) out.push(i);
  return out;
}
/** Seconds → minutes at each cell of a finished search. */
function minutesAt(acc: Float64Array, cells: ArrayLike<number>, out: Float32Array | Float64Array, stride = 1, offset = 0) {
  for (let i = 0; i < cells.length; i++) out[i * stride + offset] = cells[i] >= 0 ? acc[cells[i]] / 60 : Infinity;
}

/**
 * Everything measured from the layers alone, kept by the worker while the layers, the travel
 * settings and the hazard buffers stay: the facts without any new site, and what adding a
 * site needs (the cells of villages and destinations, the minutes to each service everywhere,
 * kept searches, the hazard check).
 */
export interface BaseFacts {
  facts: RelocationFacts;
  warnings: LocalizedText[];
  villageCells: number[];
  destCells: number[];
  /** Minutes to the nearest town, school and clinic at every travel-grid cell (null: none in the project). */
  serviceMinutes: Record<keyof ServiceMinutes, Float32Array | null>;
  cellOf(lngLat: [number, number]): number;
  /** The register's hazard check of sites (drawn or suitable), as for settlements. */
  checkSites(sites: readonly SiteShape[]): { hits: HazardHit[]; township: string | null }[];
  /** The project's industrial parks (representative points). */
  parks: IndustrySite[];
  /** Minutes from one cell to every cell (Infinity: no path), kept per start cell (a site searched once is not searched again). */
  minutesFrom(cell: number): Float32Array;
}

export type BaseOutcome = { ok: true; base: BaseFacts } | { ok: false; problem: LocalizedText };

interface SiteShape {
  id: string;
  name: string;
  lngLat: [number, number];
  ring?: [number, number][];
}

/** The facts with the given sites (suitability regions and drawn sites) added as destinations. */
export function buildFacts(input: FactsInput, params: FactsParams, onProgress?: (stage: FactsStage, done: number, total: number) => void): FactsOutcome {
  const base = measureBase(input, params, onProgress);
  if (!base.ok) return base;
  return { ok: true, facts: withSites(base.base, input.newSites ?? [], input.industrySites ?? [], onProgress), warnings: base.base.warnings };
}

/** Measures the facts that depend only on the layers, the travel settings and the hazard buffers. */
export function measureBase(input: FactsInput, params: FactsParams, onProgress?: (stage: FactsStage, done: number, total: number) => void): BaseOutcome {
  const t0 = performance.now();
  const { dem, layers } = input;
  const villageLayers = layers.filter((l) => l.role === 'villages');
  const settlementLayers = layers.filter((l) => l.role === 'settlements');
  if (villageLayers.length === 0) return { ok: false, problem: { zh: '项目中没有自然村图层：请导入自然村（点或面，含 id、name、population 字段）。', en: 'The project has no villages layer: import natural villages (points or polygons with id, name and population).' } };
  if (settlementLayers.length === 0) return { ok: false, problem: { zh: '项目中没有安置点图层：请导入安置点（含 id、name、type、capacityPersons 字段）。', en: 'The project has no settlements layer: import destinations (with id, name, type and capacityPersons).' } };
  if (!dem) return { ok: false, problem: { zh: '计算出行时间需要数字高程模型（DEM）：请导入 DEM GeoTIFF。', en: 'Travel times need a DEM: import a DEM GeoTIFF.' } };
  const warnings: LocalizedText[] = [];

  // Hazard hits, exactly as the register finds them.
  onProgress?.('exposure', 0, 1);
  const hazardLayers = layers.filter((l) => l.role === 'hazards');
  const boundaries = layers.filter((l) => l.role === 'boundary' && l.geometry.kind === 'Polygon' && col(l, 'name')).sort((a, b) => featureCount(b.geometry) - featureCount(a.geometry));
  const township = boundaries.find((l) => featureCount(l.geometry) > 1) ?? null;
  const run = runExposureAnalysis({ hazards: hazardLayers, exposed: [...villageLayers, ...settlementLayers], townships: township }, params.hazards);
  const pointHazard = Uint8Array.from(run.hazards.layerOf, (l) => (hazardLayers[l].geometry.kind === 'Point' ? 1 : 0));
  const exposedOf = (layerId: string) => run.layers.find((l) => l.layerId === layerId) as ExposedLayerResult;

  // The travel surface, on the DEM coarsened to fit.
  onProgress?.('travel', 0, 1);
  const toGrid = (l: SourceLayer) => reprojectGeometry(l.geometry, l.crs, dem.crs);
  const roads = layers.filter((l) => l.role === 'roads').map((l) => {
    const cls = col(l, 'class');
    const n = featureCount(l.geometry);
    return { geometry: toGrid(l), classOf: Int8Array.from({ length: n }, (_, i) => ROAD_CLASSES.indexOf((str(cls, i) ?? 'village') as (typeof ROAD_CLASSES)[number])) };
  });
  const barriers = [
    ...layers.filter((l) => l.role === 'rivers').map((l) => ({ geometry: toGrid(l) })),
    ...hazardLayers.filter((l) => l.geometry.kind === 'Polygon').map((l) => ({ geometry: toGrid(l), features: hazardFeatures(l, (t) => t === 'reservoir') })),
  ];
  // One-way zones are those of the hazard types the scenario counts (a flood zone along the main
  // valley would otherwise cut the towns in it off from everyone outside).
  const counted = new Set(params.impassableTypes ?? []);
  const hazardZones = hazardLayers.filter((l) => l.geometry.kind === 'Polygon').map((l) => ({ geometry: toGrid(l), features: hazardFeatures(l, (t) => counted.has(t)) }));
  const grid = buildTravelGrid({ dem, geographic: isGeographic(dem.crs), roads, barriers, hazards: hazardZones, maxCells: params.maxCells ?? 400_000 }, params.travel);
  const fromLngLat = makeTransform('EPSG:4326', dem.crs);
  const cellOf = (lngLat: [number, number]) => {
    const [x, y] = fromLngLat(lngLat[0], lngLat[1]);
    return startCell(grid, x, y);
  };

  // Villages.
  const villages: VillageFacts[] = [];
  const villageCells: number[] = [];
  const [dox, dpw, , doy, , dph] = dem.transform;
  for (const layer of villageLayers) {
    const ex = exposedOf(layer.layerId);
    const c = (name: string) => col(layer, name);
    let missingPeople = 0;
    for (let i = 0; i < ex.count; i++) {
      const lngLat: [number, number] = [ex.lngLat[2 * i], ex.lngLat[2 * i + 1]];
      if (!Number.isFinite(lngLat[0])) continue;
      const population = num(c('population'), i);
      if (!(population >= 0)) missingPeople++;
      const households = num(c('households'), i);
      let elevationM = num(c('elevationM'), i);
      if (!Number.isFinite(elevationM)) {
        const [x, y] = fromLngLat(lngLat[0], lngLat[1]);
        const cc = Math.floor((x - dox) / dpw);
        const rr = Math.floor((y - doy) / dph);
        elevationM = cc >= 0 && rr >= 0 && cc < dem.width && rr < dem.height ? dem.data[rr * dem.width + cc] : NaN;
      }
      villages.push({
        id: str(c('id'), i) ?? `${layer.layerId}#${i + 1}`,
        name: str(c('name'), i) ?? ex.names[i] ?? `#${i + 1}`,
        township: str(c('township'), i) ?? ex.townships[i],
        county: str(c('county'), i),
        lngLat,
        population: zeroIfNaN(population),
        households: Number.isFinite(households) && households > 0 ? households : Math.max(1, Math.round(zeroIfNaN(population) / 3)),
        lowIncomePersons: zeroIfNaN(num(c('lowIncomePersons'), i)),
        lowIncomeHouseholds: zeroIfNaN(num(c('lowIncomeHouseholds'), i)),
        houseGradeC: zeroIfNaN(num(c('houseGradeC'), i)),
        houseGradeD: zeroIfNaN(num(c('houseGradeD'), i)),
        elevationM,
        hazards: hitsOf(ex, i, run.hazards, pointHazard),
        before: { town: Infinity, school: Infinity, clinic: Infinity },
        gaps: population > 0 ? [] : ['no_population'],
      });
      villageCells.push(cellOf(lngLat));
    }
    if (missingPeople > 0) {
      warnings.push({ zh: `图层“${layer.name.zh}”有 ${missingPeople} 个自然村没有 population（人口）值，按 0 人计：请在导入时映射人口字段。`, en: `Layer "${layer.name.en}": ${missingPeople} villages have no population; counted as 0 people. Map the population field when importing.` });
    }
  }

  dropDuplicateVillages(villages, villageCells, villageLayers.length > 1, warnings);

  // Destinations.
  const destinations: DestinationFacts[] = [];
  const destCells: number[] = [];
  const schoolHere: boolean[] = [];
  const clinicHere: boolean[] = [];
  for (const layer of settlementLayers) {
    const ex = exposedOf(layer.layerId);
    const c = (name: string) => col(layer, name);
    const badTypes = new Set<string>();
    const noCapacity: string[] = [];
    const negative: string[] = [];
    for (let i = 0; i < ex.count; i++) {
      const lngLat: [number, number] = [ex.lngLat[2 * i], ex.lngLat[2 * i + 1]];
      if (!Number.isFinite(lngLat[0])) continue;
      const rawType = str(c('type'), i) ?? '';
      const type: DestinationKind = isCode(DESTINATION_KIND, rawType) ? rawType : FALLBACK_KIND;
      if (type !== rawType) badTypes.add(rawType || '∅');
      const capacity = num(c('capacityPersons'), i);
      const label = str(c('name'), i) ?? `#${i + 1}`;
      if (capacity < 0) negative.push(label);
      else if (!(capacity >= 0)) noCapacity.push(label);
      destinations.push({
        id: str(c('id'), i) ?? `${layer.layerId}#${i + 1}`,
        name: str(c('name'), i) ?? `#${i + 1}`,
        type,
        township: str(c('township'), i) ?? ex.townships[i],
        county: str(c('county'), i),
        lngLat,
        capacity: Math.max(0, zeroIfNaN(capacity)),
        used: zeroIfNaN(num(c('usedPersons'), i)),
        landCostPerM2: num(c('landCostPerM2'), i),
        hazards: hitsOf(ex, i, run.hazards, pointHazard),
        services: { town: TOWN_TYPES.has(type) ? 0 : Infinity, school: Infinity, clinic: Infinity },
        ...(layer.geometry.kind === 'Polygon' ? { polygon: true } : {}),
      });
      destCells.push(cellOf(lngLat));
      schoolHere.push(truthy(c('hasSchool'), i));
      clinicHere.push(truthy(c('hasClinic'), i));
    }
    if (badTypes.size > 0) warnings.push({ zh: `图层“${layer.name.zh}”的 type 值 ${[...badTypes].join('、')} 不是安置点类型（${DESTINATION_KIND.entries.map((e) => e.label.zh).join('、')}），按${label(DESTINATION_KIND, FALLBACK_KIND, 'zh')}计。`, en: `Layer "${layer.name.en}": type ${[...badTypes].join(', ')} is not a destination type (${DESTINATION_KIND.codes.join(', ')}); treated as ${FALLBACK_KIND}.` });
    const some = (names: string[], sep: string) => `${names.slice(0, 5).join(sep)}${names.length > 5 ? (sep === '、' ? ' 等' : '…') : ''}`;
    if (noCapacity.length > 0) warnings.push({ zh: `图层“${layer.name.zh}”有 ${noCapacity.length} 个安置点（${some(noCapacity, '、')}）没有 capacityPersons（容量），按 0 计：请在图层中补充容量，或在“安置点”页填写。`, en: `Layer "${layer.name.en}": ${noCapacity.length} settlements (${some(noCapacity, ', ')}) have no capacityPersons; counted as 0. Add it to the layer, or enter it on the Destinations tab.` });
    if (negative.length > 0) warnings.push({ zh: `图层“${layer.name.zh}”有 ${negative.length} 个安置点（${some(negative, '、')}）的 capacityPersons（容量）为负数，按 0 计：请改正图层中的容量。`, en: `Layer "${layer.name.en}": ${negative.length} settlements (${some(negative, ', ')}) have a negative capacityPersons; counted as 0. Correct the capacity in the layer.` });
  }

  const V = villages.length;
  const D = destinations.length;
  const n = grid.width * grid.height;
  const search = createCostDistanceResult(n);
  const run1 = (sources: number[]) => costDistance(grid.pace, grid.width, grid.height, grid.cellM, sources.filter((s) => s >= 0), { out: search, noEntry: grid.noEntry ?? undefined });

  // Services: one search per kind from all of its places.
  const pointsOf = (role: string) => {
    const cells: number[] = [];
    for (const l of layers.filter((x) => x.role === role)) {
      const g = toGrid(l);
      const count = featureCount(g);
      for (let i = 0; i < count; i++) {
        // A feature's first vertex: a school drawn as a polygon starts from its outline.
        const [v, end] = featureVertexRange(g, i);
        if (v < end && Number.isFinite(g.coords[2 * v])) cells.push(startCell(grid, g.coords[2 * v], g.coords[2 * v + 1]));
      }
    }
    return cells;
  };
  const services: [keyof ServiceMinutes, number[]][] = [
    ['town', destCells.filter((_, d) => TOWN_TYPES.has(destinations[d].type))],
    ['school', pointsOf('schools')],
    ['clinic', pointsOf('clinics')],
  ];
  const tmpV = new Float64Array(V);
  const tmpD = new Float64Array(D);
  const serviceMinutes: BaseFacts['serviceMinutes'] = { town: null, school: null, clinic: null };
  services.forEach(([kind, sources], k) => {
    onProgress?.('services', k, services.length);
    if (sources.length === 0) {
      warnings.push({ zh: `没有${kind === 'town' ? '城镇（县城、中心镇）' : kind === 'school' ? '学校' : '医疗机构'}图层或要素，到它的时间按无法到达计。`, en: `No ${kind === 'town' ? 'towns (county seat, central towns)' : kind === 'school' ? 'schools' : 'clinics'} in the project: minutes to them count as unreachable.` });
      return;
    }
    const r = run1(sources);
    serviceMinutes[kind] = Float32Array.from(r.accumulated, (sec) => sec / 60);
    minutesAt(r.accumulated, villageCells, tmpV);
    minutesAt(r.accumulated, destCells, tmpD);
    villages.forEach((v, i) => (v.before[kind] = tmpV[i]));
    destinations.forEach((d, i) => {
      const here = (kind === 'school' && schoolHere[i]) || (kind === 'clinic' && clinicHere[i]) || (kind === 'town' && d.services.town === 0);
      d.services[kind] = here ? 0 : tmpD[i];
    });
  });

  // Village → destination minutes: one search from each destination.
  const od = new Float32Array(V * D).fill(Infinity);
  for (let d = 0; d < D; d++) {
    onProgress?.('od', d, D);
    if (destCells[d] < 0) continue;
    const r = run1([destCells[d]]);
    minutesAt(r.accumulated, villageCells, od, D, d);
  }
  // What the rules cannot judge: a village outside the DEM, or with no path to a town when the
  // project has towns (the remote rule reads minutes to town; unknown minutes decide nothing).
  const towns = services[0][1].length > 0;
  villages.forEach((v, i) => {
    if (villageCells[i] < 0 || !Number.isFinite(v.elevationM)) v.gaps.push('no_dem');
    else if (towns && !Number.isFinite(v.before.town)) v.gaps.push('no_path');
  });
  const outside = villages.filter((_, i) => villageCells[i] < 0);
  if (outside.length > 0) {
    // Named (with the township), the first five; the Villages tab lists them all under 数据不足.
    const named = (lang: 'zh' | 'en') => outside.slice(0, 5).map((v) => (v.township ? (lang === 'zh' ? `${v.township}${v.name}` : `${v.name} (${v.township})`) : v.name)).join(lang === 'zh' ? '、' : ', ');
    const more = outside.length > 5;
    warnings.push({
      zh: `${outside.length} 个自然村（${named('zh')}${more ? '等' : ''}）在高程数据（DEM）范围外或四周无法通行，无法计算海拔和出行时间，未作判定。请导入覆盖这些村的 DEM。`,
      en: `${outside.length} villages (${named('en')}${more ? ', …' : ''}) lie outside the elevation model (DEM) or in cells nobody can reach; their elevation and travel times are unknown and they are not judged. Import a DEM that covers them.`,
    });
  }

  // Kept searches, least recently used first; bounded, as each holds a whole grid (1.6 MB at 400k cells).
  const searches = new Map<number, Float32Array>();
  const minutesFrom = (cell: number) => {
    let m = searches.get(cell);
    if (m) searches.delete(cell);
    else m = Float32Array.from(run1([cell]).accumulated, (sec) => sec / 60);
    searches.set(cell, m);
    if (searches.size > KEPT_SEARCHES) searches.delete(searches.keys().next().value!);
    return m;
  };
  const checkSites = (sites: readonly SiteShape[]) => {
    if (sites.length === 0) return [];
    const { layers: exposed, at } = siteLayers(sites);
    const r = runExposureAnalysis({ hazards: hazardLayers, exposed, townships: township }, params.hazards);
    const point = Uint8Array.from(r.hazards.layerOf, (l) => (hazardLayers[l].geometry.kind === 'Point' ? 1 : 0));
    return at.map(([layer, i]) => {
      const ex = r.layers.find((l) => l.layerId === exposed[layer].layerId) as ExposedLayerResult;
      return { hits: hitsOf(ex, i, r.hazards, point), township: ex.townships[i] };
    });
  };
  const parks: IndustrySite[] = [];
  for (const l of layers.filter((x) => x.role === 'industrial_parks')) {
    const g = reprojectGeometry(l.geometry, l.crs, 'EPSG:4326');
    const count = featureCount(g);
    const ids = col(l, 'id');
    const names = col(l, 'name');
    const jobs = col(l, 'jobs');
    for (let i = 0; i < count; i++) {
      const [v, e] = featureVertexRange(g, i);
      if (v >= e) continue;
      // A park drawn as a polygon starts from a point inside its outer ring; a point park from itself.
      let lngLat: [number, number] = [g.coords[2 * v], g.coords[2 * v + 1]];
      if (g.kind === 'Polygon') {
        const r = g.partOffsets[g.geomOffsets[i]];
        const ring: [number, number][] = [];
        for (let k = g.ringOffsets[r]; k < g.ringOffsets[r + 1]; k++) ring.push([g.coords[2 * k], g.coords[2 * k + 1]]);
        lngLat = ringAnchor(ring);
      }
      parks.push({ id: str(ids, i) ?? `${l.layerId}#${i + 1}`, name: str(names, i) ?? `#${i + 1}`, lngLat, jobs: num(jobs, i) });
    }
  }
  const facts: RelocationFacts = { villages, destinations, od, travel: travelSummary(grid, performance.now() - t0), industry: { sites: [], minutes: new Float32Array(0) } };
  return { ok: true, base: { facts, warnings, villageCells, destCells, serviceMinutes, cellOf, checkSites, parks, minutesFrom } };
}

/**
 * The base facts with sites added as destinations: each is hazard-checked as settlements are,
 * gets its services' minutes from the kept surfaces, and one search of its own (kept, so a
 * site already searched costs nothing the next time). Industry sites (the project's parks and
 * the scenario's drawn ones) get a search each for their minutes to every destination.
 */
export function withSites(base: BaseFacts, sites: readonly NewSite[], industrySites: readonly IndustrySite[], onProgress?: (stage: FactsStage, done: number, total: number) => void): RelocationFacts {
  const { facts } = base;
  const checks = base.checkSites(sites);
  const added: DestinationFacts[] = sites.map((site, i) => {
    const cell = base.cellOf(site.lngLat);
    const at = (m: Float32Array | null) => (m && cell >= 0 ? m[cell] : Infinity);
    // A suitability region is named by its township and rank (东坑镇 候选区 3); a drawn site by the planner.
    const township = checks[i].township;
    return {
      id: site.id,
      name: !site.drawn && township ? `${township} ${site.name}` : site.name,
      type: 'new_site',
      township,
      county: null,
      lngLat: site.lngLat,
      capacity: site.capacity ?? 0,
      used: 0,
      landCostPerM2: NaN,
      hazards: checks[i].hits,
      services: { town: at(base.serviceMinutes.town), school: at(base.serviceMinutes.school), clinic: at(base.serviceMinutes.clinic) },
      areaHa: site.areaHa,
      ...(site.drawn ? { drawn: true } : {}),
      ...(site.ring && site.ring.length >= 3 ? { polygon: true } : {}),
    };
  });
  const V = facts.villages.length;
  const D0 = facts.destinations.length;
  const D = D0 + added.length;
  const od = new Float32Array(V * D);
  for (let v = 0; v < V; v++) od.set(facts.od.subarray(v * D0, v * D0 + D0), v * D);
  const siteCells = sites.map((s) => base.cellOf(s.lngLat));
  siteCells.forEach((cell, k) => {
    onProgress?.('od', k, siteCells.length);
    const m = cell >= 0 ? base.minutesFrom(cell) : null;
    base.villageCells.forEach((c, v) => (od[v * D + D0 + k] = m && c >= 0 ? m[c] : Infinity));
  });
  const industry = [...base.parks, ...industrySites];
  const destCells = [...base.destCells, ...siteCells];
  const minutes = new Float32Array(D * industry.length).fill(Infinity);
  industry.forEach((site, j) => {
    const cell = base.cellOf(site.lngLat);
    if (cell < 0) return;
    const m = base.minutesFrom(cell);
    destCells.forEach((c, d) => {
      if (c >= 0) minutes[d * industry.length + j] = m[c];
    });
  });
  return { villages: facts.villages, destinations: [...facts.destinations, ...added], od, travel: facts.travel, industry: { sites: industry, minutes } };
}

function travelSummary(grid: TravelGrid, elapsedMs: number) {
  return { cellM: grid.cellM, width: grid.width, height: grid.height, elapsedMs };
}

function hitsOf(ex: ExposedLayerResult, i: number, table: { ids: string[]; names: (string | null)[]; type: Uint8Array; level: Uint8Array }, pointHazard: Uint8Array): HazardHit[] {
  const out: HazardHit[] = [];
  for (let j = ex.hits.offsets[i]; j < ex.hits.offsets[i + 1]; j++) {
    const h = ex.hits.hazard[j];
    // A point hazard's zone is its threat circle, so every hit of a point is inside it.
    out.push({ id: table.ids[h], name: table.names[h], type: codeOf(HAZARD_TYPE, table.type[h]) ?? 'other', level: table.level[h], distanceM: ex.hits.distance[j], zone: ex.hits.inside[j] === 1 || pointHazard[h] === 1 });
  }
  return out;
}

/** Two records of one name and township closer than this are one village listed twice (m). */
export const DUPLICATE_VILLAGE_M = 2_000;

/**
 * The same natural village listed twice (a county's list imported over another, or one copied
 * from a web map a few hundred metres off) would be moved and costed twice. Records of one name
 * and township within DUPLICATE_VILLAGE_M of each other count once: the later record is kept
 * (the layer listed later, usually the one imported last), and a warning names them. Removes
 * in place from `villages` and the index-aligned `cells`.
 */
function dropDuplicateVillages(villages: VillageFacts[], cells: number[], layers: boolean, warnings: LocalizedText[]): void {
  const byKey = new Map<string, number[]>();
  villages.forEach((v, i) => {
    const key = `${v.name}\u0000${v.township ?? ''}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const dropped = new Set<number>();
  for (const list of byKey.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (dropped.has(list[a])) break;
        if (!dropped.has(list[b]) && metresBetween(villages[list[a]].lngLat, villages[list[b]].lngLat) <= DUPLICATE_VILLAGE_M) dropped.add(list[a]);
      }
    }
  }
  if (dropped.size === 0) return;
  const names = [...dropped].sort((a, b) => a - b).map((i) => villages[i]);
  const label = (lang: 'zh' | 'en') => names.slice(0, 5).map((v) => (v.township ? (lang === 'zh' ? `${v.township}${v.name}` : `${v.name} (${v.township})`) : v.name)).join(lang === 'zh' ? '、' : ', ') + (names.length > 5 ? (lang === 'zh' ? '等' : ', …') : '');
  warnings.push({
    zh: `${dropped.size} 个自然村（${label('zh')}）在${layers ? '自然村图层中' : '同一图层中'}出现两次（同名、同乡镇、相距不到 ${DUPLICATE_VILLAGE_M / 1000} 公里），按一个村计算，采用${layers ? '后导入图层' : '后一条记录'}的数据。如确为不同的村，请在图层中改名后重新导入。`,
    en: `${dropped.size} villages (${label('en')}) appear twice${layers ? ' across the villages layers' : ' in one layer'} (same name and township, less than ${DUPLICATE_VILLAGE_M / 1000} km apart); each is counted once, from the ${layers ? 'layer imported later' : 'later record'}. If they are different villages, rename one and import again.`,
  });
  let k = 0;
  for (let i = 0; i < villages.length; i++) {
    if (dropped.has(i)) continue;
    villages[k] = villages[i];
    cells[k] = cells[i];
    k++;
  }
  villages.length = k;
  cells.length = k;
}

/** Great-circle distance (m) between two longitude/latitude points. */
function metresBetween(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}
