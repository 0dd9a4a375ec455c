/**
 * GeoJSON and FlatGeobuf import: a dropped file becomes a `ParsedVectorSource` (columnar
 * geometry in the file's own coordinates, attribute columns, the CRS the file names) plus
 * the issues the wizard shows. Nothing here throws for bad input.
 */
import { ByteBuffer } from 'flatbuffers';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { isKnownCrs } from '../core/crs';
import type { ImportIssue, InputFile, ParsedVectorSource, ReadOutcome } from '../core/import/types';
import type { Problem } from '../core/result';
import type { GeometryKind } from '../core/types';
import { readFlatGeobuf } from './fgb';
import { geoJsonColumns } from './geojson.columnar';
import { jsonErrorOffset } from './json-error';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function failure(file: InputFile, code: ImportIssue['code'], params?: ImportIssue['params']): { ok: false; issue: ImportIssue } {
  return { ok: false, issue: { code, severity: 'error', file: file.name, ...(params ? { params } : {}) } };
}

/** UTF-8 text (BOM dropped), or GB18030 when the bytes are not UTF-8 (GBK exports exist). */
function decodeText(bytes: Uint8Array): { text: string; gbk: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), gbk: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), gbk: true };
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The EPSG code a GeoJSON `crs` member names: `{"type":"name","properties":{"name":…}}` with
 * `urn:ogc:def:crs:EPSG::4549`, `EPSG:4490`, `http://www.opengis.net/def/crs/EPSG/0/4326` or
 * CRS84 (→ EPSG:4326, the same longitude/latitude order), or the 2008 draft's
 * `{"type":"EPSG","properties":{"code":4326}}`. Returns the text as given when it names
 * something else, null when there is no member.
 */
function crsOfMember(member: unknown): { epsg: string | null; named: string } | null {
  if (member === null || typeof member !== 'object') return null;
  const { type, properties } = member as { type?: unknown; properties?: Record<string, unknown> };
  if (type === 'EPSG' && (typeof properties?.code === 'number' || typeof properties?.code === 'string')) {
    return { epsg: `EPSG:${properties.code}`, named: `EPSG:${properties.code}` };
  }
  const name = typeof properties?.name === 'string' ? properties.name.trim() : typeof properties?.href === 'string' ? properties.href : JSON.stringify(member);
  if (/(^|[:/])CRS:?84$/i.test(name)) return { epsg: 'EPSG:4326', named: name };
  const code = /EPSG(?::[\d.]*)?::?(\d+)$/i.exec(name) ?? /\/EPSG\/[\d.]+\/(\d+)$/i.exec(name);
  return { epsg: code ? `EPSG:${code[1]}` : null, named: name };
}

/** The features of a parsed GeoJSON root, or what the root was when it is not GeoJSON. */
function featuresOf(root: unknown): { features: unknown[]; crs: unknown } | { found: string; type?: string } {
  if (Array.isArray(root)) return { found: 'array' };
  if (root === null) return { found: 'null' };
  if (typeof root !== 'object') return { found: typeof root };
  const { type, features, crs } = root as { type?: unknown; features?: unknown; crs?: unknown };
  if (type === 'FeatureCollection') return { features: Array.isArray(features) ? features : [], crs };
  if (type === 'Feature') return { features: [root], crs };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return { features: [{ type: 'Feature', properties: null, geometry: root }], crs };
  return typeof type === 'string' ? { found: 'object', type } : { found: 'object' };
}

/**
 * Reads a GeoJSON file: a FeatureCollection, a Feature or a bare geometry (RFC 7946, and the
 * 2008 `crs` member). Geometry keeps the majority family of points, lines or polygons (Multi*
 * included); every other feature keeps its row and attributes with empty geometry and a row
 * error (`geojson.mixed-geometry`, `geojson.geometry-collection`, `geojson.null-geometry`,
 * `geojson.empty-geometry`, `geojson.invalid-geometry`, `geojson.not-feature`).
 *
 * `crs` is the code of the `crs` member; without one it is null with a `vector.no-crs` info
 * (RFC 7946 says WGS84, but Chinese exports often hold projected coordinates without saying
 * so: the wizard's guess decides). Fails with `vector.empty`, `geojson.invalid-json` (line
 * and column where parsing stopped), `geojson.not-geojson` or `vector.unsupported-crs`.
 * Non-UTF-8 bytes are read as GB18030 with a `geojson.encoding` warning.
 */
