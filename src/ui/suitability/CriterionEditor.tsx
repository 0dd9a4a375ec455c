/**
 * One criterion: its source, its transform (kind and numbers, typed or dragged on the chart
 * over the criterion's histogram) and, for direct weighting, its weight.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerRole } from '../../core/manifest';
import type { Criterion, CriterionSource } from '../../core/suitability/model';
import { sourceKey } from '../../core/suitability/model';
import { TRANSFORM_KINDS, validateTransform, type Transform } from '../../core/suitability/transforms';
import type { CriterionHistogram } from '../../../workers/suitability.api';
import { chartDomain, TransformChart } from './TransformChart';

/** Roles a distance criterion can measure to. */
export const TARGET_ROLES: LayerRole[] = ['roads', 'settlements', 'schools', 'clinics', 'villages', 'rivers', 'water_source', 'farmland', 'eco_redline', 'public_forest', 'hazards', 'industrial_parks'];

/** A transform of another kind with sensible numbers for the criterion's range. */
export function convertTransform(kind: Transform['kind'], [lo, hi]: [number, number]): Transform {
  const span = hi - lo || 1;
  const q = (f: number) => Math.round(lo + f * span);
  switch (kind) {
    case 'linear':
      return { kind, from: q(0), to: q(1), scoreFrom: 100, scoreTo: 0 };
    case 'ranges':
      return { kind, breaks: [q(0.25), q(0.5), q(0.75)], scores: [100, 70, 40, 10] };
    case 'categories':
      return { kind, values: [q(0)], scores: [100], otherScore: 0 };
    case 'gaussian':
      // Score 50 a quarter of the range from the midpoint.
      return { kind, mid: q(0.5), spread: Math.LN2 / (span / 4) ** 2 };
    case 'near':
      return { kind, mid: q(0.5), spread: 1 / (span / 4) ** 2 };
    case 'small':
    case 'large':
      return { kind, mid: q(0.5), spread: 5 };
  }
}

function NumberInput({ value, onChange, testId, step }: { value: number; onChange: (v: number) => void; testId?: string; step?: number }) {
  const [text, setText] = useState(String(value));
  // A value changed elsewhere (a dragged handle) replaces the text, unless the text already says it.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <input
      type="number"
      value={text}
      step={step ?? 'any'}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(v);
      }}
    />
  );
}

function listText(values: number[]): string {
  return values.join(', ');
}

function parseList(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean).map(Number);
  return parts.every(Number.isFinite) ? parts : null;
}

function ListInput({ values, onChange, testId }: { values: number[]; onChange: (v: number[]) => void; testId?: string }) {
  const [text, setText] = useState(listText(values));
  const [seen, setSeen] = useState(values);
  if (values !== seen) {
    setSeen(values);
    if (parseList(text)?.join(',') !== values.join(',')) setText(listText(values));
  }
  return (
    <input
      type="text"
      value={text}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseList(e.target.value);
        if (parsed) onChange(parsed);
      }}
    />
  );
}

