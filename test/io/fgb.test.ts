import { describe, it, expect, vi, beforeAll } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { geojson as fgbGeojson } from 'flatgeobuf';
import { featureToGeoJSON, readFlatGeobuf, writeFlatGeobuf } from '../../src/io/fgb';
import type { BBox, VectorLayer } from '../../src/core/types';
import { createRng } from '../../src/core/random';

/** Seeded uniform [0, 1) numbers, so fixtures are the same on every run. */
const seededRandom = (seed: number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

function collection(features: Feature<Geometry | null>[]): FeatureCollection<Geometry | null> {
  return { type: 'FeatureCollection', features };
}

function mustRead(bytes: Uint8Array, bbox?: BBox): VectorLayer {
  const result = readFlatGeobuf(bytes, bbox ? { bbox } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Features of a read layer as GeoJSON, keyed by their `id` property (the writer reorders features). */
function byId(layer: VectorLayer): Map<string, Feature<Geometry | null>> {
  const out = new Map<string, Feature<Geometry | null>>();
  for (let i = 0; i < layer.table.length; i++) {
    const f = featureToGeoJSON(layer, i);
    out.set(String(f.properties?.id), f);
  }
  return out;
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    default: return g.geometries.flatMap(positions);
  }
}

function intersects(g: Geometry, [minX, minY, maxX, maxY]: BBox): boolean {
  const ps = positions(g);
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return Math.min(...xs) <= maxX && Math.max(...xs) >= minX && Math.min(...ys) <= maxY && Math.max(...ys) >= minY;
}

const square = (x: number, y: number, size: number): Position[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

const points: Feature[] = [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [120.1, 30.2] }, properties: { id: 'p1', name: '安居村', households: 42, share: 0.25, lowIncome: true, note: null } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [120.3, 30.1] }, properties: { id: 'p2', name: 'Shangba', households: -7, share: 1e-9, lowIncome: false, note: '滑坡隐患点 🏔️' } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [119.9, 29.8] }, properties: { id: 'p3', name: '', households: 0, share: -3.5, lowIncome: null } },
];

const lines: Feature[] = [
  { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] }, properties: { id: 'l1', class: 'county road' } },
  { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]], [[7, 7], [8, 9], [10, 9]]] }, properties: { id: 'l2', class: '乡道' } },
];

const polygons: Feature[] = [
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(0, 0, 10), [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]] }, properties: { id: 'a', risk: 'high' } },
  { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[square(20, 20, 5)], [square(30, 30, 6), [[31, 31], [31, 32], [32, 32], [32, 31], [31, 31]]]] }, properties: { id: 'b', risk: 'low' } },
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(-5, -5, 1)] }, properties: { id: 'c', risk: '中' } },
];

/** Seeded mix of points and small squares: enough features for a three-level index. */
function scatter(count: number, seed: number): Feature[] {
  const random = seededRandom(seed);
  const out: Feature[] = [];
  for (let i = 0; i < count; i++) {
    const x = 100 + random() * 1000;
    const y = 50 + random() * 800;
    out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(x, y, random() * 20)] }, properties: { id: `s${i}` } });
  }
  return out;
}

beforeAll(() => {
  // flatgeobuf.js logs every step of its index search at debug level.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

describe('writeFlatGeobuf / readFlatGeobuf round trip', () => {
  it('points keep coordinates, numbers, strings (Chinese, emoji, empty), booleans and nulls', () => {
    const layer = mustRead(writeFlatGeobuf(collection(points), { crsCode: 4490, name: 'villages' }));
    expect(layer.crs).toBe('EPSG:4490');
    expect(layer.geometry.kind).toBe('Point');
    expect(layer.geometry.geomOffsets.length).toBe(0);
    expect(layer.table.length).toBe(3);
    expect(layer.bbox).toEqual([119.9, 29.8, 120.3, 30.2]);
    const read = byId(layer);
    for (const f of points) {
      const got = read.get(String(f.properties?.id));
      expect(got?.geometry).toEqual(f.geometry);
      for (const [name, value] of Object.entries(f.properties ?? {})) expect(got?.properties?.[name]).toBe(value);
    }
    expect(read.get('p3')?.properties?.note).toBeNull();
    const types = Object.fromEntries(layer.table.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ id: 'string', name: 'string', households: 'number', share: 'number', lowIncome: 'boolean', note: 'string' });
  });

  it('lines keep single and multi parts', () => {
    const layer = mustRead(writeFlatGeobuf(collection(lines), { crsCode: 4549 }));
    expect(layer.geometry.kind).toBe('LineString');
    expect(layer.crs).toBe('EPSG:4549');
    const read = byId(layer);
    for (const f of lines) expect(read.get(String(f.properties?.id))?.geometry).toEqual(f.geometry);
  });

  it('polygons keep holes, and a layer mixing Polygon and MultiPolygon reads as one polygon layer', () => {
    const layer = mustRead(writeFlatGeobuf(collection(polygons), { crsCode: 4549 }));
    expect(layer.geometry.kind).toBe('Polygon');
    const read = byId(layer);
    for (const f of polygons) {
      const got = read.get(String(f.properties?.id));
      expect(got?.geometry).toEqual(f.geometry);
      expect(got?.properties?.risk).toBe(f.properties?.risk);
    }
  });

  it('multipoints fill geomOffsets and features without geometry stay aligned', () => {
    const fc = collection([
      { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[1, 1], [2, 2], [3, 3]] }, properties: { id: 'm' } },
      { type: 'Feature', geometry: null, properties: { id: 'none' } },
      { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[9, 9]] }, properties: { id: 'one' } },
    ]);
    const layer = mustRead(writeFlatGeobuf(fc, { crsCode: 4326 }));
    expect(layer.geometry.geomOffsets.length).toBe(4);
    const read = byId(layer);
    expect(read.get('m')?.geometry).toEqual(fc.features[0].geometry);
    expect(read.get('none')?.geometry).toBeNull();
    expect(read.get('one')?.geometry).toEqual({ type: 'Point', coordinates: [9, 9] });
  });

  it('integer columns stay integers and mixed-type columns become strings', () => {
    const fc = collection([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'x', code: 330110001001, mixed: 5 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { id: 'y', code: 2, mixed: 'five' } },
    ]);
    const read = byId(mustRead(writeFlatGeobuf(fc, { crsCode: 4326 })));
    expect(read.get('x')?.properties).toEqual({ id: 'x', code: 330110001001, mixed: '5' });
    expect(read.get('y')?.properties).toEqual({ id: 'y', code: 2, mixed: 'five' });
  });

  it('reads files written by flatgeobuf.js itself (no index), with and without bbox', () => {
    const bytes = fgbGeojson.serialize({ type: 'FeatureCollection', features: polygons }, 4549);
    const layer = mustRead(bytes);
    expect([...byId(layer).keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...byId(mustRead(bytes, [19, 19, 21, 21])).keys()]).toEqual(['b']);
  });

  it('an empty collection round-trips to an empty layer', () => {
    const layer = mustRead(writeFlatGeobuf(collection([]), { crsCode: 4490 }));
    expect(layer.table.length).toBe(0);
    expect(layer.crs).toBe('EPSG:4490');
  });
});

