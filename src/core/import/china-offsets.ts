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
