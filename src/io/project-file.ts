/**
 * The project file (`.anju`): a whole stored project in one file, to move it to another
 * machine or keep a copy. It is a zip:
 *
 * ```
 * anju-project.json   { format: 'anju-project', formatVersion: 2, appVersion, exportedAt,
 *                       project, layers: [{ layerId, role, name, source, addedAt, data }],
 *                       dem: { fileName, grid } | null,
 *                       documents: [{ name, schemaVersion, revision, value }] }
 * bin/0.bin           the bytes of one typed array (little-endian, as in memory)
 * bin/1.bin           …
 * ```
 *
 * Values are walked generically: every typed array (or ArrayBuffer, DataView) anywhere in a
 * layer, the DEM or a document becomes a binary entry, referenced from the JSON as
 * `{ $anju: 'binary', type: 'Float64Array', entry: 'bin/0.bin', length, crc32 }`, so a
 * 4,000 × 4,000 DEM is one 64 MB entry, never a JSON array. What JSON cannot say is
 * tagged the same way (`$anju`: number for NaN, ±Infinity and -0; undefined; bigint; date;
 * map; set; object for a plain object that has a `$anju` key of its own), so a decoded
 * project deep-equals the one exported.
 *
 * Format versions: 1 wrote documents as `{ name, value }`, their version (if any) inside the
 * value; 2 writes each in its envelope (src/core/documents/envelope.ts). A version 1 file is
 * read forward into envelopes; the documents' own migration runs when they are opened.
 * `revision` says how often a document was written where it was exported; an imported copy
 * starts its own count.
 *
 * Decoding reads and checks everything before returning: a file that is not a zip, not an
 * Anju project, made by a newer Anju, or damaged (an entry missing, short, failing its CRC,
 * or holding bad JSON) comes back as a problem naming the entry, in both UI languages.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { version as APP_VERSION } from '../../package.json';
import type { LocalizedText } from '../core/manifest';
import { envelopeOf, type DocumentEnvelope } from '../core/documents/envelope';
import { localizeMessage, message, type Message, type MessageCode, type MessageParams } from '../core/messages';
import type { StoredDem, StoredDocument, StoredLayer, StoredProject } from './project-storage';

/** The `format` field of every project file. */
const PROJECT_FILE_FORMAT = 'anju-project';
/** The newest format version this app writes and reads. */
export const PROJECT_FILE_VERSION = 2;
/** The JSON entry of a project file. */
export const PROJECT_FILE_ENTRY = 'anju-project.json';

/** A whole stored project; every record's `projectId` equals `project.id` after decoding. */
export interface ProjectSnapshot {
  project: StoredProject;
  layers: StoredLayer[];
  dem: StoredDem | null;
  /** Every document in its envelope (records stored before versioning are lifted with `envelopeOf`). */
  documents: (StoredDocument & DocumentEnvelope)[];
}

/** Why a project file was refused: a stable code and the catalogue's message in both UI languages. */
export interface ProjectFileProblem {
  code: 'not-zip' | 'not-anju' | 'newer-version' | 'damaged' | 'storage';
  message: LocalizedText;
}

/** A value or the problem that kept it from being made (STYLE.md habit 8, with bilingual messages). */
export type ProjectFileResult<T> = { ok: true; value: T } | { ok: false; error: ProjectFileProblem };

/** Which way a typed array is rebuilt from its bytes. */
const BINARY_TYPES = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
} as const;
type BinaryTypeName = keyof typeof BINARY_TYPES | 'ArrayBuffer' | 'DataView';

interface BinaryRef {
  $anju: 'binary';
  type: BinaryTypeName;
  entry: string;
  /** Elements for typed arrays, bytes for ArrayBuffer and DataView. */
  length: number;
  crc32: number;
}

/**
 * Binary entries up to this size are deflated (level 1, the fastest); larger ones are stored.
 * Float rasters barely compress: a 4,000 × 4,000 Float32 DEM (64 MB) deflates to ~55 MB in
 * ~6 s of a blocked data worker, but is stored in ~0.3 s.
 */
const DEFLATE_UP_TO_BYTES = 8 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Refusals: the words are the message catalogue's (storage.*); the code says which kind.

