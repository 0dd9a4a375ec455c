import type { Rng } from '../../src/core/random';
import { colToX, rowToY, xToCol, yToRow } from '../../src/core/raster';
import { adminCellOf } from './admin';
import type { AdminVillage, Village } from './villages';
import { waterMask } from './villages';
import type { World } from './world';

/**
 * Destinations for relocation: the county seat, central towns, central villages and existing
 * relocation communities, with capacity, services and land cost; plus schools, clinics.
 */

export type SettlementType = 'county_seat' | 'central_town' | 'central_village' | 'relocation_community';

export interface Settlement {
  id: string;
  name: string;
  type: SettlementType;
  township: string;
  capacityPersons: number;
  usedPersons: number;
  hasSchool: boolean;
  hasClinic: boolean;
  landCostPerM2: number;
  x: number;
  y: number;
  cell: number;
  townshipIndex: number;
}

export interface Facility {
  id: string;
  name: string;
  level: string;
  township: string;
  x: number;
  y: number;
}

/** A flat dry cell between minM and maxM from (x, y), or -1. */
export function findFlatCell(world: World, wet: Uint8Array, x: number, y: number, minM: number, maxM: number, maxSlopeDeg: number, rng: Rng): number {
  const { frame, hydro, county, admin } = world;
  for (let t = 0; t < 200; t++) {
    const a = rng.range(0, 2 * Math.PI);
    const d = rng.range(minM, maxM);
    const c = Math.floor(xToCol(frame.transform, x + d * Math.cos(a)));
    const r = Math.floor(yToRow(frame.transform, y + d * Math.sin(a)));
    if (c < 1 || r < 1 || c >= frame.width - 1 || r >= frame.height - 1) continue;
    const cell = r * frame.width + c;
    if (wet[cell] || hydro.slopeDeg[cell] > maxSlopeDeg || !county[adminCellOf(frame, admin, cell)]) continue;
    return cell;
  }
  return -1;
}

export function placeSettlements(world: World, villages: Village[], adminVillages: AdminVillage[], rng: Rng): Settlement[] {
  const { townships, frame, hydro } = world;
  const wet = waterMask(world);
  const out: Settlement[] = [];
  const at = (cell: number): { x: number; y: number } => {
    const r = (cell / frame.width) | 0;
    return { x: colToX(frame.transform, cell - r * frame.width), y: rowToY(frame.transform, r) };
  };
  const seat = townships[0];
  const cap = Math.round(rng.range(12000, 16000) / 100) * 100;
  out.push({ id: '', name: '示范县城', type: 'county_seat', township: seat.name, capacityPersons: cap, usedPersons: Math.round(cap * rng.range(0.7, 0.85)), hasSchool: true, hasClinic: true, landCostPerM2: Math.round(rng.range(1600, 2400)), x: seat.seatX, y: seat.seatY, cell: seat.seatCell, townshipIndex: 0 });
  for (const t of townships.filter((t) => t.kind === 'town').slice(0, 5)) {
    const c = Math.round(rng.range(1800, 4200) / 50) * 50;
    out.push({ id: '', name: `${t.name}镇区`.replace('镇镇区', '镇区'), type: 'central_town', township: t.name, capacityPersons: c, usedPersons: Math.round(c * rng.range(0.5, 0.85)), hasSchool: true, hasClinic: true, landCostPerM2: Math.round(rng.range(600, 1200)), x: t.seatX, y: t.seatY, cell: t.seatCell, townshipIndex: t.index });
  }
  const countyKm2 = townships.reduce((s, t) => s + t.areaKm2, 0);
  const centralTarget = Math.max(3, Math.round(20 * world.options.scale * Math.min(1, countyKm2 / 1100)));
  const perTownship = new Map<number, number>();
  const candidates = adminVillages
    .map((a) => villages[a.centre])
    .filter((v) => v.slopeDeg < 12 && v.elevationM < 700 && Math.hypot(v.x - townships[v.townshipIndex].seatX, v.y - townships[v.townshipIndex].seatY) > 2000)
    .sort((a, b) => b.population - a.population || a.cell - b.cell);
  for (const v of candidates) {
    if (out.filter((s) => s.type === 'central_village').length >= centralTarget) break;
    if ((perTownship.get(v.townshipIndex) ?? 0) >= 2) continue;
    perTownship.set(v.townshipIndex, (perTownship.get(v.townshipIndex) ?? 0) + 1);
    const c = Math.round(rng.range(300, 900) / 10) * 10;
    out.push({ id: '', name: v.adminVillage, type: 'central_village', township: v.township, capacityPersons: c, usedPersons: Math.round(c * rng.range(0.4, 0.85)), hasSchool: rng.chance(0.5), hasClinic: rng.chance(0.8), landCostPerM2: Math.round(rng.range(200, 500)), x: v.x, y: v.y, cell: v.cell, townshipIndex: v.townshipIndex });
  }
  const hosts = [townships[0], ...townships.filter((t) => t.kind === 'town').slice(0, 2)];
  for (const t of hosts) {
    const cell = findFlatCell(world, wet, t.seatX, t.seatY, 600, 2500, 6, rng);
    if (cell < 0) continue;
    const p = at(cell);
    const c = Math.round(rng.range(800, 2500) / 50) * 50;
    out.push({ id: '', name: `${t.name.replace(/(街道|镇|乡)$/, '')}下山移民安置小区`, type: 'relocation_community', township: t.name, capacityPersons: c, usedPersons: Math.round(c * rng.range(0.3, 0.8)), hasSchool: false, hasClinic: rng.chance(0.5), landCostPerM2: Math.round(rng.range(500, 1400)), x: p.x, y: p.y, cell, townshipIndex: t.index });
  }
  out.forEach((s, k) => (s.id = `ST${String(k + 1).padStart(3, '0')}`));
  void hydro;
  return out;
}

