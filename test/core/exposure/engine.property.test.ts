/**
 * Property test of the exposure engine against a brute-force reference written here: plain
 * loops over every hazard and every ring segment, even–odd ray casting over all rings of all
 * parts, no index, no Hilbert order. Seeded random polygons (holes, multipolygons), point and
 * line hazards; random points plus points placed exactly on vertices and edges, in holes and in
 * second parts; small polygon villages; and a non-unit scale.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/core/random';
import type { ColumnarGeometry } from '../../../src/core/types';
import { computeExposure, type ExposedInput, type ExposureHits, type HazardLayerInput } from '../../../src/core/exposure/engine';
import { EXPOSURE_STATUS, numbersOf } from '../../../src/core/vocabulary';

const STATUS = numbersOf(EXPOSURE_STATUS);
import { syntheticPointHazards, syntheticPoints, syntheticPolygons, type SyntheticOptions } from './synthetic';
import { featureCountOf, hitsOf, lineGeometry, pointGeometry, polygonGeometry } from './build';

// ---------------------------------------------------------------------------------------------
// Reference
// ---------------------------------------------------------------------------------------------

/** A point this close (plane metres) to a polygon's boundary is on it, hence inside. */
const ON_BOUNDARY_M = 1e-6;

interface Hit {
  h: number;
  d: number;
  inside: boolean;
}

/** One feature's shape: its segments (polygon rings closed here if open; line parts) and vertices. */
interface Shape {
  kind: ColumnarGeometry['kind'];
  /** ax, ay, bx, by per segment; none for points. */
  segs: number[];
  /** x, y per vertex (every ring, part or point). */
  verts: number[];
}

function shapeOf(g: ColumnarGeometry, i: number): Shape {
  const c = g.coords;
  const out: Shape = { kind: g.kind, segs: [], verts: [] };
  const addRun = (v0: number, v1: number, close: boolean) => {
    for (let v = v0; v < v1; v++) out.verts.push(c[2 * v], c[2 * v + 1]);
    for (let v = v0; v + 1 < v1; v++) out.segs.push(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
    if (close && v1 - v0 >= 3 && (c[2 * v0] !== c[2 * v1 - 2] || c[2 * v0 + 1] !== c[2 * v1 - 1])) out.segs.push(c[2 * v1 - 2], c[2 * v1 - 1], c[2 * v0], c[2 * v0 + 1]);
  };
  if (g.kind === 'Point') {
    const [v0, v1] = g.geomOffsets.length === 0 ? [i, i + 1] : [g.geomOffsets[i], g.geomOffsets[i + 1]];
    for (let v = v0; v < v1; v++) if (!Number.isNaN(c[2 * v])) out.verts.push(c[2 * v], c[2 * v + 1]);
    return out;
  }
  for (let p = g.geomOffsets[i]; p < g.geomOffsets[i + 1]; p++) {
    if (g.kind === 'LineString') addRun(g.partOffsets[p], g.partOffsets[p + 1], false);
    else for (let r = g.partOffsets[p]; r < g.partOffsets[p + 1]; r++) addRun(g.ringOffsets[r], g.ringOffsets[r + 1], true);
  }
  return out;
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return Math.sqrt(ex * ex + ey * ey);
}

/** Even–odd ray casting over all rings of all parts (a horizontal ray towards +x). */
function crossesOdd(s: Shape, px: number, py: number): boolean {
  let odd = false;
  const q = s.segs;
  for (let k = 0; k < q.length; k += 4) {
    const ax = q[k], ay = q[k + 1], bx = q[k + 2], by = q[k + 3];
    if (ay > py !== by > py && px < ax + ((py - ay) / (by - ay)) * (bx - ax)) odd = !odd;
  }
  return odd;
}

/** Distance from a point to a shape: to its edges, or to its points. */
function pointToShape(s: Shape, px: number, py: number): number {
  let best = Infinity;
  const q = s.segs;
  if (s.kind === 'Point') for (let k = 0; k < s.verts.length; k += 2) best = Math.min(best, Math.sqrt((s.verts[k] - px) ** 2 + (s.verts[k + 1] - py) ** 2));
  else for (let k = 0; k < q.length; k += 4) best = Math.min(best, segDist(px, py, q[k], q[k + 1], q[k + 2], q[k + 3]));
  return best;
}

/** Point in polygon, boundary included. */
function pointInPolygon(s: Shape, px: number, py: number): boolean {
  return s.kind === 'Polygon' && (crossesOdd(s, px, py) || pointToShape(s, px, py) <= ON_BOUNDARY_M);
}

function orientation(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
}

/** r within the bounding box of p–q (for r collinear with p–q: on the segment). */
function within(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}

/** Closed segments intersect (touching and collinear overlap included). */
function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  // Disjoint bounding boxes cannot intersect (exact, and most pairs stop here).
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx) || Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const d1 = orientation(cx, cy, dx, dy, ax, ay), d2 = orientation(cx, cy, dx, dy, bx, by);
  const d3 = orientation(ax, ay, bx, by, cx, cy), d4 = orientation(ax, ay, bx, by, dx, dy);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && within(cx, cy, dx, dy, bx, by)) || (d3 === 0 && within(ax, ay, bx, by, cx, cy)) || (d4 === 0 && within(ax, ay, bx, by, dx, dy));
}

