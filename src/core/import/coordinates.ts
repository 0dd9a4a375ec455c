/**
 * Coordinates held in table columns (CSV, Excel): which columns they are, the point geometry
 * they make, and which CRS their numbers most likely are in.
 */
import { gaussKrugerFor, makeTransform } from '../crs';
import type { ColumnarGeometry, ColumnarTable } from '../types';
import type { ImportIssue } from './types';

/** Lower case, full-width letters and digits folded to ASCII (`Ｘ坐标` → `x坐标`). */
function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** The name without separators and bracketed units: `POINT_X` → `pointx`, `经度(°)` → `经度`. */
function compactName(name: string): string {
  return normalizeName(name).replace(/[([{【].*?[)\]}】]/g, '').replace(/[\s_\-.:/]/g, '');
}

/** True when one of the name's ASCII words (split at non-letters) is in `words`, or it ends in one of `endings`. */
function hasWord(name: string, words: readonly string[], endings: readonly string[]): boolean {
  const n = normalizeName(name);
  if (n.split(/[^a-z]+/).some((w) => words.includes(w))) return true;
  return endings.some((e) => n.endsWith(e));
}

/**
 * Column-name rules, strongest first; the first rule that finds both an x and a y column wins.
 * Gaode/Baidu exports say 经度/纬度 or lng/lat (often with a suffix such as `lng_gcj02`);
 * ArcGIS "Add XY Coordinates" writes POINT_X/POINT_Y; survey tables say X/Y, x坐标/y坐标,
 * 东坐标/北坐标. (Chinese survey practice calls the northing X: `guessCrs` notices such
 * swapped columns from their values.)
 */
const COLUMN_RULES: readonly { x: (name: string) => boolean; y: (name: string) => boolean }[] = [
  { x: (n) => normalizeName(n).includes('经度'), y: (n) => normalizeName(n).includes('纬度') },
  {
    x: (n) => hasWord(n, ['lng', 'lon', 'long', 'longitude', 'longtitude'], ['lng', 'longitude']),
    y: (n) => hasWord(n, ['lat', 'latitude'], ['latitude']),
  },
  {
    x: (n) => ['东坐标', 'easting', 'east', 'e坐标'].includes(compactName(n)),
    y: (n) => ['北坐标', 'northing', 'north', 'n坐标'].includes(compactName(n)),
  },
  {
    x: (n) => ['x', 'pointx', 'xcoord', 'coordx', 'x坐标', 'x坐标值', 'xzb', '横坐标'].includes(compactName(n)),
    y: (n) => ['y', 'pointy', 'ycoord', 'coordy', 'y坐标', 'y坐标值', 'yzb', '纵坐标'].includes(compactName(n)),
  },
];

/**
 * Recognises the longitude/latitude (or x/y) columns of a table by their names: 经度/纬度,
 * lng/lon/long/longitude + lat/latitude, 东坐标/北坐标, easting/northing, X/Y, x坐标/y坐标,
 * POINT_X/POINT_Y… Returns the leftmost pair of the strongest rule that matches, or null.
 */
