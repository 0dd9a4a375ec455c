/**
 * Shapefile adapter: a zipped shapefile or the loose parts of one (.shp, .shx, .dbf, .prj,
 * .cpg) become a `ParsedVectorSource`. The formats are read by our own small readers
 * (shapefile.geometry.ts for .shp, dbf.ts for .dbf, prj.ts for .prj) rather than shpjs or
 * `shapefile`, because picking GBK or UTF-8 needs the raw .dbf bytes and every damaged file
 * must come back as an issue naming what is wrong, not as an exception. Zips are opened with
 * fflate. The .shx index is not needed: records are read in sequence.
 */
import { unzipSync } from 'fflate';
import type { ImportIssue, InputFile, ParsedVectorSource, ReadOutcome } from '../core/import/types';
import { readDbf } from './dbf';
import { crsFromPrj } from './prj';
import { readShpGeometry } from './shapefile.geometry';

const PART_EXTENSIONS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type PartExtension = (typeof PART_EXTENSIONS)[number];

/** How many file names an issue lists before "…". */
const LISTED_NAMES = 12;

/** The shapefile part extension of a file name (case-insensitive), or null. */
function partExtension(name: string): PartExtension | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase();
  return (PART_EXTENSIONS as readonly string[]).includes(ext ?? '') ? (ext as PartExtension) : null;
}

/** Path without extension, lower-cased: the parts of one layer share it. */
const layerKey = (name: string): string => name.replace(/\.[^./\\]+$/, '').toLowerCase();
const baseName = (name: string): string => name.replace(/^.*[/\\]/, '');

/**
 * Groups loose shapefile parts dropped together by base name (case-insensitive, so
 * `村庄.SHP` and `村庄.dbf` are one layer), in the order each layer first appears. Files that
 * are not parts (.zip, .csv, .qmd, .shp.xml…) are left out; a group without a .shp is kept so
 * that `readShapefile` can say the .shp is missing.
 */
export function groupShapefileParts(files: InputFile[]): InputFile[][] {
  const groups = new Map<string, InputFile[]>();
  for (const f of files) {
    if (!partExtension(f.name)) continue;
    const key = layerKey(f.name);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

/** A .zip by name, or by its signature when the name is not a shapefile part's. */
const isZip = (f: InputFile): boolean =>
  /\.zip$/i.test(f.name) ||
  (!partExtension(f.name) && f.bytes.length >= 4 && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04);

/**
 * Zip entry names written without the UTF-8 flag come out of fflate as Latin-1; on Chinese
 * Windows they are GBK. Such a name is re-read as UTF-8, else GBK, when either decodes cleanly.
 */
function zipEntryName(name: string): string {
  let high = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code > 0xff) return name;
    if (code >= 0x80) high = true;
  }
  if (!high) return name;
  const bytes = Uint8Array.from(name, (ch) => ch.charCodeAt(0));
  for (const label of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding
    }
  }
  return name;
}

/** The files inside a zip (folders, macOS resource forks and __MACOSX left out), named `zip/path`. */
function unzip(zip: InputFile): { ok: true; entries: { path: string; file: InputFile }[] } | { ok: false; issue: ImportIssue } {
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip.bytes);
  } catch {
    return { ok: false, issue: { code: 'shp.bad-zip', severity: 'error', file: zip.name } };
  }
  const entries: { path: string; file: InputFile }[] = [];
  for (const [rawPath, bytes] of Object.entries(raw)) {
    const path = zipEntryName(rawPath);
    if (path.endsWith('/') || /(^|\/)__MACOSX\//.test(path) || baseName(path).startsWith('._')) continue;
    entries.push({ path, file: { name: `${zip.name}/${path}`, bytes } });
  }
  return { ok: true, entries };
}

/** The parts of one layer by extension. */
type Layer = Partial<Record<PartExtension, InputFile>> & { key: string };

function collectLayers(files: { path: string; file: InputFile }[]): Layer[] {
  const layers = new Map<string, Layer>();
  for (const { path, file } of files) {
    const ext = partExtension(path);
    if (!ext) continue;
    const key = layerKey(path);
    const layer = layers.get(key) ?? { key };
    layer[ext] ??= file;
    layers.set(key, layer);
  }
  return [...layers.values()];
}

const listNames = (names: string[]): string =>
  names.length > LISTED_NAMES ? `${names.slice(0, LISTED_NAMES).join(', ')}, …` : names.join(', ');

/** Text of a small part (.prj, .cpg): UTF-8, else GBK; a BOM is dropped. */
function smallText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads one shapefile layer. `files` is either one .zip (folders allowed; with several .shp
 * the first is read and an info issue names the others) or the loose parts of one layer, as
 * grouped by `groupShapefileParts`. The .shp and .dbf are required, .prj and .cpg optional,
 * .shx unused. Geometry stays in the file's coordinates; `crs` comes from the .prj
 * (`crsFromPrj`). Every problem is an `ImportIssue`: ones that stop the file (no .shp, no
 * .dbf, damaged or cut-off files, shape and row counts differing) make the outcome fail,
 * the rest (null shapes, guessed encoding, unknown CRS…) ride along in `source.issues`.
 */
