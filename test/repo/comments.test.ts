/**
 * Comments that name a file of the repository name one that exists: a comment pointing at a
 * file that was moved or never written sends the next reader nowhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'workers', 'data/generator', 'vite.config.ts', 'eslint.config.js'];

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

/** Paths from the repository root (`src/…`, `workers/…`) inside comments. */
const COMMENT = /\/\/.*|\/\*[\s\S]*?\*\//g;
const PATH = /(?<![\w./-])((?:src|workers|test|data|public)\/[\w./-]*[\w-]\.[a-z]{2,4})\b/g;

/** Text users read is the product's: it cites documents by title (src/core/sources.ts), never a repository file. */
const FILE_NAMES_IN_TEXT = /['"`][^'"`\n]*(DOMAIN\.md|DESIGN\.md|STYLE\.md|起始值)[^'"`\n]*['"`]/g;

describe('user-facing text', () => {
  it('names no repository file and labels unsourced numbers as the county\'s own setting', () => {
    const found: string[] = [];
    for (const file of ['src', 'workers'].flatMap(sourceFiles).filter((f) => /\.(ts|tsx)$/.test(f))) {
      const code = readFileSync(file, 'utf8').replace(COMMENT, '');
      for (const [text] of code.matchAll(FILE_NAMES_IN_TEXT)) found.push(`${file}: ${text.slice(0, 80)}`);
    }
    expect(found).toEqual([]);
  });
});

describe('comments', () => {
  it('name only files that exist', () => {
    const missing: string[] = [];
    for (const file of ROOTS.flatMap(sourceFiles).filter((f) => /\.(ts|tsx|js)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const comment of text.match(COMMENT) ?? []) {
        for (const [, path] of comment.matchAll(PATH)) if (!existsSync(path)) missing.push(`${file}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