function problem(code: ProjectFileProblem['code'], msg: Message): ProjectFileProblem {
  return { code, message: localizeMessage(msg) };
}

const damaged = (code: MessageCode, params: MessageParams) => problem('damaged', message(code, params));
const notAnju = (code: MessageCode, params: MessageParams) => problem('not-anju', message(code, params));

/** Thrown inside the decoder only, and turned into a result at its boundary. */
class Refusal {
  constructor(readonly problem: ProjectFileProblem) {}
}

const refuse = (p: ProjectFileProblem): never => {
  throw new Refusal(p);
};

/** The JSON holds something the format does not allow at `path`. */
const invalid = (path: string, expected: string): never =>
  refuse(damaged('storage.entry-invalid', { entry: PROJECT_FILE_ENTRY, path, expected }));

// ---------------------------------------------------------------------------------------------
// CRC-32 (the zip polynomial): fflate checks none on unzip, so binaries carry their own.

let crcTable: Int32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let c = -1;
  for (let i = 0, n = bytes.length; i < n; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Sets a key as an own property, even `__proto__` (which plain assignment would not). */
function setOwn(out: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Turns a value into JSON-safe data, moving its binary parts into `files`. */
function encoder(files: Zippable) {
  const seen = new Map<object, BinaryRef>();
  let next = 0;
  const binary = (key: object, type: BinaryTypeName, bytes: Uint8Array, length: number): BinaryRef => {
    const known = seen.get(key);
    // The same array referenced twice is written once and comes back as one array.
    if (known) return known;
    const entry = `bin/${next++}.bin`;
    files[entry] = [bytes as Uint8Array<ArrayBuffer>, { level: bytes.byteLength > DEFLATE_UP_TO_BYTES ? 0 : 1 }];
    const ref: BinaryRef = { $anju: 'binary', type, entry, length, crc32: crc32(bytes) };
    seen.set(key, ref);
    return ref;
  };
  const encode = (value: unknown, path: string): unknown => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value) && !Object.is(value, -0)) return value;
        return { $anju: 'number', value: Object.is(value, -0) ? '-0' : String(value) };
      case 'undefined':
        return { $anju: 'undefined' };
      case 'bigint':
        return { $anju: 'bigint', value: value.toString() };
      case 'object':
        break;
      default:
        throw new Error(`A project cannot be exported: ${path} is a ${typeof value}, which has no stored form.`);
    }
    if (value === null) return null;
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      if (value instanceof DataView) return binary(value, 'DataView', bytes, value.byteLength);
      const type = value.constructor.name as BinaryTypeName;
      if (!(type in BINARY_TYPES)) throw new Error(`A project cannot be exported: ${path} is a ${type}.`);
      return binary(value, type, bytes, (value as unknown as ArrayLike<unknown>).length);
    }
    if (value instanceof ArrayBuffer) return binary(value, 'ArrayBuffer', new Uint8Array(value), value.byteLength);
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = encode(value[i], `${path}[${i}]`);
      return out;
    }
    if (value instanceof Date) return { $anju: 'date', value: encode(value.getTime(), path) };
    if (value instanceof Map) return { $anju: 'map', entries: [...value].map(([k, v], i) => [encode(k, `${path}.key${i}`), encode(v, `${path}.${String(k)}`)]) };
    if (value instanceof Set) return { $anju: 'set', values: [...value].map((v, i) => encode(v, `${path}{${i}}`)) };
    if (!isPlainObject(value)) throw new Error(`A project cannot be exported: ${path} is a ${value.constructor?.name ?? 'object'}, which has no stored form.`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, encode(v, `${path}.${k}`));
    return Object.hasOwn(value, '$anju') ? { $anju: 'object', entries: out } : out;
  };
  return encode;
}

/**
 * Writes a project as a `.anju` file (a zip). Record `projectId`s are left out: they are
 * `project.id`. Throws only on a value no project can hold (a function, a class instance).
 */
