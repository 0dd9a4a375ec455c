import type { Rng } from '../../src/core/random';
import { chamferDistance, colToX, rowToY } from '../../src/core/raster';
import { adminCellOf, COUNTY_NAME } from './admin';
import { pointInPolygon } from './geometry';
import { adminVillageName, naturalVillageName } from './names';
import type { World } from './world';

/**
 * Natural villages (自然村), placed by weighted sampling with a minimum spacing: density falls
 * with elevation and slope, peaks a little way off the channels, and is zero in channels, the
 * reservoir and on ground steeper than MAX_VILLAGE_SLOPE_DEG. They are grouped into
 * administrative villages (行政村) per township by nearest centre.
 */

export const MAX_VILLAGE_SLOPE_DEG = 25;

export interface AdminVillage {
  code: string;
  name: string;
  townshipIndex: number;
  /** Index (into the villages array) of the centre village, the most populous one. */
  centre: number;
}

export interface Village {
  id: string;
  name: string;
  adminCode: string;
  adminVillage: string;
  townshipCode: string;
  township: string;
  county: string;
  population: number;
  households: number;
  lowIncomeHouseholds: number;
  lowIncomePersons: number;
  houseGradeC: number;
  houseGradeD: number;
  elevationM: number;
  slopeDeg: number;
  /** Internal: DEM cell, map position, township index, admin-village index. */
  cell: number;
  x: number;
  y: number;
  townshipIndex: number;
  adminIndex: number;
}

/** Cells where nothing may be built or settled: channels, the reservoir and the main river's banks. */
export function waterMask(world: World): Uint8Array {
  const { hydro, reservoir, trunk, frame } = world;
  const n = frame.width * frame.height;
  const wet = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (hydro.channel[i] || trunk[i] || (reservoir && reservoir.mask[i])) wet[i] = 1;
  return wet;
}

