/**
 * Golden files: a test compares an output with its committed copy under test/golden/files/.
 * `npm run golden:update` rewrites them (review the diff before committing it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const DIR = join(dirname(new URL(import.meta.url).pathname), 'files');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Asserts that `text` equals the golden file `name`, or writes it when updating. */
export function expectGolden(name: string, text: string): void {
  const path = join(DIR, name);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`Golden file ${name} is missing: run npm run golden:update and review it.`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(text, `differs from test/golden/files/${name} (npm run golden:update rewrites it)`).toBe(readFileSync(path, 'utf8'));
}
