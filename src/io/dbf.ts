/**
 * Reads the dBASE III attribute table (.dbf) of a shapefile into a `ColumnarTable`, choosing
 * the text encoding from the raw bytes. Own code rather than a library (shpjs, shapefile):
 * they decode text with one given encoding and throw on damaged files, while Anju must look
 * at the undecoded field bytes to pick UTF-8 or GBK, and report a damaged header as a value.
 *
 * Layout (little-endian):
 * ```
 * 0      u8   version (0x03 dBASE III, 0x83 with memo, 0x30 Visual FoxPro…)
 * 1      u8×3 last update YY MM DD
 * 4      u32  record count
 * 8      u16  header length (records start here)
 * 10     u16  record length (1 deletion-flag byte + the field widths)
 * 29     u8   language driver id (code page; 0x4D GBK, 0x57 "ANSI" = whatever Windows used)
 * 32     field descriptors, 32 bytes each, up to a 0x0D byte:
 *          0 name (11 bytes, NUL padded) | 11 type C N F L D M… | 16 width | 17 decimals
 * hdr    records: flag (0x20 kept, 0x2A deleted) then fixed-width ASCII/text fields
 * end    optional 0x1A
 * ```
 * C values are left-aligned and space padded; N/F right-aligned text, blank or `*` fill for
 * null; L is T/t/Y/y, F/f/N/n or ? (unknown); D is YYYYMMDD.
 */
import type { ImportIssue } from '../core/import/types';
import type { Column, ColumnarTable } from '../core/types';

/** A field as declared in the .dbf header. */
interface DbfField {
  nameBytes: Uint8Array;
  type: string;
  /** Byte offset of the field within a record (after the deletion flag). */
  offset: number;
  width: number;
  decimals: number;
}

/** What {@link readDbf} returns when the table can be read. */
export interface DbfTable {
  /** Rows not marked deleted, in file order. */
  table: ColumnarTable;
  /** Records in the file, deleted ones included (each has a shape in the .shp). */
  recordCount: number;
  /** Per record, 1 when marked deleted; null when none is. */
  deleted: Uint8Array | null;
  /** TextDecoder label the text was read with, e.g. `gbk`. */
  encoding: string;
  issues: ImportIssue[];
}

/** Options of {@link readDbf}. */
export interface DbfOptions {
  /** Name of the .dbf as the user sees it, for issues. */
  fileName: string;
  /** Text of the .cpg file, or null when there is none. */
  cpg: string | null;
}

/** .cpg spellings (upper case, without spaces, hyphens and underscores) → TextDecoder label. */
const CPG_LABELS: Record<string, string> = {
  UTF8: 'utf-8', '65001': 'utf-8',
  GBK: 'gbk', '936': 'gbk', CP936: 'gbk', MS936: 'gbk', WINDOWS936: 'gbk', ANSI936: 'gbk', GB2312: 'gbk', EUCCN: 'gbk', XGBK: 'gbk', CHINESE: 'gbk',
  GB18030: 'gb18030', '54936': 'gb18030',
  BIG5: 'big5', '950': 'big5', CP950: 'big5', BIG5HKSCS: 'big5',
  '1252': 'windows-1252', CP1252: 'windows-1252', WINDOWS1252: 'windows-1252', ANSI1252: 'windows-1252', ISO88591: 'windows-1252', '88591': 'windows-1252', LATIN1: 'windows-1252',
  '932': 'shift_jis', CP932: 'shift_jis', SHIFTJIS: 'shift_jis', SJIS: 'shift_jis',
  '949': 'euc-kr', CP949: 'euc-kr', EUCKR: 'euc-kr',
};