export function placeFacilities(world: World, settlements: Settlement[], rng: Rng): { schools: Facility[]; clinics: Facility[] } {
  const wet = waterMask(world);
  const { frame } = world;
  const schools: Facility[] = [];
  const clinics: Facility[] = [];
  const near = (s: { x: number; y: number }): { x: number; y: number } => {
    const cell = findFlatCell(world, wet, s.x, s.y, 60, 400, 10, rng);
    if (cell < 0) return { x: s.x, y: s.y };
    const r = (cell / frame.width) | 0;
    return { x: colToX(frame.transform, cell - r * frame.width), y: rowToY(frame.transform, r) };
  };
  const seat = settlements[0];
  for (const [name, level] of [['示范县中学', 'senior_high'], ['示范县实验初级中学', 'junior_high'], ['示范县实验小学', 'primary']] as const) schools.push({ id: '', name, level, township: seat.township, ...near(seat) });
  for (const [name, level] of [['示范县人民医院', 'county_hospital'], ['示范县中医院', 'county_hospital']] as const) clinics.push({ id: '', name, level, township: seat.township, ...near(seat) });
  for (const t of world.townships.slice(1)) {
    const stem = t.name;
    const s = { x: t.seatX, y: t.seatY };
    if (t.kind === 'town') schools.push({ id: '', name: `${stem}中学`, level: 'junior_high', township: t.name, ...near(s) });
    schools.push({ id: '', name: `${stem}中心小学`, level: 'primary', township: t.name, ...near(s) });
    clinics.push({ id: '', name: `${stem}卫生院`, level: 'township_health_center', township: t.name, ...near(s) });
  }
  for (const s of settlements.filter((s) => s.type === 'central_village')) {
    if (s.hasSchool) schools.push({ id: '', name: `${s.name}小学`, level: 'primary', township: s.township, ...near(s) });
    if (s.hasClinic) clinics.push({ id: '', name: `${s.name}卫生室`, level: 'village_clinic', township: s.township, ...near(s) });
  }
  schools.forEach((s, k) => (s.id = `SC${String(k + 1).padStart(3, '0')}`));
  clinics.forEach((s, k) => (s.id = `CL${String(k + 1).padStart(3, '0')}`));
  return { schools, clinics };
}
