/**
 * The wizard's starting guesses: the role of a dropped file from its name
 * (`地质灾害隐患点.shp` → hazards) and columns (人数 and 村庄编号 → households), and the
 * canonical value of each category value (`滑坡` → landslide).
 */
import type { LayerRole } from '../manifest';
import type { GeometryKind } from '../types';
import { categoryMapping, type CategoryId } from './categories';
import { suggestFieldMapping, type ColumnSample } from './field-mapping';
import { roleField, roleSchema, VECTOR_ROLES } from './role-schema';

/** Words in file names that name a role (matched in the lower-cased, NFKC-folded name). */
const NAME_WORDS: Readonly<Record<Exclude<LayerRole, 'dem'>, readonly string[]>> = {
  villages: ['自然村', '村庄', '村落', '居民点', 'village'],
  households: ['农户', '搬迁户', '花名册', '户主', '家庭', 'household'],
  hazards: ['地质灾害', '地灾', '隐患', '灾害', '滑坡', '崩塌', '泥石流', '风险区', '淹没', 'hazard', 'landslide'],
  settlements: ['安置', '移民小区', '驻地', '镇区', '集镇', 'settlement', 'relocation'],
  boundary: ['行政区', '区划', '县界', '乡镇界', '村界', '边界', '乡镇', '县域', 'boundary', 'county', 'township', 'admin', 'xzq'],
  roads: ['道路', '公路', '路网', 'road', 'highway'],
  rivers: ['河流', '水系', '河道', 'river', 'stream'],
  schools: ['学校', '小学', '中学', 'school'],
  clinics: ['医院', '卫生院', '卫生室', '医疗', 'clinic', 'hospital'],
  industrial_parks: ['园区', '产业园', '工业区', 'industrial', 'park'],
  farmland: ['基本农田', '永农', '农田', '耕地', 'farmland', 'cropland'],
  eco_redline: ['生态保护红线', '红线', 'redline'],
  water_source: ['饮用水', '水源', 'watersource'],
  public_forest: ['公益林', 'forest'],
};

/** Fields every role shares; matching them says nothing about the role. */
const GENERIC_FIELDS = new Set(['id', 'name', 'township', 'county', 'areaHa', 'areaKm2', 'level']);

/** Why a role was guessed: the file-name word, the role's fields the headers match, the geometry. */
export interface RoleGuess {
  role: LayerRole | null;
  /** The word of the file name that names the role (null when none did). */
  word: string | null;
  /** The role's own fields the headers match (schema names). */
  fields: string[];
  /** The layer's geometry, which every role guessed allows (null: a table, or not known). */
  geometry: GeometryKind | null;
}

/**
 * The most likely role of a vector file, with the reason, or role null when neither its name
 * nor its columns point to one. Raster files (GeoTIFF, .hgt) are DEMs and do not come here.
 * Roles whose geometry the layer cannot have are left out (a point layer of township seats is
 * not a boundary). Score per role: 10 plus the keyword's length when the file name holds one of
 * its words (longest word wins; a fraction more the nearer it ends to the name's end), plus 2
 * per required and 1 per optional role-specific field its headers match.
 */
export function guessRole(fileName: string, columns: readonly ColumnSample[], geometry: GeometryKind | null = null): RoleGuess {
  const name = fileName.normalize('NFKC').toLowerCase().replace(/[\s_\-.]/g, '');
  let best: RoleGuess = { role: null, word: null, fields: [], geometry };
  let bestScore = 0;
  // Header matches only: value shapes (codes, years) say little about the role.
  const headersOnly = columns.map((c) => ({ ...c, sample: [] }));
  for (const role of VECTOR_ROLES) {
    const schema = roleSchema(role);
    if (geometry && !schema.geometry.includes(geometry)) continue;
    let score = 0;
    const word = NAME_WORDS[role].filter((w) => name.includes(w)).sort((a, b) => b.length - a.length)[0] ?? null;
    // A word nearer the end counts a little more: a Chinese name ends in its head noun
    // (乡镇道路 is roads, 乡镇驻地 a settlement).
    if (word) score += 10 + word.length + (name.lastIndexOf(word) + word.length) / (name.length + 1);
    const mapping = suggestFieldMapping(role, headersOnly);
    const fields: string[] = [];
    for (const f of schema.fields) {
      if (mapping[f.name] === null || GENERIC_FIELDS.has(f.name)) continue;
      score += f.required ? 2 : 1;
      fields.push(f.name);
    }
    if (score > bestScore) {
      best = { role, word, fields, geometry };
      bestScore = score;
    }
  }
  return best;
}

/** The most likely role of a vector file (see guessRole), or null. */
export function suggestRole(fileName: string, columns: readonly ColumnSample[], geometry: GeometryKind | null = null): LayerRole | null {
  return guessRole(fileName, columns, geometry).role;
}

/** A field with a vocabulary (a role field: its `category`, or yes/no for `boolean`), or a vocabulary id. */
export type CategoryField = { category?: CategoryId; type?: string } | CategoryId;

/**
 * Suggests a canonical value for each distinct user value of a category or yes/no field:
 * `{ '滑坡': 'landslide', '山崩?': null }`. Values that are already canonical map to themselves.
 *
 * Called as `(field, values)` with a role field or vocabulary id; or as `(role, fieldName,
 * values)`, which returns null when that field of the role takes no vocabulary.
 */
export function suggestCategoryMapping(field: CategoryField, distinctValues: readonly string[]): Record<string, string | null>;
export function suggestCategoryMapping(role: LayerRole, fieldName: string, distinctValues: readonly string[]): Record<string, string | null> | null;
export function suggestCategoryMapping(
  first: CategoryField | LayerRole,
  second: readonly string[] | string,
  third?: readonly string[],
): Record<string, string | null> | null {
  let id: CategoryId | null;
  let values: readonly string[];
  if (typeof second === 'string') {
    const f = roleField(first as LayerRole, second);
    id = f ? vocabularyOf(f) : null;
    values = third ?? [];
    if (!id) return null;
  } else {
    id = typeof first === 'string' ? (first as CategoryId) : vocabularyOf(first);
    values = second;
  }
  if (id) return categoryMapping(id, values);
  return Object.fromEntries(values.map((value) => [value, null]));
}

function vocabularyOf(field: { category?: CategoryId; type?: string }): CategoryId | null {
  return field.category ?? (field.type === 'boolean' ? 'boolean' : null);
}
