import { describe, expect, it } from 'vitest';
import { currentVersion, envelopeOf, migrateDocument, type DocumentKind } from '../../../src/core/documents/envelope';
import { documentKind, documentNames, loadDocument } from '../../../src/core/documents/registry';
import { legacyDocument, relocationAsV2, withoutVersion } from './fixtures';

/** A kind with two steps, each recording that it ran. */
const counter: DocumentKind = {
  title: { zh: '计数', en: 'counter' },
  steps: [(v) => ({ ...(v as object), a: 1 }), (v) => ({ ...(v as object), b: 2 })],
  check: (v) => (typeof (v as { a?: unknown }).a === 'number' ? null : 'a'),
};

describe('document envelopes', () => {
  it('lifts a record stored before versioning out of its value', () => {
    expect(envelopeOf({ value: { version: 2, reviews: {} } })).toEqual({ schemaVersion: 2, revision: 0, value: { reviews: {} } });
    // Without a version field (or a usable one) the record is version 1, kept whole.
    expect(envelopeOf({ value: { scenarios: [] } })).toEqual({ schemaVersion: 1, revision: 0, value: { scenarios: [] } });
    expect(envelopeOf({ value: { version: 'x' } })).toEqual({ schemaVersion: 1, revision: 0, value: { version: 'x' } });
    expect(envelopeOf({ value: [1, 2] })).toEqual({ schemaVersion: 1, revision: 0, value: [1, 2] });
    expect(envelopeOf({ schemaVersion: 3, revision: 9, value: { version: 1 } })).toEqual({ schemaVersion: 3, revision: 9, value: { version: 1 } });
  });

  it('runs every step from the stored version to the current one, in order', () => {
    expect(currentVersion(counter)).toBe(3);
    expect(migrateDocument(counter, { schemaVersion: 1, revision: 4, value: {} })).toEqual({ ok: true, value: { a: 1, b: 2 }, revision: 4 });
    expect(migrateDocument(counter, { schemaVersion: 2, revision: 4, value: { a: 5 } })).toEqual({ ok: true, value: { a: 5, b: 2 }, revision: 4 });
    expect(migrateDocument(counter, { schemaVersion: 3, revision: 4, value: { a: 5 } })).toEqual({ ok: true, value: { a: 5 }, revision: 4 });
    expect(migrateDocument(counter, undefined)).toEqual({ ok: true, value: null, revision: 0 });
  });

  it('refuses a document from a newer version, saying to update, in both languages', () => {
    const read = migrateDocument(counter, { schemaVersion: 4, revision: 1, value: {} });
    expect(read).toMatchObject({ ok: false, error: { code: 'document.newer-version', params: { storedVersion: 4, knownVersion: 3 } } });
    if (read.ok) return;
    expect(read.error.message.zh).toContain('更新版本的安居');
    expect(read.error.message.zh).toContain('计数');
    expect(read.error.message.en).toContain('Update Anju');
  });

  it('refuses a document that does not check out, or that a step cannot read, naming where for support', () => {
    expect(migrateDocument(counter, { schemaVersion: 3, revision: 1, value: {} })).toMatchObject({ ok: false, error: { code: 'document.invalid', detail: 'a' } });
    expect(migrateDocument(counter, { schemaVersion: 0, revision: 1, value: {} })).toMatchObject({ ok: false, error: { code: 'document.invalid' } });
    const throwing: DocumentKind = { ...counter, steps: [() => { throw new TypeError('no entries'); }] };
    expect(migrateDocument(throwing, { schemaVersion: 1, revision: 1, value: {} })).toMatchObject({ ok: false, error: { code: 'document.invalid', detail: 'step 1→2: no entries' } });
    // The message is the product's words: no paths or codes in it.
    const read = loadDocument('register', { schemaVersion: 2, revision: 1, value: { reviews: 3 } });
    expect(read).toMatchObject({ ok: false, error: { detail: 'params' } });
    if (!read.ok) expect(read.error.message.zh).not.toMatch(/params|register/);
  });

  it('knows every stored kind; an unregistered name is a bug', () => {
    expect(documentNames().sort()).toEqual(['register', 'relocation', 'suitability']);
    expect(() => documentKind('budget')).toThrow(/not a registered document kind/);
  });
});

describe('stored document fixtures migrate forward with nothing lost', () => {
  it('register v1 (snapshots as entry maps) becomes exactly the v2 register it was written from', () => {
    const v1 = legacyDocument('register.v1');
    const v2 = legacyDocument('register.v2');
    const read = loadDocument('register', { value: v1 });
    expect(read).toEqual({ ok: true, value: withoutVersion(v2), revision: 0 });
    if (!read.ok) return;
    const state = read.value as { reviews: Record<string, { note: string }[]>; last: { keys: string[]; status: Uint8Array }; previous: { keys: string[] } };
    expect(Object.keys(state.reviews)).toEqual(['villages:V1', 'households:H1']);
    expect(state.reviews['villages:V1'].map((r) => r.note)).toEqual(['已现场核实', '已搬迁']);
    expect(state.last.keys).toHaveLength(6);
    expect(state.last.status).toBeInstanceOf(Uint8Array);
    expect(state.previous.keys).toHaveLength(4);
  });

  it('register v2 and suitability v1 read as they were, their version moved to the envelope', () => {
    for (const [name, file] of [['register', 'register.v2'], ['suitability', 'suitability.v1']] as const) {
      const stored = legacyDocument(file);
      expect(loadDocument(name, { value: stored })).toEqual({ ok: true, value: withoutVersion(stored), revision: 0 });
    }
  });

  it('relocation v1 reads with the time limit as a safety net and without the new-site switch', () => {
    expect(loadDocument('relocation', { value: legacyDocument('relocation.v1') })).toEqual({ ok: true, value: relocationAsV2(), revision: 0 });
  });
});
