/**
 * Hazard × exposure overlay: for every exposed feature (village, household, settlement, site)
 * every hazard it lies inside or within the hazard's buffer of, with the true distance in
 * metres to the hazard's edge (0 inside). Pure: typed arrays in a metric plane in, typed arrays
 * out, so it runs unchanged in the analysis worker, in Node tests and in benchmarks.
 *
 * Method: a uniform-grid index over hazard bounding boxes grown by each hazard's buffer; for each
 * exposed feature its candidates are tested exactly: even–odd point-in-polygon over every ring
 * of every part (holes and multipolygons), and the minimum distance to every edge, in the same
 * pass over the segments. A point on an edge is inside (distance 0): the register errs on the
 * side of safety.
 */
import type { ColumnarGeometry } from '../types';
import { hilbertOrder } from '../hilbert';
import { EXPOSURE_STATUS, numbersOf } from '../vocabulary';
import { buildGridIndex, searchGridIndex, type GridIndex } from './grid-index';

const STATUS = numbersOf(EXPOSURE_STATUS);

/** One hazard layer in the metric plane, with each feature's classification and buffer. */
export interface HazardLayerInput {
  geometry: ColumnarGeometry;
  /** Hazard type per feature, as the vocabulary's numeric code. */
  type: Uint8Array;
  /** Risk level code per feature: 1 low, 2 medium, 3 high. */
  level: Uint8Array;
  /** Buffer in true metres per feature: the threat radius, its own buffer or the default. */
  bufferM: Float32Array;
}

/** The exposed features of one layer in the metric plane. */
export interface ExposedInput {
  geometry: ColumnarGeometry;
  /**
   * Point scale factor of the plane at each feature (plane metres per true metre); true
   * distance = plane distance / scale. All ones in a plane without scale error.
   */
  scale: Float32Array;
}

/**
 * Hits in compressed rows: feature i's hits are `[offsets[i], offsets[i+1])`, nearest first.
 * `hazard` indexes the hazards in input order across layers (layer 0's features first).
 */
export interface ExposureHits {
  count: number;
  offsets: Uint32Array;
  hazard: Uint32Array;
  /** True metres to the hazard's edge; 0 inside. */
  distance: Float32Array;
  /** 1 when inside the hazard geometry (or on its edge). */
  inside: Uint8Array;
  /** Per feature: 0 clear, 1 near, 2 inside (the vocabulary's exposure status numbers). */
  status: Uint8Array;
  /** Per feature: worst risk level code over all hits, 0 when clear. */
  worstLevel: Uint8Array;
}

/** Metres within which a distance equals the buffer (a point exactly on a line with buffer 0). */
const AT_BUFFER = 1e-6;
const ON_EDGE = 1e-9;
/** Segments per block of a hazard's rings (see FlatHazards.blockBox). */
const BLOCK = 8;

interface FlatHazards {
  count: number;
  /**
   * Vertices of line and polygon hazards (xy interleaved), copied in Hilbert order of the
   * hazards so neighbouring hazards sit together in memory; every polygon ring closed.
   */
  xy: Float64Array;
  /**
   * Blocks of up to BLOCK consecutive segments of one run: block b covers the segments
   * starting at vertices [blockFrom[b], blockTo[b]) with bounding box blockBox[4b..4b+4).
   * A probe skips a block that is farther than its best distance so far and cannot be
   * crossed by its ray.
   */
  blockFrom: Uint32Array;
  blockTo: Uint32Array;
  blockBox: Float64Array;
  /** Hazard h's blocks are [hazardBlocks[2h], hazardBlocks[2h+1]); none for point hazards. */
  hazardBlocks: Uint32Array;
  layerOf: Uint16Array;
  featureOf: Uint32Array;
  level: Uint8Array;
  bufferM: Float32Array;
  index: GridIndex | null;
}

function vertexRange(g: ColumnarGeometry, i: number): [number, number] {
  if (g.kind === 'Point') return g.geomOffsets.length === 0 ? [i, i + 1] : [g.geomOffsets[i], g.geomOffsets[i + 1]];
  const p0 = g.geomOffsets[i], p1 = g.geomOffsets[i + 1];
  if (p1 === p0) return [0, 0];
  if (g.kind === 'LineString') return [g.partOffsets[p0], g.partOffsets[p1]];
  return [g.ringOffsets[g.partOffsets[p0]], g.ringOffsets[g.partOffsets[p1]]];
}

