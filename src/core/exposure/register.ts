/**
 * The land officer's register over an exposure run: entries (exposed features), township and
 * county figures, reviews that stay attached while an entry does not change, and the diff
 * between two runs (a re-survey). Plain, serialisable data: it is stored with the project.
 */
import { HAZARD_TYPES, RISK_LEVELS, STATUS } from './classes';
import type { ExposureParams, ExposureRun } from './analysis';
import type { LayerRole } from '../manifest';

/** Roles whose features are register entries. */
export const REGISTER_ROLES: readonly LayerRole[] = ['villages', 'households', 'settlements'];

/** One exposed feature of a run, as the register lists it. */
export interface RegisterEntry {
  /** `role:id`: stable across runs and layer replacements. */
  key: string;
  layer: number;
  feature: number;
  role: LayerRole;
  id: string;
  name: string | null;
  township: string | null;
  people: number;
  households: number;
  /** 1 near, 2 inside. */
  status: number;
  /** 1 low … 3 high. */
  level: number;
  /** Hits of this entry in the layer's rows: [hitStart, hitEnd). */
  hitStart: number;
  hitEnd: number;
  /** Metres to the nearest hazard edge (0 inside). */
  nearestM: number;
  /** Bit per hazard type code of every hit. */
  typeMask: number;
  /** What the entry's hits are; a review stays attached while this does not change. */
  signature: string;
}

export function entryKey(role: LayerRole, id: string): string {
  return `${role}:${id}`;
}

/** The register entries of a run: every village, household and settlement inside or near a hazard. */
export function registerEntries(run: ExposureRun): RegisterEntry[] {
  const { hazards } = run;
  const entries: RegisterEntry[] = [];
  run.layers.forEach((layer, li) => {
    if (!REGISTER_ROLES.includes(layer.role)) return;
    const { hits } = layer;
    for (let i = 0; i < layer.count; i++) {
      if (hits.status[i] === STATUS.clear) continue;
      const start = hits.offsets[i], end = hits.offsets[i + 1];
      let typeMask = 0;
      const parts: string[] = [];
      for (let j = start; j < end; j++) {
        const h = hits.hazard[j];
        typeMask |= 1 << hazards.type[h];
        parts.push(`${HAZARD_TYPES[hazards.type[h]]}:${hazards.ids[h]}:${RISK_LEVELS[hazards.level[h]]}:${hits.inside[j] ? 'in' : 'near'}`);
      }
      parts.sort();
      entries.push({
        key: entryKey(layer.role, layer.ids[i]),
        layer: li,
        feature: i,
        role: layer.role,
        id: layer.ids[i],
        name: layer.names[i],
        township: layer.townships[i],
        people: layer.people[i],
        households: layer.households[i],
        status: hits.status[i],
        level: hits.worstLevel[i],
        hitStart: start,
        hitEnd: end,
        nearestM: hits.distance[start],
        typeMask,
        signature: parts.join('|'),
      });
    }
  });
  return entries;
}

/** Counts by exposure status. */
export interface StatusCounts {
  inside: number;
  near: number;
  clear: number;
}

/** Exposed counts (inside / near) of one hazard type and risk level. */
export interface HazardClassCounts {
  type: number;
  level: number;
  features: { inside: number; near: number };
  households: { inside: number; near: number };
  people: { inside: number; near: number };
}

/** Figures of one exposed layer role in one township (or the whole county when `township` is undefined). */
export interface AreaSummary {
  role: LayerRole;
  /** Township name; null when a feature's township is unknown; undefined for the county total. */
  township?: string | null;
  features: StatusCounts;
  households: StatusCounts;
  people: StatusCounts;
  /** Features with at least one hit of the type and level; one feature may count in several rows. */
  byHazard: HazardClassCounts[];
}

function emptyCounts(): StatusCounts {
  return { inside: 0, near: 0, clear: 0 };
}

/**
 * Township and county figures per exposed role. A feature counts once in its status ("inside"
 * wins over "near"); under "by hazard" it counts once per (type, level) it is hit by, inside
 * when any such hit is inside. Unknown people or households count as 0.
 */
export function summarize(run: ExposureRun): AreaSummary[] {
  const out: AreaSummary[] = [];
  const roles = [...new Set(run.layers.map((l) => l.role))].filter((r) => REGISTER_ROLES.includes(r));
  for (const role of roles) {
    const areas = new Map<string | null | undefined, AreaSummary>();
    const area = (township: string | null | undefined) => {
      let a = areas.get(township);
      if (!a) {
        a = { role, township, features: emptyCounts(), households: emptyCounts(), people: emptyCounts(), byHazard: [] };
        areas.set(township, a);
      }
      return a;
    };
    area(undefined);
    for (const layer of run.layers) {
      if (layer.role !== role) continue;
      const { hits } = layer;
      for (let i = 0; i < layer.count; i++) {
        const key = hits.status[i] === STATUS.inside ? 'inside' : hits.status[i] === STATUS.near ? 'near' : 'clear';
        const people = Number.isFinite(layer.people[i]) ? layer.people[i] : 0;
        const households = Number.isFinite(layer.households[i]) ? layer.households[i] : 0;
        // Worst status per (type, level) for this feature.
        const classes = new Map<number, boolean>();
        for (let j = hits.offsets[i]; j < hits.offsets[i + 1]; j++) {
          const h = hits.hazard[j];
          const c = run.hazards.type[h] * 4 + run.hazards.level[h];
          classes.set(c, (classes.get(c) ?? false) || hits.inside[j] === 1);
        }
        for (const a of [area(undefined), area(layer.townships[i])]) {
          a.features[key] += 1;
          a.households[key] += households;
          a.people[key] += people;
          for (const [c, inside] of classes) {
            let row = a.byHazard.find((r) => r.type * 4 + r.level === c);
            if (!row) {
              row = { type: c >> 2, level: c & 3, features: { inside: 0, near: 0 }, households: { inside: 0, near: 0 }, people: { inside: 0, near: 0 } };
              a.byHazard.push(row);
            }
            const k = inside ? 'inside' : 'near';
            row.features[k] += 1;
            row.households[k] += households;
            row.people[k] += people;
          }
        }
      }
    }
    const sorted = [...areas.values()].sort((a, b) => (a.township === undefined ? -1 : b.township === undefined ? 1 : (a.township ?? '\uffff').localeCompare(b.township ?? '\uffff', 'zh')));
    for (const a of sorted) a.byHazard.sort((x, y) => x.type - y.type || y.level - x.level);
    out.push(...sorted);
  }
  return out;
}

