import { describe, expect, it } from 'vitest';
import type { ColumnarGeometry } from '../../../src/core/types';
import { describeIssue } from '../../../src/core/import/describe-issue';
import type { ImportIssue } from '../../../src/core/import/types';
import { distanceToBBoxKm, validateGeometry } from '../../../src/core/import/validate';
import { countSelfIntersections, repairPolygon } from '../../../src/core/import/polygon-repair';
import { csvTable, DEMO_BBOX, fixtureText, geojsonLayer, pointsFrom } from './helpers';

const en = (issues: ImportIssue[], tabular = false) => issues.map((i) => describeIssue(i, 'en', tabular));
const zh = (issues: ImportIssue[], tabular = false) => issues.map((i) => describeIssue(i, 'zh', tabular));
const empty = new Uint32Array(0);
const points = (...xy: number[]): ColumnarGeometry => ({ kind: 'Point', coords: Float64Array.from(xy), geomOffsets: empty, partOffsets: empty, ringOffsets: empty });

describe('validateGeometry of points', () => {
  it('reports empty, swapped, out-of-range and far-away locations of a table, per row', () => {
    const table = csvTable(fixtureText('villages_problems.csv'));
    const geometry = pointsFrom(table, '经度', '纬度');
    const result = validateGeometry({ role: 'villages', geometry, tabular: true, file: 'villages_problems.csv', projectBBox: DEMO_BBOX, coordinateColumns: { x: '经度', y: '纬度' } });
    expect(result.geometry).toBe(geometry);
    expect(en(result.issues, true)).toEqual([
      'villages_problems.csv, row 9, field "经度/纬度": Longitude and latitude look swapped: (28.27, 119.67) lies outside the project area, but (119.67, 28.27) lies inside it. Swap the longitude and latitude columns in the import wizard and import again.',
      'villages_problems.csv, row 10, field "经度/纬度": The coordinates (119.68, 95) are not a valid longitude/latitude (longitude within ±180°, latitude within ±90°). Check the coordinate system chosen for the file, or correct the coordinates.',
      'villages_problems.csv, row 11, field "经度/纬度": The location is 356 km outside the project area. Check the coordinates and the coordinate system chosen for the file, or leave this row out.',
      'villages_problems.csv, row 12, field "经度/纬度": The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.',
    ]);
    expect(zh(result.issues, true)).toEqual([
      'villages_problems.csv，第 9 行，字段“经度/纬度”：经度和纬度似乎填反了：（28.27，119.67）在项目范围以外，对调后的（119.67，28.27）却在项目范围内。请在导入向导中对调经度列和纬度列，再重新导入。',
      'villages_problems.csv，第 10 行，字段“经度/纬度”：坐标（119.68，95）不是有效的经纬度（经度应在 ±180° 以内，纬度应在 ±90° 以内）。请检查为该文件选择的坐标系，或更正坐标。',
      'villages_problems.csv，第 11 行，字段“经度/纬度”：位置在项目范围以外 356 公里。请检查坐标和为该文件选择的坐标系，或不导入这一行。',
      'villages_problems.csv，第 12 行，字段“经度/纬度”：位置为空或坐标缺失。请补全坐标，或不导入这一行。',
    ]);
    expect(result.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('measures the distance beyond the project area on the sphere, and allows 50 km', () => {
    expect(distanceToBBoxKm(119.6, 29.3422509, DEMO_BBOX)).toBeCloseTo(111.195, 3);
    expect(distanceToBBoxKm(119.6, 28.2, DEMO_BBOX)).toBe(0);
    const result = validateGeometry({ role: 'schools', geometry: points(119.6, 29.3422509, 119.6, 28.78, 119.6, 28.8), tabular: false, file: 's.geojson', projectBBox: DEMO_BBOX });
    expect(result.issues.map((i) => [i.code, i.index, i.params?.km])).toEqual([['geom.far-outside', 0, 111], ['geom.far-outside', 2, 51]]);
  });

  it('without a project area, detects swapped axes against China and treats (0, 0) as a placeholder', () => {
    const result = validateGeometry({ role: 'clinics', geometry: points(30.5, 114.3, 0, 0, 114.3, 30.5, NaN, NaN), tabular: false, file: 'c.shp' });
    expect(en(result.issues)).toEqual([
      'c.shp, feature 1: Longitude and latitude look swapped: (30.5, 114.3) lies outside China, but (114.3, 30.5) lies inside it. Swap the longitude and latitude columns in the import wizard and import again.',
      'c.shp, feature 2: The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.',
      'c.shp, feature 4: The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.',
    ]);
    expect(zh(result.issues)[0]).toBe('c.shp，第 1 个要素：经度和纬度似乎填反了：（30.5，114.3）在中国境以外，对调后的（114.3，30.5）却在中国境内。请在导入向导中对调经度列和纬度列，再重新导入。');
  });

  it('checks every vertex of multipoints', () => {
    const geometry: ColumnarGeometry = { ...points(119.6, 28.2, 119.7, 28.3, 119.6, 28.2, 190, 28.3), geomOffsets: Uint32Array.of(0, 2, 4) };
    const result = validateGeometry({ role: 'villages', geometry, tabular: false, file: 'm.geojson' });
    expect(en(result.issues)).toEqual([
      'm.geojson, feature 2: The coordinates (190, 28.3) are not a valid longitude/latitude (longitude within ±180°, latitude within ±90°). Check the coordinate system chosen for the file, or correct the coordinates.',
    ]);
  });

  it('rejects a file whose geometry kind the role does not allow', () => {
    const result = validateGeometry({ role: 'roads', geometry: points(119.6, 28.2), tabular: false, file: 'roads.shp' });
    expect(en(result.issues)).toEqual(['roads.shp: A Roads layer must hold lines, but this file holds points. Choose a layer type that fits the file, or convert the data in your GIS first.']);
    expect(zh(result.issues)).toEqual(['roads.shp：“道路”图层应为线要素，但该文件是点要素。请选择与文件相符的图层类型，或先在 GIS 软件中转换数据。']);
    const zones = validateGeometry({ role: 'farmland', geometry: points(119.6, 28.2), tabular: false, file: 'f.shp' });
    expect(en(zones.issues)[0]).toBe('f.shp: A Basic farmland layer must hold polygons, but this file holds points. Choose a layer type that fits the file, or convert the data in your GIS first.');
    const villages = validateGeometry({ role: 'villages', geometry: { kind: 'LineString', coords: Float64Array.of(0, 0, 1, 1), geomOffsets: Uint32Array.of(0, 1), partOffsets: Uint32Array.of(0, 2), ringOffsets: empty }, tabular: false, file: 'v.shp' });
    expect(zh(villages.issues)[0]).toBe('v.shp：“自然村”图层应为点或面要素，但该文件是线要素。请选择与文件相符的图层类型，或先在 GIS 软件中转换数据。');
  });
});

describe('validateGeometry of lines', () => {
  it('drops parts without length, and rejects a line that has none', () => {
    const geometry: ColumnarGeometry = {
      kind: 'LineString',
      // feature 0: a good part and a one-point part; feature 1: one part of a repeated point; feature 2: good
      coords: Float64Array.of(119.5, 28.1, 119.6, 28.2, 119.7, 28.3, 119.7, 28.3, 119.55, 28.15, 119.55, 28.15, 119.5, 28.2, 119.6, 28.3),
      geomOffsets: Uint32Array.of(0, 2, 3, 4),
      partOffsets: Uint32Array.of(0, 2, 4, 6, 8),
      ringOffsets: empty,
    };
    const result = validateGeometry({ role: 'roads', geometry, tabular: false, file: 'r.geojson', projectBBox: DEMO_BBOX });
    expect(en(result.issues)).toEqual([
      'r.geojson, feature 1: A part with fewer than 2 distinct points (or no area), which cannot form a line, was removed. Check the shape on the map.',
      'r.geojson, feature 2: The line has fewer than 2 distinct points (or no area), so it has no usable shape. Redraw it in your GIS, or leave this row out.',
    ]);
    expect(zh(result.issues)).toEqual([
      'r.geojson，第 1 个要素：已删去 1 个不足 2 个不同顶点（或面积为零）、构不成线的部分。请在地图上核对形状。',
      'r.geojson，第 2 个要素：该线不足 2 个不同顶点（或面积为零），没有可用的形状。请在 GIS 软件中重新绘制，或不导入这一行。',
    ]);
    expect(result.issues.map((i) => i.severity)).toEqual(['warning', 'error']);
    expect(Array.from(result.geometry.coords)).toEqual([119.5, 28.1, 119.6, 28.2, 119.55, 28.15, 119.55, 28.15, 119.5, 28.2, 119.6, 28.3]);
    expect(Array.from(result.geometry.geomOffsets)).toEqual([0, 1, 2, 3]);
    expect(Array.from(result.geometry.partOffsets)).toEqual([0, 2, 4, 6]);
  });
});

describe('validateGeometry of polygons', () => {
  const layer = geojsonLayer(JSON.parse(fixtureText('hazard_zones_problems.geojson')));
  const result = validateGeometry({ role: 'hazards', geometry: layer.geometry, tabular: false, file: 'hazard_zones_problems.geojson', projectBBox: DEMO_BBOX });

  it('repairs, closes and trims what it soundly can, and rejects the rest', () => {
    expect(en(result.issues)).toEqual([
      'hazard_zones_problems.geojson, feature 2: The polygon\'s boundary crossed itself at one point; it has been repaired into valid polygons covering the same area. Check the shape on the map.',
      'hazard_zones_problems.geojson, feature 3: A polygon ring was not closed; the last point has been joined to the first. Check the shape on the map.',
      'hazard_zones_problems.geojson, feature 4: The polygon has fewer than 3 distinct points (or no area), so it has no usable shape. Redraw it in your GIS, or leave this row out.',
      'hazard_zones_problems.geojson, feature 5: A part with fewer than 3 distinct points (or no area), which cannot form a polygon, was removed. Check the shape on the map.',
      'hazard_zones_problems.geojson, feature 6: The location is empty or its coordinates are missing. Fill in the coordinates, or leave this row out of the import.',
    ]);
    expect(zh(result.issues)).toEqual([
      'hazard_zones_problems.geojson，第 2 个要素：面的边界有 1 处自相交，已修复为覆盖同一范围的有效面。请在地图上核对形状。',
      'hazard_zones_problems.geojson，第 3 个要素：面有 1 个边界环未闭合，已把终点连回起点使其闭合。请在地图上核对形状。',
      'hazard_zones_problems.geojson，第 4 个要素：该面不足 3 个不同顶点（或面积为零），没有可用的形状。请在 GIS 软件中重新绘制，或不导入这一行。',
      'hazard_zones_problems.geojson，第 5 个要素：已删去 1 个不足 3 个不同顶点（或面积为零）、构不成面的部分。请在地图上核对形状。',
      'hazard_zones_problems.geojson，第 6 个要素：位置为空或坐标缺失。请补全坐标，或不导入这一行。',
    ]);
    expect(result.issues.map((i) => i.severity)).toEqual(['warning', 'warning', 'error', 'warning', 'error']);
  });

  it('rebuilds the geometry with the repaired features and leaves the others as they were', () => {
    const g = result.geometry;
    expect(g).not.toBe(layer.geometry);
    expect(Array.from(g.geomOffsets)).toEqual([0, 1, 3, 4, 5, 6, 6, 7]);
    expect(Array.from(g.partOffsets)).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(g.ringOffsets)).toEqual([0, 5, 9, 13, 17, 22, 25, 30, 35]);
    const ring = (r: number) => Array.from(g.coords.subarray(2 * g.ringOffsets[r], 2 * g.ringOffsets[r + 1]));
    // Feature 1 (valid, with a hole touching its shell) is untouched.
    expect(ring(0)).toEqual([119.5, 28.1, 119.52, 28.1, 119.52, 28.12, 119.5, 28.12, 119.5, 28.1]);
    // The bow-tie became two triangles meeting at the crossing.
    expect(ring(2)).toEqual([119.6, 28.2, 119.61, 28.21, 119.6, 28.22, 119.6, 28.2]);
    expect(ring(3)).toEqual([119.61, 28.21, 119.62, 28.2, 119.62, 28.22, 119.61, 28.21]);
    // The unclosed ring was closed; the 2-point hole was dropped.
    expect(ring(4)).toEqual([119.7, 28.3, 119.71, 28.3, 119.71, 28.31, 119.7, 28.31, 119.7, 28.3]);
    expect(ring(6)).toEqual([119.45, 28.05, 119.47, 28.05, 119.47, 28.07, 119.45, 28.07, 119.45, 28.05]);
  });

  it('rejects a polygon it cannot repair', () => {
    // A hole identical to its shell: the union leaves no area.
    const square = [[119.5, 28.1], [119.51, 28.1], [119.51, 28.11], [119.5, 28.11], [119.5, 28.1]];
    const bad = geojsonLayer({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square, square] } }] });
    const out = validateGeometry({ role: 'farmland', geometry: bad.geometry, tabular: false, file: 'f.shp' });
    expect(en(out.issues)).toEqual(['f.shp, feature 1: The polygon\'s boundary crosses itself and could not be repaired automatically. Fix it in your GIS (for example with QGIS "Fix geometries"), or leave this row out.']);
    expect(zh(out.issues)).toEqual(['f.shp，第 1 个要素：面的边界自相交，无法自动修复。请在 GIS 软件中修复（例如 QGIS 的“修复几何图形”工具），或不导入这一行。']);
    expect(out.geometry).toBe(bad.geometry);
  });
});

