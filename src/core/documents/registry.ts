/**
 * Every kind of document a project stores, by name: the one place a stored shape is
 * registered. The data worker wraps, migrates and checks documents through it, so the stores
 * that own them read values already in the current version.
 */
import { currentVersion, migrateDocument, type DocumentKind, type DocumentLoad, type StoredValue } from './envelope';
import { registerDocument } from './register.document';
import { relocationDocument } from './relocation.document';
import { suitabilityDocument } from './suitability.document';

/** The hazard register: settings, reviews and the last two runs. */
export const REGISTER_DOCUMENT = 'register';
/** The suitability models. */
export const SUITABILITY_DOCUMENT = 'suitability';
/** The relocation scenarios. */
export const RELOCATION_DOCUMENT = 'relocation';

const KINDS: ReadonlyMap<string, DocumentKind> = new Map([
  [REGISTER_DOCUMENT, registerDocument],
  [SUITABILITY_DOCUMENT, suitabilityDocument],
  [RELOCATION_DOCUMENT, relocationDocument],
]);

/** The kind of a document name; an unregistered name is a bug (every store registers its document here). */
export function documentKind(name: string): DocumentKind {
  const kind = KINDS.get(name);
  if (!kind) throw new Error(`"${name}" is not a registered document kind; add it to the document registry.`);
  return kind;
}

/** The schema version this app writes for a document name. */
export function documentVersion(name: string): number {
  return currentVersion(documentKind(name));
}

/** A stored document of `name` brought to the current version, or why it is refused. */
export function loadDocument(name: string, record: StoredValue | undefined): DocumentLoad {
  return migrateDocument(documentKind(name), record);
}

/** Names of every registered kind (for tests that walk them all). */
export function documentNames(): string[] {
  return [...KINDS.keys()];
}
