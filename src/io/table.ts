/**
 * CSV and Excel (.xlsx) readers. Both produce a `ParsedVectorSource` without geometry: the
 * table, typed column by column (table.columns.ts), and the coordinate columns recognised by
 * name, which the wizard turns into points once the user has confirmed the CRS.
 *
 * CSV as Chinese users hand it over: UTF-8 with a BOM ("CSV UTF-8" in Excel), GBK (plain "CSV"
 * on Chinese Windows), UTF-16 ("Unicode text"); separated by commas, semicolons, tabs, pipes
 * or full-width commas (，). Every guess is reported as an issue so the summary can say it.
 */
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { coordinateColumns, splitCoordinatePairs } from '../core/import/coordinates';
import type { ImportIssue, InputFile, ParsedVectorSource, ReadOutcome } from '../core/import/types';
import { buildTable, cellText, type Cell } from './table.columns';

/** Delimiters tried, in order of preference when several split the file equally well. */
const DELIMITERS = [',', ';', '\t', '|', '，'] as const;
const DELIMITER_NAMES: Record<string, string> = { ';': 'semicolon', '\t': 'tab', '|': 'pipe', '，': 'fullwidth-comma' };
/** Bytes and rows looked at to choose the delimiter. */
const SAMPLE_CHARS = 65_536;
const SAMPLE_ROWS = 50;

