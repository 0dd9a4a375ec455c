import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/core/manifest';
import { readFlatGeobuf } from '../../../src/io/fgb';
import { describeColumns, roleSchema, suggestFieldMapping, suggestRole } from '../../../src/core/import/roles';
import { applyMapping, summarizeIssues, validateGeometry } from '../../../src/core/import/validate';

/**
 * The committed demo county mapped to its own roles must pass without a single issue: this
 * keeps the schema's canonical names, types and vocabularies honest.
 */
const DEMO = new URL('../../../public/data/demo/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DEMO), 'utf8')) as Manifest;

describe('the demo county through validation', () => {
  for (const entry of manifest.layers) {
    it(`${entry.file} (${entry.role}) maps to itself and passes every check`, () => {
      const read = readFlatGeobuf(new Uint8Array(readFileSync(new URL(entry.file, DEMO))));
      if (!read.ok) throw new Error(read.error.message);
      const { table, geometry } = read.value;
      const columns = describeColumns(table);

      const fieldMap = suggestFieldMapping(entry.role, columns);
      const schemaNames = roleSchema(entry.role).fields.map((f) => f.name);
      for (const name of table.columns.map((c) => c.name)) {
        expect(schemaNames, `${entry.file}: column ${name} is a field of ${entry.role}`).toContain(name);
        expect(fieldMap[name], `${entry.file}: ${name}`).toBe(name);
      }
      expect(suggestRole(entry.file, columns)).toBe(entry.role);

      const mapped = applyMapping({ role: entry.role, table, fieldMap, tabular: false, file: entry.file });
      expect(mapped.issues).toEqual([]);
      expect(mapped.table.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
      for (const column of mapped.table.columns) {
        const source = table.columns.find((c) => c.name === column.name);
        expect(column.type, column.name).toBe(source?.type);
        expect(Array.from(column.values as ArrayLike<unknown>), column.name).toEqual(Array.from(source?.values as ArrayLike<unknown>));
      }

      const checked = validateGeometry({ role: entry.role, geometry, tabular: false, file: entry.file, projectBBox: manifest.bboxLngLat });
      expect(checked.issues).toEqual([]);
      expect(checked.geometry).toBe(geometry);
      expect(summarizeIssues([...mapped.issues, ...checked.issues], table.length).keep.every((k) => k === 1)).toBe(true);
    });
  }
});
