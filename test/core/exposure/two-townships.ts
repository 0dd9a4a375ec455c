/**
 * A two-township fixture for the exposure analysis: a landslide zone across the township
 * boundary, a debris-flow point with a threat radius, villages inside / near / clear, one
 * without a township attribute, households joined to villages, and two settlements.
 */
import type { ExposureInputs, SourceLayer } from '../../../src/core/exposure/analysis';
import type { Column, ColumnarGeometry } from '../../../src/core/types';

/** Metres to degrees near 28°N (enough for fixtures; the analysis measures on the ellipsoid). */
const LAT0 = 28.2, LNG0 = 119.6;
const DEG_LAT = 1 / 110_800;
const DEG_LNG = 1 / (111_320 * Math.cos((LAT0 * Math.PI) / 180));
const at = (xm: number, ym: number): [number, number] => [LNG0 + xm * DEG_LNG, LAT0 + ym * DEG_LAT];

const none = new Uint32Array(0);
function points(list: [number, number][]): ColumnarGeometry {
  return { kind: 'Point', coords: Float64Array.from(list.flatMap(([x, y]) => at(x, y))), geomOffsets: none, partOffsets: none, ringOffsets: none };
}
/** One simple polygon per feature from rectangles [x0, y0, x1, y1] in metres. */
function rectangles(list: [number, number, number, number][]): ColumnarGeometry {
  const coords: number[] = [];
  const geomOffsets = [0], partOffsets = [0], ringOffsets = [0];
  for (const [x0, y0, x1, y1] of list) {
    for (const [x, y] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]] as [number, number][]) coords.push(...at(x, y));
    ringOffsets.push(coords.length / 2);
    partOffsets.push(ringOffsets.length - 1);
    geomOffsets.push(partOffsets.length - 1);
  }
  return { kind: 'Polygon', coords: Float64Array.from(coords), geomOffsets: Uint32Array.from(geomOffsets), partOffsets: Uint32Array.from(partOffsets), ringOffsets: Uint32Array.from(ringOffsets) };
}
export const str = (name: string, values: (string | null)[]): Column => ({ name, type: 'string', values });
export const nums = (name: string, values: number[]): Column => ({ name, type: 'number', values: Float64Array.from(values) });
function layer(layerId: string, role: SourceLayer['role'], geometry: ColumnarGeometry, columns: Column[]): SourceLayer {
  return { layerId, role, name: { zh: layerId, en: layerId }, source: { zh: '测试', en: 'test' }, crs: 'EPSG:4490', geometry, columns };
}

/**
 * Two townships side by side (west: x < 1000, east: x ≥ 1000). A landslide zone (high) crosses
 * the boundary; a debris-flow point (medium) has a 150 m threat radius.
 */
export function fixture(): ExposureInputs {
  const townships = layer('townships', 'boundary', rectangles([[0, 0, 1000, 1000], [1000, 0, 2000, 1000]]), [str('name', ['西乡', '东镇'])]);
  const zones = layer('zones', 'hazards', rectangles([[800, 400, 1200, 600]]), [str('id', ['Z1']), str('type', ['landslide']), str('riskLevel', ['high'])]);
  const pointsLayer = layer('pts', 'hazards', points([[300, 300]]), [str('id', ['P1']), str('type', ['debris_flow']), str('riskLevel', ['medium']), nums('threatRadiusM', [150]), nums('surveyYear', [2024])]);
  const villages = layer(
    'villages',
    'villages',
    // V1 inside the zone (west part), V2 inside (east part), V3 150 m north of the zone (near: landslide high = 200 m),
    // V4 100 m from P1 (near), V5 far (clear), V6 without a township attribute (located in 东镇).
    points([[900, 500], [1100, 500], [1000, 750], [300, 400], [1800, 100], [1900, 900]]),
    [str('id', ['V1', 'V2', 'V3', 'V4', 'V5', 'V6']), str('name', ['一村', '二村', '三村', '四村', '五村', '六村']), str('township', ['西乡', '东镇', '东镇', '西乡', '东镇', null]), nums('population', [100, 200, 50, 80, 300, 10]), nums('households', [30, 60, 15, 25, 90, 3])],
  );
  const households = layer('hh', 'households', points([[300, 400], [1800, 100]]), [str('id', ['H1', 'H2']), str('villageId', ['V4', 'V5']), nums('persons', [4, 3])]);
  const settlements = layer('st', 'settlements', points([[1150, 450], [1500, 100]]), [str('id', ['S1', 'S2']), str('name', ['安置一', '安置二'])]);
  return { hazards: [zones, pointsLayer], exposed: [villages, households, settlements], townships };
}

