/**
 * GeoTIFF adapter for single-band rasters (DEMs, cost and suitability surfaces).
 *
 * Reading goes through geotiff.js, which handles stripped and tiled files and their
 * compressions (deflate, LZW, packbits, …). Writing is done here: geotiff.js 3.0.5's
 * `writeArrayBuffer` has no Int16 branch (Int16 samples come out as zero bytes), reserves a
 * fixed 1000 bytes for all tags, and allocates an ArrayBuffer per pixel. Our writer produces
 * the smallest file GDAL reads fully georeferenced:
 * ```
 * 0        "II" 42 u32(8)                     little-endian classic TIFF header
 * 8        IFD: u16 count, 12-byte entries sorted by tag, u32 0 (no next IFD)
 * …        values longer than 4 bytes (strip tables, geo tags, nodata text), 8-byte aligned
 * …        strips: rows of samples, ~64 KiB each before compression (uncompressed, or each a
 *          zlib stream for `compression: 'deflate'`, TIFF compression 8)
 * ```
 */
import { fromArrayBuffer } from 'geotiff';
import { zlibSync } from 'fflate';
import type { Grid, GeoTransform, RasterArray } from '../core/types';
import { fail, ok, type Problem, type Result } from '../core/result';
import { isGeographic } from '../core/crs';
import { readFirstBand } from './geotiff.band';

/** Options of {@link writeGeoTiff}. */
export interface GeoTiffWriteOptions {
  /** EPSG code of the grid's CRS, written as ProjectedCSTypeGeoKey (or GeographicTypeGeoKey for degrees). */
  epsg: number;
  /** Strip compression; default 'none'. 'deflate' is zlib level 6, what GDAL's COMPRESS=DEFLATE writes. */
  compression?: 'none' | 'deflate';
}

/**
 * A failure of this adapter: `detail` holds geotiff.js's own words when the library gave up
 * (code `geotiff.unreadable`), so a caller can word the problem itself.
 */
export type GeoTiffResult<T> = { ok: true; value: T } | { ok: false; error: Problem & { detail?: string } };

const TYPE_ASCII = 2;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
const TYPE_DOUBLE = 12;
const TYPE_BYTES: Record<number, number> = { [TYPE_ASCII]: 1, [TYPE_SHORT]: 2, [TYPE_LONG]: 4, [TYPE_DOUBLE]: 8 };

/** GeoTIFF user-defined code: "not an EPSG code". */
const USER_DEFINED = 32767;
const PIXEL_IS_POINT = 2;
const MODEL_PROJECTED = 1;
const MODEL_GEOGRAPHIC = 2;
const STRIP_BYTES = 65536;

interface Entry {
  tag: number;
  type: number;
  values: number[] | string;
}

/**
 * Encodes a single-band Int16 or Float32 grid as a stripped GeoTIFF (uncompressed, or
 * deflate with `options.compression`) with its CRS (GeoKeys), transform (ModelPixelScale +
 * ModelTiepoint, or ModelTransformation for a rotated grid) and nodata (GDAL_NODATA).
 * `grid.crs` is not consulted: `options.epsg` is what gets written.
 */
