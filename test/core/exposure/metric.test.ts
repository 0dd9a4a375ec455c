/**
 * Geographic vs projected CRS: distances in the metric frame (transverse Mercator on the data's
 * own central meridian, plane distance divided by the point scale factor) against the
 * ellipsoidal geodesic distance on GRS80 (Vincenty's inverse formula, written here), and the
 * same hazard and villages given in EPSG:4326 and in EPSG:4549 (CGCS2000 Gauss–Krüger, CM 120°E).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random';
import { makeTransform } from '../../../src/core/crs';
import { computeExposure } from '../../../src/core/exposure/engine';
import { metricFrameFor, toFrame, type MetricFrame } from '../../../src/core/exposure/metric';
import { hitsOf, pointGeometry, polygonGeometry } from './build';

const RAD = Math.PI / 180;

/** Geodesic distance in metres on GRS80 by Vincenty's inverse formula (converges for non-antipodal points). */
function vincenty(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137, f = 1 / 298.257222101, b = a * (1 - f);
  const L = (lon2 - lon1) * RAD;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * RAD)), U2 = Math.atan((1 - f) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
  let lambda = L, sinSigma = 0, cosSigma = 1, sigma = 0, cos2Alpha = 1, cos2SigmaM = 0;
  for (let iter = 0; iter < 200; iter++) {
    const sinL = Math.sin(lambda), cosL = Math.cos(lambda);
    sinSigma = Math.sqrt((cosU2 * sinL) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) ** 2);
    if (sinSigma === 0) return 0;
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-13) break;
  }
  const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const deltaSigma =
    B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  return b * A * (sigma - deltaSigma);
}

/** A point roughly `d` metres from (lon, lat) at bearing `bearing` (radians from north); the exact distance comes from Vincenty. */
function offset(lon: number, lat: number, d: number, bearing: number): [number, number] {
  const R = 6371000;
  return [lon + (d * Math.sin(bearing)) / (R * Math.cos(lat * RAD)) / RAD, lat + (d * Math.cos(bearing)) / R / RAD];
}

/** Distance through the frame: plane distance divided by the scale at the first point (as the engine does at the exposed feature). */
function frameDistance(frame: MetricFrame, lon1: number, lat1: number, lon2: number, lat2: number, divide = true): number {
  const to = toFrame('EPSG:4326', frame);
  const p = to(lon1, lat1), q = to(lon2, lat2);
  return Math.hypot(q.x - p.x, q.y - p.y) / (divide ? frame.scaleAt(p.x, p.lat) : 1);
}

const TOLERANCE_M = 0.5;
const LATITUDES = [20, 25, 30, 35, 40];

/**
 * Pairs around (lon, lat): 50 m and 3 km due east (the scale error grows with easting), and
 * random bearings at log-uniform distances 50 m – 3 km.
 */
function pairs(seed: number, lon: number, lat: number): [number, number, number, number][] {
  const rng = createRng(seed);
  const out: [number, number, number, number][] = [];
  const start = (): [number, number] => [lon + rng.range(-0.01, 0.01), lat + rng.range(-0.01, 0.01)];
  for (const d of [50, 3000]) {
    const [x, y] = start();
    out.push([x, y, ...offset(x, y, d, Math.PI / 2)]);
  }
  for (let k = 0; k < 14; k++) {
    const [x, y] = start();
    out.push([x, y, ...offset(x, y, 50 * Math.exp(rng.range(0, Math.log(60))), rng.range(0, 2 * Math.PI))]);
  }
  return out;
}

/** Largest |frame distance − geodesic| over the pairs; checks each pair against the tolerance. */
function check(frame: MetricFrame, list: [number, number, number, number][], label: string, divide = true): number {
  let worst = 0;
  for (const [x1, y1, x2, y2] of list) {
    const geodesic = vincenty(x1, y1, x2, y2);
    expect(geodesic).toBeGreaterThan(45);
    expect(geodesic).toBeLessThan(3100);
    const err = Math.abs(frameDistance(frame, x1, y1, x2, y2, divide) - geodesic);
    if (divide) expect(err, `${label}: (${x1}, ${y1}) → (${x2}, ${y2}), geodesic ${geodesic} m`).toBeLessThanOrEqual(TOLERANCE_M);
    worst = Math.max(worst, err);
  }
  return worst;
}

