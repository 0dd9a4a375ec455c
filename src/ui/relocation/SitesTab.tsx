import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reachesIndustry, type DrawnSite, type RelocationScenario } from '../../core/relocation/analysis';
import { checkText, derivationText, idleText } from './wording';
import { siteAreaHa, validateSite } from '../../core/relocation/sites';
import { hazardRiskLevel } from '../../core/vocabulary';
import type { DrawTool } from '../../map/site-drawing';
import { formatPeople } from '../register/format';
import type { RelocationStore, RelocationView } from './relocation-store';

type Lang = 'zh' | 'en';

export interface DrawControl {
  tool: DrawTool;
  kind: DrawnSite['kind'];
  setTool(tool: DrawTool, kind: DrawnSite['kind']): void;
}

/**
 * The scenario's drawn sites: tools to draw a point or polygon (relocation or industry), the
 * list with each site's hazard check, what it receives in the result, and its editable
 * capacity or jobs; undo and redo of every site edit.
 */
export function SitesTab({ store, view, scenario, draw, lang, onAddRegions }: { store: RelocationStore; view: RelocationView; scenario: RelocationScenario; draw: DrawControl; lang: Lang; onAddRegions: () => void }) {
  const { t } = useTranslation();
  const sites = scenario.sites ?? [];
  const { facts, result } = view;
  const level = (n: number) => t(`value.${hazardRiskLevel(n)}`);
  /** A capacity or jobs value refused, by site id: said under the field until corrected; the site keeps its last value. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  return (
    <div className="sites-tab" data-testid="sites-tab">
      <p className="note">{t('scen.sites.intro')}</p>
      <div className="row-actions">
        <label className="field inline">
          <span>{t('scen.sites.kind')}</span>
          <select value={draw.kind} onChange={(e) => draw.setTool(draw.tool, e.target.value as DrawnSite['kind'])} data-testid="site-kind">
            <option value="relocation">{t('scen.sites.relocation')}</option>
            <option value="industry">{t('scen.sites.industry')}</option>
          </select>
        </label>
        {(['point', 'polygon', 'select'] as const).map((tool) => (
          <button key={tool} type="button" className="small" aria-pressed={draw.tool === tool} onClick={() => draw.setTool(draw.tool === tool ? null : tool, draw.kind)} data-testid={`draw-${tool}`}>{t(`scen.sites.${tool}`)}</button>
        ))}
        {draw.tool && <button type="button" className="small" onClick={() => draw.setTool(null, draw.kind)} data-testid="draw-stop">{t('scen.sites.stop')}</button>}
        <button type="button" className="small" disabled={!view.canUndo} onClick={() => store.undoSites()} data-testid="sites-undo">{t('scen.sites.undo')}</button>
        <button type="button" className="small" disabled={!view.canRedo} onClick={() => store.redoSites()} data-testid="sites-redo">{t('scen.sites.redo')}</button>
      </div>
      {draw.tool && <p className="note" role="status">{draw.tool === 'select' ? t('scen.sites.editing') : t('scen.sites.drawing', { what: t(`scen.sites.${draw.kind}`) })}</p>}
      {sites.length === 0 ? (
        <p className="note">{t('scen.sites.none')}</p>
      ) : (
        <table className="reloc-table" data-testid="site-table">
          <colgroup>
            <col style={{ width: '27%' }} />
            <col style={{ width: '12%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '24%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '9%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('scen.sites.name')}</th>
              <th>{t('scen.sites.kind')}</th>
              <th>{t('scen.sites.capacity')} / {t('scen.sites.jobs')}</th>
              <th>{t('scen.sites.hazard')}</th>
              <th>{t('scen.sites.assigned')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const d = facts ? facts.destinations.findIndex((x) => x.id === site.id) : -1;
              const dest = d >= 0 ? facts!.destinations[d] : null;
              const r = d >= 0 && result ? result.destinations[d] : null;
              const forbidding = r?.check.excluding ?? null;
              const problems = validateSite(site);
              const ha = siteAreaHa(site);
              const industryNear = site.kind === 'industry' && facts ? industryReach(facts, site.id) : null;
              return (
                <Fragment key={site.id}>
                  <tr data-testid="site-row" data-site={site.id} className={forbidding || problems.length > 0 ? 'has-alert' : ''}>
                    <td>
                      <input defaultValue={site.name} key={site.name} onBlur={(e) => e.target.value.trim() && e.target.value !== site.name && store.updateSite(site.id, { name: e.target.value.trim() })} aria-label={t('scen.sites.name')} data-testid="site-name" />
                      {ha > 0 && <span className="note"> {t('scen.sites.area', { ha: ha.toFixed(1) })}</span>}
                    </td>
                    <td>{t(`scen.sites.${site.kind}`)}</td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        step={10}
                        defaultValue={site.kind === 'industry' ? site.jobs : site.capacity}
                        key={`${site.capacity}-${site.jobs}`}
                        onBlur={(e) => {
                          const raw = e.target.value.trim();
                          const n = Number(raw);
                          const field = site.kind === 'industry' ? t('scen.sites.jobs') : t('scen.sites.capacity');
                          if (raw === '' || !Number.isFinite(n) || n < 0) {
                            setRefused({ ...refused, [site.id]: t('scen.sites.badNumber', { field, value: raw || '∅', name: site.name }) });
                            return;
                          }
                          setRefused(Object.fromEntries(Object.entries(refused).filter(([id]) => id !== site.id)));
                          store.updateSite(site.id, site.kind === 'industry' ? { jobs: n } : { capacity: n });
                        }}
                        aria-label={site.kind === 'industry' ? t('scen.sites.jobs') : t('scen.sites.capacity')}
                        aria-invalid={refused[site.id] ? true : undefined}
                        data-testid="site-capacity"
                      />
                    </td>
                    <td data-testid="site-hazard">
                      {problems.map((p, k) => <div key={k} className="problems">{p[lang]}</div>)}
                      {site.kind === 'industry' ? (industryNear === null ? t('scen.sites.pending') : t('scen.sites.industryNear', { count: industryNear })) : !dest ? t('scen.sites.pending') : dest.hazards.length === 0 ? t('scen.sites.clear') : (
                        <>
                          {dest.hazards.slice(0, 2).map((h) => <div key={h.id}>{t('scen.sites.hit', { id: h.name || h.id, type: t(`value.${h.type}`), level: level(h.level), m: h.zone ? t('scen.sites.inside') : t('scen.sites.near', { m: Math.round(h.distanceM) }) })}</div>)}
                          {forbidding && <strong className="problems">{t('scen.sites.forbidden')}</strong>}
                        </>
                      )}
                    </td>
                    <td data-testid="site-assigned">
                      {r ? t('scen.sites.villages', { count: r.villages, people: formatPeople(r.assigned, lang) }) : '—'}
                      {r?.idle && site.kind === 'relocation' && <div className="note" data-testid="site-idle">{idleText(r.idle, t, lang)}</div>}
                    </td>
                    <td><button type="button" className="small danger" onClick={() => store.deleteSite(site.id)} data-testid="site-delete">{t('scen.sites.delete')}</button></td>
                  </tr>
                  {refused[site.id] && (
                    <tr>
                      <td colSpan={6} className="problems" role="alert" data-testid="site-capacity-error">{refused[site.id]}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <RegionsSection store={store} view={view} scenario={scenario} lang={lang} onAdd={onAddRegions} />
    </div>
  );
}



/**
 * The suitability analysis's candidate regions added to this scenario: saved with it (a
 * snapshot), each with its capacity's derivation, what it receives, and why nobody when nobody.
 */
function RegionsSection({ store, view, scenario, lang, onAdd }: { store: RelocationStore; view: RelocationView; scenario: RelocationScenario; lang: Lang; onAdd: () => void }) {
  const { t } = useTranslation();
  const regions = scenario.regions ?? [];
  const { facts, result } = view;
  return (
    <section className="regions" data-testid="regions-section">
      <h3>{t('reloc.regions.title')}</h3>
      <div className="row-actions">
        <button type="button" className="small" onClick={onAdd} data-testid="regions-add">{t('reloc.regions.add', { n: scenario.policy.assignment.newSiteCount })}</button>
      </div>
      {regions.length === 0 ? (
        <p className="note">{t('reloc.regions.none')}</p>
      ) : (
        <ul className="region-list" data-testid="region-table">
          {regions.map((region) => {
            const d = facts ? facts.destinations.findIndex((x) => x.id === region.id) : -1;
            const r = d >= 0 && result ? result.destinations[d] : null;
            const name = d >= 0 ? facts!.destinations[d].name : region.name;
            const derivation = r ? derivationText(r, t) : null;
            return (
              <li key={region.id} data-testid="region-row" className={r?.check.excluding ? 'has-alert' : ''}>
                <div className="region-head">
                  <strong>{name}</strong>
                  <span>{r ? t('scen.sites.villages', { count: r.villages, people: formatPeople(r.assigned, lang) }) : t('scen.sites.pending')}</span>
                  <button type="button" className="small" onClick={() => store.removeRegion(region.id)}>{t('reloc.regions.remove')}</button>
                </div>
                <div className="note">{t('reloc.regions.added', { date: region.addedAt, model: region.model, score: Math.round(region.score) })}</div>
                {derivation && <div className="note" data-testid="region-derivation">{derivation}</div>}
                {r && checkText(r.check, t).map((line, k) => <div key={k} className={r.check.excluding && k === 0 ? 'problems' : 'note'}>{line}</div>)}
                {r?.idle && <div className="note" data-testid="region-idle">{idleText(r.idle, t, lang)}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** How many destinations reach an industry site within INDUSTRY_MINUTES (null: not measured yet). */
function industryReach(facts: NonNullable<RelocationView['facts']>, id: string): number | null {
  const j = facts.industry.sites.findIndex((s) => s.id === id);
  return j < 0 ? null : facts.destinations.filter((_, d) => reachesIndustry(facts, d, j)).length;
}
