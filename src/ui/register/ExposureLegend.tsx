import { useTranslation } from 'react-i18next';
import { EXPOSURE_COLORS } from '../../map/exposure-layers';

/** The register's rings on the map, coloured by the highest risk level hit. */
export function ExposureLegend() {
  const { t } = useTranslation();
  return (
    <div className="panel exposure-legend" data-testid="exposure-legend">
      <strong>{t('register.legend.title')}</strong>
      {([3, 2, 1] as const).map((level) => (
        <span key={level}>
          <i className="ring" style={{ borderColor: `rgb(${EXPOSURE_COLORS[level].slice(0, 3).join(',')})` }} />
          {t(`register.legend.${level === 3 ? 'high' : level === 2 ? 'medium' : 'low'}`)}
        </span>
      ))}
      <span className="note">{t('register.legend.inside')} · {t('register.legend.near')}</span>
    </div>
  );
}
