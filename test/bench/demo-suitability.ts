/**
 * The demo county as the suitability worker sees it: the DEM and every layer in the DEM's CRS.
 * For benchmarks and tests that run the engine on real-sized data without a browser.
 */
import { readFileSync } from 'node:fs';
import { makeTransform } from '../../src/core/crs';
import type { Manifest } from '../../src/core/manifest';
import type { SuitabilityInputs } from '../../src/core/suitability/engine';
import type { Grid } from '../../src/core/types';
import type { SourceLayer } from '../../src/core/exposure/analysis';
import { readFlatGeobuf } from '../../src/io/fgb';
import { readGeoTiff } from '../../src/io/geotiff';

const DEMO = 'public/data/demo';

/**
 * The demo county as the data worker hands it over: the DEM and every layer in its own CRS
 * with all its columns (what the relocation worker reads).
 */
export async function demoSourceInputs(): Promise<{ dem: Grid<Float32Array>; layers: SourceLayer[] }> {
  const manifest = JSON.parse(readFileSync(`${DEMO}/manifest.json`, 'utf8')) as Manifest;
  const dem = await demoDem(manifest);
  const layers = manifest.layers.map((l) => {
    const read = readFlatGeobuf(new Uint8Array(readFileSync(`${DEMO}/${l.file}`)));
    if (!read.ok) throw new Error(read.error.message);
    return { layerId: l.id, role: l.role, name: l.name, source: l.source, crs: manifest.vectorCrs, geometry: read.value.geometry, columns: read.value.table.columns };
  });
  return { dem, layers };
}

async function demoDem(manifest: Manifest): Promise<Grid<Float32Array>> {
  const bytes = readFileSync(`${DEMO}/${manifest.dem!.file}`);
  const tiff = await readGeoTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!tiff.ok) throw new Error(tiff.error.message);
  const raw = tiff.value;
  return { ...raw, data: raw.data instanceof Float32Array ? raw.data : Float32Array.from(raw.data), crs: manifest.dem!.crs };
}

export async function demoSuitabilityInputs(): Promise<SuitabilityInputs> {
  const manifest = JSON.parse(readFileSync(`${DEMO}/manifest.json`, 'utf8')) as Manifest;
  const dem = await demoDem(manifest);
  const forward = makeTransform(manifest.vectorCrs, dem.crs);
  const layers = manifest.layers.map((l) => {
    const read = readFlatGeobuf(new Uint8Array(readFileSync(`${DEMO}/${l.file}`)));
    if (!read.ok) throw new Error(read.error.message);
    const g = read.value.geometry;
    const coords = new Float64Array(g.coords.length);
    for (let i = 0; i < coords.length; i += 2) [coords[i], coords[i + 1]] = forward(g.coords[i], g.coords[i + 1]);
    return { layerId: l.id, role: l.role, name: l.name, geometry: { ...g, coords }, columns: read.value.table.columns };
  });
  return { dem, geographic: false, layers };
}
