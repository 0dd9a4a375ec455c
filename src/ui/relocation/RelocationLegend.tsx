import { useTranslation } from 'react-i18next';

/** The relocation map's legend: village status, flows and destination gauges. */
export function RelocationLegend() {
  const { t } = useTranslation();
  return (
    <div className="panel relocation-legend" data-testid="relocation-legend">
      <strong>{t('reloc.legend.title')}</strong>
      {(['must', 'may', 'stay', 'repair'] as const).map((s) => (
        <span key={s}><i className={`status-dot ${s}`} />{t(`reloc.status.${s}`)}</span>
      ))}
      <span><i className="status-dot" style={{ background: 'rgb(120,0,0)' }} />{t('reloc.ind.unassigned')}</span>
      <span>— {t('reloc.legend.flow')}</span>
      <span>◎ {t('reloc.legend.gauge')}</span>
    </div>
  );
}