export function readGeoJsonSource(file: InputFile): ReadOutcome<ParsedVectorSource> {
  if (file.bytes.length === 0) return failure(file, 'vector.empty');
  const { text, gbk } = decodeText(file.bytes);
  if (isBlank(text)) return failure(file, 'vector.empty');
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // Engines word parse errors differently; the scanner gives the same offset everywhere.
    const offset = Math.max(0, jsonErrorOffset(text));
    const { line, column } = lineAndColumn(text, offset);
    // Past the last non-blank character: the file stops mid-way rather than holding a typo.
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end--;
    return failure(file, 'geojson.invalid-json', { position: offset, line, column, atEnd: offset >= end ? 1 : 0 });
  }
  const parsed = featuresOf(root);
  if (!('features' in parsed)) return failure(file, 'geojson.not-geojson', parsed.type ? { found: parsed.found, type: parsed.type } : { found: parsed.found });
  if (parsed.features.length === 0) return failure(file, 'vector.empty');

  const issues: ImportIssue[] = [];
  if (gbk) issues.push({ code: 'geojson.encoding', severity: 'warning', file: file.name });
  const named = crsOfMember(parsed.crs);
  if (named && (named.epsg === null || !isKnownCrs(named.epsg))) return failure(file, 'vector.unsupported-crs', { crs: named.epsg ?? named.named });
  const crs = named?.epsg ?? null;
  if (crs === null) issues.push({ code: 'vector.no-crs', severity: 'info', file: file.name });

  const { geometry, table, issues: rowIssues } = geoJsonColumns(parsed.features, file.name);
  for (const issue of rowIssues) issues.push(issue);
  return { ok: true, source: { kind: 'vector', fileName: file.name, format: 'geojson', crs, geometry, table, tabular: false, coordinateColumns: null, issues } };
}

/** The CRS code in a FlatGeobuf header (`EPSG:4549`), or null when the header names none. */
function fgbHeaderCrs(bytes: Uint8Array): string | null {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const header = Header.getSizePrefixedRootAsHeader(new ByteBuffer(bytes.subarray(8, 12 + length)));
  const crs = header.crs();
  const code = crs?.code() ?? 0;
  return code > 0 ? `${(crs?.org() ?? 'EPSG').toUpperCase()}:${code}` : null;
}

const KIND_OF_PLURAL: Record<string, GeometryKind> = { points: 'Point', lines: 'LineString', polygons: 'Polygon' };

/** The `fgb.*` problem of `readFlatGeobuf` as an issue, its numbers and names as params. */
function fgbIssue(problem: Problem, file: InputFile): ImportIssue {
  const issue = (code: ImportIssue['code'], params?: ImportIssue['params']): ImportIssue => ({ code, severity: 'error', file: file.name, ...(params ? { params } : {}) });
  const m = problem.message;
  switch (problem.code) {
    case 'fgb.empty':
      return issue('vector.empty');
    case 'fgb.version':
      return issue('fgb.version', { version: file.bytes[3] });
    case 'fgb.truncated':
      return issue('fgb.truncated', { part: /cut off in its (.+?):/.exec(m)?.[1] ?? 'features' });
    case 'fgb.unsupported-geometry': {
      const feature = /^Feature (\d+) is an? (\w+)/.exec(m);
      if (feature) return issue('fgb.unsupported-geometry', { geometry: feature[2], feature: Number(feature[1]) });
      return issue('fgb.unsupported-geometry', { geometry: /holds (\w+) geometries/.exec(m)?.[1] ?? 'unknown' });
    }
    case 'fgb.mixed-geometry': {
      const mixed = /mixes (\w+) with an? (\w+) \(feature (\d+)\)/.exec(m);
      return issue('fgb.mixed-geometry', { kept: KIND_OF_PLURAL[mixed?.[1] ?? ''] ?? mixed?.[1] ?? '', found: mixed?.[2] ?? '', feature: Number(mixed?.[3] ?? 0) });
    }
    case 'fgb.not-flatgeobuf':
      return issue('fgb.not-flatgeobuf');
    default:
      return issue('fgb.damaged');
  }
}

/**
 * Reads a FlatGeobuf file with `readFlatGeobuf` (columnar, fast). `crs` is the header's code;
 * null with a `vector.no-crs` info when the header names none (readFlatGeobuf itself assumes
 * EPSG:4326 then). A code `isKnownCrs` rejects fails with `vector.unsupported-crs`, a file
 * without features with `vector.empty`, and readFlatGeobuf's problems become `fgb.*` issues.
 */
export function readFlatGeobufSource(file: InputFile): ReadOutcome<ParsedVectorSource> {
  const result = readFlatGeobuf(file.bytes);
  if (!result.ok) return { ok: false, issue: fgbIssue(result.error, file) };
  const layer = result.value;
  if (layer.table.length === 0) return failure(file, 'vector.empty');
  const crs = fgbHeaderCrs(file.bytes);
  if (crs !== null && !isKnownCrs(crs)) return failure(file, 'vector.unsupported-crs', { crs });
  const issues: ImportIssue[] = crs === null ? [{ code: 'vector.no-crs', severity: 'info', file: file.name }] : [];
  return { ok: true, source: { kind: 'vector', fileName: file.name, format: 'fgb', crs, geometry: layer.geometry, table: layer.table, tabular: false, coordinateColumns: null, issues } };
}
