/**
 * The message catalogue: every sentence Anju shows a user about import, analysis, storage and
 * export, by a stable code, in Simplified Chinese and English. Code that finds a problem returns
 * a `Message` (code and named parameters), never words; the UI words it with `formatMessage` in
 * the language the user chose. Each area keeps its table in a file of its own here, and the
 * tables meet only in `CATALOGUE` below, so adding a message is one entry in one table.
 */
import { pipelineTemplates } from './import.pipeline';
import { rasterTemplates } from './import.raster';
import { shapefileTemplates } from './import.shapefile';
import { tableTemplates } from './import.table';
import { validateTemplates } from './import.validate';
import { storageMessages } from './storage';
import { analysisMessages } from './analysis';
import { suitabilityMessages } from './suitability';
import { exportMessages } from './export';
import type { Lang, MessageEntry, MessageParams, MessageTable } from './types';

export type { Lang, MessageEntry, MessageParams, MessageTemplate, MessageTable } from './types';

/** The tables of each area, for tests that check them one by one (a code must not be in two). */
export const MESSAGE_AREAS = {
  import: [pipelineTemplates, rasterTemplates, shapefileTemplates, tableTemplates, validateTemplates],
  analysis: [analysisMessages, suitabilityMessages],
  storage: [storageMessages],
  export: [exportMessages],
} as const satisfies Record<string, readonly MessageTable[]>;

const CATALOGUE = {
  ...pipelineTemplates,
  ...rasterTemplates,
  ...shapefileTemplates,
  ...tableTemplates,
  ...validateTemplates,
  ...analysisMessages,
  ...suitabilityMessages,
  ...storageMessages,
  ...exportMessages,
};

/** Every message code; a code that is not in the catalogue fails type-check. */
export type MessageCode = keyof typeof CATALOGUE;

/**
 * A message to show a user: what happened, as a code, and the values that fill its words.
 * Structurally a `{ code: string; params?: Record<string, unknown> }`, so a message can travel
 * as the failure of a run or across a worker boundary as plain data.
 */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

/**
 * The outcome of something a user's input can make fail: the value, or the message saying why
 * and what to do (STYLE.md habit 8). Exceptions stay for bugs.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Message };

/** Every entry by code (read-only), for the UI's message list and tests. */
export const messageCatalogue: Readonly<Record<MessageCode, MessageEntry>> = CATALOGUE;

/** True when `code` is in the catalogue: narrows a code that arrived as plain data. */
export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

/** Builds a message; shorter than the object literal at call sites that return failures. */
export function message(code: MessageCode, params?: MessageParams): Message {
  return params ? { code, params } : { code };
}

/** `{ ok: false, error: message(code, params) }`. */
export function failure(code: MessageCode, params?: MessageParams): { ok: false; error: Message } {
  return { ok: false, error: message(code, params) };
}

/** The message in `lang`, e.g. `formatMessage({ code: 'shp.no-dbf', params: { name: 'roads' } }, 'en')`. */
export function formatMessage(msg: Message, lang: Lang): string {
  return CATALOGUE[msg.code][lang](msg.params ?? {});
}

/** The message in both languages, for a value that is stored or sent before a language is chosen. */
export function localizeMessage(msg: Message): { zh: string; en: string } {
  return { zh: formatMessage(msg, 'zh'), en: formatMessage(msg, 'en') };
}

/**
 * Words a failure whose code is only known to be a string (a run's failure, data from a worker
 * or an older stored document). Parameters that are not text or numbers are left out; a code
 * the catalogue lacks is shown with its parameters rather than hidden, so it can be reported.
 */
export function formatFailure(f: { code: string; params?: Readonly<Record<string, unknown>> }, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (isMessageCode(f.code)) return CATALOGUE[f.code][lang](params);
  return `${f.code} ${JSON.stringify(params)}`;
}
