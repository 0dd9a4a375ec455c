import { describe, expect, it } from 'vitest';
import { pointBuffers, shapeGeoJson } from '../../workers/render-buffers';
import type { VectorLayer } from '../../src/core/types';

function layer(geometry: VectorLayer['geometry'], length: number, columns: VectorLayer['table']['columns'] = []): VectorLayer {
  return { geometry, table: { length, columns }, bbox: [0, 0, 1, 1], crs: 'EPSG:4490' };
}

const none = new Uint32Array(0);

describe('pointBuffers', () => {
  it('codes hazard categories for the map and keeps one position per feature', () => {
    const l = layer({ kind: 'Point', coords: Float64Array.from([1, 2, 3, 4]), geomOffsets: none, partOffsets: none, ringOffsets: none }, 2, [
      { name: 'type', type: 'string', values: ['collapse', 'unknown-type'] },
      { name: 'riskLevel', type: 'string', values: ['high', null] },
    ]);
    const b = pointBuffers(l, 'hazards');
    expect([...b.positions]).toEqual([1, 2, 3, 4]);
    expect(b.style.type[0]).toBe(1);
    expect(b.style.type[1]).toBeNaN();
    expect(b.style.risk[0]).toBe(3); // the vocabulary's numbering: 1 low … 3 high
  });

  it('draws a MultiPoint feature at its first point and an empty one not at all', () => {
    const l = layer({ kind: 'Point', coords: Float64Array.from([1, 2, 5, 6, 7, 8]), geomOffsets: Uint32Array.from([0, 2, 2, 3]), partOffsets: none, ringOffsets: none }, 3);
    const p = pointBuffers(l, 'villages').positions;
    expect([p[0], p[1], p[4], p[5]]).toEqual([1, 2, 7, 8]);
    expect(p[2]).toBeNaN();
  });
});

describe('shapeGeoJson', () => {
  it('writes polygons with holes and keeps only the styling properties', () => {
    const l = layer(
      {
        kind: 'Polygon',
        coords: Float64Array.from([0, 0, 4, 0, 4, 4, 0, 0, 1, 1, 2, 1, 2, 2, 1, 1]),
        geomOffsets: Uint32Array.from([0, 1]),
        partOffsets: Uint32Array.from([0, 2]),
        ringOffsets: Uint32Array.from([0, 4, 8]),
      },
      1,
      [
        { name: 'type', type: 'string', values: ['flood'] },
        { name: 'threatenedPersons', type: 'number', values: Float64Array.from([12]) },
      ],
    );
    const fc = JSON.parse(new TextDecoder().decode(shapeGeoJson(l, 'hazards')));
    expect(fc.features[0].properties).toEqual({ i: 0, type: 'flood' });
    expect(fc.features[0].geometry.coordinates[0].length).toBe(2);
  });
});
