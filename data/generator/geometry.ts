import { contours } from 'd3-contour';
import type { GeoTransform } from '../../src/core/types';

/** Planar geometry helpers for the generator, in EPSG:4549 metres. */

export type XY = [number, number];
/** A polygon: outer ring first, then holes; rings closed (first = last). */
export type PolygonXY = XY[][];

/** Signed area of a ring (positive = counter-clockwise with y up). */
export function ringArea(ring: XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

/** Area of a polygon in m² (outer minus holes). */
export function polygonArea(poly: PolygonXY): number {
  let a = Math.abs(ringArea(poly[0]));
  for (let k = 1; k < poly.length; k++) a -= Math.abs(ringArea(poly[k]));
  return a;
}

/** Even-odd point-in-polygon test over all rings. */
export function pointInPolygon(poly: PolygonXY, x: number, y: number): boolean {
  let inside = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function perpDistSq(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  let t = len > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/** Douglas–Peucker simplification of a polyline (endpoints kept), iterative. */
export function simplifyLine(points: XY[], toleranceM: number): XY[] {
  if (points.length < 3) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: number[] = [0, points.length - 1];
  const tol2 = toleranceM * toleranceM;
  while (stack.length) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    let maxD = -1;
    let idx = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpDistSq(points[i], points[first], points[last]);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx >= 0 && maxD > tol2) {
      keep[idx] = 1;
      stack.push(first, idx, idx, last);
    }
  }
  const out: XY[] = [];
  for (let i = 0; i < points.length; i++) if (keep[i]) out.push(points[i]);
  return out;
}

/** One pass of Chaikin corner cutting, keeping the endpoints. */
export function smoothLine(points: XY[]): XY[] {
  if (points.length < 3) return points.slice();
  const out: XY[] = [points[0]];
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    if (i > 0) out.push([0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1]);
    if (i < points.length - 2) out.push([0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1]);
  }
  out.push(points[points.length - 1]);
  return out;
}

function simplifyRing(ring: XY[], toleranceM: number): XY[] {
  if (toleranceM <= 0 || ring.length < 8) return ring;
  const open = ring.slice(0, -1);
  const half = Math.floor(open.length / 2);
  const a = simplifyLine(open.slice(0, half + 1), toleranceM);
  const b = simplifyLine(open.slice(half).concat([open[0]]), toleranceM);
  const out = a.slice(0, -1).concat(b);
  return out.length >= 4 ? out : ring;
}

export interface PolygonizeOptions {
  /** Drop polygons smaller than this (m²). Default 0. */
  minAreaM2?: number;
  /** Douglas–Peucker tolerance in metres; 0 keeps every contour vertex (shared borders stay identical). */
  simplifyToleranceM?: number;
}

/**
 * Turns a 0/1 mask (cell centres at half-integers) into polygons in map coordinates by
 * contouring at 0.5 with d3-contour, so the outline runs halfway between cell centres and
 * neighbouring masks share their borders exactly. Outer rings are counter-clockwise.
 */
export function polygonizeMask(mask: ArrayLike<number>, width: number, height: number, transform: GeoTransform, options: PolygonizeOptions = {}): PolygonXY[] {
  const values = new Array<number>(width * height);
  for (let i = 0; i < values.length; i++) values[i] = mask[i] ? 1 : 0;
  const [multi] = contours().size([width, height]).thresholds([0.5])(values);
  const out: PolygonXY[] = [];
  const minArea = options.minAreaM2 ?? 0;
  const tol = options.simplifyToleranceM ?? 0;
  for (const poly of multi.coordinates) {
    const rings: PolygonXY = poly.map((ring) => {
      const mapped = ring.map(([x, y]) => [transform[0] + x * transform[1], transform[3] + y * transform[5]] as XY);
      return simplifyRing(mapped, tol);
    });
    if (ringArea(rings[0]) < 0) rings[0].reverse();
    for (let k = 1; k < rings.length; k++) if (ringArea(rings[k]) > 0) rings[k].reverse();
    const holes = rings.slice(1).filter((r) => Math.abs(ringArea(r)) >= minArea);
    const polygon = [rings[0], ...holes];
    if (polygonArea(polygon) >= minArea) out.push(polygon);
  }
  return out;
}

/** An ellipse polygon centred at (cx, cy), major axis along `angleRad`. */
export function ellipse(cx: number, cy: number, semiMajorM: number, semiMinorM: number, angleRad: number, segments = 24, jitter?: (k: number) => number): PolygonXY {
  const ring: XY[] = [];
  const ca = Math.cos(angleRad);
  const sa = Math.sin(angleRad);
  for (let k = 0; k < segments; k++) {
    const t = (2 * Math.PI * k) / segments;
    const f = jitter ? jitter(k) : 1;
    const u = Math.cos(t) * semiMajorM * f;
    const v = Math.sin(t) * semiMinorM * f;
    ring.push([cx + u * ca - v * sa, cy + u * sa + v * ca]);
  }
  ring.push(ring[0]);
  return [ring];
}
