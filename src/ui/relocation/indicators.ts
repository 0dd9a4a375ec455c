/**
 * Indicators as the app shows them: formatted values, the charted ones and the colours of the
 * compared scenarios. One place for the comparison tab and the briefing, so they cannot differ.
 */
import type { IndicatorDef } from '../../core/relocation/compare';
import type { Indicators } from '../../core/relocation/analysis';
import { formatMinutes, formatPeople, formatYuan } from '../register/format';

type Lang = 'zh' | 'en';

/** Series colours of compared scenarios (first is the base), also used by the briefing. */
export const SCENARIO_COLORS = ['#1f6fd1', '#d9822b', '#2e9e5b', '#8e44ad'];

/** An indicator as the app shows it (and the briefing prints it). */
export function indicatorText(def: IndicatorDef, ind: Indicators, lang: Lang): string {
  const v = def.value(ind);
  switch (def.format) {
    case 'people':
      return formatPeople(v, lang);
    case 'yuan':
      return formatYuan(v, lang);
    case 'share':
      return `${(100 * v).toFixed(1)}%`;
    case 'minutes':
      return Number.isFinite(v) ? `${formatMinutes(v)} ${lang === 'zh' ? '分钟' : 'min'}` : '—';
    default:
      return String(Math.round(v));
  }
}

/** The charted indicators, with the unit their values are drawn in. */
export interface ChartedIndicator {
  key: string;
  /** The briefing draws the indicators of one group (one unit) as one chart. */
  group: Record<Lang, string>;
  unit: Record<Lang, string>;
  scale: (v: number) => number;
}
const PEOPLE = { group: { zh: '人口', en: 'People' }, unit: { zh: '人', en: 'people' }, scale: (v: number) => v };
const MONEY = { group: { zh: '费用', en: 'Cost' }, unit: { zh: '万元', en: '10k yuan' }, scale: (v: number) => v / 1e4 };
const MINUTES = { group: { zh: '搬迁后出行时间', en: 'Travel after the move' }, unit: { zh: '分钟', en: 'min' }, scale: (v: number) => v };
export const CHARTED: ChartedIndicator[] = [
  { key: 'peopleMoved', ...PEOPLE },
  { key: 'publicCost', ...MONEY },
  { key: 'costPerPerson', ...MONEY },
  { key: 'exposedHigh', ...PEOPLE },
  { key: 'schoolAfter', ...MINUTES },
];

