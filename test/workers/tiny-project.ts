/** A tiny project folder and a data API over it, for the data worker's tests. */
import { createDataApi } from '../../workers/data.api';
import { memoryStorage } from '../../src/io/project-storage';
import { writeFlatGeobuf } from '../../src/io/fgb';
import { writeGeoTiff } from '../../src/io/geotiff';
import type { Manifest } from '../../src/core/manifest';
import type { Grid } from '../../src/core/types';

/** A tiny project: a 60×50 DEM cone in EPSG:4549, three villages, one road. */
export function tinyProject(): Map<string, ArrayBuffer> {
  const width = 60;
  const height = 50;
  const data = new Int16Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) data[r * width + c] = c < 2 ? -32768 : Math.round(900 - 8 * Math.hypot(c - 30, r - 25));
  }
  const dem: Grid<Int16Array> = { width, height, data, transform: [440000, 30, 0, 3101500, 0, -30], crs: 'EPSG:4549', nodata: -32768 };
  const villages = writeFlatGeobuf(
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'v1', name: '上坑', population: 120, households: 40, lowIncomeHouseholds: 20 }, geometry: { type: 'Point', coordinates: [119.395, 28.005] } },
        { type: 'Feature', properties: { id: 'v2', name: '下源', population: 560, households: 160, lowIncomeHouseholds: 8 }, geometry: { type: 'Point', coordinates: [119.396, 28.006] } },
        { type: 'Feature', properties: { id: 'v3', name: '大坞', population: 300, households: 100, lowIncomeHouseholds: 0 }, geometry: { type: 'Point', coordinates: [119.397, 28.004] } },
      ],
    },
    { crsCode: 4490 },
  );
  const roads = writeFlatGeobuf(
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'r1', class: 'county' }, geometry: { type: 'LineString', coordinates: [[119.394, 28.004], [119.398, 28.007]] } }],
    },
    { crsCode: 4490 },
  );
  const hazards = writeFlatGeobuf(
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'h1', type: 'landslide', riskLevel: 'high', villageId: 'v2' }, geometry: { type: 'Point', coordinates: [119.396, 28.007] } }],
    },
    { crsCode: 4490 },
  );
  const county = writeFlatGeobuf(
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '测试县' }, geometry: { type: 'Polygon', coordinates: [[[119.39, 28.0], [119.41, 28.0], [119.41, 28.02], [119.39, 28.0]]] } }],
    },
    { crsCode: 4490 },
  );
  const manifest: Manifest = {
    id: 'tiny',
    name: { zh: '测试', en: 'test' },
    synthetic: true,
    seed: 1,
    vectorCrs: 'EPSG:4490',
    bboxLngLat: [119.39, 28.0, 119.41, 28.02],
    dem: { file: 'dem.tif', crs: 'EPSG:4549', cellSizeMeters: 30, width, height, minElevationM: 0, maxElevationM: 900 },
    layers: [
      { id: 'villages', file: 'villages.fgb', role: 'villages', geometry: 'Point', name: { zh: '自然村', en: 'Villages' }, source: { zh: '测试', en: 'test' }, featureCount: 3 },
      { id: 'roads', file: 'roads.fgb', role: 'roads', geometry: 'LineString', name: { zh: '道路', en: 'Roads' }, source: { zh: '测试', en: 'test' }, featureCount: 1 },
      { id: 'hazards', file: 'hazards.fgb', role: 'hazards', geometry: 'Point', name: { zh: '隐患点', en: 'Hazards' }, source: { zh: '测试', en: 'test' }, featureCount: 1 },
      { id: 'county', file: 'county.fgb', role: 'boundary', geometry: 'Polygon', name: { zh: '县界', en: 'County' }, source: { zh: '测试', en: 'test' }, featureCount: 1 },
    ],
    attribution: { zh: '测试', en: 'test' },
  };
  const files = new Map<string, ArrayBuffer>();
  files.set('p/manifest.json', new TextEncoder().encode(JSON.stringify(manifest)).buffer as ArrayBuffer);
  files.set('p/dem.tif', writeGeoTiff(dem, { epsg: 4549 }));
  files.set('p/villages.fgb', villages.slice().buffer as ArrayBuffer);
  files.set('p/roads.fgb', roads.slice().buffer as ArrayBuffer);
  files.set('p/county.fgb', county.slice().buffer as ArrayBuffer);
  files.set('p/hazards.fgb', hazards.slice().buffer as ArrayBuffer);
  return files;
}

/** The data API reading `files` as its fetches (404 otherwise), with `storage` for projects. */
export function apiOver(files: Map<string, ArrayBuffer>, storage = memoryStorage()) {
  return createDataApi({
    fetchBytes: async (url) => {
      const f = files.get(url);
      if (!f) throw new Error('HTTP 404');
      return f;
    },
    toTileImage: async (rgba) => rgba.slice().buffer as ArrayBuffer,
    storage,
  });
}
