import { useTranslation } from 'react-i18next';
import type { ExposureRun } from '../../core/exposure/analysis';
import { hazardTypeLabel, riskLevelLabel } from '../../core/exposure/labels';
import { currentLanguage } from '../i18n';
import { formatPeople } from './format';
import { entryAt, hazardIndexOf, hitsOf, threatenedBy } from './exposure-lookup';
import type { RegisterEntry } from '../../core/exposure/register';

/**
 * The register's answer for a clicked feature, shown in its popup: a village's hazards with
 * distances, or a hazard's threatened villages, households and settlements with their people.
 */
export function ExposureDetails({ run, entries, layerId, index, onPick }: { run: ExposureRun; entries: RegisterEntry[]; layerId: string; index: number; onPick(layerId: string, index: number): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const where = (inside: boolean, distance: number) => (inside ? t('register.popup.inside') : t('register.popup.metres', { m: Math.round(distance) }));
  const hits = hitsOf(run, layerId, index);
  if (hits) {
    return (
      <section className="exposure-details" data-testid="exposure-details">
        <h3>{t('register.popup.hazards')}</h3>
        {hits.length === 0 ? (
          <p className="note">{t('register.popup.none')}</p>
        ) : (
          <ul>
            {hits.map((hit) => (
              <li key={hit.hazard} className={`level-${run.hazards.level[hit.hazard]}`}>
                <button type="button" className="link" onClick={() => onPick(run.hazards.layerIds[run.hazards.layerOf[hit.hazard]], run.hazards.featureOf[hit.hazard])}>
                  {hazardTypeLabel(run.hazards.type[hit.hazard], lang)} {run.hazards.names[hit.hazard] ?? run.hazards.ids[hit.hazard]}
                </button>{' '}
                ({riskLevelLabel(run.hazards.level[hit.hazard], lang)}) · {where(hit.inside, hit.distance)}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const h = hazardIndexOf(run, layerId, index);
  if (h < 0) return null;
  const rows = threatenedBy(run, h);
  const people = rows.reduce((sum, r) => sum + (Number.isFinite(run.layers[r.layer].people[r.feature]) && run.layers[r.layer].role === 'villages' ? run.layers[r.layer].people[r.feature] : 0), 0);
  return (
    <section className="exposure-details" data-testid="exposure-details">
      <h3>{t('register.popup.threatens')}</h3>
      {rows.length === 0 ? (
        <p className="note">{t('register.popup.nothing')}</p>
      ) : (
        <>
          <p className="note">{t('register.popup.total', { count: rows.length, people: formatPeople(people, lang) })}</p>
          <ul>
            {rows.slice(0, 50).map((r) => {
              const layer = run.layers[r.layer];
              const entry = entryAt(entries, r.layer, r.feature);
              return (
                <li key={`${r.layer}-${r.feature}`}>
                  <button type="button" className="link" onClick={() => onPick(layer.layerId, r.feature)}>
                    {entry?.name ?? entry?.id ?? `#${r.feature + 1}`}
                  </button>{' '}
                  · {where(r.inside, r.distance)}
                  {Number.isFinite(layer.people[r.feature]) ? ` · ${formatPeople(layer.people[r.feature], lang)}` : ''}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