export function coordinateColumns(table: ColumnarTable): { x: string; y: string } | null {
  const names = table.columns.map((c) => c.name);
  for (const rule of COLUMN_RULES) {
    const x = names.find(rule.x);
    const y = names.find((n) => n !== x && rule.y(n));
    if (x !== undefined && y !== undefined) return { x, y };
  }
  return null;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Degrees, minutes, seconds: `119°54′36″E`, `28度12分`, `119°54'36.5"`. */
const DMS = /^([+-]?\d+(?:\.\d+)?)[°度]\s*(?:(\d+(?:\.\d+)?)['′分]\s*)?(?:(\d+(?:\.\d+)?)(?:["″]|''|′′|秒)\s*)?([ewns东西南北])?$/;

/** A coordinate typed as text: a decimal number or degrees/minutes/seconds; NaN otherwise. */
export function parseCoordinate(text: string): number {
  const s = text.normalize('NFKC').trim().toLowerCase();
  if (DECIMAL.test(s)) return Number(s);
  const m = DMS.exec(s);
  if (!m) return NaN;
  const degrees = Math.abs(Number(m[1])) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  const negative = m[1].startsWith('-') || m[4] === 'w' || m[4] === 's' || m[4] === '西' || m[4] === '南';
  return negative ? -degrees : degrees;
}

/** Column values as numbers (NaN when blank or unreadable) and as the user typed them. */
function columnCoordinates(table: ColumnarTable, name: string): { values: Float64Array; raw: (i: number) => string } {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`pointsFromColumns: no column named ${name}`);
  if (column.type === 'number') return { values: column.values, raw: (i) => (Number.isNaN(column.values[i]) ? '' : String(column.values[i])) };
  if (column.type === 'string') {
    const text = column.values;
    const values = new Float64Array(table.length);
    for (let i = 0; i < table.length; i++) values[i] = text[i] === null ? NaN : parseCoordinate(text[i] as string);
    return { values, raw: (i) => text[i] ?? '' };
  }
  const flags = column.values;
  return { values: new Float64Array(table.length).fill(NaN), raw: (i) => (flags[i] === 255 ? '' : flags[i] ? 'TRUE' : 'FALSE') };
}

function badCoordinate(index: number, field: string, value: string, file: string | undefined): ImportIssue {
  return { code: 'table.bad-coordinate', severity: 'error', ...(file ? { file } : {}), index, field, params: { value } };
}

/**
 * Builds one point per row from two coordinate columns (numbers, or text such as `119.9` or
 * `119°54′E`). A row whose coordinate is blank or not a number gets NaN coordinates and an
 * error `table.bad-coordinate` naming the field and the value (`''` when blank).
 */
export function pointsFromColumns(table: ColumnarTable, x: string, y: string, file?: string): { geometry: ColumnarGeometry; issues: ImportIssue[] } {
  const xs = columnCoordinates(table, x);
  const ys = columnCoordinates(table, y);
  const coords = new Float64Array(2 * table.length);
  const issues: ImportIssue[] = [];
  for (let i = 0; i < table.length; i++) {
    const vx = xs.values[i];
    const vy = ys.values[i];
    if (!Number.isFinite(vx)) issues.push(badCoordinate(i, x, xs.raw(i), file));
    if (!Number.isFinite(vy)) issues.push(badCoordinate(i, y, ys.raw(i), file));
    const good = Number.isFinite(vx) && Number.isFinite(vy);
    coords[2 * i] = good ? vx : NaN;
    coords[2 * i + 1] = good ? vy : NaN;
  }
  const empty = new Uint32Array(0);
  return { geometry: { kind: 'Point', coords, geomOffsets: empty, partOffsets: empty, ringOffsets: empty }, issues };
}

/** The outcome of {@link guessCrs}. */
export interface CrsGuess {
  /** The guessed CRS code, or null when the numbers fit none (the user must pick). */
  crs: string | null;
  confidence: 'high' | 'low';
  /** True when the first column holds latitudes/northings and the second longitudes/eastings. */
  swapped: boolean;
  /** Why, in words (`crs.guessed`, `crs.swapped` or `crs.not-guessed`); the caller adds `file`. */
  reason: ImportIssue;
}

interface Range {
  min: number;
  max: number;
}

/** China, generously: longitudes and latitudes a Chinese dataset can hold. */
const CHINA_LNG: Range = { min: 73, max: 136 };
const CHINA_LAT: Range = { min: 3, max: 54 };
/** Gauss–Krüger northings over China without the islands south of Hainan (lat ≈ 18°–54°), metres. */
const GK_NORTHING: Range = { min: 2_000_000, max: 6_000_000 };
/** Same, for data with a zone prefix, whose prefix already makes the guess sure (lat ≈ 2°–55°). */
const GK_NORTHING_PREFIXED: Range = { min: 200_000, max: 6_100_000 };
/** Eastings without prefix: 500,000 ± ~4° of longitude, which a 3- or 6-degree zone never exceeds. */
const GK_EASTING: Range = { min: 100_000, max: 900_000 };
const EARTH_RADIUS_M = 6378137;

function within(r: Range, bounds: Range): boolean {
  return r.min >= bounds.min && r.max <= bounds.max;
}

/**
 * The 1st–99th percentile range of the finite values: one mistyped row in a large table does
 * not spoil the guess (validation reports that row as far outside the area). With fewer than
 * about 50 values this is the plain min–max.
 */
function robustRange(values: Float64Array): Range {
  const sorted = values.slice().sort();
  const n = sorted.length;
  return { min: sorted[Math.floor(0.01 * (n - 1))], max: sorted[Math.ceil(0.99 * (n - 1))] };
}

interface Reading {
  crs: string;
  confidence: 'high' | 'low';
  basis: 'lnglat' | 'gk-prefix' | 'gk-no-prefix' | 'mercator';
  extra: Record<string, string | number>;
}

function mercatorToLngLat(x: number, y: number): [number, number] {
  return [(x / EARTH_RADIUS_M) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / EARTH_RADIUS_M)) - Math.PI / 2) * (180 / Math.PI)];
}

