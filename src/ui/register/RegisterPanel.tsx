import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultExposureParams } from '../../core/exposure/analysis';
import { DEFINITIONS, hazardIssueText, hazardTypeLabel, reviewLabel, riskLevelLabel, roleFeatureLabel, statusLabel } from '../../core/exposure/labels';
import { EXPOSURE_STATUS, HAZARD_RISK_LEVELS, HAZARD_TYPE, numberOf, REVIEW_STATE, RISK_LEVEL, type ExposureStatus, type RiskLevel } from '../../core/vocabulary';
import { REVIEW_STATUSES, reviewOf, type AreaSummary, type RegisterEntry, type RegisterState, type ReviewStatus } from '../../core/exposure/register';
import type { LayerInfo } from '../../../workers/data.types';
import { currentLanguage } from '../i18n';
import { useMessageText } from '../message';
import { Icon } from '../icons';
import { RunProgress } from '../runs/RunProgress';
import { formatCount, formatDateTime, formatPeople, today } from './format';
import type { RegisterSettings, RegisterStore, RegisterView } from './register-store';

type Tab = 'entries' | 'summary' | 'changes' | 'settings';
type SortKey = 'name' | 'township' | 'people' | 'status' | 'level' | 'nearest' | 'review';

interface Props {
  store: RegisterStore;
  view: RegisterView;
  layers: LayerInfo[];
  selectedKey: string | null;
  onSelect(entry: RegisterEntry): void;
  onExport(format: 'csv' | 'xlsx'): void;
  onClose(): void;
}

const PAGE = 200;

/** Review state of an entry as a filterable code. */
function reviewCode(state: RegisterState | null, entry: RegisterEntry): 'none' | 'changed' | ReviewStatus {
  const r = reviewOf(state, entry);
  return !r ? 'none' : r.current ? r.review.status : 'changed';
}

/** The land officer's register: entries with filters and reviews, figures, changes, settings. */
export function RegisterPanel({ store, view, layers, selectedKey, onSelect, onExport, onClose }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const say = useMessageText();
  const [tab, setTab] = useState<Tab>('entries');
  const { run } = view;
  // Hazard layers added since the register's layers were chosen (e.g. a newer survey).
  const known = view.state?.knownHazardLayerIds ?? view.state?.hazardLayerIds ?? [];
  const newHazardLayers = run && known.length > 0 ? layers.filter((l) => l.role === 'hazards' && !known.includes(l.id)) : [];
  return (
    <aside className="panel register-panel" data-testid="register-panel" aria-label={t('register.title')}>
      <header className="register-header">
        <h2>{t('register.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('register.close')}><Icon name="close" size={12} /></button>
      </header>
      <div className="register-actions">
        {view.running ? (
          <RunProgress
            run={view.activeRun}
            label={(p) => t('register.running', { done: formatCount(p?.done ?? 0, lang), total: formatCount(p?.total ?? 1, lang) })}
            cancelLabel={t('register.cancel')}
            onCancel={() => store.cancel()}
            testId="register-progress"
            cancelTestId="register-cancel"
          />
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void store.run()} data-testid="register-run">{run ? t('register.rerun') : t('register.run')}</button>
            {run && <span className="note" data-testid="register-time" data-run-at={run.at}>{t('register.ranAt', { time: formatDateTime(run.at) })}</span>}
            {run && (
              <span className="register-export">
                <button type="button" onClick={() => onExport('csv')} data-testid="register-export-csv">{t('register.export.csv')}</button>
                <button type="button" onClick={() => onExport('xlsx')} data-testid="register-export-xlsx">{t('register.export.xlsx')}</button>
              </span>
            )}
          </>
        )}
      </div>
      {view.documentProblem && <p className="table-warning" role="alert" data-testid="document-problem">{say(view.documentProblem)}</p>}
      {view.error && <p className="table-warning" role="alert" data-testid="register-error">{say(view.error)}</p>}
      {newHazardLayers.length > 0 && (
        <p className="warning-text" role="status" data-testid="register-new-layers">
          {t('register.newHazards', { names: newHazardLayers.map((l) => `“${l.name[lang]}”`).join('、') })}{' '}
          <button type="button" className="link" onClick={() => setTab('settings')}>{t('register.tabs.settings')}</button>
        </p>
      )}
      {view.notice && <p className="note" role="status">{say(view.notice)}</p>}
      {run?.issues.map((issue) => (
        <p key={`${issue.layerId}-${issue.field}`} className="warning-text" role="status" data-testid="register-data-issue">{hazardIssueText(issue, lang)}</p>
      ))}
      <nav className="tabs" role="tablist">
        {(['entries', 'summary', 'changes', 'settings'] as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`register-tab-${k}`}>
            {t(`register.tabs.${k}`)}
            {k === 'changes' && view.changes && view.changes.length > 0 && <span className="count-badge">{view.changes.length}</span>}
          </button>
        ))}
      </nav>
      <div className="register-body">
        {tab === 'settings' ? (
          <SettingsTab store={store} layers={layers} state={view.state} />
        ) : !run ? (
          <p className="note">{view.loaded ? t('register.notRun') : '…'}</p>
        ) : tab === 'entries' ? (
          <EntriesTab store={store} view={view} selectedKey={selectedKey} onSelect={onSelect} />
        ) : tab === 'summary' ? (
          <SummaryTab summary={view.summary} />
        ) : (
          <ChangesTab view={view} onSelect={onSelect} />
        )}
      </div>
    </aside>
  );
}

