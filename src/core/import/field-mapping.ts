/**
 * Suggests which column of a user's file holds each field of a role: first by header name
 * (aliases of roles.ts, including .dbf-truncated forms), then by the shape of the values
 * (12-digit codes, years, values of a category vocabulary). A column is never suggested twice.
 */
import type { Column, ColumnarTable } from '../types';
import { canonicalCategoryValue } from './categories';
import { parseNumberText } from './number-text';
import type { LayerRole } from '../manifest';
import { isVectorRole, roleSchema, type RoleField, type RoleSchema, type VectorRole } from './role-schema';

/** What the suggestion looks at for one column: its name, type and some values. */
export interface ColumnSample {
  name: string;
  type: Column['type'];
  sample: readonly (string | number | boolean | null)[];
}

/** Canonical field name → the user's column that holds it, or null. */
export type FieldMap = Record<string, string | null>;

/** Unit words a header may name in brackets; a unit not among the field's own forbids the match (`面积(亩)` is not hectares). */
const KNOWN_UNITS = [
  '人', '口', '户', '个', '间', '栋', '幢', '处', '座', '所', '米', 'm', 'km', '公里', '千米', '年', '元', '万元', '万人', '万', '千人',
  '亩', '公顷', 'ha', 'hm2', 'km2', '平方公里', '平方千米', 'm2', '平方米', '平米', '%', '度', '°', '元/m2', '元/平方米', '元/亩',
].map((unit) => normalizeHeader(unit));

/** Header as compared: NFKC (full-width folded), lower case, brackets unified, no spaces, `_`, `-`, `.`. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[[{【〔<《]/g, '(')
    .replace(/[\]}】〕>》]/g, ')')
    .replace(/[\s_\-.·:#]/g, '');
}

/** Bracketed parts of a normalized header (`人口(人)` → `['人']`) and the header without them. */
function splitBrackets(key: string): { bare: string; inner: string[] } {
  const inner: string[] = [];
  const bare = key.replace(/\(([^()]*)\)/g, (_, content: string) => {
    inner.push(content);
    return '';
  });
  return { bare, inner };
}

/** The first `limit` bytes of a name as a GBK .dbf stores it (CJK 2 bytes, ASCII 1), whole characters only. */
function truncateDbf(name: string, limit: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of name) {
    bytes += ch.charCodeAt(0) < 0x80 ? 1 : 2;
    if (bytes > limit) break;
    out += ch;
  }
  return out;
}

interface AliasEntry {
  field: number;
  rank: number;
}

const indexes = new Map<VectorRole, Map<string, AliasEntry[]>>();

/**
 * Normalized header → the fields it may name, with rank (lower is stronger). Explicit names
 * come first (canonical name, labels, aliases); then the 10-byte forms a .dbf truncates long
 * names to. When two fields truncate alike, the first keeps it and the next gets GDAL's
 * de-duplicated form (`threatenedPersons` → `threatened`, `threatenedHouseholds` → `threaten_1`).
 */
function aliasIndex(schema: RoleSchema): Map<string, AliasEntry[]> {
  const cached = indexes.get(schema.role);
  if (cached) return cached;
  const index = new Map<string, AliasEntry[]>();
  const add = (key: string, entry: AliasEntry) => {
    const list = index.get(key) ?? [];
    if (!list.some((e) => e.field === entry.field)) list.push(entry);
    index.set(key, list);
  };
  const explicit = schema.fields.map((f) => [f.name, f.label.zh, f.label.en, ...f.aliases]);
  explicit.forEach((names, fieldIndex) => names.forEach((alias, rank) => add(normalizeHeader(alias), { field: fieldIndex, rank })));
  const owner = new Map<string, number>();
  for (const [key, entries] of index) owner.set(key, entries[0].field);
  explicit.forEach((names, fieldIndex) => {
    names.forEach((alias, rank) => {
      if (truncateDbf(alias, 10) === alias) return;
      for (const form of [truncateDbf(alias, 10), `${truncateDbf(alias, 8)}_1`]) {
        const key = normalizeHeader(form);
        const taken = owner.get(key);
        if (taken === fieldIndex) break;
        if (taken !== undefined) continue;
        owner.set(key, fieldIndex);
        add(key, { field: fieldIndex, rank: 100 + rank });
        break;
      }
    });
  });
  indexes.set(schema.role, index);
  return index;
}

/** Candidate fields of a header: exact, or without bracketed units when those fit the field. */
function headerCandidates(schema: RoleSchema, header: string): AliasEntry[] {
  const index = aliasIndex(schema);
  const key = normalizeHeader(header);
  const exact = index.get(key) ?? [];
  const { bare, inner } = splitBrackets(key);
  if (bare === key || bare === '') return exact;
  const loose = (index.get(bare) ?? []).filter((entry) => {
    const units = (schema.fields[entry.field].units ?? []).map(normalizeHeader);
    return inner.every((unit) => !KNOWN_UNITS.includes(unit) || units.includes(unit));
  });
  return [...exact, ...loose.map((entry) => ({ field: entry.field, rank: entry.rank + 1000 }))];
}