/**
 * Exposed shape against hazard shape: distance (0 when touching) and inside. Points: within
 * the polygon (boundary included). Polygons: any vertex of one in (or on) the other, or any
 * edges crossing; otherwise the minimum vertex-to-segment distance both ways.
 */
function relate(e: Shape, h: Shape): { d: number; inside: boolean } {
  const ev = e.verts, hv = h.verts;
  if (ev.length === 0 || hv.length === 0) return { d: Infinity, inside: false };
  if (e.kind === 'Point') {
    // A multipoint is as near as its nearest vertex, and inside if any vertex is.
    let best = Infinity, inside = false;
    for (let k = 0; k < ev.length; k += 2) {
      if (pointInPolygon(h, ev[k], ev[k + 1])) inside = true;
      best = Math.min(best, pointToShape(h, ev[k], ev[k + 1]));
    }
    return { d: inside ? 0 : best, inside };
  }
  let best = Infinity;
  for (let k = 0; k < ev.length; k += 2) best = Math.min(best, pointToShape(h, ev[k], ev[k + 1]));
  for (let k = 0; k < hv.length; k += 2) best = Math.min(best, pointToShape(e, hv[k], hv[k + 1]));
  // On the boundary of the other (best ≈ 0), or strictly inside it.
  let touch = best <= ON_BOUNDARY_M;
  for (let k = 0; k < ev.length && !touch && h.kind === 'Polygon'; k += 2) if (crossesOdd(h, ev[k], ev[k + 1])) touch = true;
  for (let k = 0; k < hv.length && !touch; k += 2) if (crossesOdd(e, hv[k], hv[k + 1])) touch = true;
  const a = e.segs, b = h.segs;
  for (let i = 0; i < a.length && !touch; i += 4) {
    for (let j = 0; j < b.length && !touch; j += 4) if (segmentsIntersect(a[i], a[i + 1], a[i + 2], a[i + 3], b[j], b[j + 1], b[j + 2], b[j + 3])) touch = true;
  }
  return touch ? { d: 0, inside: h.kind === 'Polygon' } : { d: best, inside: false };
}

interface Reference {
  rows: Hit[][];
  status: number[];
  worstLevel: number[];
}

