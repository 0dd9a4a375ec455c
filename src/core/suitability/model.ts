/**
 * A suitability model as plain, serialisable data: criteria (a raster source, a transform to
 * a 0–100 score, a weight), how the weights are set (direct or AHP), the exclusion rules it
 * applies and how candidate regions are found. Models are saved with the project; presets
 * (presets.ts) are starting points the planner copies and edits.
 */
import type { LayerRole, LocalizedText } from '../manifest';
import { localizeMessage, message, type MessageCode, type MessageParams } from '../messages';
import type { Transform } from './transforms';

/** Which features of a project a criterion or rule measures from: layers by role, optionally by attribute. */
export interface LayerFilter {
  roles: LayerRole[];
  /** Only features whose `column` holds one of `values` (e.g. roads of class county). */
  where?: { column: string; values: string[] };
}

/** Where a criterion's values come from; all are rasters on the DEM's grid. */
export type CriterionSource =
  | { kind: 'slope' }
  | { kind: 'elevation' }
  /** Degrees clockwise from north; flat cells count as facing south (180°). */
  | { kind: 'aspect' }
  /** Metres to the nearest feature of the target. */
  | { kind: 'distance'; target: LayerFilter };

export interface Criterion {
  id: string;
  name: LocalizedText;
  source: CriterionSource;
  transform: Transform;
  /** Direct weight (≥ 0; normalised when used). Ignored when the model's weighting is AHP. */
  weight: number;
}

/**
 * An exclusion rule: cells within `distanceM` of the target are excluded (score 0). `source`
 * is the rule's text as the planner cites it (a regulation, a local practice).
 *
 * `distanceM: 'hazardBuffer'` uses each hazard's own buffer (its threat radius, then its
 * `bufferMeters`, then the buffer table of the hazard register).
 */
export interface ExclusionRule {
  id: string;
  name: LocalizedText;
  target: { kind: 'layers'; filter: LayerFilter } | { kind: 'slopeAbove'; degrees: number };
  distanceM: number | 'hazardBuffer';
  source: LocalizedText;
}

export type Weighting =
  | { mode: 'direct' }
  /** Saaty pairwise judgements, upper triangle row by row: a[0][1], a[0][2], …, a[n-2][n-1]. */
  | { mode: 'ahp'; pairwise: number[] };

export interface RegionOptions {
  /** Cells scoring at least this (0–100) can form a candidate region. */
  threshold: number;
  /** Regions smaller than this are dropped, in hectares. */
  minAreaHa: number;
  connectivity: 4 | 8;
}

export type PresetId = 'relocation' | 'workshop' | 'solar' | 'livestock';

export interface SuitabilityModel {
  id: string;
  name: LocalizedText;
  /** The preset it was copied from. */
  preset: PresetId;
  criteria: Criterion[];
  weighting: Weighting;
  /** Ids of the rules (in the project's rule library) this model applies. */
  ruleIds: string[];
  regions: RegionOptions;
}

/** The number of upper-triangle judgements for n criteria. */
export function pairCount(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Index of judgement (i, j), i < j, in the upper triangle. */
export function pairIndex(n: number, i: number, j: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** A judgement of (i, j) for any i ≠ j (the reciprocal below the diagonal), 1 on it. */
export function judgement(pairwise: readonly number[], n: number, i: number, j: number): number {
  if (i === j) return 1;
  return i < j ? pairwise[pairIndex(n, i, j)] : 1 / pairwise[pairIndex(n, j, i)];
}

/** Equal judgements (all 1) for n criteria. */
export function neutralPairwise(n: number): number[] {
  return new Array<number>(pairCount(n)).fill(1);
}

/**
 * The pairwise judgements after criterion `removed` is deleted, or with one added at the end
 * (neutral against the others), so an edit to the criteria keeps the planner's judgements.
 */
export function resizePairwise(pairwise: readonly number[], n: number, change: { removed: number } | { added: true }): number[] {
  const next: number[] = [];
  if ('added' in change) {
    for (let i = 0; i <= n; i++) for (let j = i + 1; j <= n; j++) next.push(j === n ? 1 : pairwise[pairIndex(n, i, j)]);
    return next;
  }
  for (let i = 0; i < n; i++) {
    if (i === change.removed) continue;
    for (let j = i + 1; j < n; j++) if (j !== change.removed) next.push(pairwise[pairIndex(n, i, j)]);
  }
  return next;
}

/** A short stable key of a criterion's raster source, for caching. */
export function sourceKey(source: CriterionSource): string {
  return source.kind === 'distance' ? `distance:${filterKey(source.target)}` : source.kind;
}

export function filterKey(filter: LayerFilter): string {
  const where = filter.where ? `[${filter.where.column}=${[...filter.where.values].sort().join('|')}]` : '';
  return `${[...filter.roles].sort().join('+')}${where}`;
}

/** A model problem in both languages, worded by the message catalogue. */
const say = (code: MessageCode, params?: MessageParams): LocalizedText => localizeMessage(message(code, params));

/**
 * Checks a model before a run; each problem is a message the planner can act on (which
 * criterion, which field), in both languages.
 */
export function validateModel(model: SuitabilityModel, rules: readonly ExclusionRule[], validate: (t: Transform) => LocalizedText | null): LocalizedText[] {
  const problems: LocalizedText[] = [];
  if (model.criteria.length === 0) problems.push(say('suitability.model.no-criteria'));
  for (const c of model.criteria) {
    const message = validate(c.transform);
    if (message) problems.push(say('suitability.model.criterion-transform', { nameZh: c.name.zh, nameEn: c.name.en, problemZh: message.zh, problemEn: message.en }));
    if (model.weighting.mode === 'direct' && !(c.weight >= 0)) problems.push(say('suitability.model.negative-weight', { nameZh: c.name.zh, nameEn: c.name.en }));
  }
  if (model.weighting.mode === 'direct' && model.criteria.length > 0 && model.criteria.every((c) => !(c.weight > 0))) {
    problems.push(say('suitability.model.all-weights-zero'));
  }
  if (model.weighting.mode === 'ahp') {
    const expected = pairCount(model.criteria.length);
    if (model.weighting.pairwise.length !== expected) problems.push(say('suitability.model.pairwise-count', { expected }));
    else if (model.weighting.pairwise.some((v) => !(v >= 1 / 9 - 1e-9 && v <= 9 + 1e-9))) problems.push(say('suitability.model.pairwise-range'));
  }
  for (const id of model.ruleIds) {
    if (!rules.some((r) => r.id === id)) problems.push(say('suitability.model.missing-rule', { id }));
  }
  const r = model.regions;
  if (!(r.threshold >= 0 && r.threshold <= 100)) problems.push(say('suitability.model.threshold'));
  if (!(r.minAreaHa >= 0)) problems.push(say('suitability.model.min-area'));
  return problems;
}
