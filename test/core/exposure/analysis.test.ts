import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { defaultExposureParams, runExposureAnalysis } from '../../../src/core/exposure/analysis';
import { deriveRegister, diffSnapshots, registerEntries, reviewOf, snapshotOf, summarize, type RegisterState } from '../../../src/core/exposure/register';
import { registerSheet } from '../../../src/core/exposure/register-table';
import { registerCsv } from '../../../src/io/register-export';
import { hazardIssueText } from '../../../src/core/exposure/labels';
import { fixture, nums, str } from './two-townships';

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
    const state: RegisterState = { params: run.params, hazardLayerIds: [], exposedLayerIds: [], reviews: { [v3.key]: [{ status: 'confirmed', note: '现场核实', date: '2026-11-20', at: 1, signature: v3.signature }] }, last: snapshotOf(run, entries), previous: null };
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

  it('derives the register against the stored runs: a repeat keeps them and their diff, a change moves them on', () => {
    const first = deriveRegister(run, { last: null, previous: null });
    expect(first.changes).toBeNull();
    expect(first.columns.signatures).toHaveLength(registerEntries(run).length);
    const next = fixture();
    next.hazards = [next.hazards[0]];
    const changed = deriveRegister(runExposureAnalysis(next, defaultExposureParams()), { last: first.last, previous: null });
    expect(changed.previous).toBe(first.last);
    expect(changed.changes?.map((c) => [c.key, c.kind])).toEqual([['households:H1', 'gone'], ['villages:V4', 'gone']]);
    // The same result again (a reload): the stored runs and their diff stay.
    const again = deriveRegister(runExposureAnalysis(next, defaultExposureParams()), { last: changed.last, previous: changed.previous });
    expect(again.last).toBe(changed.last);
    expect(again.previous).toBe(first.last);
    expect(again.changes).toEqual(changed.changes);
  });
});
