import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelocationScenario } from '../../core/relocation/analysis';
import { targetAlerts } from '../../core/relocation/compare';
import { formatYuan } from '../register/format';
import type { RelocationStore, RelocationView } from './relocation-store';

type Lang = 'zh' | 'en';

/** The scenario in use: pick, create, duplicate, rename, describe, delete (with confirmation and undo). */
export function ScenarioBar({ store, view, scenario }: { store: RelocationStore; view: RelocationView; scenario: RelocationScenario }) {
  const { t } = useTranslation();
  const doc = view.doc!;
  const ask = (fallback: string) => window.prompt(t('reloc.scenario.namePrompt'), fallback);
  return (
    <div className="scenario-bar">
      <div className="fields scenario-row">
        <label className="field">
          <span>{t('reloc.scenario.label')}</span>
          <select value={doc.activeId} onChange={(e) => store.selectScenario(e.target.value)} data-testid="scenario-select">
            {doc.scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <button type="button" className="small" onClick={() => { const fallback = t('scen.newName', { n: doc.scenarios.length + 1 }); store.newScenario(ask(fallback) || fallback); }} data-testid="scenario-new">{t('scen.new')}</button>
        <button type="button" className="small" onClick={() => { const fallback = t('reloc.scenario.copyName', { name: scenario.name }); store.duplicateScenario(ask(fallback) || fallback); }} data-testid="scenario-duplicate">{t('reloc.scenario.duplicate')}</button>
        <button type="button" className="small" onClick={() => { const n = ask(scenario.name); if (n) store.renameScenario(n); }} data-testid="scenario-rename">{t('reloc.scenario.rename')}</button>
        <button type="button" className="small danger" disabled={doc.scenarios.length <= 1} onClick={() => window.confirm(t('reloc.scenario.confirmDelete', { name: scenario.name })) && store.deleteScenario()} data-testid="scenario-delete">{t('reloc.scenario.delete')}</button>
      </div>
      <textarea
        className="scenario-description"
        rows={1}
        key={scenario.id}
        defaultValue={scenario.description ?? ''}
        placeholder={t('scen.descriptionPlaceholder')}
        aria-label={t('scen.description')}
        onBlur={(e) => e.target.value !== (scenario.description ?? '') && store.describeScenario(e.target.value)}
        data-testid="scenario-description"
      />
      {view.deleted && (
        <div className="undo-toast" role="status" data-testid="scenario-undo-toast">
          {t('scen.deleted', { name: view.deleted.scenario.name })}
          <button type="button" className="small" onClick={() => store.undoDelete()} data-testid="scenario-undo">{t('scen.undo')}</button>
          <button type="button" className="small link" onClick={() => store.dismissUndo()}>{t('scen.dismiss')}</button>
        </div>
      )}
    </div>
  );
}

/** Sliders for the numbers planners argue about most, the budget cap, and the targets the result misses. */
export function KeyAssumptions({ store, view, scenario, lang }: { store: RelocationStore; view: RelocationView; scenario: RelocationScenario; lang: Lang }) {
  const { t } = useTranslation();
  const { cost, assignment } = scenario.policy;
  const sliders: { path: string; label: string; value: number; min: number; max: number; step: number }[] = [
    { path: 'cost.subsidyOther', label: t('scen.subsidyOther'), value: cost.subsidyOther, min: 0, max: 50_000, step: 1_000 },
    { path: 'cost.subsidyLowIncome', label: t('scen.subsidyLow'), value: cost.subsidyLowIncome, min: 0, max: 60_000, step: 1_000 },
    { path: 'cost.constructionPerM2.central_town', label: t('scen.construction'), value: cost.constructionPerM2.central_town, min: 1_000, max: 4_000, step: 50 },
    { path: 'assignment.lambda', label: t('scen.lambda'), value: assignment.lambda, min: 0, max: 200, step: 5 },
  ];
  const alerts = view.result ? targetAlerts(scenario, view.result, formatYuan, view.facts ?? undefined) : [];
  const budget = scenario.targets?.budgetYuan ?? null;
  const [budgetRefused, setBudgetRefused] = useState<string | null>(null);
  return (
    <div className="key-assumptions" data-testid="key-assumptions">
      <h3>{t('scen.key')}</h3>
      {sliders.map((s) => (
        <label key={s.path} className="slider-field">
          <span>{s.label}</span>
          <input type="range" min={s.min} max={s.max} step={s.step} defaultValue={s.value} key={`${scenario.id}-${s.value}`} onPointerUp={(e) => store.setPolicy(s.path, Number((e.target as HTMLInputElement).value))} onKeyUp={(e) => store.setPolicy(s.path, Number((e.target as HTMLInputElement).value))} data-testid={`slider-${s.path}`} />
          <output>{s.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</output>
        </label>
      ))}
      <label className="slider-field">
        <span>{t('scen.budget')}</span>
        <input
          type="number"
          min={0}
          step={100}
          key={`${scenario.id}-${budget}`}
          defaultValue={budget === null ? '' : budget / 1e4}
          onBlur={(e) => {
            const raw = e.target.value.trim();
            const next = raw === '' ? null : Number(raw) * 1e4;
            if (next !== null && !(Number.isFinite(next) && next >= 0)) {
              setBudgetRefused(t('scen.budgetBad', { value: raw }));
              return;
            }
            setBudgetRefused(null);
            store.setBudget(next);
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          aria-invalid={budgetRefused ? true : undefined}
          data-testid="budget-input"
        />
      </label>
      {budgetRefused && <p className="problems" role="alert" data-testid="budget-error">{budgetRefused}</p>}
      {view.result && (
        alerts.length > 0 ? (
          <div className="target-alerts" role="alert" data-testid="target-alerts">
            <strong>{t('scen.targetsTitle')}</strong>
            <ul>{alerts.map((a) => <li key={a.code} data-code={a.code} className={a.red ? 'red' : undefined}>{a.text[lang]}</li>)}</ul>
          </div>
        ) : (
          <p className="note" data-testid="targets-ok">{t('scen.targetsOk')}</p>
        )
      )}
    </div>
  );
}
