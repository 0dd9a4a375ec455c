import { describe, expect, it } from 'vitest';
import { crsLabel, gaussKrugerZone, isKnownCrs, makeTransform } from '../../src/core/crs';

describe('coordinate systems', () => {
  it('knows every CGCS2000 Gauss–Krüger zone by its EPSG parameters (checked against PROJ)', () => {
    expect(gaussKrugerZone('EPSG:4549')).toMatchObject({ width: 3, centralMeridian: 120, zonePrefix: false });
    expect(gaussKrugerZone('EPSG:4528')).toMatchObject({ width: 3, zone: 40, centralMeridian: 120, zonePrefix: true });
    expect(gaussKrugerZone('EPSG:4529')).toMatchObject({ width: 3, zone: 41, centralMeridian: 123, zonePrefix: true });
    expect(gaussKrugerZone('EPSG:4491')).toMatchObject({ width: 6, zone: 13, centralMeridian: 75, zonePrefix: true });
    expect(gaussKrugerZone('EPSG:4512')).toMatchObject({ width: 6, centralMeridian: 135, zonePrefix: false });
    expect(gaussKrugerZone('EPSG:4555')).toBeNull();
    // Lishui's centre in zone 40 carries the zone number in the false easting.
    const [x, y] = makeTransform('EPSG:4326', 'EPSG:4528')(120, 28.2);
    expect(x).toBeCloseTo(40_500_000, 3);
    expect(y).toBeGreaterThan(3_100_000);
    const [x2] = makeTransform('EPSG:4326', 'EPSG:4549')(120, 28.2);
    expect(x2).toBeCloseTo(500_000, 3);
  });

  it('knows WGS 84 / UTM north zones, which SRTM derivatives often come in', () => {
    expect(isKnownCrs('EPSG:32650')).toBe(true);
    expect(crsLabel('EPSG:32650').en).toBe('WGS 84 / UTM zone 50N (EPSG:32650)');
    const [lng, lat] = makeTransform('EPSG:32650', 'EPSG:4326')(500_000, 3_000_000);
    expect(lng).toBeCloseTo(117, 6);
    expect(lat).toBeGreaterThan(27);
    expect(isKnownCrs('EPSG:2385')).toBe(false);
  });
});