export function readShapefile(files: InputFile[]): ReadOutcome<ParsedVectorSource> {
  const found = shapefileLayers(files);
  if (!found.ok) return found;
  const { layers, zipName } = found;
  const first = layers[0];
  const shp = first.shp as InputFile;
  const fileName = zipName ?? shp.name;
  const issues: ImportIssue[] = [];
  if (layers.length > 1) {
    const others = listNames(layers.slice(1).map((l) => baseName((l.shp as InputFile).name)));
    issues.push({ code: 'shp.several-layers', severity: 'info', file: fileName, params: { used: baseName(shp.name), others } });
  }
  return readLayer(first, fileName, issues);
}

/**
 * Reads every layer of a zip (or of loose parts) as its own source, named by its path
 * inside the zip when there are several. Fails only when there is no .shp at all.
 */
export function readShapefileLayers(files: InputFile[]): { ok: true; outcomes: ReadOutcome<ParsedVectorSource>[] } | { ok: false; issue: ImportIssue } {
  const found = shapefileLayers(files);
  if (!found.ok) return found;
  const { layers, zipName } = found;
  const single = layers.length === 1;
  return { ok: true, outcomes: layers.map((l) => readLayer(l, single && zipName ? zipName : (l.shp as InputFile).name, [])) };
}

/** The layers (parts grouped by name) among the files or inside the zip. */
function shapefileLayers(files: InputFile[]): { ok: true; layers: Layer[]; zipName: string | null } | { ok: false; issue: ImportIssue } {
  const zipped = files.length === 1 && isZip(files[0]);
  let entries: { path: string; file: InputFile }[];
  if (zipped) {
    const unzipped = unzip(files[0]);
    if (!unzipped.ok) return unzipped;
    entries = unzipped.entries;
  } else {
    entries = files.map((file) => ({ path: file.name, file }));
  }
  const layers = collectLayers(entries).filter((l) => l.shp);
  if (layers.length === 0) {
    const found = listNames(entries.map((e) => e.path));
    return { ok: false, issue: { code: 'shp.no-shp', severity: 'error', file: files[0]?.name ?? '', params: { files: found } } };
  }
  return { ok: true, layers, zipName: zipped ? files[0].name : null };
}

/** Reads one layer's .shp, .dbf, .prj and .cpg into a source named `fileName`. */
function readLayer(layer: Layer, fileName: string, issues: ImportIssue[]): ReadOutcome<ParsedVectorSource> {
  const shp = layer.shp as InputFile;
  if (!layer.dbf) {
    return { ok: false, issue: { code: 'shp.no-dbf', severity: 'error', file: shp.name, params: { name: baseName(shp.name).replace(/\.[^.]+$/, '') } } };
  }

  const dbf = readDbf(layer.dbf.bytes, { fileName: layer.dbf.name, cpg: layer.cpg ? smallText(layer.cpg.bytes) : null });
  if (!dbf.ok) return dbf;
  const shapes = readShpGeometry(shp.bytes, { fileName: shp.name, skip: dbf.value.deleted });
  if (!shapes.ok) return shapes;
  if (shapes.value.recordCount !== dbf.value.recordCount) {
    const params = { shapes: shapes.value.recordCount, rows: dbf.value.recordCount };
    return { ok: false, issue: { code: 'shp.count-mismatch', severity: 'error', file: fileName, params } };
  }
  // Also when every row is marked deleted.
  if (dbf.value.table.length === 0) return { ok: false, issue: { code: 'shp.empty', severity: 'error', file: fileName } };

  const rowIssues = [...shapes.value.issues, ...dbf.value.issues];
  issues.push(...rowIssues.filter((i) => i.index === undefined));
  let crs: string | null = null;
  if (layer.prj) {
    const match = crsFromPrj(smallText(layer.prj.bytes));
    crs = match.crs;
    if (match.problem) {
      const params = { name: match.name ?? '', ...match.problem.params, reason: match.problem.reason };
      issues.push({ code: 'shp.prj-unknown', severity: 'warning', file: layer.prj.name, params });
    }
  } else {
    issues.push({ code: 'shp.no-prj', severity: 'info', file: fileName });
  }
  // Row issues in row order; a stable sort keeps geometry before attributes within a row.
  issues.push(...rowIssues.filter((i) => i.index !== undefined).sort((a, b) => (a.index as number) - (b.index as number)));
  return {
    ok: true,
    source: {
      kind: 'vector',
      fileName,
      format: 'shapefile',
      crs,
      geometry: shapes.value.geometry,
      table: dbf.value.table,
      tabular: false,
      coordinateColumns: null,
      issues,
    },
  };
}
