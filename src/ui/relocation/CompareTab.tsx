import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { comparable, diffScenarios, INDICATORS, type VillageDiff } from '../../core/relocation/compare';
import { formatMinutes, formatYuan } from '../register/format';
import { CHARTED, indicatorText, SCENARIO_COLORS } from './indicators';
import type { RelocationStore, RelocationView, ScenarioRun } from './relocation-store';

type Lang = 'zh' | 'en';

export interface DiffView {
  a: string;
  b: string;
  split: boolean;
}

/**
 * Two to four scenarios side by side: the indicator table (best of each row marked), bar charts,
 * and the villages whose status or destination differs between the first two, on the map too.
 */
export function CompareTab({ store, view, lang, diff, onDiff }: { store: RelocationStore; view: RelocationView; lang: Lang; diff: DiffView | null; onDiff: (d: DiffView | null) => void }) {
  const { t } = useTranslation();
  const doc = view.doc!;
  const c = view.comparison;
  const chosen = c?.ids ?? [];
  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...chosen, id].slice(0, 4) : chosen.filter((x) => x !== id);
    onDiff(null);
    if (ids.length === 0) store.closeComparison();
    else void store.compare(ids);
  };
  const names = Object.fromEntries(doc.scenarios.map((s) => [s.id, s.name]));
  const ready = c ? c.ids.filter((id) => c.runs[id]) : [];
  return (
    <div className="compare-tab" data-testid="compare-tab">
      <fieldset className="compare-pick">
        <legend>{t('scen.compare.pick')}</legend>
        {doc.scenarios.map((s) => (
          <label key={s.id}>
            <input type="checkbox" checked={chosen.includes(s.id)} disabled={!chosen.includes(s.id) && chosen.length >= 4} onChange={(e) => toggle(s.id, e.target.checked)} data-testid={`compare-${s.id}`} /> {s.name}
          </label>
        ))}
      </fieldset>
      {c && c.pending.length > 0 && <p className="note" role="status" data-testid="compare-pending">{t('scen.compare.computing', { names: c.pending.map((id) => names[id]).join('、') })}</p>}
      {c?.problems.map((p, k) => <p key={k} className="problems" role="alert">{p[lang]}</p>)}
      {ready.length < 2 ? (
        <p className="note">{t('scen.compare.need')}</p>
      ) : (
        <>
          <IndicatorTable ids={ready} runs={c!.runs} names={names} lang={lang} />
          {c!.elapsedMs !== null && <p className="note" data-testid="compare-elapsed" data-ms={Math.round(c!.elapsedMs)}>{t('scen.compare.elapsed', { ms: Math.round(c!.elapsedMs) })}</p>}
          <Charts ids={ready} runs={c!.runs} names={names} lang={lang} />
          {c!.runs[c!.ids[0]] && c!.runs[c!.ids[1]] && <Differences a={c!.ids[0]} b={c!.ids[1]} runs={c!.runs} names={names} lang={lang} diff={diff} onDiff={onDiff} />}
        </>
      )}
    </div>
  );
}

