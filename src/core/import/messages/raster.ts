import type { MessageTemplates } from '../types';

/** Wording of the `raster` import issues. */
export const rasterTemplates: MessageTemplates = {};
