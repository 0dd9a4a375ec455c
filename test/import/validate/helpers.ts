/** Small readers for the validation tests, so they do not depend on the io readers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Column, ColumnarGeometry, ColumnarTable } from '../../../src/core/types';
import { GeometryBuilder } from '../../../src/core/import/geometry-builder';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import/validate/', import.meta.url));

/** Project extent of the demo county (manifest.json bboxLngLat). */
export const DEMO_BBOX: [number, number, number, number] = [119.4295241, 28.0402085, 119.8446958, 28.3422509];

/** A CSV as a table of string columns (empty cells are ''), the way a reader keeps text columns. */
export function csvTable(text: string): ColumnarTable {
  const parsed = Papa.parse<string[]>(text.trim(), { header: false });
  const [header, ...rows] = parsed.data;
  return {
    length: rows.length,
    columns: header.map((name, c): Column => ({ name, type: 'string', values: rows.map((row) => row[c] ?? '') })),
  };
}

/** Points from two text columns of a table; blank cells give NaN (an empty point). */
export function pointsFrom(table: ColumnarTable, x: string, y: string): ColumnarGeometry {
  const value = (name: string, i: number) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column || column.type !== 'string') throw new Error(name);
    const text = column.values[i];
    return text === null || text.trim() === '' ? NaN : Number(text);
  };
  const coords = new Float64Array(2 * table.length);
  for (let i = 0; i < table.length; i++) {
    coords[2 * i] = value(x, i);
    coords[2 * i + 1] = value(y, i);
  }
  const empty = new Uint32Array(0);
  return { kind: 'Point', coords, geomOffsets: empty, partOffsets: empty, ringOffsets: empty };
}

/** A polygon or line FeatureCollection as columnar geometry plus a table of its properties (as text or numbers). */
export function geojsonLayer(fc: FeatureCollection<Geometry | null>): { geometry: ColumnarGeometry; table: ColumnarTable } {
  const first = fc.features.find((f) => f.geometry)?.geometry;
  const kind = first?.type.includes('Polygon') ? 'Polygon' : first?.type.includes('LineString') ? 'LineString' : 'Point';
  const builder = new GeometryBuilder(kind, false);
  for (const f of fc.features) {
    const g = f.geometry;
    if (kind === 'Polygon') {
      const polygons = !g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      builder.addPolygons(polygons.map((rings) => rings.map((ring) => ring.flat())));
    } else if (kind === 'LineString') {
      const parts = !g ? [] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      builder.addLines(parts.map((part) => part.flat()));
    } else {
      throw new Error('points: use pointsFrom');
    }
  }
  const names = [...new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const columns = names.map((name): Column => {
    const values = fc.features.map((f) => f.properties?.[name] ?? null);
    if (values.every((v) => v === null || typeof v === 'number')) {
      return { name, type: 'number', values: Float64Array.from(values, (v) => (v === null ? NaN : (v as number))) };
    }
    return { name, type: 'string', values: values.map((v) => (v === null ? null : String(v))) };
  });
  return { geometry: builder.finish(), table: { length: fc.features.length, columns } };
}

/** The field names of a .dbf header (32-byte descriptors after the 32-byte header, name in the first 11 bytes). */
export function dbfFieldNames(bytes: Uint8Array, encoding: string): string[] {
  const headerBytes = bytes[8] | (bytes[9] << 8);
  const decoder = new TextDecoder(encoding);
  const names: string[] = [];
  for (let at = 32; at + 32 <= headerBytes - 1; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const end = raw.indexOf(0);
    names.push(decoder.decode(end < 0 ? raw : raw.subarray(0, end)));
  }
  return names;
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** Rows of a column as plain values, for exact comparisons. */
export function columnValues(table: ColumnarTable, name: string): (string | number | null)[] {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name}`);
  return Array.from(column.values as ArrayLike<string | number | null>);
}
