/**
 * A relocation result as tables: per village, per destination, per township, in the reader's
 * language, for the panel's exports (CSV and Excel through the register's writers). Money is
 * in yuan and minutes are whole numbers in the files, so a spreadsheet can sum them.
 */
import type { RegisterSheet, SheetValue } from '../../core/exposure/register-table';
import type { RelocationFacts, RelocationResult, Reason } from '../../core/relocation/analysis';
import { isCode, HAZARD_TYPE } from '../../core/vocabulary';
import { alertText, checkText, derivationText, idleText } from './wording';

export type RelocationTable = 'villages' | 'destinations' | 'townships';
type T = (key: string, params?: Record<string, unknown>) => string;

const round = (x: number): SheetValue => (Number.isFinite(x) ? Math.round(x) : null);

/** A reason in words; a hazard type reads as its name, never its code. */
export function reasonText(r: Reason, t: T): string {
  return t(`reloc.reason.${r.code}`, { ...r.params, ...(isCode(HAZARD_TYPE, r.params.type) ? { type: t(`value.${r.params.type}`) } : {}) });
}

/**
 * One table of a result, with the result's fingerprint and sign-off in its header, so a printed
 * or mailed sheet can be checked against the panel and the briefing.
 */
export function relocationSheet(table: RelocationTable, facts: RelocationFacts, result: RelocationResult, meta: { scenario: string; project: string; at: string; signOff: string; lang: 'zh' | 'en' }, t: T): RegisterSheet {
  const header: [string, string][] = [
    [t('reloc.sheet.project'), meta.project],
    [t('reloc.sheet.scenario'), meta.scenario],
    [t('reloc.sheet.generated'), meta.at],
    [t('reloc.solver.fingerprint'), result.fingerprint],
    [t('reloc.signoff.title'), meta.signOff],
  ];
  const dest = (d: number) => (d >= 0 ? facts.destinations[d].name : '');
  if (table === 'villages') {
    const c = (k: string) => t(`reloc.col.${k}`);
    const columns = [c('village'), c('code'), c('township'), c('status'), c('reasons'), c('people'), c('destination'), c('cost'), c('public'), c('household'), `${c('minutes')}(min)`, `${c('school')} ${c('before')}`, `${c('school')} ${c('after')}`, `${c('clinic')} ${c('before')}`, `${c('clinic')} ${c('after')}`, `${c('town')} ${c('before')}`, `${c('town')} ${c('after')}`, c('repair'), c('alerts'), t('reloc.detail.note')];
    const rows = result.villages.map((r, v): SheetValue[] => {
      const f = facts.villages[v];
      return [
        f.name, f.id, f.township, t(`reloc.status.${r.status}`), r.reasons.map((x) => reasonText(x, t)).join('；'), f.population, dest(r.destination),
        r.cost ? round(r.cost.total) : null, r.cost ? round(r.cost.public) : null, r.cost ? round(r.cost.household) : null, round(r.minutes),
        round(f.before.school), r.after ? round(r.after.school) : null, round(f.before.clinic), r.after ? round(r.after.clinic) : null, round(f.before.town), r.after ? round(r.after.town) : null,
        r.repair === null ? null : round(r.repair), r.alerts.map((a) => alertText(a, facts, t)).join('；'), r.note,
      ];
    });
    return { title: t('reloc.sheet.villages'), header, columns, rows };
  }
  if (table === 'destinations') {
    const c = (k: string) => t(`reloc.col.${k}`);
    const columns = [c('destination'), c('type'), c('township'), c('capacity'), c('used'), c('free'), c('assigned'), c('remaining'), c('villages'), c('hazardCheck'), t('reloc.idle.title'), c('capacityFrom')];
    const rows = result.destinations.map((r, d): SheetValue[] => {
      const f = facts.destinations[d];
      return [f.name, t(`reloc.policy.types.${f.type}`), f.township, r.capacity, r.used, r.free, r.assigned, r.free - r.assigned, r.villages, checkText(r.check, t).join('；'), r.idle ? idleText(r.idle, t, meta.lang) : '', derivationText(r, t) ?? ''];
    });
    return { title: t('reloc.sheet.destinations'), header, columns, rows };
  }
  const c = (k: string) => t(`reloc.col.${k}`);
  const columns = [c('township'), c('villages'), c('people'), c('mustPeople'), c('movedPeople'), c('cost'), c('public')];
  const rows = result.townships.map((r): SheetValue[] => [r.township, r.villages, r.people, r.mustPeople, r.movedPeople, round(r.totalCost), round(r.publicCost)]);
  return { title: t('reloc.sheet.townships'), header, columns, rows };
}
