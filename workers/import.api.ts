/**
 * The io worker's API: reads the files the user dropped, keeps what it parsed, and turns a
 * source into a layer of a role once the wizard has settled its CRS, coordinates and field
 * mapping. Nothing here touches the open project: the main thread hands a finished layer to
 * the data worker, so a failed or cancelled import changes nothing already loaded.
 */
import { transfer } from 'comlink';
import { unzipSync } from 'fflate';
import type { ColumnarGeometry, ColumnarTable, Grid, VectorLayer } from '../src/core/types';
import type { LayerRole } from '../src/core/manifest';
import { isGeographic, isKnownCrs, makeTransform } from '../src/core/crs';
import type { ImportIssue, InputFile, Lang, ParsedRasterSource, ParsedSource, ParsedVectorSource, ReadOutcome } from '../src/core/import/types';
import { coordinateColumns, guessCrs, pointsFromColumns, type CrsGuess } from '../src/core/import/coordinates';
import { chinaOffsetIssue, detectChinaOffset, fromChinaOffset, type OffsetSuggestion } from '../src/core/import/china-offsets';
import { describeIssue } from '../src/core/import/describe-issue';
import { failure, type Outcome } from '../src/core/messages';
import { cellValue, type CellValue } from '../src/core/table-query';
import { suggestCategoryMapping, suggestFieldMapping } from '../src/core/import/roles';
import { guessRole } from '../src/core/import/suggestions';
import { applyMapping, distinctValues, filterRows, rejectedReportCsv, summarizeIssues, validateGeometry } from '../src/core/import/validate';
import { joinToVillages } from '../src/core/import/join';
import { readShapefileLayers, groupShapefileParts } from '../src/io/shapefile';
import { readCsv, readXlsx } from '../src/io/table';
import { readGeoJsonSource, readFlatGeobufSource } from '../src/io/import-vector';
import { readDemGeoTiff } from '../src/io/import-raster';
import { readHgt } from '../src/io/hgt';
import { mosaicSources } from '../src/io/dem-mosaic';
import { pointBuffers, shapeGeoJson } from './render-buffers';
import { bboxOf, demSummary, transferables } from './data.load';
import type { LayerRender, VillageKey } from './data.types';
import { PREVIEW_LAYER_ID, type ColumnSummary, type DroppedFile, type ImportContext, type ImportPreview, type ImportSettings, type ReadProgress, type SourceSummary } from './import.types';

interface Held {
  source: ParsedSource;
  /** The last previewed result, which finish() hands over. */
  prepared?: { layer: VectorLayer; issues: ImportIssue[]; table: ColumnarTable };
}

const PREVIEW_ROWS = 50;
/** Extensions of files a zip may hold that are data (what else a zip holds is passed over). */
const DATA_EXTENSIONS = new Set(['geojson', 'json', 'fgb', 'csv', 'xlsx', 'xls', 'tif', 'tiff', 'hgt', 'zip', 'kml', 'kmz', 'gpkg', 'dxf', 'gml', 'tab', 'mif']);
/** Files that belong to a shapefile and are grouped with its .shp by name. */
const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'xml']);

function extension(name: string): string {
  const m = /\.([^.]+)$/.exec(name.toLowerCase());
  return m ? m[1] : '';
}

async function bytesOf(file: DroppedFile): Promise<InputFile> {
  // (Browsers' File has a bytes() method of its own, so `'bytes' in file` would not tell them apart.)
  if (file instanceof Blob) return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  return file;
}

function columnSummaries(table: ColumnarTable): ColumnSummary[] {
  return table.columns.map((c) => {
    const seen = new Set<string>();
    const sample: CellValue[] = [];
    for (let i = 0; i < table.length && sample.length < 8; i++) {
      const v = cellValue(c, i);
      if (v === null || v === '' || seen.has(String(v))) continue;
      seen.add(String(v));
      sample.push(v);
    }
    return { name: c.name, type: c.type, sample };
  });
}

