import { readFileSync } from 'node:fs';
import type { InputFile } from '../../../src/core/import/types';

/** A committed fixture of test/fixtures/import/raster as the reader gets it (see its README.md). */
export function fixture(name: string): InputFile {
  return { name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/import/raster/${name}`, import.meta.url))) };
}
