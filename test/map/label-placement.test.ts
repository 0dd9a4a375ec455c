import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/map/label-placement';

const metrics = { charWidthPx: 13, heightPx: 16, offsetPx: 9 };

describe('placeLabels', () => {
  it('keeps the higher-priority label where two overlap', () => {
    const placed = placeLabels(
      [
        { index: 0, x: 100, y: 100, text: '白山下山移民安置小区', priority: 2 },
        { index: 1, x: 110, y: 104, text: '示范县城', priority: 0 },
        { index: 2, x: 100, y: 300, text: '中岭村', priority: 3 },
      ],
      metrics,
    );
    expect(placed).toEqual([1, 2]);
  });

  it('keeps labels that only touch', () => {
    const placed = placeLabels(
      [
        { index: 0, x: 0, y: 0, text: '上坑', priority: 1 },
        { index: 1, x: 0, y: 16, text: '下坑', priority: 1 },
      ],
      metrics,
    );
    expect(placed).toEqual([0, 1]);
  });
});