/** Language driver ids (byte 29) that name a code page; 0x57 "ANSI" and 0 name none. */
const LDID_LABELS: Record<number, string> = {
  0x4d: 'gbk', 0x7a: 'gbk', 0x4f: 'big5', 0x78: 'big5', 0x13: 'shift_jis', 0x7b: 'shift_jis', 0x4e: 'euc-kr', 0x79: 'euc-kr',
  0x03: 'windows-1252', 0x58: 'windows-1252', 0x59: 'windows-1252', 0xc8: 'windows-1250', 0xc9: 'windows-1251',
  0xcb: 'windows-1253', 0xca: 'windows-1254', 0x7d: 'windows-1255', 0x7e: 'windows-1256', 0x50: 'windows-874', 0x65: 'ibm866',
};

const SINGLE_BYTE = /^(windows-|ibm)/;

/** How encodings are named to the user. */
function displayName(label: string): string {
  const names: Record<string, string> = { 'utf-8': 'UTF-8', gbk: 'GBK', gb18030: 'GB18030', big5: 'Big5', shift_jis: 'Shift_JIS', 'euc-kr': 'EUC-KR' };
  return names[label] ?? label.replace(/^windows/, 'Windows');
}

/**
 * The TextDecoder label a .cpg names: `null` when it names none ("" or ArcGIS's "SYSTEM"),
 * `undefined` when it names one this runtime cannot decode.
 */
export function encodingFromCpg(text: string): string | null | undefined {
  const raw = text.replace(/^\uFEFF/, '').trim();
  const key = raw.toUpperCase().replace(/[\s_-]/g, '');
  if (key === '' || key === 'SYSTEM') return null;
  if (CPG_LABELS[key]) return CPG_LABELS[key];
  try {
    return new TextDecoder(raw).encoding;
  } catch {
    return undefined;
  }
}

/** A run of text bytes with a byte ≥ 0x80; `full` when it fills its field (a cut-off last character is then expected). */
interface Sample {
  bytes: Uint8Array;
  full: boolean;
}

