import { useTranslation } from 'react-i18next';
import type { LayerRole } from '../../core/manifest';
import { LAYER_ROLE } from '../../core/vocabulary';
import { crsLabel, GAUSS_KRUGER_ZONES } from '../../core/crs';
import type { ImportSettings, SourceSummary } from '../../../workers/import.types';
import { currentLanguage } from '../i18n';
import { describeIssue } from '../../core/import/describe-issue';

/** Roles a vector import can take (the DEM comes from rasters). */
export const IMPORT_ROLES: LayerRole[] = LAYER_ROLE.codes.filter((r) => r !== 'dem');

/** The CRS offered, most common in Chinese county data first; every Gauss–Krüger zone after. */
const COMMON = ['EPSG:4490', 'EPSG:4326', 'EPSG:4549', 'EPSG:4528', 'EPSG:4548', 'EPSG:4527', 'EPSG:3857'];
const ALL_CRS = [...COMMON, ...GAUSS_KRUGER_ZONES.map((z) => `EPSG:${z.epsg}`).filter((c) => !COMMON.includes(c))];

interface Props {
  source: SourceSummary;
  crs: string | null;
  offset: ImportSettings['offset'];
  raster: boolean;
  onCrs(crs: string): void;
  onOffset(offset: ImportSettings['offset']): void;
}

/**
 * The coordinate system: as the file declares it, or the guess from the coordinates for the
 * user to confirm, or a choice when neither exists; and whether the data came from a Chinese
 * web map with its offset (GCJ-02 / BD-09), which is converted.
 */
export function CrsPicker({ source, crs, offset, raster, onCrs, onOffset }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const guess = source.crsGuess;
  return (
    <fieldset data-testid="import-crs">
      <legend>{t('import.crs')}</legend>
      <p className={source.crs ? 'muted' : 'warning-text'}>
        {source.crs
          ? t('import.crsFromFile', { crs: crsLabel(source.crs)[lang] })
          : guess?.crs
            ? `${t('import.crsGuess', { crs: crsLabel(guess.crs)[lang] })} ${describeIssue(guess.reason, lang)}`
            : t('import.crsNone')}
      </p>
      <select value={crs ?? ''} onChange={(e) => onCrs(e.target.value)} data-testid="import-crs-select">
        {!crs && <option value="">{t('import.crsPick')}</option>}
        {ALL_CRS.map((c) => <option key={c} value={c}>{crsLabel(c)[lang]}</option>)}
      </select>
      {!raster && (
        <div className="offset-choice" role="radiogroup" aria-label={t('import.offset')}>
          <span>{t('import.offset')}</span>
          {([['none', 'offsetNone'], ['gcj02', 'offsetGcj'], ['bd09', 'offsetBd']] as const).map(([value, key]) => (
            <label key={value} className="inline">
              <input type="radio" name="offset" checked={offset === value} onChange={() => onOffset(value)} data-testid={`import-offset-${value}`} />
              {t(`import.${key}`)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
