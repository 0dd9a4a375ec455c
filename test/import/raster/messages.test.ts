import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasTemplate } from '../../../src/core/import/describe-issue';
import { rasterTemplates } from '../../../src/core/messages/import.raster';

/** Issue codes written as literals in the readers of this area. */
function emittedCodes(): string[] {
  const files = ['import-raster.ts', 'hgt.ts', 'import-vector.ts', 'geojson.columnar.ts', 'dem-mosaic.ts'];
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(new URL(`../../../src/io/${file}`, import.meta.url), 'utf8');
    for (const m of text.matchAll(/'((?:dem|hgt|geojson|vector|fgb)\.[a-z-]+)'/g)) codes.add(m[1]);
  }
  // readFlatGeobuf's codes are passed through (fgb.empty becomes vector.empty).
  codes.delete('fgb.empty');
  return [...codes].sort();
}

/** Params that fill every placeholder of every template. */
const PARAMS = {
  required: 760, found: 'array', detail: 'incorrect data check', compression: 'LZMA', type: 'Point', name: 'N27E119.hgt', crs: 'EPSG:32650',
  count: 3, total: 1200, size: 10, position: 5, line: 1, column: 6, atEnd: 0, kept: 'Point', version: 2, part: 'header', geometry: 'TIN', feature: 4,
  width: 2000, height: 1990, cell: 30, crsZh: 'CGCS2000 高斯-克吕格 3度带 中央经线 120°E (EPSG:4549)', crsEn: 'CGCS2000 Gauss–Krüger 3-degree CM 120°E (EPSG:4549)', clipped: 1,
  sizes: '27、82', files: 'N30E110.hgt', km2: '950', missing: 'N27E120', unit: 'dm',
};

describe('raster, GeoJSON and FlatGeobuf messages', () => {
  it('every code the readers emit has a template', () => {
    const codes = emittedCodes();
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) expect([code, hasTemplate(code)]).toEqual([code, true]);
  });

  it('every template fills its placeholders, the Chinese one in Chinese', () => {
    for (const [code, t] of Object.entries(rasterTemplates)) {
      const en = t.en(PARAMS);
      const zh = t.zh(PARAMS);
      expect([code, /undefined|\[object|NaN/.test(en + zh)]).toEqual([code, false]);
      expect([code, /[\u4e00-\u9fff]/.test(zh), /[\u4e00-\u9fff]/.test(en)]).toEqual([code, true, false]);
      // Each message says what to do: a sentence beyond the first, or an instruction.
      expect([code, en.split('. ').length > 1 || /;/.test(en) || /used|kept/.test(en)]).toEqual([code, true]);
    }
  });
});