describe('metric frame: geographic vs projected CRS', () => {
  it('has a Vincenty reference that reproduces the published GRS80 example (Flinders Peak – Buninyong)', () => {
    const dms = (d: number, m: number, s: number) => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);
    const d = vincenty(dms(144, 25, 29.5244), dms(-37, 57, 3.7203), dms(143, 55, 35.3839), dms(-37, 39, 10.1561));
    expect(d).toBeCloseTo(54972.271, 3);
    expect(vincenty(120, 30, 120, 30)).toBe(0);
    // One degree of latitude around 30°N (the meridian arc ∫ M dφ, integrated numerically:
    // 110,852.457 m) and one degree of longitude on the equator (a · π/180 = 111,319.491 m).
    expect(vincenty(120, 29.5, 120, 30.5)).toBeCloseTo(110_852.457, 2);
    expect(vincenty(0, 0, 1, 0)).toBeCloseTo(111_319.491, 2);
  });

  it('places the frame on the data centre, rounded to 0.01°', () => {
    expect(metricFrameFor([119.1, 27, 120.9, 29]).centralMeridian).toBe(120);
    expect(metricFrameFor([121, 27, 122, 29]).centralMeridian).toBe(121.5);
    expect(metricFrameFor([118.5, 27, 120.5, 29]).centralMeridian).toBe(119.5);
    expect(metricFrameFor([121.234, 28, 121.2461, 28.1]).centralMeridian).toBe(121.24);
  });

  it.each(LATITUDES)('agrees with the geodesic within 0.5 m at the frame centre, latitude %i°', (lat) => {
    const frame = metricFrameFor([119.5, lat - 0.5, 120.5, lat + 0.5]);
    expect(frame.centralMeridian).toBe(120);
    expect(check(frame, pairs(lat, 120, lat), `centre, ${lat}°N`)).toBeLessThan(0.01);
  });

  it.each(LATITUDES)('agrees within 0.5 m 2° east of the frame centre, latitude %i°, only with the scale divided out', (lat) => {
    const frame = metricFrameFor([118, lat - 1, 122, lat + 1]);
    expect(frame.centralMeridian).toBe(120);
    const list = pairs(100 + lat, 122, lat);
    expect(check(frame, list, `2° east, ${lat}°N`)).toBeLessThan(0.05);
    // Without the scale the 3 km pair due east is off by more than a metre: the check has teeth.
    expect(check(frame, list, `2° east, ${lat}°N, raw`, false)).toBeGreaterThan(1);
  });

  it.each(LATITUDES)('agrees within 0.5 m across the Gauss–Krüger zone edge at 121.5°E, latitude %i°', (lat) => {
    // Pairs straddling 121.5°E (the edge between the 3° zones of CM 120°E and CM 123°E).
    const rng = createRng(200 + lat);
    const straddling: [number, number, number, number][] = [];
    for (let k = 0; k < 10; k++) {
      const y = lat + rng.range(-0.01, 0.01), d = 50 * Math.exp(rng.range(0, Math.log(60))), bearing = Math.PI / 2 + rng.range(-1, 1);
      const [east] = offset(121.5, y, d, bearing);
      // Start a fraction of the pair's longitude span west of the edge, so the pair crosses it.
      const x1 = 121.5 - rng.range(0.1, 0.9) * (east - 121.5);
      const [x2, y2] = offset(x1, y, d, bearing);
      expect(x1 < 121.5 && x2 > 121.5).toBe(true);
      straddling.push([x1, y, x2, y2]);
    }
    const list = [...pairs(300 + lat, 121.5, lat), ...straddling];
    // Data centred on the zone edge: the frame's CM is 121.5°E.
    const onEdge = metricFrameFor([121, lat - 0.5, 122, lat + 0.5]);
    expect(onEdge.centralMeridian).toBe(121.5);
    expect(check(onEdge, list, `zone edge, frame at 121.5°E, ${lat}°N`)).toBeLessThan(0.01);
    // Data centred at 119.5°E: the zone edge is 2° east of the frame's CM.
    const west = metricFrameFor([117.5, lat - 1, 121.5, lat + 1]);
    expect(west.centralMeridian).toBe(119.5);
    expect(check(west, list, `zone edge, frame at 119.5°E, ${lat}°N`)).toBeLessThan(0.05);
  });

  it('gives the same engine distance for a hazard and villages in EPSG:4326 and in EPSG:4549', () => {
    // A point hazard (threat radius 3 km) and a 200 m square hazard near Lishui's eastern edge,
    // villages around them at 150 m – 2.5 km.
    const hazard: [number, number] = [121.3, 28.4];
    const toGk = makeTransform('EPSG:4326', 'EPSG:4549');
    const toLngLat = makeTransform('EPSG:4549', 'EPSG:4326');
    const [hx, hy] = toGk(...hazard);
    const squareGk = [hx + 1000, hy + 1000, hx + 1200, hy + 1000, hx + 1200, hy + 1200, hx + 1000, hy + 1200, hx + 1000, hy + 1000];
    const squareLngLat = squareGk.flatMap((v, k) => (k % 2 === 0 ? toLngLat(v, squareGk[k + 1]) : []));
    const rng = createRng(4549);
    const villages: number[] = [];
    for (let k = 0; k < 24; k++) villages.push(...offset(hazard[0], hazard[1], 150 * Math.exp(rng.range(0, Math.log(2500 / 150))), rng.range(0, 2 * Math.PI)));
    villages.push(...toLngLat(hx + 1100, hy + 1100)); // inside the square
    const nVillages = villages.length / 2;

    const run = (frame: MetricFrame, crs: 'EPSG:4326' | 'EPSG:4549') => {
      const to = toFrame(crs, frame);
      const input = (lngLat: number[]) => {
        const xy: number[] = [], lat: number[] = [];
        for (let k = 0; k < lngLat.length; k += 2) {
          const [x, y] = crs === 'EPSG:4326' ? [lngLat[k], lngLat[k + 1]] : toGk(lngLat[k], lngLat[k + 1]);
          const p = to(x, y);
          xy.push(p.x, p.y);
          lat.push(p.lat);
        }
        return { xy, lat };
      };
      const h = input(hazard), sq = input(squareLngLat), v = input(villages);
      const scale = Float32Array.from({ length: nVillages }, (_, i) => frame.scaleAt(v.xy[2 * i], v.lat[i]));
      return computeExposure(
        [
          { geometry: pointGeometry(h.xy), type: new Uint8Array(1), level: Uint8Array.of(3), bufferM: Float32Array.of(3000) },
          { geometry: polygonGeometry([[[sq.xy]]]), type: new Uint8Array(1), level: Uint8Array.of(2), bufferM: Float32Array.of(3000) },
        ],
        { geometry: pointGeometry(v.xy), scale },
      );
    };

    for (const bbox of [
      [121.2, 28.3, 121.4, 28.5], // data around the hazard: frame CM 121.3°E
      [117.5, 27.5, 121.5, 29.5], // data of a wider area: frame CM 119.5°E, the hazard 1.8° east
    ]) {
      const frame = metricFrameFor(bbox);
      const geographic = run(frame, 'EPSG:4326');
      const projected = run(frame, 'EPSG:4549');
      for (let i = 0; i < nVillages; i++) {
        const a = hitsOf(geographic, i), b = hitsOf(projected, i);
        const where = `CM ${frame.centralMeridian}, village ${i}`;
        expect(a.map((x) => [x.h, x.inside]), where).toEqual(b.map((x) => [x.h, x.inside]));
        for (let k = 0; k < a.length; k++) expect(Math.abs(a[k].d - b[k].d), where).toBeLessThanOrEqual(TOLERANCE_M);
        // Both agree with the geodesic distance to the point hazard.
        const toPoint = a.find((x) => x.h === 0);
        expect(toPoint, where).toBeDefined();
        expect(Math.abs(toPoint!.d - vincenty(villages[2 * i], villages[2 * i + 1], ...hazard)), where).toBeLessThanOrEqual(TOLERANCE_M);
      }
      // The village in the square is inside it in both.
      expect(hitsOf(geographic, nVillages - 1).find((x) => x.h === 1)).toEqual({ h: 1, d: 0, inside: true });
      expect(hitsOf(projected, nVillages - 1).find((x) => x.h === 1)).toEqual({ h: 1, d: 0, inside: true });
    }
  });
});
