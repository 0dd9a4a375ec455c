/**
 * The relocation result in words, shared by the panel, the exports and the briefing: alerts,
 * hazard checks of destinations, why a destination received nobody, a region's capacity, and
 * the solver's verdict ("proven optimal" only when proven).
 */
import type { Alert, DestinationCheck, DestinationResult, HazardHit, IdleReason, RelocationFacts, RelocationResult, RelocationScenario } from '../../core/relocation/analysis';
import { HAZARD_TYPE, isCode, type HazardAction } from '../../core/vocabulary';
import { formatYuan } from '../register/format';

type T = (key: string, params?: Record<string, unknown>) => string;
type Lang = 'zh' | 'en';

export function alertText(a: Alert, facts: RelocationFacts | null, t: T): string {
  const params: Record<string, unknown> = { ...a.params };
  const name = facts?.destinations.find((d) => d.id === a.params.destination)?.name;
  if (name) params.destination = name;
  if (typeof params.by === 'number') params.by = Math.round(params.by);
  // A hazard type is stored as its code; the user reads its label.
  if (isCode(HAZARD_TYPE, params.type)) params.type = t(`value.${params.type}`);
  return t(`reloc.alert.${a.code}`, params);
}

/** What a hazard check says of a destination, on its row (empty when clear). */
export function checkText(check: DestinationCheck, t: T): string[] {
  const line = (action: HazardAction, h: HazardHit) =>
    t('reloc.check.line', { action: t(`reloc.policy.actions.${action}`), type: t(`value.${h.type}`), hazard: h.name || h.id, where: h.zone ? t('reloc.check.inside') : t('reloc.check.buffer', { m: Math.round(h.distanceM) }) });
  return [...(check.excluding ? [line(check.action, check.excluding)] : []), ...check.warnings.map((h) => line('warn', h))];
}

/** Why a destination received nobody, in words. */
export function idleText(idle: IdleReason, t: T, lang: Lang): string {
  const params: Record<string, unknown> = { ...idle };
  if (idle.why === 'hazard') params.type = t(`value.${idle.type}`);
  let key: string = idle.why;
  if (idle.why === 'worse') {
    const minutes = Math.round(idle.minutes);
    params.minutes = Math.abs(minutes);
    params.yuan = formatYuan(idle.yuanPerPerson, lang);
    key = minutes > 0 ? 'worse' : minutes < 0 ? 'worseNear' : 'worseSame';
  }
  return `${t('reloc.idle.title')}：${t(`reloc.idle.${key}`, params)}`;
}

/** How a suitability region's capacity follows from its area (null for other destinations). */
export function derivationText(r: DestinationResult, t: T): string | null {
  const d = r.derivation;
  if (!d) return null;
  const params = { area: d.areaHa.toFixed(1), density: d.density, byArea: Math.floor(d.areaHa * d.density).toLocaleString('zh-CN'), cap: d.cap.toLocaleString('zh-CN') };
  return t(d.capped ? 'reloc.derivationCapped' : 'reloc.derivation', params);
}

/** A proven gap as users read it: rounded up to 0.1%, so "不超过" stays true. */
export function gapText(gap: number): string {
  return gap <= 0 ? '0%' : `${(Math.ceil(gap * 1000) / 10).toFixed(1)}%`;
}

/** The solver's verdict in words: "proven optimal" only when proven, else the proven gap, or unfinished. */
export function solverText(result: RelocationResult, relGap: number, t: T): string {
  const s = result.solver;
  if (s.status === 'none' || s.status === 'failed' || s.status === 'unfinished') return t(`reloc.solver.${s.status}`);
  if (!Number.isFinite(s.provenGap)) return t('reloc.solver.unknownGap');
  const gap = { gap: gapText(s.provenGap), accepted: gapText(relGap) };
  // 'limit' with the most people placed not proven: say that, not a cost gap that is within.
  if (s.status === 'limit' && !(s.placed >= s.maxPlaced)) {
    const people = { placed: Math.round(s.placed), bound: Number.isFinite(s.placedBound) ? Math.floor(s.placedBound) : '?' };
    return t(s.provenGap <= relGap ? 'reloc.solver.limitPlaced' : 'reloc.solver.limitBoth', { ...gap, ...people });
  }
  return t(`reloc.solver.${s.status}`, gap);
}

/** The sign-off as it stands for this result: who and when, not signed, or no longer holding (the fingerprint moved). */
export function signOffText(scenario: RelocationScenario, result: RelocationResult, t: T): string {
  const signed = scenario.signOff;
  if (!signed) return t('reloc.signoff.none');
  if (signed.fingerprint !== result.fingerprint) return t('reloc.signoff.stale', { now: result.fingerprint, then: signed.fingerprint });
  return t('reloc.signoff.signed', { by: signed.by, date: signed.date, fp: signed.fingerprint });
}

/** Destinations the hazard rules allow whose room left cannot take the smallest village left unplaced. */
export function fullDestinations(facts: RelocationFacts, result: RelocationResult): string[] {
  const unplaced = result.villages.flatMap((r, v) => (r.moves && r.destination < 0 ? [facts.villages[v].population] : []));
  if (unplaced.length === 0) return [];
  const smallest = Math.min(...unplaced);
  return result.destinations.flatMap((r, d) => (!r.check.excluding && r.free > 0 && r.free - r.assigned < smallest ? [facts.destinations[d].name] : []));
}
