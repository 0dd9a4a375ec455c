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
