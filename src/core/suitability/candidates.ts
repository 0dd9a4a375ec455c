/**
 * Candidate regions: connected cells scoring at least a threshold, at least a minimum area,
 * ranked by mean score (then area); their stability when each weight moves ±20%; and their
 * outlines as polygons for export.
 */
import { contours } from 'd3-contour';
import type { GeoTransform } from '../types';
import type { RegionOptions } from './model';
import { labelComponents, zonalStats } from './regions';
import { SCORE_NODATA } from './transforms';

export interface CandidateRegion {
  /** 1-based rank: 1 is the best region. */
  rank: number;
  cells: number;
  areaHa: number;
  meanScore: number;
  maxScore: number;
  /** Mean transformed score of each criterion over the region's cells (for sensitivity). */
  criterionMeans: number[];
  /** Bounding box in cells: [minCol, minRow, maxCol, maxRow]. */
  bboxCells: [number, number, number, number];
  /** Centroid in the grid's CRS. */
  centroid: [number, number];
  /** Shortest distance from the region to a road and to a town centre, metres. */
  roadM: number;
  townM: number;
  /** Hazard check: 2 part of it lies inside a hazard, 1 within a hazard's buffer, 0 clear. */
  hazard: { status: 0 | 1 | 2; insideHa: number; nearHa: number };
}

export interface RegionContext {
  cellAreaHa: number;
  criterionScores: Uint8Array[];
  weights: number[];
  transform: GeoTransform;
}

/**
 * Finds and ranks the candidate regions of a score raster. `regionOf` holds each cell's
 * region rank (0 outside every kept region).
 */
export function findRegions(score: Uint8Array, exclusion: Uint8Array | null, width: number, height: number, options: RegionOptions, context: RegionContext): { regions: CandidateRegion[]; regionOf: Int32Array } {
  const n = width * height;
  const mask = new Uint8Array(n);
  const threshold = Math.max(1, options.threshold);
  const excluded = exclusion ?? new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = score[i];
    if (s !== SCORE_NODATA && s >= threshold && excluded[i] === 0) mask[i] = 1;
  }
  const { labels, count } = labelComponents(mask, width, height, options.connectivity);
  const stats = zonalStats(labels, count, score, SCORE_NODATA, width);
  const minCells = options.minAreaHa / context.cellAreaHa;
  const kept: number[] = [];
  for (let l = 1; l <= count; l++) if (stats.cells[l] >= minCells && stats.cells[l] > 0) kept.push(l);
  kept.sort((a, b) => stats.mean[b] - stats.mean[a] || stats.cells[b] - stats.cells[a] || a - b);
  const rankOf = new Int32Array(count + 1);
  kept.forEach((l, k) => (rankOf[l] = k + 1));
  // Each kept region's cells, listed once, so the per-criterion sums touch only them.
  const regionOf = new Int32Array(n);
  let inRegions = 0;
  for (let l = 0; l < kept.length; l++) inRegions += stats.cells[kept[l]];
  const members = new Int32Array(inRegions);
  for (let i = 0, m = 0; i < n; i++) {
    const l = labels[i];
    if (l === 0) continue;
    const r = rankOf[l];
    if (r === 0) continue;
    regionOf[i] = r;
    members[m++] = i;
  }
  // Mean criterion scores per region, for the sensitivity of the ranking to the weights.
  const k = context.criterionScores.length;
  const sums = new Float64Array((kept.length + 1) * k);
  for (let c = 0; c < k; c++) {
    const scores = context.criterionScores[c];
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      sums[regionOf[i] * k + c] += scores[i];
    }
  }
  const [ox, pw, , oy, , ph] = context.transform;
  const regions: CandidateRegion[] = kept.map((l, idx) => {
    const rank = idx + 1;
    const cells = stats.cells[l];
    return {
      rank,
      cells,
      areaHa: cells * context.cellAreaHa,
      meanScore: stats.mean[l],
      maxScore: stats.max[l],
      criterionMeans: Array.from({ length: k }, (_, c) => sums[rank * k + c] / cells),
      bboxCells: [stats.minCol[l], stats.minRow[l], stats.maxCol[l], stats.maxRow[l]],
      centroid: [ox + (stats.centroidCol[l] + 0.5) * pw, oy + (stats.centroidRow[l] + 0.5) * ph],
      roadM: Infinity,
      townM: Infinity,
      hazard: { status: 0, insideHa: 0, nearHa: 0 },
    };
  });
  return { regions, regionOf };
}

/**
 * How stable the ranking is: each weight in turn is multiplied by 0.8 and by 1.2 (the others
 * renormalised), each region's score recomputed from its criterion means, and the regions
 * re-ranked. Returns, per region, the share of the 2·k perturbed rankings in which it keeps
 * its rank. The regions' cells are held fixed (the standard one-at-a-time weight analysis).
 */
export function rankStability(regions: readonly CandidateRegion[], weights: readonly number[], factors: readonly number[] = [0.8, 1.2]): number[] {
  const kept = new Array<number>(regions.length).fill(0);
  let trials = 0;
  for (let c = 0; c < weights.length; c++) {
    for (const f of factors) {
      const w = weights.map((v, j) => (j === c ? v * f : v));
      const total = w.reduce((a, b) => a + b, 0);
      if (!(total > 0)) continue;
      trials++;
      const scored = regions.map((r, idx) => ({ idx, s: r.criterionMeans.reduce((sum, m, j) => sum + (w[j] / total) * m, 0), cells: r.cells }));
      scored.sort((a, b) => b.s - a.s || b.cells - a.cells || a.idx - b.idx);
      scored.forEach((entry, position) => {
        if (position === entry.idx) kept[entry.idx]++;
      });
    }
  }
  return kept.map((v) => (trials === 0 ? 1 : v / trials));
}

/** A region outline: rings of [x, y] in the grid's CRS, outer rings counter-clockwise. */
export type RegionPolygon = [number, number][][][];

/**
 * Outlines of the kept regions, traced along cell edges' midpoints (marching squares at 0.5
 * on each region's own mask), in the grid's CRS. One multipolygon per region, by rank.
 */
export function regionOutlines(regionOf: Int32Array, width: number, regions: readonly CandidateRegion[], transform: GeoTransform): RegionPolygon[] {
  const [ox, pw, , oy, , ph] = transform;
  return regions.map((region) => {
    const [c0, r0, c1, r1] = region.bboxCells;
    // One empty cell of padding on every side closes the rings at the bbox edge.
    const w = c1 - c0 + 3;
    const h = r1 - r0 + 3;
    const values = new Array<number>(w * h).fill(0);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) if (regionOf[r * width + c] === region.rank) values[(r - r0 + 1) * w + (c - c0 + 1)] = 1;
    }
    const [multi] = contours().size([w, h]).thresholds([0.5])(values);
    return multi.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [ox + (x + c0 - 1) * pw, oy + (y + r0 - 1) * ph] as [number, number])));
  });
}
