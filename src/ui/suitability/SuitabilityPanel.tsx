/**
 * The suitability model builder, docked on the right: the model and its preset, the score
 * legend with its histogram, and tabs for criteria, weights, exclusion rules and the ranked
 * candidate regions (with sensitivity and export).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerRole } from '../../core/manifest';
import { SCORE_STOPS, EXCLUDED_RGBA } from '../../core/suitability/colors';
import { resizePairwise, sourceKey, type Criterion, type CriterionSource, type SuitabilityModel } from '../../core/suitability/model';
import { PRESET_IDS } from '../../core/suitability/presets';
import type { CriterionHistogram, RegionView } from '../../../workers/suitability.api';
import { CriterionEditor, convertTransform, TARGET_ROLES } from './CriterionEditor';
import { RulesEditor } from './RulesEditor';
import { WeightsEditor } from './WeightsEditor';
import type { SuitabilityStore, SuitabilityView } from './suitability-store';
import { useMessageText } from '../message';

type Tab = 'criteria' | 'weights' | 'rules' | 'regions';

function ScoreLegend({ view }: { view: SuitabilityView }) {
  const { t } = useTranslation();
  const result = view.result;
  const gradient = `linear-gradient(to right, ${SCORE_STOPS.map(([s, c]) => `rgb(${c.join(',')}) ${s}%`).join(', ')})`;
  const hist = result?.histogram;
  let max = 1;
  if (hist) for (const c of hist) max = Math.max(max, c);
  const area = view.grid?.cellAreaHa ?? 0;
  const valid = hist ? hist.reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="score-legend" data-testid="score-legend">
      <strong>{t('suit.legend.title')}</strong>
      {hist && (
        <svg viewBox="0 0 101 30" preserveAspectRatio="none" className="score-hist" data-testid="score-histogram">
          {Array.from(hist, (c, s) => (c > 0 ? <rect key={s} x={s} y={30 - (Math.sqrt(c) / Math.sqrt(max)) * 30} width={1} height={(Math.sqrt(c) / Math.sqrt(max)) * 30} fill="#7a7a7a" /> : null))}
        </svg>
      )}
      <div className="ramp" style={{ background: gradient }} />
      <div className="ramp-labels">
        <span>0 {t('suit.legend.low')}</span>
        <span>50</span>
        <span>100 {t('suit.legend.high')}</span>
      </div>
      <div className="note">
        <i className="swatch" style={{ background: `rgba(${EXCLUDED_RGBA.slice(0, 3).join(',')},${EXCLUDED_RGBA[3] / 255})` }} /> {t('suit.legend.excluded')}
        {result && ` · ${t('suit.legend.area', { valid: Math.round(valid * area).toLocaleString(), excluded: Math.round(result.excludedCells * area).toLocaleString() })}`}
      </div>
    </div>
  );
}

function AddCriterion({ onAdd }: { onAdd: (source: CriterionSource, name: { zh: string; en: string }) => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<CriterionSource['kind']>('distance');
  const [role, setRole] = useState<LayerRole>('roads');
  const [where, setWhere] = useState('');
  const add = () => {
    let source: CriterionSource;
    if (kind === 'distance') {
      const m = /^\s*([^=]+?)\s*=\s*(.+)$/.exec(where);
      source = { kind, target: { roles: [role], ...(m ? { where: { column: m[1], values: m[2].split(/[,，/]/).map((v) => v.trim()).filter(Boolean) } } : {}) } };
    } else source = { kind };
    const zh = kind === 'distance' ? `距${i18n.getFixedT('zh')(`suit.roles.${role}`)}距离` : i18n.getFixedT('zh')(`suit.source.${kind}`);
    const en = kind === 'distance' ? `Distance to ${i18n.getFixedT('en')(`suit.roles.${role}`).toLowerCase()}` : i18n.getFixedT('en')(`suit.source.${kind}`);
    onAdd(source, { zh, en });
  };
  return (
    <div className="add-criterion fields">
      <select value={kind} onChange={(e) => setKind(e.target.value as CriterionSource['kind'])} aria-label={t('suit.criterion.kind')}>
        {(['slope', 'elevation', 'aspect', 'distance'] as const).map((k) => (
          <option key={k} value={k}>{t(`suit.source.${k}`)}</option>
        ))}
      </select>
      {kind === 'distance' && (
        <>
          <select value={role} onChange={(e) => setRole(e.target.value as LayerRole)} aria-label={t('suit.criterion.target')}>
            {TARGET_ROLES.map((r) => (
              <option key={r} value={r}>{t(`suit.roles.${r}`)}</option>
            ))}
          </select>
          <input value={where} onChange={(e) => setWhere(e.target.value)} placeholder={t('suit.criterion.where')} aria-label={t('suit.criterion.where')} />
        </>
      )}
      <button type="button" onClick={add} data-testid="criterion-add">{t('suit.criterion.add')}</button>
    </div>
  );
}

function hazardText(region: RegionView, t: (k: string, p?: Record<string, unknown>) => string): string {
  const h = region.hazard;
  if (h.status === 2) return t('suit.regions.inside', { ha: h.insideHa.toFixed(1) });
  if (h.status === 1) return t('suit.regions.near', { ha: h.nearHa.toFixed(1) });
  return t('suit.regions.clear');
}

function metres(v: number): string {
  return Number.isFinite(v) ? Math.round(v).toLocaleString() : '—';
}

function RegionsTab({ store, view, model, focus, onFocus, onExport }: { store: SuitabilityStore; view: SuitabilityView; model: SuitabilityModel; focus: number; onFocus: (r: RegionView) => void; onExport: (kind: 'tif' | 'geojson' | 'fgb') => void }) {
  const { t } = useTranslation();
  const regions = view.result?.regions ?? [];
  const setRegions = (patch: Partial<SuitabilityModel['regions']>) => store.editModel({ ...model, regions: { ...model.regions, ...patch } });
  return (
    <div className={view.regionsPending ? 'regions pending' : 'regions'} data-testid="regions" aria-busy={view.regionsPending}>
      <div className="fields">
        <label className="field">
          <span>{t('suit.regions.threshold')}</span>
          <input type="number" min={0} max={100} value={model.regions.threshold} onChange={(e) => e.target.value !== '' && setRegions({ threshold: Number(e.target.value) })} data-testid="region-threshold" />
        </label>
        <label className="field">
          <span>{t('suit.regions.minArea')}</span>
          <input type="number" min={0} step={0.5} value={model.regions.minAreaHa} onChange={(e) => e.target.value !== '' && setRegions({ minAreaHa: Number(e.target.value) })} data-testid="region-min-area" />
        </label>
        <label className="field">
          <span>{t('suit.regions.connectivity')}</span>
          <select value={model.regions.connectivity} onChange={(e) => setRegions({ connectivity: Number(e.target.value) as 4 | 8 })}>
            <option value={8}>{t('suit.regions.c8')}</option>
            <option value={4}>{t('suit.regions.c4')}</option>
          </select>
        </label>
      </div>
      <div className="row-actions">
        <span data-testid="region-count">{t('suit.regions.count', { count: regions.length })}</span>
        <button type="button" onClick={() => void store.sensitivity()} disabled={regions.length === 0} data-testid="sensitivity">{t('suit.regions.sensitivity')}</button>
      </div>
      {view.stability && <div className="note">{t('suit.regions.sensitivityNote', { n: model.criteria.length * 2 })}</div>}
      {regions.length === 0 ? (
        <p className="note">{t('suit.regions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="region-table" data-testid="region-table">
            <thead>
              <tr>
                <th>{t('suit.regions.rank')}</th>
                <th>{t('suit.regions.area')}</th>
                <th>{t('suit.regions.mean')}</th>
                <th>{t('suit.regions.max')}</th>
                <th>{t('suit.regions.road')}</th>
                <th>{t('suit.regions.town')}</th>
                <th>{t('suit.regions.hazard')}</th>
                {view.stability && <th>{t('suit.regions.stability')}</th>}
              </tr>
            </thead>
            <tbody>
              {regions.slice(0, 200).map((r, k) => (
                <tr key={r.rank} className={r.rank === focus ? 'selected' : undefined} onClick={() => onFocus(r)} data-testid="region-row">
                  <td>{r.rank}</td>
                  <td className="num">{r.areaHa.toFixed(1)}</td>
                  <td className="num">{r.meanScore.toFixed(1)}</td>
                  <td className="num">{r.maxScore}</td>
                  <td className="num">{metres(r.roadM)}</td>
                  <td className="num">{metres(r.townM)}</td>
                  <td className={r.hazard.status > 0 ? 'warn' : undefined}>{hazardText(r, t)}</td>
                  {view.stability && <td className="num">{Math.round((view.stability[k] ?? 0) * 100)}%</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row-actions">
        <button type="button" onClick={() => onExport('tif')} disabled={!view.result} data-testid="export-tif">{t('suit.export.tif')}</button>
        <button type="button" onClick={() => onExport('geojson')} disabled={regions.length === 0} data-testid="export-geojson">{t('suit.export.geojson')}</button>
        <button type="button" onClick={() => onExport('fgb')} disabled={regions.length === 0} data-testid="export-fgb">{t('suit.export.fgb')}</button>
      </div>
    </div>
  );
}

export function SuitabilityPanel({ store, view, lang, focus, onFocus, onExport, onClose }: { store: SuitabilityStore; view: SuitabilityView; lang: 'zh' | 'en'; focus: number; onFocus: (r: RegionView) => void; onExport: (kind: 'tif' | 'geojson' | 'fgb') => void; onClose: () => void }) {
  const { t } = useTranslation();
  const say = useMessageText();
  const [tab, setTab] = useState<Tab>('criteria');
  const [histograms, setHistograms] = useState<Map<string, CriterionHistogram | null>>(new Map());
  const doc = view.doc;
  const model = doc?.models.find((m) => m.id === doc.activeId) ?? null;
  const missing = model?.criteria.map((c) => sourceKey(c.source)).filter((k) => !histograms.has(k)) ?? [];
  const missingKey = [...new Set(missing)].join('|');
  useEffect(() => {
    if (!model || !view.grid || !missingKey) return;
    let live = true;
    for (const c of model.criteria) {
      const key = sourceKey(c.source);
      if (!missingKey.split('|').includes(key)) continue;
      void store.histogram(c.source).then((h) => {
        if (live) setHistograms((m) => new Map(m).set(key, h));
      });
    }
    return () => {
      live = false;
    };
  }, [missingKey, model, store, view.grid]);

  if (!doc || !model) return null;
  const weights = view.result && view.result.modelId === model.id && view.result.weights.length === model.criteria.length ? view.result.weights : null;
  const total = model.criteria.reduce((s, c) => s + Math.max(0, c.weight), 0);
  const share = (k: number) => weights?.[k] ?? (total > 0 ? Math.max(0, model.criteria[k].weight) / total : 0);
  const editCriterion = (k: number, c: Criterion) => store.editModel({ ...model, criteria: model.criteria.map((x, j) => (j === k ? c : x)) });
  const removeCriterion = (k: number) =>
    store.editModel({
      ...model,
      criteria: model.criteria.filter((_, j) => j !== k),
      weighting: model.weighting.mode === 'ahp' ? { mode: 'ahp', pairwise: resizePairwise(model.weighting.pairwise, model.criteria.length, { removed: k }) } : model.weighting,
    });
  const addCriterion = (source: CriterionSource, name: { zh: string; en: string }) => {
    let k = model.criteria.length + 1;
    while (model.criteria.some((c) => c.id === `c${k}`)) k++;
    const hist = histograms.get(sourceKey(source));
    const domain: [number, number] = source.kind === 'aspect' ? [0, 360] : source.kind === 'slope' ? [0, 45] : hist ? [hist.min, hist.max] : [0, 5000];
    const criterion: Criterion = { id: `c${k}`, name, source, transform: convertTransform('linear', domain), weight: 10 };
    store.editModel({
      ...model,
      criteria: [...model.criteria, criterion],
      weighting: model.weighting.mode === 'ahp' ? { mode: 'ahp', pairwise: resizePairwise(model.weighting.pairwise, model.criteria.length, { added: true }) } : model.weighting,
    });
  };

  return (
    <aside className="panel suitability-panel" data-testid="suitability-panel" aria-label={t('suit.title')}>
      <header>
        <h2>{t('suit.title')}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('suit.close')}>✕</button>
      </header>
      <div className="fields model-bar">
        <label className="field">
          <span>{t('suit.model')}</span>
          <select value={model.id} onChange={(e) => store.selectModel(e.target.value)} data-testid="model-select">
            {doc.models.map((m) => (
              <option key={m.id} value={m.id}>{m.name[lang]}</option>
            ))}
          </select>
        </label>
        <select value="" onChange={(e) => e.target.value && store.addPreset(e.target.value as (typeof PRESET_IDS)[number])} data-testid="preset-select" aria-label={t('suit.addPreset')}>
          <option value="">{t('suit.addPreset')}</option>
          {PRESET_IDS.map((p) => (
            <option key={p} value={p}>{t(`suit.presets.${p}`)}</option>
          ))}
        </select>
        <button type="button" onClick={() => store.duplicateModel()}>{t('suit.duplicate')}</button>
        <button
          type="button"
          onClick={() => {
            const name = window.prompt(t('suit.renamePrompt'), model.name[lang]);
            if (name && name.trim()) store.renameModel({ ...model.name, [lang]: name.trim() });
          }}
        >
          {t('suit.rename')}
        </button>
        <button type="button" disabled={doc.models.length <= 1} onClick={() => window.confirm(t('suit.confirmDelete', { name: model.name[lang] })) && store.deleteModel()}>{t('suit.delete')}</button>
      </div>
      <ScoreLegend view={view} />
      <div className="status-line" role="status" data-testid="suit-status" data-settled={String(!view.running && !view.regionsPending)} data-worker-ms={view.result ? Math.round(view.result.elapsedMs) : undefined}>
        {view.running ? t('suit.running') : view.lastLatencyMs !== null && view.result ? t('suit.updated', { ms: Math.round(view.lastLatencyMs) }) : ''}
      </div>
      {view.problems.length > 0 && (
        <div className="error" role="alert" data-testid="suit-problems">
          {t('suit.problems')}
          <ul>{view.problems.map((p, k) => <li key={k}>{p[lang]}</li>)}</ul>
        </div>
      )}
      {view.documentProblem && <div className="error" role="alert" data-testid="document-problem">{say(view.documentProblem)}</div>}
      {view.error && <div className="error" role="alert">{say(view.error)}</div>}
      {view.result?.warnings.map((w, k) => (
        <div key={k} className="notice-inline" role="status">{w[lang]}</div>
      ))}
      <nav className="tabs" role="tablist">
        {(['criteria', 'weights', 'rules', 'regions'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`suit-tab-${k}`}>
            {t(`suit.tabs.${k}`)}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'criteria' && (
          <>
            <p className="note">{t('suit.transform.hint')}</p>
            {model.criteria.map((c, k) => (
              <CriterionEditor key={c.id} criterion={c} lang={lang} direct={model.weighting.mode === 'direct'} share={share(k)} histogram={histograms.get(sourceKey(c.source)) ?? null} onChange={(next) => editCriterion(k, next)} onRemove={() => removeCriterion(k)} />
            ))}
            <AddCriterion onAdd={addCriterion} />
          </>
        )}
        {tab === 'weights' && <WeightsEditor model={model} lang={lang} onChange={(m) => store.editModel(m)} />}
        {tab === 'rules' && <RulesEditor rules={doc.rules} model={model} applied={view.result?.rules ?? []} cellAreaHa={view.grid?.cellAreaHa ?? 0} lang={lang} onRules={(r) => store.editRules(r)} onModel={(m) => store.editModel(m)} />}
        {tab === 'regions' && <RegionsTab store={store} view={view} model={model} focus={focus} onFocus={onFocus} onExport={onExport} />}
      </div>
      {view.result && view.result.rules.length > 0 && (
        <details className="applied-rules">
          <summary>{t('suit.appliedRules')}（{view.result.rules.length}）</summary>
          <ul>
            {view.result.rules.map((r) => (
              <li key={r.id}>
                <strong>{r.name[lang]}</strong>：{r.source[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
