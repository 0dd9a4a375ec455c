/**
 * Seeded synthetic hazards and exposed points in a metric plane, for the exposure property
 * tests and the benchmark: star-shaped polygons (optionally with a hole and a second part),
 * point hazards with a threat radius, and points scattered over the same square.
 */
import { createRng } from '../../../src/core/random';
import type { ColumnarGeometry } from '../../../src/core/types';
import type { ExposedInput, HazardLayerInput } from '../../../src/core/exposure/engine';

export interface SyntheticOptions {
  seed: number;
  /** Side of the square, metres. */
  side: number;
  polygons: number;
  /** Vertices per outer ring. */
  vertices: number;
  /** Mean radius of a polygon, metres. */
  radius: number;
  /** Share of polygons with a hole, and with a second part. */
  holes?: number;
  multi?: number;
  pointHazards?: number;
  points: number;
}

function ring(cx: number, cy: number, r: number, n: number, jitter: () => number, clockwise: boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
    const rr = r * (0.75 + 0.5 * jitter());
    out.push(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  out.push(out[0], out[1]);
  return out;
}

export function syntheticPolygons(o: SyntheticOptions): HazardLayerInput {
  const rng = createRng(o.seed).fork('polygons');
  const coords: number[] = [];
  const geomOffsets = [0], partOffsets = [0], ringOffsets = [0];
  const type = new Uint8Array(o.polygons), level = new Uint8Array(o.polygons), bufferM = new Float32Array(o.polygons);
  for (let i = 0; i < o.polygons; i++) {
    const cx = rng.range(0, o.side), cy = rng.range(0, o.side);
    const r = o.radius * rng.range(0.5, 1.5);
    const addPart = (x: number, y: number, rr: number, withHole: boolean) => {
      coords.push(...ring(x, y, rr, o.vertices, () => rng.next(), false));
      ringOffsets.push(coords.length / 2);
      if (withHole) {
        coords.push(...ring(x, y, rr * 0.3, Math.max(4, o.vertices >> 2), () => rng.next() * 0.2, true));
        ringOffsets.push(coords.length / 2);
      }
      partOffsets.push(ringOffsets.length - 1);
    };
    addPart(cx, cy, r, rng.chance(o.holes ?? 0));
    if (rng.chance(o.multi ?? 0)) addPart(cx + 3 * r, cy + rng.range(-r, r), r * 0.6, false);
    geomOffsets.push(partOffsets.length - 1);
    type[i] = rng.int(0, 5);
    level[i] = rng.int(1, 4);
    bufferM[i] = rng.pick([0, 50, 100, 200, 300]);
  }
  const geometry: ColumnarGeometry = { kind: 'Polygon', coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geomOffsets), partOffsets: Uint32Array.from(partOffsets), ringOffsets: Uint32Array.from(ringOffsets) };
  return { geometry, type, level, bufferM };
}

export function syntheticPointHazards(o: SyntheticOptions): HazardLayerInput {
  const rng = createRng(o.seed).fork('point-hazards');
  const n = o.pointHazards ?? 0;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) coords[i] = rng.range(0, o.side);
  const type = new Uint8Array(n), level = new Uint8Array(n), bufferM = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    type[i] = rng.int(0, 4);
    level[i] = rng.int(1, 4);
    bufferM[i] = rng.range(50, 400);
  }
  return { geometry: { kind: 'Point', coords, geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) }, type, level, bufferM };
}

export function syntheticPoints(o: SyntheticOptions): ExposedInput {
  const rng = createRng(o.seed).fork('points');
  const coords = new Float64Array(2 * o.points);
  for (let i = 0; i < coords.length; i++) coords[i] = rng.range(0, o.side);
  return { geometry: { kind: 'Point', coords, geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) }, scale: new Float32Array(o.points).fill(1) };
}
