/**
 * The domain vocabulary: every closed list of codes Anju knows (hazard types, risk levels,
 * layer roles, village statuses, destination kinds, review states, exposure status), each
 * said once with its numeric code, labels in both UI languages, colour and display order.
 *
 * Everything else imports its codes, unions, labels and colours from here, so a code cannot
 * mean two things in two files (risk level `high` was 3 in one table and 2 in another) and
 * adding a code is one edit. test/core/vocabulary.test.ts fails when a second list appears.
 *
 * Numeric codes are what typed arrays, register snapshots and map palettes store: they are
 * stable, and a palette is indexed by them (`colorsByNumber`), never by list position.
 */
/** Text in both UI languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** UI language. */
export type Lang = 'zh' | 'en';

/** RGBA 0–255, as deck.gl takes colours. */
export type Rgba = [number, number, number, number];

/** One code of a vocabulary. */
export interface VocabularyEntry<C extends string = string> {
  /** The code stored in data and documents, e.g. `debris_flow`. */
  readonly code: C;
  /** The code in typed arrays and snapshots; unique within the vocabulary. */
  readonly num: number;
  readonly label: LocalizedText;
  /** Position in lists and legends (ascending). */
  readonly order: number;
  /** Map colour where the map draws the code. */
  readonly color?: Rgba;
}

/** A vocabulary: its entries in display order, plus lookups by code and by number. */
export interface Vocabulary<E extends VocabularyEntry> {
  /** Name in messages and tests, e.g. `hazardType`. */
  readonly name: string;
  /** Entries sorted by `order`. */
  readonly entries: readonly E[];
  /** Codes in display order. */
  readonly codes: readonly E['code'][];
  readonly byCode: ReadonlyMap<string, E>;
  readonly byNum: ReadonlyMap<number, E>;
}

/**
 * Builds a vocabulary from its table. Curried so that a table is checked against its entry
 * shape (`Shape`) while its codes are still inferred as literals for the code union.
 */
function vocabulary<Shape extends VocabularyEntry = VocabularyEntry>() {
  return <const E extends Shape>(name: string, entries: readonly E[]): Vocabulary<E> => buildVocabulary(name, entries);
}

function buildVocabulary<E extends VocabularyEntry>(name: string, entries: readonly E[]): Vocabulary<E> {
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  return {
    name,
    entries: sorted,
    codes: sorted.map((e) => e.code),
    byCode: new Map(sorted.map((e) => [e.code, e])),
    byNum: new Map(sorted.map((e) => [e.num, e])),
  };
}

/** The code union of a vocabulary. */
export type CodeOf<V> = V extends Vocabulary<infer E> ? E['code'] : never;

// ---------------------------------------------------------------------------------------------
// Hazard types (DESIGN.md §2). Numbers are stored with register snapshots: never renumber.

/** A hazard type entry: point and zone colours, and whether it is a geological hazard. */
export interface HazardTypeEntry extends VocabularyEntry {
  readonly color: Rgba;
  /** Zone (polygon) style: fill and outline colour, fill opacity, draw order (lower is drawn first, i.e. below). */
  readonly zone: { readonly color: string; readonly fillOpacity: number; readonly drawOrder: number };
  /** Listed in the map legend of point / zone hazard layers. */
  readonly legend: { readonly point: boolean; readonly zone: boolean };
  /**
   * A geological hazard (地质灾害): the default relocation policy counts these; floods and
   * reservoir inundation are handled by other programmes (DOMAIN.md).
   */
  readonly geological: boolean;
  /**
   * The default hazard rules for destinations exclude one within this type's buffer, not only
   * inside its zone (a buffer of the other types only warns).
   */
  readonly bufferExcludesSite: boolean;
}

