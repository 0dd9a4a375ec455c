/**
 * Policy numbers used as editable defaults, each with its source (../shared/DOMAIN.md).
 * Counties set their own; nothing here is a constant of the method.
 */
import type { HazardType, RiskLevel } from './vocabulary';

/**
 * A key village (扶贫重点村): an administrative village where more than this share of
 * households are low-income. Source: Zhejiang/Lishui poverty-alleviation practice, DOMAIN.md
 * "Who is low-income, which villages are key".
 */
export const KEY_VILLAGE_LOW_INCOME_SHARE = 0.4;

/**
 * How far (metres) from a hazard's edge a village, household or site counts as "near" it,
 * by hazard type and risk level. A hazard's own threat radius (威胁半径) or `bufferMeters`
 * wins over these. Source: none published in DOMAIN.md; these are Anju's starting values
 * (larger for debris flows, which run out along channels, and for higher risk) for a county
 * geological-hazard office to replace with its own.
 */
export const DEFAULT_HAZARD_BUFFERS_M: Readonly<Record<HazardType, Readonly<Record<RiskLevel, number>>>> = {
  landslide: { high: 200, medium: 100, low: 50 },
  collapse: { high: 150, medium: 100, low: 50 },
  debris_flow: { high: 300, medium: 200, low: 100 },
  subsidence: { high: 100, medium: 50, low: 30 },
  flood: { high: 100, medium: 50, low: 0 },
  reservoir: { high: 0, medium: 0, low: 0 },
  other: { high: 100, medium: 50, low: 30 },
};
