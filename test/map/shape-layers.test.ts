import { describe, expect, it } from 'vitest';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { shapeLayerSpecs } from '../../src/map/shape-layers';
import type { LayerInfo } from '../../workers/data.types';

const roads: LayerInfo = {
  id: 'user-roads-1', role: 'roads', kind: 'LineString', name: { zh: '道路', en: 'Roads' }, source: { zh: '', en: '' },
  featureCount: 3, bboxLngLat: [119, 28, 120, 29], columns: [{ name: 'class', type: 'string' }], userLayer: true,
};

/** Which sublayers draw a road with these properties. */
function drawnBy(properties: Record<string, unknown>): string[] {
  const feature = { type: 2 as const, properties, geometry: [] };
  return shapeLayerSpecs(roads)
    .filter((spec) => 'filter' in spec && featureFilter(spec.filter as FilterSpecification).filter({ zoom: 12 }, feature))
    .map((spec) => spec.id.split(':')[1]);
}

describe('road layers', () => {
  it('draw the demo classes with casing and imported classes (or none) in plain grey', () => {
    expect(drawnBy({ class: 'county' })).toEqual(['casing-county', 'line-county']);
    expect(drawnBy({ class: 'national' })).toEqual(['line-other']);
    expect(drawnBy({})).toEqual(['line-other']);
  });
});
