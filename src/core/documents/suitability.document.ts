/** The suitability models' stored document (rule library, models, the active one): versions and checks. */
import type { DocumentKind } from './envelope';
import { fields, list, record, text } from './check';

export const suitabilityDocument: DocumentKind = {
  title: { zh: '适宜性评价模型', en: 'suitability models' },
  // v1: { rules, models, activeId }.
  steps: [],
  check: (value) => fields({ rules: list(record), models: list(fields({ id: text })), activeId: text })(value, ''),
};
