/**
 * The land officer's register over an exposure run: entries (exposed features), township and
 * county figures, reviews that stay attached while an entry does not change, and the diff
 * between two runs (a re-survey). Plain, serialisable data: it is stored with the project.
 */
import { codeOf, EXPOSURE_STATUS, HAZARD_TYPE, numbersOf, RISK_LEVEL, type ExposureStatus, type ReviewStatus } from '../vocabulary';
import type { ExposureParams, ExposureRun } from './analysis';
import type { LayerRole } from '../manifest';

const STATUS = numbersOf(EXPOSURE_STATUS);

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

/**
 * Which features of a run are register entries (every village, household and settlement
 * inside or near a hazard), as columns, with each entry's signature: the heavy part of
 * listing entries, done in the analysis worker.
 */
export interface EntryColumns {
  layer: Uint8Array;
  feature: Uint32Array;
  signatures: string[];
  /** The entries' ids, names and townships (the run sent to the main thread carries no per-feature strings). */
  ids: string[];
  names: (string | null)[];
  townships: (string | null)[];
}

export function registerColumns(run: ExposureRun): EntryColumns {
  const { hazards } = run;
  const layerOf: number[] = [];
  const featureOf: number[] = [];
  const signatures: string[] = [];
  const ids: string[] = [];
  const names: (string | null)[] = [];
  const townships: (string | null)[] = [];
  run.layers.forEach((layer, li) => {
    if (!REGISTER_ROLES.includes(layer.role)) return;
    const { hits } = layer;
    for (let i = 0; i < layer.count; i++) {
      if (hits.status[i] === STATUS.clear) continue;
      const parts: string[] = [];
      for (let j = hits.offsets[i]; j < hits.offsets[i + 1]; j++) {
        const h = hits.hazard[j];
        parts.push(`${codeOf(HAZARD_TYPE, hazards.type[h])}:${hazards.ids[h]}:${codeOf(RISK_LEVEL, hazards.level[h])}:${hits.inside[j] ? 'in' : 'near'}`);
      }
      parts.sort();
      layerOf.push(li);
      featureOf.push(i);
      signatures.push(parts.join('|'));
      ids.push(layer.ids[i]);
      names.push(layer.names[i]);
      townships.push(layer.townships[i]);
    }
  });
  return { layer: Uint8Array.from(layerOf), feature: Uint32Array.from(featureOf), signatures, ids, names, townships };
}

/** Register entries as objects for the table, from the columns. */
export function entriesFrom(run: ExposureRun, columns: EntryColumns): RegisterEntry[] {
  const entries: RegisterEntry[] = new Array(columns.layer.length);
  for (let k = 0; k < columns.layer.length; k++) {
    const layer = run.layers[columns.layer[k]];
    const i = columns.feature[k];
    const { hits } = layer;
    const start = hits.offsets[i], end = hits.offsets[i + 1];
    let typeMask = 0;
    for (let j = start; j < end; j++) typeMask |= 1 << run.hazards.type[hits.hazard[j]];
    entries[k] = {
      key: entryKey(layer.role, columns.ids[k]),
      layer: columns.layer[k],
      feature: i,
      role: layer.role,
      id: columns.ids[k],
      name: columns.names[k],
      township: columns.townships[k],
      people: layer.people[i],
      households: layer.households[i],
      status: hits.status[i],
      level: hits.worstLevel[i],
      hitStart: start,
      hitEnd: end,
      nearestM: hits.distance[start],
      typeMask,
      signature: columns.signatures[k],
    };
  }
  return entries;
}

/** The register entries of a run: every village, household and settlement inside or near a hazard. */
export function registerEntries(run: ExposureRun): RegisterEntry[] {
  return entriesFrom(run, registerColumns(run));
}

/** Counts by exposure status. */
export type StatusCounts = Record<ExposureStatus, number>;

/** Counts of the exposed (inside / near). */
export type ExposedCounts = Record<Exclude<ExposureStatus, 'clear'>, number>;