function failure(file: InputFile, code: ImportIssue['code'], params?: Record<string, string | number>): ReadOutcome<ParsedVectorSource> {
  return { ok: false, issue: { code, severity: 'error', file: file.name, ...(params ? { params } : {}) } };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file that is not text is, judged from its first bytes: an Excel workbook (.xlsx is
 * a zip; .xls an OLE2 compound file), another zip, a PNG or PDF, or other binary (NUL bytes or
 * more than 1% control characters in the first 4 KiB). Null for text.
 */
function binaryKind(bytes: Uint8Array): string | null {
  // UTF-16 text is full of NUL bytes but has its byte-order mark.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  if (startsWith(bytes, ZIP)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    return head.includes('[Content_Types].xml') || head.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (startsWith(bytes, OLE2)) return 'xls';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control > n / 100 ? 'binary' : null;
}

/**
 * Decodes CSV bytes: a UTF-8 BOM is dropped (else it sticks to the first header name); a
 * UTF-16 BOM means UTF-16; otherwise UTF-8 when valid, UTF-8 with replacement characters when
 * under a quarter of its non-ASCII characters are broken (a few damaged bytes; GBK read as
 * UTF-8 breaks over 80%), else GB18030 (a superset of GBK). Null when no decoding fits.
 */
function decodeText(bytes: Uint8Array, file: string): { text: string; issues: ImportIssue[] } | null {
  const at = { file };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeOrNull('utf-8', bytes.subarray(3));
    const bom: ImportIssue = { code: 'csv.bom', severity: 'info', ...at };
    if (text !== null) return { text, issues: [bom] };
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), issues: [bom, ...brokenUtf8(bytes.subarray(3), file)] };
  }
  for (const [bom, label] of [[[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']] as const) {
    if (!startsWith(bytes, bom)) continue;
    const text = decodeOrNull(label, bytes.subarray(2));
    return text === null ? null : { text, issues: [{ code: 'csv.encoding', severity: 'info', ...at, params: { encoding: 'UTF-16' } }] };
  }
  const utf8 = decodeOrNull('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, issues: [] };
  const broken = brokenUtf8(bytes, file);
  if (broken.length > 0) return { text: new TextDecoder('utf-8').decode(bytes), issues: broken };
  const gbk = decodeOrNull('gb18030', bytes);
  return gbk === null ? null : { text: gbk, issues: [{ code: 'csv.encoding', severity: 'info', ...at, params: { encoding: 'GB18030' } }] };
}

function decodeOrNull(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A `csv.bad-bytes` warning when the bytes are UTF-8 with a few broken characters, else nothing. */
function brokenUtf8(bytes: Uint8Array, file: string): ImportIssue[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    if (c > 0x7f) nonAscii++;
  }
  return replaced < nonAscii * 0.25 ? [{ code: 'csv.bad-bytes', severity: 'warning', file, params: { count: replaced } }] : [];
}

/**
 * The delimiter that splits the first rows into the same number (≥ 2) of fields as the
 * header most often; ties go to the earlier entry of `DELIMITERS` (the comma first).
 */
function detectDelimiter(text: string): string {
  const cut = text.length > SAMPLE_CHARS ? text.slice(0, text.lastIndexOf('\n', SAMPLE_CHARS) + 1 || SAMPLE_CHARS) : text;
  let best = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(cut, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' }).data;
    const width = rows.length > 0 ? rows[0].length : 0;
    if (width < 2) continue;
    const score = rows.filter((r) => r.length === width).length / rows.length;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function source(file: InputFile, format: 'csv' | 'xlsx', built: ReturnType<typeof buildTable>, issues: ImportIssue[]): ParsedVectorSource {
  // Longitude and latitude in one column (copied from a web map): split into two, and said so.
  const split = splitCoordinatePairs(built.table);
  const table = split?.table ?? built.table;
  const remarks = split ? [{ code: 'table.coordinate-pairs' as const, severity: 'info' as const, file: file.name, params: { column: split.column, order: split.latFirst ? 'latlng' : 'lnglat' } }] : [];
  return {
    kind: 'vector',
    fileName: file.name,
    format,
    crs: null,
    geometry: null,
    table,
    tabular: true,
    coordinateColumns: coordinateColumns(table),
    issues: [...issues, ...remarks, ...built.issues],
  };
}

/**
 * Reads a CSV file: encoding, BOM and delimiter detected (and reported as `csv.bom`,
 * `csv.encoding`, `csv.bad-bytes`, `csv.delimiter`); rows with more or fewer fields than the
 * header get `csv.field-count` (errors; surplus fields that are all blank are ignored, as Excel
 * leaves them) and are padded or cut to the header; badly quoted rows get `csv.quotes`.
 * Blank lines are skipped, so row indices count non-blank rows after the header.
 * Fails with `table.not-text` (binary, e.g. a renamed workbook) or `table.empty`.
 */
export function readCsv(file: InputFile): ReadOutcome<ParsedVectorSource> {
  const kind = binaryKind(file.bytes);
  if (kind) return failure(file, 'table.not-text', { kind });
  const decoded = decodeText(file.bytes, file.name);
  if (!decoded) return failure(file, 'table.not-text', { kind: 'binary' });
  const issues = [...decoded.issues];
  if (decoded.text.trim() === '') return failure(file, 'table.empty', { reason: 'empty' });

  const delimiter = detectDelimiter(decoded.text);
  if (delimiter !== ',') issues.push({ code: 'csv.delimiter', severity: 'info', file: file.name, params: { delimiter: DELIMITER_NAMES[delimiter] } });
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter, skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  if (body.length === 0) return failure(file, 'table.empty', { reason: 'header-only', columns: header.length });

  const width = header.length;
  const rows: Cell[][] = body.map((row, i) => {
    let found = row.length;
    while (found > width && row[found - 1].trim() === '') found--;
    if (found !== width) issues.push({ code: 'csv.field-count', severity: 'error', file: file.name, index: i, params: { expected: width, found } });
    const cells: Cell[] = row.slice(0, width);
    while (cells.length < width) cells.push(null);
    return cells;
  });
  const quoted = new Set<number>();
  for (const error of parsed.errors) {
    // Papa counts rows from the header (row 0); an unclosed quote runs to the end of the file.
    const index = (error.row ?? 0) - 1;
    if (error.type !== 'Quotes' || quoted.has(index)) continue;
    quoted.add(index);
    issues.push({ code: 'csv.quotes', severity: 'error', file: file.name, ...(index >= 0 ? { index } : {}) });
  }
  return { ok: true, source: source(file, 'csv', buildTable(header, rows, file.name), issues) };
}

/** Sheet names in workbook order, from xl/workbook.xml; null when the zip or the XML is unreadable. */
function sheetNames(bytes: Uint8Array): string[] | null {
  try {
    const entries = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
    const xml = entries['xl/workbook.xml'];
    if (!xml) return null;
    const text = new TextDecoder().decode(xml);
    const names = [...text.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
    return names.length > 0 ? names : null;
  } catch {
    return null;
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] !== '#') return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** An Excel value as a cell: dates become ISO text (`2024-03-01`, or with `T08:30:00` when timed). */
function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * Reads the first sheet of an .xlsx workbook (read-excel-file's universal build: no Node APIs,
 * no nested worker, so it runs in the io worker and in Node tests alike). The first non-empty
 * row is the header; fully blank rows are skipped; other sheets are named in `table.other-sheets`.
 * Fails with `table.xls` (an old binary .xls), `table.corrupt-xlsx` or `table.empty`.
 */
export async function readXlsx(file: InputFile): Promise<ReadOutcome<ParsedVectorSource>> {
  const bytes = file.bytes;
  if (startsWith(bytes, OLE2)) return failure(file, 'table.xls');
  const sheets = startsWith(bytes, ZIP) ? sheetNames(bytes) : null;
  if (!sheets) return failure(file, 'table.corrupt-xlsx');
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer, 1)) as unknown[][];
  } catch {
    return failure(file, 'table.corrupt-xlsx');
  }
  const rows = data.map((row) => row.map(excelCell)).filter((row) => row.some((c) => cellText(c) !== null));
  if (rows.length === 0) return failure(file, 'table.empty', { reason: 'empty' });
  const [header, ...body] = rows;
  if (body.length === 0) return failure(file, 'table.empty', { reason: 'header-only', columns: header.filter((c) => cellText(c) !== null).length });

  let width = header.length;
  for (const row of body) width = Math.max(width, row.length);
  const pad = (row: Cell[]): Cell[] => (row.length < width ? [...row, ...new Array<Cell>(width - row.length).fill(null)] : row);
  const issues: ImportIssue[] = [];
  if (sheets.length > 1) {
    // One name per line: the message template quotes and joins them in the user's language.
    issues.push({ code: 'table.other-sheets', severity: 'info', file: file.name, params: { sheet: sheets[0], others: sheets.slice(1).join('\n'), count: sheets.length - 1 } });
  }
  return { ok: true, source: source(file, 'xlsx', buildTable(pad(header), body.map(pad), file.name), issues) };
}