describe('validateGeometry wording of counts', () => {
  it('says how many crossings were repaired', () => {
    const shell = [[119.5, 28.1], [119.54, 28.1], [119.54, 28.14], [119.5, 28.14], [119.5, 28.1]];
    const hole = [[119.53, 28.11], [119.55, 28.11], [119.55, 28.12], [119.53, 28.12], [119.53, 28.11]];
    const layer = geojsonLayer({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [shell, hole] } }] });
    const out = validateGeometry({ role: 'eco_redline', geometry: layer.geometry, tabular: false, file: 'e.shp' });
    expect(en(out.issues)).toEqual(['e.shp, feature 1: The polygon\'s boundary crossed itself at 2 points; it has been repaired into valid polygons covering the same area. Check the shape on the map.']);
    expect(Array.from(out.geometry.ringOffsets)).toEqual([0, 9]);
  });
});

describe('countSelfIntersections and repairPolygon', () => {
  const square = [0, 0, 4, 0, 4, 4, 0, 4, 0, 0];

  it('counts crossings, spikes and self-touching rings, but not holes touching their shell at a point', () => {
    expect(countSelfIntersections([square])).toBe(0);
    expect(countSelfIntersections([[0, 0, 2, 2, 2, 0, 0, 2, 0, 0]])).toBe(1);
    expect(countSelfIntersections([[0, 0, 2, 0, 2, 2, 1, 2, 1, 3, 1, 2, 0, 2, 0, 0]])).toBe(1);
    expect(countSelfIntersections([[0, 0, 4, 0, 4, 4, 2, 4, 1, 2, 3, 2, 2, 4, 0, 4, 0, 0]])).toBe(1);
    expect(countSelfIntersections([square, [0, 0, 1, 2, 2, 1, 0, 0]])).toBe(0);
    expect(countSelfIntersections([square, [2, 0, 3, 1, 1, 1, 2, 0]])).toBe(0);
    expect(countSelfIntersections([square, [3, 1, 5, 1, 5, 2, 3, 2, 3, 1]])).toBe(2);
  });

  it('keeps holes when it repairs (turf unkinkPolygon would fill them)', () => {
    expect(repairPolygon([[0, 0, 4, 4, 4, 0, 0, 4, 0, 0], [3, 1.5, 3.5, 2, 3, 2.5, 3, 1.5]])).toEqual([
      [[0, 0, 2, 2, 0, 4, 0, 0]],
      [[2, 2, 4, 0, 4, 4, 2, 2], [3, 1.5, 3, 2.5, 3.5, 2, 3, 1.5]],
    ]);
    expect(repairPolygon([square, [3, 1, 5, 1, 5, 2, 3, 2, 3, 1]])).toEqual([[[0, 0, 4, 0, 4, 1, 3, 1, 3, 2, 4, 2, 4, 4, 0, 4, 0, 0]]]);
  });

  it('scales to long rings (a 20,000-vertex boundary in well under a second)', () => {
    const ring: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = (2 * Math.PI * i) / 20000;
      const r = 1 + 0.1 * Math.sin(a * 37);
      ring.push(r * Math.cos(a), r * Math.sin(a));
    }
    ring.push(ring[0], ring[1]);
    const t = performance.now();
    expect(countSelfIntersections([ring])).toBe(0);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
