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
 * …        strips: rows of samples, uncompressed, ~64 KiB each
 * ```
 */
import { fromArrayBuffer } from 'geotiff';
import type { Grid, GeoTransform, RasterArray } from '../core/types';
import { fail, ok, type Result } from '../core/result';
import { isGeographic } from '../core/crs';

/** Options of {@link writeGeoTiff}. */
export interface GeoTiffWriteOptions {
  /** EPSG code of the grid's CRS, written as ProjectedCSTypeGeoKey (or GeographicTypeGeoKey for degrees). */
  epsg: number;
}

const TYPE_ASCII = 2;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
const TYPE_DOUBLE = 12;
const TYPE_BYTES: Record<number, number> = { [TYPE_ASCII]: 1, [TYPE_SHORT]: 2, [TYPE_LONG]: 4, [TYPE_DOUBLE]: 8 };

/** GeoTIFF user-defined code: "not an EPSG code". */
const USER_DEFINED = 32767;
const PIXEL_IS_POINT = 2;
const STRIP_BYTES = 65536;

interface Entry {
  tag: number;
  type: number;
  values: number[] | string;
}

/**
 * Encodes a single-band Int16 or Float32 grid as an uncompressed, stripped GeoTIFF with its
 * CRS (GeoKeys), transform (ModelPixelScale + ModelTiepoint, or ModelTransformation for a
 * rotated grid) and nodata (GDAL_NODATA). `grid.crs` is not consulted: `options.epsg` is
 * what gets written.
 */
export function writeGeoTiff(grid: Grid<Int16Array | Float32Array>, options: GeoTiffWriteOptions): ArrayBuffer {
  const { width, height, data, transform } = grid;
  const bytesPerSample = data.BYTES_PER_ELEMENT;
  const rowBytes = width * bytesPerSample;
  const rowsPerStrip = Math.max(1, Math.min(height, Math.floor(STRIP_BYTES / rowBytes)));
  const stripCount = Math.ceil(height / rowsPerStrip);
  const stripByteCounts: number[] = [];
  for (let s = 0; s < stripCount; s++) stripByteCounts.push(Math.min(rowsPerStrip, height - s * rowsPerStrip) * rowBytes);

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
    { tag: 259, type: TYPE_SHORT, values: [1] }, // no compression
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
  stripOffsets.values = stripByteCounts.map((_, s) => dataStart + s * rowsPerStrip * rowBytes);

  const buffer = new ArrayBuffer(dataStart + height * rowBytes);
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
  writeSamples(new Uint8Array(buffer, dataStart), data);
  return buffer;
}

/** A GeoTIFF whose header is read and whose first band can be read on demand. */
export interface OpenedGeoTiff {
  /** Size, transform, CRS and nodata: everything of the grid but its cells. */
  header: Omit<Grid<RasterArray>, 'data'>;
  /** Decodes the first band (the expensive part). */
  readBand(): Promise<Result<RasterArray>>;
}

/**
 * Reads a GeoTIFF's header: CRS from the GeoKeys (`EPSG:<code>`), transform from
 * ModelTiepoint + ModelPixelScale or ModelTransformation (PixelIsPoint files are shifted
 * half a pixel, as GDAL does), nodata from GDAL_NODATA. The band is decoded only when
 * `readBand` is called, so a caller can show the georeferencing before the cells arrive.
 *
 * Fails (codes `geotiff.*`) on empty or non-TIFF input, files without an EPSG code or
 * georeferencing, and data geotiff.js cannot decode.
 */
export async function openGeoTiff(buffer: ArrayBuffer): Promise<Result<OpenedGeoTiff>> {
  if (buffer.byteLength === 0) {
    return fail('geotiff.empty', 'The GeoTIFF file is empty (0 bytes). Check that the export or download finished, then load the file again.');
  }
  try {
    const tiff = await fromArrayBuffer(buffer);
    const image = await tiff.getImage(0);
    const keys = image.getGeoKeys() ?? {};
    const code = [keys.ProjectedCSTypeGeoKey, keys.GeographicTypeGeoKey].find((k): k is number => typeof k === 'number' && k > 0 && k !== USER_DEFINED);
    if (code === undefined) {
      return fail('geotiff.no-crs', 'The GeoTIFF does not name its coordinate system by an EPSG code. Assign one (e.g. gdal_translate -a_srs EPSG:4549 in.tif out.tif, or QGIS: Raster ▸ Projections ▸ Assign Projection) and load the new file.');
    }
    const transform = readTransform(image.fileDirectory.getValue('ModelTiepoint'), image.fileDirectory.getValue('ModelPixelScale'), image.fileDirectory.getValue('ModelTransformation'));
    if (!transform) {
      return fail('geotiff.no-transform', 'The GeoTIFF has no georeferencing (no tie point and pixel size). Georeference it (QGIS Georeferencer, or gdal_translate -a_ullr with the corner coordinates) and load the new file.');
    }
    if (keys.GTRasterTypeGeoKey === PIXEL_IS_POINT) {
      transform[0] -= (transform[1] + transform[2]) / 2;
      transform[3] -= (transform[4] + transform[5]) / 2;
    }
    return ok({
      header: { width: image.getWidth(), height: image.getHeight(), transform, crs: `EPSG:${code}`, nodata: image.getGDALNoData() },
      async readBand() {
        try {
          return ok(asRasterArray(await image.readRasters({ samples: [0], interleave: true })));
        } catch (error) {
          return unreadable(error);
        }
      },
    });
  } catch (error) {
    return unreadable(error);
  }
}

function unreadable<T>(error: unknown): Result<T> {
  return fail('geotiff.unreadable', `The file could not be read as a GeoTIFF (${(error as Error).message}). Check that it is a GeoTIFF, or convert it with gdal_translate -of GTiff -co COMPRESS=DEFLATE in.tif out.tif and load the result.`);
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
