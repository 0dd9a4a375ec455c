/**
 * Shapes shared by every area's message table. A template is a function of named parameters
 * rather than a string with placeholders because several messages choose their wording from a
 * parameter (a plural, a lookup of a code in words, "cut off at the end" or "wrong in the
 * middle"), and such choices read best as code.
 */

/** The UI languages: Simplified Chinese (default) and English. */
export type Lang = 'zh' | 'en';

/** Named values a message is filled with: the bad value, a count, a file name… */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Words one message in one language. */
export type MessageTemplate = (p: MessageParams) => string;

/**
 * One message in both languages. Both templates read the same parameters; a parameter that is
 * itself language-dependent comes as a pair named `xZh` / `xEn` (e.g. `labelZh`, `labelEn`).
 */
export interface MessageEntry {
  zh: MessageTemplate;
  en: MessageTemplate;
}

/** An area's messages by code, `<area>.<what>` (e.g. `shp.no-dbf`, `storage.not-zip`). */
export type MessageTable = Record<string, MessageEntry>;
