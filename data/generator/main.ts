/**
 * `npm run data:demo` — generates the synthetic demo county into public/data/demo/.
 * Options: --out DIR, --seed N, --scale K (K× villages, hazards …), --dem-size N (an N×N DEM,
 * for benchmarks; write those to .bench-data/).
 */
import { generateCounty } from './county';
import { DEFAULT_SEED } from './options';
import { writeCounty } from './write';

function parseArgs(argv: string[]): { out: string; seed: number; scale: number; demSize?: number } {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [key, inline] = a.slice(2).split('=');
    args[key] = inline ?? argv[++i];
  }
  const num = (key: string): number | undefined => {
    if (args[key] === undefined) return undefined;
    const v = Number(args[key]);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${key} needs a positive number, got "${args[key]}"`);
    return v;
  };
  return { out: args.out ?? 'public/data/demo', seed: num('seed') ?? DEFAULT_SEED, scale: num('scale') ?? 1, demSize: num('dem-size') };
}

const opts = parseArgs(process.argv.slice(2));
const started = performance.now();
const county = generateCounty({ seed: opts.seed, scale: opts.scale, demSize: opts.demSize });
const generatedMs = performance.now() - started;
const sizes = writeCounty(county, opts.out);
const total = Object.values(sizes).reduce((s, v) => s + v, 0);
for (const layer of county.manifest.layers) console.log(`${layer.id.padEnd(18)} ${String(layer.featureCount).padStart(6)} features  ${(sizes[layer.file] / 1024).toFixed(0).padStart(6)} KiB`);
console.log(`dem.tif            ${county.dem.width}×${county.dem.height}  ${county.manifest.dem?.minElevationM}–${county.manifest.dem?.maxElevationM} m  ${(sizes['dem.tif'] / 1024).toFixed(0)} KiB`);
console.log(`total ${(total / 1048576).toFixed(2)} MiB in ${opts.out}; generated in ${(generatedMs / 1000).toFixed(1)} s, written in ${((performance.now() - started - generatedMs) / 1000).toFixed(1)} s`);
