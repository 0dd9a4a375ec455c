/**
 * Runs suitability models on one project's grid (the DEM's): criterion rasters, exclusion
 * masks, the weighted overlay, candidate regions and the per-cell explanation.
 *
 * Everything that does not depend on the model's numbers is cached: a criterion's raster by
 * its source, its 0–100 score by source and transform, each rule's mask by its definition.
 * So a changed weight costs one overlay plus the regions, and a changed transform one more
 * transform pass: that is what keeps live editing live.
 */
import { hazardBuffer, hazardTypeNumber, riskLevelNumber, type ExposureParams } from '../exposure/analysis';
import type { LayerRole, LocalizedText } from '../manifest';
import { localizeMessage, message } from '../messages';
import { rasterize } from '../grid/rasterize';
import { featureCount } from '../import/geometry-builder';
import { cellSizesM } from '../grid/terrain';
import type { Column, ColumnarGeometry, Grid } from '../types';
import { ahp, type AhpResult } from './ahp';
import { inlineKernels, type GridKernels } from './kernels';
import { filterKey, judgement, sourceKey, validateModel, type CriterionSource, type ExclusionRule, type LayerFilter, type SuitabilityModel } from './model';
import { bufferMask } from './buffer-mask';
import { ALL_ROADS, TOWN_CENTRES } from './presets';
import { findRegions, type CandidateRegion } from './candidates';
import { applyTransform, SCORE_NODATA, transformValue, validateTransform } from './transforms';

/** A vector layer of the project, its coordinates already in the grid's CRS. */
export interface SuitabilityLayer {
  layerId: string;
  role: LayerRole;
  name: LocalizedText;
  geometry: ColumnarGeometry;
  columns: Column[];
}

export interface SuitabilityInputs {
  dem: Grid<Float32Array>;
  /** True when the DEM's CRS is geographic (cells in degrees). */
  geographic: boolean;
  layers: SuitabilityLayer[];
}

/** A rule as applied by a run: what it cites and how much it excluded. */
export interface AppliedRule {
  id: string;
  name: LocalizedText;
  source: LocalizedText;
  distance: number | 'hazardBuffer';
  /** Features it measured from (0 for a slope rule). */
  features: number;
  /** Cells it excludes on its own. */
  cells: number;
}

export interface SuitabilityResult {
  modelId: string;
  width: number;
  height: number;
  /** Per cell: 0–100, 0 where excluded, 255 no data. Kept in the engine; copied to callers. */
  score: Uint8Array;
  /** Per cell: 1 where an applied rule excludes it (null when no rule applies). */
  exclusion: Uint8Array | null;
  /** Cells per score 0–100 among cells that are neither excluded nor without data. */
  histogram: Uint32Array;
  excludedCells: number;
  nodataCells: number;
  cellAreaHa: number;
  /** The weights used, normalised to sum 1, in criterion order. */
  weights: number[];
  ahp: AhpResult | null;
  rules: AppliedRule[];
  regions: CandidateRegion[];
  /** Per cell: the rank (1-based) of the candidate region it belongs to, 0 elsewhere (empty until the regions are found). */
  regionOf: Int32Array;
  /** Things the planner should know (a target layer is missing…), in both languages. */
  warnings: LocalizedText[];
}

export type EvaluateOutcome = { ok: true; result: SuitabilityResult } | { ok: false; problems: LocalizedText[] };

/** One criterion's part in a cell's score. */
export interface CellCriterion {
  id: string;
  name: LocalizedText;
  /** The raw value (degrees, metres); NaN for no data, Infinity for "no feature". */
  value: number;
  /** The transformed score 0–100 (NaN for no data). */
  score: number;
  weight: number;
  /** weight × score: points of the final score. */
  contribution: number;
}

export interface CellExplanation {
  col: number;
  row: number;
  score: number | null;
  criteria: CellCriterion[];
  /** Rules that exclude this cell. */
  excludedBy: { id: string; name: LocalizedText }[];
  region: number;
}

/** The reference distances each candidate region reports. */
export const REGION_REFERENCES: { road: LayerFilter; town: LayerFilter } = { road: ALL_ROADS, town: TOWN_CENTRES };