function EntriesTab({ store, view, selectedKey, onSelect }: { store: RegisterStore; view: RegisterView; selectedKey: string | null; onSelect(e: RegisterEntry): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { entries, state, run } = view;
  const [filter, setFilter] = useState({ township: '', type: '', level: '', status: '', review: '', role: '', text: '' });
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'level', desc: true });
  const [limit, setLimit] = useState(PAGE);
  const townships = useMemo(() => [...new Set(entries.map((e) => e.township ?? ''))].sort((a, b) => a.localeCompare(b, 'zh')), [entries]);
  const roles = useMemo(() => [...new Set(entries.map((e) => e.role))], [entries]);
  const rows = useMemo(() => {
    const text = filter.text.trim().toLowerCase();
    const out = entries.filter(
      (e) =>
        (!filter.township || (e.township ?? '') === filter.township) &&
        (!filter.type || (e.typeMask & (1 << Number(filter.type))) !== 0) &&
        (!filter.level || e.level === Number(filter.level)) &&
        (!filter.status || e.status === Number(filter.status)) &&
        (!filter.role || e.role === filter.role) &&
        (!filter.review || reviewCode(state, e) === filter.review) &&
        (!text || (e.name ?? '').toLowerCase().includes(text) || e.id.toLowerCase().includes(text)),
    );
    const value = (e: RegisterEntry): string | number => {
      switch (sort.key) {
        case 'name': return e.name ?? e.id;
        case 'township': return e.township ?? '';
        case 'people': return Number.isFinite(e.people) ? e.people : -1;
        case 'status': return e.status * 10 + e.level;
        case 'level': return e.level * 10 + e.status;
        case 'nearest': return e.nearestM;
        case 'review': return reviewCode(state, e);
      }
    };
    const dir = sort.desc ? -1 : 1;
    return out.sort((a, b) => {
      const va = value(a), vb = value(b);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'zh');
      return dir * c || (b.people || 0) - (a.people || 0);
    });
  }, [entries, filter, sort, state]);
  const selected = selectedKey ? entries.find((e) => e.key === selectedKey) : undefined;
  const header = (key: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' && key !== 'township' && key !== 'nearest' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const select = (key: keyof typeof filter, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={filter[key]} onChange={(e) => { setFilter((f) => ({ ...f, [key]: e.target.value })); setLimit(PAGE); }} data-testid={`register-filter-${key}`}>
        <option value="">{t('register.filter.all')}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
  return (
    <>
      <div className="register-filters">
        {select('township', t('register.filter.township'), townships.map((x) => [x, x || t('register.unknownTownship')]))}
        {select('type', t('register.filter.hazardType'), HAZARD_TYPE.entries.map(({ num }) => [String(num), hazardTypeLabel(num, lang)]))}
        {select('level', t('register.filter.level'), HAZARD_RISK_LEVELS.map((l) => numberOf(RISK_LEVEL, l)).map((k) => [String(k), riskLevelLabel(k, lang)]))}
        {select('status', t('register.filter.status'), EXPOSURE_STATUS.entries.filter((e) => e.code !== 'clear').map(({ num }) => [String(num), statusLabel(num, lang)]))}
        {select('review', t('register.filter.review'), REVIEW_STATE.codes.map((k) => [k, reviewLabel(k, lang)]))}
        {roles.length > 1 && select('role', t('register.filter.role'), roles.map((r) => [r, roleFeatureLabel(r, lang)]))}
        <input type="search" placeholder={t('register.filter.search')} value={filter.text} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} data-testid="register-search" />
      </div>
      <div className="table-count" data-testid="register-count">{t('register.shown', { shown: Math.min(limit, rows.length), total: rows.length })}</div>
      <div className="register-table-scroll">
        <table className="register-table" data-testid="register-table">
          <thead>
            <tr>
              {header('name', t('register.col.name'))}
              {header('township', t('register.col.township'))}
              {header('people', t('register.col.people'), 'num')}
              {header('level', t('register.col.level'))}
              {header('status', t('register.col.status'))}
              {header('nearest', t('register.col.nearest'), 'num')}
              {header('review', t('register.col.review'))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((e) => {
              const review = reviewCode(state, e);
              return (
                <tr key={e.key} className={e.key === selectedKey ? 'selected' : undefined} onClick={() => onSelect(e)} data-key={e.key}>
                  <td title={e.id}>
                    {e.role !== 'villages' && <span className="role-tag">{roleFeatureLabel(e.role, lang)}</span>}
                    {e.name ?? e.id}
                  </td>
                  <td>{e.township ?? t('register.unknownTownship')}</td>
                  <td className="num">{Number.isFinite(e.people) ? formatCount(e.people, lang) : '—'}</td>
                  <td><span className={`level-chip level-${e.level}`}>{riskLevelLabel(e.level, lang)}</span></td>
                  <td>{statusLabel(e.status, lang)}</td>
                  <td className="num">{Math.round(e.nearestM)}</td>
                  <td className={`review-${review}`}>{reviewLabel(review, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length > limit && <button type="button" onClick={() => setLimit((l) => l + PAGE)}>{t('register.more')}</button>}
      </div>
      {selected && run && <EntryReview key={selected.key} store={store} state={state} entry={selected} />}
      <p className="note definitions">{DEFINITIONS.inside[lang]} {DEFINITIONS.near[lang]} {DEFINITIONS.distance[lang]} {DEFINITIONS.level[lang]}</p>
    </>
  );
}

function EntryReview({ store, state, entry }: { store: RegisterStore; state: RegisterState | null; entry: RegisterEntry }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const current = reviewOf(state, entry);
  const [status, setStatus] = useState<ReviewStatus>(current?.current ? current.review.status : 'confirmed');
  const [note, setNote] = useState(current?.current ? current.review.note : '');
  const [date, setDate] = useState(today());
  const [error, setError] = useState(false);
  const history = state?.reviews[entry.key] ?? [];
  return (
    <form
      className="entry-review"
      data-testid="entry-review"
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return setError(true);
        setError(false);
        void store.review(entry, { status, note: note.trim(), date });
      }}
    >
      <h3>{t('register.review.title')}：{entry.name ?? entry.id}</h3>
      {current && !current.current && (
        <p className="warning-text">{t('register.review.previous', { status: reviewLabel(current.review.status, lang), date: current.review.date })}</p>
      )}
      <div className="review-status" role="radiogroup" aria-label={t('register.review.status')}>
        {REVIEW_STATUSES.map((s) => (
          <label key={s}>
            <input type="radio" name="review-status" value={s} checked={status === s} onChange={() => setStatus(s)} /> {reviewLabel(s, lang)}
          </label>
        ))}
      </div>
      <label className="review-note">
        {t('register.review.note')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
      </label>
      <label>
        {t('register.review.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="review-date" />
      </label>
      <button type="submit" className="primary" data-testid="review-save">{t('register.review.save')}</button>
      {error && <p className="table-warning" role="alert">{t('register.review.required')}</p>}
      {history.length > 0 && (
        <details>
          <summary>{t('register.review.history')} ({history.length})</summary>
          <ul>
            {[...history].reverse().map((r) => (
              <li key={r.at}>{r.date} · {reviewLabel(r.status, lang)} · {r.note}</li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}

function SummaryTab({ summary }: { summary: AreaSummary[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [area, setArea] = useState<{ role: string; township: string | null | undefined }>({ role: 'villages', township: undefined });
  const roles = [...new Set(summary.map((s) => s.role))];
  const detail = summary.find((s) => s.role === area.role && s.township === area.township) ?? summary.find((s) => s.township === undefined);
  const areaName = (s: AreaSummary) => (s.township === undefined ? t('register.county') : (s.township ?? t('register.unknownTownship')));
  const triple = (s: AreaSummary, k: ExposureStatus) =>
    s.role === 'villages' ? `${formatCount(s.features[k], lang)} / ${formatCount(s.households[k], lang)} / ${formatCount(s.people[k], lang)}` : s.role === 'households' ? `${formatCount(s.features[k], lang)} / ${formatCount(s.people[k], lang)}` : formatCount(s.features[k], lang);
  const unit = (role: string) => (role === 'villages' ? `${t('register.summary.villages')} / ${t('register.summary.households')} / ${t('register.summary.people')}` : role === 'households' ? `${t('register.summary.households')} / ${t('register.summary.people')}` : '');
  return (
    <div data-testid="register-summary">
      {roles.map((role) => (
        <section key={role}>
          <h3>{t(`register.summary.roles.${role}`)} <span className="note">{unit(role)}</span></h3>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t('register.filter.township')}</th>
                <th scope="col" title={DEFINITIONS.inside[lang]}>{t('register.summary.inside')}</th>
                <th scope="col" title={DEFINITIONS.near[lang]}>{t('register.summary.near')}</th>
                <th scope="col" title={DEFINITIONS.clear[lang]}>{t('register.summary.clear')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.filter((s) => s.role === role).map((s) => (
                <tr key={String(s.township)} className={`${s.township === undefined ? 'total' : ''} ${detail === s ? 'selected' : ''}`} onClick={() => setArea({ role, township: s.township })} data-township={s.township === undefined ? '*' : (s.township ?? '')}>
                  <th scope="row">{areaName(s)}</th>
                  <td className="num">{triple(s, 'inside')}</td>
                  <td className="num">{triple(s, 'near')}</td>
                  <td className="num">{triple(s, 'clear')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {detail && detail.byHazard.length > 0 && (
        <section>
          <h3>{t('register.summary.byHazard', { area: `${t(`register.summary.roles.${detail.role}`)} · ${areaName(detail)}` })}</h3>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t('register.summary.type')}</th>
                <th scope="col">{t('register.summary.level')}</th>
                <th scope="col">{t('register.summary.inside')}</th>
                <th scope="col">{t('register.summary.near')}</th>
                <th scope="col">{t('register.summary.people')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.byHazard.map((r) => (
                <tr key={`${r.type}-${r.level}`}>
                  <td>{hazardTypeLabel(r.type, lang)}</td>
                  <td><span className={`level-chip level-${r.level}`}>{riskLevelLabel(r.level, lang)}</span></td>
                  <td className="num">{formatCount(r.features.inside, lang)}</td>
                  <td className="num">{formatCount(r.features.near, lang)}</td>
                  <td className="num">{formatPeople(r.people.inside + r.people.near, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{DEFINITIONS.byHazard[lang]}</p>
        </section>
      )}
      <p className="note definitions">{DEFINITIONS.inside[lang]} {DEFINITIONS.near[lang]} {DEFINITIONS.clear[lang]} {DEFINITIONS.people[lang]}</p>
    </div>
  );
}

function ChangesTab({ view, onSelect }: { view: RegisterView; onSelect(e: RegisterEntry): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { changes, state, entries } = view;
  if (!changes || !state?.previous || !state.last) return <p className="note">{t('register.changes.first')}</p>;
  if (changes.length === 0) return <p className="note">{t('register.changes.none')}</p>;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const describe = (s: { status: number; level: number; hits: number } | null) =>
    s ? `${riskLevelLabel(s.level, lang)}·${statusLabel(s.status, lang)}·${t('register.changes.hazardCount', { count: s.hits })}` : statusLabel(0, lang);
  return (
    <div data-testid="register-changes">
      <p className="note">
        {t('register.changes.between', { before: formatDateTime(state.previous.at), after: formatDateTime(state.last.at) })} · {t('register.changes.count', { count: changes.length })}
      </p>
      <table className="register-table">
        <tbody>
          {changes.map((c) => {
            const entry = byKey.get(c.key);
            return (
              <tr key={c.key} onClick={() => entry && onSelect(entry)} className={entry ? undefined : 'gone'} data-kind={c.kind}>
                <td><span className={`change-chip change-${c.kind}`}>{t(`register.changes.${c.kind}`)}</span></td>
                <td>{c.name ?? c.key}</td>
                <td>{c.township ?? ''}</td>
                <td>{describe(c.before)} → {describe(c.after)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SettingsTab({ store, layers, state }: { store: RegisterStore; layers: LayerInfo[]; state: RegisterState | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [settings, setSettings] = useState<RegisterSettings>(() => store.settings());
  const hazardLayers = layers.filter((l) => l.role === 'hazards');
  const exposedLayers = layers.filter((l) => l.role === 'villages' || l.role === 'households' || l.role === 'settlements');
  const toggle = (list: 'hazardLayerIds' | 'exposedLayerIds', id: string, on: boolean) =>
    setSettings((s) => ({ ...s, [list]: on ? [...s[list], id] : s[list].filter((x) => x !== id) }));
  const setBuffer = (type: string, level: RiskLevel, value: number) =>
    setSettings((s) => ({ ...s, params: { ...s.params, buffers: { ...s.params.buffers, [type]: { ...s.params.buffers[type], [level]: value } } } }));
  const layerList = (list: LayerInfo[], key: 'hazardLayerIds' | 'exposedLayerIds') =>
    list.map((l) => (
      <label key={l.id} className="check-row">
        <input type="checkbox" checked={settings[key].includes(l.id)} onChange={(e) => toggle(key, l.id, e.target.checked)} data-testid={`register-layer-${l.id}`} />
        {l.name[lang]} <span className="note">({formatCount(l.featureCount, lang)})</span>
        {key === 'hazardLayerIds' && state?.knownHazardLayerIds && !state.knownHazardLayerIds.includes(l.id) && <span className="badge">{t('register.settings.newLayer')}</span>}
      </label>
    ));
  return (
    <form
      className="register-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void store.saveSettings(settings).then(() => store.run(settings));
      }}
    >
      <fieldset>
        <legend>{t('register.settings.hazards')}</legend>
        {layerList(hazardLayers, 'hazardLayerIds')}
      </fieldset>
      <fieldset>
        <legend>{t('register.settings.exposed')}</legend>
        {layerList(exposedLayers, 'exposedLayerIds')}
      </fieldset>
      <fieldset>
        <legend>{t('register.settings.buffers')}</legend>
        <table className="buffer-table">
          <thead>
            <tr>
              <th />
              {HAZARD_RISK_LEVELS.map((l) => <th key={l} scope="col">{riskLevelLabel(numberOf(RISK_LEVEL, l), lang)}</th>)}
            </tr>
          </thead>
          <tbody>
            {HAZARD_TYPE.entries.map(({ code: type, num }) => (
              <tr key={type}>
                <th scope="row">{hazardTypeLabel(num, lang)}</th>
                {HAZARD_RISK_LEVELS.map((level) => (
                  <td key={level}>
                    <input type="number" min={0} step={10} value={settings.params.buffers[type]?.[level] ?? 0} onChange={(e) => setBuffer(type, level, Math.max(0, Number(e.target.value) || 0))} data-testid={`buffer-${type}-${level}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">{t('register.settings.source')}</p>
        <button type="button" onClick={() => setSettings((s) => ({ ...s, params: defaultExposureParams() }))}>{t('register.settings.reset')}</button>
      </fieldset>
      <button type="submit" className="primary" data-testid="register-apply">{t('register.settings.apply')}</button>
    </form>
  );
}