function reference(layers: HazardLayerInput[], exposed: ExposedInput): Reference {
  const hazards: { shape: Shape; level: number; buffer: number }[] = [];
  for (const layer of layers) for (let i = 0; i < featureCountOf(layer.geometry); i++) hazards.push({ shape: shapeOf(layer.geometry, i), level: layer.level[i], buffer: layer.bufferM[i] });
  const out: Reference = { rows: [], status: [], worstLevel: [] };
  for (let i = 0; i < featureCountOf(exposed.geometry); i++) {
    const e = shapeOf(exposed.geometry, i);
    const row: Hit[] = [];
    hazards.forEach((hz, h) => {
      const { d, inside } = relate(e, hz.shape);
      const trueD = d / exposed.scale[i];
      if (inside || trueD <= hz.buffer) row.push({ h, d: inside ? 0 : trueD, inside });
    });
    row.sort((a, b) => a.d - b.d || a.h - b.h);
    out.rows.push(row);
    out.status.push(row.some((x) => x.inside) ? STATUS.inside : row.length > 0 ? STATUS.near : STATUS.clear);
    out.worstLevel.push(row.reduce((m, x) => Math.max(m, hazards[x.h].level), 0));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

const TOLERANCE_M = 0.5;

/**
 * Checks the engine's hits against the reference feature by feature; returns counts and the
 * largest distance difference. Mismatches are gathered (first few reported) so a failure
 * shows what differs without an expect per hit.
 */
function compare(hits: ExposureHits, ref: Reference, label: string): { hits: number; inside: number; maxError: number } {
  expect(hits.count, label).toBe(ref.rows.length);
  expect(hits.offsets[hits.count], label).toBe(hits.hazard.length);
  const problems: string[] = [];
  let total = 0, inside = 0, maxError = 0;
  for (let i = 0; i < hits.count && problems.length < 10; i++) {
    const got = hitsOf(hits, i);
    const want = ref.rows[i];
    // Same hit set: hazard index and inside flag.
    const key = (x: Hit) => `${x.h}:${x.inside ? 'in' : 'near'}`;
    const gotKeys = got.map(key).sort().join(' '), wantKeys = want.map(key).sort().join(' ');
    if (gotKeys !== wantKeys) {
      problems.push(`feature ${i}: engine [${gotKeys}], reference [${wantKeys}] (reference ${JSON.stringify(want)})`);
      continue;
    }
    const wantByHazard = new Map(want.map((x) => [x.h, x]));
    for (const g of got) {
      const w = wantByHazard.get(g.h)!;
      const err = Math.abs(g.d - w.d);
      maxError = Math.max(maxError, err);
      if (!(err <= TOLERANCE_M) || (g.inside && g.d !== 0)) problems.push(`feature ${i}, hazard ${g.h}: engine ${g.d} m, reference ${w.d} m`);
    }
    // Nearest first, ties by hazard index.
    for (let k = 1; k < got.length; k++) {
      const a = got[k - 1], b = got[k];
      if (!(a.d < b.d || (a.d === b.d && a.h < b.h))) problems.push(`feature ${i}: out of order ${JSON.stringify(got)}`);
    }
    if (hits.status[i] !== ref.status[i]) problems.push(`feature ${i}: status ${hits.status[i]}, reference ${ref.status[i]}`);
    if (hits.worstLevel[i] !== ref.worstLevel[i]) problems.push(`feature ${i}: worst level ${hits.worstLevel[i]}, reference ${ref.worstLevel[i]}`);
    total += got.length;
    inside += got.filter((x) => x.inside).length;
  }
  expect(problems, label).toEqual([]);
  return { hits: total, inside, maxError };
}

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

function options(seed: number): SyntheticOptions {
  return { seed, side: 4000, polygons: 36, vertices: 20, radius: 220, holes: 0.4, multi: 0.3, pointHazards: 24, points: 260 };
}

/** Random polylines of 2–5 vertices (a fifth in two parts), buffers 30–200 m. */
function randomLines(rng: Rng, side: number, count: number): HazardLayerInput {
  const features: number[][][] = [];
  for (let i = 0; i < count; i++) {
    const part: number[] = [];
    let x = rng.range(0, side), y = rng.range(0, side);
    for (let k = rng.int(2, 6); k > 0; k--) {
      part.push(x, y);
      x += rng.range(-400, 400);
      y += rng.range(-400, 400);
    }
    features.push(rng.chance(0.2) ? [part, part.map((v) => v + 150)] : [part]);
  }
  const geometry = lineGeometry(features);
  return { geometry, type: new Uint8Array(count), level: Uint8Array.from(features, () => rng.int(1, 4)), bufferM: Float32Array.from(features, () => rng.pick([30, 80, 200])) };
}

/** The same polygons with about half of the rings left open (closing vertex dropped). */
function openSomeRings(layer: HazardLayerInput, rng: Rng): HazardLayerInput {
  const g = layer.geometry;
  const coords: number[] = [];
  const ringOffsets = [0];
  for (let r = 0; r + 1 < g.ringOffsets.length; r++) {
    const v1 = g.ringOffsets[r + 1] - (rng.chance(0.5) ? 1 : 0);
    for (let v = g.ringOffsets[r]; v < v1; v++) coords.push(g.coords[2 * v], g.coords[2 * v + 1]);
    ringOffsets.push(coords.length / 2);
  }
  return { ...layer, geometry: { ...g, coords: Float64Array.from(coords), ringOffsets: Uint32Array.from(ringOffsets) } };
}

interface Ring {
  /** Hazard index (within the polygon layer). */
  feature: number;
  part: number;
  /** 0 = outer ring. */
  index: number;
  xy: number[];
}

function ringsOf(g: ColumnarGeometry): Ring[] {
  const out: Ring[] = [];
  for (let f = 0; f < featureCountOf(g); f++) {
    for (let p = g.geomOffsets[f]; p < g.geomOffsets[f + 1]; p++) {
      for (let r = g.partOffsets[p]; r < g.partOffsets[p + 1]; r++) {
        out.push({ feature: f, part: p - g.geomOffsets[f], index: r - g.partOffsets[p], xy: Array.from(g.coords.subarray(2 * g.ringOffsets[r], 2 * g.ringOffsets[r + 1])) });
      }
    }
  }
  return out;
}

/** Mean of a ring's distinct vertices: inside a star-shaped ring. */
function centreOf(xy: number[]): [number, number] {
  let sx = 0, sy = 0;
  const closed = xy[0] === xy[xy.length - 2] && xy[1] === xy[xy.length - 1];
  const n = xy.length / 2 - (closed ? 1 : 0);
  for (let k = 0; k < n; k++) {
    sx += xy[2 * k];
    sy += xy[2 * k + 1];
  }
  return [sx / n, sy / n];
}

interface Special {
  /** Points on vertices and edges of the polygon layer's feature `feature`: inside it. */
  onBoundary: { x: number; y: number; feature: number }[];
  /** Points in holes: not inside `feature`. */
  inHole: { x: number; y: number; feature: number }[];
  /** Points in second parts: inside `feature`. */
  inSecondPart: { x: number; y: number; feature: number }[];
  /** Points on point hazards and on line vertices and edges (0 m, never inside). */
  onOthers: number[];
}

function specialPoints(rng: Rng, polygons: HazardLayerInput, others: HazardLayerInput[]): Special {
  const special: Special = { onBoundary: [], inHole: [], inSecondPart: [], onOthers: [] };
  for (const ring of ringsOf(polygons.geometry)) {
    // Close open rings here, so the closing edge gets points too.
    if (ring.xy[0] !== ring.xy[ring.xy.length - 2] || ring.xy[1] !== ring.xy[ring.xy.length - 1]) ring.xy.push(ring.xy[0], ring.xy[1]);
    const n = ring.xy.length / 2 - 1;
    // Two vertices (outer rings and holes alike) and two points along edges.
    for (let k = 0; k < 2; k++) {
      const v = rng.int(0, n);
      special.onBoundary.push({ x: ring.xy[2 * v], y: ring.xy[2 * v + 1], feature: ring.feature });
      const e = k === 0 ? n - 1 : rng.int(0, n), t = rng.pick([0.5, 0.25, rng.next()]);
      const ax = ring.xy[2 * e], ay = ring.xy[2 * e + 1], bx = ring.xy[2 * e + 2], by = ring.xy[2 * e + 3];
      special.onBoundary.push({ x: ax + t * (bx - ax), y: ay + t * (by - ay), feature: ring.feature });
    }
    const [cx, cy] = centreOf(ring.xy);
    if (ring.index === 1) special.inHole.push({ x: cx, y: cy, feature: ring.feature });
    if (ring.index === 0 && ring.part === 1) special.inSecondPart.push({ x: cx, y: cy, feature: ring.feature });
  }
  for (const layer of others) {
    const g = layer.geometry, c = g.coords;
    for (let k = 0; k < 8; k++) {
      if (g.kind === 'Point') {
        const v = rng.int(0, c.length / 2);
        special.onOthers.push(c[2 * v], c[2 * v + 1]);
        continue;
      }
      // A vertex of a line part, and a point along the part's segment from it.
      const p = rng.int(0, g.partOffsets.length - 1);
      const v = rng.int(g.partOffsets[p], g.partOffsets[p + 1] - 1), t = rng.next();
      special.onOthers.push(c[2 * v], c[2 * v + 1], c[2 * v] + t * (c[2 * v + 2] - c[2 * v]), c[2 * v + 1] + t * (c[2 * v + 3] - c[2 * v + 1]));
    }
  }
  return special;
}

interface Scenario {
  layers: HazardLayerInput[];
  polygons: HazardLayerInput;
  special: Special;
  /** Random points, then the special points in the order of `special`. */
  points: number[];
}

function scenario(seed: number): Scenario {
  const o = options(seed);
  const rng = createRng(seed).fork('property');
  const polygons = openSomeRings(syntheticPolygons(o), rng.fork('open'));
  const pointHazards = syntheticPointHazards(o);
  const lines = randomLines(rng.fork('lines'), o.side, 10);
  const layers = [polygons, pointHazards, lines];
  const special = specialPoints(rng.fork('special'), polygons, [pointHazards, lines]);
  const points = Array.from(syntheticPoints(o).geometry.coords);
  for (const list of [special.onBoundary, special.inHole, special.inSecondPart]) for (const p of list) points.push(p.x, p.y);
  points.push(...special.onOthers);
  return { layers, polygons, special, points };
}

/** Small exposed polygons: rotated squares, stars (some with a hole, some in two parts), big blocks. */
function randomVillages(rng: Rng, s: Scenario): ColumnarGeometry {
  const features: number[][][][] = [];
  const square = (cx: number, cy: number, half: number, angle: number): number[] => {
    const ring: number[] = [];
    for (let k = 0; k <= 4; k++) {
      const a = angle + (Math.PI / 2) * (k % 4);
      ring.push(cx + half * Math.SQRT2 * Math.cos(a + Math.PI / 4), cy + half * Math.SQRT2 * Math.sin(a + Math.PI / 4));
    }
    return ring;
  };
  const star = (cx: number, cy: number, r: number, n: number): number[] => {
    const ring: number[] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n, rr = r * rng.range(0.6, 1.2);
      ring.push(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    if (rng.chance(0.5)) ring.push(ring[0], ring[1]); // half of them left open
    return ring;
  };
  for (let i = 0; i < 120; i++) {
    const cx = rng.range(0, 4000), cy = rng.range(0, 4000);
    const kind = rng.int(0, 4);
    if (kind === 0) features.push([[square(cx, cy, rng.range(5, 40), rng.range(0, Math.PI))]]);
    else if (kind === 1) features.push([[star(cx, cy, rng.range(20, 120), rng.int(3, 9))]]);
    else if (kind === 2) features.push([[star(cx, cy, rng.range(80, 150), 8), square(cx, cy, 25, 0).reverse()]]);
    else features.push([[square(cx, cy, 20, 0)], [star(cx + 200, cy, 40, 6)]]);
  }
  // Placed ones: straddling hazard vertices and edges, inside holes, around point hazards, and
  // large blocks that swallow whole hazards.
  for (const p of s.special.onBoundary.slice(0, 40)) features.push([[square(p.x, p.y, rng.range(2, 15), rng.range(0, Math.PI))]]);
  for (const p of s.special.inHole) features.push([[square(p.x, p.y, rng.range(1, 8), rng.range(0, Math.PI))]]);
  for (let k = 0; k < s.special.onOthers.length; k += 6) features.push([[square(s.special.onOthers[k] + rng.range(-10, 10), s.special.onOthers[k + 1] + rng.range(-10, 10), 25, 0)]]);
  for (let k = 0; k < 4; k++) features.push([[square(rng.range(0, 4000), rng.range(0, 4000), 400, rng.range(0, 1))]]);
  return polygonGeometry(features);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('exposure engine against a brute-force reference', () => {
  it.each(SEEDS)('points, seed %i: same hits, distances within 0.5 m, same status and worst level', (seed) => {
    const s = scenario(seed);
    const exposed: ExposedInput = { geometry: pointGeometry(s.points), scale: new Float32Array(s.points.length / 2).fill(1) };
    const ref = reference(s.layers, exposed);
    const hits = computeExposure(s.layers, exposed);
    const stats = compare(hits, ref, `seed ${seed}`);
    // The data exercise what they claim to: plenty of hits, insides, holes and second parts.
    expect(stats.hits).toBeGreaterThan(150);
    expect(stats.inside).toBeGreaterThan(150);
    expect(s.special.inHole.length).toBeGreaterThan(3);
    expect(s.special.inSecondPart.length).toBeGreaterThan(3);
    // The constructed points are what they were built to be, in the reference and the engine.
    const base = options(seed).points;
    let k = base;
    for (const p of s.special.onBoundary) {
      const row = hitsOf(hits, k++);
      expect(row.find((x) => x.h === p.feature), `on boundary of ${p.feature}`).toEqual({ h: p.feature, d: 0, inside: true });
    }
    for (const p of s.special.inHole) {
      const hit = hitsOf(hits, k++).find((x) => x.h === p.feature);
      expect(hit?.inside ?? false, `in a hole of ${p.feature}`).toBe(false);
      const own = ref.rows[k - 1].find((x) => x.h === p.feature);
      if (own) expect(own.d).toBeGreaterThan(0);
    }
    for (const p of s.special.inSecondPart) {
      expect(hitsOf(hits, k++).find((x) => x.h === p.feature), `in part 2 of ${p.feature}`).toEqual({ h: p.feature, d: 0, inside: true });
    }
    for (; k < s.points.length / 2; k++) expect(hitsOf(hits, k).some((x) => x.h >= s.polygons.level.length && x.d < 1e-6 && !x.inside), `point ${k} on a point or line hazard`).toBe(true);
  });

  it.each(SEEDS.slice(0, 3))('polygon villages, seed %i: overlap is inside at 0 m, else the gap both ways', (seed) => {
    const s = scenario(seed);
    const geometry = randomVillages(createRng(seed).fork('villages'), s);
    const exposed: ExposedInput = { geometry, scale: new Float32Array(featureCountOf(geometry)).fill(1) };
    const ref = reference(s.layers, exposed);
    const stats = compare(computeExposure(s.layers, exposed), ref, `villages, seed ${seed}`);
    expect(stats.hits).toBeGreaterThan(100);
    expect(stats.inside).toBeGreaterThan(50);
    // Point hazards inside a village: hit at 0 m but never inside.
    const pointStart = s.polygons.level.length, pointEnd = pointStart + options(seed).pointHazards!;
    expect(ref.rows.some((row) => row.some((x) => x.h >= pointStart && x.h < pointEnd && x.d === 0 && !x.inside))).toBe(true);
  });

  it.each(SEEDS.slice(0, 3))('non-unit scale, seed %i: plane distance divided by each feature\'s scale', (seed) => {
    const s = scenario(seed);
    const rng = createRng(seed).fork('scale');
    const n = s.points.length / 2;
    // The plane's scale factor across a province: 1 at the central meridian, 1.002 at 400 km.
    const scale = Array.from({ length: n }, () => rng.range(1, 1.002));
    // Points due east and north of every point hazard at 99.99 % of its buffer in true metres,
    // which is beyond the buffer in plane metres (scale 1.001–1.002): hits the index must find.
    const points = [...s.points];
    const hz = s.layers[1];
    for (let i = 0; i < hz.bufferM.length; i++) {
      const k = rng.range(1.001, 1.002), plane = hz.bufferM[i] * Math.fround(k) * 0.9999;
      points.push(hz.geometry.coords[2 * i] + plane, hz.geometry.coords[2 * i + 1], hz.geometry.coords[2 * i], hz.geometry.coords[2 * i + 1] - plane);
      scale.push(k, k);
    }
    const exposed: ExposedInput = { geometry: pointGeometry(points), scale: Float32Array.from(scale) };
    const ref = reference(s.layers, exposed);
    for (let i = n; i < points.length / 2; i++) expect(ref.rows[i].some((x) => x.h === s.polygons.level.length + ((i - n) >> 1))).toBe(true);
    compare(computeExposure(s.layers, exposed), ref, `scale, seed ${seed}`);
    // Scaled polygons too.
    const villages = randomVillages(createRng(seed).fork('villages'), s);
    const vScale = Float32Array.from({ length: featureCountOf(villages) }, () => rng.range(0.9996, 1.002));
    const vExposed: ExposedInput = { geometry: villages, scale: vScale };
    compare(computeExposure(s.layers, vExposed), reference(s.layers, vExposed), `scaled villages, seed ${seed}`);
  });
});