export function encodeProjectFile(snapshot: ProjectSnapshot, options: { exportedAt?: Date } = {}): Uint8Array {
  const files: Zippable = {};
  const encode = encoder(files);
  const header = {
    format: PROJECT_FILE_FORMAT,
    formatVersion: PROJECT_FILE_VERSION,
    appVersion: APP_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    project: encode(snapshot.project, 'project'),
    layers: snapshot.layers.map(({ projectId: _, ...layer }, i) => encode(layer, `layers[${i}]`)),
    dem: snapshot.dem ? encode({ fileName: snapshot.dem.fileName, grid: snapshot.dem.grid }, 'dem') : null,
    documents: snapshot.documents.map(({ projectId: _, ...doc }, i) => encode(doc, `documents[${i}]`)),
  };
  // The JSON goes first, so a reader sees what the file is before the bulk.
  return zipSync({ [PROJECT_FILE_ENTRY]: [strToU8(JSON.stringify(header)), { level: 6 }], ...files });
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Reads one entry of the zip, inflating only that one; null when there is none. */
function entryReader(bytes: Uint8Array, names: Set<string>) {
  return (name: string): Uint8Array | null => {
    if (!names.has(name)) return null;
    try {
      return unzipSync(bytes, { filter: (f) => f.name === name })[name] ?? null;
    } catch {
      return refuse(damaged('storage.entry-undecompressable', { entry: name }));
    }
  };
}

function decoder(read: (name: string) => Uint8Array | null) {
  const cache = new Map<string, unknown>();
  const binary = (ref: Record<string, unknown>, path: string): unknown => {
    const { type, entry, length, crc32: sum } = ref;
    if (typeof entry !== 'string' || typeof type !== 'string' || !(type in BINARY_TYPES || type === 'ArrayBuffer' || type === 'DataView')) return invalid(path, 'a binary reference');
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || typeof sum !== 'number') return invalid(path, 'a binary reference');
    const key = `${entry}\u0000${type}`;
    if (cache.has(key)) return cache.get(key);
    const bytes = read(entry);
    if (!bytes) return refuse(damaged('storage.entry-missing', { entry, path }));
    const width = type === 'ArrayBuffer' || type === 'DataView' ? 1 : BINARY_TYPES[type as keyof typeof BINARY_TYPES].BYTES_PER_ELEMENT;
    if (bytes.byteLength !== length * width) {
      return refuse(damaged('storage.entry-size', { entry, path, expected: length * width, actual: bytes.byteLength }));
    }
    if (crc32(bytes) !== sum) return refuse(damaged('storage.entry-checksum', { entry, path }));
    // fflate hands each entry its own buffer; copy only when it is shared or misaligned.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    const value = type === 'ArrayBuffer' ? own : type === 'DataView' ? new DataView(own) : new BINARY_TYPES[type as keyof typeof BINARY_TYPES](own);
    cache.set(key, value);
    return value;
  };
  const decode = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v, i) => decode(v, `${path}[${i}]`));
    const obj = value as Record<string, unknown>;
    if (!Object.hasOwn(obj, '$anju')) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) setOwn(out, k, decode(v, `${path}.${k}`));
      return out;
    }
    switch (obj.$anju) {
      case 'binary':
        return binary(obj, path);
      case 'number':
        if (obj.value === '-0') return -0;
        if (obj.value === 'NaN' || obj.value === 'Infinity' || obj.value === '-Infinity') return Number(obj.value);
        return invalid(path, 'NaN, Infinity, -Infinity or -0');
      case 'undefined':
        return undefined;
      case 'bigint':
        if (typeof obj.value !== 'string' || !/^-?\d+$/.test(obj.value)) return invalid(path, 'a big integer');
        return BigInt(obj.value);
      case 'date': {
        const time = decode(obj.value, path);
        return typeof time === 'number' ? new Date(time) : invalid(path, 'a date');
      }
      case 'map':
        if (!Array.isArray(obj.entries) || !obj.entries.every((e) => Array.isArray(e) && e.length === 2)) return invalid(path, 'a map');
        return new Map((obj.entries as [unknown, unknown][]).map(([k, v], i) => [decode(k, `${path}.key${i}`), decode(v, `${path}.value${i}`)]));
      case 'set':
        if (!Array.isArray(obj.values)) return invalid(path, 'a set');
        return new Set(obj.values.map((v, i) => decode(v, `${path}{${i}}`)));
      case 'object': {
        if (obj.entries === null || typeof obj.entries !== 'object' || Array.isArray(obj.entries)) return invalid(path, 'an object');
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj.entries)) setOwn(out, k, decode(v, `${path}.${k}`));
        return out;
      }
      default:
        return invalid(path, 'a known value tag');
    }
  };
  return decode;
}

