import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { chinaOffsetIssue, detectChinaOffset, fromChinaOffset, type KnownPlace } from '../../../src/core/import/china-offsets';
import { makeTransform } from '../../../src/core/crs';
import type { Column } from '../../../src/core/types';
import { demoSourceInputs } from '../../bench/demo-suitability';
import { pointsFromColumns } from '../../../src/core/import/coordinates';
import { describeIssue } from '../../../src/core/import/describe-issue';
import { readCsv } from '../../../src/io/table';

/** The WGS84 positions make.sh turned into GCJ-02 for villages_gcj02.csv. */
const VILLAGES_WGS84 = [119.9012, 28.2034, 119.8765, 28.1876, 119.9321, 28.221, 119.915, 28.1702, 119.889, 28.2345];

function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

describe('fromChinaOffset', () => {
  it('brings villages_gcj02.csv back onto the WGS84 positions within 1 m', () => {
    const outcome = readCsv({ name: 'villages_gcj02.csv', bytes: new Uint8Array(readFileSync(new URL('../../fixtures/import/table/villages_gcj02.csv', import.meta.url))) });
    if (!outcome.ok) throw new Error(outcome.issue.code);
    const gcj = pointsFromColumns(outcome.source.table, '经度', '纬度').geometry.coords;
    const wgs = fromChinaOffset(gcj, 'gcj02');
    for (let i = 0; i < 5; i++) {
      const error = haversineMeters(wgs[2 * i], wgs[2 * i + 1], VILLAGES_WGS84[2 * i], VILLAGES_WGS84[2 * i + 1]);
      expect(error).toBeLessThan(1);
      // The offset Gaode adds around Lishui: about half a kilometre.
      const offset = haversineMeters(gcj[2 * i], gcj[2 * i + 1], VILLAGES_WGS84[2 * i], VILLAGES_WGS84[2 * i + 1]);
      expect(offset).toBeGreaterThan(500);
      expect(offset).toBeLessThan(650);
    }
    expect(Math.round(haversineMeters(gcj[0], gcj[1], VILLAGES_WGS84[0], VILLAGES_WGS84[1]))).toBe(577);
  });

  it('inverts gcoord’s forward GCJ-02 and BD-09 to within 1 m, and leaves the input alone', () => {
    const lngLat: [number, number] = [119.9226, 28.4677]; // Lishui city centre
    for (const [system, crs] of [['gcj02', gcoord.GCJ02], ['bd09', gcoord.BD09]] as const) {
      const forward = gcoord.transform([...lngLat], gcoord.WGS84, crs) as [number, number];
      const input = Float64Array.from(forward);
      const back = fromChinaOffset(input, system);
      expect(haversineMeters(back[0], back[1], lngLat[0], lngLat[1])).toBeLessThan(1);
      expect(Array.from(input)).toEqual(forward);
    }
  });

  it('keeps NaN rows, and GCJ-02 points outside China, as they are', () => {
    expect(Array.from(fromChinaOffset(Float64Array.from([NaN, NaN, 2.35, 48.85, 119.9, NaN]), 'gcj02'))).toEqual([NaN, NaN, 2.35, 48.85, 119.9, NaN]);
    expect(Array.from(fromChinaOffset(Float64Array.from([NaN, 28.2]), 'bd09'))).toEqual([NaN, 28.2]);
  });

  it('words the conversion for the import summary', () => {
    const issue = chinaOffsetIssue('gcj02', 5, 'villages_gcj02.csv');
    expect(issue).toEqual({ code: 'crs.china-offset', severity: 'info', file: 'villages_gcj02.csv', params: { system: 'gcj02', count: 5 } });
    expect(describeIssue(issue, 'en')).toBe('villages_gcj02.csv: The coordinates of 5 points were converted from GCJ-02 (Gaode, Tencent) to WGS 84; they moved by a few hundred metres.');
    expect(describeIssue(chinaOffsetIssue('bd09', 2), 'zh')).toBe('已将 2 个点的坐标由 BD-09（百度）转换为 WGS 84，位置移动了几百米。');
  });
});

describe('detectChinaOffset', () => {
  /** The demo county's villages (WGS84) as the project knows them, and the same points as a layer would hold them. */
  async function demoVillages() {
    const { layers } = await demoSourceInputs();
    const villages = layers.find((l) => l.role === 'villages')!;
    const toLngLat = makeTransform(villages.crs, 'EPSG:4326');
    const names = (villages.columns.find((c) => c.name === 'name') as Extract<Column, { type: 'string' }>).values;
    const known: KnownPlace[] = [];
    for (let i = 0; i < names.length; i++) {
      const [lng, lat] = toLngLat(villages.geometry.coords[2 * i], villages.geometry.coords[2 * i + 1]);
      known.push({ name: names[i], lng, lat });
    }
    return known;
  }
  const shifted = (places: KnownPlace[], to: 'GCJ02' | 'BD09') => Float64Array.from(places.flatMap((p) => gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord[to]) as [number, number]));

  it('flags a village list copied from Gaode or Baidu, by name or by position, and says how far off it was', async () => {
    const known = await demoVillages();
    const sample = known.filter((_, i) => i % 20 === 0);
    const gcj = detectChinaOffset(shifted(sample, 'GCJ02'), sample.map((p) => p.name), known);
    expect(gcj?.system).toBe('gcj02');
    expect(gcj!.matched).toBe(sample.length);
    expect(gcj!.beforeM).toBeGreaterThan(400);
    expect(gcj!.afterM).toBeLessThan(1);
    expect(detectChinaOffset(shifted(sample, 'BD09'), sample.map((p) => p.name), known)?.system).toBe('bd09');
    // No names: paired with the nearest village (within 2 km).
    expect(detectChinaOffset(shifted(sample, 'GCJ02'), sample.map(() => null), known)?.system).toBe('gcj02');
  });

  it('flags none of the demo county own layers, nor WGS84 points, nor points far from every village', async () => {
    const known = await demoVillages();
    const { layers } = await demoSourceInputs();
    for (const layer of layers.filter((l) => l.geometry.kind === 'Point')) {
      const toLngLat = makeTransform(layer.crs, 'EPSG:4326');
      const coords = Float64Array.from({ length: layer.geometry.coords.length }, () => 0);
      for (let i = 0; i < coords.length; i += 2) [coords[i], coords[i + 1]] = toLngLat(layer.geometry.coords[i], layer.geometry.coords[i + 1]);
      const nameColumn = layer.columns.find((c) => c.name === 'name');
      const names = Array.from({ length: coords.length / 2 }, (_, i) => (nameColumn?.type === 'string' ? nameColumn.values[i] : null));
      expect(detectChinaOffset(coords, names, known), layer.layerId).toBeNull();
    }
    // Far away (Hangzhou): no pairs, no verdict.
    expect(detectChinaOffset(Float64Array.of(120.15, 30.28, 120.16, 30.29, 120.17, 30.3), [null, null, null], known)).toBeNull();
  });
});
