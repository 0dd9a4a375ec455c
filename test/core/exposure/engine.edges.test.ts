/**
 * Hand-made exposure fixtures with exact expected numbers: points on edges and vertices, in
 * holes and in second parts, point hazards with a threat radius, buffer 0, several levels,
 * empty geometry, line hazards and open rings. Plane = true metres (scale 1) unless stated.
 */
import { describe, expect, it } from 'vitest';
import { computeExposure, type HazardLayerInput } from '../../../src/core/exposure/engine';
import { EXPOSURE_STATUS, numbersOf } from '../../../src/core/vocabulary';

const STATUS = numbersOf(EXPOSURE_STATUS);
import { exposedOf, hazardLayer, hitsOf, lineGeometry, pointGeometry, polygonGeometry, rect } from './build';

type Hit = { h: number; d: number; inside: boolean };

/**
 * Runs the engine once per point, so each fixture checks only its own semantics (a batch of
 * points meets the feature-ordering bug pinned down in the last test of this file).
 */
function probePoints(layers: HazardLayerInput[], coords: readonly number[], scale?: readonly number[]): { rows: Hit[][]; status: number[]; worstLevel: number[] } {
  const rows: Hit[][] = [], status: number[] = [], worstLevel: number[] = [];
  for (let i = 0; i < coords.length / 2; i++) {
    const hits = computeExposure(layers, exposedOf(pointGeometry([coords[2 * i], coords[2 * i + 1]]), scale ? [scale[i]] : undefined));
    expect(hits.count).toBe(1);
    rows.push(hitsOf(hits, 0));
    status.push(hits.status[0]);
    worstLevel.push(hits.worstLevel[0]);
  }
  return { rows, status, worstLevel };
}

/** The 100 m square [0, 100]² as a one-feature polygon layer. */
function square(level = 2, buffer = 0) {
  return hazardLayer(polygonGeometry([[[rect(0, 0, 100, 100)]]]), [level], [buffer]);
}

