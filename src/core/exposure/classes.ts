/**
 * Hazard types and risk levels as small integer codes, so per-feature results can be typed
 * arrays. Codes are stable: they are stored with register snapshots.
 */

/** Hazard types of DESIGN.md §2, in code order (index = code). */
export const HAZARD_TYPES = ['landslide', 'collapse', 'debris_flow', 'subsidence', 'flood', 'reservoir', 'other'] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

/** Risk levels, index = code; 0 means "no hit". Higher code = worse. */
export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RiskLevel = Exclude<(typeof RISK_LEVELS)[number], 'none'>;
export const LEVEL_CODES: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };

/** Exposure status codes of one exposed feature. */
export const STATUS = { clear: 0, near: 1, inside: 2 } as const;

/** The code of a hazard type value, or -1 when it is empty or not one of HAZARD_TYPES. */
export function hazardTypeCode(value: unknown): number {
  return HAZARD_TYPES.indexOf(String(value ?? '').trim().toLowerCase() as HazardType);
}

/** The code of a risk level value (1 low … 3 high), or -1 when it is empty or unknown. */
export function riskLevelCode(value: unknown): number {
  const v = String(value ?? '').trim().toLowerCase() as RiskLevel;
  return LEVEL_CODES[v] ?? -1;
}
