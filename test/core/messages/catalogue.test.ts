import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFailure, formatMessage, isMessageCode, MESSAGE_AREAS, messageCatalogue, type Message, type MessageEntry, type MessageTemplate } from '../../../src/core/messages';

/** The parameter names a template reads, over a few kinds of value so that both sides of a choice are taken. */
function paramsRead(template: MessageTemplate): Set<string> {
  const read = new Set<string>();
  for (const value of [1, 2, 0, '', 'x']) {
    const p = new Proxy({}, {
      get(_, key) {
        if (typeof key === 'string') read.add(key);
        return value;
      },
    });
    template(p);
  }
  return read;
}

/** `labelZh` and `labelEn` are one parameter, `label`, said in each language. */
const baseNames = (names: Set<string>) => [...new Set([...names].map((n) => n.replace(/(Zh|En)$/, '')))].sort();

/** Source files of the app (src and workers), recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const root = new URL('../../../', import.meta.url).pathname;
const entries = Object.entries(messageCatalogue) as [string, MessageEntry][];

describe('the message catalogue', () => {
  it('has words in both languages for every entry, reading the same parameters', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [code, entry] of entries) {
      const zh = entry.zh({});
      const en = entry.en({});
      expect([code, zh.trim().length > 0, en.trim().length > 0]).toEqual([code, true, true]);
      expect([code, baseNames(paramsRead(entry.zh))]).toEqual([code, baseNames(paramsRead(entry.en))]);
    }
  });

  it('holds each code in one area table only', () => {
    const seen = new Map<string, number>();
    for (const tables of Object.values(MESSAGE_AREAS)) for (const table of tables) for (const code of Object.keys(table)) seen.set(code, (seen.get(code) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect(seen.size).toBe(entries.length);
  });

  it('has every code that src and workers name as a literal', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'workers'))]) {
      const text = readFileSync(file, 'utf8');
      // `fail(code, 'English sentence')` is the low-level readers' own problem (core/result), which
      // their import adapters translate into catalogue codes; every other form names a catalogue code.
      for (const m of text.matchAll(/\b(?:code:\s*|message\(|failure\(|fail\(|issue\()'([a-z]+\.[a-z0-9-]+)'(?!,\s*['`])/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    // `geotiff.*` are openGeoTiff's own problems (core/result), translated to `dem.*` on import.
    expect([...used].filter((code) => !isMessageCode(code) && !code.startsWith('geotiff.'))).toEqual([]);
  });

  it('words a message in each language, and a failure that arrived as plain data', () => {
    const msg: Message = { code: 'shp.no-dbf', params: { name: 'roads' } };
    expect(formatMessage(msg, 'en')).toBe('The attribute table roads.dbf is missing. Import it together with the .shp (it is exported with it), or zip all parts of the shapefile together.');
    expect(formatMessage(msg, 'zh')).toMatch(/^缺少属性表文件 roads\.dbf。/);
    // A message is a run failure as another module declares it: code string, params unknown.
    const asFailure: { code: string; params?: Record<string, unknown> } = msg;
    expect(formatFailure(asFailure, 'en')).toBe(formatMessage(msg, 'en'));
    expect(formatFailure({ code: 'no.such-code', params: { a: 1, b: {} } }, 'en')).toBe('no.such-code {"a":1}');
  });
});