function IndicatorTable({ ids, runs, names, lang }: { ids: string[]; runs: Record<string, ScenarioRun>; names: Record<string, string>; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <table className="reloc-table compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th>{t('scen.compare.indicator')}</th>
          {ids.map((id) => (
            <th key={id}>
              {names[id]}
              {!comparable(runs[id].result) && <div className="red-badge" data-testid="compare-red" title={t('scen.compare.redHint')}>{t('scen.compare.red')}</div>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {INDICATORS.map((def) => {
          const values = ids.map((id) => def.value(runs[id].result.indicators));
          // A scenario with people placed in a hazard zone, or an unfinished solve, is never "best".
          const finite = values.filter((v, k) => Number.isFinite(v) && comparable(runs[ids[k]].result));
          const best = finite.length > 1 && new Set(finite).size > 1 ? (def.lowerIsBetter ? Math.min(...finite) : Math.max(...finite)) : NaN;
          return (
            <tr key={def.key} data-indicator={def.key} title={def.definition[lang]}>
              <td>{def.label[lang]}</td>
              {ids.map((id, k) => (
                <td key={id} className={values[k] === best ? 'best' : ''}>{indicatorText(def, runs[id].result.indicators, lang)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Charts({ ids, runs, names, lang }: { ids: string[]; runs: Record<string, ScenarioRun>; names: Record<string, string>; lang: Lang }) {
  return (
    <div className="compare-charts" data-testid="compare-charts">
      {CHARTED.map(({ key, unit, scale }) => {
        const def = INDICATORS.find((d) => d.key === key)!;
        const values = ids.map((id) => scale(def.value(runs[id].result.indicators)));
        const max = Math.max(1e-9, ...values.filter(Number.isFinite));
        return (
          <figure key={key} className="bar-chart">
            <figcaption>{def.label[lang]}（{unit[lang]}）</figcaption>
            <svg viewBox={`0 0 200 ${ids.length * 16}`} role="img" aria-label={def.label[lang]}>
              {ids.map((id, k) => {
                const v = values[k];
                const w = Number.isFinite(v) ? (150 * v) / max : 0;
                return (
                  <g key={id} transform={`translate(0 ${k * 16})`}>
                    <rect x={0} y={2} width={Math.max(w, 0.5)} height={12} fill={SCENARIO_COLORS[k]}>
                      <title>{names[id]}</title>
                    </rect>
                    <text x={w + 3} y={12} fontSize={9}>{indicatorText(def, runs[id].result.indicators, lang)}</text>
                  </g>
                );
              })}
            </svg>
          </figure>
        );
      })}
      <div className="chart-legend">
        {ids.map((id, k) => <span key={id}><i style={{ background: SCENARIO_COLORS[k] }} /> {names[id]}</span>)}
      </div>
    </div>
  );
}

function Differences({ a, b, runs, names, lang, diff, onDiff }: { a: string; b: string; runs: Record<string, ScenarioRun>; names: Record<string, string>; lang: Lang; diff: DiffView | null; onDiff: (d: DiffView | null) => void }) {
  const { t } = useTranslation();
  const rows: VillageDiff[] = useMemo(() => diffScenarios(runs[a], runs[b]), [runs, a, b]);
  const status = (s: string) => t(`reloc.status.${s}`);
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);
  return (
    <section className="compare-diff" data-testid="compare-diff">
      <h3>{rows.length === 0 ? t('scen.compare.diffNone') : t('scen.compare.diffTitle', { a: names[a], b: names[b], count: rows.length })}</h3>
      <div className="row-actions">
        <label><input type="checkbox" checked={diff !== null} onChange={(e) => onDiff(e.target.checked ? { a, b, split: false } : null)} data-testid="diff-map" /> {t('scen.compare.showDiff')}</label>
        <label><input type="checkbox" checked={diff?.split ?? false} onChange={(e) => onDiff({ a, b, split: e.target.checked })} data-testid="diff-split" /> {t('scen.compare.split')}</label>
      </div>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="reloc-table" data-testid="diff-table">
            <thead>
              <tr>
                <th>{t('scen.compare.village')}</th>
                <th>{t('scen.compare.statusA', { name: names[a] })}</th>
                <th>{t('scen.compare.destA', { name: names[a] })}</th>
                <th>{t('scen.compare.statusB', { name: names[b] })}</th>
                <th>{t('scen.compare.destB', { name: names[b] })}</th>
                <th>{t('scen.compare.costDelta')}</th>
                <th>{t('scen.compare.minutesDelta')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 200).map((r) => {
                const dc = r.cost[1] - r.cost[0];
                const dm = r.minutes[1] - r.minutes[0];
                return (
                  <tr key={r.id} data-testid="diff-row" data-village={r.id}>
                    <td>{r.name}</td>
                    <td>{status(r.status[0])}</td>
                    <td>{r.destination[0] ?? '—'}</td>
                    <td>{status(r.status[1])}</td>
                    <td>{r.destination[1] ?? '—'}</td>
                    <td className="num">{signed(dc, formatYuan(dc, lang))}</td>
                    <td className="num">{Number.isFinite(dm) ? signed(dm, formatMinutes(dm)) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
