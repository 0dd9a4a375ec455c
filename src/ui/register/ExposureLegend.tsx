import { useTranslation } from 'react-i18next';
import { hexOf } from '../../map/palette';
import { HAZARD_RISK_LEVELS, label, RISK_LEVEL, colorOf } from '../../core/vocabulary';
import { currentLanguage } from '../i18n';

/** The register's rings on the map, coloured by the highest risk level hit. */
export function ExposureLegend() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="panel exposure-legend" data-testid="exposure-legend">
      <strong>{t('register.legend.title')}</strong>
      {HAZARD_RISK_LEVELS.map((level) => {
        const color = colorOf(RISK_LEVEL, level);
        return (
          <span key={level}>
            <i className="ring" style={{ borderColor: color ? hexOf(color) : undefined }} />
            {label(RISK_LEVEL, level, lang)}
          </span>
        );
      })}
      <span className="note">{t('register.legend.inside')} · {t('register.legend.near')}</span>
    </div>
  );
}
