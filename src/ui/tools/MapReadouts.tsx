import { useTranslation } from 'react-i18next';
import { formatArea, formatLength, pathLengthMeters, polygonAreaSquareMeters } from '../../map/measure';
import { currentLanguage } from '../i18n';
import type { Measure } from './use-map-tools';

/** The measured length (and area) while measuring, or the hint before the first point. */
export function MeasureReadout({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { points } = measure;
  const text =
    measure.mode === 'distance'
      ? `${t('measure.length')}: ${formatLength(pathLengthMeters(points), lang)}`
      : `${t('measure.areaLabel')}: ${formatArea(polygonAreaSquareMeters(points), lang)} · ${t('measure.length')}: ${formatLength(pathLengthMeters(points.length >= 3 ? [...points, points[0]] : points), lang)}`;
  return (
    <div className="panel measure-readout" data-testid="measure-readout">
      {points.length === 0 ? t('measure.hint') : text}
    </div>
  );
}

/** The cursor's longitude, latitude and ground elevation, and the CRS. */
export function StatusBar({ cursor }: { cursor: { lngLat: [number, number]; elevation: number | null } | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="statusbar" data-testid="statusbar">
      {cursor ? (
        <>
          {t('status.lng')} {cursor.lngLat[0].toFixed(5)}° · {t('status.lat')} {cursor.lngLat[1].toFixed(5)}° · {t('status.elevation')}{' '}
          {cursor.elevation === null ? '—' : `${Math.round(cursor.elevation)} ${lang === 'zh' ? '米' : 'm'}`} · {t('status.crs')}
        </>
      ) : (
        t('status.crs')
      )}
    </div>
  );
}
