import type { MessageTemplates } from '../types';

/** Wording of the `validate` import issues. */
export const validateTemplates: MessageTemplates = {};