export const HAZARD_TYPE = vocabulary<HazardTypeEntry>()('hazardType', [
  { code: 'landslide', num: 0, order: 0, label: { zh: '滑坡', en: 'Landslide' }, color: [140, 81, 10, 255], zone: { color: '#a6611a', fillOpacity: 0.45, drawOrder: 2 }, legend: { point: true, zone: true }, geological: true, bufferExcludesSite: true },
  { code: 'collapse', num: 1, order: 1, label: { zh: '崩塌', en: 'Collapse' }, color: [215, 48, 31, 255], zone: { color: '#d7301f', fillOpacity: 0.45, drawOrder: 4 }, legend: { point: true, zone: false }, geological: true, bufferExcludesSite: true },
  { code: 'debris_flow', num: 2, order: 2, label: { zh: '泥石流', en: 'Debris flow' }, color: [106, 61, 154, 255], zone: { color: '#7b3294', fillOpacity: 0.45, drawOrder: 3 }, legend: { point: true, zone: true }, geological: true, bufferExcludesSite: true },
  { code: 'subsidence', num: 3, order: 3, label: { zh: '地面塌陷', en: 'Subsidence' }, color: [99, 99, 99, 255], zone: { color: '#636363', fillOpacity: 0.45, drawOrder: 5 }, legend: { point: true, zone: false }, geological: true, bufferExcludesSite: true },
  { code: 'flood', num: 4, order: 4, label: { zh: '洪水', en: 'Flood' }, color: [33, 113, 181, 255], zone: { color: '#4292c6', fillOpacity: 0.35, drawOrder: 0 }, legend: { point: false, zone: true }, geological: false, bufferExcludesSite: false },
  { code: 'reservoir', num: 5, order: 5, label: { zh: '水库淹没区', en: 'Reservoir inundation' }, color: [8, 104, 172, 255], zone: { color: '#2b8cbe', fillOpacity: 0.75, drawOrder: 1 }, legend: { point: false, zone: true }, geological: false, bufferExcludesSite: false },
  { code: 'other', num: 6, order: 6, label: { zh: '其他', en: 'Other' }, color: [120, 120, 120, 255], zone: { color: '#888888', fillOpacity: 0.45, drawOrder: 6 }, legend: { point: false, zone: false }, geological: true, bufferExcludesSite: false },
] as const);
export type HazardType = CodeOf<typeof HAZARD_TYPE>;

// ---------------------------------------------------------------------------------------------
// Risk levels. One numbering everywhere: 0 none (no hit), 1 low, 2 medium, 3 high; higher is
// worse. Typed arrays, render buffers and the map's risk palettes all use it.

export const RISK_LEVEL = vocabulary()('riskLevel', [
  { code: 'none', num: 0, order: 3, label: { zh: '无', en: 'none' } },
  { code: 'low', num: 1, order: 2, label: { zh: '低', en: 'Low' }, color: [240, 200, 40, 255] },
  { code: 'medium', num: 2, order: 1, label: { zh: '中', en: 'Medium' }, color: [245, 130, 20, 255] },
  { code: 'high', num: 3, order: 0, label: { zh: '高', en: 'High' }, color: [215, 25, 28, 255] },
] as const);
/** A hazard's risk level. */
export type RiskLevel = Exclude<CodeOf<typeof RISK_LEVEL>, 'none'>;
/** Risk levels a hazard can have, worst first. */
export const HAZARD_RISK_LEVELS: readonly RiskLevel[] = RISK_LEVEL.codes.filter((c): c is RiskLevel => c !== 'none');

/** The risk level of a hazard's numeric level, clamped to low … high: a hazard always has one. */
export function hazardRiskLevel(num: number): RiskLevel {
  const nums = HAZARD_RISK_LEVELS.map((c) => RISK_LEVEL.byCode.get(c)!.num);
  return codeOf(RISK_LEVEL, Math.min(Math.max(...nums), Math.max(Math.min(...nums), Math.round(num)))) as RiskLevel;
}

// ---------------------------------------------------------------------------------------------
// Layer roles (DESIGN.md §2). Numbers follow DESIGN.md's table; `order` is the import
// wizard's: the roles a user imports most first, the DEM (a raster) last.

