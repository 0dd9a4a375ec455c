import { useTranslation } from 'react-i18next';
import { hexOf } from '../../map/palette';
import { colorOf, label, VILLAGE_STATUS } from '../../core/vocabulary';
import { currentLanguage } from '../i18n';

/** A village status's dot, in the map's colour of that status. */
export function StatusDot({ status }: { status: string }) {
  const color = colorOf(VILLAGE_STATUS, status);
  return <i className="status-dot" style={{ background: color ? hexOf(color) : undefined }} />;
}

/** The relocation map's legend: village status (as the map colours it), flows and destination gauges. */
export function RelocationLegend() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="panel relocation-legend" data-testid="relocation-legend">
      <strong>{t('reloc.legend.title')}</strong>
      {VILLAGE_STATUS.entries.map((s) => (
        <span key={s.code}><StatusDot status={s.code} />{label(VILLAGE_STATUS, s.code, lang)}</span>
      ))}
      <span>— {t('reloc.legend.flow')}</span>
      <span>◎ {t('reloc.legend.gauge')}</span>
    </div>
  );
}