export function writeGeoTiff(grid: Grid<Int16Array | Float32Array>, options: GeoTiffWriteOptions): ArrayBuffer {
  const { width, height, data, transform } = grid;
  const bytesPerSample = data.BYTES_PER_ELEMENT;
  const rowBytes = width * bytesPerSample;
  const rowsPerStrip = Math.max(1, Math.min(height, Math.floor(STRIP_BYTES / rowBytes)));
  const stripCount = Math.ceil(height / rowsPerStrip);
  const deflate = options.compression === 'deflate';
  // Compressed strips are encoded up front: their sizes decide where each one goes.
  const compressed: Uint8Array[] = [];
  const stripByteCounts: number[] = [];
  for (let s = 0; s < stripCount; s++) {
    const rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
    if (deflate) {
      const first = s * rowsPerStrip * width;
      compressed.push(zlibSync(littleEndianBytes(data.subarray(first, first + rows * width)), { level: 6 }));
      stripByteCounts.push(compressed[s].length);
    } else {
      stripByteCounts.push(rows * rowBytes);
    }
  }

  const geographic = isGeographic(`EPSG:${options.epsg}`);
  const geoKeys = [
    [1024, geographic ? 2 : 1], // GTModelTypeGeoKey: 1 projected, 2 geographic
    [1025, 1], // GTRasterTypeGeoKey: PixelIsArea, the meaning of GDAL's geotransform
    [geographic ? 2048 : 3072, options.epsg], // GeographicTypeGeoKey / ProjectedCSTypeGeoKey
  ];
  const [ox, pw, rx, oy, ry, ph] = transform;
  const entries: Entry[] = [
    { tag: 256, type: TYPE_LONG, values: [width] },
    { tag: 257, type: TYPE_LONG, values: [height] },
    { tag: 258, type: TYPE_SHORT, values: [8 * bytesPerSample] },
    { tag: 259, type: TYPE_SHORT, values: [deflate ? 8 : 1] }, // 1 none, 8 deflate (zlib)
    { tag: 262, type: TYPE_SHORT, values: [1] }, // BlackIsZero
    { tag: 273, type: TYPE_LONG, values: new Array<number>(stripCount).fill(0) }, // StripOffsets, patched below
    { tag: 277, type: TYPE_SHORT, values: [1] },
    { tag: 278, type: TYPE_LONG, values: [rowsPerStrip] },
    { tag: 279, type: TYPE_LONG, values: stripByteCounts },
    { tag: 284, type: TYPE_SHORT, values: [1] }, // contiguous samples
    { tag: 339, type: TYPE_SHORT, values: [data instanceof Float32Array ? 3 : 2] }, // SampleFormat: 3 float, 2 signed int
  ];
  if (rx === 0 && ry === 0) {
    entries.push({ tag: 33550, type: TYPE_DOUBLE, values: [pw, -ph, 0] }); // ModelPixelScale (y scale is positive)
    entries.push({ tag: 33922, type: TYPE_DOUBLE, values: [0, 0, 0, ox, oy, 0] }); // ModelTiepoint: pixel (0,0) → origin
  } else {
    entries.push({ tag: 34264, type: TYPE_DOUBLE, values: [pw, rx, 0, ox, ry, ph, 0, oy, 0, 0, 0, 0, 0, 0, 0, 1] }); // ModelTransformation
  }
  entries.push({ tag: 34735, type: TYPE_SHORT, values: [1, 1, 0, geoKeys.length, ...geoKeys.flatMap(([key, value]) => [key, 0, 1, value])] });
  if (grid.nodata !== null) entries.push({ tag: 42113, type: TYPE_ASCII, values: `${grid.nodata}\0` });

  const ifdBytes = 2 + 12 * entries.length + 4;
  let extraAt = align8(8 + ifdBytes);
  const extraOffsets = entries.map((e) => {
    const size = valueBytes(e);
    if (size <= 4) return 0;
    const at = extraAt;
    extraAt = align8(extraAt + size);
    return at;
  });
  const dataStart = extraAt;
  const stripOffsets = entries.find((e) => e.tag === 273) as Entry;
  const offsets: number[] = [];
  let dataEnd = dataStart;
  for (const count of stripByteCounts) {
    offsets.push(dataEnd);
    dataEnd += count;
  }
  stripOffsets.values = offsets;

  const buffer = new ArrayBuffer(dataEnd);
  const view = new DataView(buffer);
  view.setUint16(0, 0x4949, true); // "II"
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach((entry, i) => {
    const at = 10 + 12 * i;
    view.setUint16(at, entry.tag, true);
    view.setUint16(at + 2, entry.type, true);
    view.setUint32(at + 4, entry.values.length, true);
    writeValues(view, extraOffsets[i] || at + 8, entry);
    if (extraOffsets[i]) view.setUint32(at + 8, extraOffsets[i], true);
  });
  view.setUint32(10 + 12 * entries.length, 0, true);
  const out = new Uint8Array(buffer);
  if (deflate) compressed.forEach((strip, k) => out.set(strip, offsets[k]));
  else writeSamples(out.subarray(dataStart), data);
  return buffer;
}

/** Options of {@link openGeoTiff}. */
export interface GeoTiffOpenOptions {
  /**
   * Open files that name no EPSG code (user-defined CRS, or no GeoKeys): `header.crs` is then
   * '' and `crsCitation` holds whatever name the file gives. Default false: such files fail
   * with `geotiff.no-crs`.
   */
  allowUnknownCrs?: boolean;
}

/** A GeoTIFF whose header is read and whose first band can be read on demand. */
export interface OpenedGeoTiff {
  /** Size, transform, CRS and nodata: everything of the grid but its cells. */
  header: Omit<Grid<RasterArray>, 'data'>;
  /** Samples per pixel (bands); `readBand` reads the first. */
  bandCount: number;
  /** Sample type of band 1 in GDAL's words: Byte, Int8, UInt16, Int16, UInt32, Int32, Float16, Float32, Float64, CInt16, CFloat32, …, or e.g. `format 4, 8 bits`. */
  sampleType: string;
  /** TIFF compression code: 1 none, 5 LZW, 8 / 32946 deflate, 32773 PackBits, 7 JPEG, … */
  compression: number;
  /** The file size the strips or tiles need (end of the last one); larger than the buffer when the file is cut off. */
  requiredBytes: number;
  /** The CRS name written in the GeoKeys (GTCitation, PCSCitation, else GeogCitation); '' when there is none. */
  crsCitation: string;
  /** Decodes the first band (the expensive part). */
  readBand(): Promise<GeoTiffResult<RasterArray>>;
}

