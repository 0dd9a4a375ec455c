import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../src/core/crs';
import { cellAt, slopeDegrees } from '../../src/core/raster';
import { generateCounty, type County } from '../../data/generator/county';
import { MIN_STEEP_HAZARD_SLOPE_DEG } from '../../data/generator/hazards';
import { MAX_VILLAGE_SLOPE_DEG, waterMask } from '../../data/generator/villages';
import { pointInPolygon } from '../../data/generator/geometry';

// A small county (DEM 14 × 12 km) keeps the test fast; the algorithms are the same.
const SMALL = { demWidth: 467, demHeight: 400, evolutionSteps: 60 };

let cached: County | null = null;
function small(): County {
  cached ??= generateCounty({ ...SMALL, seed: 20261122 });
  return cached;
}

const toGk = makeTransform('EPSG:4490', 'EPSG:4549');

describe('generateCounty (small)', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const a = small();
    const b = generateCounty({ ...SMALL, seed: 20261122 });
    expect(Buffer.from(b.dem.data.buffer).equals(Buffer.from(a.dem.data.buffer))).toBe(true);
    expect(JSON.stringify(b.layers)).toBe(JSON.stringify(a.layers));
    expect(JSON.stringify(b.manifest)).toBe(JSON.stringify(a.manifest));
    const c = generateCounty({ ...SMALL, seed: 7 });
    expect(Buffer.from(c.dem.data.buffer).equals(Buffer.from(a.dem.data.buffer))).toBe(false);
    expect(JSON.stringify(c.layers)).not.toBe(JSON.stringify(a.layers));
  });

  it('has rivers that never rise downstream on the Int16 DEM', () => {
    const { dem, layers } = small();
    const rivers = layers.find((l) => l.id === 'rivers')!.collection.features;
    expect(rivers.length).toBeGreaterThan(3);
    expect(rivers.some((f) => f.properties?.main === true)).toBe(true);
    for (const f of rivers) {
      if (f.geometry.type !== 'LineString') throw new Error('river is not a LineString');
      let prev = Infinity;
      for (const [lng, lat] of f.geometry.coordinates) {
        const [x, y] = toGk(lng, lat);
        const cell = cellAt(dem, x, y);
        expect(cell).toBeGreaterThanOrEqual(0);
        const z = dem.data[cell];
        expect(z).not.toBe(dem.nodata);
        expect(z).toBeLessThanOrEqual(prev);
        prev = z;
      }
    }
  });

  it('keeps villages off water and cliffs, inside their township, with valid unique codes', () => {
    const county = small();
    const { dem, villages, world } = county;
    expect(villages.length).toBeGreaterThan(10);
    const slope = slopeDegrees(dem.data, dem.width, dem.height, world.frame.cellSizeMeters, dem.nodata);
    const wet = waterMask(world);
    const ids = new Set<string>();
    const namesByTownship = new Map<string, Set<string>>();
    for (const v of villages) {
      expect(wet[v.cell]).toBe(0);
      expect(slope[v.cell]).toBeLessThanOrEqual(MAX_VILLAGE_SLOPE_DEG);
      expect(v.adminCode).toMatch(/^331199\d{6}$/);
      expect(v.townshipCode).toMatch(/^331199\d{3}$/);
      expect(v.adminCode.startsWith(v.townshipCode)).toBe(true);
      expect(v.id).toMatch(new RegExp(`^${v.adminCode}-\\d{2}$`));
      expect(ids.has(v.id)).toBe(false);
      ids.add(v.id);
      expect(v.population).toBeGreaterThanOrEqual(20);
      expect(v.population).toBeLessThanOrEqual(800);
      expect(v.lowIncomePersons).toBeLessThanOrEqual(v.population);
      expect(v.houseGradeC + v.houseGradeD).toBeLessThanOrEqual(v.households);
      const t = world.townships[v.townshipIndex];
      expect(t.code).toBe(v.townshipCode);
      expect(t.polygons.some((p) => pointInPolygon(p, v.x, v.y))).toBe(true);
      const names = namesByTownship.get(v.townshipCode) ?? new Set<string>();
      expect(names.has(v.name)).toBe(false);
      names.add(v.name);
      namesByTownship.set(v.townshipCode, names);
    }
  });

  it('puts landslides, collapses and debris flows on steep ground', () => {
    const { dem, hazardPoints, world } = small();
    const slope = slopeDegrees(dem.data, dem.width, dem.height, world.frame.cellSizeMeters, dem.nodata);
    expect(hazardPoints.length).toBeGreaterThan(3);
    for (const h of hazardPoints) if (h.type !== 'subsidence') expect(slope[h.cell]).toBeGreaterThanOrEqual(MIN_STEEP_HAZARD_SLOPE_DEG);
  });

  it('lists every layer in the manifest with its feature count', () => {
    const { manifest, layers } = small();
    expect(manifest.synthetic).toBe(true);
    expect(manifest.layers.map((l) => l.id).sort()).toEqual(layers.map((l) => l.id).sort());
    for (const l of manifest.layers) expect(l.featureCount).toBe(layers.find((x) => x.id === l.id)!.collection.features.length);
  });
});
