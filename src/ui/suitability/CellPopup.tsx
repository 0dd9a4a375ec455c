/** Why a cell scores what it does: each criterion's value, score, weight and points. */
import { useTranslation } from 'react-i18next';
import type { CellExplanation } from '../../core/suitability/engine';

function valueText(v: number, noFeature: string): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return noFeature;
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString() : v.toFixed(1);
}

export function CellPopup({ explanation, lang, onClose }: { explanation: CellExplanation & { lngLat: [number, number] }; lang: 'zh' | 'en'; onClose: () => void }) {
  const { t } = useTranslation();
  const e = explanation;
  return (
    <div className="panel cell-popup" data-testid="cell-popup" role="dialog" aria-label={t('suit.cell.title')}>
      <header>
        <strong>{t('suit.cell.title')}</strong>
        <span className="note">{e.lngLat[0].toFixed(5)}°, {e.lngLat[1].toFixed(5)}°</span>
        <button type="button" className="link" onClick={onClose} aria-label={t('suit.close')}>✕</button>
      </header>
      <div className="cell-score" data-testid="cell-score">
        {t('suit.cell.score')}: <strong>{e.score === null ? t('suit.cell.nodata') : e.score}</strong>
        {e.region > 0 && <span className="note"> · {t('suit.cell.region', { rank: e.region })}</span>}
      </div>
      {e.excludedBy.length > 0 && <div className="warn">{t('suit.cell.excluded', { rules: e.excludedBy.map((r) => r.name[lang]).join('、') })}</div>}
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('suit.cell.value')}</th>
            <th>{t('suit.cell.criterionScore')}</th>
            <th>{t('suit.cell.weight')}</th>
            <th>{t('suit.cell.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {e.criteria.map((c) => (
            <tr key={c.id}>
              <td>{c.name[lang]}</td>
              <td className="num">{valueText(c.value, t('suit.transform.noFeature'))}</td>
              <td className="num">{Number.isNaN(c.score) ? '—' : c.score.toFixed(0)}</td>
              <td className="num">{(c.weight * 100).toFixed(0)}%</td>
              <td className="num">{Number.isNaN(c.contribution) ? '—' : c.contribution.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
