import type { LayerRole } from '../core/manifest';
import { KEY_VILLAGE_LOW_INCOME_SHARE } from '../core/policy-defaults';
import { colorsByNumber, DESTINATION_KIND, HAZARD_TYPE, LAYER_ROLE, VILLAGE_STATUS, type Rgba } from '../core/vocabulary';

export type { Rgba };

/** Low-income household share classes; the last break is the key-village threshold. */
export const LOW_INCOME_BREAKS = [0.1, 0.2, 0.3, KEY_VILLAGE_LOW_INCOME_SHARE];
export const LOW_INCOME_COLORS: Rgba[] = [
  [255, 255, 204, 255],
  [254, 217, 118, 255],
  [253, 141, 60, 255],
  [227, 26, 28, 255],
  [128, 0, 38, 255],
];

export const UNKNOWN_COLOR: Rgba = [150, 150, 150, 255];

/** Hazard point colours, indexed by the vocabulary's numeric hazard type. */
export const HAZARD_TYPE_COLORS: Rgba[] = colorsByNumber(HAZARD_TYPE, UNKNOWN_COLOR);

/**
 * Hazard point radius in metres, indexed by numeric risk level (0 none … 3 high); a hazard
 * without a known level is drawn at the smallest size.
 */
export const RISK_RADIUS_M = [50, 50, 80, 120];

/** Settlement colours, indexed by the vocabulary's numeric destination kind. */
export const SETTLEMENT_COLORS: Rgba[] = colorsByNumber(DESTINATION_KIND, UNKNOWN_COLOR);

/**
 * Schools and clinics are hollow rings (white fill, coloured edge) so they never read as
 * villages, whose filled colours already span yellow to dark red.
 */
export const SCHOOL_COLOR: Rgba = [31, 59, 115, 255];
export const CLINIC_COLOR: Rgba = [200, 30, 45, 255];
export const RING_FILL: Rgba = [255, 255, 255, 255];

/** Fill colour of polygon roles; constraint zones are also hatched (src/map/hatch.ts). */
export const ZONE_COLORS: Partial<Record<LayerRole, string>> = Object.fromEntries(
  LAYER_ROLE.entries.flatMap((e) => (e.zoneColor ? [[e.code, e.zoneColor]] : [])),
);

export const ROAD_COLORS: Record<string, string> = { county: '#e6550d', township: '#fdae6b', village: '#ffffff' };
export const RIVER_COLOR = '#3a86c8';

/** Class index of a low-income share (NaN → -1). */
export function lowIncomeClass(share: number): number {
  if (Number.isNaN(share)) return -1;
  let k = 0;
  while (k < LOW_INCOME_BREAKS.length && share >= LOW_INCOME_BREAKS[k]) k++;
  return k;
}

/**
 * Symbol sizes are in metres on the ground, so they shrink when zoomed out (with a
 * minimum in pixels, src/map/point-layers.ts) instead of burying a county view.
 */
/** Village radius in metres: area proportional to population (400 people → 160 m). */
export function villageRadiusMeters(population: number): number {
  return Number.isNaN(population) ? 60 : 8 * Math.sqrt(Math.max(0, population));
}

/** Settlement radius in metres: area proportional to capacity. */
export function settlementRadiusMeters(capacity: number): number {
  return Number.isNaN(capacity) ? 150 : 100 + 5 * Math.sqrt(Math.max(0, capacity));
}

/**
 * Village status on the relocation map, indexed by the vocabulary's numeric village status:
 * stays, may move, must move, repair in place, must move but not placed (the legend and the
 * briefing use these too).
 */
export const RELOCATION_STATUS_COLORS: Rgba[] = colorsByNumber(VILLAGE_STATUS, UNKNOWN_COLOR);
/** Flow lines and destination gauges on the relocation map. */
export const RELOCATION_FLOW_COLOR: Rgba = [40, 110, 210, 150];
export const RELOCATION_GAUGE_COLOR: Rgba = [20, 120, 60, 200];

/** `#rrggbb` of a colour (alpha dropped), for legends drawn outside WebGL. */
export function hexOf(c: Rgba): string {
  return `#${c.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
