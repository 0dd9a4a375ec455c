/**
 * Small builders for hand-made exposure fixtures: columnar geometry from nested plain arrays,
 * hazard layers and exposed inputs. Rings and parts are flat `[x0, y0, x1, y1, …]` lists.
 */
import type { ColumnarGeometry } from '../../../src/core/types';
import type { ExposedInput, HazardLayerInput } from '../../../src/core/exposure/engine';

/** Points, one feature per vertex (empty offsets). */
export function pointGeometry(coords: readonly number[]): ColumnarGeometry {
  return { kind: 'Point', coords: Float64Array.from(coords), geomOffsets: new Uint32Array(0), partOffsets: new Uint32Array(0), ringOffsets: new Uint32Array(0) };
}

/** Lines: features → parts → flat vertex lists. */
export function lineGeometry(features: readonly (readonly (readonly number[])[])[]): ColumnarGeometry {
  const coords: number[] = [];
  const geomOffsets = [0], partOffsets = [0];
  for (const parts of features) {
    for (const part of parts) {
      coords.push(...part);
      partOffsets.push(coords.length / 2);
    }
    geomOffsets.push(partOffsets.length - 1);
  }
  return { kind: 'LineString', coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geomOffsets), partOffsets: Uint32Array.from(partOffsets), ringOffsets: new Uint32Array(0) };
}

/** Polygons: features → parts (polygons) → rings (outer first) → flat vertex lists. */
export function polygonGeometry(features: readonly (readonly (readonly (readonly number[])[])[])[]): ColumnarGeometry {
  const coords: number[] = [];
  const geomOffsets = [0], partOffsets = [0], ringOffsets = [0];
  for (const parts of features) {
    for (const rings of parts) {
      for (const ring of rings) {
        coords.push(...ring);
        ringOffsets.push(coords.length / 2);
      }
      partOffsets.push(ringOffsets.length - 1);
    }
    geomOffsets.push(partOffsets.length - 1);
  }
  return { kind: 'Polygon', coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geomOffsets), partOffsets: Uint32Array.from(partOffsets), ringOffsets: Uint32Array.from(ringOffsets) };
}

/** A closed axis-aligned rectangle ring, counter-clockwise. */
export function rect(x0: number, y0: number, x1: number, y1: number): number[] {
  return [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0];
}

/** Number of features of a columnar geometry. */
export function featureCountOf(g: ColumnarGeometry): number {
  return g.kind === 'Point' && g.geomOffsets.length === 0 ? g.coords.length / 2 : Math.max(0, g.geomOffsets.length - 1);
}

/** A hazard layer; `level` and `bufferM` per feature (type code 0 for all). */
export function hazardLayer(geometry: ColumnarGeometry, level: readonly number[], bufferM: readonly number[]): HazardLayerInput {
  const n = featureCountOf(geometry);
  if (level.length !== n || bufferM.length !== n) throw new Error(`hazardLayer: ${n} features, ${level.length} levels, ${bufferM.length} buffers`);
  return { geometry, type: new Uint8Array(n), level: Uint8Array.from(level), bufferM: Float32Array.from(bufferM) };
}

/** Exposed features with unit scale (or the given scale per feature). */
export function exposedOf(geometry: ColumnarGeometry, scale?: readonly number[]): ExposedInput {
  const n = featureCountOf(geometry);
  return { geometry, scale: scale ? Float32Array.from(scale) : new Float32Array(n).fill(1) };
}

/** Feature i's hits as plain objects, in the engine's order. */
export function hitsOf(hits: { offsets: Uint32Array; hazard: Uint32Array; distance: Float32Array; inside: Uint8Array }, i: number): { h: number; d: number; inside: boolean }[] {
  const out: { h: number; d: number; inside: boolean }[] = [];
  for (let j = hits.offsets[i]; j < hits.offsets[i + 1]; j++) out.push({ h: hits.hazard[j], d: hits.distance[j], inside: hits.inside[j] === 1 });
  return out;
}
