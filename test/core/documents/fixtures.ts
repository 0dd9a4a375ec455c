/** The stored-document fixtures (test/fixtures/documents), read as the values they record. */
import { readFileSync } from 'node:fs';
import { fromFixtureJson } from '../../fixtures/documents/typed-json';

const DIR = new URL('../../fixtures/documents/', import.meta.url);

/** A fixture document as stored before envelopes: its version inside the value. */
export function legacyDocument(file: 'register.v1' | 'register.v2' | 'suitability.v1' | 'relocation.v1'): Record<string, unknown> {
  return fromFixtureJson(readFileSync(new URL(`${file}.json`, DIR), 'utf8')) as Record<string, unknown>;
}

/** The same value without its inner `version` (the envelope carries it now). */
export function withoutVersion(value: Record<string, unknown>): Record<string, unknown> {
  const { version: _, ...rest } = value;
  return rest;
}

/** A fixture project file's bytes. */
export function projectFile(file: 'tiny.v1'): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${file}.anju`, DIR)));
}

/**
 * `relocation.v1` as this version reads it (written out by hand, not by the migration under
 * test): the solver's time limit is a 60-second safety net, the new-site switch is gone.
 */
export function relocationAsV2(): Record<string, unknown> {
  const value = withoutVersion(legacyDocument('relocation.v1')) as { scenarios: { policy: { assignment: Record<string, unknown> } }[] };
  for (const s of value.scenarios) {
    delete s.policy.assignment.useNewSites;
    s.policy.assignment.timeLimitS = 60;
  }
  return value as unknown as Record<string, unknown>;
}