function columnText(column: Column | undefined, i: number): string {
  if (!column) return '';
  const v = column.values[i];
  if (column.type === 'number') return Number.isNaN(v as number) ? '' : String(v);
  if (column.type === 'boolean') return v === 255 ? '' : v ? 'true' : 'false';
  return (v as string | null) ?? '';
}

function columnNumber(column: Column | undefined, i: number): number {
  if (!column) return NaN;
  if (column.type === 'number') return column.values[i];
  const v = Number(column.values[i]);
  return Number.isFinite(v) ? v : NaN;
}

export class SuitabilityEngine {
  readonly width: number;
  readonly height: number;
  readonly cells: number;
  /** Metres per cell at the grid's middle row (exact for projected grids). */
  readonly cellWidthM: number;
  readonly cellHeightM: number;
  readonly cellAreaHa: number;
  private readonly values = new Map<string, Promise<Float32Array>>();
  private readonly scores = new Map<string, Uint8Array>();
  private readonly masks = new Map<string, Promise<{ mask: Uint8Array; features: number; cells: number }>>();
  private readonly nodata: Uint8Array;
  /** All zeros: the exclusion mask of a model without rules. */
  private readonly none: Uint8Array;
  private exclusionCache: { masks: Uint8Array[]; union: Uint8Array } | null = null;
  private last: { model: SuitabilityModel; result: SuitabilityResult; scores: Uint8Array[]; ruleMasks: Uint8Array[] } | null = null;

  constructor(
    private readonly inputs: SuitabilityInputs,
    private readonly kernels: GridKernels = inlineKernels(),
  ) {
    const { dem } = inputs;
    this.width = dem.width;
    this.height = dem.height;
    this.cells = dem.width * dem.height;
    const sizes = cellSizesM(dem, inputs.geographic);
    const mid = dem.height >> 1;
    this.cellWidthM = sizes.widthM[mid];
    this.cellHeightM = sizes.heightM[mid];
    this.cellAreaHa = (this.cellWidthM * this.cellHeightM) / 10_000;
    this.nodata = new Uint8Array(this.cells);
    this.none = new Uint8Array(this.cells);
    const { data, nodata } = dem;
    for (let i = 0; i < this.cells; i++) {
      const v = data[i];
      if (v !== v || v === nodata) this.nodata[i] = 1;
    }
  }

  get grid(): Pick<Grid, 'width' | 'height' | 'transform' | 'crs'> {
    const { width, height, transform, crs } = this.inputs.dem;
    return { width, height, transform, crs };
  }

  /** Layers and their features that a filter selects. */
  private select(filter: LayerFilter): { layer: SuitabilityLayer; features: number[] }[] {
    const out: { layer: SuitabilityLayer; features: number[] }[] = [];
    for (const layer of this.inputs.layers) {
      if (!filter.roles.includes(layer.role)) continue;
      const n = featureCount(layer.geometry);
      const features: number[] = [];
      const where = filter.where;
      const column = where ? layer.columns.find((c) => c.name === where.column) : undefined;
      for (let i = 0; i < n; i++) {
        if (!where || (column && where.values.includes(columnText(column, i)))) features.push(i);
      }
      if (features.length > 0) out.push({ layer, features });
    }
    return out;
  }

  private burn(parts: { layer: SuitabilityLayer; features: ArrayLike<number> }[], allTouched: boolean, out = new Uint8Array(this.cells)): Uint8Array {
    for (const { layer, features } of parts) rasterize(layer.geometry, this.inputs.dem, { allTouched, features, out });
    return out;
  }

  /** Metres to the nearest selected feature (Infinity when there is none). */
  private distanceTo(filter: LayerFilter): Promise<Float32Array> {
    const key = `distance:${filterKey(filter)}`;
    let pending = this.values.get(key);
    if (!pending) {
      const parts = this.select(filter);
      pending = parts.length === 0 ? Promise.resolve(new Float32Array(this.cells).fill(Infinity)) : this.kernels.distance(this.burn(parts, true), this.width, this.height, this.cellWidthM, this.cellHeightM);
      this.values.set(key, pending);
    }
    return pending;
  }