/**
 * Writes the bounding box [minX, minY, maxX, maxY] of vertices [v0, v1) of `coords` into
 * `out` at `o`; an inverted box (+∞, +∞, −∞, −∞) when there are none.
 */
function boundsOf(coords: Float64Array, v0: number, v1: number, out: Float64Array, o: number): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = v0; v < v1; v++) {
    const x = coords[2 * v], y = coords[2 * v + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  out[o] = minX;
  out[o + 1] = minY;
  out[o + 2] = maxX;
  out[o + 3] = maxY;
}

/** Number of features of a columnar geometry. */
export function featureCount(g: ColumnarGeometry): number {
  return g.kind === 'Point' && g.geomOffsets.length === 0 ? g.coords.length / 2 : Math.max(0, g.geomOffsets.length - 1);
}

function flatten(layers: HazardLayerInput[], maxScale: number): FlatHazards {
  let count = 0;
  for (const l of layers) count += featureCount(l.geometry);
  const flat: FlatHazards = {
    count,
    xy: new Float64Array(0),
    blockFrom: new Uint32Array(0),
    blockTo: new Uint32Array(0),
    blockBox: new Float64Array(0),
    hazardBlocks: new Uint32Array(2 * count),
    layerOf: new Uint16Array(count),
    featureOf: new Uint32Array(count),
    level: new Uint8Array(count),
    bufferM: new Float32Array(count),
    index: null,
  };
  const boxes = new Float64Array(count * 4);
  let h = 0;
  layers.forEach((layer, li) => {
    const g = layer.geometry;
    const n = featureCount(g);
    for (let i = 0; i < n; i++, h++) {
      flat.layerOf[h] = li;
      flat.featureOf[h] = i;
      flat.level[h] = layer.level[i];
      const buffer = Math.max(0, layer.bufferM[i] || 0);
      flat.bufferM[h] = buffer;
      const [v0, v1] = vertexRange(g, i);
      boundsOf(g.coords, v0, v1, boxes, 4 * h);
      // Boxes grow by the buffer in plane units: true metres × the largest scale of the run.
      const grow = buffer * maxScale + AT_BUFFER;
      if (boxes[4 * h] <= boxes[4 * h + 2]) {
        boxes[4 * h] -= grow;
        boxes[4 * h + 1] -= grow;
        boxes[4 * h + 2] += grow;
        boxes[4 * h + 3] += grow;
      } else {
        // Empty geometry (boundsOf left an inverted box): a negative buffer so it never yields a hit.
        flat.bufferM[h] = -1;
      }
    }
  });
  // Segments are laid out in Hilbert order of the hazards, so neighbouring hazards (probed one
  // after another by neighbouring exposed features) sit next to each other in memory.
  // Upper bounds: every vertex, plus one closing vertex per ring; blocks per ring or part.
  let vertices = 0, runs = 0;
  for (const l of layers) {
    if (l.geometry.kind === 'Point') continue;
    vertices += l.geometry.coords.length / 2;
    runs += l.geometry.kind === 'Polygon' ? l.geometry.ringOffsets.length : l.geometry.partOffsets.length;
  }
  const xy = new Float64Array(2 * (vertices + runs));
  const maxBlocks = Math.ceil((vertices + runs) / BLOCK) + runs;
  const blockFrom = new Uint32Array(maxBlocks), blockTo = new Uint32Array(maxBlocks), blockBox = new Float64Array(4 * maxBlocks);
  let nxy = 0, nblock = 0;
  for (const k of hilbertOrder(boxes)) {
    const g = layers[flat.layerOf[k]].geometry;
    flat.hazardBlocks[2 * k] = nblock;
    if (g.kind !== 'Point') {
      const f = flat.featureOf[k];
      const polygon = g.kind === 'Polygon';
      const c = g.coords;
      for (let p = g.geomOffsets[f]; p < g.geomOffsets[f + 1]; p++) {
        const r0 = polygon ? g.partOffsets[p] : p, r1 = polygon ? g.partOffsets[p + 1] : p + 1;
        for (let r = r0; r < r1; r++) {
          const v0 = polygon ? g.ringOffsets[r] : g.partOffsets[r];
          const v1 = polygon ? g.ringOffsets[r + 1] : g.partOffsets[r + 1];
          if (v1 - v0 < 2) continue;
          const first = nxy / 2;
          xy.set(c.subarray(2 * v0, 2 * v1), nxy);
          nxy += 2 * (v1 - v0);
          if (polygon && (c[2 * v0] !== c[2 * v1 - 2] || c[2 * v0 + 1] !== c[2 * v1 - 1])) {
            xy[nxy++] = c[2 * v0];
            xy[nxy++] = c[2 * v0 + 1];
          }
          const last = nxy / 2 - 1;
          // Segments start at vertices first … last − 1; cut them into blocks.
          for (let from = first; from < last; from += BLOCK) {
            const to = Math.min(from + BLOCK, last);
            boundsOf(xy, from, to + 1, blockBox, 4 * nblock);
            blockFrom[nblock] = from;
            blockTo[nblock] = to;
            nblock++;
          }
        }
      }
    }
    flat.hazardBlocks[2 * k + 1] = nblock;
  }
  flat.xy = xy;
  flat.blockFrom = blockFrom;
  flat.blockTo = blockTo;
  flat.blockBox = blockBox;
  if (count > 0) flat.index = buildGridIndex(boxes);
  return flat;
}

/** Squared distance from (px, py) to segment (ax, ay)–(bx, by). */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Point against one feature's geometry: [inside (even–odd, edge counts), squared distance to
 * the nearest vertex (points) or edge (lines, polygons)].
 */
