import type { LayerSpecification } from 'maplibre-gl';
import type { LayerInfo } from '../../workers/data.types';
import { HAZARD_ZONE_COLORS, RIVER_COLOR, ROAD_COLORS, ZONE_COLORS } from './palette';

/** Roles drawn with a hatch pattern (MapLibre image id `hatch-<role>`). */
export const HATCHED_ROLES = ['farmland', 'eco_redline', 'water_source', 'public_forest'] as const;

function matchColor(property: string, colors: Record<string, string>, fallback: string): unknown {
  return ['match', ['get', property], ...Object.entries(colors).flat(), fallback];
}

/**
 * MapLibre layers drawing one line or polygon data layer from source `src-<id>`.
 * Layer ids start with `<id>:` so the panel can show, hide, fade and reorder them together.
 */
export function shapeLayerSpecs(layer: LayerInfo): LayerSpecification[] {
  const source = `src-${layer.id}`;
  const id = (suffix: string) => `${layer.id}:${suffix}`;
  switch (layer.role) {
    case 'roads':
      return [
        {
          id: id('casing'),
          type: 'line',
          source,
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: {
            'line-color': '#6b5a4a',
            'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'class'], 'county', 3, 'township', 2.2, 1.2], 14, ['match', ['get', 'class'], 'county', 8, 'township', 6, 4]],
          },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: {
            'line-color': matchColor('class', ROAD_COLORS, '#ffffff') as never,
            'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'class'], 'county', 2, 'township', 1.4, 0.6], 14, ['match', ['get', 'class'], 'county', 6, 'township', 4.5, 2.5]],
          },
        },
      ];
    case 'rivers':
      return [
        {
          id: id('line'),
          type: 'line',
          source,
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: {
            'line-color': RIVER_COLOR,
            'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['case', ['get', 'main'], 3, ['*', 0.35, ['get', 'order']]], 14, ['case', ['get', 'main'], 10, ['*', 1.2, ['get', 'order']]]],
          },
        },
      ];
    case 'boundary': {
      const county = layer.id === 'county';
      return [
        {
          id: id('line'),
          type: 'line',
          source,
          paint: {
            'line-color': county ? '#3b3b3b' : '#6d6d6d',
            'line-width': county ? 2.5 : 1.2,
            'line-dasharray': county ? [4, 1, 1, 1] : [3, 2],
          },
        },
      ];
    }
    case 'hazards':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          paint: {
            'fill-color': matchColor('type', HAZARD_ZONE_COLORS, '#888888') as never,
            'fill-opacity': ['match', ['get', 'type'], 'reservoir', 0.75, 'flood', 0.35, 0.45],
          },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          paint: {
            'line-color': matchColor('type', HAZARD_ZONE_COLORS, '#888888') as never,
            'line-width': ['match', ['get', 'riskLevel'], 'high', 2, 'medium', 1.3, 0.8],
          },
        },
      ];
    default: {
      const color = ZONE_COLORS[layer.role] ?? '#888888';
      const hatched = (HATCHED_ROLES as readonly string[]).includes(layer.role);
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          paint: hatched ? { 'fill-pattern': `hatch-${layer.role}` } : { 'fill-color': color, 'fill-opacity': 0.5 },
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
    case 'hillshade': return null;
    default: return null;
  }
}
