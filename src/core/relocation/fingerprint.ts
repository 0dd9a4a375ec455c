/**
 * A relocation result's fingerprint: a short code printed in the panel, in every export and on
 * the briefing, so two documents can be checked to come from the same answer.
 *
 * It is SHA-256 (a JavaScript implementation, so it works without a secure context) of one
 * canonical JSON text (object keys sorted, no whitespace) holding, in this order:
 * 1. `algorithm`: the version of the analysis (changes when the same inputs would give another answer);
 * 2. `data`: content hashes of the DEM and of every layer the analysis reads (role, CRS,
 *    geometry, the columns as imported; columns derived in the session are left out);
 * 3. `hazards`: the register's hazard settings and buffers;
 * 4. `scenario`: its policy (rules, costs, travel, solver options; not the safety time limit,
 *    which never decides a finished answer), drawn sites, added regions, capacities, the
 *    planner's overrides (status and destination; not their notes) and targets — not its id or name;
 * 5. `result`: every village's status, destination and cost, the indicators and the solver's
 *    status and proven gap, rounded to the units users read.
 * No timing, clock or time zone enters it. The code shown is the hash's first 16 hex digits in
 * four groups.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Grid } from '../types';
import type { ExposureParams, SourceLayer } from '../exposure/analysis';
import type { RelocationFacts, RelocationResult, RelocationScenario } from './analysis';

/** Bumped whenever the same inputs would give a different answer. */
export const RELOCATION_ALGORITHM = 'anju-relocation/2';

/** JSON with object keys sorted and no whitespace; non-finite numbers as strings ("Infinity"). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** SHA-256 of a layer's content (what it is and holds, not when or how it was loaded). */
export function layerHash(layer: SourceLayer): string {
  const h = sha256.create();
  const g = layer.geometry;
  h.update(utf8ToBytes(canonicalJson({ role: layer.role, crs: layer.crs, kind: g.kind })));
  for (const a of [g.coords, g.geomOffsets, g.partOffsets, g.ringOffsets]) h.update(bytesOf(a));
  const columns = layer.columns.filter((c) => !('derived' in c && c.derived)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const c of columns) {
    h.update(utf8ToBytes(canonicalJson({ name: c.name, type: c.type })));
    h.update(c.type === 'string' ? utf8ToBytes(canonicalJson(c.values)) : bytesOf(c.values));
  }
  return bytesToHex(h.digest());
}

/** SHA-256 of a raster's content: size, placement, CRS, no-data value and cells. */
export function gridHash(grid: Grid<Float32Array>): string {
  const h = sha256.create();
  h.update(utf8ToBytes(canonicalJson({ width: grid.width, height: grid.height, transform: grid.transform, crs: grid.crs, nodata: grid.nodata })));
  h.update(bytesOf(grid.data));
  return bytesToHex(h.digest());
}

/** The data part of the fingerprint: the DEM's and the layers' hashes, in a fixed order. */
export function dataHash(dem: Grid<Float32Array> | null, layers: readonly SourceLayer[]): string {
  const hashes = layers.map((l) => `${l.role}:${layerHash(l)}`).sort();
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ dem: dem ? gridHash(dem) : null, layers: hashes }))));
}

/** What of a scenario decides its answer (not its id, name, description, notes or sign-off). */
export function scenarioInputs(s: RelocationScenario): unknown {
  const { timeLimitS: _safetyNet, ...assignment } = s.policy.assignment;
  return {
    policy: { ...s.policy, assignment },
    sites: s.sites ?? [],
    regions: (s.regions ?? []).map((r) => ({ id: r.id, name: r.name, lngLat: r.lngLat, areaHa: r.areaHa })),
    capacities: s.capacities,
    overrides: Object.fromEntries(Object.entries(s.overrides).map(([id, o]) => [id, { status: o.status ?? null, destination: o.destination ?? null }])),
    targets: s.targets ?? null,
  };
}

const yuan = (x: number) => (Number.isFinite(x) ? Math.round(x) : String(x));
const share = (x: number) => (Number.isFinite(x) ? Math.round(x * 10_000) / 10_000 : String(x));
const minutes = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : String(x));

/** The answer as users read it, rounded: villages' status, destination and cost; indicators; the solver's verdict. */
export function resultDigest(facts: RelocationFacts, result: RelocationResult): unknown {
  const i = result.indicators;
  return {
    villages: result.villages.map((r, v) => [facts.villages[v].id, r.status, r.destination >= 0 ? facts.destinations[r.destination].id : '', r.cost ? yuan(r.cost.total) : '']),
    indicators: {
      people: [i.peopleMust, i.peopleMay, i.peopleMoved, i.peopleUnassigned, i.peopleStillExposed, i.peopleInHighRiskZones, i.peopleInsufficient, i.peopleIntoHazard, i.peopleNearIndustry].map(Math.round),
      yuan: [i.totalCost, i.publicCost, i.householdCost, i.repairCost, i.costPerPerson].map(yuan),
      capacityUsed: share(i.capacityUsed),
      minutesAfter: [i.meanAfter.school, i.meanAfter.clinic, i.meanAfter.town].map(minutes),
    },
    solver: { status: result.solver.status, provenGap: share(result.solver.provenGap) },
  };
}

/** The fingerprint (see the module comment) as `xxxx-xxxx-xxxx-xxxx`. */
export function relocationFingerprint(inputs: { data: string; hazards: ExposureParams; scenario: RelocationScenario }, facts: RelocationFacts, result: RelocationResult): string {
  const text = canonicalJson({ algorithm: RELOCATION_ALGORITHM, data: inputs.data, hazards: inputs.hazards, scenario: scenarioInputs(inputs.scenario), result: resultDigest(facts, result) });
  const hex = bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);
  return hex.match(/.{4}/g)!.join('-');
}