function pointProbe(g: ColumnarGeometry, f: number, px: number, py: number, out: { inside: boolean; d2: number }): void {
  const c = g.coords;
  let best = Infinity;
  let inside = false;
  if (g.kind === 'Point') {
    const [v0, v1] = vertexRange(g, f);
    for (let v = v0; v < v1; v++) {
      const dx = c[2 * v] - px, dy = c[2 * v + 1] - py;
      const d2 = dx * dx + dy * dy;
      if (d2 < best) best = d2;
    }
    out.inside = false;
    out.d2 = best;
    return;
  }
  const polygon = g.kind === 'Polygon';
  forEachEdge(g, f, (ax, ay, bx, by) => {
    if (polygon && ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
    const d2 = segmentDistance2(px, py, ax, ay, bx, by);
    if (d2 < best) best = d2;
  });
  inside = polygon && (inside || best <= ON_EDGE);
  out.inside = inside;
  out.d2 = inside ? 0 : best;
}

/**
 * Point against a line or polygon hazard through its flat segments: even–odd crossings and the
 * minimum squared distance in one tight loop (the hot path of a run).
 */
function segmentProbe(hz: FlatHazards, h: number, px: number, py: number, polygon: boolean, out: { inside: boolean; d2: number }): void {
  const { xy, blockFrom, blockTo, blockBox } = hz;
  let inside = false;
  let best = Infinity;
  for (let k = hz.hazardBlocks[2 * h], kEnd = hz.hazardBlocks[2 * h + 1]; k < kEnd; k++) {
    const minX = blockBox[4 * k], minY = blockBox[4 * k + 1], maxX = blockBox[4 * k + 2], maxY = blockBox[4 * k + 3];
    // A block no nearer than the best so far, whose segments the ray (to +x) cannot cross, is skipped.
    const ex = px < minX ? minX - px : px > maxX ? px - maxX : 0;
    const ey = py < minY ? minY - py : py > maxY ? py - maxY : 0;
    if (ex * ex + ey * ey >= best && !(polygon && minY <= py && maxY > py && px < maxX)) continue;
    for (let o = 2 * blockFrom[k], end = 2 * blockTo[k]; o < end; o += 2) {
      const ax = xy[o], ay = xy[o + 1], bx = xy[o + 2], by = xy[o + 3];
      const dx = bx - ax, dy = by - ay;
      const rx = px - ax, ry = py - ay;
      if (ay > py !== by > py && rx < (dx * ry) / dy) inside = !inside;
      const dot = rx * dx + ry * dy;
      let d2: number;
      if (dot <= 0) d2 = rx * rx + ry * ry;
      else {
        const len2 = dx * dx + dy * dy;
        if (dot >= len2) {
          const fx = px - bx, fy = py - by;
          d2 = fx * fx + fy * fy;
        } else {
          const cross = rx * dy - ry * dx;
          d2 = (cross * cross) / len2;
        }
      }
      if (d2 < best) best = d2;
    }
  }
  out.inside = polygon && (inside || best <= ON_EDGE);
  out.d2 = out.inside ? 0 : best;
}

/** Calls `fn(ax, ay, bx, by)` for every edge of feature f (nothing for points). */
function forEachEdge(g: ColumnarGeometry, f: number, fn: (ax: number, ay: number, bx: number, by: number) => void): void {
  if (g.kind === 'Point') return;
  const c = g.coords;
  const polygon = g.kind === 'Polygon';
  for (let p = g.geomOffsets[f]; p < g.geomOffsets[f + 1]; p++) {
    const r0 = polygon ? g.partOffsets[p] : p;
    const r1 = polygon ? g.partOffsets[p + 1] : p + 1;
    for (let r = r0; r < r1; r++) {
      const v0 = polygon ? g.ringOffsets[r] : g.partOffsets[r];
      const v1 = polygon ? g.ringOffsets[r + 1] : g.partOffsets[r + 1];
      for (let v = v0; v + 1 < v1; v++) fn(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
      // Tolerate an open polygon ring.
      if (polygon && v1 - v0 > 2 && (c[2 * v0] !== c[2 * v1 - 2] || c[2 * v0 + 1] !== c[2 * v1 - 1])) fn(c[2 * v1 - 2], c[2 * v1 - 1], c[2 * v0], c[2 * v0 + 1]);
    }
  }
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/**
 * A line or polygon exposed feature against one hazard: [overlaps, squared distance]. The
 * minimum distance between two non-crossing shapes is reached at a vertex of one of them, so
 * vertex probes both ways plus an edge-crossing test are exact.
 */
function shapeProbe(e: ColumnarGeometry, ef: number, h: ColumnarGeometry, hf: number, probe: { inside: boolean; d2: number }): void {
  let best = Infinity;
  let overlap = false;
  const [e0, e1] = vertexRange(e, ef);
  for (let v = e0; v < e1 && !overlap; v++) {
    pointProbe(h, hf, e.coords[2 * v], e.coords[2 * v + 1], probe);
    if (probe.inside && h.kind === 'Polygon') overlap = true;
    if (probe.d2 < best) best = probe.d2;
  }
  if (!overlap) {
    const [h0, h1] = vertexRange(h, hf);
    for (let v = h0; v < h1 && !overlap; v++) {
      pointProbe(e, ef, h.coords[2 * v], h.coords[2 * v + 1], probe);
      if (probe.inside && e.kind === 'Polygon') best = 0;
      if (probe.d2 < best) best = probe.d2;
    }
    // A hazard vertex inside the exposed polygon means they overlap when the hazard has area.
    if (best === 0 && h.kind === 'Polygon') overlap = true;
  }
  if (!overlap && h.kind !== 'Point') {
    forEachEdge(e, ef, (ax, ay, bx, by) => {
      if (overlap) return;
      forEachEdge(h, hf, (cx, cy, dx, dy) => {
        if (!overlap && segmentsCross(ax, ay, bx, by, cx, cy, dx, dy)) overlap = true;
      });
    });
    if (overlap && h.kind !== 'Polygon') best = 0;
  }
  probe.inside = overlap && h.kind === 'Polygon';
  probe.d2 = overlap ? 0 : best;
}

/** Options of a run: progress after every `progressEvery` exposed features. */
export interface ExposureOptions {
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/** Finds, for every exposed feature, every hazard it is inside or within the buffer of. */
export function computeExposure(hazardLayers: HazardLayerInput[], exposed: ExposedInput, options: ExposureOptions = {}): ExposureHits {
  let maxScale = 1;
  for (const k of exposed.scale) if (k > maxScale) maxScale = k;
  const hazards = flatten(hazardLayers, maxScale);
  const g = exposed.geometry;
  const n = featureCount(g);
  const offsets = new Uint32Array(n + 1);
  const status = new Uint8Array(n);
  const worstLevel = new Uint8Array(n);
  const probe = { inside: false, d2: 0 };
  const every = options.progressEvery ?? 8192;
  const geometries = hazardLayers.map((l) => l.geometry);

  // Features are probed in Hilbert order (neighbours share candidates, which stay in cache);
  // hits are gathered per feature and written out in input order at the end.
  const featureBoxes = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const [v0, v1] = vertexRange(g, i);
    boundsOf(g.coords, v0, v1, featureBoxes, 4 * i);
  }
  const order = hilbertOrder(featureBoxes);
  // Hits in visit order, in growable typed arrays: feature i's are [start[i], start[i] + counts[i]).
  const start = new Uint32Array(n);
  const counts = new Uint32Array(n);
  let capacity = Math.max(1024, n);
  let hitHazard = new Uint32Array(capacity);
  let hitDistance = new Float64Array(capacity);
  let hitInside = new Uint8Array(capacity);
  let used = 0;
  const grow = () => {
    capacity *= 2;
    const h = new Uint32Array(capacity), d = new Float64Array(capacity), ins = new Uint8Array(capacity);
    h.set(hitHazard);
    d.set(hitDistance);
    ins.set(hitInside);
    hitHazard = h;
    hitDistance = d;
    hitInside = ins;
  };
  const index = hazards.index;
  const candidates: number[] = [];
  const collect = (h: number) => candidates.push(h);
  const seen = new Uint32Array(hazards.count);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const first = used;
    start[i] = first;
    const minX = featureBoxes[4 * i];
    if (index && minX <= featureBoxes[4 * i + 2]) {
      const [v0, v1] = vertexRange(g, i);
      const scale = exposed.scale[i] || 1;
      candidates.length = 0;
      searchGridIndex(index, minX, featureBoxes[4 * i + 1], featureBoxes[4 * i + 2], featureBoxes[4 * i + 3], seen, k + 1, collect);
      let st = 0, worst = 0;
      for (const h of candidates) {
        const buffer = hazards.bufferM[h];
        if (buffer < 0) continue;
        const hg = geometries[hazards.layerOf[h]];
        const hf = hazards.featureOf[h];
        if (g.kind === 'Point') {
          let anyInside = false, best = Infinity;
          for (let v = v0; v < v1; v++) {
            if (hg.kind === 'Point') pointProbe(hg, hf, g.coords[2 * v], g.coords[2 * v + 1], probe);
            else segmentProbe(hazards, h, g.coords[2 * v], g.coords[2 * v + 1], hg.kind === 'Polygon', probe);
            if (probe.inside) anyInside = true;
            if (probe.d2 < best) best = probe.d2;
          }
          probe.inside = anyInside;
          probe.d2 = best;
        } else {
          shapeProbe(g, i, hg, hf, probe);
        }
        const d = probe.inside ? 0 : Math.sqrt(probe.d2) / scale;
        if (!probe.inside && d > buffer + AT_BUFFER) continue;
        if (used === capacity) grow();
        // Insert in place: nearest first, ties by hazard index (lists are short).
        let b = used - 1;
        while (b >= first && (hitDistance[b] > d || (hitDistance[b] === d && hitHazard[b] > h))) {
          hitHazard[b + 1] = hitHazard[b];
          hitDistance[b + 1] = hitDistance[b];
          hitInside[b + 1] = hitInside[b];
          b--;
        }
        hitHazard[b + 1] = h;
        hitDistance[b + 1] = d;
        hitInside[b + 1] = probe.inside ? 1 : 0;
        used++;
        const hitStatus = probe.inside ? STATUS.inside : STATUS.near;
        if (hitStatus > st) st = hitStatus;
        if (hazards.level[h] > worst) worst = hazards.level[h];
      }
      counts[i] = used - first;
      status[i] = st;
      worstLevel[i] = worst;
    }
    if (options.onProgress && (k + 1) % every === 0) options.onProgress(k + 1, n);
  }
  // Rows in input order.
  const hazard = new Uint32Array(used), distance = new Float32Array(used), inside = new Uint8Array(used);
  let w = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = w;
    for (let j = start[i], end = start[i] + counts[i]; j < end; j++, w++) {
      hazard[w] = hitHazard[j];
      distance[w] = hitDistance[j];
      inside[w] = hitInside[j];
    }
  }
  offsets[n] = w;
  options.onProgress?.(n, n);
  return { count: n, offsets, hazard, distance, inside, status, worstLevel };
}