export interface LayerRoleEntry extends VocabularyEntry {
  /** What one feature of the role is called, where the register lists features of several roles. */
  readonly feature?: LocalizedText;
  /** Fill colour of a polygon (zone) role. */
  readonly zoneColor?: string;
  /** A constraint zone drawn hatched (MapLibre image `hatch-<role>`). */
  readonly hatched?: boolean;
}

export const LAYER_ROLE = vocabulary<LayerRoleEntry>()('layerRole', [
  { code: 'villages', num: 0, order: 0, label: { zh: '自然村', en: 'Natural villages' }, feature: { zh: '自然村', en: 'Village' } },
  { code: 'households', num: 1, order: 1, label: { zh: '农户', en: 'Households' }, feature: { zh: '农户', en: 'Household' } },
  { code: 'hazards', num: 2, order: 2, label: { zh: '地质灾害', en: 'Geological hazards' } },
  { code: 'settlements', num: 3, order: 3, label: { zh: '安置点', en: 'Settlements' }, feature: { zh: '安置点', en: 'Settlement' } },
  { code: 'dem', num: 4, order: 14, label: { zh: '高程', en: 'Elevation' } },
  { code: 'boundary', num: 5, order: 6, label: { zh: '行政界线', en: 'Boundaries' } },
  { code: 'roads', num: 6, order: 4, label: { zh: '道路', en: 'Roads' } },
  { code: 'rivers', num: 7, order: 5, label: { zh: '河流', en: 'Rivers' } },
  { code: 'schools', num: 8, order: 11, label: { zh: '学校', en: 'Schools' } },
  { code: 'clinics', num: 9, order: 12, label: { zh: '医疗机构', en: 'Clinics' } },
  { code: 'industrial_parks', num: 10, order: 13, label: { zh: '产业园区', en: 'Industrial parks' }, zoneColor: '#984ea3' },
  { code: 'farmland', num: 11, order: 7, label: { zh: '基本农田', en: 'Basic farmland' }, zoneColor: '#b8a400', hatched: true },
  { code: 'eco_redline', num: 12, order: 8, label: { zh: '生态保护红线', en: 'Ecological red line' }, zoneColor: '#c0392b', hatched: true },
  { code: 'water_source', num: 13, order: 9, label: { zh: '水源保护区', en: 'Water-source protection zone' }, zoneColor: '#1f78b4', hatched: true },
  { code: 'public_forest', num: 14, order: 10, label: { zh: '公益林', en: 'Public-welfare forest' }, zoneColor: '#2e7d32', hatched: true },
] as const);
export type LayerRole = CodeOf<typeof LAYER_ROLE>;

// ---------------------------------------------------------------------------------------------
// Village relocation statuses. `unassigned` is not a status a village is given: it is how the
// map, legend and briefing show a village that must move but found no destination. Numbers
// are the relocation overlay's status codes; the map's colours are indexed by them.

export const VILLAGE_STATUS = vocabulary()('villageStatus', [
  { code: 'stay', num: 0, order: 2, label: { zh: '不搬迁', en: 'Stays' }, color: [140, 150, 140, 160] },
  { code: 'may', num: 1, order: 1, label: { zh: '可以搬迁', en: 'May move' }, color: [240, 150, 40, 230] },
  { code: 'must', num: 2, order: 0, label: { zh: '必须搬迁', en: 'Must move' }, color: [215, 40, 40, 240] },
  { code: 'repair', num: 3, order: 3, label: { zh: '原地加固', en: 'Repair in place' }, color: [30, 150, 160, 230] },
  { code: 'unassigned', num: 4, order: 5, label: { zh: '未能安置', en: 'Not placed' }, color: [120, 0, 0, 255] },
  { code: 'insufficient', num: 5, order: 4, label: { zh: '数据不足', en: 'Data missing' }, color: [150, 110, 200, 230] },
] as const);
/** A status on the relocation map, `unassigned` included. */
export type VillageMapStatus = CodeOf<typeof VILLAGE_STATUS>;
/** The status the relocation rules (or the planner) give a village. */
export type VillageStatus = Exclude<VillageMapStatus, 'unassigned'>;
/** The statuses a village can be given, in display order (must, may, stay, repair). */
export const VILLAGE_STATUSES: readonly VillageStatus[] = VILLAGE_STATUS.codes.filter((c): c is VillageStatus => c !== 'unassigned');

