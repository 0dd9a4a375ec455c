/**
 * The hazard register's stored document (`RegisterState`): its versions and checks.
 *
 * - v1: run snapshots as `entries: { [key]: { status, level, signature, name, township } }`.
 * - v2: run snapshots column by column (`keys`, `signatures`, `status`, `level`, `names`,
 *   `townships`), so the analysis worker diffs them without building objects.
 */
import type { DocumentKind } from './envelope';
import { bytes, dictionary, fields, finite, isRecord, list, nullable, nullableText, optional, record, text, type Check } from './check';

interface SnapshotV1 {
  at: number;
  hazardLayers: unknown[];
  entries: Record<string, { status: number; level: number; signature: string; name: string | null; township: string | null }>;
}

/** A v1 run snapshot in columns; the entries keep their stored order. */
function snapshotV2(snapshot: SnapshotV1 | null) {
  if (snapshot === null) return null;
  const entries = Object.entries(snapshot.entries);
  return {
    at: snapshot.at,
    hazardLayers: snapshot.hazardLayers,
    keys: entries.map(([key]) => key),
    signatures: entries.map(([, e]) => e.signature),
    status: Uint8Array.from(entries, ([, e]) => e.status),
    level: Uint8Array.from(entries, ([, e]) => e.level),
    names: entries.map(([, e]) => e.name),
    townships: entries.map(([, e]) => e.township),
  };
}

function v1ToV2(value: unknown): unknown {
  if (!isRecord(value)) throw new Error('the register is not an object');
  const snapshot = (s: unknown) => {
    if (s === null || s === undefined) return null;
    if (!isRecord(s) || !isRecord(s.entries)) throw new Error('a run snapshot has no entries');
    return snapshotV2(s as unknown as SnapshotV1);
  };
  // Settings and reviews are the same in both versions and pass through as they are.
  return { ...value, last: snapshot(value.last), previous: snapshot(value.previous) };
}

const columnsAlike: Check = (v, path) => {
  const s = v as { keys: unknown[]; signatures: unknown[]; status: Uint8Array; level: Uint8Array; names: unknown[]; townships: unknown[] };
  const n = s.keys.length;
  return s.signatures.length === n && s.status.length === n && s.level.length === n && s.names.length === n && s.townships.length === n ? null : `${path} (columns of different lengths)`;
};

const snapshot: Check = (v, path) =>
  fields({ at: finite, hazardLayers: list(record), keys: list(text), signatures: list(text), status: bytes, level: bytes, names: list(nullableText), townships: list(nullableText) })(v, path) ?? columnsAlike(v, path);

const review = fields({ status: text, note: text, date: text, at: finite, signature: text });

export const registerDocument: DocumentKind = {
  title: { zh: '隐患排查台账', en: 'hazard register' },
  steps: [v1ToV2],
  check: (value) =>
    fields({
      params: fields({ buffers: record }),
      hazardLayerIds: list(text),
      exposedLayerIds: list(text),
      knownHazardLayerIds: optional(list(text)),
      reviews: dictionary(list(review)),
      last: nullable(snapshot),
      previous: nullable(snapshot),
    })(value, ''),
};
