import { transfer, wrap, type Remote } from 'comlink';
import type { DataApi } from './data.api';
import { isGeographic, makeTransform, reprojectGeometry } from '../src/core/crs';
import type { ExposureParams } from '../src/core/exposure/analysis';
import type { LocalizedText } from '../src/core/manifest';
import { rankStability, regionOutlines, type CandidateRegion } from '../src/core/suitability/candidates';
import { scoreImage } from '../src/core/suitability/colors';
import { SCORE_NODATA } from '../src/core/suitability/transforms';
import { SuitabilityEngine, type AppliedRule, type CellExplanation, type SuitabilityLayer } from '../src/core/suitability/engine';
import type { GridKernels } from '../src/core/suitability/kernels';
import type { CriterionSource, ExclusionRule, SuitabilityModel } from '../src/core/suitability/model';
import type { AhpResult } from '../src/core/suitability/ahp';
import { writeGeoTiff } from '../src/io/geotiff';
import { writeFlatGeobuf } from '../src/io/fgb';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';

/** Where the suitability worker reads the project: the data worker, over a port or (in tests) directly. */
export type SuitabilitySource = Pick<DataApi, 'suitabilityInputs'>;

/** The grid a project's models run on, as the map needs it. */
export interface SuitabilityGrid {
  width: number;
  height: number;
  crs: string;
  cellAreaHa: number;
  /** Image corners for the map, [lng, lat]: bottom-left, top-left, top-right, bottom-right. */
  cornersLngLat: [[number, number], [number, number], [number, number], [number, number]];
}

/** A candidate region as the UI shows it. */
export interface RegionView extends Omit<CandidateRegion, 'centroid' | 'bboxCells'> {
  centroidLngLat: [number, number];
  /** [west, south, east, north]. */
  bboxLngLat: [number, number, number, number];
}

/** A run's scores without their rasters (they stay in the worker), plus the map image; `regions` is filled by `candidates`. */
export interface EvaluationView {
  ok: true;
  modelId: string;
  /** RGBA pixels of the score, width × height of the grid. */
  image: Uint8ClampedArray;
  histogram: Uint32Array;
  excludedCells: number;
  nodataCells: number;
  weights: number[];
  ahp: AhpResult | null;
  rules: AppliedRule[];
  regions: RegionView[];
  warnings: LocalizedText[];
  elapsedMs: number;
}

export type EvaluationOutcome = EvaluationView | { ok: false; problems: LocalizedText[] };

export interface CriterionHistogram {
  min: number;
  max: number;
  counts: Uint32Array;
  infinite: number;
  nodata: number;
}

export type PrepareOutcome = { ok: true; grid: SuitabilityGrid } | { ok: false; problem: LocalizedText };

function epsgOf(crs: string): number {
  const m = /^EPSG:(\d+)$/i.exec(crs);
  if (!m) throw new Error(`The grid's CRS "${crs}" has no EPSG code.`);
  return Number(m[1]);
}

/**
 * The suitability worker's API. It keeps the project's grid, layers and cached criterion
 * rasters between runs, so an edit to a model costs only what it changes.
 */
