import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { defaultExposureParams, runExposureAnalysis, type ExposureInputs, type SourceLayer } from '../../../src/core/exposure/analysis';
import { diffSnapshots, registerEntries, reviewOf, snapshotOf, summarize, type RegisterState } from '../../../src/core/exposure/register';
import { registerSheet } from '../../../src/core/exposure/register-table';
import { registerCsv } from '../../../src/io/register-export';
import { hazardIssueText } from '../../../src/core/exposure/labels';
import type { Column, ColumnarGeometry } from '../../../src/core/types';

/** Metres to degrees near 28°N (enough for fixtures; the analysis measures on the ellipsoid). */
const LAT0 = 28.2, LNG0 = 119.6;
const DEG_LAT = 1 / 110_800;
const DEG_LNG = 1 / (111_320 * Math.cos((LAT0 * Math.PI) / 180));
const at = (xm: number, ym: number): [number, number] => [LNG0 + xm * DEG_LNG, LAT0 + ym * DEG_LAT];

const none = new Uint32Array(0);
function points(list: [number, number][]): ColumnarGeometry {
  return { kind: 'Point', coords: Float64Array.from(list.flatMap(([x, y]) => at(x, y))), geomOffsets: none, partOffsets: none, ringOffsets: none };
}
/** One simple polygon per feature from rectangles [x0, y0, x1, y1] in metres. */
function rectangles(list: [number, number, number, number][]): ColumnarGeometry {
  const coords: number[] = [];
  const geomOffsets = [0], partOffsets = [0], ringOffsets = [0];
  for (const [x0, y0, x1, y1] of list) {
    for (const [x, y] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]] as [number, number][]) coords.push(...at(x, y));
    ringOffsets.push(coords.length / 2);
    partOffsets.push(ringOffsets.length - 1);
    geomOffsets.push(partOffsets.length - 1);
  }
  return { kind: 'Polygon', coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geomOffsets), partOffsets: Uint32Array.from(partOffsets), ringOffsets: Uint32Array.from(ringOffsets) };
}
const str = (name: string, values: (string | null)[]): Column => ({ name, type: 'string', values });
const nums = (name: string, values: number[]): Column => ({ name, type: 'number', values: Float64Array.from(values) });
function layer(layerId: string, role: SourceLayer['role'], geometry: ColumnarGeometry, columns: Column[]): SourceLayer {
  return { layerId, role, name: { zh: layerId, en: layerId }, source: { zh: '测试', en: 'test' }, crs: 'EPSG:4490', geometry, columns };
}

/**
 * Two townships side by side (west: x < 1000, east: x ≥ 1000). A landslide zone (high) crosses
 * the boundary; a debris-flow point (medium) has a 150 m threat radius.
 */
function fixture(): ExposureInputs {
  const townships = layer('townships', 'boundary', rectangles([[0, 0, 1000, 1000], [1000, 0, 2000, 1000]]), [str('name', ['西乡', '东镇'])]);
  const zones = layer('zones', 'hazards', rectangles([[800, 400, 1200, 600]]), [str('id', ['Z1']), str('type', ['landslide']), str('riskLevel', ['high'])]);
  const pointsLayer = layer('pts', 'hazards', points([[300, 300]]), [str('id', ['P1']), str('type', ['debris_flow']), str('riskLevel', ['medium']), nums('threatRadiusM', [150]), nums('surveyYear', [2024])]);
  const villages = layer(
    'villages',
    'villages',
    // V1 inside the zone (west part), V2 inside (east part), V3 150 m north of the zone (near: landslide high = 200 m),
    // V4 100 m from P1 (near), V5 far (clear), V6 without a township attribute (located in 东镇).
    points([[900, 500], [1100, 500], [1000, 750], [300, 400], [1800, 100], [1900, 900]]),
    [str('id', ['V1', 'V2', 'V3', 'V4', 'V5', 'V6']), str('name', ['一村', '二村', '三村', '四村', '五村', '六村']), str('township', ['西乡', '东镇', '东镇', '西乡', '东镇', null]), nums('population', [100, 200, 50, 80, 300, 10]), nums('households', [30, 60, 15, 25, 90, 3])],
  );
  const households = layer('hh', 'households', points([[300, 400], [1800, 100]]), [str('id', ['H1', 'H2']), str('villageId', ['V4', 'V5']), nums('persons', [4, 3])]);
  const settlements = layer('st', 'settlements', points([[1150, 450], [1500, 100]]), [str('id', ['S1', 'S2']), str('name', ['安置一', '安置二'])]);
  return { hazards: [zones, pointsLayer], exposed: [villages, households, settlements], townships };
}

