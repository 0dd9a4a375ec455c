/**
 * Groups the rings of one shapefile Polygon record into polygons. The format lists rings
 * without saying which hole belongs to which outer ring: outer rings run clockwise and holes
 * counter-clockwise (with y up), and a hole lies inside its outer ring (ESRI Shapefile
 * Technical Description, 1998, p. 8). Writers list them in any order, so each hole goes to
 * the smallest outer ring that contains it. When the orientation cannot be trusted (a hole
 * outside every outer ring, or no clockwise ring at all), rings are nested by containment
 * alone: even depth is an outer ring, odd depth a hole of the ring around it.
 */

/** Polygons as lists of ring indices (outer ring first, then its holes in file order). */
export interface RingGroups {
  polygons: number[][];
  /** True when clockwise rings existed but orientation gave a hole no outer ring. */
  reoriented: boolean;
}

/** Twice the signed area of ring r (positive when counter-clockwise with y up). */
function signedArea2(xy: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from, j = to - 1; i < to; j = i++) sum += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
  return sum;
}

/** 1 inside, -1 outside, 0 on the boundary of the ring [from, to). */
function pointInRing(xy: Float64Array, from: number, to: number, x: number, y: number): number {
  let inside = false;
  for (let i = from, j = to - 1; i < to; j = i++) {
    const xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
    const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
    if (cross === 0 && x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Groups rings into polygons.
 * @param xy     interleaved vertices of the record.
 * @param starts first vertex of each ring, plus the vertex count at the end (length rings + 1).
 */
export function groupRings(xy: Float64Array, starts: ArrayLike<number>): RingGroups {
  const n = starts.length - 1;
  if (n === 1) return { polygons: [[0]], reoriented: false };
  const area = new Float64Array(n);
  const bbox = new Float64Array(4 * n);
  for (let r = 0; r < n; r++) {
    area[r] = signedArea2(xy, starts[r], starts[r + 1]);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = starts[r]; i < starts[r + 1]; i++) {
      const x = xy[2 * i], y = xy[2 * i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    bbox.set([minX, minY, maxX, maxY], 4 * r);
  }
  /** True when ring `inner` lies inside ring `outer` (decided by its first vertex off outer's boundary). */
  const contains = (outer: number, inner: number): boolean => {
    const o = 4 * outer, k = 4 * inner;
    if (bbox[k] < bbox[o] || bbox[k + 1] < bbox[o + 1] || bbox[k + 2] > bbox[o + 2] || bbox[k + 3] > bbox[o + 3]) return false;
    for (let i = starts[inner]; i < starts[inner + 1]; i++) {
      const side = pointInRing(xy, starts[outer], starts[outer + 1], xy[2 * i], xy[2 * i + 1]);
      if (side !== 0) return side > 0;
    }
    return Math.abs(area[inner]) <= Math.abs(area[outer]);
  };
  /** The smallest ring among `candidates` that contains `ring`, or -1. */
  const smallestAround = (ring: number, candidates: number[]): number => {
    let best = -1;
    for (const c of candidates) {
      if (c === ring || Math.abs(area[c]) < Math.abs(area[ring]) || !contains(c, ring)) continue;
      if (best < 0 || Math.abs(area[c]) < Math.abs(area[best])) best = c;
    }
    return best;
  };

  const all = Array.from({ length: n }, (_, r) => r);
  const outers = all.filter((r) => area[r] <= 0);
  const parent = new Int32Array(n).fill(-1);
  let orphans = outers.length === 0;
  for (let r = 0; r < n && !orphans; r++) {
    if (area[r] <= 0) continue;
    parent[r] = smallestAround(r, outers);
    if (parent[r] < 0) orphans = true;
  }
  const isOuter = new Uint8Array(n);
  if (!orphans) {
    for (const r of outers) isOuter[r] = 1;
  } else {
    // Nesting by containment: parents are found among larger rings first.
    const bySize = all.slice().sort((a, b) => Math.abs(area[b]) - Math.abs(area[a]) || a - b);
    const depth = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const r = bySize[k];
      const around = smallestAround(r, bySize.slice(0, k));
      depth[r] = around < 0 ? 0 : depth[around] + 1;
      isOuter[r] = depth[r] % 2 === 0 ? 1 : 0;
      parent[r] = isOuter[r] ? -1 : around;
    }
  }
  const polygons: number[][] = [];
  const polygonOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (!isOuter[r]) continue;
    polygonOf[r] = polygons.length;
    polygons.push([r]);
  }
  for (let r = 0; r < n; r++) if (!isOuter[r]) polygons[polygonOf[parent[r]]].push(r);
  return { polygons, reoriented: orphans && outers.length > 0 };
}