/** Up to 2,000 vertices of a geometry, spread over the layer, for guessing its CRS. */
function sampleCoords(coords: Float64Array): Float64Array {
  const vertices = coords.length / 2;
  const step = Math.max(1, Math.floor(vertices / 2000));
  const out: number[] = [];
  for (let v = 0; v < vertices; v += step) out.push(coords[2 * v], coords[2 * v + 1]);
  return Float64Array.from(out);
}

/**
 * The CRS guess, made again from the plausible points alone when a few wild rows (a latitude
 * of 95, a 0,0) spoil the ranges: if most points are longitude/latitude in China, the file is
 * in degrees, and validation then names the odd rows.
 */
function robustGuess(coords: Float64Array, hint: { centerLng: number; centerLat: number } | undefined): CrsGuess {
  const guess = guessCrs(coords, hint);
  if (guess.crs) return guess;
  const plausible: number[] = [];
  for (let i = 0; i < coords.length; i += 2) {
    const x = coords[i], y = coords[i + 1];
    if (x >= 73 && x <= 136 && y >= 3 && y <= 54) plausible.push(x, y);
  }
  const valid = coords.filter((v) => !Number.isNaN(v)).length;
  return plausible.length > 0 && plausible.length * 2 >= valid ? guessCrs(Float64Array.from(plausible), hint) : guess;
}

/** Coordinates to longitude/latitude: reprojected, then the GCJ-02/BD-09 offset removed. */
function toLngLat(geometry: ColumnarGeometry, crs: string, offset: ImportSettings['offset']): ColumnarGeometry {
  let coords = geometry.coords;
  if (crs !== 'EPSG:4326' && crs !== 'EPSG:4490') {
    const t = makeTransform(crs, 'EPSG:4326');
    coords = new Float64Array(geometry.coords.length);
    for (let i = 0; i < coords.length; i += 2) {
      const x = geometry.coords[i], y = geometry.coords[i + 1];
      if (Number.isNaN(x) || Number.isNaN(y)) {
        coords[i] = NaN;
        coords[i + 1] = NaN;
        continue;
      }
      const [lng, lat] = t(x, y);
      coords[i] = lng;
      coords[i + 1] = lat;
    }
  }
  if (offset !== 'none') coords = fromChinaOffset(coords, offset);
  return { ...geometry, coords };
}

/** Folders and macOS leftovers (__MACOSX/, ._name) in a zip: never data. */
const isZipJunk = (name: string): boolean => name.endsWith('/') || /(^|\/)(__MACOSX\/|\._)/.test(name);

