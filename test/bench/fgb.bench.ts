/**
 * FlatGeobuf read throughput: 100k seeded random points with 12 properties (6 doubles,
 * 2 integers, 2 strings of which one Chinese, 2 booleans), written once with
 * writeFlatGeobuf, then read once untimed and 5 times timed with readFlatGeobuf; reports the
 * median.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { readFlatGeobuf, writeFlatGeobuf } from '../../src/io/fgb';
import { createRng } from '../../src/core/random';

/** Seeded uniform [0, 1) numbers, so fixtures are the same on every run. */
const seededRandom = (seed: number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

const FEATURES = 100_000;
const RUNS = 5;
const TOWNSHIPS = ['城关镇', '石门乡', '白沙镇', '青龙乡', '柳林镇', '高坪乡'];

function randomPoints(count: number, seed: number): FeatureCollection {
  const random = seededRandom(seed);
  const features: Feature[] = [];
  for (let i = 0; i < count; i++) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [400_000 + random() * 100_000, 3_300_000 + random() * 80_000] },
      properties: {
        id: `V${String(i).padStart(6, '0')}`,
        township: TOWNSHIPS[Math.floor(random() * TOWNSHIPS.length)],
        population: Math.floor(random() * 2000),
        households: Math.floor(random() * 600),
        elevationM: 300 + random() * 1500,
        slopeDeg: random() * 45,
        travelMinutes: random() * 240,
        incomeYuan: 3000 + random() * 20000,
        hazardDistanceM: random() * 5000,
        costYuan: random() * 1e6,
        lowIncome: random() < 0.2,
        mustMove: random() < 0.1,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Median read throughput of readFlatGeobuf in features per second. */
export async function benchFgb(): Promise<{ name: string; value: number; unit: string; target?: string }[]> {
  const bytes = writeFlatGeobuf(randomPoints(FEATURES, 42), { crsCode: 4549 });
  // One untimed read first, so the timed runs measure optimised code rather than the JIT warming up.
  readFlatGeobuf(bytes);
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = readFlatGeobuf(bytes);
    const seconds = (performance.now() - start) / 1000;
    if (!result.ok || result.value.table.length !== FEATURES) throw new Error(`fgb bench read failed: ${result.ok ? 'wrong count' : result.error.message}`);
    rates.push(FEATURES / seconds);
  }
  rates.sort((a, b) => a - b);
  return [{ name: 'readFlatGeobuf 100k points × 12 properties', value: Math.round(rates[RUNS >> 1]), unit: 'features/s', target: '≥ 1,000,000 features/s' }];
}