/** True when every sample decodes without error; a character cut at the end of a full field is allowed. */
function decodesCleanly(label: string, samples: Sample[]): boolean {
  const decoder = new TextDecoder(label, { fatal: true });
  try {
    for (const s of samples) {
      decoder.decode(s.bytes, { stream: s.full });
      if (s.full) {
        try {
          decoder.decode();
        } catch {
          // An incomplete character at the end of a full-width field: cut by the writer.
        }
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** Picks the decoder for the table's text and says why when it was not simply declared. */
function chooseEncoding(samples: Sample[], cpg: string | null, ldid: number): { label: string; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let declared: string | null = null;
  let source: 'cpg' | 'ldid' = 'cpg';
  if (cpg !== null) {
    const label = encodingFromCpg(cpg);
    if (label === undefined) issues.push({ code: 'shp.cpg-unknown', severity: 'warning', params: { label: cpg.trim() } });
    else declared = label;
  }
  if (declared === null && LDID_LABELS[ldid]) {
    declared = LDID_LABELS[ldid];
    source = 'ldid';
  }
  if (samples.length === 0) return { label: declared ?? 'utf-8', issues };
  if (declared !== null) {
    // Single-byte code pages accept any bytes, so only valid UTF-8 can prove them wrong.
    const valid = !SINGLE_BYTE.test(declared) ? decodesCleanly(declared, samples) : !decodesCleanly('utf-8', samples);
    if (valid) return { label: declared, issues };
    const alternative = ['utf-8', 'gb18030'].find((l) => l !== declared && !(l === 'gb18030' && declared === 'gbk') && decodesCleanly(l, samples));
    if (alternative) {
      const used = alternative === 'gb18030' ? 'gbk' : alternative;
      issues.push({ code: 'shp.encoding-mismatch', severity: 'warning', params: { declared: displayName(declared), used: displayName(used), source } });
      return { label: used, issues };
    }
    issues.push({ code: 'shp.encoding-invalid', severity: 'warning', params: { encoding: displayName(declared) } });
    return { label: declared, issues };
  }
  if (decodesCleanly('utf-8', samples)) {
    issues.push({ code: 'shp.encoding-guessed', severity: 'warning', params: { encoding: 'UTF-8' } });
    return { label: 'utf-8', issues };
  }
  if (decodesCleanly('gb18030', samples)) {
    issues.push({ code: 'shp.encoding-guessed', severity: 'warning', params: { encoding: 'GBK' } });
    return { label: 'gbk', issues };
  }
  issues.push({ code: 'shp.encoding-unknown', severity: 'warning' });
  return { label: 'windows-1252', issues };
}

/** End of a space/NUL-padded value within [start, end). */
function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return end;
}

function hasHighByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** ASCII text of bytes [start, end), trimmed of spaces on both sides. */
function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s.trim();
}

const TEXT_TYPES = /^[^NFLD]$/;

/**
 * Reads a .dbf into columns: N and F fields as numbers (NaN for blank, `*` or bad text, which
 * is reported), L as booleans, D as `YYYY-MM-DD` strings, everything else as trimmed strings
 * (null when blank). Rows marked deleted are left out, as GDAL and ArcGIS do. The encoding
 * comes from `cpg`, else the language driver byte, else from which of UTF-8 and GBK decodes
 * the text cleanly (reported). A damaged header or a cut-off file is an error value.
 */
export function readDbf(bytes: Uint8Array, options: DbfOptions): { ok: true; value: DbfTable } | { ok: false; issue: ImportIssue } {
  const file = options.fileName;
  if (bytes.length < 33) return { ok: false, issue: { code: 'shp.dbf-too-short', severity: 'error', file, params: { actual: bytes.length } } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);

  if (headerLength > bytes.length) {
    const params = { records: recordCount, expected: headerLength + recordCount * recordLength, actual: bytes.length };
    return { ok: false, issue: { code: 'shp.dbf-truncated', severity: 'error', file, params } };
  }
  const fields: DbfField[] = [];
  let offset = 1;
  let terminated = false;
  for (let p = 32; p < headerLength; p += 32) {
    if (bytes[p] === 0x0d) {
      terminated = true;
      break;
    }
    if (p + 32 > headerLength) break;
    const type = String.fromCharCode(bytes[p + 11]).toUpperCase();
    // Clipper and GDAL store C widths above 255 with the decimals byte as the high byte.
    const width = type === 'C' ? bytes[p + 16] + 256 * bytes[p + 17] : bytes[p + 16];
    const nameEnd = bytes.subarray(p, p + 11).indexOf(0);
    fields.push({ nameBytes: bytes.subarray(p, p + (nameEnd < 0 ? 11 : nameEnd)), type, offset, width, decimals: type === 'C' ? 0 : bytes[p + 17] });
    offset += width;
  }
  if (!terminated || offset !== recordLength) {
    const params = { headerLength, recordLength, fieldCount: fields.length, fieldsLength: offset };
    return { ok: false, issue: { code: 'shp.dbf-header', severity: 'error', file, params } };
  }
  const expected = headerLength + recordCount * recordLength;
  if (expected > bytes.length) {
    return { ok: false, issue: { code: 'shp.dbf-truncated', severity: 'error', file, params: { records: recordCount, expected, actual: bytes.length } } };
  }

  let deleted: Uint8Array | null = null;
  let deletedCount = 0;
  for (let r = 0; r < recordCount; r++) {
    if (bytes[headerLength + r * recordLength] !== 0x2a) continue;
    deleted ??= new Uint8Array(recordCount);
    deleted[r] = 1;
    deletedCount++;
  }

  const samples: Sample[] = [];
  for (const f of fields) if (hasHighByte(f.nameBytes, 0, f.nameBytes.length)) samples.push({ bytes: f.nameBytes, full: f.nameBytes.length === 11 });
  for (const f of fields) {
    if (!TEXT_TYPES.test(f.type)) continue;
    for (let r = 0; r < recordCount; r++) {
      const start = headerLength + r * recordLength + f.offset;
      const end = trimEnd(bytes, start, start + f.width);
      if (hasHighByte(bytes, start, end)) samples.push({ bytes: bytes.subarray(start, end), full: end === start + f.width });
    }
  }
  const { label, issues } = chooseEncoding(samples, options.cpg, bytes[29]);
  for (const issue of issues) issue.file = file;
  const decoder = new TextDecoder(label);
  /** Decodes bytes [start, end); a character cut at the end is dropped, not shown as U+FFFD. */
  const text = (start: number, end: number): string => {
    if (!hasHighByte(bytes, start, end)) return ascii(bytes, start, end);
    const s = decoder.decode(bytes.subarray(start, end), { stream: true });
    decoder.decode();
    return s.trim();
  };

  const names = new Set<string>();
  const length = recordCount - deletedCount;
  const columns: Column[] = fields.map((f, i) => {
    let name = text(f.nameBytes.byteOffset - bytes.byteOffset, f.nameBytes.byteOffset - bytes.byteOffset + f.nameBytes.length) || `FIELD_${i + 1}`;
    for (let k = 2; names.has(name); k++) name = `${name.replace(/_\d+$/, '')}_${k}`;
    names.add(name);
    return readColumn(bytes, f, name, { headerLength, recordLength, recordCount, length, deleted, text, issues, file });
  });
  if (deletedCount > 0) issues.push({ code: 'shp.deleted-skipped', severity: 'info', file, params: { count: deletedCount } });
  return { ok: true, value: { table: { length, columns }, recordCount, deleted, encoding: label, issues } };
}

interface ColumnContext {
  headerLength: number;
  recordLength: number;
  recordCount: number;
  /** Rows kept (records not deleted). */
  length: number;
  deleted: Uint8Array | null;
  text: (start: number, end: number) => string;
  issues: ImportIssue[];
  file: string;
}

/** Decodes one field of every kept record into a column. */
function readColumn(bytes: Uint8Array, f: DbfField, name: string, c: ColumnContext): Column {
  const starts = new Uint32Array(c.length);
  for (let r = 0, row = 0; r < c.recordCount; r++) if (!c.deleted || !c.deleted[r]) starts[row++] = c.headerLength + r * c.recordLength + f.offset;
  if (f.type === 'L') {
    const values = new Uint8Array(c.length);
    for (let row = 0; row < c.length; row++) {
      const ch = String.fromCharCode(bytes[starts[row]]);
      values[row] = 'TtYy'.includes(ch) ? 1 : 'FfNn'.includes(ch) ? 0 : 255;
    }
    return { name, type: 'boolean', values };
  }
  if (f.type === 'N' || f.type === 'F') {
    const values = new Float64Array(c.length);
    const raw: string[] = [];
    let unsafe = false;
    for (let row = 0; row < c.length; row++) {
      const s = c.text(starts[row], starts[row] + f.width);
      raw.push(s);
      if (s === '' || /^\*+$/.test(s)) {
        values[row] = NaN;
        continue;
      }
      const v = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
      if (Number.isNaN(v)) c.issues.push({ code: 'shp.dbf-bad-number', severity: 'warning', file: c.file, index: row, field: name, params: { value: s } });
      else if (Number.isInteger(v) && !Number.isSafeInteger(v) && !/[.eE]/.test(s)) unsafe = true;
      values[row] = v;
    }
    // Identifiers such as 18-digit ID card numbers stored as N(18,0) lose digits as doubles.
    if (unsafe) return { name, type: 'string', values: raw.map((s) => (s === '' || /^\*+$/.test(s) ? null : s)) };
    return { name, type: 'number', values };
  }
  const values: (string | null)[] = new Array<string | null>(c.length);
  for (let row = 0; row < c.length; row++) {
    const start = starts[row];
    if (f.type === 'D') {
      const s = ascii(bytes, start, start + f.width);
      values[row] = s === '' || /^0+$/.test(s) ? null : /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s;
    } else {
      const s = c.text(start, trimEnd(bytes, start, start + f.width));
      values[row] = s === '' ? null : s;
    }
  }
  return { name, type: 'string', values };
}