describe('exposure analysis', () => {
  const run = runExposureAnalysis(fixture(), defaultExposureParams(), { now: 1_700_000_000_000 });
  const villages = run.layers[0];

  it('classifies each village inside / near / clear with metres to the edge', () => {
    expect(Array.from(villages.hits.status)).toEqual([2, 2, 1, 1, 0, 0]);
    const v3 = villages.hits.offsets[2];
    expect(villages.hits.distance[v3]).toBeCloseTo(150, 0);
    const v4 = villages.hits.offsets[3];
    expect(villages.hits.distance[v4]).toBeCloseTo(100, 0);
    expect(Array.from(villages.hits.worstLevel)).toEqual([3, 3, 3, 2, 0, 0]);
  });

  it('uses the threat radius over the table and records where each buffer came from', () => {
    expect(run.hazards.ids).toEqual(['Z1', 'P1']);
    expect(Array.from(run.hazards.bufferM)).toEqual([200, 150]);
    expect(Array.from(run.hazards.bufferSource)).toEqual([0, 2]);
  });

  it('finds townships from the attribute, the village, or the boundary a feature lies in', () => {
    expect(villages.townships).toEqual(['西乡', '东镇', '东镇', '西乡', '东镇', '东镇']);
    expect(run.layers[1].townships).toEqual(['西乡', '东镇']);
  });

  it('counts a hazard crossing a township boundary in both townships, and each village once in the county', () => {
    const summary = summarize(run).filter((a) => a.role === 'villages');
    const county = summary.find((a) => a.township === undefined)!;
    expect(county.features).toEqual({ inside: 2, near: 2, clear: 2 });
    expect(county.people).toEqual({ inside: 300, near: 130, clear: 310 });
    const west = summary.find((a) => a.township === '西乡')!;
    const east = summary.find((a) => a.township === '东镇')!;
    expect(west.features.inside).toBe(1);
    expect(east.features.inside).toBe(1);
    const landslide = county.byHazard.find((r) => r.type === 0 && r.level === 3)!;
    expect(landslide.features).toEqual({ inside: 2, near: 1 });
    expect(landslide.households).toEqual({ inside: 90, near: 15 });
  });

  it('lists villages, households and settlements in the register, and flags a destination', () => {
    const entries = registerEntries(run);
    expect(entries.map((e) => e.key)).toEqual(['villages:V1', 'villages:V2', 'villages:V3', 'villages:V4', 'households:H1', 'settlements:S1']);
    expect(entries.find((e) => e.key === 'settlements:S1')!.status).toBe(2);
  });

  it('keeps a review while the entry is unchanged and asks for a re-review when it changes', () => {
    const entries = registerEntries(run);
    const v3 = entries.find((e) => e.key === 'villages:V3')!;
    const state: RegisterState = { version: 1, params: run.params, hazardLayerIds: [], exposedLayerIds: [], reviews: { [v3.key]: [{ status: 'confirmed', note: '现场核实', date: '2026-11-20', at: 1, signature: v3.signature }] }, last: snapshotOf(run, entries), previous: null };
    expect(reviewOf(state, v3)?.current).toBe(true);

    // Re-survey: the zone is downgraded to medium (buffer 100 m: V3 at 150 m drops out), P1 grows to 250 m.
    const next = fixture();
    next.hazards[0].columns = [str('id', ['Z1']), str('type', ['landslide']), str('riskLevel', ['medium'])];
    next.hazards[1].columns = next.hazards[1].columns.map((c) => (c.name === 'threatRadiusM' ? nums('threatRadiusM', [250]) : c));
    const rerun = runExposureAnalysis(next, defaultExposureParams(), { now: 1_700_000_100_000 });
    const after = registerEntries(rerun);
    const changes = diffSnapshots(state.last!, snapshotOf(rerun, after));
    const kinds = Object.fromEntries(changes.map((c) => [c.key, c.kind]));
    expect(kinds['villages:V3']).toBe('gone');
    expect(kinds['villages:V1']).toBe('level');
    expect(kinds['villages:V4']).toBe(undefined); // still near P1 (medium), same hits
    const v4 = after.find((e) => e.key === 'villages:V4')!;
    expect(v4.signature).toBe(entries.find((e) => e.key === 'villages:V4')!.signature);
  });

  it('exports a register CSV that parses back with Chinese headers, parameters and sources', () => {
    const entries = registerEntries(run);
    const sheet = registerSheet(run, entries, null, 1_700_000_200_000, '测试县');
    const text = new TextDecoder().decode(registerCsv(sheet)).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: false }).data;
    const headerRow = rows.findIndex((r) => r[0] === '序号');
    expect(headerRow).toBeGreaterThan(3);
    expect(rows.slice(0, headerRow).some((r) => r[0] === '缓冲距离（米）' && r[1].includes('滑坡 高200'))).toBe(true);
    expect(rows.slice(0, headerRow).some((r) => r[0] === '隐患数据' && r[1].includes('调查年份 2024'))).toBe(true);
    const body = rows.slice(headerRow + 1);
    expect(body).toHaveLength(entries.length);
    expect(body[0].slice(1, 9)).toEqual(['自然村', 'V1', '一村', '西乡', '100', '30', '区内', '高']);
    expect(body[2][11]).toMatch(/滑坡 Z1（高）150 米/);
  });

  it('treats an unknown risk level as high and an unknown type as other, and says which hazards', () => {
    const inputs = fixture();
    inputs.hazards[0].columns = [str('id', ['Z1']), str('type', ['山体开裂']), str('riskLevel', [null])];
    const odd = runExposureAnalysis(inputs, defaultExposureParams());
    expect(odd.hazards.level[0]).toBe(3);
    expect(odd.hazards.type[0]).toBe(6);
    expect(odd.issues.map((i) => [i.field, i.count, i.examples])).toEqual([['type', 1, ['Z1']], ['riskLevel', 1, ['Z1']]]);
    expect(hazardIssueText(odd.issues[1], 'zh')).toBe('“zones”中 1 处隐患的风险等级为空或无法识别（Z1），已按“高”分析。请在“riskLevel”字段填写高、中或低后重新导入。');
    expect(run.issues).toEqual([]);
  });
});
