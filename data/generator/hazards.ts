import type { Rng } from '../../src/core/random';
import { chamferDistance, colToX, rowToY, xToCol, yToRow } from '../../src/core/raster';
import { adminCellOf } from './admin';
import { ellipse, polygonArea, polygonizeMask, simplifyLine, smoothLine, type PolygonXY, type XY } from './geometry';
import type { Village } from './villages';
import { waterMask } from './villages';
import type { World } from './world';

/**
 * Geological hazards: points on steep ground near and above villages (subsidence may be
 * gentle), landslide polygons elongated downslope, debris-flow polygons along steep gullies
 * down to a fan, flood polygons along the main river (low height above it) and the reservoir.
 */

export type HazardType = 'landslide' | 'collapse' | 'debris_flow' | 'subsidence' | 'flood' | 'reservoir';
export type RiskLevel = 'high' | 'medium' | 'low';

/** Minimum slope (degrees) of a landslide, collapse or debris-flow point. */
export const MIN_STEEP_HAZARD_SLOPE_DEG = 25;

export interface HazardPoint {
  id: string;
  name: string;
  type: HazardType;
  riskLevel: RiskLevel;
  threatRadiusM: number;
  threatenedPersons: number;
  threatenedHouseholds: number;
  surveyYear: number;
  villageId: string;
  x: number;
  y: number;
  cell: number;
  slopeDeg: number;
}

export interface HazardZone {
  id: string;
  name: string;
  type: HazardType;
  riskLevel: RiskLevel;
  threatenedPersons: number;
  surveyYear: number;
  polygon: PolygonXY;
}

const TYPE_ZH: Record<string, string> = { landslide: '滑坡', collapse: '崩塌', debris_flow: '泥石流', subsidence: '地面塌陷' };

function pickRisk(rng: Rng): RiskLevel {
  const u = rng.next();
  return u < 0.2 ? 'high' : u < 0.65 ? 'medium' : 'low';
}

export function placeHazardPoints(world: World, villages: Village[], rng: Rng): HazardPoint[] {
  const { frame, hydro, admin, county } = world;
  const { width, height } = frame;
  const wet = waterMask(world);
  const countyKm2 = world.townships.reduce((s, t) => s + t.areaKm2, 0);
  const target = Math.max(8, Math.round(250 * world.options.scale * (countyKm2 / 1100)));
  const points: HazardPoint[] = [];
  const names = new Set<string>();
  const cellKm2 = (frame.cellSizeMeters * frame.cellSizeMeters) / 1e6;
  for (let attempt = 0; attempt < target * 20 && points.length < target; attempt++) {
    const v = villages[rng.int(0, villages.length)];
    const u = rng.next();
    const type: HazardType = u < 0.55 ? 'landslide' : u < 0.77 ? 'collapse' : u < 0.9 ? 'debris_flow' : 'subsidence';
    let found = -1;
    for (let t = 0; t < 40 && found < 0; t++) {
      const ang = rng.range(0, 2 * Math.PI);
      const d = type === 'subsidence' ? rng.range(40, 300) : rng.range(80, 800);
      const c = Math.floor(xToCol(frame.transform, v.x + d * Math.cos(ang)));
      const r = Math.floor(yToRow(frame.transform, v.y + d * Math.sin(ang)));
      if (c < 1 || r < 1 || c >= width - 1 || r >= height - 1) continue;
      const cell = r * width + c;
      if (!county[adminCellOf(frame, admin, cell)] || wet[cell]) continue;
      const s = hydro.slopeDeg[cell];
      if (type === 'subsidence') {
        if (s < 15) found = cell;
      } else if (s >= MIN_STEEP_HAZARD_SLOPE_DEG + 1 && hydro.dem[cell] > v.elevationM + 10) {
        if (type !== 'debris_flow' || hydro.routing.areaM2[cell] >= 0.03e6) found = cell;
      }
    }
    if (found < 0) continue;
    const r = (found / width) | 0;
    const x = colToX(frame.transform, found - r * width);
    const y = rowToY(frame.transform, r);
    if (points.some((p) => Math.hypot(p.x - x, p.y - y) < 120)) continue;
    let name = v.name + TYPE_ZH[type];
    for (const prefix of ['后山', '东侧', '西侧', '北坡', '南坡', '上方']) {
      if (!names.has(name)) break;
      name = v.name + prefix + TYPE_ZH[type];
    }
    if (names.has(name)) continue;
    names.add(name);
    const persons = Math.max(1, Math.min(v.population, Math.round(v.population * rng.range(0.05, 0.6))));
    points.push({
      id: '',
      name,
      type,
      riskLevel: pickRisk(rng),
      threatRadiusM: Math.round(rng.range(50, type === 'debris_flow' ? 400 : 250) / 10) * 10,
      threatenedPersons: persons,
      threatenedHouseholds: Math.max(1, Math.round(persons / 3)),
      surveyYear: rng.int(2016, 2026),
      villageId: v.id,
      x,
      y,
      cell: found,
      slopeDeg: Math.round(hydro.slopeDeg[found] * 10) / 10,
    });
  }
  void cellKm2;
  points.forEach((p, k) => (p.id = `HP${String(k + 1).padStart(4, '0')}`));
  return points;
}

