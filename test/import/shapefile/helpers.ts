/** Fixture loading and geometry comparison for the shapefile reader tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../../src/core/import/types';
import type { ColumnarGeometry } from '../../../src/core/types';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import/shapefile/', import.meta.url));

/** One fixture file as the user would drop it. */
export function fixture(name: string): InputFile {
  return { name, bytes: new Uint8Array(readFileSync(FIXTURES + name)) };
}

/** Every part of a fixture layer (`villages_gbk` → villages_gbk.shp, .shx, .dbf…), in name order. */
export function layerFiles(base: string, without: string[] = []): InputFile[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.startsWith(`${base}.`) && !without.some((ext) => f.endsWith(`.${ext}`)) && !/\.(zip|md|sh|py)$/.test(f))
    .sort()
    .map(fixture);
}

/** Nested coordinates: points [[x, y], …], lines [[[x, y], …], …], polygons [[[[x, y], …], …], …]. */
export type Nested = number[][] | number[][][] | number[][][][];

/** Feature `i` of a columnar geometry as nested arrays (points of a Point layer as [[x, y]]). */
export function featureCoords(g: ColumnarGeometry, i: number): Nested {
  const xy = (v: number) => [g.coords[2 * v], g.coords[2 * v + 1]];
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  if (g.kind === 'Point') return g.geomOffsets.length ? range(g.geomOffsets[i], g.geomOffsets[i + 1]).map(xy) : [xy(i)];
  if (g.kind === 'LineString') return range(g.geomOffsets[i], g.geomOffsets[i + 1]).map((p) => range(g.partOffsets[p], g.partOffsets[p + 1]).map(xy));
  return range(g.geomOffsets[i], g.geomOffsets[i + 1]).map((p) =>
    range(g.partOffsets[p], g.partOffsets[p + 1]).map((r) => range(g.ringOffsets[r], g.ringOffsets[r + 1]).map(xy)),
  );
}

/**
 * Parses the WKT `ogrinfo` prints into the same nested arrays (Z and M dropped; a single
 * POINT/LINESTRING/POLYGON wrapped like its Multi form), so expectations are its output verbatim.
 */
export function ogrWkt(wkt: string): Nested {
  const type = /^[A-Z]+/.exec(wkt)?.[0] ?? '';
  const body = wkt.slice(wkt.indexOf('('));
  const json = body
    .replace(/([-\d.]+(?: [-\d.]+)+)/g, (tuple) => `[${tuple.split(' ').slice(0, 2).join(',')}]`)
    .replace(/\(/g, '[')
    .replace(/\)/g, ']');
  const value = JSON.parse(json) as Nested;
  if (type === 'POINT') return value as number[][];
  if (type === 'MULTIPOINT') return (value as unknown[]).map((p) => (Array.isArray((p as unknown[])[0]) ? (p as number[][])[0] : (p as number[])));
  if (type === 'LINESTRING' || type === 'POLYGON') return [value] as Nested;
  return value;
}