  /** A criterion's raw raster (NaN where the DEM has no data). */
  criterionValues(source: CriterionSource): Promise<Float32Array> {
    if (source.kind === 'distance') return this.distanceTo(source.target);
    const key = sourceKey(source);
    let pending = this.values.get(key);
    if (!pending) {
      const { dem, geographic } = this.inputs;
      if (source.kind === 'slope') pending = this.kernels.slope(dem, geographic);
      else if (source.kind === 'aspect') {
        // Flat cells face nowhere; for a south-facing criterion they are as good as south.
        pending = this.kernels.aspect(dem, geographic).then((a) => {
          for (let i = 0; i < a.length; i++) if (a[i] < 0 && !this.nodata[i]) a[i] = 180;
          return a;
        });
      } else {
        const v = new Float32Array(this.cells);
        for (let i = 0; i < this.cells; i++) v[i] = this.nodata[i] ? NaN : dem.data[i];
        pending = Promise.resolve(v);
      }
      this.values.set(key, pending);
    }
    return pending;
  }

  /** Features a filter finds; for warnings. */
  countFeatures(filter: LayerFilter): number {
    return this.select(filter).reduce((sum, p) => sum + p.features.length, 0);
  }

  private async criterionScore(source: CriterionSource, transform: Parameters<typeof applyTransform>[0]): Promise<Uint8Array> {
    const key = `${sourceKey(source)}→${JSON.stringify(transform)}`;
    let score = this.scores.get(key);
    if (!score) {
      const values = await this.criterionValues(source);
      score = new Uint8Array(this.cells);
      applyTransform(transform, values, score, 0, this.cells);
      // Keep the cache small: a planner dragging a curve makes many transforms of one source.
      if (this.scores.size > 24) this.scores.delete(this.scores.keys().next().value as string);
      this.scores.set(key, score);
    }
    return score;
  }

  /** A rule's exclusion mask, with how many features it used and cells it excludes. */
  ruleMask(rule: ExclusionRule, hazardParams: ExposureParams): Promise<{ mask: Uint8Array; features: number; cells: number }> {
    const key = JSON.stringify([rule.target, rule.distanceM, rule.distanceM === 'hazardBuffer' ? hazardParams.buffers : null]);
    let pending = this.masks.get(key);
    if (!pending) {
      pending = this.buildRuleMask(rule, hazardParams);
      this.masks.set(key, pending);
    }
    return pending;
  }

  private async buildRuleMask(rule: ExclusionRule, hazardParams: ExposureParams): Promise<{ mask: Uint8Array; features: number; cells: number }> {
    const mask = new Uint8Array(this.cells);
    let features = 0;
    if (rule.target.kind === 'slopeAbove') {
      const slope = await this.criterionValues({ kind: 'slope' });
      const limit = rule.target.degrees;
      for (let i = 0; i < this.cells; i++) if (slope[i] > limit) mask[i] = 1;
    } else {
      const parts = this.select(rule.target.filter);
      features = parts.reduce((sum, p) => sum + p.features.length, 0);
      // Group features by buffer distance: one distance transform per distinct distance.
      const groups = new Map<number, { layer: SuitabilityLayer; features: number[] }[]>();
      for (const part of parts) {
        const byDistance = new Map<number, number[]>();
        for (const f of part.features) {
          const d = rule.distanceM === 'hazardBuffer' ? this.hazardBufferM(part.layer, f, hazardParams) : rule.distanceM;
          const list = byDistance.get(d) ?? [];
          list.push(f);
          byDistance.set(d, list);
        }
        for (const [d, list] of byDistance) {
          const group = groups.get(d) ?? [];
          group.push({ layer: part.layer, features: list });
          groups.set(d, group);
        }
      }
      for (const [d, group] of groups) {
        if (d <= 0) this.burn(group, false, mask);
        else bufferMask(mask, this.inputs.dem, group.map((p) => ({ geometry: p.layer.geometry, features: p.features })), d, this.cellWidthM, this.cellHeightM);
      }
    }
    let cells = 0;
    for (let i = 0; i < this.cells; i++) {
      if (this.nodata[i]) mask[i] = 0;
      cells += mask[i];
    }
    return { mask, features, cells };
  }

