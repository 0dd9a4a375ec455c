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
export type ExposureStatus = keyof typeof STATUS;
export const STATUS_NAMES: readonly ExposureStatus[] = ['clear', 'near', 'inside'];

/** The code of a hazard type value; unknown or empty values are `other`. */
export function hazardTypeCode(value: unknown): number {
  const i = HAZARD_TYPES.indexOf(String(value ?? '').trim().toLowerCase() as HazardType);
  return i < 0 ? HAZARD_TYPES.indexOf('other') : i;
}

/**
 * The code of a risk level value (1 low … 3 high). An unknown or empty level counts as high:
 * a hazard of unknown risk must not disappear from a safety register.
 */
export function riskLevelCode(value: unknown): number {
  const v = String(value ?? '').trim().toLowerCase() as RiskLevel;
  return LEVEL_CODES[v] ?? LEVEL_CODES.high;
}
