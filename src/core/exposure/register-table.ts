/**
 * The register as a sheet for export: a header block (title, dates, parameters, data sources,
 * definitions) and one row per entry with Chinese column headers. Encoded by
 * src/io/register-export.ts as CSV or Excel.
 */
import type { ExposureRun } from './analysis';
import { BUFFER_SOURCES } from './analysis';
import { EXPOSURE_STATUS, HAZARD_TYPE } from '../vocabulary';
import { DEFINITIONS, hazardIssueText, hazardTypeLabel, reviewLabel, riskLevelLabel, roleFeatureLabel, statusLabel } from './labels';
import { reviewOf, type RegisterEntry, type RegisterState } from './register';

export type SheetValue = string | number | null;

export interface RegisterSheet {
  title: string;
  /** Label–value lines above the table. */
  header: [string, string][];
  columns: string[];
  rows: SheetValue[][];
}

const BUFFER_SOURCE_ZH: Record<(typeof BUFFER_SOURCES)[number], string> = { table: '默认表', own: '自带缓冲', threat: '威胁半径' };

const p = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD in local time. */
export function dateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** YYYY-MM-DD HH:MM in local time. */
export function dateTimeText(ms: number): string {
  const d = new Date(ms);
  return `${dateText(ms)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "滑坡 H012（高）区内; 崩塌 H020（中）85 米": every hit of an entry, nearest first. */
export function hitsText(run: ExposureRun, entry: RegisterEntry): string {
  const layer = run.layers[entry.layer];
  const { hazards } = run;
  const parts: string[] = [];
  for (let j = entry.hitStart; j < entry.hitEnd; j++) {
    const h = layer.hits.hazard[j];
    const where = layer.hits.inside[j] ? '区内' : `${Math.round(layer.hits.distance[j])} 米`;
    const name = hazards.names[h] ? ` ${hazards.names[h]}` : '';
    parts.push(`${hazardTypeLabel(hazards.type[h], 'zh')} ${hazards.ids[h]}${name}（${riskLevelLabel(hazards.level[h], 'zh')}）${where}`);
  }
  return parts.join('；');
}

export function registerSheet(run: ExposureRun, entries: RegisterEntry[], state: RegisterState | null, exportedAt: number, projectName: string): RegisterSheet {
  const { hazards } = run;
  const header: [string, string][] = [
    ['项目', projectName],
    ['导出时间', dateTimeText(exportedAt)],
    ['分析时间', dateTimeText(run.at)],
  ];
  hazards.layerIds.forEach((_, li) => {
    let n = 0, minYear = Infinity, maxYear = -Infinity;
    for (let h = 0; h < hazards.count; h++) {
      if (hazards.layerOf[h] !== li) continue;
      n++;
      const y = hazards.surveyYear[h];
      if (Number.isFinite(y)) {
        minYear = Math.min(minYear, y);
        maxYear = Math.max(maxYear, y);
      }
    }
    const years = Number.isFinite(minYear) ? `，调查年份 ${minYear === maxYear ? minYear : `${minYear}–${maxYear}`}` : '';
    header.push(['隐患数据', `${hazards.layerNames[li].zh}（${n} 处${years}）来源：${hazards.layerSources[li].zh}`]);
  });
  for (const layer of run.layers) header.push(['承灾体数据', `${layer.name.zh}（${layer.count} 个）来源：${layer.source.zh}`]);
  const buffers = HAZARD_TYPE.entries.map(({ code, num }) => {
    const row = run.params.buffers[code];
    return row ? `${hazardTypeLabel(num, 'zh')} 高${row.high}/中${row.medium}/低${row.low}` : null;
  }).filter(Boolean);
  header.push(['缓冲距离（米）', buffers.join('；')]);
  const sources = new Map<number, number>();
  for (const s of hazards.bufferSource) sources.set(s, (sources.get(s) ?? 0) + 1);
  header.push(['缓冲来源', [...sources].map(([s, n]) => `${BUFFER_SOURCE_ZH[BUFFER_SOURCES[s]]} ${n} 处`).join('；')]);
  for (const issue of run.issues) header.push(['数据问题', hazardIssueText(issue, 'zh')]);
  for (const key of [...EXPOSURE_STATUS.codes.filter((c) => c !== 'clear'), 'distance', 'level', 'buffer'] as const) header.push(['定义', DEFINITIONS[key].zh]);

  const columns = ['序号', '类别', '编号', '名称', '乡镇', '人口（人）', '户数（户）', '影响', '最高等级', '隐患数', '最近距离（米）', '隐患明细', '审核状态', '审核日期', '审核意见'];
  const rows: SheetValue[][] = entries.map((e, k) => {
    const review = reviewOf(state, e);
    const reviewStatus = review ? (review.current ? reviewLabel(review.review.status, 'zh') : `${reviewLabel('changed', 'zh')}（原：${reviewLabel(review.review.status, 'zh')}）`) : reviewLabel('none', 'zh');
    return [
      k + 1,
      roleFeatureLabel(e.role, 'zh'),
      e.id,
      e.name,
      e.township,
      Number.isFinite(e.people) ? e.people : null,
      Number.isFinite(e.households) ? e.households : null,
      statusLabel(e.status, 'zh'),
      riskLevelLabel(e.level, 'zh'),
      e.hitEnd - e.hitStart,
      Math.round(e.nearestM),
      hitsText(run, e),
      reviewStatus,
      review?.review.date ?? null,
      review?.review.note ?? null,
    ];
  });
  return { title: '地质灾害隐患影响排查台账', header, columns, rows };
}