/** Downslope unit vector at a cell from central differences (x east, y north). */
function downslope(world: World, cell: number): XY {
  const { width } = world.frame;
  const dem = world.hydro.dem;
  const gx = dem[cell + 1] - dem[cell - 1];
  const gy = dem[cell - width] - dem[cell + width];
  const len = Math.hypot(gx, gy) || 1;
  return [-gx / len, -gy / len];
}

export function buildHazardZones(world: World, villages: Village[], points: HazardPoint[], rng: Rng): HazardZone[] {
  const zones: HazardZone[] = [];
  const { frame, hydro, trunk, reservoir } = world;
  const { width, height } = frame;
  const scale = world.options.scale * Math.min(1, world.townships.reduce((s, t) => s + t.areaKm2, 0) / 1100);
  const landslides = points.filter((p) => p.type === 'landslide').slice(0, Math.max(3, Math.round(40 * scale)));
  for (const p of landslides) {
    const [dx, dy] = downslope(world, p.cell);
    const len = rng.range(120, 420);
    const wid = len * rng.range(0.3, 0.55);
    const cx = p.x + dx * len * 0.35;
    const cy = p.y + dy * len * 0.35;
    const jit = Array.from({ length: 20 }, () => rng.range(0.88, 1.1));
    zones.push({ id: '', name: `${p.name}隐患区`, type: 'landslide', riskLevel: p.riskLevel, threatenedPersons: p.threatenedPersons, surveyYear: p.surveyYear, polygon: ellipse(cx, cy, len / 2, wid / 2, Math.atan2(dy, dx), 20, (k) => jit[k]) });
  }
  // Debris flows: from a steep gully down the flow path until the ground flattens (the fan).
  const gullies = points.filter((p) => p.type === 'debris_flow');
  const steep = points.filter((p) => p.type === 'landslide' || p.type === 'collapse').slice(landslides.length);
  const debrisTarget = Math.max(2, Math.round(15 * scale));
  for (const p of gullies.concat(steep)) {
    if (zones.filter((z) => z.type === 'debris_flow').length >= debrisTarget) break;
    const path: XY[] = [];
    let c = p.cell;
    for (let k = 0; k < 120; k++) {
      const r = (c / width) | 0;
      path.push([colToX(frame.transform, c - r * width), rowToY(frame.transform, r)]);
      if (hydro.slopeDeg[c] < 8 && k > 6) break;
      const next = hydro.routing.receiver[c];
      if (next === c || trunk[next] || (reservoir && reservoir.mask[next])) break;
      c = next;
    }
    if (path.length < 6) continue;
    const line = smoothLine(simplifyLine(path, 25));
    const left: XY[] = [];
    const right: XY[] = [];
    for (let k = 0; k < line.length; k++) {
      const a = line[Math.max(0, k - 1)];
      const b = line[Math.min(line.length - 1, k + 1)];
      const tx = b[0] - a[0];
      const ty = b[1] - a[1];
      const tl = Math.hypot(tx, ty) || 1;
      const w = 25 + (45 * k) / (line.length - 1);
      left.push([line[k][0] - (ty / tl) * w, line[k][1] + (tx / tl) * w]);
      right.push([line[k][0] + (ty / tl) * w, line[k][1] - (tx / tl) * w]);
    }
    const end = line[line.length - 1];
    const prev = line[line.length - 2];
    const dir = Math.atan2(end[1] - prev[1], end[0] - prev[0]);
    const fanR = rng.range(120, 260);
    const fan: XY[] = [];
    for (let k = 0; k <= 10; k++) {
      const t = dir + Math.PI / 2 - (Math.PI * k) / 10;
      fan.push([end[0] + Math.cos(t) * fanR, end[1] + Math.sin(t) * fanR]);
    }
    const ring = [...left, ...fan, ...right.reverse()];
    ring.push(ring[0]);
    zones.push({ id: '', name: p.name.replace(/(滑坡|崩塌)$/, '') + (p.type === 'debris_flow' ? '隐患区' : '沟泥石流隐患区'), type: 'debris_flow', riskLevel: p.riskLevel, threatenedPersons: p.threatenedPersons, surveyYear: p.surveyYear, polygon: [ring] });
  }
  // Flood zones: low ground near the main river, by height above the trunk cell the flow reaches.
  const { order, count, receiver } = hydro.routing;
  const trunkZ = new Float32Array(width * height).fill(NaN);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    trunkZ[i] = trunk[i] ? hydro.dem[i] : trunkZ[receiver[i]];
  }
  const distTrunk = chamferDistance(trunk, width, height);
  const f = 2;
  const fw = Math.ceil(width / f);
  const fh = Math.ceil(height / f);
  const flood = new Uint8Array(fw * fh);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      if (!world.inData[i] || !(hydro.dem[i] - trunkZ[i] <= 5) || distTrunk[i] * frame.cellSizeMeters > 1500) continue;
      if (reservoir && reservoir.mask[i]) continue;
      flood[((r / f) | 0) * fw + ((c / f) | 0)] = 1;
    }
  }
  const ft = [frame.transform[0], frame.transform[1] * f, 0, frame.transform[3], 0, frame.transform[5] * f] as typeof frame.transform;
  const floodPolys = polygonizeMask(flood, fw, fh, ft, { minAreaM2: 0.15e6, simplifyToleranceM: 20 });
  floodPolys.sort((a, b) => polygonArea(b) - polygonArea(a));
  floodPolys.forEach((poly, k) => {
    const persons = villages.filter((v) => poly.length && pointInRing(poly[0], v.x, v.y)).reduce((s, v) => s + v.population, 0);
    zones.push({ id: '', name: `示范江洪水淹没区${k + 1}`, type: 'flood', riskLevel: k % 3 === 0 ? 'high' : 'medium', threatenedPersons: persons, surveyYear: 2020 + (k % 5), polygon: poly });
  });
  if (reservoir) {
    const polys = polygonizeMask(reservoir.mask, width, height, frame.transform, { simplifyToleranceM: 15 });
    polys.sort((a, b) => polygonArea(b) - polygonArea(a));
    if (polys.length) {
      const [dx, dy] = [(reservoir.dam[0][0] + reservoir.dam[1][0]) / 2, (reservoir.dam[0][1] + reservoir.dam[1][1]) / 2];
      const below = villages.filter((v) => v.elevationM < reservoir.levelM && Math.hypot(v.x - dx, v.y - dy) < 3000);
      zones.push({ id: '', name: '示范水库库区', type: 'reservoir', riskLevel: 'medium', threatenedPersons: below.reduce((s, v) => s + v.population, 0), surveyYear: 2019, polygon: polys[0] });
    }
  }
  zones.forEach((z, k) => (z.id = `HZ${String(k + 1).padStart(4, '0')}`));
  return zones;
}

function pointInRing(ring: XY[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