function readGaussKrugerPrefix(xr: Range, yr: Range): Reading | null {
  const zone = Math.floor(xr.min / 1_000_000);
  if (zone !== Math.floor(xr.max / 1_000_000) || !within(yr, GK_NORTHING_PREFIXED)) return null;
  const width = zone >= 25 && zone <= 45 ? 3 : zone >= 13 && zone <= 23 ? 6 : null;
  if (width === null) return null;
  // A zone is 3° or 6° wide: eastings stay within ±1.7° or ±3.4° of 500 km even at the equator.
  const margin = width === 3 ? 250_000 : 400_000;
  const offset = zone * 1_000_000;
  if (xr.min - offset < 500_000 - margin || xr.max - offset > 500_000 + margin) return null;
  const cm = width === 3 ? 3 * zone : 6 * zone - 3;
  const z = gaussKrugerFor(width, cm, true);
  return z ? { crs: `EPSG:${z.epsg}`, confidence: 'high', basis: 'gk-prefix', extra: { zone } } : null;
}

function readMercator(xr: Range, yr: Range): Reading | null {
  const [lngMin, latMin] = mercatorToLngLat(xr.min, yr.min);
  const [lngMax, latMax] = mercatorToLngLat(xr.max, yr.max);
  if (!within({ min: lngMin, max: lngMax }, CHINA_LNG) || !within({ min: latMin, max: latMax }, CHINA_LAT)) return null;
  return { crs: 'EPSG:3857', confidence: 'high', basis: 'mercator', extra: {} };
}

/** Distance in degrees of latitude between the centre of the ranges read in `crs` and the hint. */
function degreesFromHint(crs: string, xr: Range, yr: Range, hint: { centerLng: number; centerLat: number }): number {
  const [lng, lat] = makeTransform(crs, 'EPSG:4490')((xr.min + xr.max) / 2, (yr.min + yr.max) / 2);
  const dx = (lng - hint.centerLng) * Math.cos((hint.centerLat * Math.PI) / 180);
  return Math.hypot(dx, lat - hint.centerLat);
}

/**
 * Reads x and y ranges as one of the systems Chinese data comes in, or null. The only overlap
 * is between Web Mercator over eastern China (x 13.0–15.2 million m) and 6-degree Gauss–Krüger
 * zones 13–15 with prefix (Xinjiang and Tibet, rare at county scale): without a hint Web
 * Mercator wins, with low confidence and the other reading named; with a hint, the reading
 * whose centre is nearer the project centre wins: with high confidence when within 2° (about
 * 200 km) of it, else with low confidence and the other reading named.
 */
function readRanges(xr: Range, yr: Range, hint?: { centerLng: number; centerLat: number }): Reading | null {
  if (within(xr, CHINA_LNG) && within(yr, CHINA_LAT)) return { crs: 'EPSG:4490', confidence: 'high', basis: 'lnglat', extra: {} };
  const gk = readGaussKrugerPrefix(xr, yr);
  const mercator = readMercator(xr, yr);
  if (gk && mercator) {
    if (!hint) return { ...mercator, confidence: 'low', extra: { alternative: gk.crs } };
    const dGk = degreesFromHint(gk.crs, xr, yr, hint);
    const dMercator = degreesFromHint(mercator.crs, xr, yr, hint);
    const [best, other, d] = dGk < dMercator ? [gk, mercator, dGk] : [mercator, gk, dMercator];
    return d < 2 ? { ...best, confidence: 'high' } : { ...best, confidence: 'low', extra: { ...best.extra, alternative: other.crs } };
  }
  const only = gk ?? mercator;
  if (only) return only;
  if (within(xr, GK_EASTING) && within(yr, GK_NORTHING)) {
    // The central meridian is not in the numbers: every 3° zone gives the same ranges.
    const cm = hint ? Math.min(135, Math.max(75, 75 + 3 * Math.round((hint.centerLng - 75) / 3))) : 120;
    const z = gaussKrugerFor(3, cm, false);
    if (z) return { crs: `EPSG:${z.epsg}`, confidence: 'low', basis: 'gk-no-prefix', extra: { cm, cmFrom: hint ? 'hint' : 'default' } };
  }
  return null;
}

function rounded(value: number, metres: boolean): number {
  return metres ? Math.round(value) : Math.round(value * 1e4) / 1e4;
}

/**
 * Guesses the CRS of coordinates read from table columns (`x0 y0 x1 y1 …`; NaN pairs are
 * skipped) from their ranges:
 *
 * | x (first column)               | y (second column)      | guess                                   |
 * |--------------------------------|------------------------|-----------------------------------------|
 * | 73–136                         | 3–54                   | EPSG:4490 CGCS2000 lng/lat, high        |
 * | zone·10⁶ + 250k–750k, zone 25–45 | 0.2–6.1 million      | 3° Gauss–Krüger with prefix, high       |
 * | zone·10⁶ + 100k–900k, zone 13–23 | 0.2–6.1 million      | 6° Gauss–Krüger with prefix, high       |
 * | 8.1–15.2 million (lng 73–136)  | lat 3–54 in Mercator   | EPSG:3857, high (see overlap below)     |
 * | 100k–900k                      | 2–6 million            | 3° Gauss–Krüger, CM nearest hint or 120°E, low |
 *
 * When only the columns exchanged fit a row (latitude first; or northing first, as Chinese
 * surveyors name X), the guess holds with `swapped: true`. Web Mercator and 6° zones 13–15
 * overlap; see `readRanges`. Anything else: `crs: null`, and the wizard asks the user.
 */
