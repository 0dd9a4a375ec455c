import type { MessageTemplates } from '../types';

/** Wording of the `table` import issues. */
export const tableTemplates: MessageTemplates = {};