/**
 * Reads a GeoTIFF's header: CRS from the GeoKeys (`EPSG:<code>`, the projected code for a
 * projected model and the geographic one for a geographic model), transform from
 * ModelTiepoint + ModelPixelScale or ModelTransformation (PixelIsPoint files are shifted
 * half a pixel, as GDAL does), nodata from GDAL_NODATA. The band is decoded only when
 * `readBand` is called, so a caller can show the georeferencing before the cells arrive.
 *
 * Fails (codes `geotiff.*`) on empty or non-TIFF input, files without an EPSG code (unless
 * `options.allowUnknownCrs`) or georeferencing, and data geotiff.js cannot decode; `readBand`
 * fails with `geotiff.truncated` when the file ends before its last strip or tile.
 * geotiff.js decodes deflate with pako and LZW in plain JavaScript, so this runs unchanged in
 * Node and in a worker (no decoder pool is used: the caller is already off the main thread).
 */
export async function openGeoTiff(buffer: ArrayBuffer, options: GeoTiffOpenOptions = {}): Promise<GeoTiffResult<OpenedGeoTiff>> {
  if (buffer.byteLength === 0) {
    return fail('geotiff.empty', 'The GeoTIFF file is empty (0 bytes). Check that the export or download finished, then load the file again.');
  }
  try {
    const tiff = await fromArrayBuffer(buffer);
    const image = await tiff.getImage(0);
    const directory = image.fileDirectory;
    const keys: Record<string, unknown> = image.getGeoKeys() ?? {};
    const code = epsgCode(keys);
    if (code === null && !options.allowUnknownCrs) {
      return fail('geotiff.no-crs', 'The GeoTIFF does not name its coordinate system by an EPSG code. Assign one (e.g. gdal_translate -a_srs EPSG:4549 in.tif out.tif, or QGIS: Raster ▸ Projections ▸ Assign Projection) and load the new file.');
    }
    const transform = readTransform(await directory.loadValue('ModelTiepoint'), await directory.loadValue('ModelPixelScale'), await directory.loadValue('ModelTransformation'));
    if (!transform) {
      return fail('geotiff.no-transform', 'The GeoTIFF has no georeferencing (no tie point and pixel size). Georeference it (QGIS Georeferencer, or gdal_translate -a_ullr with the corner coordinates) and load the new file.');
    }
    if (keys.GTRasterTypeGeoKey === PIXEL_IS_POINT) {
      transform[0] -= (transform[1] + transform[2]) / 2;
      transform[3] -= (transform[4] + transform[5]) / 2;
    }
    const tiled = directory.hasTag('TileOffsets');
    const offsets = await directory.loadValue(tiled ? 'TileOffsets' : 'StripOffsets');
    const counts = await directory.loadValue(tiled ? 'TileByteCounts' : 'StripByteCounts');
    const requiredBytes = blocksEnd(offsets, counts);
    const citation = [keys.GTCitationGeoKey, keys.PCSCitationGeoKey, keys.GeogCitationGeoKey].find((c): c is string => typeof c === 'string' && c.trim() !== '');
    return ok({
      header: { width: image.getWidth(), height: image.getHeight(), transform, crs: code === null ? '' : `EPSG:${code}`, nodata: image.getGDALNoData() },
      bandCount: image.getSamplesPerPixel(),
      sampleType: sampleTypeName(image.getSampleFormat(0), image.getBitsPerSample(0)),
      compression: Number(directory.getValue('Compression') ?? 1),
      requiredBytes,
      crsCitation: citation?.trim() ?? '',
      async readBand() {
        if (requiredBytes > buffer.byteLength) {
          return fail('geotiff.truncated', `The GeoTIFF is cut off: its data needs ${requiredBytes} bytes but the file has ${buffer.byteLength}. The copy or download was probably interrupted; copy or export the file again and load it.`);
        }
        try {
          return ok(asRasterArray(await readFirstBand(image)));
        } catch (error) {
          return unreadable(error);
        }
      },
    });
  } catch (error) {
    return unreadable(error);
  }
}

