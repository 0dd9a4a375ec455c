import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelocationFacts, RelocationResult, RelocationScenario, VillageStatus } from '../../core/relocation/analysis';
import { VILLAGE_STATUSES } from '../../core/relocation/analysis';
import { POLICY_SOURCES, type RelocationPolicy } from '../../core/relocation/policy';
import { DESTINATION_KIND, HAZARD_ACTION, HAZARD_TYPE, numberOf, RISK_LEVEL } from '../../core/vocabulary';
import { formatMinutes, formatPeople, formatYuan } from '../register/format';
import { dateText } from '../../core/exposure/register-table';
import type { RelocationStore, RelocationView } from './relocation-store';
import { reasonText, type RelocationTable } from './sheets';
import { Icon } from '../icons';
import type { RunFailure } from '../runs/run';
import { RunProgress } from '../runs/RunProgress';
import { KeyAssumptions, ScenarioBar } from './ScenarioBar';
import { SitesTab, type DrawControl } from './SitesTab';
import { alertText, checkText, derivationText, fullDestinations, idleText, solverText } from './wording';
import { CompareTab, type DiffView } from './CompareTab';
import { useMessageText } from '../message';
import { StatusDot } from './RelocationLegend';

type Lang = 'zh' | 'en';
type Tab = 'overview' | 'villages' | 'destinations' | 'townships' | 'sites' | 'compare' | 'policy';


interface Props {
  store: RelocationStore;
  view: RelocationView;
  lang: Lang;
  onSelectVillage: (index: number) => void;
  onExport: (table: RelocationTable, format: 'csv' | 'xlsx') => void;
  onClose: () => void;
  draw: DrawControl;
  diff: DiffView | null;
  onDiff: (d: DiffView | null) => void;
  /** Opens the briefing (of the comparison when one is open, else of this scenario). */
  onBriefing: () => void;
  briefingBusy: boolean;
  /** Why the last briefing could not be built, if it could not. */
  briefingError: RunFailure | null;
  /** Adds the suitability analysis's best regions to the active scenario. */
  onAddRegions: () => void;
}

