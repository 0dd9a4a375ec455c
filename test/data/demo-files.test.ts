import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/manifest';

const DIR = join(__dirname, '../../public/data/demo');
const HINT = 'public/data/demo is missing or incomplete: run `npm run data:demo` and commit the result';

function manifest(): Manifest {
  const file = join(DIR, 'manifest.json');
  if (!existsSync(file)) throw new Error(HINT);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

describe('committed demo data', () => {
  it('has a manifest, a DEM and every listed file', () => {
    const m = manifest();
    expect(m.synthetic).toBe(true);
    expect(m.name.en).toContain('synthetic');
    expect(existsSync(join(DIR, m.dem!.file)), HINT).toBe(true);
    for (const l of m.layers) expect(existsSync(join(DIR, l.file)), `${l.file}: ${HINT}`).toBe(true);
  });

  it('has counts in the target ranges and stays under 15 MB', () => {
    const m = manifest();
    const count = (id: string): number => m.layers.find((l) => l.id === id)?.featureCount ?? -1;
    expect(count('villages')).toBeGreaterThanOrEqual(600);
    expect(count('villages')).toBeLessThanOrEqual(900);
    expect(count('hazard_points')).toBeGreaterThanOrEqual(200);
    expect(count('hazard_points')).toBeLessThanOrEqual(300);
    expect(count('townships')).toBeGreaterThanOrEqual(10);
    expect(count('townships')).toBeLessThanOrEqual(14);
    expect(count('settlements')).toBeGreaterThanOrEqual(20);
    expect(count('county')).toBe(1);
    for (const id of ['roads', 'rivers', 'hazard_zones', 'schools', 'clinics', 'farmland', 'eco_redline', 'water_source', 'public_forest']) expect(count(id), id).toBeGreaterThan(0);
    expect(count('industrial_parks')).toBe(2);
    expect(m.dem!.minElevationM).toBeGreaterThanOrEqual(50);
    expect(m.dem!.maxElevationM).toBeLessThanOrEqual(2000);
    const total = readdirSync(DIR).reduce((s, f) => s + statSync(join(DIR, f)).size, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024 * 1024);
  });
});