// ---------------------------------------------------------------------------------------------
// Destination (settlement) kinds. Sites drawn by the planner or taken from the suitability
// analysis are `new_site` destinations: how a site was made is not a kind of destination.

export interface DestinationKindEntry extends VocabularyEntry {
  readonly color: Rgba;
  /** A town (县城, 中心镇): counts for "minutes to town" and as a town centre in siting. */
  readonly town: boolean;
  /** Listed in the settlements layer's legend (new sites are not in imported data). */
  readonly legend: boolean;
}

export const DESTINATION_KIND = vocabulary<DestinationKindEntry>()('destinationKind', [
  { code: 'county_seat', num: 0, order: 0, label: { zh: '县城', en: 'County seat' }, color: [8, 48, 107, 255], town: true, legend: true },
  { code: 'central_town', num: 1, order: 1, label: { zh: '中心镇', en: 'Central town' }, color: [33, 113, 181, 255], town: true, legend: true },
  { code: 'central_village', num: 2, order: 2, label: { zh: '中心村', en: 'Central village' }, color: [107, 174, 214, 255], town: false, legend: true },
  { code: 'relocation_community', num: 3, order: 3, label: { zh: '搬迁安置小区', en: 'Relocation community' }, color: [27, 158, 119, 255], town: false, legend: true },
  { code: 'new_site', num: 4, order: 4, label: { zh: '新选址', en: 'New site' }, color: [231, 41, 138, 255], town: false, legend: false },
] as const);
export type DestinationKind = CodeOf<typeof DESTINATION_KIND>;
/** Destination kinds that are towns. */
export const TOWN_KINDS: readonly DestinationKind[] = DESTINATION_KIND.entries.filter((e) => e.town).map((e) => e.code);

// ---------------------------------------------------------------------------------------------
// Review states of a register entry. `none` (never reviewed) and `changed` (the exposure
// changed since the review) are derived states; only the others are stored.

export const REVIEW_STATE = vocabulary()('reviewState', [
  { code: 'none', num: 0, order: 0, label: { zh: '未审核', en: 'Not reviewed' } },
  { code: 'confirmed', num: 1, order: 1, label: { zh: '已确认', en: 'Confirmed' } },
  { code: 'disputed', num: 2, order: 2, label: { zh: '有异议', en: 'Disputed' } },
  { code: 'resolved', num: 3, order: 3, label: { zh: '已处置', en: 'Resolved' } },
  { code: 'changed', num: 4, order: 4, label: { zh: '需复核', en: 'Changed since review' } },
] as const);
export type ReviewState = CodeOf<typeof REVIEW_STATE>;
/** A review a planner records (stored). */
export type ReviewStatus = Exclude<ReviewState, 'none' | 'changed'>;
export const REVIEW_STATUSES: readonly ReviewStatus[] = REVIEW_STATE.codes.filter((c): c is ReviewStatus => c !== 'none' && c !== 'changed');

// ---------------------------------------------------------------------------------------------
// Exposure status of one feature against the hazards. Numbers are stored in typed arrays.

export const EXPOSURE_STATUS = vocabulary()('exposureStatus', [
  { code: 'clear', num: 0, order: 2, label: { zh: '无影响', en: 'Clear' } },
  { code: 'near', num: 1, order: 1, label: { zh: '附近', en: 'Near' } },
  { code: 'inside', num: 2, order: 0, label: { zh: '区内', en: 'Inside' } },
] as const);
export type ExposureStatus = CodeOf<typeof EXPOSURE_STATUS>;

// ---------------------------------------------------------------------------------------------
// What a hazard hit does to a relocation destination (the scenario's hazard rule table).