describe('exposure engine: hand-made fixtures', () => {
  it('counts a point on an edge as inside, at 0 m', () => {
    const hits = probePoints([square(2, 0)], [50, 0, 100, 37.5, 0, 99.999, 50, 100]);
    for (let i = 0; i < 4; i++) {
      expect(hits.rows[i]).toEqual([{ h: 0, d: 0, inside: true }]);
      expect(hits.status[i]).toBe(STATUS.inside);
      expect(hits.worstLevel[i]).toBe(2);
    }
  });

  it('counts a point on an edge of a slanted polygon as inside', () => {
    // Triangle (0,0)–(300,100)–(0,200); (150, 50) lies on its first edge exactly.
    const layer = hazardLayer(polygonGeometry([[[[0, 0, 300, 100, 0, 200, 0, 0]]]]), [1], [0]);
    const hits = probePoints([layer], [150, 50, 150, 150, 225, 75]);
    for (let i = 0; i < 3; i++) expect(hits.rows[i]).toEqual([{ h: 0, d: 0, inside: true }]);
  });

  it('counts a point on a vertex as inside, at 0 m, for every vertex including the closing one', () => {
    const hits = probePoints([square(3, 0)], [0, 0, 100, 0, 100, 100, 0, 100]);
    for (let i = 0; i < 4; i++) {
      expect(hits.rows[i]).toEqual([{ h: 0, d: 0, inside: true }]);
      expect(hits.status[i]).toBe(STATUS.inside);
      expect(hits.worstLevel[i]).toBe(3);
    }
  });

  it('does not count a point in a hole as inside; its distance is to the hole ring', () => {
    // Outer [0, 300]², hole [100, 200]² (clockwise), buffer 50.
    const hole = [100, 100, 100, 200, 200, 200, 200, 100, 100, 100];
    const layer = hazardLayer(polygonGeometry([[[rect(0, 0, 300, 300), hole]]]), [2], [50]);
    // In the hole: (150, 130) is 30 m from y = 100; (155, 145) 45 m from x = 200 and y = 100;
    // (150, 160) 40 m from y = 200. On the hole ring, and between outer ring and hole: inside.
    const pts = [150, 130, 155, 145, 150, 160, 100, 150, 150, 200, 50, 50];
    const hits = probePoints([layer], pts);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 30, inside: false }]);
    expect(hits.status[0]).toBe(STATUS.near);
    expect(hits.rows[1]).toEqual([{ h: 0, d: 45, inside: false }]);
    expect(hits.rows[2]).toEqual([{ h: 0, d: 40, inside: false }]);
    expect(hits.rows[3]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[4]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[5]).toEqual([{ h: 0, d: 0, inside: true }]);
    // Buffer 0: the point in the hole is clear.
    const strict = probePoints([hazardLayer(layer.geometry, [2], [0])], [150, 130]);
    expect(strict.rows[0]).toEqual([]);
    expect(strict.status[0]).toBe(STATUS.clear);
    expect(strict.worstLevel[0]).toBe(0);
    // Buffer 29.9: just short of the hole ring.
    expect(probePoints([hazardLayer(layer.geometry, [2], [29.9])], [150, 130]).rows[0]).toEqual([]);
  });

  it('finds a point in the second part of a multipolygon, and measures to the nearest part', () => {
    // One feature of two squares: [0, 100]² and [1000, 1100] × [0, 100]; buffer 60.
    const layer = hazardLayer(polygonGeometry([[[rect(0, 0, 100, 100)], [rect(1000, 0, 1100, 100)]]]), [2], [60]);
    const hits = probePoints([layer], [1050, 50, 1150, 50, 550, 50, 140, 50]);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[1]).toEqual([{ h: 0, d: 50, inside: false }]);
    expect(hits.rows[2]).toEqual([]);
    expect(hits.rows[3]).toEqual([{ h: 0, d: 40, inside: false }]);
    expect(Array.from(hits.status)).toEqual([STATUS.inside, STATUS.near, STATUS.clear, STATUS.near]);
  });

  it('treats overlapping parts of one feature (invalid input) by the even–odd rule', () => {
    // Two parts of one feature with the second square inside the first: the inner square is a
    // hole under even–odd (the register's documented rule), so its centre is 10 m from an edge.
    const layer = hazardLayer(polygonGeometry([[[rect(0, 0, 100, 100)], [rect(40, 40, 60, 60)]]]), [1], [20]);
    const hits = probePoints([layer], [50, 50, 20, 20]);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 10, inside: false }]);
    expect(hits.rows[1]).toEqual([{ h: 0, d: 0, inside: true }]);
  });

  it('hits a point hazard within its threat radius, never inside', () => {
    const layer = hazardLayer(pointGeometry([1000, 1000]), [3], [200]);
    // 199 m east, 201 m east, on the hazard, 200 m exactly (3-4-5), 199 m north-west-ish.
    const pts = [1199, 1000, 1201, 1000, 1000, 1000, 1120, 1160, 1000 - 119.4, 1000 + 159.2];
    const hits = probePoints([layer], pts);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 199, inside: false }]);
    expect(hits.status[0]).toBe(STATUS.near);
    expect(hits.worstLevel[0]).toBe(3);
    expect(hits.rows[1]).toEqual([]);
    expect(hits.status[1]).toBe(STATUS.clear);
    expect(hits.worstLevel[1]).toBe(0);
    expect(hits.rows[2]).toEqual([{ h: 0, d: 0, inside: false }]);
    expect(hits.status[2]).toBe(STATUS.near);
    expect(hits.rows[3]).toEqual([{ h: 0, d: 200, inside: false }]);
    const diag = hits.rows[4];
    expect(diag).toHaveLength(1);
    expect(diag[0].inside).toBe(false);
    expect(diag[0].d).toBeCloseTo(199, 4);
  });

  it('divides plane distance by the feature\'s scale before comparing with the buffer', () => {
    const layer = hazardLayer(pointGeometry([0, 0]), [2], [200]);
    const hits = probePoints([layer], [201, 0, 0, 201], [1.001, 1.0001]);
    // 201 / 1.001 = 200.7992 > 200: no hit; 201 / 1.0001 = 200.98 > 200: no hit.
    expect(hits.rows).toEqual([[], []]);
    const near = probePoints([layer], [200.3, 0], [1.002]);
    expect(near.rows[0]).toEqual([{ h: 0, d: expect.closeTo(200.3 / Math.fround(1.002), 3), inside: false }]);
  });

  it('with buffer 0 only counts inside (and on the edge)', () => {
    const hits = probePoints([square(2, 0)], [50, 50, 50, -0.01, 100.001, 50, 100, 50, -1e-3, -1e-3]);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[1]).toEqual([]);
    expect(hits.rows[2]).toEqual([]);
    expect(hits.rows[3]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[4]).toEqual([]);
    expect(Array.from(hits.status)).toEqual([STATUS.inside, STATUS.clear, STATUS.clear, STATUS.inside, STATUS.clear]);
  });

  it('lists several hits nearest first and takes the worst level', () => {
    // Layer 0: the square (level 1, buffer 0) → hazard 0.
    // Layer 1: point hazards (level 3 at (180, 50), level 2 at (50, 150), level 1 at (50, 175)),
    //          all buffer 100 → hazards 1, 2, 3.
    const layers = [square(1, 0), hazardLayer(pointGeometry([180, 50, 50, 150, 50, 175]), [3, 2, 1], [100, 100, 100])];
    // A: (90, 60) inside the square, 90.55 m from hazard 1, 98.49 m from hazard 2, 121.8 m from 3.
    // B: (50, 120): 20 m outside the square (buffer 0: no hit), 30 m from 2, 55 m from 3, 147.6 m from 1.
    const hits = probePoints(layers, [90, 60, 50, 120]);
    expect(hits.rows[0]).toEqual([
      { h: 0, d: 0, inside: true },
      { h: 1, d: expect.closeTo(Math.hypot(90, 10), 4), inside: false },
      { h: 2, d: expect.closeTo(Math.hypot(40, 90), 4), inside: false },
    ]);
    expect(hits.status[0]).toBe(STATUS.inside);
    expect(hits.worstLevel[0]).toBe(3);
    expect(hits.rows[1]).toEqual([
      { h: 2, d: 30, inside: false },
      { h: 3, d: 55, inside: false },
    ]);
    expect(hits.status[1]).toBe(STATUS.near);
    expect(hits.worstLevel[1]).toBe(2);
  });

  it('orders equal distances by hazard index across layers', () => {
    // Point hazards all exactly 40 m from the village at (500, 500), in scrambled positions
    // across two layers, plus one at 30 m in the last layer.
    const layers = [
      hazardLayer(pointGeometry([540, 500, 500, 460]), [1, 2], [50, 50]),
      hazardLayer(pointGeometry([460, 500, 500, 540, 530, 500]), [1, 3, 1], [50, 50, 50]),
    ];
    const hits = probePoints(layers, [500, 500]);
    expect(hits.rows[0]).toEqual([
      { h: 4, d: 30, inside: false },
      { h: 0, d: 40, inside: false },
      { h: 1, d: 40, inside: false },
      { h: 2, d: 40, inside: false },
      { h: 3, d: 40, inside: false },
    ]);
    expect(hits.worstLevel[0]).toBe(3);
    // Several insides (all at 0 m) are ordered by hazard index too.
    const stacked = [hazardLayer(polygonGeometry([[[rect(0, 0, 10, 10)]], [[rect(-5, -5, 5, 5)]]]), [1, 1], [0, 0]), square(2, 0)];
    const inside = probePoints(stacked, [1, 1]);
    expect(inside.rows[0]).toEqual([
      { h: 0, d: 0, inside: true },
      { h: 1, d: 0, inside: true },
      { h: 2, d: 0, inside: true },
    ]);
  });

  it('never hits an empty hazard geometry', () => {
    // Polygon layer: feature 0 has no parts, feature 1 is the square; point layer: a NaN point.
    const polygons = polygonGeometry([[], [[rect(0, 0, 100, 100)]], []]);
    const layers = [hazardLayer(polygons, [3, 1, 3], [1e6, 10, 1e6]), hazardLayer(pointGeometry([NaN, NaN, 0, 0]), [3, 2], [1e6, 5])];
    const hits = probePoints(layers, [50, 50, 0, 0, 5000, 5000, NaN, NaN]);
    expect(hits.rows[0]).toEqual([{ h: 1, d: 0, inside: true }]);
    expect(hits.worstLevel[0]).toBe(1);
    expect(hits.rows[1]).toEqual([
      { h: 1, d: 0, inside: true },
      { h: 4, d: 0, inside: false },
    ]);
    expect(hits.worstLevel[1]).toBe(2);
    expect(hits.rows[2]).toEqual([]);
    // An empty exposed feature (NaN point) has no hits either.
    expect(hits.rows[3]).toEqual([]);
    expect(hits.status[3]).toBe(STATUS.clear);
    // A layer of nothing but empty geometry.
    const none = probePoints([hazardLayer(polygonGeometry([[]]), [3], [1e6])], [0, 0]);
    expect(none.rows[0]).toEqual([]);
  });

  it('measures to a line hazard and never counts it as inside', () => {
    // An L: (0,0)–(100,0)–(100,100), buffer 50; and a closed square outline as a line, buffer 60.
    const layer = hazardLayer(lineGeometry([[[0, 0, 100, 0, 100, 100]], [[300, 0, 400, 0, 400, 100, 300, 100, 300, 0]]]), [2, 3], [50, 60]);
    const pts = [50, 30, 130, 50, 50, -10, 150, -40, 90, 10, 100, 0, 50, 0, 350, 50, 350, 0];
    const hits = probePoints([layer], pts);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 30, inside: false }]);
    expect(hits.rows[1]).toEqual([{ h: 0, d: 30, inside: false }]);
    expect(hits.rows[2]).toEqual([{ h: 0, d: 10, inside: false }]);
    // 64.03 m from the corner vertex: beyond the buffer.
    expect(hits.rows[3]).toEqual([]);
    expect(hits.rows[4]).toEqual([{ h: 0, d: 10, inside: false }]);
    // On the vertex and on the line: 0 m, still not inside.
    expect(hits.rows[5]).toEqual([{ h: 0, d: 0, inside: false }]);
    expect(hits.rows[6]).toEqual([{ h: 0, d: 0, inside: false }]);
    expect(hits.status[5]).toBe(STATUS.near);
    // The centre of a closed outline drawn as a line is 50 m from it, not inside.
    expect(hits.rows[7]).toEqual([{ h: 1, d: 50, inside: false }]);
    expect(hits.rows[8]).toEqual([{ h: 1, d: 0, inside: false }]);
    expect(hits.status[7]).toBe(STATUS.near);
    expect(hits.worstLevel[7]).toBe(3);
  });

  it('treats an open (unclosed) polygon ring as closed', () => {
    // The square [0, 100]² without its closing vertex, with an open hole [40, 60]²; buffer 20.
    const open = hazardLayer(polygonGeometry([[[[0, 0, 100, 0, 100, 100, 0, 100], [40, 40, 40, 60, 60, 60, 60, 40]]]]), [2], [20]);
    // Inside; on the closing edge x = 0; 10 m west of it (51 m from the nearest vertex);
    // in the hole, 5 m from its closing edge y = 40 (x = 60 → 40 is the hole's closing edge);
    // in the hole centre, 10 m from every side.
    const pts = [20, 50, 0, 50, -10, 50, 50, 45, 50, 50];
    const hits = probePoints([open], pts);
    expect(hits.rows[0]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[1]).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hits.rows[2]).toEqual([{ h: 0, d: 10, inside: false }]);
    expect(hits.rows[3]).toEqual([{ h: 0, d: 5, inside: false }]);
    expect(hits.rows[4]).toEqual([{ h: 0, d: 10, inside: false }]);
    // The same as the closed square with a closed hole.
    const closed = hazardLayer(polygonGeometry([[[rect(0, 0, 100, 100), [40, 40, 40, 60, 60, 60, 60, 40, 40, 40]]]]), [2], [20]);
    const ref = probePoints([closed], pts);
    expect(hits.rows).toEqual(ref.rows);
    // An open ring also works for an exposed polygon (a village 10 m west of the square).
    const village = computeExposure([open], exposedOf(polygonGeometry([[[[-30, 40, -10, 40, -10, 60, -30, 60]]]])));
    expect(hitsOf(village, 0)).toEqual([{ h: 0, d: 10, inside: false }]);
  });

  it('measures polygon villages: overlap is inside, otherwise the gap between the shapes', () => {
    const layers = [square(2, 30), hazardLayer(pointGeometry([500, 500]), [3], [100])];
    const villages = polygonGeometry([
      [[rect(110, 40, 150, 60)]], // 10 m east of the square
      [[rect(100, 40, 150, 60)]], // touching the square's edge
      [[rect(-50, -50, 200, 200)]], // containing the whole square
      [[rect(90, 90, 95, 95)]], // inside the square
      [[rect(480, 480, 520, 520)]], // containing the point hazard: 0 m, not inside
      [[rect(300, 300, 430, 430)]], // corner (430, 430) is hypot(70, 70) from the point hazard
      [[rect(450, 450, 550, 550), rect(490, 490, 510, 510)]], // the point hazard in the village's hole
      [[[120, 50, 150, 20, 150, 80, 120, 50]]], // vertex 20 m east of the square's east edge
    ]);
    const hits = computeExposure(layers, exposedOf(villages));
    expect(hitsOf(hits, 0)).toEqual([{ h: 0, d: 10, inside: false }]);
    expect(hitsOf(hits, 1)).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hitsOf(hits, 2)).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hitsOf(hits, 3)).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hitsOf(hits, 4)).toEqual([{ h: 1, d: 0, inside: false }]);
    expect(hits.status[4]).toBe(STATUS.near);
    expect(hitsOf(hits, 5)).toEqual([{ h: 1, d: expect.closeTo(Math.hypot(70, 70), 4), inside: false }]);
    expect(hitsOf(hits, 6)).toEqual([{ h: 1, d: 10, inside: false }]);
    expect(hitsOf(hits, 7)).toEqual([{ h: 0, d: 20, inside: false }]);
  });

  // Regression: hilbertOrder once packed (value + 1) · 2^21 + index into a float64, which
  // overflows 2^53 in the last Hilbert cell (x = 0xffff, y = 0): a feature there with an odd
  // index was replaced by its neighbour and never probed.
  it('probes every exposed point of a batch, including the south-east-most one', () => {
    const layer = hazardLayer(polygonGeometry([[[rect(-50, -50, 50, 50)]]]), [3], [0]);
    const hits = computeExposure([layer], exposedOf(pointGeometry([0, 10, 10, 0])));
    expect(hitsOf(hits, 0)).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(hitsOf(hits, 1)).toEqual([{ h: 0, d: 0, inside: true }]);
    expect(Array.from(hits.status)).toEqual([STATUS.inside, STATUS.inside]);
  });

  it('grows the index by the largest scale of the run (a frame far from its centre)', () => {
    // 305 plane metres at scale 1.05 are 290.5 true metres: inside a 300 m buffer.
    const layer = hazardLayer(pointGeometry([0, 0]), [2], [300]);
    const hits = computeExposure([layer], exposedOf(pointGeometry([305, 0]), [1.05]));
    expect(hitsOf(hits, 0)).toEqual([{ h: 0, d: expect.closeTo(305 / 1.05, 3), inside: false }]);
  });

  it('hits a point exactly on a line hazard with buffer 0', () => {
    const layer = hazardLayer(lineGeometry([[[0, 0, 100, 37]]]), [3], [0]);
    const hits = computeExposure([layer], exposedOf(pointGeometry([50, 18.5, 30, 11.1])));
    expect(hits.status[0]).toBe(STATUS.near);
    expect(hits.status[1]).toBe(STATUS.near);
  });
});
