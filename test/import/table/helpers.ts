import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { describeIssue, hasTemplate } from '../../../src/core/import/describe-issue';
import type { ImportIssue, ParsedVectorSource, ReadOutcome } from '../../../src/core/import/types';
import type { Column } from '../../../src/core/types';

const DIR = new URL('../../fixtures/import/table/', import.meta.url);

/** A committed fixture of this folder, as a dropped file. */
export function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(new URL(name, DIR))) };
}

/** The source of a successful read; every issue it carries must have wording. */
export function accepted(outcome: ReadOutcome<ParsedVectorSource>): ParsedVectorSource {
  if (!outcome.ok) throw new Error(describeIssue(outcome.issue, 'en'));
  for (const issue of outcome.source.issues) expect(hasTemplate(issue.code), issue.code).toBe(true);
  return outcome.source;
}

/** The issue of a rejected file: an error with wording. */
export function rejected(outcome: ReadOutcome<ParsedVectorSource>): ImportIssue {
  if (outcome.ok) throw new Error('expected the file to be rejected');
  expect(outcome.issue.severity).toBe('error');
  expect(hasTemplate(outcome.issue.code)).toBe(true);
  return outcome.issue;
}

export function column(source: ParsedVectorSource, name: string): Column {
  const c = source.table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

export const values = (c: Column): unknown[] => Array.from(c.values as ArrayLike<unknown>);
