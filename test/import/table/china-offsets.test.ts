import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { chinaOffsetIssue, fromChinaOffset } from '../../../src/core/import/china-offsets';
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