  private hazardBufferM(layer: SuitabilityLayer, f: number, params: ExposureParams): number {
    const col = (name: string) => layer.columns.find((c) => c.name === name);
    const type = Math.max(0, hazardTypeNumber(columnText(col('type'), f)));
    const level = riskLevelNumber(columnText(col('riskLevel'), f));
    return hazardBuffer(params, type, level < 0 ? 3 : level, columnNumber(col('threatRadiusM'), f), columnNumber(col('bufferMeters'), f)).metres;
  }

  /** The model's weights, normalised to sum 1, and the AHP result when it uses AHP. */
  static weightsOf(model: SuitabilityModel): { weights: number[]; ahp: AhpResult | null } {
    const n = model.criteria.length;
    if (model.weighting.mode === 'ahp') {
      const pairwise = model.weighting.pairwise;
      const result = ahp(n, (i, j) => judgement(pairwise, n, i, j));
      return { weights: result.weights, ahp: result };
    }
    const total = model.criteria.reduce((s, c) => s + Math.max(0, c.weight), 0);
    return { weights: model.criteria.map((c) => (total > 0 ? Math.max(0, c.weight) / total : 0)), ahp: null };
  }

  /** Runs a model: scores, exclusions, the overlay, then the candidate regions. */
  async evaluate(model: SuitabilityModel, rules: readonly ExclusionRule[], hazardParams: ExposureParams): Promise<EvaluateOutcome> {
    const scored = await this.score(model, rules, hazardParams);
    if (scored.ok) await this.candidates(hazardParams);
    return scored;
  }

  /**
   * The first half of a run: criterion scores, exclusions and the overlay, so the map can show
   * the new scores before the regions are found. The result's regions stay empty until
   * {@link candidates} runs.
   */
  async score(model: SuitabilityModel, rules: readonly ExclusionRule[], hazardParams: ExposureParams): Promise<EvaluateOutcome> {
    const problems = validateModel(model, rules, validateTransform);
    if (problems.length > 0) return { ok: false, problems };
    const { weights, ahp: ahpResult } = SuitabilityEngine.weightsOf(model);
    const warnings: LocalizedText[] = [];
    const scores: Uint8Array[] = [];
    for (const c of model.criteria) {
      if (c.source.kind === 'distance' && this.countFeatures(c.source.target) === 0) {
        warnings.push(localizeMessage(message('suitability.criterion-no-features', { nameZh: c.name.zh, nameEn: c.name.en, roles: c.source.target.roles.join(',') })));
      }
      scores.push(await this.criterionScore(c.source, c.transform));
    }
    const applied: AppliedRule[] = [];
    const ruleMasks: Uint8Array[] = [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const id of model.ruleIds) {
      const rule = byId.get(id)!;
      const { mask, features, cells } = await this.ruleMask(rule, hazardParams);
      if (rule.target.kind === 'layers' && features === 0) {
        warnings.push(localizeMessage(message('suitability.rule-no-features', { nameZh: rule.name.zh, nameEn: rule.name.en, roles: rule.target.filter.roles.join(',') })));
      }
      applied.push({ id: rule.id, name: rule.name, source: rule.source, distance: rule.distanceM, features, cells });
      ruleMasks.push(mask);
    }
    const exclusion = this.combinedExclusion(ruleMasks);
    const score = await this.kernels.overlay(scores, weights, exclusion, this.cells);
    const histogram = new Uint32Array(101);
    let excludedCells = 0;
    let nodataCells = 0;
    const nodata = this.nodata;
    const excluded = exclusion ?? this.none;
    for (let i = 0, n = this.cells; i < n; i++) {
      if (nodata[i]) score[i] = SCORE_NODATA;
      const s = score[i];
      if (s === SCORE_NODATA) nodataCells++;
      else if (excluded[i]) excludedCells++;
      else histogram[s]++;
    }
    const result: SuitabilityResult = {
      modelId: model.id,
      width: this.width,
      height: this.height,
      score,
      exclusion,
      histogram,
      excludedCells,
      nodataCells,
      cellAreaHa: this.cellAreaHa,
      weights,
      ahp: ahpResult,
      rules: applied,
      regions: [],
      regionOf: new Int32Array(0),
      warnings,
    };
    this.last = { model, result, scores, ruleMasks };
    return { ok: true, result };
  }

