/**
 * Weights, direct (sliders) or by AHP: a Saaty judgement per pair of criteria, with the
 * weights, λmax and the consistency ratio recomputed as the planner chooses, a warning at
 * CR ≥ 0.1 and the most inconsistent judgement named with the value the others imply.
 */
import { useTranslation } from 'react-i18next';
import { ahp, nearestSaaty, SAATY_SCALE } from '../../core/suitability/ahp';
import { judgement, neutralPairwise, pairIndex, type SuitabilityModel } from '../../core/suitability/model';

/** Saaty's scale as offered: 9 … 2, 1, 1/2 … 1/9. */
const SCALE = [...SAATY_SCALE].reverse();

export function saatyText(v: number): string {
  return v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`;
}

/** The option (index in SCALE) of a judgement. */
function scaleIndex(v: number): number {
  return SCALE.indexOf(nearestSaaty(v));
}

export function WeightsEditor({ model, lang, onChange }: { model: SuitabilityModel; lang: 'zh' | 'en'; onChange: (m: SuitabilityModel) => void }) {
  const { t } = useTranslation();
  const n = model.criteria.length;
  const name = (i: number) => model.criteria[i].name[lang];
  const setMode = (mode: 'direct' | 'ahp') => onChange({ ...model, weighting: mode === 'direct' ? { mode } : { mode, pairwise: model.weighting.mode === 'ahp' ? model.weighting.pairwise : neutralPairwise(n) } });
  const weighting = model.weighting;
  const result = weighting.mode === 'ahp' ? ahp(n, (i, j) => judgement(weighting.pairwise, n, i, j)) : null;
  const total = model.criteria.reduce((s, c) => s + Math.max(0, c.weight), 0);
  const weights = result ? result.weights : model.criteria.map((c) => (total > 0 ? Math.max(0, c.weight) / total : 0));
  // "左项明显重要（5）" / "右项明显重要（1/5）": which side wins, how strongly, and the number.
  const scaleLabel = (v: number) => {
    const strength = Math.round(v >= 1 ? v : 1 / v);
    if (strength === 1) return `${t('suit.weights.scale.1')}（1）`;
    const words = t(`suit.weights.scale.${strength}`, { defaultValue: '' });
    return `${t(v > 1 ? 'suit.weights.left' : 'suit.weights.right')}${words || t('suit.weights.between')}（${saatyText(v)}）`;
  };
  return (
    <div className="weights" data-testid="weights">
      <div className="segmented">
        <label><input type="radio" checked={weighting.mode === 'direct'} onChange={() => setMode('direct')} /> {t('suit.weights.direct')}</label>
        <label><input type="radio" checked={weighting.mode === 'ahp'} onChange={() => setMode('ahp')} data-testid="ahp-mode" /> {t('suit.weights.ahp')}</label>
      </div>
      {weighting.mode === 'direct' &&
        model.criteria.map((c, k) => (
          <label key={c.id} className="field weight">
            <span>{c.name[lang]}</span>
            <input type="range" min={0} max={100} step={1} value={c.weight} onChange={(e) => onChange({ ...model, criteria: model.criteria.map((x, j) => (j === k ? { ...x, weight: Number(e.target.value) } : x)) })} data-testid={`wslider-${c.id}`} />
            <span className="num">{Math.round(weights[k] * 100)}%</span>
          </label>
        ))}
      {weighting.mode === 'ahp' && result && (
        <>
          <table className="pairs">
            <tbody>
              {Array.from({ length: n }, (_, i) =>
                Array.from({ length: n - i - 1 }, (_, d) => {
                  const j = i + d + 1;
                  const v = weighting.pairwise[pairIndex(n, i, j)];
                  const worst = result.worst && result.cr >= 0.1 && ((result.worst.i === i && result.worst.j === j) || (result.worst.i === j && result.worst.j === i));
                  return (
                    <tr key={`${i}-${j}`} className={worst ? 'worst' : undefined}>
                      <td>{name(i)}</td>
                      <td>
                        <select
                          value={scaleIndex(v)}
                          data-testid={`pair-${i}-${j}`}
                          onChange={(e) => {
                            const pairwise = [...weighting.pairwise];
                            pairwise[pairIndex(n, i, j)] = SCALE[Number(e.target.value)];
                            onChange({ ...model, weighting: { mode: 'ahp', pairwise } });
                          }}
                        >
                          {SCALE.map((s, k) => (
                            <option key={k} value={k}>{scaleLabel(s)}</option>
                          ))}
                        </select>
                      </td>
                      <td>{name(j)}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
          <div className={result.cr >= 0.1 ? 'error' : 'ok'} role="status" data-testid="ahp-cr">
            {t('suit.weights.cr', { cr: result.cr.toFixed(3) })} · {t('suit.weights.lambda', { l: result.lambdaMax.toFixed(3) })} —{' '}
            {result.cr < 0.1 || !result.worst
              ? t('suit.weights.ok')
              : t('suit.weights.bad', {
                  a: name(result.worst.i),
                  b: name(result.worst.j),
                  given: saatyText(judgement(weighting.pairwise, n, result.worst.i, result.worst.j)),
                  suggested: saatyText(result.worst.suggested),
                })}
          </div>
          <table className="ahp-weights">
            <tbody>
              {model.criteria.map((c, k) => (
                <tr key={c.id}>
                  <td>{c.name[lang]}</td>
                  <td className="num">{(weights[k] * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