describe('spatial index', () => {
  const features = [...scatter(700, 7), ...polygons];
  const bytes = writeFlatGeobuf(collection(features), { crsCode: 4549 });
  const rects: BBox[] = [[300, 300, 420, 380], [0, 0, 3, 3], [-100, -100, -50, -50], [100, 50, 1120, 870], [555, 100, 556, 900], [25, 25, 25, 25]];

  for (const rect of rects) {
    const expected = features.filter((f) => f.geometry && intersects(f.geometry, rect)).map((f) => String(f.properties?.id)).sort();

    it(`flatgeobuf.js bbox read of [${rect.join(', ')}] returns exactly the intersecting features`, async () => {
      const got: string[] = [];
      const [minX, minY, maxX, maxY] = rect;
      for await (const f of fgbGeojson.deserialize(bytes, { rect: { minX, minY, maxX, maxY } })) got.push(String(f.properties?.id));
      expect(got.sort()).toEqual(expected);
    });

    it(`readFlatGeobuf bbox read of [${rect.join(', ')}] returns exactly the intersecting features`, () => {
      expect([...byId(mustRead(bytes, rect)).keys()].sort()).toEqual(expected);
    });
  }

  it('a single-feature file has a valid two-node index', async () => {
    const one = writeFlatGeobuf(collection([points[0]]), { crsCode: 4490 });
    const got: unknown[] = [];
    for await (const f of fgbGeojson.deserialize(one, { rect: { minX: 120, minY: 30, maxX: 121, maxY: 31 } })) got.push(f.properties?.id);
    expect(got).toEqual(['p1']);
  });
});

describe('readFlatGeobuf failures', () => {
  const valid = writeFlatGeobuf(collection([...points]), { crsCode: 4490 });

  it('an empty file', () => {
    const result = readFlatGeobuf(new Uint8Array(0));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('fgb.empty');
      expect(result.error.message).toMatch(/empty/);
    }
  });

  it('random bytes', () => {
    const random = seededRandom(3);
    const bytes = Uint8Array.from({ length: 256 }, () => Math.floor(random() * 256));
    const result = readFlatGeobuf(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('fgb.not-flatgeobuf');
      expect(result.error.message).toMatch(/not FlatGeobuf.*Export/);
    }
  });

  it('a valid file cut off in its header, index or features', () => {
    const headerLength = new DataView(valid.buffer).getUint32(8, true);
    for (const length of [5, 10, 12 + headerLength - 3, 12 + headerLength + 20, valid.length - 1, valid.length - 30]) {
      const result = readFlatGeobuf(valid.slice(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('fgb.truncated');
        expect(result.error.message).toMatch(/cut off.*again/);
      }
    }
  });

  it('geometry Anju cannot display', () => {
    const gc = writeFlatGeobuf(collection([{ type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }, properties: { id: 'g' } }]), { crsCode: 4326 });
    const result = readFlatGeobuf(gc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('fgb.unsupported-geometry');
      expect(result.error.message).toMatch(/GeometryCollection.*Convert/);
    }
  });
});

describe('FlatGeobuf Hilbert order', () => {
  it('keeps the feature in the last Hilbert cell (south-east corner) with an odd index', () => {
    const bytes = writeFlatGeobuf({ type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [120, 28.01] }, properties: { id: 'A' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [120.01, 28] }, properties: { id: 'B' } },
    ] }, { crsCode: 4326 });
    const result = readFlatGeobuf(bytes);
    if (!result.ok) throw new Error(result.error.message);
    const ids = result.value.table.columns.find((c) => c.name === 'id');
    expect(ids?.type === 'string' ? [...ids.values].sort() : null).toEqual(['A', 'B']);
  });
});
