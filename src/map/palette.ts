import type { LayerRole } from '../core/manifest';
import { KEY_VILLAGE_LOW_INCOME_SHARE } from '../core/policy-defaults';

/** RGBA 0–255. */
export type Rgba = [number, number, number, number];

/** Low-income household share classes; the last break is the key-village threshold. */
export const LOW_INCOME_BREAKS = [0.1, 0.2, 0.3, KEY_VILLAGE_LOW_INCOME_SHARE];
export const LOW_INCOME_COLORS: Rgba[] = [
  [255, 255, 204, 255],
  [254, 217, 118, 255],
  [253, 141, 60, 255],
  [227, 26, 28, 255],
  [128, 0, 38, 255],
];

/** Indexed by the codes of workers/render-buffers.ts HAZARD_TYPES. */
export const HAZARD_TYPE_COLORS: Rgba[] = [
  [140, 81, 10, 255], // landslide
  [215, 48, 31, 255], // collapse
  [106, 61, 154, 255], // debris_flow
  [99, 99, 99, 255], // subsidence
  [33, 113, 181, 255], // flood
  [8, 104, 172, 255], // reservoir
  [120, 120, 120, 255], // other
];

/** Hazard point radius in metres by risk code (low, medium, high). */
export const RISK_RADIUS_M = [50, 80, 120];

/** Indexed by SETTLEMENT_TYPES codes. */
export const SETTLEMENT_COLORS: Rgba[] = [
  [8, 48, 107, 255], // county_seat
  [33, 113, 181, 255], // central_town
  [107, 174, 214, 255], // central_village
  [27, 158, 119, 255], // relocation_community
  [231, 41, 138, 255], // new_site
];

/**
 * Schools and clinics are hollow rings (white fill, coloured edge) so they never read as
 * villages, whose filled colours already span yellow to dark red.
 */
export const SCHOOL_COLOR: Rgba = [31, 59, 115, 255];
export const CLINIC_COLOR: Rgba = [200, 30, 45, 255];
export const RING_FILL: Rgba = [255, 255, 255, 255];
export const UNKNOWN_COLOR: Rgba = [150, 150, 150, 255];

/** Fill colour of polygon roles; constraint zones are also hatched (src/map/hatch.ts). */
export const ZONE_COLORS: Partial<Record<LayerRole, string>> = {
  farmland: '#b8a400',
  eco_redline: '#c0392b',
  water_source: '#1f78b4',
  public_forest: '#2e7d32',
  industrial_parks: '#984ea3',
};

export const HAZARD_ZONE_COLORS: Record<string, string> = {
  landslide: '#a6611a',
  debris_flow: '#7b3294',
  flood: '#4292c6',
  reservoir: '#2b8cbe',
  collapse: '#d7301f',
  subsidence: '#636363',
  other: '#888888',
};

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
 * Village status on the relocation map, by the overlay's status code: stays, may move, must
 * move, repair in place, must move but not placed (the legend and the briefing use these too).
 */
export const RELOCATION_STATUS_COLORS: Rgba[] = [
  [140, 150, 140, 160],
  [240, 150, 40, 230],
  [215, 40, 40, 240],
  [30, 150, 160, 230],
  [120, 0, 0, 255],
];
/** Flow lines and destination gauges on the relocation map. */
export const RELOCATION_FLOW_COLOR: Rgba = [40, 110, 210, 150];
export const RELOCATION_GAUGE_COLOR: Rgba = [20, 120, 60, 200];

/** `#rrggbb` of a colour (alpha dropped), for legends drawn outside WebGL. */
export function hexOf(c: Rgba): string {
  return `#${c.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
