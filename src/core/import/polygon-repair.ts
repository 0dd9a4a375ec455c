/**
 * Finds where a polygon's boundary crosses itself, and repairs such polygons.
 *
 * Detection sweeps the segments sorted by their smallest x, so it costs O(n log n + pairs
 * whose x ranges overlap) rather than turf `kinks`' O(n²) (seconds for a 20,000-vertex county
 * boundary), and it follows OGC validity rather than counting every contact:
 * - within one ring, non-adjacent segments may not meet at all (crossing or touching), and
 *   adjacent ones may not fold back over each other (a spike);
 * - different rings (outer and holes) may touch at a point, but not cross or overlap.
 *
 * Repair is the union of the polygon with itself through turf (polyclip-ts), which splits a
 * crossed boundary at its crossings and keeps the area the rings enclose (non-zero winding),
 * holes included. turf `unkinkPolygon` is not used: it returns every ring, holes too, as a
 * separate filled polygon, so a repaired polygon with a hole would cover its hole.
 */
import { featureCollection, polygon, union } from '@turf/turf';

/** A ring as a flat closed array [x0, y0, …, x0, y0]. */
export type FlatRing = number[];

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

const within = (a: number, b: number, p: number): boolean => (a <= b ? a <= p && p <= b : b <= p && p <= a);

const NONE = 0;
const TOUCH = 1;
const CROSS = 2;
const OVERLAP = 3;

/** How segments ab and cd meet, and where (the first contact point). */
function meet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, at: number[]): number {
  const d1 = orient(ax, ay, bx, by, cx, cy);
  const d2 = orient(ax, ay, bx, by, dx, dy);
  if (d1 === 0 && d2 === 0) {
    // Collinear: compare the intervals along the longer axis.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [a0, a1, c0, c1] = useX ? [ax, bx, cx, dx] : [ay, by, cy, dy];
    const lo = Math.max(Math.min(a0, a1), Math.min(c0, c1));
    const hi = Math.min(Math.max(a0, a1), Math.max(c0, c1));
    if (lo > hi) return NONE;
    const t = a1 === a0 ? 0 : (lo - a0) / (a1 - a0);
    at[0] = ax + t * (bx - ax);
    at[1] = ay + t * (by - ay);
    return lo < hi ? OVERLAP : TOUCH;
  }
  const d3 = orient(cx, cy, dx, dy, ax, ay);
  const d4 = orient(cx, cy, dx, dy, bx, by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d3 / (d3 - d4);
    at[0] = ax + t * (bx - ax);
    at[1] = ay + t * (by - ay);
    return CROSS;
  }
  const touching: [number, number, number, number, number, number, number][] = [
    [d1, ax, ay, bx, by, cx, cy],
    [d2, ax, ay, bx, by, dx, dy],
    [d3, cx, cy, dx, dy, ax, ay],
    [d4, cx, cy, dx, dy, bx, by],
  ];
  for (const [d, x0, y0, x1, y1, px, py] of touching) {
    if (d === 0 && within(x0, x1, px) && within(y0, y1, py)) {
      at[0] = px;
      at[1] = py;
      return TOUCH;
    }
  }
  return NONE;
}

/**
 * Number of distinct points where the rings of one polygon break OGC validity (see the
 * module comment). Rings must be closed and free of repeated consecutive vertices.
 */
export function countSelfIntersections(rings: readonly FlatRing[]): number {
  const seg: { ring: number; index: number; count: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  rings.forEach((ring, r) => {
    const count = ring.length / 2 - 1;
    for (let k = 0; k < count; k++) {
      seg.push({ ring: r, index: k, count, x0: ring[2 * k], y0: ring[2 * k + 1], x1: ring[2 * k + 2], y1: ring[2 * k + 3] });
    }
  });
  const order = seg.map((_, i) => i).sort((a, b) => Math.min(seg[a].x0, seg[a].x1) - Math.min(seg[b].x0, seg[b].x1));
  const points = new Set<string>();
  const at = [0, 0];
  for (let a = 0; a < order.length; a++) {
    const s = seg[order[a]];
    const sMaxX = Math.max(s.x0, s.x1);
    const sMinY = Math.min(s.y0, s.y1);
    const sMaxY = Math.max(s.y0, s.y1);
    for (let b = a + 1; b < order.length; b++) {
      const t = seg[order[b]];
      if (Math.min(t.x0, t.x1) > sMaxX) break;
      if (Math.max(t.y0, t.y1) < sMinY || Math.min(t.y0, t.y1) > sMaxY) continue;
      const how = meet(s.x0, s.y0, s.x1, s.y1, t.x0, t.y0, t.x1, t.y1, at);
      if (how === NONE) continue;
      let bad: boolean;
      if (s.ring !== t.ring) bad = how === CROSS || how === OVERLAP;
      else {
        const gap = Math.abs(s.index - t.index);
        const adjacent = gap === 1 || gap === s.count - 1;
        bad = adjacent ? how === OVERLAP : true;
      }
      if (bad) points.add(`${at[0]},${at[1]}`);
    }
  }
  return points.size;
}

/**
 * Repairs a polygon whose boundary crosses itself into valid polygons covering the area its
 * rings enclose. Returns polygons → rings → flat closed rings, or null when the repair leaves
 * nothing (a polygon without area) or is still invalid.
 */
export function repairPolygon(rings: readonly FlatRing[]): FlatRing[][] | null {
  const coordinates = rings.map((ring) => {
    const positions: [number, number][] = [];
    for (let k = 0; k < ring.length; k += 2) positions.push([ring[k], ring[k + 1]]);
    return positions;
  });
  let result;
  try {
    const feature = polygon(coordinates);
    result = union(featureCollection([feature, feature]));
  } catch {
    return null;
  }
  if (!result) return null;
  const polygons = result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
  const out = polygons.map((poly) => poly.map((ring) => ring.flat()));
  if (out.length === 0 || out.some((poly) => poly.some((ring) => ring.length < 8) || countSelfIntersections(poly) > 0)) return null;
  return out;
}