function TransformFields({ t, onChange }: { t: Transform; onChange: (t: Transform) => void }) {
  const { t: tr } = useTranslation();
  const field = (label: string, node: React.ReactNode) => (
    <label className="field">
      <span>{label}</span>
      {node}
    </label>
  );
  switch (t.kind) {
    case 'linear':
      return (
        <div className="fields">
          {field(tr('suit.transform.from'), <NumberInput value={t.from} onChange={(v) => onChange({ ...t, from: v })} testId="t-from" />)}
          {field(tr('suit.transform.scoreFrom'), <NumberInput value={t.scoreFrom} onChange={(v) => onChange({ ...t, scoreFrom: v })} />)}
          {field(tr('suit.transform.to'), <NumberInput value={t.to} onChange={(v) => onChange({ ...t, to: v })} testId="t-to" />)}
          {field(tr('suit.transform.scoreTo'), <NumberInput value={t.scoreTo} onChange={(v) => onChange({ ...t, scoreTo: v })} />)}
        </div>
      );
    case 'ranges':
      return (
        <div className="fields">
          {field(tr('suit.transform.breaks'), <ListInput values={t.breaks} onChange={(v) => onChange({ ...t, breaks: v })} testId="t-breaks" />)}
          {field(tr('suit.transform.scores'), <ListInput values={t.scores} onChange={(v) => onChange({ ...t, scores: v })} testId="t-scores" />)}
        </div>
      );
    case 'categories':
      return (
        <div className="fields">
          {field(tr('suit.transform.values'), <ListInput values={t.values} onChange={(v) => onChange({ ...t, values: v })} />)}
          {field(tr('suit.transform.scores'), <ListInput values={t.scores} onChange={(v) => onChange({ ...t, scores: v })} />)}
          {field(tr('suit.transform.other'), <NumberInput value={t.otherScore} onChange={(v) => onChange({ ...t, otherScore: v })} />)}
        </div>
      );
    default:
      return (
        <div className="fields">
          {field(tr('suit.transform.mid'), <NumberInput value={t.mid} onChange={(v) => onChange({ ...t, mid: v })} testId="t-mid" />)}
          {field(tr('suit.transform.spread'), <NumberInput value={t.spread} onChange={(v) => onChange({ ...t, spread: v })} />)}
        </div>
      );
  }
}

function sourceLabel(source: CriterionSource, tr: (k: string) => string): string {
  if (source.kind !== 'distance') return tr(`suit.source.${source.kind}`);
  const roles = source.target.roles.map((r) => tr(`suit.roles.${r}`)).join('、');
  const where = source.target.where ? `（${source.target.where.column} = ${source.target.where.values.join('/')}）` : '';
  return `${tr('suit.source.distance')} → ${roles}${where}`;
}

export function CriterionEditor({
  criterion,
  lang,
  direct,
  share,
  histogram,
  onChange,
  onRemove,
}: {
  criterion: Criterion;
  lang: 'zh' | 'en';
  direct: boolean;
  share: number;
  histogram: CriterionHistogram | null;
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}) {
  const { t: tr } = useTranslation();
  const problem = validateTransform(criterion.transform);
  const setTransform = (transform: Transform) => onChange({ ...criterion, transform });
  return (
    <div className="criterion" data-testid={`criterion-${criterion.id}`} data-source={sourceKey(criterion.source)}>
      <div className="criterion-head">
        <strong>{criterion.name[lang]}</strong>
        <span className="note">{sourceLabel(criterion.source, tr)}</span>
        <button type="button" className="link" onClick={onRemove} aria-label={tr('suit.criterion.remove')} title={tr('suit.criterion.remove')}>✕</button>
      </div>
      <TransformChart transform={criterion.transform} histogram={histogram} onChange={setTransform} label={criterion.name[lang]} />
      {histogram && histogram.infinite > 0 && <div className="note">{tr('suit.transform.noFeature')}: {histogram.infinite.toLocaleString()}</div>}
      <div className="fields">
        <label className="field">
          <span>{tr('suit.transform.kind')}</span>
          <select value={criterion.transform.kind} onChange={(e) => setTransform(convertTransform(e.target.value as Transform['kind'], chartDomain(criterion.transform, histogram)))} data-testid="t-kind">
            {TRANSFORM_KINDS.map((k) => (
              <option key={k} value={k}>{tr(`suit.kinds.${k}`)}</option>
            ))}
          </select>
        </label>
        {direct && (
          <label className="field weight">
            <span>{tr('suit.criterion.weight')}</span>
            <input type="range" min={0} max={100} step={1} value={criterion.weight} onChange={(e) => onChange({ ...criterion, weight: Number(e.target.value) })} data-testid={`weight-${criterion.id}`} />
            <span className="num">{Math.round(share * 100)}%</span>
          </label>
        )}
      </div>
      <TransformFields t={criterion.transform} onChange={setTransform} />
      {problem && <div className="error" role="alert" data-testid="transform-problem">{problem[lang]}</div>}
    </div>
  );
}
