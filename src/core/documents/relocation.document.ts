/**
 * The relocation scenarios' stored document (scenarios, the active one, the briefing's author): versions and checks.
 *
 * - v1: { scenarios, activeId, author? }; policies may lack fields added since (the store fills them).
 * - v2: the solver's time limit is a safety net only (its old 3-second default decided answers
 *   and becomes the new default); suitability regions join a scenario only as saved snapshots,
 *   so the old switch that offered the in-memory regions is gone.
 */
import type { DocumentKind } from './envelope';
import { fields, isRecord, list, optional, record, text } from './check';

/** The safety time limit a v1 scenario gets (the v2 default). */
const SAFETY_TIME_LIMIT_S = 60;

function v1ToV2(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.scenarios)) throw new Error('the scenarios are not a list');
  const scenarios = value.scenarios.map((s: unknown) => {
    if (!isRecord(s) || !isRecord(s.policy) || !isRecord(s.policy.assignment)) return s;
    const { useNewSites: _offered, ...assignment } = s.policy.assignment;
    const limit = typeof assignment.timeLimitS === 'number' ? Math.max(assignment.timeLimitS, SAFETY_TIME_LIMIT_S) : SAFETY_TIME_LIMIT_S;
    return { ...s, policy: { ...s.policy, assignment: { ...assignment, timeLimitS: limit } } };
  });
  return { ...value, scenarios };
}

const scenario = fields({ id: text, name: text, policy: record, capacities: record, overrides: record, regions: optional(list(record)), signOff: optional(record) });

export const relocationDocument: DocumentKind = {
  title: { zh: '搬迁安置方案', en: 'relocation scenarios' },
  steps: [v1ToV2],
  check: (value) => fields({ scenarios: list(scenario), activeId: text, author: optional(text) })(value, ''),
};
