/**
 * Several DEM files dropped together become one DEM source: mosaicked onto the project's grid
 * (src/core/grid/mosaic.ts) with the issues a GIS officer needs to judge it: what was joined
 * at which cell size and CRS, tiles of different resolutions, tiles that do not reach the
 * project, and cells no tile covers, naming the SRTM tiles that would cover them.
 */
import { crsLabel, makeTransform } from '../core/crs';
import { groundCellSize, mosaicDems, mosaicTarget, type DemTile } from '../core/grid/mosaic';
import type { ImportIssue, ParsedRasterSource, ReadOutcome } from '../core/import/types';
import { hgtOrigin } from './hgt';

/** SRTM tile name of the 1° cell whose south-west corner is (lat, lon), e.g. N27E119. */
function srtmName(lat: number, lon: number): string {
  const ns = lat < 0 ? 'S' : 'N';
  const ew = lon < 0 ? 'W' : 'E';
  return `${ns}${String(Math.abs(lat)).padStart(2, '0')}${ew}${String(Math.abs(lon)).padStart(3, '0')}`;
}

/**
 * Mosaics DEM sources that each have a known CRS (`grid.crs`), clipped to `areaLngLat` (the
 * project's extent, when it has layers). Fails with `dem.mosaic-outside` when no tile reaches
 * the area, and `dem.all-void` when the mosaic holds no elevation.
 */
export function mosaicSources(sources: readonly ParsedRasterSource[], areaLngLat: [number, number, number, number] | null, onProgress?: (done: number, total: number) => void): ReadOutcome<ParsedRasterSource> {
  const tiles: DemTile[] = sources.map((s) => ({ name: s.fileName, grid: s.grid }));
  const names = tiles.map((t) => t.name).sort();
  const file = names.join('、');
  const target = mosaicTarget(tiles, areaLngLat);
  if (!target) return { ok: false, issue: { code: 'dem.mosaic-outside', severity: 'error', file, params: { count: tiles.length } } };
  const m = mosaicDems(tiles, target, onProgress);
  const total = m.grid.width * m.grid.height;
  if (m.uncovered + m.voids >= total) return { ok: false, issue: { code: 'dem.all-void', severity: 'error', file, params: { total } } };
  const issues: ImportIssue[] = [];
  // Each tile's own remarks, but its void count: the mosaic's replaces them.
  for (const s of sources) issues.push(...s.issues.filter((i) => i.code !== 'dem.voids'));
  const label = crsLabel(target.crs);
  issues.push({ code: 'dem.mosaic', severity: 'info', file, params: { count: tiles.length, width: m.grid.width, height: m.grid.height, cell: target.cellSize, crsZh: label.zh, crsEn: label.en, clipped: areaLngLat ? 1 : 0 } });
  const sizes = [...new Set(tiles.map((t) => Math.round(groundCellSize(t.grid))))].sort((a, b) => a - b);
  if (sizes.length > 1 && sizes[sizes.length - 1] > 1.1 * sizes[0]) issues.push({ code: 'dem.mosaic-resolutions', severity: 'info', file, params: { sizes: sizes.join('、'), cell: target.cellSize } });
  const unused = tiles.filter((t) => m.supplied[t.name] === 0).map((t) => t.name);
  if (unused.length > 0) issues.push({ code: 'dem.mosaic-unused', severity: 'info', file, params: { files: unused.join('、'), count: unused.length } });
  if (m.uncovered > 0) {
    // SRTM tiles are named by their corner: name the 1° cells of the area that none covers.
    const origins = tiles.map((t) => hgtOrigin(t.name));
    let missing: string[] = [];
    if (origins.every((o) => o !== null)) {
      const have = new Set(origins.map((o) => srtmName(o!.lat, o!.lon)));
      const toLngLat = makeTransform(target.crs, 'EPSG:4326');
      const [x0, y0, x1, y1] = target.bbox;
      const corners = [toLngLat(x0, y0), toLngLat(x1, y0), toLngLat(x0, y1), toLngLat(x1, y1)];
      const lons = corners.map((c) => c[0]);
      const lats = corners.map((c) => c[1]);
      for (let lat = Math.floor(Math.min(...lats)); lat < Math.max(...lats); lat++) {
        for (let lon = Math.floor(Math.min(...lons)); lon < Math.max(...lons); lon++) if (!have.has(srtmName(lat, lon))) missing.push(srtmName(lat, lon));
      }
      missing = missing.slice(0, 8);
    }
    const km2 = (m.uncovered * target.cellSize * target.cellSize) / 1e6;
    issues.push({ code: 'dem.mosaic-gap', severity: 'warning', file, params: { km2: km2 < 10 ? km2.toFixed(1) : String(Math.round(km2)), missing: missing.join('、') } });
  }
  if (m.voids > 0) issues.push({ code: 'dem.voids', severity: 'info', file, params: { count: m.voids, total } });
  return { ok: true, source: { kind: 'raster', fileName: file, format: 'mosaic', grid: m.grid, crs: target.crs, issues } };
}
