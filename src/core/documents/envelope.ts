/**
 * Stored documents and their migration forward. A document is kept in an envelope:
 *
 * ```
 * { schemaVersion: 2,      the shape of `value`, per document kind (DocumentKind.steps)
 *   revision: 7,           successful writes so far (multi-tab checks will compare it)
 *   value: { … } }         what the store that owns the document keeps
 * ```
 *
 * Documents written before the envelope existed carried their version inside the value
 * (`value.version`); `envelopeOf` lifts them out, so every reader sees one shape.
 */
import { documentProblem, type DocumentProblem } from './messages';
import type { LocalizedText } from '../manifest';
import { isRecord } from './check';

/** A document as stored, with its schema version and revision. */
export interface DocumentEnvelope {
  schemaVersion: number;
  revision: number;
  value: unknown;
}

/** A stored record as it may be found: in an envelope, or without one (written before versioning). */
export interface StoredValue {
  schemaVersion?: number;
  revision?: number;
  value: unknown;
}

/** Turns a value of one schema version into the next; pure, and never mutates its input. */
export type MigrationStep = (value: unknown) => unknown;

/** One kind of stored document: how its older versions become the current one. */
export interface DocumentKind {
  /** What the user calls the document (in refusal messages). */
  title: LocalizedText;
  /**
   * `steps[i]` turns version i + 1 into version i + 2, so the current version is
   * `steps.length + 1`: a new stored shape is one more step here and nothing else.
   */
  steps: readonly MigrationStep[];
  /** Where a value of the current version is not what the app needs (a path), or null when it is usable. */
  check(value: unknown): string | null;
}

/** The schema version this app writes for a kind. */
export function currentVersion(kind: DocumentKind): number {
  return kind.steps.length + 1;
}

/**
 * The envelope of a stored record. A record without one is from before versioning: its
 * version is its `version` field (taken out of the value), or 1 when it has none, and it
 * has had no counted writes.
 */
export function envelopeOf(record: StoredValue): DocumentEnvelope {
  if (record.schemaVersion !== undefined) return { schemaVersion: record.schemaVersion, revision: record.revision ?? 0, value: record.value };
  const { value } = record;
  if (isRecord(value) && Number.isInteger(value.version) && (value.version as number) >= 1) {
    const { version, ...rest } = value;
    return { schemaVersion: version as number, revision: 0, value: rest };
  }
  return { schemaVersion: 1, revision: 0, value };
}

/** A document read for its store: the value in the current version, or why it was refused. */
export type DocumentLoad = { ok: true; value: unknown; revision: number } | { ok: false; error: DocumentProblem };

/**
 * Brings a stored document to the kind's current version: every step from its version on.
 * A document from a newer version, or one that does not check out (before or after its
 * steps), is refused; the caller leaves it in storage as it is. No record: value null.
 */
export function migrateDocument(kind: DocumentKind, record: StoredValue | undefined): DocumentLoad {
  if (!record) return { ok: true, value: null, revision: 0 };
  const { schemaVersion, revision, value } = envelopeOf(record);
  const known = currentVersion(kind);
  const params = { titleZh: kind.title.zh, titleEn: kind.title.en, storedVersion: schemaVersion, knownVersion: known };
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) return { ok: false, error: documentProblem('document.invalid', params, `schemaVersion ${String(schemaVersion)}`) };
  if (schemaVersion > known) return { ok: false, error: documentProblem('document.newer-version', params) };
  let next = value;
  for (let v = schemaVersion; v < known; v++) {
    try {
      next = kind.steps[v - 1](next);
    } catch (e) {
      // A step meets a value its version should not hold: the document is damaged, not the app.
      return { ok: false, error: documentProblem('document.invalid', params, `step ${v}→${v + 1}: ${e instanceof Error ? e.message : String(e)}`) };
    }
  }
  const wrong = kind.check(next);
  if (wrong !== null) return { ok: false, error: documentProblem('document.invalid', params, wrong) };
  return { ok: true, value: next, revision };
}
