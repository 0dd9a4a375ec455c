/**
 * GeoTIFF DEM import: a dropped .tif becomes a `ParsedRasterSource` (Float32 elevations in
 * metres, voids as NaN) plus the issues the wizard shows. Decoding is geotiff.ts's; this
 * module checks what a DEM needs (signature, completeness, compression, sample type, CRS)
 * before the expensive decode, and words every failure as an `ImportIssue`.
 */
import { isKnownCrs } from '../core/crs';
import type { ImportIssue, InputFile, ParsedRasterSource, ReadOutcome } from '../core/import/types';
import { elevationScale, isFillValue, maskVoids } from './dem.voids';
import { openGeoTiff } from './geotiff';

/** Compressions geotiff.js decodes in Node and in workers without setup. */
const SUPPORTED_COMPRESSION = new Set([1, 5, 8, 32946, 32773, 34887, 50000]);

/** Names of the compressions a DEM may come with that Anju does not decode. */
const COMPRESSION_NAMES: Record<number, string> = {
  2: 'CCITT RLE', 3: 'CCITT Group 3', 4: 'CCITT Group 4', 6: 'old-style JPEG', 7: 'JPEG',
  34712: 'JPEG 2000', 34925: 'LZMA', 50001: 'WebP', 50002: 'JPEG XL',
};

const SUPPORTED_TYPES = new Set(['Byte', 'Int8', 'UInt16', 'Int16', 'UInt32', 'Int32', 'Float16', 'Float32', 'Float64']);

function failure(file: InputFile, code: ImportIssue['code'], params?: ImportIssue['params']): { ok: false; issue: ImportIssue } {
  return { ok: false, issue: { code, severity: 'error', file: file.name, ...(params ? { params } : {}) } };
}

/** The bytes as an ArrayBuffer of their own (geotiff.js reads from offset 0 of a whole buffer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}

/**
 * Offset of the first IFD from the TIFF header ("II*\0" / "MM\0*", or BigTIFF with 43),
 * or null when the bytes are not a TIFF.
 */
function firstIfdOffset(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null;
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!little && !big) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(2, little);
  if (version === 42) return view.getUint32(4, little);
  if (version === 43 && bytes.length >= 16) return Number(view.getBigUint64(8, little));
  return null;
}

/**
 * Reads a GeoTIFF DEM: band 1 of Int8–Int32, UInt8–UInt32, Float16/32/64 samples, striped or
 * tiled, uncompressed, LZW, deflate, PackBits, LERC or ZSTD, with or without predictor.
 *
 * - CRS: the EPSG code of the GeoKeys (`crs` `EPSG:<code>`, e.g. EPSG:4326, 4490, 4549); a
 *   user-defined or missing CRS gives `crs: null` and a `dem.no-crs` warning so the wizard
 *   asks; an EPSG code `isKnownCrs` rejects fails with `dem.unsupported-crs`.
 * - Voids: GDAL_NODATA cells, NaN, SRTM's −32768 and anything outside −500…9,000 m become
 *   NaN (`grid.nodata` is null), reported as `dem.voids` (info) with their count.
 * - More than one band: band 1 is read, `dem.bands` (info) says so.
 *
 * Never throws for bad input: empty, non-TIFF, cut-off, undecodable, ungeoreferenced files
 * and unsupported compressions or sample types fail with a `dem.*` issue.
 */
export async function readDemGeoTiff(file: InputFile): Promise<ReadOutcome<ParsedRasterSource>> {
  const { bytes } = file;
  if (bytes.length === 0) return failure(file, 'dem.empty');
  const ifd = firstIfdOffset(bytes);
  if (ifd === null) return failure(file, 'dem.not-tiff');
  // A directory entry count (2 bytes) must follow the header's pointer.
  if (ifd + 2 > bytes.length) return failure(file, 'dem.truncated', { required: ifd + 2, found: bytes.length });

  const opened = await openGeoTiff(ownBuffer(bytes), { allowUnknownCrs: true });
  if (!opened.ok) {
    if (opened.error.code === 'geotiff.no-transform') return failure(file, 'dem.no-transform');
    return failure(file, 'dem.unreadable', { detail: opened.error.detail ?? opened.error.message });
  }
  const tiff = opened.value;
  if (tiff.requiredBytes > bytes.length) return failure(file, 'dem.truncated', { required: tiff.requiredBytes, found: bytes.length });
  if (!SUPPORTED_COMPRESSION.has(tiff.compression)) {
    return failure(file, 'dem.unsupported-compression', { compression: COMPRESSION_NAMES[tiff.compression] ?? `TIFF compression ${tiff.compression}` });
  }
  if (!SUPPORTED_TYPES.has(tiff.sampleType)) return failure(file, 'dem.unsupported-type', { type: tiff.sampleType });

  const issues: ImportIssue[] = [];
  const { header } = tiff;
  let crs: string | null = header.crs;
  if (crs === '') {
    crs = null;
    // GDAL writes "unknown" for a CRS it could not name.
    const name = /^unknown$/i.test(tiff.crsCitation) ? '' : tiff.crsCitation;
    issues.push({ code: 'dem.no-crs', severity: 'warning', file: file.name, params: { name } });
  } else if (!isKnownCrs(crs)) {
    return failure(file, 'dem.unsupported-crs', { crs });
  }

  const band = await tiff.readBand();
  if (!band.ok) {
    if (band.error.code === 'geotiff.truncated') return failure(file, 'dem.truncated', { required: tiff.requiredBytes, found: bytes.length });
    return failure(file, 'dem.unreadable', { detail: band.error.detail ?? band.error.message });
  }
  let values = band.value;
  // Decimetres or centimetres would read as mountains above 9,000 m (all voids): scaled, and said.
  const scale = elevationScale(values, header.nodata);
  if (scale !== 1) {
    const nodata = header.nodata;
    values = Float32Array.from(values, (v) => (v === nodata || v === -32768 || isFillValue(v) ? NaN : v * scale));
    issues.push({ code: 'dem.units', severity: 'warning', file: file.name, params: { unit: scale === 0.1 ? 'dm' : 'cm' } });
  }
  // A Float32 band is the decoder's own fresh array: mask it in place rather than copy 64 MB.
  const data = values instanceof Float32Array ? values : new Float32Array(values.length);
  const voids = maskVoids(values, header.nodata, data);
  const total = data.length;
  if (voids === total) return failure(file, 'dem.all-void', { total });

  if (tiff.bandCount > 1) issues.push({ code: 'dem.bands', severity: 'info', file: file.name, params: { count: tiff.bandCount } });
  if (voids > 0) issues.push({ code: 'dem.voids', severity: 'info', file: file.name, params: { count: voids, total } });
  return {
    ok: true,
    source: {
      kind: 'raster',
      fileName: file.name,
      format: 'geotiff',
      grid: { width: header.width, height: header.height, data, transform: header.transform, crs: crs ?? '', nodata: null },
      crs,
      issues,
    },
  };
}
