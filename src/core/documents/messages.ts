/**
 * Why a stored document was refused: a catalogue message (its words are in the message
 * catalogue's storage table) and, for support, what exactly was wrong.
 */
import type { LocalizedText } from '../manifest';
import { localizeMessage, message, type Message } from '../messages';

export type DocumentProblemCode = 'document.newer-version' | 'document.invalid';

/** What the templates are filled with; `title` is the document's name in each language. */
export interface DocumentProblemParams {
  titleZh: string;
  titleEn: string;
  /** The schema version found in storage. */
  storedVersion: number;
  /** The newest schema version this app reads. */
  knownVersion: number;
}

/**
 * A refused document: a stable code, the message in both languages and, for support, what
 * exactly was wrong (`detail`: a path into the value, never shown as the message).
 */
export interface DocumentProblem {
  code: DocumentProblemCode;
  params: DocumentProblemParams;
  message: LocalizedText;
  detail?: string;
}

/** The catalogue message of a refused document, for a store to show. */
export function documentMessage(problem: DocumentProblem): Message {
  return message(problem.code, { ...problem.params });
}

/** The problem for `code`, with its message filled in. */
export function documentProblem(code: DocumentProblemCode, params: DocumentProblemParams, detail?: string): DocumentProblem {
  return { code, params, message: localizeMessage(message(code, { ...params })), ...(detail === undefined ? {} : { detail }) };
}