export const HAZARD_ACTION = vocabulary()('hazardAction', [
  { code: 'exclude', num: 2, order: 0, label: { zh: '排除', en: 'Exclude' }, color: [200, 30, 30, 255] },
  { code: 'warn', num: 1, order: 1, label: { zh: '警示', en: 'Warn' }, color: [230, 150, 20, 255] },
  { code: 'allow', num: 0, order: 2, label: { zh: '允许', en: 'Allow' }, color: [120, 120, 120, 255] },
] as const);
export type HazardAction = CodeOf<typeof HAZARD_ACTION>;

/** Every vocabulary, for tests and tools that check them all. */
export const VOCABULARIES = [HAZARD_TYPE, RISK_LEVEL, LAYER_ROLE, VILLAGE_STATUS, DESTINATION_KIND, REVIEW_STATE, EXPOSURE_STATUS, HAZARD_ACTION] as const;

// ---------------------------------------------------------------------------------------------
// Lookups

/** The entry of a code (string) or numeric code, or undefined when it is not in the vocabulary. */
export function entryOf<E extends VocabularyEntry>(vocab: Vocabulary<E>, code: string | number): E | undefined {
  return typeof code === 'number' ? vocab.byNum.get(code) : vocab.byCode.get(code);
}

/** Whether a value is a code of the vocabulary (narrows it to the code union). */
export function isCode<E extends VocabularyEntry>(vocab: Vocabulary<E>, value: unknown): value is E['code'] {
  return typeof value === 'string' && vocab.byCode.has(value);
}

/**
 * The label of a code (string or numeric) in a language. An unknown code is returned as it
 * is, so data outside the vocabulary stays visible instead of vanishing.
 */
export function label<E extends VocabularyEntry>(vocab: Vocabulary<E>, code: string | number, lang: Lang): string {
  return entryOf(vocab, code)?.label[lang] ?? String(code);
}

/** The string code of a numeric code, or undefined when no entry has it. */
export function codeOf<E extends VocabularyEntry>(vocab: Vocabulary<E>, num: number): E['code'] | undefined {
  return vocab.byNum.get(num)?.code;
}

/**
 * The numeric code of a value, or -1 when it is empty or not a code. Case and surrounding
 * spaces are ignored (`' High '` → 3); other spellings are matched in the import wizard.
 */
export function numberOf<E extends VocabularyEntry>(vocab: Vocabulary<E>, value: unknown): number {
  const v = String(value ?? '').trim().toLowerCase();
  return vocab.byCode.get(v)?.num ?? -1;
}

/** The map colour of a code (string or numeric), or undefined when it has none. */
export function colorOf<E extends VocabularyEntry>(vocab: Vocabulary<E>, code: string | number): Rgba | undefined {
  return entryOf(vocab, code)?.color;
}

/**
 * Colours indexed by numeric code, for palettes read per feature from a typed array; a number
 * without an entry or colour gets `fallback`.
 */
export function colorsByNumber<E extends VocabularyEntry>(vocab: Vocabulary<E>, fallback: Rgba): Rgba[] {
  const size = Math.max(...vocab.entries.map((e) => e.num)) + 1;
  return Array.from({ length: size }, (_, k) => vocab.byNum.get(k)?.color ?? fallback);
}

/** `{ code: label }` in one language, for translation tables keyed by code; `codes` picks a subset. */
export function labelTable<E extends VocabularyEntry, C extends E['code'] = E['code']>(vocab: Vocabulary<E>, lang: Lang, codes?: readonly C[]): Record<C, string> {
  const picked = codes ?? (vocab.codes as readonly C[]);
  return Object.fromEntries(picked.map((c) => [c, label(vocab, c, lang)])) as Record<C, string>;
}

/** `{ code: numericCode }`, for code that names numbers in hot loops (`STATUS.inside`). */
export function numbersOf<E extends VocabularyEntry>(vocab: Vocabulary<E>): Readonly<Record<E['code'], number>> {
  return Object.fromEntries(vocab.entries.map((e) => [e.code, e.num])) as Record<E['code'], number>;
}
