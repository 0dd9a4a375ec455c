/**
 * The project's rule library: every exclusion rule with its distance, targets and source
 * text, editable; a tick applies it to the active model. After a run each applied rule
 * shows the area it excluded on its own.
 */
import { useTranslation } from 'react-i18next';
import type { LayerRole } from '../../core/manifest';
import type { ExclusionRule, SuitabilityModel } from '../../core/suitability/model';
import type { AppliedRule } from '../../core/suitability/engine';
import { TARGET_ROLES } from './CriterionEditor';

function targetText(rule: ExclusionRule, t: (k: string, p?: Record<string, unknown>) => string): string {
  if (rule.target.kind === 'slopeAbove') return t('suit.rules.slope', { deg: rule.target.degrees });
  const f = rule.target.filter;
  return f.roles.map((r) => t(`suit.roles.${r}`)).join('、') + (f.where ? `（${f.where.column} = ${f.where.values.join('/')}）` : '');
}

export function RulesEditor({
  rules,
  model,
  applied,
  cellAreaHa,
  lang,
  onRules,
  onModel,
}: {
  rules: ExclusionRule[];
  model: SuitabilityModel;
  applied: AppliedRule[];
  cellAreaHa: number;
  lang: 'zh' | 'en';
  onRules: (rules: ExclusionRule[]) => void;
  onModel: (m: SuitabilityModel) => void;
}) {
  const { t } = useTranslation();
  const edit = (id: string, patch: Partial<ExclusionRule>) => onRules(rules.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const toggle = (id: string, on: boolean) => onModel({ ...model, ruleIds: on ? [...model.ruleIds, id] : model.ruleIds.filter((x) => x !== id) });
  const addRule = () => {
    let k = 1;
    while (rules.some((r) => r.id === `custom-${k}`)) k++;
    const rule: ExclusionRule = { id: `custom-${k}`, name: { zh: `自定义规则 ${k}`, en: `Custom rule ${k}` }, target: { kind: 'layers', filter: { roles: ['roads'] } }, distanceM: 100, source: { zh: '', en: '' } };
    onRules([...rules, rule]);
  };
  return (
    <div className="rules" data-testid="rules">
      {rules.map((rule) => {
        const on = model.ruleIds.includes(rule.id);
        const result = applied.find((a) => a.id === rule.id);
        return (
          <div key={rule.id} className={`rule${on ? ' on' : ''}`} data-testid={`rule-${rule.id}`}>
            <label className="rule-head">
              <input type="checkbox" checked={on} onChange={(e) => toggle(rule.id, e.target.checked)} data-testid={`rule-toggle-${rule.id}`} />
              <input className="rule-name" value={rule.name[lang]} onChange={(e) => edit(rule.id, { name: { ...rule.name, [lang]: e.target.value } })} aria-label={t('suit.rules.name')} />
            </label>
            <div className="fields">
              {rule.target.kind === 'layers' ? (
                <label className="field">
                  <span>{t('suit.rules.target')}</span>
                  <select
                    value={rule.target.filter.roles[0]}
                    onChange={(e) => edit(rule.id, { target: { kind: 'layers', filter: { roles: [e.target.value as LayerRole] } } })}
                    disabled={rule.target.filter.roles.length > 1 || !!rule.target.filter.where}
                    title={targetText(rule, t)}
                  >
                    {rule.target.filter.roles.length > 1 || rule.target.filter.where ? <option value={rule.target.filter.roles[0]}>{targetText(rule, t)}</option> : TARGET_ROLES.map((r) => <option key={r} value={r}>{t(`suit.roles.${r}`)}</option>)}
                  </select>
                </label>
              ) : (
                <label className="field">
                  <span>{t('suit.rules.target')}</span>
                  <input type="number" min={0} max={90} value={rule.target.degrees} onChange={(e) => Number.isFinite(Number(e.target.value)) && edit(rule.id, { target: { kind: 'slopeAbove', degrees: Number(e.target.value) } })} aria-label={t('suit.rules.slope', { deg: '' })} />
                </label>
              )}
              {rule.target.kind === 'layers' && (
                <label className="field">
                  <span>{t('suit.rules.distance')}</span>
                  {rule.distanceM === 'hazardBuffer' ? (
                    <span className="note">{t('suit.rules.hazardBuffer')}</span>
                  ) : (
                    <input type="number" min={0} step={10} value={rule.distanceM} onChange={(e) => e.target.value !== '' && Number(e.target.value) >= 0 && edit(rule.id, { distanceM: Number(e.target.value) })} data-testid={`rule-distance-${rule.id}`} />
                  )}
                </label>
              )}
              {on && result && <span className="note">{result.features === 0 && rule.target.kind === 'layers' ? t('suit.rules.none') : t('suit.rules.excluded', { ha: Math.round(result.cells * cellAreaHa).toLocaleString() })}</span>}
            </div>
            <label className="field source">
              <span>{t('suit.rules.source')}</span>
              <textarea rows={2} value={rule.source[lang]} onChange={(e) => edit(rule.id, { source: { ...rule.source, [lang]: e.target.value } })} />
            </label>
          </div>
        );
      })}
      <button type="button" onClick={addRule} data-testid="rule-add">{t('suit.rules.add')}</button>
    </div>
  );
}