export function createSuitabilityApi(host: { kernels?: () => GridKernels } = {}) {
  let source: SuitabilitySource | Remote<SuitabilitySource> | null = null;
  let state: Promise<{ engine: SuitabilityEngine; grid: SuitabilityGrid; toLngLat: (x: number, y: number) => [number, number]; fromLngLat: (x: number, y: number) => [number, number] } | null> | null = null;
  let lastModel: SuitabilityModel | null = null;

  async function load() {
    if (!source) throw new Error('The suitability worker is not connected to the data worker.');
    const { dem, layers } = await source.suitabilityInputs();
    if (!dem) return null;
    const inputs: SuitabilityLayer[] = layers
      .filter((l) => l.role !== 'dem')
      .map((l) => ({ layerId: l.layerId, role: l.role, name: l.name, geometry: reprojectGeometry(l.geometry, l.crs, dem.crs), columns: l.columns }));
    const engine = new SuitabilityEngine({ dem, geographic: isGeographic(dem.crs), layers: inputs }, host.kernels?.());
    const toLngLat = makeTransform(dem.crs, 'EPSG:4326');
    const fromLngLat = makeTransform('EPSG:4326', dem.crs);
    const [ox, pw, , oy, , ph] = dem.transform;
    const x1 = ox + dem.width * pw;
    const y1 = oy + dem.height * ph;
    const grid: SuitabilityGrid = {
      width: dem.width,
      height: dem.height,
      crs: dem.crs,
      cellAreaHa: engine.cellAreaHa,
      cornersLngLat: [toLngLat(ox, y1), toLngLat(ox, oy), toLngLat(x1, oy), toLngLat(x1, y1)],
    };
    return { engine, grid, toLngLat, fromLngLat };
  }

  function current() {
    state ??= load();
    return state;
  }

  return {
    /** Connects the data worker: a port it serves its API on (or, in tests, the API itself). */
    connectData(from: MessagePort | SuitabilitySource): void {
      source = 'suitabilityInputs' in from ? from : wrap<SuitabilitySource>(from);
      state = null;
    },

    /** Forgets the project's grid and layers (a layer was added or removed); the next call reloads them. */
    invalidate(): void {
      state = null;
    },

    /** Loads the project's grid and layers (once) and says what the map needs to draw results. */
    async prepare(): Promise<PrepareOutcome> {
      const s = await current();
      if (!s) return { ok: false, problem: { zh: '项目没有数字高程模型（DEM），无法做适宜性分析。请导入 DEM（GeoTIFF，用途选“DEM”）。', en: 'The project has no DEM, so there is nothing to model on. Import a DEM (GeoTIFF, role "DEM").' } };
      return { ok: true, grid: s.grid };
    },

    /**
     * Runs a model up to its scores and returns the summary and the map image (transferred);
     * its candidate regions come from {@link candidates}, so the map can update first.
     */
    async evaluate(model: SuitabilityModel, rules: ExclusionRule[], hazardParams: ExposureParams): Promise<EvaluationOutcome> {
      const t0 = performance.now();
      const s = await current();
      if (!s) return { ok: false, problems: [{ zh: '项目没有 DEM。', en: 'The project has no DEM.' }] };
      const outcome = await s.engine.score(model, rules, hazardParams);
      if (!outcome.ok) return outcome;
      const r = outcome.result;
      lastModel = model;
      const image = scoreImage(r.score, r.exclusion);
      const view: EvaluationView = {
        ok: true,
        modelId: model.id,
        image,
        histogram: r.histogram,
        excludedCells: r.excludedCells,
        nodataCells: r.nodataCells,
        weights: r.weights,
        ahp: r.ahp,
        rules: r.rules,
        regions: [],
        warnings: r.warnings,
        elapsedMs: performance.now() - t0,
      };
      return transfer(view, [image.buffer as ArrayBuffer]);
    },

    /** The candidate regions of the last evaluated model, ranked, with their hazard check. */
    async candidates(hazardParams: ExposureParams): Promise<RegionView[]> {
      const s = await current();
      if (!s) return [];
      const regions = await s.engine.candidates(hazardParams);
      const [ox, pw, , oy, , ph] = s.engine.grid.transform;
      return regions.map(({ centroid, bboxCells, ...rest }) => {
        const [c0, r0, c1, r1] = bboxCells;
        const a = s.toLngLat(ox + c0 * pw, oy + (r1 + 1) * ph);
        const b = s.toLngLat(ox + (c1 + 1) * pw, oy + r0 * ph);
        return { ...rest, centroidLngLat: s.toLngLat(centroid[0], centroid[1]), bboxLngLat: [a[0], a[1], b[0], b[1]] };
      });
    },

    /**
     * The distribution of a criterion's raw values over the grid, for drawing its transform:
     * `bins` equal bins over [min, max] of the finite values, plus the cells with no feature
     * (Infinity) and with no data.
     */
    async criterionHistogram(criterionSource: CriterionSource, bins = 40): Promise<CriterionHistogram | null> {
      const s = await current();
      if (!s) return null;
      const values = await s.engine.criterionValues(criterionSource);
      let min = Infinity;
      let max = -Infinity;
      let infinite = 0;
      let nodata = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v) nodata++;
        else if (v === Infinity) infinite++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      const counts = new Uint32Array(bins);
      if (min <= max) {
        const scale = max > min ? bins / (max - min) : 0;
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (v === v && v !== Infinity) counts[Math.min(bins - 1, Math.floor((v - min) * scale))]++;
        }
      }
      return { min: min <= max ? min : 0, max: min <= max ? max : 0, counts, infinite, nodata };
    },

    /** Each criterion's value, score, weight and contribution at a point of the last result. */
    async explain(lng: number, lat: number): Promise<CellExplanation | null> {
      const s = await current();
      if (!s) return null;
      const [x, y] = s.fromLngLat(lng, lat);
      const [ox, pw, , oy, , ph] = s.engine.grid.transform;
      return s.engine.explainCell(Math.floor((x - ox) / pw), Math.floor((y - oy) / ph));
    },

    /** Per region of the last result: the share of ±20% weight changes under which it keeps its rank. */
    async sensitivity(): Promise<number[]> {
      const s = await current();
      const result = s?.engine.lastResult;
      if (!s || !result) return [];
      return rankStability(result.regions, result.weights);
    },

    /** The last result's scores as a GeoTIFF (Int16, 0–100, −1 = no data, excluded cells 0). */
    async exportScores(): Promise<ArrayBuffer> {
      const s = await current();
      const result = s?.engine.lastResult;
      if (!s || !result) throw new Error('Run the model before exporting.');
      const data = new Int16Array(result.score.length);
      for (let i = 0; i < data.length; i++) data[i] = result.score[i] === SCORE_NODATA ? -1 : result.score[i];
      const { width, height, transform, crs } = s.engine.grid;
      const bytes = writeGeoTiff({ width, height, transform, crs, data, nodata: -1 }, { epsg: epsgOf(crs), compression: 'deflate' });
      return transfer(bytes, [bytes]);
    },

    /**
     * The last result's candidate regions as polygons in EPSG:4490 (CGCS2000 longitude and
     * latitude), with rank, area, scores, distances, hazard check and the rules applied.
     */
    async exportRegions(format: 'geojson' | 'fgb', lang: 'zh' | 'en'): Promise<Uint8Array> {
      const s = await current();
      const result = s?.engine.lastResult;
      if (!s || !result || !lastModel) throw new Error('Run the model before exporting.');
      const outlines = regionOutlines(result.regionOf, result.width, result.regions, s.engine.grid.transform);
      const rulesText = result.rules.map((r) => r.name[lang]).join('; ');
      const features: Feature<MultiPolygon>[] = outlines.map((polygons, k) => {
        const region = result.regions[k];
        return {
          type: 'Feature',
          geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => s.toLngLat(x, y)))) },
          properties: {
            rank: region.rank,
            model: lastModel!.name[lang],
            areaHa: Math.round(region.areaHa * 100) / 100,
            meanScore: Math.round(region.meanScore * 10) / 10,
            maxScore: region.maxScore,
            roadM: Number.isFinite(region.roadM) ? Math.round(region.roadM) : null,
            townM: Number.isFinite(region.townM) ? Math.round(region.townM) : null,
            hazard: region.hazard.status === 2 ? 'inside' : region.hazard.status === 1 ? 'near' : 'clear',
            hazardInsideHa: Math.round(region.hazard.insideHa * 100) / 100,
            hazardNearHa: Math.round(region.hazard.nearHa * 100) / 100,
            rules: rulesText,
          },
        };
      });
      const fc: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features };
      const bytes = format === 'fgb' ? writeFlatGeobuf(fc, { crsCode: 4490, name: lastModel.name[lang] }) : new TextEncoder().encode(JSON.stringify(fc));
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
}

export type SuitabilityApi = ReturnType<typeof createSuitabilityApi>;
