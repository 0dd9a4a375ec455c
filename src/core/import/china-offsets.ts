/**
 * Removes the offsets Chinese commercial web maps add to coordinates:
 * - GCJ-02 ("Mars coordinates", Gaode/AMap, Tencent, Google China): WGS84 plus a smooth,
 *   deliberately obscured shift of roughly 300–700 m (about 500 m in Lishui);
 * - BD-09 (Baidu): GCJ-02 rotated and shifted once more (another ~1 km).
 *
 * The forward formulas are public and gcoord implements them; the inverse has no closed form,
 * so gcoord iterates the forward one until it matches to 1e-6° (about 0.1 m). GCJ-02 points
 * outside China's bounding box (gcoord's: lng 72.004–137.8347, lat 0.8293–55.8271) carry no
 * offset and come back unchanged; Baidu's own BD-09 step is undone everywhere. NaN (blank)
 * coordinates stay NaN.
 */
import gcoord from 'gcoord';
import type { ImportIssue } from './types';

/** Which offset coordinate system the user said the data came from. */
export type ChinaOffsetSystem = 'gcj02' | 'bd09';

/**
 * Converts interleaved longitude/latitude pairs (`x0 y0 x1 y1 …`, degrees) from GCJ-02 or
 * BD-09 to WGS84. Returns a new array; `coords` is not changed.
 */
export function fromChinaOffset(coords: Float64Array, system: ChinaOffsetSystem): Float64Array {
  const from = system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const out = new Float64Array(coords.length);
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const lng = coords[i];
    const lat = coords[i + 1];
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      out[i] = lng;
      out[i + 1] = lat;
      continue;
    }
    const [wgsLng, wgsLat] = gcoord.transform([lng, lat], from, gcoord.WGS84) as [number, number];
    out[i] = wgsLng;
    out[i + 1] = wgsLat;
  }
  return out;
}

/**
 * The import-summary remark that a conversion was applied (code `crs.china-offset`, info),
 * so the user can tell why points moved by a few hundred metres.
 */
export function chinaOffsetIssue(system: ChinaOffsetSystem, pointCount: number, file?: string): ImportIssue {
  return { code: 'crs.china-offset', severity: 'info', ...(file ? { file } : {}), params: { system, count: pointCount } };
}

/** What `detectChinaOffset` found: the offset system and how far the points lay before and after removing it. */
export interface OffsetSuggestion {
  system: ChinaOffsetSystem;
  /** Points compared with project villages (of the same name, else within 2 km). */
  matched: number;
  /** Median distance (m) to those villages as read, and with the offset removed. */
  beforeM: number;
  afterM: number;
}

/** A known place: a village already in the project, in WGS84 / CGCS2000 degrees. */
export interface KnownPlace {
  name: string | null;
  lng: number;
  lat: number;
}

/** At least this many points must pair with project villages for a verdict. */
const MIN_MATCHED = 3;
/** Unnamed points pair with the nearest village within this distance (m). */
const PAIR_M = 2_000;

function metres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return 6_371_000 * Math.hypot(x, y);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Whether points read as WGS84 longitude/latitude are in fact GCJ-02 (Gaode, Tencent) or BD-09
 * (Baidu): each point is paired with the project's villages of the same name (or, when none has
 * its name, those within 2 km), and the median distance to the nearest of them is compared as read
 * and with each offset removed. A verdict needs 3 pairs, points ≥ 200 m off as read, and an offset
 * that brings them within 150 m and to less than a third of that. Points already in WGS84
 * (the demo county's own layers) and points far from every village give no verdict (null).
 */
export function detectChinaOffset(coords: Float64Array, names: readonly (string | null)[], known: readonly KnownPlace[]): OffsetSuggestion | null {
  if (known.length === 0) return null;
  const byName = new Map<string, KnownPlace[]>();
  for (const k of known) {
    if (!k.name) continue;
    const key = k.name.normalize('NFKC').trim();
    const list = byName.get(key);
    if (list) list.push(k);
    else byName.set(key, [k]);
  }
  // Pairs: the point and its village (the nearest one of that name; ambiguous names are fine,
  // as the nearest of each hypothesis is used).
  const pairs: { lng: number; lat: number; candidates: KnownPlace[] }[] = [];
  for (let i = 0; i + 1 < coords.length && pairs.length < 2_000; i += 2) {
    const lng = coords[i];
    const lat = coords[i + 1];
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
    const name = names[i / 2]?.normalize('NFKC').trim();
    const same = name ? byName.get(name) : undefined;
    if (same) pairs.push({ lng, lat, candidates: same });
    else {
      // No village of that name: every village within 2 km, the nearest under each hypothesis.
      const near = known.filter((k) => metres(lng, lat, k.lng, k.lat) < PAIR_M);
      if (near.length > 0) pairs.push({ lng, lat, candidates: near });
    }
  }
  if (pairs.length < MIN_MATCHED) return null;
  const distances = (points: Float64Array) => pairs.map((p, j) => Math.min(...p.candidates.map((k) => metres(points[2 * j], points[2 * j + 1], k.lng, k.lat))));
  const asRead = Float64Array.from(pairs.flatMap((p) => [p.lng, p.lat]));
  const beforeM = median(distances(asRead));
  if (beforeM < 200) return null;
  let best: OffsetSuggestion | null = null;
  for (const system of ['gcj02', 'bd09'] as const) {
    const afterM = median(distances(fromChinaOffset(asRead, system)));
    if (afterM <= 150 && afterM < beforeM / 3 && (!best || afterM < best.afterM)) best = { system, matched: pairs.length, beforeM, afterM };
  }
  return best;
}