export function placeVillages(world: World, rng: Rng): { villages: Village[]; adminVillages: AdminVillage[] } {
  const { frame, hydro, townships, townshipOfCell, admin } = world;
  const { width, height, cellSizeMeters } = frame;
  const n = width * height;
  const wet = waterMask(world);
  const distWet = chamferDistance(wet, width, height);
  const countyKm2 = townships.reduce((s, t) => s + t.areaKm2, 0);
  const target = Math.max(12, Math.round(760 * world.options.scale * (countyKm2 / 1100)));
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = townshipOfCell[adminCellOf(frame, admin, i)];
    const s = hydro.slopeDeg[i];
    if (t < 0 || wet[i] || s > MAX_VILLAGE_SLOPE_DEG - 3 || distWet[i] < 2) continue;
    const e = hydro.dem[i];
    const dM = distWet[i] * cellSizeMeters;
    const valley = dM < 700 ? 1 : Math.exp(-(dM - 700) / 500);
    const w = Math.exp(-(e - 80) / 500) * Math.pow(1 - s / MAX_VILLAGE_SLOPE_DEG, 1.5) * valley;
    weights[i] = w;
    total += w;
  }
  const cumulative = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cumulative[i] = acc += weights[i];
  const spacingM = Math.min(450, Math.sqrt((countyKm2 * 1e6) / target) * 0.45);
  const bucketM = spacingM;
  const buckets = new Map<number, number[]>();
  const keyOf = (x: number, y: number): number => Math.floor(x / bucketM) * 100000 + Math.floor(y / bucketM);
  const picked: { cell: number; x: number; y: number; t: number }[] = [];
  for (let tries = 0; tries < target * 60 && picked.length < target; tries++) {
    const u = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    const cell = lo;
    if (weights[cell] <= 0) continue;
    const r = (cell / width) | 0;
    const c = cell - r * width;
    const x = colToX(frame.transform, c);
    const y = rowToY(frame.transform, r);
    let near = false;
    const bx = Math.floor(x / bucketM);
    const by = Math.floor(y / bucketM);
    for (let dx = -1; dx <= 1 && !near; dx++) {
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (const k of buckets.get((bx + dx) * 100000 + by + dy) ?? []) {
          if (Math.hypot(picked[k].x - x, picked[k].y - y) < spacingM) {
            near = true;
            break;
          }
        }
      }
    }
    if (near) continue;
    const t = townshipOfCell[adminCellOf(frame, admin, cell)];
    if (!townships[t].polygons.some((p) => pointInPolygon(p, x, y))) continue;
    const key = keyOf(x, y);
    const list = buckets.get(key);
    if (list) list.push(picked.length);
    else buckets.set(key, [picked.length]);
    picked.push({ cell, x, y, t });
  }
  // Stable order: by township, then west to east, north to south.
  picked.sort((a, b) => a.t - b.t || a.cell - b.cell);

  const villages: Village[] = [];
  const adminVillages: AdminVillage[] = [];
  for (const township of townships) {
    const members = picked.filter((p) => p.t === township.index);
    if (members.length === 0) continue;
    const used = new Set<string>();
    const adminNames = new Set<string>();
    const pops = members.map((p) => {
      const e = hydro.dem[p.cell];
      const base = Math.exp(5.0 + 0.55 * rng.normal()) * (1.3 - Math.min(1, (e - 80) / 1400) * 0.7);
      return Math.max(20, Math.min(800, Math.round(base)));
    });
    // Administrative villages: about five natural villages each, grouped around centres picked
    // far apart (farthest-point seeding) and refined by two rounds of nearest-centre assignment.
    const k = Math.max(1, Math.round(members.length / 5));
    const centres: number[] = [0];
    let best = 0;
    for (let m = 1; m < members.length; m++) if (pops[m] > pops[best]) best = m;
    centres[0] = best;
    const dMin = members.map((p) => Math.hypot(p.x - members[best].x, p.y - members[best].y));
    while (centres.length < k) {
      let far = 0;
      for (let m = 1; m < members.length; m++) if (dMin[m] > dMin[far]) far = m;
      centres.push(far);
      for (let m = 0; m < members.length; m++) dMin[m] = Math.min(dMin[m], Math.hypot(members[m].x - members[far].x, members[m].y - members[far].y));
    }
    let cx = centres.map((c) => members[c].x);
    let cy = centres.map((c) => members[c].y);
    const group = new Int32Array(members.length);
    for (let iter = 0; iter < 3; iter++) {
      for (let m = 0; m < members.length; m++) {
        let g = 0;
        for (let q = 1; q < k; q++) if (Math.hypot(members[m].x - cx[q], members[m].y - cy[q]) < Math.hypot(members[m].x - cx[g], members[m].y - cy[g])) g = q;
        group[m] = g;
      }
      const sx = new Float64Array(k);
      const sy = new Float64Array(k);
      const sn = new Float64Array(k);
      for (let m = 0; m < members.length; m++) {
        sx[group[m]] += members[m].x;
        sy[group[m]] += members[m].y;
        sn[group[m]]++;
      }
      cx = cx.map((v, q) => (sn[q] ? sx[q] / sn[q] : v));
      cy = cy.map((v, q) => (sn[q] ? sy[q] / sn[q] : v));
    }
    // Order admin villages by distance from the township seat, as codes usually run outward.
    const groups = Array.from({ length: k }, (_, q) => q).filter((q) => group.some((g) => g === q));
    const dSeat = (q: number): number => Math.hypot(cx[q] - township.seatX, cy[q] - township.seatY);
    groups.sort((a, b) => dSeat(a) - dSeat(b) || a - b);
    const seatZ = hydro.dem[township.seatCell];
    groups.forEach((q, rank) => {
      const idx = members.map((_, m) => m).filter((m) => group[m] === q);
      idx.sort((a, b) => pops[b] - pops[a] || members[a].cell - members[b].cell);
      const names = idx.map(() => naturalVillageName(rng, used));
      const adminCode = `${township.code}${String(200 + rank + 1).padStart(3, '0')}`;
      const adminName = adminVillageName(names[0], adminNames);
      adminVillages.push({ code: adminCode, name: adminName, townshipIndex: township.index, centre: villages.length });
      idx.forEach((m, seq) => {
        const p = members[m];
        const population = pops[m];
        const households = Math.max(1, Math.round(population / rng.range(2.6, 3.4)));
        const elevationM = hydro.dem[p.cell];
        const high = Math.min(1, Math.max(0, (elevationM - seatZ) / 900));
        const far = Math.min(1, Math.hypot(p.x - township.seatX, p.y - township.seatY) / 12000);
        const share = Math.min(0.85, (0.04 + 0.3 * high + 0.18 * far) * rng.range(0.6, 1.4));
        const lowIncomeHouseholds = Math.min(households, Math.round(households * share));
        const lowIncomePersons = Math.min(population, Math.round(lowIncomeHouseholds * rng.range(1.8, 3.0)));
        const houseGradeC = Math.min(households, Math.round(households * rng.range(0.02, 0.12) * (1 + 1.5 * high)));
        const houseGradeD = Math.min(households - houseGradeC, Math.round(houseGradeC * rng.range(0.1, 0.5)));
        villages.push({
          id: `${adminCode}-${String(seq + 1).padStart(2, '0')}`,
          name: names[seq],
          adminCode,
          adminVillage: adminName,
          townshipCode: township.code,
          township: township.name,
          county: COUNTY_NAME,
          population,
          households,
          lowIncomeHouseholds,
          lowIncomePersons,
          houseGradeC,
          houseGradeD,
          elevationM,
          slopeDeg: Math.round(hydro.slopeDeg[p.cell] * 10) / 10,
          cell: p.cell,
          x: p.x,
          y: p.y,
          townshipIndex: township.index,
          adminIndex: adminVillages.length - 1,
        });
      });
    });
  }
  void height;
  return { villages, adminVillages };
}