// Shape checks of the decoded records: what the data worker relies on when it opens them.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
const obj = (v: unknown, path: string): Obj => (isObj(v) ? v : invalid(path, 'an object'));
const str = (v: unknown, path: string): string => (typeof v === 'string' ? v : invalid(path, 'text'));
const num = (v: unknown, path: string): number => (typeof v === 'number' ? v : invalid(path, 'a number'));
const count = (v: unknown, path: string): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : invalid(path, 'a whole number'));
const localized = (v: unknown, path: string) => {
  const t = obj(v, path);
  str(t.zh, `${path}.zh`);
  str(t.en, `${path}.en`);
};
const typed = <T>(v: unknown, type: new (n: number) => T, path: string, length?: number): T => {
  if (!(v instanceof type)) return invalid(path, `a ${type.name}`);
  if (length !== undefined && (v as unknown as ArrayLike<number>).length !== length) return invalid(path, `${length} values long`);
  return v;
};

function checkProject(v: unknown): StoredProject {
  const p = obj(v, 'project');
  if (str(p.id, 'project.id') === '') invalid('project.id', 'a non-empty id');
  str(p.name, 'project.name');
  if (p.base !== 'demo' && p.base !== null) invalid('project.base', "'demo' or null");
  num(p.createdAt, 'project.createdAt');
  num(p.updatedAt, 'project.updatedAt');
  return p as unknown as StoredProject;
}

function checkVectorLayer(v: unknown, path: string) {
  const data = obj(v, path);
  const g = obj(data.geometry, `${path}.geometry`);
  if (g.kind !== 'Point' && g.kind !== 'LineString' && g.kind !== 'Polygon') invalid(`${path}.geometry.kind`, 'Point, LineString or Polygon');
  typed(g.coords, Float64Array, `${path}.geometry.coords`);
  for (const k of ['geomOffsets', 'partOffsets', 'ringOffsets']) typed(g[k], Uint32Array, `${path}.geometry.${k}`);
  const table = obj(data.table, `${path}.table`);
  const rows = count(table.length, `${path}.table.length`);
  if (!Array.isArray(table.columns)) invalid(`${path}.table.columns`, 'a list');
  (table.columns as unknown[]).forEach((c, i) => {
    const at = `${path}.table.columns[${i}]`;
    const col = obj(c, at);
    str(col.name, `${at}.name`);
    if (col.type === 'number') typed(col.values, Float64Array, `${at}.values`, rows);
    else if (col.type === 'boolean') typed(col.values, Uint8Array, `${at}.values`, rows);
    else if (col.type === 'string') {
      if (!Array.isArray(col.values) || col.values.length !== rows || !col.values.every((s) => s === null || typeof s === 'string')) invalid(`${at}.values`, `${rows} texts`);
    } else invalid(`${at}.type`, 'number, string or boolean');
  });
  if (!Array.isArray(data.bbox) || data.bbox.length !== 4 || !data.bbox.every((x) => typeof x === 'number')) invalid(`${path}.bbox`, 'four numbers');
  str(data.crs, `${path}.crs`);
}

function checkLayer(v: unknown, i: number, projectId: string): StoredLayer {
  const path = `layers[${i}]`;
  const l = obj(v, path);
  str(l.layerId, `${path}.layerId`);
  str(l.role, `${path}.role`);
  localized(l.name, `${path}.name`);
  localized(l.source, `${path}.source`);
  num(l.addedAt, `${path}.addedAt`);
  checkVectorLayer(l.data, `${path}.data`);
  const { projectId: _, ...rest } = l as unknown as StoredLayer;
  return { projectId, ...rest };
}

