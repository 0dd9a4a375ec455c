/**
 * SRTM .hgt tiles: a square of big-endian Int16 elevations (metres), no header. The size
 * gives the resolution and the file name the place:
 * ```
 * 1201 × 1201 samples = 2,884,802 bytes   3″ (SRTM3)     cell 1/1200°
 * 3601 × 3601 samples = 25,934,402 bytes  1″ (SRTMGL1)   cell 1/3600°
 * N27E119.hgt: south-west corner 27°N 119°E; samples are points on whole multiples of the
 *              cell size, so the first row is latitude 28, the last 27 (tiles overlap by one
 *              row and column), and the cells around them span 27 − ½ cell … 28 + ½ cell
 * ```
 * Voids are −32768. Tiles also come zipped (`N27E119.SRTMGL1.hgt.zip` from NASA Earthdata).
 */
import { unzipSync } from 'fflate';
import type { ImportIssue, InputFile, ParsedRasterSource, ReadOutcome } from '../core/import/types';
import { maskVoids } from './dem.voids';

/** Samples per side of the two tile sizes SRTM is published in. */
const SIDES = [1201, 3601] as const;

/** The south-west corner named by an SRTM file name, or null when the name does not parse. */
export function hgtOrigin(name: string): { lat: number; lon: number } | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^([NS])(\d{2})([EW])(\d{3})(?![0-9])/i.exec(base);
  if (!m) return null;
  const lat = Number(m[2]) * (m[1].toUpperCase() === 'S' ? -1 : 1);
  const lon = Number(m[4]) * (m[3].toUpperCase() === 'W' ? -1 : 1);
  if (lat < -90 || lat > 89 || lon < -180 || lon > 179) return null;
  return { lat, lon };
}

function failure(file: InputFile, code: ImportIssue['code'], params?: ImportIssue['params']): { ok: false; issue: ImportIssue } {
  return { ok: false, issue: { code, severity: 'error', file: file.name, ...(params ? { params } : {}) } };
}

/** The first .hgt entry of a zip, or an issue code when there is none or the zip is damaged. */
function unzipHgt(bytes: Uint8Array): { name: string; bytes: Uint8Array } | { code: 'hgt.zip-no-hgt' | 'hgt.bad-zip'; detail?: string } {
  try {
    const entries = unzipSync(bytes, { filter: (f) => /\.hgt$/i.test(f.name) });
    const name = Object.keys(entries).sort()[0];
    return name === undefined ? { code: 'hgt.zip-no-hgt' } : { name, bytes: entries[name] };
  } catch (error) {
    return { code: 'hgt.bad-zip', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads an SRTM .hgt tile (or a zip holding one) into a Float32 grid in EPSG:4326, row 0 at
 * the north, −32768 and values outside −500…9,000 m as NaN (`dem.voids` info with the
 * count). Fails with `hgt.bad-size` for any size but 1201² or 3601² samples, `hgt.bad-name`
 * when the name does not give the corner (e.g. N27E119.hgt, n27e119.hgt, S08W035.hgt), and
 * `hgt.zip-no-hgt` / `hgt.bad-zip` for zips.
 */
export function readHgt(file: InputFile): ReadOutcome<ParsedRasterSource> {
  let bytes = file.bytes;
  let name = file.name;
  const zipped = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zipped) {
    const entry = unzipHgt(bytes);
    if ('code' in entry) return failure(file, entry.code, entry.detail ? { detail: entry.detail } : undefined);
    bytes = entry.bytes;
    // The entry is usually named like the tile; fall back on the zip's own name.
    if (hgtOrigin(entry.name)) name = entry.name;
  }
  const side = SIDES.find((n) => n * n * 2 === bytes.length);
  if (side === undefined) return failure(file, 'hgt.bad-size', { size: bytes.length });
  const origin = hgtOrigin(name);
  if (!origin) return failure(file, 'hgt.bad-name', { name: file.name });

  const count = side * side;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(2 * i, false);
  const data = new Float32Array(count);
  const voids = maskVoids(samples, null, data);

  const cell = 1 / (side - 1);
  const issues: ImportIssue[] = [];
  if (voids > 0) issues.push({ code: 'dem.voids', severity: 'info', file: file.name, params: { count: voids, total: count } });
  return {
    ok: true,
    source: {
      kind: 'raster',
      fileName: file.name,
      format: 'hgt',
      grid: {
        width: side,
        height: side,
        data,
        transform: [origin.lon - cell / 2, cell, 0, origin.lat + 1 + cell / 2, 0, -cell],
        crs: 'EPSG:4326',
        nodata: null,
      },
      crs: 'EPSG:4326',
      issues,
    },
  };
}