export function guessCrs(coords: Float64Array, hint?: { centerLng: number; centerLat: number }): CrsGuess {
  const n = coords.length >> 1;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i];
    const y = coords[2 * i + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (xs.length === 0) return { crs: null, confidence: 'low', swapped: false, reason: { code: 'crs.not-guessed', severity: 'warning', params: { count: 0 } } };
  const xr = robustRange(Float64Array.from(xs));
  const yr = robustRange(Float64Array.from(ys));
  const metres = Math.max(Math.abs(xr.min), Math.abs(xr.max), Math.abs(yr.min), Math.abs(yr.max)) > 1000;
  const ranges = { xMin: rounded(xr.min, metres), xMax: rounded(xr.max, metres), yMin: rounded(yr.min, metres), yMax: rounded(yr.max, metres) };

  const straight = readRanges(xr, yr, hint);
  if (straight) {
    const severity = straight.confidence === 'high' ? 'info' : 'warning';
    const reason: ImportIssue = { code: 'crs.guessed', severity, params: { crs: straight.crs, basis: straight.basis, ...ranges, ...straight.extra } };
    return { crs: straight.crs, confidence: straight.confidence, swapped: false, reason };
  }
  const exchanged = readRanges(yr, xr, hint);
  if (exchanged) {
    const reason: ImportIssue = { code: 'crs.swapped', severity: 'warning', params: { crs: exchanged.crs, basis: exchanged.basis, ...ranges, ...exchanged.extra } };
    return { crs: exchanged.crs, confidence: exchanged.confidence, swapped: true, reason };
  }
  return { crs: null, confidence: 'low', swapped: false, reason: { code: 'crs.not-guessed', severity: 'warning', params: { count: xs.length, ...ranges } } };
}

/** "119.52,28.21", "119.52，28.21", "119.52 28.21" or "(119.52, 28.21)": two numbers in one cell. */
const PAIR = /^\(?\s*([+-]?\d+(?:\.\d+)?)\s*[,，;；\s]\s*([+-]?\d+(?:\.\d+)?)\s*\)?$/;

/**
 * A table whose longitude and latitude share one column, as copied from a web map ("119.52,28.21"
 * in a 坐标 column; "28.21, 119.52" in the latitude-first order some apps use): when no
 * coordinate columns are recognised and at least 80% of a text column's non-blank cells are
 * such pairs in China's range, two number columns 经度（name）and 纬度（name）are added (NaN
 * where a cell is not a pair) and the order found is returned. Null when there is no such column.
 */
export function splitCoordinatePairs(table: ColumnarTable): { table: ColumnarTable; column: string; latFirst: boolean } | null {
  if (coordinateColumns(table)) return null;
  for (const column of table.columns) {
    if (column.type !== 'string') continue;
    let filled = 0;
    let lngFirst = 0;
    let latFirst = 0;
    const pairs: ([number, number] | null)[] = [];
    for (let i = 0; i < table.length; i++) {
      const text = column.values[i];
      if (text === null || text.trim() === '') {
        pairs.push(null);
        continue;
      }
      filled++;
      const m = PAIR.exec(text.normalize('NFKC').trim());
      if (!m) {
        pairs.push(null);
        continue;
      }
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a >= 73 && a <= 136 && b >= 3 && b <= 54) lngFirst++;
      else if (b >= 73 && b <= 136 && a >= 3 && a <= 54) latFirst++;
      pairs.push([a, b]);
    }
    const found = Math.max(lngFirst, latFirst);
    if (filled === 0 || found < 0.8 * filled) continue;
    const swapped = latFirst > lngFirst;
    const lng = Float64Array.from(pairs, (p) => (p ? (swapped ? p[1] : p[0]) : NaN));
    const lat = Float64Array.from(pairs, (p) => (p ? (swapped ? p[0] : p[1]) : NaN));
    return {
      table: { ...table, columns: [...table.columns, { name: `经度（${column.name}）`, type: 'number', values: lng }, { name: `纬度（${column.name}）`, type: 'number', values: lat }] },
      column: column.name,
      latFirst: swapped,
    };
  }
  return null;
}