function checkDem(v: unknown, projectId: string): StoredDem | null {
  if (v === null) return null;
  const d = obj(v, 'dem');
  const fileName = str(d.fileName, 'dem.fileName');
  const g = obj(d.grid, 'dem.grid');
  const width = count(g.width, 'dem.grid.width');
  const height = count(g.height, 'dem.grid.height');
  typed(g.data, Float32Array, 'dem.grid.data', width * height);
  if (!Array.isArray(g.transform) || g.transform.length !== 6 || !g.transform.every((x) => typeof x === 'number')) invalid('dem.grid.transform', 'six numbers');
  str(g.crs, 'dem.grid.crs');
  if (g.nodata !== null && typeof g.nodata !== 'number') invalid('dem.grid.nodata', 'a number or null');
  return { projectId, fileName, grid: g as unknown as StoredDem['grid'] };
}

/** A document of a file in `formatVersion`, in its envelope (version 1 files had none). */
function checkDocument(v: unknown, i: number, projectId: string, formatVersion: number): StoredDocument & DocumentEnvelope {
  const path = `documents[${i}]`;
  const d = obj(v, path);
  const name = str(d.name, `${path}.name`);
  if (formatVersion === 1) return { projectId, name, ...envelopeOf({ value: d.value }) };
  const schemaVersion = count(d.schemaVersion, `${path}.schemaVersion`);
  if (schemaVersion < 1) invalid(`${path}.schemaVersion`, 'a whole number from 1');
  return { projectId, name, schemaVersion, revision: count(d.revision, `${path}.revision`), value: d.value };
}

function unique(names: string[], path: string) {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) invalid(path, `unique (“${n}” appears twice)`);
    seen.add(n);
  }
}

function decodeOrRefuse(bytes: Uint8Array): ProjectSnapshot {
  const zipSignature = bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (!zipSignature) refuse(problem('not-zip', message('storage.not-zip')));
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        return false;
      },
    });
  } catch {
    refuse(problem('damaged', message('storage.unreadable-zip')));
  }
  const read = entryReader(bytes, names);
  const json = read(PROJECT_FILE_ENTRY);
  if (!json) return refuse(notAnju('storage.no-project-entry', { entry: PROJECT_FILE_ENTRY }));
  let header: unknown;
  try {
    header = JSON.parse(strFromU8(json));
  } catch (e) {
    return refuse(damaged('storage.entry-json', { entry: PROJECT_FILE_ENTRY, detail: e instanceof Error ? e.message : String(e) }));
  }
  const h = isObj(header) ? header : refuse(notAnju('storage.not-a-project', { entry: PROJECT_FILE_ENTRY }));
  if (h.format !== PROJECT_FILE_FORMAT) refuse(notAnju('storage.wrong-format', { format: String(h.format), expected: PROJECT_FILE_FORMAT }));
  const version = h.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return invalid('formatVersion', 'a whole number from 1');
  if (version > PROJECT_FILE_VERSION) {
    const madeBy = typeof h.appVersion === 'string' ? h.appVersion : '?';
    refuse(problem('newer-version', message('storage.newer-version', { madeBy, fileVersion: version, appVersion: APP_VERSION, readsUpTo: PROJECT_FILE_VERSION })));
  }
  const decode = decoder(read);
  const project = checkProject(decode(h.project, 'project'));
  if (!Array.isArray(h.layers)) invalid('layers', 'a list');
  if (!Array.isArray(h.documents)) invalid('documents', 'a list');
  const layers = (h.layers as unknown[]).map((l, i) => checkLayer(decode(l, `layers[${i}]`), i, project.id));
  const dem = checkDem(h.dem === undefined ? null : decode(h.dem, 'dem'), project.id);
  const documents = (h.documents as unknown[]).map((d, i) => checkDocument(decode(d, `documents[${i}]`), i, project.id, version));
  unique(layers.map((l) => l.layerId), 'layers[].layerId');
  unique(documents.map((d) => d.name), 'documents[].name');
  return { project, layers, dem, documents };
}

/**
 * Reads a `.anju` file completely and checks it: returns the project with every record's
 * `projectId` set to `project.id`, or why the file cannot be used (nothing partial).
 */
export function decodeProjectFile(bytes: Uint8Array): ProjectFileResult<ProjectSnapshot> {
  try {
    return { ok: true, value: decodeOrRefuse(bytes) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.problem };
    throw e;
  }
}

/** A file name for a project file: `<name>-<YYYY-MM-DD>.anju` (local date), safe on every system. */
export function projectFileName(name: string, at: Date = new Date()): string {
  const safe = name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'project';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${safe}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.anju`;
}
