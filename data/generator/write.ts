import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFlatGeobuf } from '../../src/io/fgb';
import { writeGeoTiff } from '../../src/io/geotiff';
import type { County } from './county';

/** Writes a generated county: `<id>.fgb` per vector layer (EPSG:4490), `dem.tif`, `manifest.json`. Returns bytes per file. */
export function writeCounty(county: County, outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const layer of county.layers) {
    const bytes = writeFlatGeobuf(layer.collection, { crsCode: 4490, name: layer.id, description: `${layer.name.en} — ${county.manifest.attribution.en}` });
    writeFileSync(join(outDir, `${layer.id}.fgb`), bytes);
    sizes[`${layer.id}.fgb`] = bytes.byteLength;
  }
  const tiff = new Uint8Array(writeGeoTiff(county.dem, { epsg: 4549 }));
  writeFileSync(join(outDir, 'dem.tif'), tiff);
  sizes['dem.tif'] = tiff.byteLength;
  const manifest = `${JSON.stringify(county.manifest, null, 2)}\n`;
  writeFileSync(join(outDir, 'manifest.json'), manifest);
  sizes['manifest.json'] = Buffer.byteLength(manifest);
  return sizes;
}