const isBlank = (value: string | number | boolean | null): boolean =>
  value === null || (typeof value === 'number' && Number.isNaN(value)) || (typeof value === 'string' && value.trim() === '');

/** Share of a column's distinct non-blank sample values a value test accepts (0 when none). */
function share(sample: readonly (string | number | boolean | null)[], test: (value: string | number | boolean) => boolean): number {
  const distinct = [...new Set(sample.filter((value) => !isBlank(value)) as (string | number | boolean)[])];
  if (distinct.length === 0) return 0;
  return distinct.filter(test).length / distinct.length;
}

/** How well a column's values fit a field that has a value shape: 0 (not at all) to 1. */
function patternScore(f: RoleField, column: ColumnSample): number {
  if (f.pattern === 'code12') {
    return share(column.sample, (value) => (typeof value === 'number' ? Number.isInteger(value) && value >= 1e11 && value < 1e12 : /^\d{12}$/.test(String(value).trim()))) === 1 ? 1 : 0;
  }
  if (f.pattern === 'year') {
    return share(column.sample, (value) => {
      const n = typeof value === 'number' ? value : parseNumberText(String(value), f.units ?? []);
      return n !== null && Number.isInteger(n) && n >= 1950 && n <= 2100;
    }) === 1 ? 1 : 0;
  }
  if (f.type === 'category' && f.category) {
    const category = f.category;
    const s = share(column.sample, (value) => typeof value !== 'boolean' && canonicalCategoryValue(category, String(value)) !== null);
    return s >= 0.8 ? s : 0;
  }
  return 0;
}

/**
 * Suggests a column for every field of a role: `{ name: '村名', population: '户籍人口', households: null, … }`.
 *
 * 1. By header: the column's name equals an alias of the field, ignoring case, full/half
 *    width, spaces, `_`, `-` and `.` (`POP`, `户籍 人口`, `Ｐｏｐｕｌａｔｉｏｎ`); then the same
 *    without bracketed units when the unit fits (`人口(人)`, not `人口(万人)`). Stronger
 *    aliases win, then schema order, then column order.
 * 2. By values, for fields still open, among columns still unused: 12-digit codes →
 *    adminCode / villageId; integers 1950–2100 → surveyYear; ≥ 80 % of distinct values in a
 *    vocabulary → that category field (the best share wins).
 * Every field of the role is a key; no column is suggested for two fields. The DEM has no
 * fields: `{}`.
 */
export function suggestFieldMapping(role: LayerRole, columns: readonly ColumnSample[]): FieldMap {
  if (!isVectorRole(role)) return {};
  const schema = roleSchema(role);
  const out: FieldMap = {};
  for (const f of schema.fields) out[f.name] = null;
  const used = new Set<number>();

  const byName: { field: number; column: number; rank: number }[] = [];
  columns.forEach((column, c) => headerCandidates(schema, column.name).forEach((entry) => byName.push({ ...entry, column: c })));
  byName.sort((a, b) => a.rank - b.rank || a.field - b.field || a.column - b.column);
  for (const match of byName) {
    const f = schema.fields[match.field];
    if (out[f.name] !== null || used.has(match.column)) continue;
    out[f.name] = columns[match.column].name;
    used.add(match.column);
  }

  const byValue: { field: number; column: number; score: number }[] = [];
  schema.fields.forEach((f, fi) => {
    if (out[f.name] !== null) return;
    columns.forEach((column, c) => {
      if (used.has(c)) return;
      const score = patternScore(f, column);
      if (score > 0) byValue.push({ field: fi, column: c, score });
    });
  });
  byValue.sort((a, b) => b.score - a.score || a.field - b.field || a.column - b.column);
  for (const match of byValue) {
    const f = schema.fields[match.field];
    if (out[f.name] !== null || used.has(match.column)) continue;
    out[f.name] = columns[match.column].name;
    used.add(match.column);
  }
  return out;
}

/** The first `size` values of every column, as {@link suggestFieldMapping} wants them (NaN and 255 as null). */
export function describeColumns(table: ColumnarTable, size = 50): ColumnSample[] {
  const n = Math.min(size, table.length);
  return table.columns.map((column) => {
    const sample: (string | number | boolean | null)[] = [];
    for (let i = 0; i < n; i++) {
      if (column.type === 'number') sample.push(Number.isNaN(column.values[i]) ? null : column.values[i]);
      else if (column.type === 'boolean') sample.push(column.values[i] === 255 ? null : column.values[i] === 1);
      else sample.push(column.values[i]);
    }
    return { name: column.name, type: column.type, sample };
  });
}
