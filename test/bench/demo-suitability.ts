/**
 * The demo county as the suitability worker sees it: the DEM and every layer in the DEM's CRS.
 * For benchmarks and tests that run the engine on real-sized data without a browser.
 */
import { readFileSync } from 'node:fs';
import { makeTransform } from '../../src/core/crs';
import type { Manifest } from '../../src/core/manifest';
import type { SuitabilityInputs } from '../../src/core/suitability/engine';
import type { Grid } from '../../src/core/types';
import { readFlatGeobuf } from '../../src/io/fgb';
import { readGeoTiff } from '../../src/io/geotiff';

const DEMO = 'public/data/demo';

export async function demoSuitabilityInputs(): Promise<SuitabilityInputs> {
  const manifest = JSON.parse(readFileSync(`${DEMO}/manifest.json`, 'utf8')) as Manifest;
  const bytes = readFileSync(`${DEMO}/${manifest.dem!.file}`);
  const tiff = await readGeoTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!tiff.ok) throw new Error(tiff.error.message);
  const raw = tiff.value;
  const dem: Grid<Float32Array> = { ...raw, data: raw.data instanceof Float32Array ? raw.data : Float32Array.from(raw.data), crs: manifest.dem!.crs };
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
