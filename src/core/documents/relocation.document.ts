/** The relocation scenarios' stored document (scenarios, the active one, the briefing's author): versions and checks. */
import type { DocumentKind } from './envelope';
import { fields, list, optional, record, text } from './check';

const scenario = fields({ id: text, name: text, policy: record, capacities: record, overrides: record });

export const relocationDocument: DocumentKind = {
  title: { zh: '搬迁安置方案', en: 'relocation scenarios' },
  // v1: { scenarios, activeId, author? }; policies may lack fields added since (the store fills them).
  steps: [],
  check: (value) => fields({ scenarios: list(scenario), activeId: text, author: optional(text) })(value, ''),
};