  /** The second half of a run: the last result's candidate regions, ranked and described. */
  async candidates(hazardParams: ExposureParams): Promise<CandidateRegion[]> {
    const last = this.last;
    if (!last) return [];
    const { result, scores, model } = last;
    const { regions, regionOf } = findRegions(result.score, result.exclusion, this.width, this.height, model.regions, {
      cellAreaHa: this.cellAreaHa,
      criterionScores: scores,
      weights: result.weights,
      transform: this.inputs.dem.transform,
    });
    if (regions.length > 0) await this.describeRegions(regions, regionOf, hazardParams);
    result.regions = regions;
    result.regionOf = regionOf;
    return regions;
  }

  /** The union of rule masks (cached for the last set of masks, which a weight edit keeps). */
  private combinedExclusion(masks: Uint8Array[]): Uint8Array | null {
    if (masks.length === 0) return null;
    const cached = this.exclusionCache;
    if (cached && cached.masks.length === masks.length && cached.masks.every((m, k) => m === masks[k])) return cached.union;
    const union = new Uint8Array(this.cells);
    for (const m of masks) for (let i = 0; i < this.cells; i++) union[i] |= m[i];
    this.exclusionCache = { masks, union };
    return union;
  }

  /** Fills each region's distance to road and town and its hazard check. */
  private async describeRegions(regions: CandidateRegion[], regionOf: Int32Array, hazardParams: ExposureParams): Promise<void> {
    const road = await this.distanceTo(REGION_REFERENCES.road);
    const town = await this.distanceTo(REGION_REFERENCES.town);
    const inside = (await this.ruleMask(HAZARD_INSIDE, hazardParams)).mask;
    const near = (await this.ruleMask(HAZARD_NEAR, hazardParams)).mask;
    const insideCells = new Uint32Array(regions.length + 1);
    const nearCells = new Uint32Array(regions.length + 1);
    const roadM = new Float32Array(regions.length + 1).fill(Infinity);
    const townM = new Float32Array(regions.length + 1).fill(Infinity);
    for (let i = 0; i < this.cells; i++) {
      const r = regionOf[i];
      if (r === 0) continue;
      if (inside[i]) insideCells[r]++;
      else if (near[i]) nearCells[r]++;
      if (road[i] < roadM[r]) roadM[r] = road[i];
      if (town[i] < townM[r]) townM[r] = town[i];
    }
    for (const region of regions) {
      const r = region.rank;
      region.roadM = roadM[r];
      region.townM = townM[r];
      region.hazard = { status: insideCells[r] > 0 ? 2 : nearCells[r] > 0 ? 1 : 0, insideHa: insideCells[r] * this.cellAreaHa, nearHa: nearCells[r] * this.cellAreaHa };
    }
  }

  /** The last result, for probing, sensitivity and export. */
  get lastResult(): SuitabilityResult | null {
    return this.last?.result ?? null;
  }

  /** Each criterion's value, score, weight and contribution at a cell of the last result. */
  async explainCell(col: number, row: number): Promise<CellExplanation | null> {
    const last = this.last;
    if (!last || col < 0 || row < 0 || col >= this.width || row >= this.height) return null;
    const i = row * this.width + col;
    const { model, result, ruleMasks } = last;
    const criteria: CellCriterion[] = [];
    for (let k = 0; k < model.criteria.length; k++) {
      const c = model.criteria[k];
      const value = (await this.criterionValues(c.source))[i];
      const score = transformValue(c.transform, value);
      criteria.push({ id: c.id, name: c.name, value, score, weight: result.weights[k], contribution: Number.isNaN(score) ? NaN : result.weights[k] * score });
    }
    const excludedBy = result.rules.filter((_, k) => ruleMasks[k][i]).map((r) => ({ id: r.id, name: r.name }));
    const s = result.score[i];
    return { col, row, score: s === SCORE_NODATA ? null : s, criteria, excludedBy, region: result.regionOf[i] ?? 0 };
  }
}

/** Internal rules for the regions' hazard check: inside a hazard, and within its buffer. */
const HAZARD_INSIDE: ExclusionRule = { id: '_hazard_inside', name: { zh: '', en: '' }, target: { kind: 'layers', filter: { roles: ['hazards'] } }, distanceM: 0, source: { zh: '', en: '' } };
const HAZARD_NEAR: ExclusionRule = { ...HAZARD_INSIDE, id: '_hazard_near', distanceM: 'hazardBuffer' };