/** EPSG code the GeoKeys name for the model type, or null (user-defined, missing). */
function epsgCode(keys: Record<string, unknown>): number | null {
  const valid = (k: unknown): number | null => (typeof k === 'number' && k > 0 && k !== USER_DEFINED ? k : null);
  // A projected CRS on a known datum has a user-defined projected code and an EPSG
  // geographic code: the geographic one is then not the grid's CRS.
  if (keys.GTModelTypeGeoKey === MODEL_PROJECTED) return valid(keys.ProjectedCSTypeGeoKey);
  if (keys.GTModelTypeGeoKey === MODEL_GEOGRAPHIC) return valid(keys.GeographicTypeGeoKey);
  return valid(keys.ProjectedCSTypeGeoKey) ?? valid(keys.GeographicTypeGeoKey);
}

/** End of the last strip or tile in the file (offset + byte count), 0 when the file lists none. */
function blocksEnd(offsets: unknown, counts: unknown): number {
  if (!offsets || !counts) return 0;
  const o = offsets as ArrayLike<number | bigint>;
  const c = counts as ArrayLike<number | bigint>;
  let end = 0;
  for (let i = 0; i < Math.min(o.length, c.length); i++) end = Math.max(end, Number(o[i]) + Number(c[i]));
  return end;
}

function sampleTypeName(format: number, bits: number): string {
  if (format === 1 && bits === 8) return 'Byte';
  if (format === 1) return `UInt${bits}`;
  if (format === 2) return `Int${bits}`;
  if (format === 3) return `Float${bits}`;
  // Complex samples hold two numbers; GDAL names them by the size of one (CFloat32 is 64 bits).
  if (format === 5) return `CInt${bits / 2}`;
  if (format === 6) return `CFloat${bits / 2}`;
  return `format ${format}, ${bits} bits`;
}

function unreadable<T>(error: unknown): GeoTiffResult<T> {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'geotiff.unreadable',
      message: `The file could not be read as a GeoTIFF (${detail}). Check that it is a GeoTIFF, or convert it with gdal_translate -of GTiff -co COMPRESS=DEFLATE in.tif out.tif and load the result.`,
      detail,
    },
  };
}

/**
 * Reads the first band of a GeoTIFF into a `Grid` (see `openGeoTiff` for what is read
 * from the header). The data array has the file's sample type; types Grid does not hold
 * become Float32.
 */
export async function readGeoTiff(buffer: ArrayBuffer): Promise<Result<Grid<RasterArray>>> {
  const opened = await openGeoTiff(buffer);
  if (!opened.ok) return opened;
  const band = await opened.value.readBand();
  if (!band.ok) return band;
  return ok({ ...opened.value.header, data: band.value });
}

/** GDAL-order transform from the geo tags, or null when the file has none. */
function readTransform(tiepoint: ArrayLike<number> | undefined, scale: ArrayLike<number> | undefined, matrix: ArrayLike<number> | undefined): GeoTransform | null {
  if (tiepoint && tiepoint.length >= 6 && scale && scale.length >= 2) {
    // The tie point maps raster point (I, J) to (X, Y); the origin is where (0, 0) lands.
    const [i, j, , x, y] = Array.from(tiepoint);
    return [x - i * scale[0], scale[0], 0, y + j * scale[1], 0, -scale[1]];
  }
  if (matrix && matrix.length >= 8) return [matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]];
  return null;
}

function asRasterArray(raster: unknown): RasterArray {
  if (
    raster instanceof Float32Array || raster instanceof Float64Array || raster instanceof Int16Array || raster instanceof Int32Array ||
    raster instanceof Uint8Array || raster instanceof Uint16Array || raster instanceof Uint32Array
  ) {
    return raster;
  }
  return Float32Array.from(raster as ArrayLike<number>);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function valueBytes(entry: Entry): number {
  return entry.values.length * TYPE_BYTES[entry.type];
}

function writeValues(view: DataView, at: number, entry: Entry): void {
  const { type, values } = entry;
  for (let k = 0; k < values.length; k++) {
    if (typeof values === 'string') view.setUint8(at + k, values.charCodeAt(k));
    else if (type === TYPE_SHORT) view.setUint16(at + 2 * k, values[k], true);
    else if (type === TYPE_LONG) view.setUint32(at + 4 * k, values[k], true);
    else view.setFloat64(at + 8 * k, values[k], true);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The samples as little-endian bytes: a view of `data` on little-endian machines, a copy elsewhere. */
function littleEndianBytes(data: Int16Array | Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.byteLength);
  writeSamples(out, data);
  return out;
}

function writeSamples(out: Uint8Array, data: Int16Array | Float32Array): void {
  if (LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i < data.length; i++) {
    if (data instanceof Float32Array) view.setFloat32(4 * i, data[i], true);
    else view.setInt16(2 * i, data[i], true);
  }
}
