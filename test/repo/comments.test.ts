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
