/**
 * `npm run bench`: seeded, fixed-size benchmarks; prints medians and writes
 * test-artifacts/bench.json. Targets come from the issues; timings never gate `npm test`.
 *
 * Each group runs in its own Node process (`tsx test/bench/run.ts <group>`), so one group's
 * heap (the import group leaves hundreds of MB behind) does not slow the next one's
 * allocations and collections.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchFgb } from './fgb.bench';
import { benchDemTiles } from './demtile.bench';
import { benchMosaic } from './mosaic.bench';
import { benchPageLoad } from './pageload.bench';
import { benchImport } from './import.bench';
import { benchExposure } from './exposure.bench';
import { benchTerrain } from './terrain.bench';
import { benchDistance } from './distance.bench';
import { benchCostDistance } from './costdistance.bench';
import { benchSuitability } from './suitability.bench';
import { benchRelocation } from './relocation.bench';
import { benchReproducible } from './reproducible.bench';
import type { BenchResult } from './types';

const GROUPS: Record<string, () => Promise<BenchResult[]>> = {
  fgb: benchFgb,
  import: benchImport,
  exposure: benchExposure,
  terrain: benchTerrain,
  distance: benchDistance,
  costdistance: benchCostDistance,
  suitability: benchSuitability,
  relocation: benchRelocation,
  reproducible: benchReproducible,
  demtile: benchDemTiles,
  mosaic: benchMosaic,
  pageload: benchPageLoad,
};

const only = process.argv[2];
if (only) {
  // A child: run one group and hand its results to the parent on stdout.
  const group = GROUPS[only];
  if (!group) throw new Error(`Unknown benchmark group "${only}"; known: ${Object.keys(GROUPS).join(', ')}.`);
  process.stdout.write(`\n@@results ${JSON.stringify(await group())}\n`);
} else {
  const results: BenchResult[] = [];
  for (const name of Object.keys(GROUPS)) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
    const line = out.split('\n').find((l) => l.startsWith('@@results '));
    if (!line) throw new Error(`Benchmark group "${name}" printed no results.`);
    for (const r of JSON.parse(line.slice('@@results '.length)) as BenchResult[]) {
      results.push(r);
      const value = r.value >= 1000 ? Math.round(r.value).toLocaleString('en') : r.value.toFixed(1);
      console.log(`${r.name}: ${value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
    }
  }
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/bench.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
}
