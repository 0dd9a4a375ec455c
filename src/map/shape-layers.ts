import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerInfo } from '../../workers/data.types';
import { HAZARD_TYPE, LAYER_ROLE, type LayerRole } from '../core/vocabulary';
import { RIVER_COLOR, ROAD_COLORS, ZONE_COLORS } from './palette';

/** Roles drawn with a hatch pattern (MapLibre image id `hatch-<role>`). */
export const HATCHED_ROLES: readonly LayerRole[] = LAYER_ROLE.entries.filter((e) => e.hatched).map((e) => e.code);

/** Hazard zone types bottom first: water zones under the geological hazards drawn on them. */
const HAZARD_ZONES = [...HAZARD_TYPE.entries].sort((a, b) => a.zone.drawOrder - b.zone.drawOrder);

/** Road casing and line widths in pixels at zoom 9 and zoom 14, by class. */
const ROAD_WIDTHS: Record<string, { casing: [number, number]; line: [number, number] }> = {
  village: { casing: [1.2, 4], line: [0.6, 2.5] },
  township: { casing: [2.2, 6], line: [1.4, 4.5] },
  county: { casing: [3, 8], line: [2, 6] },
};

const byZoom = ([z9, z14]: [number, number]) => ['interpolate', ['linear'], ['zoom'], 9, z9, 14, z14] as never;

/**
 * MapLibre layers drawing one line or polygon data layer from source `src-<id>`.
 * Layer ids start with `<id>:` so the panel can show, hide, fade and reorder them together.
 *
 * Paint values are constant per MapLibre layer (one filtered layer per class instead of
 * data-driven expressions): every distinct data-driven combination compiles its own
 * shader, which costs hundreds of milliseconds each under software WebGL.
 */
export function shapeLayerSpecs(layer: LayerInfo): LayerSpecification[] {
  const source = `src-${layer.id}`;
  const id = (suffix: string) => `${layer.id}:${suffix}`;
  const is = (property: string, value: string | boolean): FilterSpecification => ['==', ['get', property], value];
  switch (layer.role) {
    case 'roads': {
      const classes = Object.keys(ROAD_WIDTHS);
      const line = (cls: string, part: 'casing' | 'line'): LayerSpecification => ({
        id: id(`${part}-${cls}`),
        type: 'line',
        source,
        filter: is('class', cls),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': part === 'casing' ? '#6b5a4a' : ROAD_COLORS[cls], 'line-width': byZoom(ROAD_WIDTHS[cls][part]) },
      });
      // Imported roads may be of other classes (expressway, national, provincial…) or have none:
      // they are drawn plain grey under the classed roads rather than not at all.
      const other: LayerSpecification = {
        id: id('line-other'),
        type: 'line',
        source,
        filter: ['!', ['in', ['coalesce', ['get', 'class'], ''], ['literal', classes]]],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#5f5a55', 'line-width': byZoom([1.6, 5]) },
      };
      // All casings first, then the lines, so junctions of different classes join cleanly.
      return [other, ...classes.map((c) => line(c, 'casing')), ...classes.map((c) => line(c, 'line'))];
    }
    case 'rivers':
      return [
        { id: id('tributary'), type: 'line', source, filter: is('main', false), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': RIVER_COLOR, 'line-width': byZoom([0.7, 3]) } },
        { id: id('main'), type: 'line', source, filter: is('main', true), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': RIVER_COLOR, 'line-width': byZoom([3, 10]) } },
      ];
    case 'boundary': {
      const county = layer.id === 'county';
      return [
        {
          id: id('line'),
          type: 'line',
          source,
          paint: { 'line-color': county ? '#3b3b3b' : '#6d6d6d', 'line-width': county ? 2.5 : 1.2, 'line-dasharray': county ? [4, 1, 1, 1] : [3, 2] },
        },
      ];
    }
    case 'hazards':
      return HAZARD_ZONES.flatMap(({ code: type, zone }): LayerSpecification[] => [
        {
          id: id(`fill-${type}`),
          type: 'fill',
          source,
          filter: is('type', type),
          paint: { 'fill-color': zone.color, 'fill-opacity': zone.fillOpacity, 'fill-antialias': false },
        },
        { id: id(`line-${type}`), type: 'line', source, filter: is('type', type), paint: { 'line-color': zone.color, 'line-width': 1.2 } },
      ]);
    default: {
      const color = ZONE_COLORS[layer.role] ?? '#888888';
      const hatched = HATCHED_ROLES.includes(layer.role);
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          paint: hatched ? { 'fill-pattern': `hatch-${layer.role}`, 'fill-antialias': false } : { 'fill-color': color, 'fill-opacity': 0.5, 'fill-antialias': false },
        },
        { id: id('line'), type: 'line', source, paint: { 'line-color': color, 'line-width': 1 } },
      ];
    }
  }
}

/** The paint property that carries a sublayer's opacity. */
export function opacityProperty(type: LayerSpecification['type']): string | null {
  switch (type) {
    case 'line': return 'line-opacity';
    case 'fill': return 'fill-opacity';
    case 'raster': return 'raster-opacity';
    default: return null;
  }
}