/** The names of the files in a zip (its directory only, nothing unpacked); null when it is not a readable zip. */
function zipContents(zip: InputFile): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(zip.bytes, {
      filter: (f) => {
        if (!isZipJunk(f.name)) names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** Builds the import API; sources stay here between the wizard's steps. */
export function createImportApi() {
  const held = new Map<string, Held>();
  let nextId = 1;

  function requireSource(id: string): Held {
    const h = held.get(id);
    if (!h) throw new Error(`Import source "${id}" is gone; drop the file again.`);
    return h;
  }

  function summarize(sourceId: string, source: ParsedSource, hint: { centerLng: number; centerLat: number } | undefined): SourceSummary {
    if (source.kind === 'raster') {
      const { grid } = source;
      let min = Infinity, max = -Infinity;
      for (const v of grid.data) {
        if (Number.isNaN(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return {
        sourceId, fileName: source.fileName, kind: 'raster', format: source.format, tabular: false, featureCount: grid.width * grid.height,
        geometryKind: null, columns: [], crs: source.crs, crsGuess: null, coordinateColumns: null, suggestedRole: 'dem', roleReason: null,
        issues: source.issues, raster: { width: grid.width, height: grid.height, min, max },
      };
    }
    const columns = columnSummaries(source.table);
    const coordinates = source.tabular ? (source.coordinateColumns ?? coordinateColumns(source.table)) : null;
    let crsGuess: CrsGuess | null = null;
    if (!source.crs) {
      const coords = source.geometry?.coords ?? (coordinates ? pointsFromColumns(source.table, coordinates.x, coordinates.y).geometry.coords : null);
      if (coords) crsGuess = robustGuess(sampleCoords(coords), hint);
    }
    const geometryKind = source.geometry?.kind ?? (coordinates ? 'Point' : null);
    const guess = guessRole(source.fileName, columns, geometryKind);
    return {
      sourceId, fileName: source.fileName, kind: 'vector', format: source.format, tabular: source.tabular, featureCount: source.table.length,
      geometryKind, columns, crs: source.crs, crsGuess,
      coordinateColumns: coordinates, suggestedRole: guess.role, roleReason: guess.role ? { word: guess.word, fields: guess.fields } : null, issues: source.issues, raster: null,
    };
  }

  /**
   * The sources in one group of files: a shapefile zip may hold several layers. A zip goes to
   * the reader its contents call for: the shapefile reader when it holds a part of one, the
   * SRTM reader for a zipped tile as downloaded (N27E119.SRTMGL1.hgt.zip), and otherwise each
   * file inside is read as if dropped (so a zip of DEM tiles is mosaicked like the tiles).
   */
  async function readGroup(files: InputFile[], depth = 0): Promise<ReadOutcome[]> {
    const first = files[0];
    const ext = extension(first.name);
    if (files.length === 1 && ext === 'zip' && depth < 2) {
      const inside = zipContents(first);
      // Any part of a shapefile sends it to that reader (which names a missing .shp).
      if (inside && !inside.some((n) => ['shp', 'shx', 'dbf'].includes(extension(n)))) {
        if (inside.length === 1 && extension(inside[0]) === 'hgt') return [readHgt(first)];
        let entries: Record<string, Uint8Array>;
        try {
          entries = unzipSync(first.bytes, { filter: (f) => !isZipJunk(f.name) });
        } catch {
          return [{ ok: false, issue: { code: 'shp.bad-zip', severity: 'error', file: first.name } }];
        }
        // Read-me files, licences and pictures that come with downloads are passed over.
        const names = Object.keys(entries).filter((n) => DATA_EXTENSIONS.has(extension(n))).sort();
        if (names.length === 0) return [{ ok: false, issue: { code: 'import.zip-empty', severity: 'error', file: first.name } }];
        const out: ReadOutcome[] = [];
        for (const name of names) out.push(...(await readGroup([{ name: name.split('/').pop() ?? name, bytes: entries[name] }], depth + 1)));
        return out;
      }
    }
    if (files.length > 1 || ext === 'zip' || SHAPEFILE_PARTS.has(ext)) {
      const layers = readShapefileLayers(files);
      return layers.ok ? layers.outcomes : [layers];
    }
    if (ext === 'geojson' || ext === 'json') return [readGeoJsonSource(first)];
    if (ext === 'fgb') return [readFlatGeobufSource(first)];
    if (ext === 'csv' || ext === 'txt') return [readCsv(first)];
    if (ext === 'xlsx' || ext === 'xls') return [await readXlsx(first)];
    if (ext === 'tif' || ext === 'tiff') return [await readDemGeoTiff(first)];
    if (ext === 'hgt') return [readHgt(first)];
    return [{ ok: false, issue: { code: 'import.unknown-format', severity: 'error', file: first.name, params: { ext: ext || '—' } } }];
  }

  return {
    /**
     * Reads dropped files: loose shapefile parts are grouped by name; every other file is one
     * source. Files that cannot be read come back as failures (one issue each) and do not
     * stop the others.
     */
    async readFiles(
      dropped: DroppedFile[],
      hint?: { centerLng: number; centerLat: number },
      onProgress?: (p: ReadProgress) => void,
      area?: [number, number, number, number] | null,
    ): Promise<{ sources: SourceSummary[]; failures: ImportIssue[] }> {
      const files = await Promise.all(dropped.map(bytesOf));
      const groups: InputFile[][] = groupShapefileParts(files.filter((f) => SHAPEFILE_PARTS.has(extension(f.name))));
      for (const f of files) if (!SHAPEFILE_PARTS.has(extension(f.name))) groups.push([f]);
      // Parts without a .shp (e.g. a lone .dbf) still get a message rather than vanish.
      const grouped = new Set(groups.flat());
      for (const f of files) if (!grouped.has(f)) groups.push([f]);
      const read: ParsedSource[] = [];
      const failures: ImportIssue[] = [];
      // One step per file, and one more to join DEM tiles.
      const steps = groups.length + 1;
      for (let k = 0; k < groups.length; k++) {
        const name = groups[k].find((f) => extension(f.name) === 'shp')?.name ?? groups[k][0].name;
        onProgress?.({ done: k, total: steps, file: name });
        for (const outcome of await readGroup(groups[k])) {
          if (outcome.ok) read.push(outcome.source);
          else failures.push(outcome.issue);
        }
      }
      // DEM tiles dropped together, each in a known CRS, become one mosaicked DEM; a tile whose
      // CRS the wizard must ask for stays on its own.
      const tiles = read.filter((s): s is ParsedRasterSource => s.kind === 'raster' && s.crs !== null && isKnownCrs(s.crs));
      let parsed = read;
      if (tiles.length > 1) {
        onProgress?.({ done: groups.length, total: steps, file: tiles.map((t) => t.fileName).join('、') });
        const mosaic = mosaicSources(tiles, area ?? null);
        parsed = read.filter((s) => !tiles.includes(s as ParsedRasterSource));
        if (mosaic.ok) parsed.push(mosaic.source);
        else failures.push(mosaic.issue);
      }
      const sources: SourceSummary[] = [];
      for (const source of parsed) {
        const sourceId = `s${nextId++}`;
        held.set(sourceId, { source });
        sources.push(summarize(sourceId, source, hint));
      }
      onProgress?.({ done: steps, total: steps, file: '' });
      return { sources, failures };
    },

    /** The wizard's starting point for a role: suggested field and category mappings. */
    suggest(sourceId: string, role: LayerRole): { fieldMap: Record<string, string | null>; categoryMaps: Record<string, Record<string, string | null>> } {
      const { source } = requireSource(sourceId);
      if (source.kind !== 'vector') return { fieldMap: {}, categoryMaps: {} };
      const columns = columnSummaries(source.table);
      const fieldMap = suggestFieldMapping(role, columns);
      const categoryMaps: Record<string, Record<string, string | null>> = {};
      for (const [field, column] of Object.entries(fieldMap)) {
        if (!column) continue;
        const values = columnValues(source.table, column);
        const map = suggestCategoryMapping(role, field, values);
        if (map) categoryMaps[field] = map;
      }
      return { fieldMap, categoryMaps };
    },

    /** Distinct values of a column (up to 200), for mapping category values. */
    categoryValues(sourceId: string, column: string): string[] {
      const { source } = requireSource(sourceId);
      return source.kind === 'vector' ? columnValues(source.table, column) : [];
    },

    /**
     * Builds the layer as the settings say, checks every row, and returns a preview: render
     * buffers, every issue, counts and the first rows. finish() hands over this result. A table
     * without a way to place its rows, or a CRS that is missing or unknown, is a message instead.
     */
    preview(sourceId: string, settings: ImportSettings, context: ImportContext): Outcome<ImportPreview> {
      const h = requireSource(sourceId);
      if (h.source.kind !== 'vector') throw new Error('preview() is for vector sources; use previewDem().');
      const source: ParsedVectorSource = h.source;
      const file = source.fileName;
      const issues: ImportIssue[] = source.issues.filter((i) => i.code !== 'crs.guessed');
      let geometry: ColumnarGeometry;
      if (source.geometry) {
        geometry = source.geometry;
      } else if (settings.coordinates) {
        const built = pointsFromColumns(source.table, settings.coordinates.x, settings.coordinates.y, file);
        geometry = built.geometry;
        issues.push(...built.issues);
      } else if (settings.join) {
        const joined = joinToVillages(source.table, settings.join.column, settings.join.by, context.villages, file);
        geometry = joined.geometry;
        issues.push(...joined.issues);
      } else {
        return failure('import.no-placement');
      }
      // Joined rows are already in longitude/latitude; otherwise the confirmed CRS is required.
      let offsetSuggestion: OffsetSuggestion | null = null;
      if (source.geometry || settings.coordinates) {
        if (!settings.crs || !isKnownCrs(settings.crs)) return failure('import.unknown-crs', { crs: settings.crs ?? '' });
        geometry = toLngLat(geometry, settings.crs, settings.offset);
        if (settings.offset !== 'none') issues.push({ ...chinaOffsetIssue(settings.offset, geometry.coords.length / 2, file) });
        else if (geometry.kind === 'Point' && isGeographic(settings.crs)) {
          // Points from a Chinese web map lie ~500 m off the project's villages of the same name.
          const nameColumn = settings.fieldMap.name ? source.table.columns.find((c) => c.name === settings.fieldMap.name) : undefined;
          const names = Array.from({ length: geometry.coords.length / 2 }, (_, i) => (nameColumn ? (cellValue(nameColumn, i)?.toString() ?? null) : null));
          offsetSuggestion = detectChinaOffset(geometry.coords, names, context.villages.map((v) => ({ name: v.name, lng: v.lng, lat: v.lat })));
          if (offsetSuggestion) issues.push({ code: 'crs.china-offset-likely', severity: 'warning', file, params: { system: offsetSuggestion.system, matched: offsetSuggestion.matched, before: Math.round(offsetSuggestion.beforeM), after: Math.round(offsetSuggestion.afterM) } });
        }
      }
      // The coordinate columns became the geometry (perhaps converted from GCJ-02): keeping them
      // as attributes would leave two disagreeing positions in every export.
      const xy = settings.coordinates;
      const attributes = xy ? { ...source.table, columns: source.table.columns.filter((c) => c.name !== xy.x && c.name !== xy.y) } : source.table;
      const { table, fieldMap } = withIds(withConstants(attributes, settings), { ...settings.fieldMap, ...constantColumns(settings) }, file, issues);
      const mapped = applyMapping({ role: settings.role, table, fieldMap, categoryMaps: settings.categoryMaps, tabular: source.tabular, file });
      issues.push(...mapped.issues);
      if (settings.role === 'villages') issues.push(...unknownAdminCodes(mapped.table, context.villages, file, settings.fieldMap.adminCode ?? 'adminCode'));
      const checked = validateGeometry({ role: settings.role, geometry, tabular: source.tabular, file, projectBBox: context.projectBBox ?? undefined });
      // A row the reader or the join could not place already says why; "empty location" would repeat it.
      const unplaced = new Set(issues.filter((i) => i.severity === 'error' && i.index !== undefined).map((i) => i.index));
      issues.push(...checked.issues.filter((i) => !(i.code === 'geom.empty' && unplaced.has(i.index))));
      // File-level remarks first, then row by row as the user reads the file (a stable sort
      // keeps each row's issues in the order the steps found them).
      issues.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
      const summary = summarizeIssues(issues, source.table.length);
      const kept = filterRows(checked.geometry, mapped.table, summary.keep);
      const layer: VectorLayer = { geometry: kept.geometry, table: kept.table, bbox: bboxOf(kept.geometry.coords), crs: 'EPSG:4326' };
      h.prepared = { layer, issues, table: source.table };
      const info = {
        id: PREVIEW_LAYER_ID, role: settings.role, kind: layer.geometry.kind, name: { zh: `预览：${file}`, en: `Preview: ${file}` }, source: { zh: file, en: file },
        featureCount: layer.table.length, bboxLngLat: layer.bbox, columns: layer.table.columns.map((c) => ({ name: c.name, type: c.type })), userLayer: true,
      };
      const render: LayerRender = layer.geometry.kind === 'Point' ? { ...info, points: pointBuffers(layer, settings.role) } : { ...info, geojson: shapeGeoJson(layer, settings.role) };
      const rows: CellValue[][] = [];
      for (let i = 0; i < Math.min(PREVIEW_ROWS, layer.table.length); i++) rows.push(layer.table.columns.map((c) => cellValue(c, i)));
      const preview: ImportPreview = {
        render, issues, total: source.table.length, valid: layer.table.length, rejected: source.table.length - layer.table.length,
        warnings: summary.warnings, columns: layer.table.columns.map((c) => c.name), rows, bboxLngLat: layer.bbox, offsetSuggestion,
      };
      return transfer({ ok: true, value: preview }, transferables([render]));
    },

    /** The layer of the last preview (valid rows only), in longitude/latitude. */
    finish(sourceId: string): VectorLayer {
      const h = requireSource(sourceId);
      if (!h.prepared) throw new Error('Preview the import before adding it.');
      const { layer } = h.prepared;
      const { geometry } = layer;
      const buffers = [geometry.coords.buffer, geometry.geomOffsets.buffer, geometry.partOffsets.buffer, geometry.ringOffsets.buffer] as ArrayBuffer[];
      for (const c of layer.table.columns) if (c.type !== 'string') buffers.push(c.values.buffer as ArrayBuffer);
      held.delete(sourceId);
      return transfer(layer, [...new Set(buffers)]);
    },

    /**
     * The rejected rows of the last preview as CSV (UTF-8 with BOM): where, what is wrong,
     * and the row's original values, so the user can fix them and import them again.
     */
    rejectedReport(sourceId: string, lang: Lang): string {
      const h = requireSource(sourceId);
      if (!h.prepared || h.source.kind !== 'vector') return '';
      const tabular = h.source.tabular;
      return rejectedReportCsv(h.prepared.issues, (i) => describeIssue(i, lang, tabular), h.prepared.table, tabular, lang);
    },

    /** Where a DEM source lies in longitude/latitude, read in the given CRS. */
    rasterExtent(sourceId: string, crs: string): [number, number, number, number] | null {
      const { source } = requireSource(sourceId);
      if (source.kind !== 'raster' || !isKnownCrs(crs)) return null;
      return demSummary({ ...source.grid, crs }).bboxLngLat;
    },

    /**
     * Which of the project's villages a DEM source, read in `crs`, leaves without an elevation:
     * outside its grid, or on a void. Names in the villages' order; analyses would list these
     * villages as 数据不足.
     */
    demCoverage(sourceId: string, crs: string, villages: VillageKey[]): { outside: string[]; voids: string[]; total: number } {
      const { source } = requireSource(sourceId);
      if (source.kind !== 'raster' || !isKnownCrs(crs)) return { outside: [], voids: [], total: villages.length };
      const { width, height, data, transform } = source.grid;
      const [ox, pw, , oy, , ph] = transform;
      const toGrid = makeTransform('EPSG:4326', crs);
      const outside: string[] = [];
      const voids: string[] = [];
      for (const v of villages) {
        if (!Number.isFinite(v.lng) || !Number.isFinite(v.lat)) continue;
        const [x, y] = toGrid(v.lng, v.lat);
        const c = Math.floor((x - ox) / pw);
        const r = Math.floor((y - oy) / ph);
        const label = v.name ?? v.id ?? '';
        if (!(c >= 0 && r >= 0 && c < width && r < height)) outside.push(label);
        else if (Number.isNaN(data[r * width + c])) voids.push(label);
      }
      return { outside, voids, total: villages.length };
    },

    /** A DEM source with the CRS the user confirmed: its extent and figures. */
    demFor(sourceId: string, crs: string): Outcome<Grid<Float32Array>> {
      const h = requireSource(sourceId);
      if (h.source.kind !== 'raster') throw new Error('Not a DEM source.');
      const source: ParsedRasterSource = h.source;
      if (!isKnownCrs(crs)) return failure('import.unknown-crs', { crs });
      held.delete(sourceId);
      const grid = { ...source.grid, crs };
      return transfer({ ok: true, value: grid }, [grid.data.buffer as ArrayBuffer]);
    },

    /** Forgets a source (the user closed its wizard). */
    discard(sourceId: string): void {
      held.delete(sourceId);
    },
  };
}

/**
 * Villages whose 12-digit administrative code matches none of the project's villages, when most
 * of the layer's codes do (so the layer is of this county): a mistyped or outdated code would
 * make joins by code miss the village. Warnings, one per row, naming the code.
 */
function unknownAdminCodes(table: ColumnarTable, known: readonly VillageKey[], file: string, field: string): ImportIssue[] {
  const codes = new Set(known.map((v) => v.adminCode).filter((c): c is string => c !== null && /^\d{12}$/.test(c)));
  const column = table.columns.find((c) => c.name === 'adminCode');
  if (codes.size === 0 || !column) return [];
  const unknown: { index: number; value: string }[] = [];
  let withCode = 0;
  for (let i = 0; i < table.length; i++) {
    const value = cellValue(column, i);
    if (value === null || !/^\d{12}$/.test(String(value))) continue;
    withCode++;
    if (!codes.has(String(value))) unknown.push({ index: i, value: String(value) });
  }
  if (unknown.length === 0 || unknown.length * 2 > withCode) return [];
  return unknown.map(({ index, value }) => ({ code: 'row.admin-code-unknown' as const, severity: 'warning' as const, file, index, field, params: { value } }));
}

/** The column a constant field is read from (see withConstants). */
const constantColumn = (field: string) => `__anju_constant_${field}`;

/** Field → its constant's column, for every field given a constant. */
function constantColumns(settings: ImportSettings): Record<string, string> {
  return Object.fromEntries(Object.keys(settings.constants ?? {}).map((field) => [field, constantColumn(field)]));
}

/**
 * The table with one column per constant field, holding the value typed in the wizard on every
 * row: the mapping then converts and checks it as it would a column of the file.
 */
function withConstants(table: ColumnarTable, settings: ImportSettings): ColumnarTable {
  const constants = Object.entries(settings.constants ?? {});
  if (constants.length === 0) return table;
  return { ...table, columns: [...table.columns, ...constants.map(([field, value]) => ({ name: constantColumn(field), type: 'string' as const, values: new Array<string | null>(table.length).fill(value) }))] };
}

/** Column that holds generated ids when the file has none. */
const GENERATED_ID = '__anju_id';

/**
 * Many files have no id column (a village list from Excel rarely does): then each row gets
 * `<file name>-<row number>` as its id, and the summary says so.
 */
function withIds(table: ColumnarTable, fieldMap: ImportSettings['fieldMap'], file: string, issues: ImportIssue[]) {
  if (fieldMap.id) return { table, fieldMap };
  const base = file.replace(/\.[^.]+$/, '');
  const values = Array.from({ length: table.length }, (_, i) => `${base}-${i + 1}`);
  issues.push({ code: 'import.generated-ids', severity: 'info', file, params: { example: values[0] ?? '' } });
  return { table: { ...table, columns: [...table.columns, { name: GENERATED_ID, type: 'string' as const, values }] }, fieldMap: { ...fieldMap, id: GENERATED_ID } };
}

/** Distinct values of a column (up to 200), for mapping category values. */
function columnValues(table: ColumnarTable, name: string): string[] {
  const column = table.columns.find((c) => c.name === name);
  return column ? distinctValues(column, table.length, 200) : [];
}

export type ImportApi = ReturnType<typeof createImportApi>;
