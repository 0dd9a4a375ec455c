/**
 * `npm run bench`: seeded, fixed-size benchmarks; prints medians and writes
 * test-artifacts/bench.json. Targets come from the issues; timings never gate `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchFgb } from './fgb.bench';
import { benchDemTiles } from './demtile.bench';
import { benchPageLoad } from './pageload.bench';
import { benchImport } from './import.bench';
import { benchExposure } from './exposure.bench';
import type { BenchResult } from './types';

const results: BenchResult[] = [];
for (const bench of [benchFgb, benchImport, benchExposure, benchDemTiles, benchPageLoad]) {
  for (const r of await bench()) {
    results.push(r);
    const value = r.value >= 1000 ? Math.round(r.value).toLocaleString('en') : r.value.toFixed(1);
    console.log(`${r.name}: ${value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
  }
}
mkdirSync('test-artifacts', { recursive: true });
writeFileSync('test-artifacts/bench.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