/** Exposed counts (inside / near) of one hazard type and risk level. */
export interface HazardClassCounts {
  type: number;
  level: number;
  features: ExposedCounts;
  households: ExposedCounts;
  people: ExposedCounts;
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

function emptyExposed(): ExposedCounts {
  return { inside: 0, near: 0 };
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
              row = { type: c >> 2, level: c & 3, features: emptyExposed(), households: emptyExposed(), people: emptyExposed() };
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

export { REVIEW_STATUSES, type ReviewStatus } from '../vocabulary';

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

/** A run as remembered for the next re-survey diff: its entries, column by column. */
export interface RunSnapshot {
  at: number;
  hazardLayers: { layerId: string; name: string; source: string; count: number }[];
  keys: string[];
  signatures: string[];
  status: Uint8Array;
  level: Uint8Array;
  names: (string | null)[];
  townships: (string | null)[];
}

/** What is stored with the project: the analysis settings, the reviews and the last two runs. */
export interface RegisterState {
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
  return {
    at: run.at,
    hazardLayers: run.hazards.layerIds.map((layerId, li) => ({ layerId, name: run.hazards.layerNames[li].zh, source: run.hazards.layerSources[li].zh, count: countOf(run.hazards.layerOf, li) })),
    keys: entries.map((e) => e.key),
    signatures: entries.map((e) => e.signature),
    status: Uint8Array.from(entries, (e) => e.status),
    level: Uint8Array.from(entries, (e) => e.level),
    names: entries.map((e) => e.name),
    townships: entries.map((e) => e.township),
  };
}

/** True when two runs list the same entries with the same hits. */
export function sameSnapshot(a: RunSnapshot, b: RunSnapshot): boolean {
  if (a.keys.length !== b.keys.length) return false;
  const bySignature = new Map(b.keys.map((k, i) => [k, b.signatures[i]]));
  return a.keys.every((k, i) => bySignature.get(k) === a.signatures[i]);
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
  const was = new Map(before.keys.map((k, i) => [k, i]));
  const now = new Set(after.keys);
  after.keys.forEach((key, i) => {
    const b = was.get(key);
    const base = { key, name: after.names[i], township: after.townships[i], after: { status: after.status[i], level: after.level[i], hits: hitCount(after.signatures[i]) } };
    if (b === undefined) return changes.push({ ...base, kind: 'new', before: null });
    const prior = { status: before.status[b], level: before.level[b], hits: hitCount(before.signatures[b]) };
    if (prior.level !== base.after.level) changes.push({ ...base, kind: 'level', before: prior });
    else if (before.signatures[b] !== after.signatures[i]) changes.push({ ...base, kind: 'hits', before: prior });
  });
  before.keys.forEach((key, b) => {
    if (!now.has(key)) changes.push({ key, kind: 'gone', name: before.names[b], township: before.townships[b], before: { status: before.status[b], level: before.level[b], hits: hitCount(before.signatures[b]) }, after: null });
  });
  const order: Record<ChangeKind, number> = { new: 0, level: 1, hits: 2, gone: 3 };
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.key.localeCompare(b.key));
}

/** Everything the register derives from a run, computed in the analysis worker. */
export interface RegisterDerivation {
  columns: EntryColumns;
  summary: AreaSummary[];
  /** The runs to remember: this one becomes `last` unless it lists the same entries as before. */
  last: RunSnapshot;
  previous: RunSnapshot | null;
  /** `previous` → `last`, or null without an earlier run. */
  changes: RegisterChange[] | null;
}

/**
 * Entries, figures and the re-survey diff of a run against the stored runs. The same result
 * again (a reload, a rerun with nothing changed) keeps the stored runs and their diff.
 */
export function deriveRegister(run: ExposureRun, stored: { last: RunSnapshot | null; previous: RunSnapshot | null }): RegisterDerivation {
  const columns = registerColumns(run);
  const snapshot = snapshotOf(run, entriesFrom(run, columns));
  const same = stored.last !== null && sameSnapshot(stored.last, snapshot);
  const last = same ? stored.last! : snapshot;
  const previous = same ? stored.previous : stored.last;
  return { columns, summary: summarize(run), last, previous, changes: previous ? diffSnapshots(previous, last) : null };
}
