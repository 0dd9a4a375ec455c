/**
 * Import throughput (issue 3 targets): file bytes → ParsedSource, as the io worker does it.
 * (a) 100k village points as GeoJSON (~50 MB, 16 properties, Chinese names) → ≤ 2 s;
 * (b) the same villages as indexed FlatGeobuf → ≤ 0.5 s;
 * (c) a 4,000 × 4,000 Float32 deflate GeoTIFF DEM → ≤ 3 s.
 * Inputs are seeded; the GeoTIFF is written once into .bench-data/ (git-ignored) because
 * compressing 64 MB takes longer than reading it. Each figure is the median of 5 timed runs
 * after one untimed run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { createRng } from '../../src/core/random';
import type { Grid } from '../../src/core/types';
import { writeFlatGeobuf } from '../../src/io/fgb';
import { writeGeoTiff } from '../../src/io/geotiff';
import { readDemGeoTiff } from '../../src/io/import-raster';
import { readFlatGeobufSource, readGeoJsonSource } from '../../src/io/import-vector';
import type { BenchResult } from './types';

const FEATURES = 100_000;
const RUNS = 5;
const DEM_SIDE = 4000;
const DEM_FILE = '.bench-data/import-dem-4000-float32-deflate.tif';

const TOWNSHIPS = ['红星街道', '鹤溪街道', '渤海镇', '东坑镇', '英川镇', '沙湾镇', '大均乡', '梧桐乡', '家地乡', '景南乡', '大地乡', '标溪乡'];
const SYLLABLES = ['大', '小', '上', '下', '东', '西', '石', '坑', '坪', '岭', '源', '溪', '垟', '洋', '桥', '头', '口', '山', '竹', '梧', '桐', '岙', '后', '前', '新', '塘'];
const NOTES = ['地处山区，交通不便，部分农户位于地质灾害隐患点附近', '整村搬迁意愿较强，已纳入县级搬迁计划', '村内有来料加工点，青壮年多外出务工', '村道已硬化，自来水入户，距中心镇较远', ''];

function villages(count: number, seed: number): FeatureCollection<Point> {
  const rng = createRng(seed);
  const features: Feature<Point>[] = [];
  for (let i = 0; i < count; i++) {
    const township = rng.int(0, TOWNSHIPS.length);
    const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${rng.chance(0.6) ? '村' : ''}`;
    const population = rng.int(20, 2400);
    const households = Math.max(1, Math.round(population / rng.range(2.6, 3.6)));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.4 + rng.next() * 0.5, 27.7 + rng.next() * 0.4] },
      properties: {
        村名: name,
        行政代码: `331127${String(101 + township).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`,
        乡镇: TOWNSHIPS[township],
        县: '景宁畲族自治县',
        户籍人口: population,
        常住人口: Math.round(population * rng.range(0.4, 0.9)),
        户数: households,
        低收入户: rng.int(0, Math.ceil(households * 0.3)),
        低收入人口: rng.int(0, Math.ceil(population * 0.25)),
        危房户数: rng.int(0, 12),
        海拔: Math.round(rng.range(120, 1600) * 10) / 10,
        坡度: Math.round(rng.range(0, 45) * 100) / 100,
        距县城里程: Math.round(rng.range(2, 80) * 10) / 10,
        重点村: rng.chance(0.3),
        搬迁意愿: rng.pick(['整体搬迁', '部分搬迁', '暂不搬迁']),
        备注: rng.pick(NOTES),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A seeded 4,000² DEM of ridges and valleys in Gauss–Krüger CM 120°E (30 m cells), 0.5% voids. */
function demGrid(): Grid<Float32Array> {
  const rng = createRng(7);
  const data = new Float32Array(DEM_SIDE * DEM_SIDE);
  for (let r = 0; r < DEM_SIDE; r++) {
    for (let c = 0; c < DEM_SIDE; c++) {
      const ridge = 420 * Math.sin(c / 173 + Math.sin(r / 311)) * Math.cos(r / 229) + 160 * Math.sin((c + r) / 61);
      data[r * DEM_SIDE + c] = 700 + ridge + rng.range(-0.5, 0.5);
    }
  }
  for (let k = 0; k < data.length / 200; k++) data[rng.int(0, data.length)] = -9999;
  return { width: DEM_SIDE, height: DEM_SIDE, data, transform: [440_000, 30, 0, 3_160_000, 0, -30], crs: 'EPSG:4549', nodata: -9999 };
}

/** Median and all runs (ms) of `run`, after one untimed run. */
async function time(run: () => unknown): Promise<{ median: number; runs: number[] }> {
  await run();
  const runs: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    await run();
    runs.push(performance.now() - start);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[RUNS >> 1], runs };
}

function demBytes(): Uint8Array {
  if (!existsSync(DEM_FILE)) {
    mkdirSync('.bench-data', { recursive: true });
    writeFileSync(DEM_FILE, new Uint8Array(writeGeoTiff(demGrid(), { epsg: 4549, compression: 'deflate' })));
  }
  return new Uint8Array(readFileSync(DEM_FILE));
}

/** Median seconds of GeoJSON, FlatGeobuf and GeoTIFF DEM import. */
export async function benchImport(): Promise<BenchResult[]> {
  const fc = villages(FEATURES, 42);
  const geojson = { name: 'villages.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) };
  const fgb = { name: 'villages.fgb', bytes: writeFlatGeobuf(fc, { crsCode: 4490 }) };
  const dem = { name: 'dem.tif', bytes: demBytes() };
  const megabytes = (n: number) => (n / 1e6).toFixed(0);

  const g = await time(() => {
    const r = readGeoJsonSource(geojson);
    if (!r.ok || r.source.table.length !== FEATURES) throw new Error('GeoJSON bench read failed');
  });
  const f = await time(() => {
    const r = readFlatGeobufSource(fgb);
    if (!r.ok || r.source.table.length !== FEATURES) throw new Error('FlatGeobuf bench read failed');
  });
  const d = await time(async () => {
    const r = await readDemGeoTiff(dem);
    if (!r.ok || r.source.grid.data.length !== DEM_SIDE * DEM_SIDE) throw new Error('GeoTIFF bench read failed');
  });
  return [
    { name: `readGeoJsonSource 100k villages × 16 properties (${megabytes(geojson.bytes.length)} MB)`, value: g.median, unit: 'ms', target: '≤ 2,000 ms', runs: g.runs },
    { name: `readFlatGeobufSource 100k villages × 16 properties (${megabytes(fgb.bytes.length)} MB)`, value: f.median, unit: 'ms', target: '≤ 500 ms', runs: f.runs },
    { name: `readDemGeoTiff 4,000² Float32 deflate (${megabytes(dem.bytes.length)} MB)`, value: d.median, unit: 'ms', target: '≤ 3,000 ms', runs: d.runs },
  ];
}