export type ReviewStatus = 'confirmed' | 'disputed' | 'resolved';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['confirmed', 'disputed', 'resolved'];

export interface Review {
  status: ReviewStatus;
  note: string;
  /** The date the officer gives (YYYY-MM-DD). */
  date: string;
  /** When it was recorded (ms since epoch). */
  at: number;
  /** The entry's signature when it was reviewed. */
  signature: string;
}

/** A run as remembered for the next re-survey diff. */
export interface RunSnapshot {
  at: number;
  hazardLayers: { layerId: string; name: string; source: string; count: number }[];
  entries: Record<string, { status: number; level: number; signature: string; name: string | null; township: string | null }>;
}

/** What is stored with the project: the analysis settings, the reviews and the last two runs. */
export interface RegisterState {
  version: 1;
  params: ExposureParams;
  hazardLayerIds: string[];
  exposedLayerIds: string[];
  /** Every hazard layer the project had when the layers were last chosen, chosen or not (a later one is new). */
  knownHazardLayerIds?: string[];
  /** Every review ever recorded per entry key, oldest first (an audit trail). */
  reviews: Record<string, Review[]>;
  last: RunSnapshot | null;
  /** The run before `last`, so the diff of the latest re-survey survives a reload. */
  previous: RunSnapshot | null;
}

export function snapshotOf(run: ExposureRun, entries: RegisterEntry[]): RunSnapshot {
  const snapshot: RunSnapshot = {
    at: run.at,
    hazardLayers: run.hazards.layerIds.map((layerId, li) => ({ layerId, name: run.hazards.layerNames[li].zh, source: run.hazards.layerSources[li].zh, count: countOf(run.hazards.layerOf, li) })),
    entries: {},
  };
  for (const e of entries) snapshot.entries[e.key] = { status: e.status, level: e.level, signature: e.signature, name: e.name, township: e.township };
  return snapshot;
}

function countOf(layerOf: Uint16Array, li: number): number {
  let n = 0;
  for (const l of layerOf) if (l === li) n++;
  return n;
}

/** The current review of an entry and whether it still applies (the entry has not changed since). */
export function reviewOf(state: RegisterState | null, entry: { key: string; signature: string }): { review: Review; current: boolean } | null {
  const list = state?.reviews[entry.key];
  if (!list || list.length === 0) return null;
  const review = list[list.length - 1];
  return { review, current: review.signature === entry.signature };
}

export type ChangeKind = 'new' | 'gone' | 'level' | 'hits';

export interface RegisterChange {
  key: string;
  kind: ChangeKind;
  name: string | null;
  township: string | null;
  before: { status: number; level: number; hits: number } | null;
  after: { status: number; level: number; hits: number } | null;
}

const hitCount = (signature: string) => (signature ? signature.split('|').length : 0);

/**
 * What changed between two runs: newly exposed entries, entries no longer exposed, entries
 * whose worst class changed, and entries whose hits changed at the same class (a hazard
 * added or removed, inside ↔ near).
 */
export function diffSnapshots(before: RunSnapshot, after: RunSnapshot): RegisterChange[] {
  const changes: RegisterChange[] = [];
  for (const [key, now] of Object.entries(after.entries)) {
    const was = before.entries[key];
    const base = { key, name: now.name, township: now.township, after: { status: now.status, level: now.level, hits: hitCount(now.signature) } };
    const prior = was ? { status: was.status, level: was.level, hits: hitCount(was.signature) } : null;
    if (!was) changes.push({ ...base, kind: 'new', before: null });
    else if (was.level !== now.level) changes.push({ ...base, kind: 'level', before: prior });
    else if (was.signature !== now.signature) changes.push({ ...base, kind: 'hits', before: prior });
  }
  for (const [key, was] of Object.entries(before.entries)) {
    if (!after.entries[key]) changes.push({ key, kind: 'gone', name: was.name, township: was.township, before: { status: was.status, level: was.level, hits: hitCount(was.signature) }, after: null });
  }
  const order: Record<ChangeKind, number> = { new: 0, level: 1, hits: 2, gone: 3 };
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.key.localeCompare(b.key));
}
