/**
 * Builds a `ColumnarGeometry` feature by feature, copying features of another geometry or
 * adding new parts, and keeps every offsets array consistent (layout: core/types.ts):
 * ```
 * Point (single)   coords only; feature i is vertex i; all offsets empty
 * Point (multi)    geomOffsets: vertex offsets per feature
 * LineString       geomOffsets → parts,    partOffsets → vertices
 * Polygon          geomOffsets → polygons, partOffsets → rings, ringOffsets → vertices
 * ```
 */
import type { ColumnarGeometry, GeometryKind } from '../types';

/** Number of features of a columnar geometry. */
export function featureCount(geometry: ColumnarGeometry): number {
  if (geometry.kind === 'Point' && geometry.geomOffsets.length === 0) return geometry.coords.length / 2;
  return Math.max(0, geometry.geomOffsets.length - 1);
}

/** The vertices [start, end) of feature i (the vertices of a feature are contiguous). */
export function featureVertexRange(geometry: ColumnarGeometry, i: number): [number, number] {
  const { kind, geomOffsets: g, partOffsets: p, ringOffsets: r } = geometry;
  if (kind === 'Point') return g.length === 0 ? [i, i + 1] : [g[i], g[i + 1]];
  if (kind === 'LineString') return [p[g[i]], p[g[i + 1]]];
  return [r[p[g[i]]], r[p[g[i + 1]]]];
}

/** Appends features in one geometry kind; `finish` returns the typed arrays. */
export class GeometryBuilder {
  private readonly coords: number[] = [];
  private readonly geom: number[] = [0];
  private readonly parts: number[] = [0];
  private readonly rings: number[] = [0];

  /** `multiPoint`: a point layer whose features may hold several vertices (keeps geomOffsets). */
  constructor(
    private readonly kind: GeometryKind,
    private readonly multiPoint = false,
  ) {}

  /** Copies feature i of `source` (same kind) unchanged. */
  copyFeature(source: ColumnarGeometry, i: number): void {
    const { coords, geomOffsets: g, partOffsets: p, ringOffsets: r } = source;
    if (this.kind === 'Point') {
      const [start, end] = featureVertexRange(source, i);
      this.pushVertices(coords, start, end);
      if (this.multiPoint) this.geom.push(this.coords.length / 2);
    } else if (this.kind === 'LineString') {
      for (let part = g[i]; part < g[i + 1]; part++) this.addPartFrom(coords, p[part], p[part + 1]);
      this.geom.push(this.parts.length - 1);
    } else {
      for (let poly = g[i]; poly < g[i + 1]; poly++) {
        for (let ring = p[poly]; ring < p[poly + 1]; ring++) {
          this.pushVertices(coords, r[ring], r[ring + 1]);
          this.rings.push(this.coords.length / 2);
        }
        this.parts.push(this.rings.length - 1);
      }
      this.geom.push(this.parts.length - 1);
    }
  }

  /** Adds a line feature: one flat [x0, y0, x1, y1, …] array per part. */
  addLines(parts: readonly (readonly number[])[]): void {
    for (const part of parts) this.addPartFrom(part, 0, part.length / 2);
    this.geom.push(this.parts.length - 1);
  }

  /** Adds a polygon feature: polygons → rings (outer first) → flat [x0, y0, …] closed rings. */
  addPolygons(polygons: readonly (readonly (readonly number[])[])[]): void {
    for (const rings of polygons) {
      for (const ring of rings) {
        this.pushVertices(ring, 0, ring.length / 2);
        this.rings.push(this.coords.length / 2);
      }
      this.parts.push(this.rings.length - 1);
    }
    this.geom.push(this.parts.length - 1);
  }

  finish(): ColumnarGeometry {
    const empty = new Uint32Array(0);
    const hasGeom = this.kind !== 'Point' || this.multiPoint;
    return {
      kind: this.kind,
      coords: Float64Array.from(this.coords),
      geomOffsets: hasGeom ? Uint32Array.from(this.geom) : empty,
      partOffsets: this.kind === 'Point' ? empty : Uint32Array.from(this.parts),
      ringOffsets: this.kind === 'Polygon' ? Uint32Array.from(this.rings) : empty,
    };
  }

  private addPartFrom(coords: ArrayLike<number>, start: number, end: number): void {
    this.pushVertices(coords, start, end);
    this.parts.push(this.coords.length / 2);
  }

  private pushVertices(coords: ArrayLike<number>, start: number, end: number): void {
    for (let v = start; v < end; v++) this.coords.push(coords[2 * v], coords[2 * v + 1]);
  }
}
