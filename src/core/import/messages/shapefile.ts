import type { MessageTemplates } from '../types';

/** Wording of the `shapefile` import issues. */
export const shapefileTemplates: MessageTemplates = {};