export function RelocationPanel({ store, view, lang, onSelectVillage, onExport, onClose, draw, diff, onDiff, onBriefing, briefingBusy, briefingError, onAddRegions }: Props) {
  const { t } = useTranslation();
  const say = useMessageText();
  const [tab, setTabState] = useState<Tab>('overview');
  const setTab = (next: Tab) => {
    // Leaving the sites tab ends drawing; leaving the comparison clears its map.
    if (next !== 'sites' && draw.tool) draw.setTool(null, draw.kind);
    if (next !== 'compare' && diff) onDiff(null);
    setTabState(next);
  };
  const scenario = store.active;
  const { facts, result } = view;
  return (
    <aside className="panel relocation-panel" data-testid="relocation-panel" data-fingerprint={result?.fingerprint ?? ''} aria-label={t('reloc.title')}>
      <header>
        <h2>{t('reloc.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('reloc.close')}><Icon name="close" size={12} /></button>
      </header>
      {view.doc && scenario && <ScenarioBar store={store} view={view} scenario={scenario} />}
      <div className="row-actions">
        {view.running ? (
          <RunProgress
            run={view.activeRun}
            label={(p) => t(`reloc.progress.${p?.stage ?? 'exposure'}`, { done: (p?.done ?? 0) + 1, total: p?.total ?? 1 })}
            cancelLabel={t('reloc.cancel')}
            onCancel={() => store.cancel()}
            testId="reloc-progress"
            cancelTestId="reloc-cancel"
          />
        ) : (
          <button type="button" className="primary" onClick={() => void store.run()} data-testid="reloc-run">{result ? t('reloc.rerun') : t('reloc.run')}</button>
        )}
        {!view.running && view.lastLatencyMs !== null && result && <span className="note" data-testid="reloc-latency">{t('reloc.updated', { ms: Math.round(view.lastLatencyMs) })}</span>}
        <input className="author-input" key={view.doc?.author ?? ''} defaultValue={view.doc?.author ?? ''} placeholder={t('scen.briefing.authorPlaceholder')} aria-label={t('scen.briefing.authorPlaceholder')} onBlur={(e) => e.target.value.trim() !== (view.doc?.author ?? '') && store.setAuthor(e.target.value)} data-testid="briefing-author" />
        <button type="button" className="small" disabled={!result || briefingBusy} onClick={onBriefing} data-testid="briefing-button">{briefingBusy ? t('scen.briefing.building') : t('scen.briefing.button')}</button>
      </div>
      {view.problems.length > 0 && (
        <div className="problems" role="alert" data-testid="reloc-problems">
          {view.problems.map((p, k) => <p key={k}>{p[lang]}</p>)}
        </div>
      )}
      {view.documentProblem && <p className="problems" role="alert" data-testid="document-problem">{say(view.documentProblem)}</p>}
      {view.error && <p className="problems" role="alert">{say(view.error)}</p>}
      {view.policyError && <p className="problems" role="alert" data-testid="policy-error">{say(view.policyError)}</p>}
      {view.signOffError && <p className="problems" role="alert" data-testid="signoff-error">{say(view.signOffError)}</p>}
      {briefingError && <p className="problems" role="alert" data-testid="briefing-error">{say(briefingError)}</p>}
      <div className="tabs" role="tablist">
        {(['overview', 'villages', 'destinations', 'townships', 'sites', 'compare', 'policy'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`reloc-tab-${k}`}>{k === 'sites' || k === 'compare' ? t(`scen.tabs.${k}`) : t(`reloc.tabs.${k}`)}</button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'policy' && scenario ? (
          <PolicyTab policy={scenario.policy} store={store} lang={lang} />
        ) : tab === 'sites' && scenario ? (
          <SitesTab store={store} view={view} scenario={scenario} draw={draw} lang={lang} onAddRegions={onAddRegions} />
        ) : tab === 'compare' && view.doc ? (
          <CompareTab store={store} view={view} lang={lang} diff={diff} onDiff={onDiff} />
        ) : !facts || !result ? (
          <p className="note">{t('reloc.empty')}</p>
        ) : tab === 'overview' ? (
          <>
            {scenario && <KeyAssumptions store={store} view={view} scenario={scenario} lang={lang} />}
            <Overview facts={facts} result={result} view={view} lang={lang} scenario={scenario} />
            {scenario && <SignOffBox store={store} scenario={scenario} result={result} />}
          </>
        ) : tab === 'villages' ? (
          <VillagesTab facts={facts} result={result} view={view} store={store} lang={lang} onSelect={onSelectVillage} onExport={(f) => onExport('villages', f)} />
        ) : tab === 'destinations' ? (
          <DestinationsTab facts={facts} result={result} store={store} lang={lang} capacities={scenario?.capacities ?? {}} onExport={(f) => onExport('destinations', f)} />
        ) : (
          <TownshipsTab result={result} lang={lang} onExport={(f) => onExport('townships', f)} />
        )}
      </div>
    </aside>
  );
}




function Overview({ facts, result, view, lang, scenario }: { facts: RelocationFacts; result: RelocationResult; view: RelocationView; lang: Lang; scenario: RelocationScenario | null }) {
  const { t } = useTranslation();
  const ind = result.indicators;
  const s = result.solver;
  const k = scenario?.policy.assignment.nearestK ?? 0;
  const pct = (x: number) => `${(100 * x).toFixed(x < 0.001 ? 3 : 1)}%`;
  const cards: [string, string, string][] = [
    ['moved', formatPeople(ind.peopleMoved, lang), t('reloc.ind.villagesMoved') + ' ' + ind.villagesMoved],
    ['total', formatYuan(ind.totalCost, lang), `${t('reloc.ind.public')} ${formatYuan(ind.publicCost, lang)}`],
    ['perPerson', formatYuan(ind.costPerPerson, lang), `${t('reloc.ind.household')} ${formatYuan(ind.householdCost, lang)}`],
    ['capacity', pct(ind.capacityUsed), `${t('reloc.ind.unassigned')} ${formatPeople(ind.peopleUnassigned, lang)}`],
    ['must', formatPeople(ind.peopleMust, lang), `${t('reloc.ind.may')} ${formatPeople(ind.peopleMay, lang)}`],
    ['exposed', formatPeople(ind.peopleStillExposed, lang), ind.repairCost > 0 ? `${t('reloc.ind.repair')} ${formatYuan(ind.repairCost, lang)}` : ''],
  ];
  return (
    <div className="reloc-overview" data-testid="reloc-overview">
      {s.status === 'unfinished' && <p className="problems" role="alert" data-testid="reloc-unfinished">{t('reloc.solver.unfinished')}</p>}
      {result.redAlerts.length > 0 && (
        <div className="red-alert" role="alert" data-testid="red-alert">
          <strong>{t('reloc.red.title')}</strong>
          <ul>
            {result.redAlerts.map((a) => {
              const v = facts.villages[a.village];
              const h = a.hazard;
              const note = result.villages[a.village].note;
              return <li key={a.village}>{t('reloc.red.line', { village: v.name, people: v.population, destination: facts.destinations[a.destination].name, type: t(`value.${h.type}`), hazard: h.name || h.id })} — {a.justified ? t('reloc.red.justified', { note }) : <strong>{t('reloc.red.unjustified')}</strong>}</li>;
            })}
          </ul>
          <p className="note">{t('reloc.red.exposed')}</p>
        </div>
      )}
      <div className="indicator-grid">
        {cards.map(([key, value, sub]) => (
          <div key={key} className="indicator" data-testid={`ind-${key}`}>
            <span className="label">{t(`reloc.ind.${key}`)}</span>
            <strong>{value}</strong>
            <span className="sub">{sub}</span>
          </div>
        ))}
      </div>
      <div className="solver note" data-testid="reloc-solver">
        <div data-testid="reloc-solver-verdict">{solverText(result, scenario?.policy.assignment.relGap ?? 0, t)}</div>
        {ind.peopleUnassigned > 0 && s.placed === s.maxPlaced && <div>{t('reloc.solver.placedMax', { placed: Math.round(s.placed) })}</div>}
        <div data-testid="reloc-fingerprint" title={t('reloc.solver.fingerprintHint')}>{t('reloc.solver.fingerprint')} <code>{result.fingerprint}</code></div>
        {s.status !== 'none' && <div>{t('reloc.solver.pruning', { k, added: s.pricing.added, ok: t(s.pricing.complete ? 'reloc.solver.pruneOk' : 'reloc.solver.pruneOpen') })}</div>}
        {s.status !== 'none' && <div>{t('reloc.solver.detail', { villages: s.villages, arcs: s.arcs, ms: Math.round(s.elapsedMs) })}</div>}
        <div>{t('reloc.travelNote', { cell: Math.round(facts.travel.cellM) })}</div>
      </div>
      {(result.shortages.length > 0 || result.noDestination.length > 0) && (
        <div className="shortage" role="alert" data-testid="reloc-shortage">
          <strong>{t('reloc.shortage.title')}</strong>
          {ind.peopleUnassigned > 0 && (
            <p data-testid="reloc-shortage-headline">
              {t('reloc.shortage.headline', {
                people: Math.round(ind.peopleUnassigned),
                villages: result.villages.filter((r) => r.moves && r.destination < 0).length,
                full: fullDestinations(facts, result).join('、') || '—',
              })}
            </p>
          )}
          <ul>
            {result.shortages.map((x) => <li key={x.destination}>{t('reloc.shortage.line', { destination: facts.destinations[x.destination].name, by: Math.round(x.shortBy), count: x.villages.length })}</li>)}
            {result.noDestination.length > 0 && <li>{t('reloc.shortage.none', { count: result.noDestination.length })}</li>}
          </ul>
          {result.shortages.length > 0 && <p className="note">{t('reloc.shortage.fix')}</p>}
        </div>
      )}
      {result.destinations.length > 0 && result.destinations.every((d) => d.check.excluding) && <p className="problems" role="alert" data-testid="reloc-all-excluded">{t('reloc.shortage.allExcluded')}</p>}
      {ind.villagesInsufficient > 0 && <p className="note" data-testid="reloc-insufficient">{t('reloc.insufficient', { count: ind.villagesInsufficient, people: formatPeople(ind.peopleInsufficient, lang) })}</p>}
      {view.warnings.length > 0 && (
        <ul className="warnings note">
          {view.warnings.map((w, i) => <li key={i}>{w[lang]}</li>)}
        </ul>
      )}
    </div>
  );
}

function ExportButtons({ onExport }: { onExport: (f: 'csv' | 'xlsx') => void }) {
  const { t } = useTranslation();
  return (
    <span className="export-buttons">
      <button type="button" className="small" onClick={() => onExport('csv')}>{t('reloc.export.csv')}</button>
      <button type="button" className="small" onClick={() => onExport('xlsx')}>{t('reloc.export.xlsx')}</button>
    </span>
  );
}

function VillagesTab({ facts, result, view, store, lang, onSelect, onExport }: { facts: RelocationFacts; result: RelocationResult; view: RelocationView; store: RelocationStore; lang: Lang; onSelect: (i: number) => void; onExport: (f: 'csv' | 'xlsx') => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<VillageStatus | 'all' | 'alerts'>('must');
  const rows = useMemo(() => {
    const out: number[] = [];
    result.villages.forEach((r, v) => {
      if (filter === 'all' || (filter === 'alerts' ? r.alerts.length > 0 : r.status === filter)) out.push(v);
    });
    return out.sort((a, b) => facts.villages[b].population - facts.villages[a].population).slice(0, 400);
  }, [facts, result, filter]);
  const selected = view.selected;
  return (
    <div className="reloc-villages">
      <div className="row-actions">
        <select value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} data-testid="village-filter">
          {(['all', ...VILLAGE_STATUSES, 'alerts'] as const).map((k) => <option key={k} value={k}>{t(`reloc.filter.${k}`)}</option>)}
        </select>
        <ExportButtons onExport={onExport} />
      </div>
      {selected >= 0 && selected < result.villages.length && <VillageDetail key={facts.villages[selected].id} index={selected} facts={facts} result={result} store={store} lang={lang} />}
      <div className="table-scroll">
        <table className="reloc-table" data-testid="village-table">
          <thead>
            <tr>
              <th>{t('reloc.col.village')}</th>
              <th>{t('reloc.col.status')}</th>
              <th className="num">{t('reloc.col.people')}</th>
              <th>{t('reloc.col.destination')}</th>
              <th className="num">{t('reloc.col.cost')}</th>
              <th className="num">{t('reloc.col.public')}</th>
              <th>{t('reloc.col.school')}</th>
              <th>{t('reloc.col.clinic')}</th>
              <th>{t('reloc.col.town')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => {
              const f = facts.villages[v];
              const r = result.villages[v];
              const ba = (before: number, after: number | undefined) => (after === undefined ? formatMinutes(before) : `${formatMinutes(before)}→${formatMinutes(after)}`);
              return (
                <tr key={v} className={`${v === selected ? 'selected' : ''} ${r.alerts.length > 0 ? 'has-alert' : ''}`} onClick={() => onSelect(v)} data-testid="village-row" data-village={f.id} title={r.reasons.map((x) => reasonText(x, t)).join('；')}>
                  <td>{f.name}<small> {f.township}</small></td>
                  <td><StatusDot status={r.status} />{t(`reloc.status.${r.status}`)}{r.overridden || r.note ? ' ✎' : ''}</td>
                  <td className="num">{f.population}</td>
                  <td>{r.destination >= 0 ? facts.destinations[r.destination].name : r.moves ? <span className="bad">{t('reloc.ind.unassigned')}</span> : '—'}</td>
                  <td className="num">{r.cost ? formatYuan(r.cost.total, lang) : r.status === 'repair' && r.repair !== null ? formatYuan(r.repair, lang) : '—'}</td>
                  <td className="num">{r.cost ? formatYuan(r.cost.public, lang) : '—'}</td>
                  <td>{ba(f.before.school, r.after?.school)}</td>
                  <td>{ba(f.before.clinic, r.after?.clinic)}</td>
                  <td>{ba(f.before.town, r.after?.town)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function VillageDetail({ index, facts, result, store, lang }: { index: number; facts: RelocationFacts; result: RelocationResult; store: RelocationStore; lang: Lang }) {
  const { t } = useTranslation();
  const f = facts.villages[index];
  const r = result.villages[index];
  const existing = store.active?.overrides[f.id];
  const [status, setStatus] = useState<VillageStatus | ''>(existing?.status ?? '');
  const [destination, setDestination] = useState(existing?.destination ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const apply = () => store.setOverride(f.id, { ...(status ? { status } : {}), ...(destination ? { destination } : {}), note });
  const c = r.cost;
  return (
    <div className="village-detail" data-testid="village-detail">
      <h3>{t('reloc.detail.title', { name: f.name, people: f.population })} <StatusDot status={r.status} />{t(`reloc.status.${r.status}`)}</h3>
      <div><strong>{t('reloc.detail.reasons')}：</strong>{r.reasons.length > 0 ? r.reasons.map((x) => reasonText(x, t)).join('；') : t('reloc.detail.noReason')}</div>
      {r.alerts.length > 0 && (
        <ul className="alerts" data-testid="village-alerts">
          {r.alerts.map((a, k) => <li key={k}>{alertText(a, facts, t)}</li>)}
        </ul>
      )}
      {r.destination >= 0 && c && (
        <>
          <div data-testid="village-chosen">
            <strong>{t('reloc.detail.chosen')}：</strong>{facts.destinations[r.destination].name}{r.overridden ? `（${t('reloc.detail.overridden')}）` : ''} · {formatYuan(c.total, lang)} · {t('reloc.detail.minutes', { n: formatMinutes(r.minutes) })}
          </div>
          <div className="cost-breakdown">
            {(['subsidy', 'construction', 'land', 'infrastructure', 'demolition', 'moving'] as const).map((k) => <span key={k}>{t(`reloc.detail.${k}`)} {formatYuan(c[k], lang)}</span>)}
            <span>{t('reloc.detail.totalPublic', { public: formatYuan(c.public, lang), household: formatYuan(c.household, lang) })}</span>
          </div>
          <div>
            <strong>{t('reloc.detail.travel')}：</strong>
            {t('reloc.col.school')} {t('reloc.col.beforeAfter', { before: formatMinutes(f.before.school), after: formatMinutes(r.after!.school) })} · {t('reloc.col.clinic')} {t('reloc.col.beforeAfter', { before: formatMinutes(f.before.clinic), after: formatMinutes(r.after!.clinic) })} · {t('reloc.col.town')} {t('reloc.col.beforeAfter', { before: formatMinutes(f.before.town), after: formatMinutes(r.after!.town) })}
          </div>
        </>
      )}
      {r.alternatives.length > 0 && (
        <div data-testid="village-alternatives">
          <strong>{r.destination >= 0 ? t('reloc.detail.alternatives') : t('reloc.detail.unassigned')}</strong>
          <ol>
            {r.alternatives.map((a) => (
              <li key={a.destination}>
                {facts.destinations[a.destination].name} · {formatYuan(a.cost, lang)} · {t('reloc.detail.minutes', { n: formatMinutes(a.minutes) })} — {t(`reloc.why.${a.why}`, { delta: formatYuan(a.delta, lang) })}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="note">{r.status === 'insufficient' ? t('reloc.detail.noJudgement') : r.repair === null ? t('reloc.detail.noRepair') : t('reloc.detail.repairVs', { repair: formatYuan(r.repair, lang), move: c ? formatYuan(c.total, lang) : '—' })}</div>
      <fieldset className="override">
        <legend>{t('reloc.detail.override')}</legend>
        <select value={status} onChange={(e) => setStatus(e.target.value as VillageStatus | '')} data-testid="override-status">
          <option value="">{t('reloc.detail.statusAuto')}</option>
          {VILLAGE_STATUSES.map((s) => <option key={s} value={s}>{t(`reloc.status.${s}`)}</option>)}
        </select>
        <select value={destination} onChange={(e) => setDestination(e.target.value)} data-testid="override-destination">
          <option value="">{t('reloc.detail.destinationAuto')}</option>
          {facts.destinations.map((d, k) => <option key={d.id} value={d.id}>{d.name}（{Math.round(result.destinations[k].free - result.destinations[k].assigned)}）</option>)}
        </select>
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('reloc.detail.note')} aria-label={t('reloc.detail.note')} data-testid="override-note" />
        <button type="button" className="small primary" onClick={apply} data-testid="override-apply">{t('reloc.detail.apply')}</button>
        {existing && <button type="button" className="small" onClick={() => { setStatus(''); setDestination(''); setNote(''); store.setOverride(f.id, null); }} data-testid="override-clear">{t('reloc.detail.clear')}</button>}
      </fieldset>
    </div>
  );
}

function DestinationsTab({ facts, result, store, lang, capacities, onExport }: { facts: RelocationFacts; result: RelocationResult; store: RelocationStore; lang: Lang; capacities: Record<string, number>; onExport: (f: 'csv' | 'xlsx') => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="row-actions"><ExportButtons onExport={onExport} /></div>
      <div className="table-scroll">
        <table className="reloc-table" data-testid="destination-table">
          <thead>
            <tr>
              <th>{t('reloc.col.destination')}</th>
              <th>{t('reloc.col.type')}</th>
              <th className="num">{t('reloc.col.capacity')}</th>
              <th className="num">{t('reloc.col.used')}</th>
              <th className="num">{t('reloc.col.assigned')}</th>
              <th className="num">{t('reloc.col.remaining')}</th>
              <th className="num">{t('reloc.col.villages')}</th>
              <th className="num" title={t('scen.industryNearHint')}>{t('scen.industryNear')}</th>
            </tr>
          </thead>
          <tbody>
            {result.destinations.map((r, d) => {
              const f = facts.destinations[d];
              const left = r.free - r.assigned;
              const check = checkText(r.check, t);
              const derivation = derivationText(r, t);
              return (
                <tr key={f.id} className={r.check.excluding ? 'excluded' : r.alerts.length > 0 || check.length > 0 ? 'has-alert' : ''} data-testid="destination-row" data-destination={f.id}>
                  <td>
                    {f.name}<small> {f.township}</small>
                    {check.map((line, k) => <div key={k} className={r.check.excluding && k === 0 ? 'problems' : 'note'} data-testid="destination-check">{line}</div>)}
                    {r.alerts.filter((a) => a.code === 'over_capacity').map((a, k) => <div key={`a${k}`} className="problems">{alertText(a, facts, t)}</div>)}
                    {derivation && <div className="note" data-testid="destination-derivation">{derivation}</div>}
                    {r.idle && (f.drawn || f.areaHa !== undefined) && <div className="note" data-testid="destination-idle">{idleText(r.idle, t, lang)}</div>}
                  </td>
                  <td>{t(`reloc.policy.types.${f.type}`)}</td>
                  <td className="num">
                    <input type="number" min={0} step={10} value={capacities[f.id] ?? f.capacity} onChange={(e) => e.target.value !== '' && (f.drawn ? store.updateSite(f.id, { capacity: Number(e.target.value) }) : store.setCapacity(f.id, Number(e.target.value)))} aria-label={`${f.name} ${t('reloc.col.capacity')}`} data-testid="capacity-input" />
                  </td>
                  <td className="num">{r.used}</td>
                  <td className="num">{Math.round(r.assigned)}</td>
                  <td className={`num ${left < 0 ? 'bad' : ''}`}>{Math.round(left)}</td>
                  <td className="num">{r.villages}</td>
                  <td className="num" data-testid="destination-industry">{r.industryNear}{r.jobsNear > 0 ? ` / ${r.jobsNear}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="note">{formatPeople(result.destinations.reduce((s, r) => s + r.assigned, 0), lang)}</p>
    </div>
  );
}

function TownshipsTab({ result, lang, onExport }: { result: RelocationResult; lang: Lang; onExport: (f: 'csv' | 'xlsx') => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="row-actions"><ExportButtons onExport={onExport} /></div>
      <table className="reloc-table" data-testid="township-table">
        <thead>
          <tr>
            <th>{t('reloc.col.township')}</th>
            <th className="num">{t('reloc.col.villages')}</th>
            <th className="num">{t('reloc.col.mustPeople')}</th>
            <th className="num">{t('reloc.col.movedPeople')}</th>
            <th className="num">{t('reloc.col.cost')}</th>
            <th className="num">{t('reloc.col.public')}</th>
          </tr>
        </thead>
        <tbody>
          {result.townships.map((r) => (
            <tr key={r.township}>
              <td>{r.township}</td>
              <td className="num">{r.villages}</td>
              <td className="num">{r.mustPeople}</td>
              <td className="num">{r.movedPeople}</td>
              <td className="num">{formatYuan(r.totalCost, lang)}</td>
              <td className="num">{formatYuan(r.publicCost, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NumberField({ path, value, store, lang, step = 1 }: { path: string; value: number; store: RelocationStore; lang: Lang; step?: number }) {
  const { t } = useTranslation();
  const key = path.split('.').slice(1).join('.');
  const head = path.split('.')[1];
  const source = POLICY_SOURCES[path] ?? POLICY_SOURCES[path.split('.').slice(0, 2).join('.')];
  return (
    <label className="field" title={source ? `${t('reloc.policy.source')}：${source[lang]}` : undefined}>
      <span>{t(`reloc.policy.${key.includes('.') ? head : key}`)}{key.includes('.') ? ` · ${t(`reloc.policy.${path.startsWith('travel') ? 'roads' : 'types'}.${key.split('.')[1]}`)}` : ''}</span>
      <input type="number" step={step} defaultValue={value} key={value} onBlur={(e) => e.target.value !== '' && Number(e.target.value) !== value && store.setPolicy(path, Number(e.target.value))} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} data-testid={`policy-${path}`} />
    </label>
  );
}

function Toggle({ path, value, store }: { path: string; value: boolean; store: RelocationStore }) {
  const { t } = useTranslation();
  return (
    <label className="toggle">
      <input type="checkbox" checked={value} onChange={(e) => store.setPolicy(path, e.target.checked)} data-testid={`policy-${path}`} /> {t(`reloc.policy.${path.split('.')[1]}`)}
    </label>
  );
}

function PolicyTab({ policy, store, lang }: { policy: RelocationPolicy; store: RelocationStore; lang: Lang }) {
  const { t } = useTranslation();
  const { rules, cost, assignment, travel } = policy;
  const typed = (group: 'constructionPerM2' | 'infrastructurePerHousehold' | 'landCostPerM2') =>
    DESTINATION_KIND.codes.map((ty) => <NumberField key={ty} path={`cost.${group}.${ty}`} value={cost[group][ty]} store={store} lang={lang} step={100} />);
  return (
    <div className="policy-tab" data-testid="policy-tab">
      <h3>{t('reloc.policy.rules')}</h3>
      <div className="fields">
        <fieldset className="hazard-types" title={POLICY_SOURCES['rules.hazardTypes'][lang]}>
          <legend>{t('reloc.policy.hazardTypes')}</legend>
          {HAZARD_TYPE.codes.filter((h) => h !== 'reservoir').map((h) => (
            <label key={h} className="toggle">
              <input type="checkbox" checked={rules.hazardTypes.includes(h)} onChange={(e) => store.setPolicy('rules.hazardTypes', e.target.checked ? [...rules.hazardTypes, h] : rules.hazardTypes.filter((x) => x !== h))} data-testid={`hazard-type-${h}`} /> {t(`value.${h}`)}
            </label>
          ))}
        </fieldset>
        {(['mediumRiskDistanceM', 'highElevationM', 'remoteTownMinutes'] as const).map((k) => <NumberField key={k} path={`rules.${k}`} value={rules[k]} store={store} lang={lang} />)}
        <NumberField path="rules.keyVillageShare" value={rules.keyVillageShare} store={store} lang={lang} step={0.05} />
      </div>
      <HazardRuleTable policy={policy} store={store} lang={lang} />
      <h3>{t('reloc.policy.cost')}</h3>
      <div className="fields">
        {(['subsidyLowIncome', 'subsidyOther', 'housingM2LowIncome', 'housingM2Other', 'landM2PerHousehold', 'demolitionPerHousehold', 'movingPerHousehold', 'movingPerHouseholdMinute', 'repairPerHouseC', 'rebuildPerHouseD'] as const).map((k) => (
          <NumberField key={k} path={`cost.${k}`} value={cost[k]} store={store} lang={lang} step={k.startsWith('housing') || k === 'landM2PerHousehold' ? 1 : 1000} />
        ))}
        <NumberField path="cost.householdShare" value={cost.householdShare} store={store} lang={lang} step={0.1} />
      </div>
      <div className="fields">{typed('constructionPerM2')}</div>
      <div className="fields">{typed('infrastructurePerHousehold')}</div>
      <div className="fields">{typed('landCostPerM2')}</div>
      <h3>{t('reloc.policy.assignment')}</h3>
      <div className="fields">
        <NumberField path="assignment.lambda" value={assignment.lambda} store={store} lang={lang} step={50} />
        <NumberField path="assignment.nearestK" value={assignment.nearestK} store={store} lang={lang} />
        <NumberField path="assignment.timeLimitS" value={assignment.timeLimitS} store={store} lang={lang} />
        <NumberField path="assignment.relGap" value={assignment.relGap} store={store} lang={lang} step={0.005} />
        <NumberField path="assignment.newSiteDensity" value={assignment.newSiteDensity} store={store} lang={lang} step={10} />
        <NumberField path="assignment.newSiteMaxPersons" value={assignment.newSiteMaxPersons} store={store} lang={lang} step={100} />
        <NumberField path="assignment.newSiteCount" value={assignment.newSiteCount} store={store} lang={lang} />
        <Toggle path="assignment.includeMay" value={assignment.includeMay} store={store} />
        <Toggle path="assignment.sameTownship" value={assignment.sameTownship} store={store} />
        <Toggle path="assignment.sameCounty" value={assignment.sameCounty} store={store} />
      </div>
      <h3>{t('reloc.policy.travel')}</h3>
      <div className="fields">
        {(['county', 'township', 'village'] as const).map((c) => <NumberField key={c} path={`travel.roadKmh.${c}`} value={travel.roadKmh[c]} store={store} lang={lang} />)}
        <NumberField path="travel.offPathFactor" value={travel.offPathFactor} store={store} lang={lang} step={0.05} />
        <Toggle path="travel.riversBarrier" value={travel.riversBarrier} store={store} />
        <Toggle path="travel.hazardsImpassable" value={travel.hazardsImpassable} store={store} />
      </div>
      <p className="note">{t('reloc.policy.source')}：{lang === 'zh' ? '将鼠标停在参数上可查看其依据。' : 'Hover a field to see its source.'}</p>
    </div>
  );
}

/**
 * The hazard rules for destinations: per hazard type, what a hit inside the zone and within its
 * buffer does at each risk level (exclude, warn, allow). Applied to every destination.
 */
function HazardRuleTable({ policy, store, lang }: { policy: RelocationPolicy; store: RelocationStore; lang: Lang }) {
  const { t } = useTranslation();
  const table = policy.rules.destinationHazards;
  const levels = RISK_LEVEL.codes.filter((c) => c !== 'none');
  return (
    <div className="hazard-rules" title={`${t('reloc.policy.source')}：${POLICY_SOURCES['rules.destinationHazards'][lang]}`}>
      <h4>{t('reloc.policy.destinationHazards')}</h4>
      <table className="reloc-table" data-testid="hazard-rule-table">
        <thead>
          <tr>
            <th />
            {(['inside', 'buffer'] as const).map((where) => levels.map((l) => <th key={`${where}-${l}`}>{t(`reloc.policy.${where}`)} · {t(`value.${l}`)}</th>))}
          </tr>
        </thead>
        <tbody>
          {HAZARD_TYPE.codes.map((type) => (
            <tr key={type}>
              <th>{t(`value.${type}`)}</th>
              {(['inside', 'buffer'] as const).map((where) =>
                levels.map((l) => {
                  // The table is indexed by level number − 1 (low 0, medium 1, high 2), whatever the display order.
                  const i = numberOf(RISK_LEVEL, l) - 1;
                  const value = table[type]?.[where][i] ?? 'exclude';
                  return (
                    <td key={`${where}-${l}`}>
                      <select
                        value={value}
                        className={`action-${value}`}
                        onChange={(e) => {
                          const row = table[type] ?? { inside: ['exclude', 'exclude', 'exclude'], buffer: ['exclude', 'exclude', 'exclude'] };
                          const next = [...row[where]] as typeof row.inside;
                          next[i] = e.target.value as typeof value;
                          store.setPolicy(`rules.destinationHazards`, { ...table, [type]: { ...row, [where]: next } });
                        }}
                        aria-label={`${t(`value.${type}`)} ${t(`reloc.policy.${where}`)} ${t(`value.${l}`)}`}
                        data-testid={`hazard-rule-${type}-${where}-${l}`}
                      >
                        {HAZARD_ACTION.codes.map((a) => <option key={a} value={a}>{t(`reloc.policy.actions.${a}`)}</option>)}
                      </select>
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The sign-off (定稿): who signed and when, whether it still holds for the result on view, and the form to sign. */
function SignOffBox({ store, scenario, result }: { store: RelocationStore; scenario: RelocationScenario; result: RelocationResult }) {
  const { t } = useTranslation();
  const [by, setBy] = useState('');
  const signed = scenario.signOff;
  return (
    <fieldset className="signoff" data-testid="signoff">
      <legend>{t('reloc.signoff.title')}</legend>
      {signed ? (
        <>
          <p data-testid="signoff-state">{t('reloc.signoff.signed', { by: signed.by, date: signed.date, fp: signed.fingerprint })}</p>
          {signed.fingerprint !== result.fingerprint && <p className="problems" role="alert" data-testid="signoff-stale">{t('reloc.signoff.stale', { now: result.fingerprint, then: signed.fingerprint })}</p>}
          <button type="button" className="small" onClick={() => store.clearSignOff()} data-testid="signoff-clear">{t('reloc.signoff.clear')}</button>
        </>
      ) : (
        <div className="row-actions">
          <span className="note" data-testid="signoff-state">{t('reloc.signoff.none')}</span>
          <input value={by} onChange={(e) => setBy(e.target.value)} placeholder={t('reloc.signoff.by')} aria-label={t('reloc.signoff.by')} data-testid="signoff-by" />
          <button type="button" className="small primary" onClick={() => store.signOff(by, dateText(Date.now()))} data-testid="signoff-sign">{t('reloc.signoff.sign')}</button>
        </div>
      )}
    </fieldset>
  );
}
