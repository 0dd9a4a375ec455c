/**
 * The relocation analysis on prepared facts: who must move and why, what each move costs, the
 * capacity-constrained assignment of whole villages, every choice explained, the planner's
 * overrides applied, and the indicators a scenario is judged by. Pure: the facts (travel
 * minutes, hazard hits) come from the worker that measured them, HiGHS is passed in.
 */
import type { Highs } from 'highs';
import { solveAssignment, type AssignmentInput, type SolveStatus } from './assign';
import type { CostPolicy, EligibilityRules, HazardAction, RelocationPolicy } from './policy';
import { hazardRiskLevel, type DestinationKind, type RiskLevel, type VillageStatus } from '../vocabulary';
import { regionCapacity } from './sites';

export { VILLAGE_STATUSES, type VillageStatus } from '../vocabulary';

/** Minutes to the nearest of each kind of service (Infinity when unreachable). */
export interface ServiceMinutes {
  town: number;
  school: number;
  clinic: number;
}

/** One hazard hit of a village or destination, from the exposure analysis (nearest first). */
export interface HazardHit {
  id: string;
  /** The hazard's name in its layer (absent or null when it has none: users then read its id). */
  name?: string | null;
  type: string;
  /** 1 low, 2 medium, 3 high. */
  level: number;
  /** Metres from the hazard's edge (0 inside). */
  distanceM: number;
  /** Inside the zone: the polygon, or a point hazard's threat circle (not the register's wider buffer). */
  zone: boolean;
}

/** What a village lacks for the rules to judge it: no people, outside the DEM, no path to a town. */
export type DataGap = 'no_population' | 'no_dem' | 'no_path';

export interface VillageFacts {
  id: string;
  name: string;
  township: string | null;
  county: string | null;
  lngLat: [number, number];
  population: number;
  households: number;
  lowIncomePersons: number;
  lowIncomeHouseholds: number;
  houseGradeC: number;
  houseGradeD: number;
  elevationM: number;
  /** Every hazard hit (inside or within its buffer); any hit means exposed while it stays. */
  hazards: HazardHit[];
  before: ServiceMinutes;
  /** What is missing to judge it (empty when nothing is). */
  gaps: DataGap[];
}

export interface DestinationFacts {
  id: string;
  name: string;
  type: DestinationKind;
  township: string | null;
  county: string | null;
  lngLat: [number, number];
  capacity: number;
  used: number;
  /** The settlement's own land price, NaN when it has none. */
  landCostPerM2: number;
  /** The register's hazard check: every hit (inside or within its buffer). */
  hazards: HazardHit[];
  services: ServiceMinutes;
  /** A new site from the suitability analysis: its area (ha), from which its capacity follows. */
  areaHa?: number;
  /** Drawn in the scenario: its capacity is the planner's, whatever the new-site settings. */
  drawn?: boolean;
  /** An outline rather than a point: a hit only at its edge by a low-risk buffer warns. */
  polygon?: boolean;
}

/**
 * A candidate region of the suitability analysis the planner added to a scenario: a snapshot
 * saved with the scenario, so its result never depends on what else is in memory.
 */
export interface ScenarioRegion {
  id: string;
  /** Its rank, e.g. 候选区 3 (the analysis puts its township before it). */
  name: string;
  /** Rank in the suitability run it was taken from (1 = best). */
  rank: number;
  lngLat: [number, number];
  areaHa: number;
  /** Mean suitability score (0–100) of the region when it was added. */
  score: number;
  /** When it was added (ISO date), and from which suitability model. */
  addedAt: string;
  model: string;
}

/** A candidate region of the suitability analysis, or a site drawn in a scenario, offered as a destination. */
export interface NewSite {
  id: string;
  name: string;
  /** Where travel starts and ends (a polygon's representative point). */
  lngLat: [number, number];
  /** The outline when drawn as a polygon (longitude/latitude), for the hazard check. */
  ring?: [number, number][];
  areaHa?: number;
  /** Persons it can take; when absent, area × the scenario's new-site density. */
  capacity?: number;
  /** Drawn by the planner (kept whatever the new-site settings), not a suitability region. */
  drawn?: boolean;
}

/** A place of jobs: an industrial park of the project or an industry site drawn in a scenario. */
export interface IndustrySite {
  id: string;
  name: string;
  lngLat: [number, number];
  /** Jobs it offers, NaN when unknown. */
  jobs: number;
}

export interface RelocationFacts {
  villages: VillageFacts[];
  destinations: DestinationFacts[];
  /** Travel minutes village v → destination d at [v·D + d]; Infinity when no path. */
  od: Float32Array;
  /** How the minutes were measured, for the record. */
  travel: { cellM: number; width: number; height: number; elapsedMs: number };
  /** Industry sites and the minutes destination d → site j at [d·J + j]. */
  industry: { sites: IndustrySite[]; minutes: Float32Array };
}

export interface VillageOverride {
  status?: VillageStatus;
  /** Destination id the planner chose. */
  destination?: string;
  note: string;
}

/**
 * A site the planner drew in a scenario: a relocation site (a destination with its capacity in
 * persons) or an industry site (jobs; counted in the job-access indicator). Longitude/latitude.
 */
export interface DrawnSite {
  id: string;
  name: string;
  kind: 'relocation' | 'industry';
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };
  /** Persons (relocation site). */
  capacity: number;
  /** Jobs (industry site). */
  jobs: number;
}

/** What the scenario must achieve; a result that misses one raises an alert. */
export interface ScenarioTargets {
  /** Public cost cap, yuan (null: none). */
  budgetYuan: number | null;
}

/** The planner's sign-off (定稿) of a scenario's result: who, when, and the result's fingerprint. */
export interface SignOff {
  by: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
  fingerprint: string;
}

export interface RelocationScenario {
  id: string;
  name: string;
  /** The planner's words on what this alternative is. */
  description?: string;
  policy: RelocationPolicy;
  /** Sites drawn on the map: destinations and industry of this scenario only. */
  sites?: DrawnSite[];
  /** Suitability candidate regions the planner added as new sites (snapshots). */
  regions?: ScenarioRegion[];
  /** Set by the planner; cleared by any edit to the scenario's inputs. */
  signOff?: SignOff;
  targets?: ScenarioTargets;
  /** Capacity (persons) by destination id, replacing the layer's. */
  capacities: Record<string, number>;
  overrides: Record<string, VillageOverride>;
}

export type ReasonCode = 'hazard_high' | 'hazard_medium' | 'reservoir' | 'high_remote' | 'key_village' | 'high' | 'remote' | DataGap;
export interface Reason {
  code: ReasonCode;
  /** The hazard's name and type code, the elevation, minutes, share… as the message needs. */
  params: Record<string, string | number>;
}

export interface CostBreakdown {
  subsidy: number;
  construction: number;
  land: number;
  infrastructure: number;
  demolition: number;
  moving: number;
  /** Paid by government: subsidy, land, infrastructure, demolition and the uncovered gap's public part. */
  public: number;
  household: number;
  total: number;
}

export type LossReason = 'cost' | 'capacity' | 'hazard' | 'constraint' | 'unreachable';
export interface Alternative {
  destination: number;
  cost: number;
  minutes: number;
  /** Objective difference from the chosen destination (yuan; negative when it was cheaper). */
  delta: number;
  why: LossReason;
}

export type AlertCode = 'over_capacity' | 'destination_hazard' | 'destination_warning' | 'constraint' | 'unreachable' | 'unassigned' | 'override_missing';

/**
 * The hazard check of one destination under the scenario's rule table: the hit that rules it
 * out (null when none does) and the hits that only warn.
 */
export interface DestinationCheck {
  action: HazardAction;
  excluding: HazardHit | null;
  warnings: HazardHit[];
}

/** Why a destination received nobody. */
export type IdleReason =
  | { why: 'capacity' }
  | { why: 'hazard'; hazard: string; type: string }
  | { why: 'constraint' }
  | { why: 'unreachable' }
  | { why: 'nobody' }
  /** The village it suits best went elsewhere: this many minutes farther (negative: nearer) and this much dearer per person here (cost with the weight of access to services). */
  | { why: 'worse'; village: string; minutes: number; yuanPerPerson: number };

/**
 * A village the planner placed at a destination the hazard rules exclude: allowed, but a red
 * alert until justified (the override's note), and its people count as still exposed.
 */
export interface RedAlert {
  village: number;
  destination: number;
  hazard: HazardHit;
  justified: boolean;
}
export interface Alert {
  code: AlertCode;
  params: Record<string, string | number>;
}

export interface VillageResult {
  status: VillageStatus;
  autoStatus: VillageStatus;
  reasons: Reason[];
  note: string | null;
  /** It is to move in this scenario (must, or may when the scenario moves those too). */
  moves: boolean;
  destination: number;
  overridden: boolean;
  cost: CostBreakdown | null;
  /** Objective of the move: cost + λ·people·service minutes. */
  objective: number;
  /** Cost of repairing in place (C-grade reinforcement, D-grade rebuilding); null in a hazard zone. */
  repair: number | null;
  minutes: number;
  after: ServiceMinutes | null;
  alternatives: Alternative[];
  alerts: Alert[];
}

export interface DestinationResult {
  check: DestinationCheck;
  /** Why it received nobody (null when it received someone). */
  idle: IdleReason | null;
  /** A suitability region's capacity: area × density, capped per site. */
  derivation: { areaHa: number; density: number; cap: number; capped: boolean } | null;
  /** Industry sites within INDUSTRY_MINUTES, and their jobs where known. */
  industryNear: number;
  jobsNear: number;
  capacity: number;
  used: number;
  free: number;
  assigned: number;
  villages: number;
  alerts: Alert[];
}

export interface TownshipRow {
  township: string;
  villages: number;
  people: number;
  mustPeople: number;
  movedPeople: number;
  totalCost: number;
  publicCost: number;
}

export interface Indicators {
  peopleMust: number;
  peopleMay: number;
  /** Villages and people the rules cannot judge for missing data (counted apart). */
  villagesInsufficient: number;
  peopleInsufficient: number;
  /** People placed by the planner at destinations the hazard rules exclude (still exposed). */
  peopleIntoHazard: number;
  villagesMust: number;
  peopleMoved: number;
  villagesMoved: number;
  peopleUnassigned: number;
  peopleStillExposed: number;
  totalCost: number;
  publicCost: number;
  householdCost: number;
  repairCost: number;
  costPerPerson: number;
  /** People assigned ÷ free capacity offered, 0–1. */
  capacityUsed: number;
  /** People still exposed (not moving) by the highest hazard level that hits them. */
  stillExposedByLevel: Record<RiskLevel, number>;
  /** People who stay inside a high-risk zone of a counted hazard type (the target is none). */
  peopleInHighRiskZones: number;
  /** Mean minutes to the nearest school, clinic and town after the move, over the people moved (reachable ones). */
  meanAfter: ServiceMinutes;
  /** People moved to a destination with an industrial park or industry site within 30 minutes. */
  peopleNearIndustry: number;
  /** Destinations given more people than their capacity (by overrides). */
  destinationsOver: number;
}

/** Minutes within which an industry site counts as reachable from a destination. */
export const INDUSTRY_MINUTES = 30;

/** Whether destination d reaches industry site j within INDUSTRY_MINUTES. */
export function reachesIndustry(facts: RelocationFacts, d: number, j: number): boolean {
  return facts.industry.minutes[d * facts.industry.sites.length + j] <= INDUSTRY_MINUTES;
}

/** A destination that must grow for every village to find room (first choices of the unplaced). */
export interface Shortage {
  destination: number;
  shortBy: number;
  villages: string[];
}

export interface SolverReport {
  status: SolveStatus | 'none';
  /** Relative distance of the cost from a proven lower bound on the full problem (NaN: none). */
  provenGap: number;
  /** People placed, the proven most that could be (NaN when not proven), and a proven upper bound on it. */
  placed: number;
  maxPlaced: number;
  placedBound: number;
  arcs: number;
  pricing: { rounds: number; added: number; complete: boolean };
  /** Deterministic effort (branch-and-bound nodes, simplex iterations). */
  work: { nodes: number; lpIterations: number };
  elapsedMs: number;
  villages: number;
}

export interface RelocationResult {
  scenarioId: string;
  villages: VillageResult[];
  destinations: DestinationResult[];
  townships: TownshipRow[];
  indicators: Indicators;
  solver: SolverReport;
  shortages: Shortage[];
  /** Unplaced villages with no allowed destination at all. */
  noDestination: string[];
  /** Planner placements at destinations the hazard rules exclude. */
  redAlerts: RedAlert[];
  /** The answer's fingerprint (see fingerprint.ts), set by whoever knows the data it came from; empty until then. */
  fingerprint: string;
}

/** A hazard as users read it: its name (its id when it has none) and its type's code. */
const hazardParams = (h: HazardHit) => ({ name: h.name || h.id, type: h.type });

/**
 * Status and reasons of a village under the rules (before any override). Missing data never
 * decides a move: a village with no people, outside the DEM or with no path to a town is
 * 数据不足 unless a hazard (which is known) already makes it move.
 */
export function classify(v: VillageFacts, rules: EligibilityRules): { status: VillageStatus; reasons: Reason[] } {
  const must: Reason[] = [];
  const may: Reason[] = [];
  const counted = (h: HazardHit) => rules.hazardTypes.includes(h.type);
  const high = v.hazards.find((h) => h.level === 3 && h.zone && counted(h));
  const medium = v.hazards.find((h) => h.level === 2 && counted(h) && h.distanceM <= rules.mediumRiskDistanceM);
  const reservoir = v.hazards.find((h) => h.type === 'reservoir' && h.zone);
  if (high) must.push({ code: 'hazard_high', params: { ...hazardParams(high), m: Math.round(high.distanceM) } });
  if (medium) must.push({ code: 'hazard_medium', params: { ...hazardParams(medium), m: Math.round(medium.distanceM) } });
  if (reservoir) must.push({ code: 'reservoir', params: hazardParams(reservoir) });
  const gaps: Reason[] = v.gaps.map((code) => ({ code, params: {} }));
  if (v.gaps.includes('no_population')) return { status: 'insufficient', reasons: [...gaps, ...must] };
  if (gaps.length > 0 && must.length === 0) return { status: 'insufficient', reasons: gaps };
  const isHigh = v.elevationM >= rules.highElevationM;
  const remote = Number.isFinite(v.before.town) && v.before.town >= rules.remoteTownMinutes;
  const elevation = Math.round(v.elevationM);
  const minutes = Number.isFinite(v.before.town) ? Math.round(v.before.town) : '∞';
  if (isHigh && remote) must.push({ code: 'high_remote', params: { elevation, minutes } });
  else if (isHigh) may.push({ code: 'high', params: { elevation } });
  else if (remote) may.push({ code: 'remote', params: { minutes } });
  if (v.households > 0 && v.lowIncomeHouseholds / v.households > rules.keyVillageShare) {
    may.push({ code: 'key_village', params: { share: Math.round((100 * v.lowIncomeHouseholds) / v.households) } });
  }
  if (must.length > 0) return { status: 'must', reasons: [...must, ...may, ...gaps] };
  return { status: may.length > 0 ? 'may' : 'stay', reasons: may };
}

/** What moving village v to destination d costs under the policy (travel `minutes` for moving). */
export function moveCost(v: VillageFacts, d: DestinationFacts, minutes: number, p: CostPolicy): CostBreakdown {
  const low = Math.min(v.lowIncomePersons, v.population);
  const other = v.population - low;
  const subsidy = low * p.subsidyLowIncome + other * p.subsidyOther;
  const construction = (low * p.housingM2LowIncome + other * p.housingM2Other) * p.constructionPerM2[d.type];
  const landPrice = Number.isFinite(d.landCostPerM2) ? d.landCostPerM2 : p.landCostPerM2[d.type];
  const land = v.households * p.landM2PerHousehold * landPrice;
  const infrastructure = v.households * p.infrastructurePerHousehold[d.type];
  const demolition = v.households * p.demolitionPerHousehold;
  const moving = v.households * (p.movingPerHousehold + p.movingPerHouseholdMinute * (Number.isFinite(minutes) ? minutes : 0));
  const gap = Math.max(0, construction + moving - subsidy);
  const household = p.householdShare * gap;
  const publicPart = subsidy + land + infrastructure + demolition + (gap - household);
  return { subsidy, construction, land, infrastructure, demolition, moving, public: publicPart, household, total: publicPart + household };
}

/** Repairing in place: reinforce C-grade houses, rebuild D-grade ones where they stand. Null in a hazard zone. */
export function repairCost(v: VillageFacts, p: CostPolicy): number | null {
  if (v.hazards.some((h) => h.zone && h.type !== 'flood')) return null;
  return v.houseGradeC * p.repairPerHouseC + v.houseGradeD * p.rebuildPerHouseD;
}

/** Service minutes counted in the objective: capped so an unreachable service weighs, but finitely. */
const SERVICE_CAP_MIN = 240;
export function serviceMinutes(s: ServiceMinutes): number {
  return Math.min(SERVICE_CAP_MIN, s.town) + Math.min(SERVICE_CAP_MIN, s.school) + Math.min(SERVICE_CAP_MIN, s.clinic);
}

/**
 * The hazard check of a destination under the rule table (every hazard type, whatever the rules
 * count for who must move). A hit with no rule (a type the table lacks) excludes: a destination
 * is never silently safe. A polygon touched only at its edge by a low-risk buffer warns.
 */
export function checkDestination(d: DestinationFacts, rules: EligibilityRules): DestinationCheck {
  let excluding: HazardHit | null = null;
  const warnings: HazardHit[] = [];
  for (const h of d.hazards) {
    const rule = rules.destinationHazards[h.type as keyof EligibilityRules['destinationHazards']];
    const level = Math.min(3, Math.max(1, h.level)) - 1;
    let action: HazardAction = rule ? (h.zone ? rule.inside : rule.buffer)[level] : 'exclude';
    if (action === 'exclude' && d.polygon && !h.zone && h.level <= 1) action = 'warn';
    if (action === 'exclude') excluding ??= h;
    else if (action === 'warn') warnings.push(h);
  }
  return { action: excluding ? 'exclude' : warnings.length > 0 ? 'warn' : 'allow', excluding, warnings };
}

/** Why village v may not go to destination d (null when it may). */
export function barrier(v: VillageFacts, d: DestinationFacts, minutes: number, policy: RelocationPolicy, check: DestinationCheck = checkDestination(d, policy.rules)): LossReason | null {
  if (check.excluding) return 'hazard';
  if (policy.assignment.sameTownship && d.township !== v.township) return 'constraint';
  if (policy.assignment.sameCounty && d.county !== null && v.county !== null && d.county !== v.county) return 'constraint';
  if (!Number.isFinite(minutes)) return 'unreachable';
  return null;
}

/** Everything one village's move to one destination is judged by. */
function arc(facts: RelocationFacts, policy: RelocationPolicy, checks: DestinationCheck[], v: number, d: number) {
  const D = facts.destinations.length;
  const village = facts.villages[v];
  const dest = facts.destinations[d];
  const minutes = facts.od[v * D + d];
  const cost = moveCost(village, dest, minutes, policy.cost);
  return { minutes, cost, objective: cost.total + policy.assignment.lambda * village.population * serviceMinutes(dest.services), barrier: barrier(village, dest, minutes, policy, checks[d]) };
}

export interface RunOptions {
  /** Skip the solver and keep these destinations (by village index; -1 none): an override's instant update. */
  keep?: Int32Array;
  onProgress?: (stage: 'assign' | 'explain') => void;
}

/**
 * Runs a scenario on the facts. With `keep`, the assignment is not solved again: only the
 * planner's overrides change, and capacities, costs and alerts follow at once.
 */
export function runScenario(highs: Highs | null, facts: RelocationFacts, scenario: RelocationScenario, options: RunOptions = {}): RelocationResult {
  const { policy } = scenario;
  const V = facts.villages.length;
  const D = facts.destinations.length;
  const destIndex = new Map(facts.destinations.map((d, i) => [d.id, i]));

  // Status, with the planner's overrides.
  const villages: VillageResult[] = facts.villages.map((v) => {
    const auto = classify(v, policy.rules);
    const o = scenario.overrides[v.id];
    const status = o?.status ?? auto.status;
    return {
      status,
      autoStatus: auto.status,
      reasons: auto.reasons,
      note: o?.note || null,
      moves: status === 'must' || (status === 'may' && policy.assignment.includeMay),
      destination: -1,
      overridden: false,
      cost: null,
      objective: NaN,
      repair: repairCost(v, policy.cost),
      minutes: NaN,
      after: null,
      alternatives: [],
      alerts: [],
    };
  });

  // Capacity: the layer's, a suitability region's (area × density, capped per site), or the
  // scenario's, less people already there and those placed by hand. Drawn sites carry the
  // planner's capacity.
  const checks = facts.destinations.map((d) => checkDestination(d, policy.rules));
  const derivation = facts.destinations.map((d) => (d.areaHa !== undefined && !d.drawn ? regionCapacity(d.areaHa, policy.assignment) : null));
  const capacity = facts.destinations.map((d, i) => scenario.capacities[d.id] ?? derivation[i]?.persons ?? d.capacity);
  const free = facts.destinations.map((d, i) => Math.max(0, capacity[i] - d.used));
  const remaining = Float64Array.from(free);
  const fixed = new Int32Array(V).fill(-1);
  for (let v = 0; v < V; v++) {
    const o = scenario.overrides[facts.villages[v].id];
    if (!villages[v].moves || !o?.destination) continue;
    const d = destIndex.get(o.destination);
    if (d === undefined) {
      villages[v].alerts.push({ code: 'override_missing', params: { destination: o.destination } });
      continue;
    }
    fixed[v] = d;
    villages[v].overridden = true;
    remaining[d] -= facts.villages[v].population;
  }

  // The villages the solver places.
  const movers: number[] = [];
  for (let v = 0; v < V; v++) if (villages[v].moves && fixed[v] < 0) movers.push(v);
  const arcs = new Map<number, ReturnType<typeof arc>>();
  const arcOf = (v: number, d: number) => {
    const key = v * D + d;
    let a = arcs.get(key);
    if (!a) arcs.set(key, (a = arc(facts, policy, checks, v, d)));
    return a;
  };
  let solver: SolverReport = { status: 'none', provenGap: NaN, placed: 0, maxPlaced: NaN, placedBound: NaN, arcs: 0, pricing: { rounds: 0, added: 0, complete: false }, work: { nodes: 0, lpIterations: 0 }, elapsedMs: 0, villages: movers.length };
  const chosen = Int32Array.from(fixed);
  if (options.keep) {
    for (const v of movers) chosen[v] = options.keep[v] ?? -1;
  } else if (movers.length > 0 && highs) {
    options.onProgress?.('assign');
    const K = policy.assignment.nearestK;
    const input: AssignmentInput = {
      people: Float64Array.from(movers, (v) => facts.villages[v].population),
      capacity: Float64Array.from(remaining, (r) => Math.max(0, r)),
      cost: (i, d) => {
        const a = arcOf(movers[i], d);
        return a.barrier ? Infinity : a.objective;
      },
      candidates: (i) => {
        const v = movers[i];
        const order: number[] = [];
        for (let d = 0; d < D; d++) if (!arcOf(v, d).barrier) order.push(d);
        // Nearest first; equal minutes by index, so the start never depends on sort stability.
        order.sort((a, b) => facts.od[v * D + a] - facts.od[v * D + b] || a - b);
        return order.slice(0, K);
      },
    };
    const s = solveAssignment(highs, input, { safetyTimeLimitS: policy.assignment.timeLimitS, relGap: policy.assignment.relGap });
    movers.forEach((v, i) => (chosen[v] = s.destination[i]));
    solver = { status: s.status, provenGap: s.provenGap, placed: s.placed, maxPlaced: s.maxPlaced, placedBound: s.placedBound, arcs: s.arcs, pricing: s.pricing, work: s.work, elapsedMs: s.elapsedMs, villages: movers.length };
  }

  // Costs, loads and alerts.
  options.onProgress?.('explain');
  const redAlerts: RedAlert[] = [];
  const load = new Float64Array(D);
  const count = new Uint32Array(D);
  for (let v = 0; v < V; v++) {
    const r = villages[v];
    if (!r.moves) continue;
    const d = chosen[v];
    if (d < 0) continue;
    const a = arcOf(v, d);
    r.destination = d;
    r.cost = a.cost;
    r.objective = a.objective;
    r.minutes = a.minutes;
    r.after = facts.destinations[d].services;
    load[d] += facts.villages[v].population;
    count[d]++;
    const dest = facts.destinations[d];
    const excluding = checks[d].excluding;
    if (excluding) {
      r.alerts.push({ code: 'destination_hazard', params: { destination: dest.id, hazard: excluding.name || excluding.id, type: excluding.type } });
      redAlerts.push({ village: v, destination: d, hazard: excluding, justified: !!r.note?.trim() });
    }
    if (a.barrier === 'constraint') r.alerts.push({ code: 'constraint', params: { destination: dest.id } });
    if (a.barrier === 'unreachable') r.alerts.push({ code: 'unreachable', params: { destination: dest.id } });
  }
  const destinations: DestinationResult[] = facts.destinations.map((d, i) => {
    const alerts: Alert[] = [];
    if (load[i] > free[i] + 1e-9) alerts.push({ code: 'over_capacity', params: { destination: d.id, by: load[i] - free[i] } });
    const { excluding, warnings } = checks[i];
    if (excluding && load[i] > 0) alerts.push({ code: 'destination_hazard', params: { destination: d.id, hazard: excluding.name || excluding.id, type: excluding.type } });
    // Hits the rules only warn of (a flood buffer, a town's edge) are said wherever people go.
    if (!excluding && warnings.length > 0 && load[i] > 0) alerts.push({ code: 'destination_warning', params: { destination: d.id, hazard: warnings[0].name || warnings[0].id, type: warnings[0].type } });
    const J = facts.industry.sites.length;
    let industryNear = 0;
    let jobsNear = 0;
    for (let j = 0; j < J; j++) {
      if (!reachesIndustry(facts, i, j)) continue;
      industryNear++;
      if (Number.isFinite(facts.industry.sites[j].jobs)) jobsNear += facts.industry.sites[j].jobs;
    }
    const cap = derivation[i];
    return { check: checks[i], idle: null, derivation: cap && scenario.capacities[d.id] === undefined ? { areaHa: d.areaHa ?? 0, density: cap.density, cap: cap.cap, capped: cap.capped } : null, capacity: capacity[i], used: d.used, free: free[i], assigned: load[i], villages: count[i], alerts, industryNear, jobsNear };
  });
  for (let v = 0; v < V; v++) {
    const d = villages[v].destination;
    if (d >= 0) for (const alert of destinations[d].alerts) if (alert.code === 'over_capacity') villages[v].alerts.push(alert);
  }

  // Explanations: the chosen destination against the next two.
  const shortBy = new Float64Array(D);
  const firstChoiceOf = new Map<number, string[]>();
  const noDestination: string[] = [];
  for (let v = 0; v < V; v++) {
    const r = villages[v];
    if (!r.moves) continue;
    const ranked: { d: number; objective: number; minutes: number; cost: number; barrier: LossReason | null }[] = [];
    for (let d = 0; d < D; d++) {
      const a = arcOf(v, d);
      ranked.push({ d, objective: a.objective, minutes: a.minutes, cost: a.cost.total, barrier: a.barrier });
    }
    ranked.sort((a, b) => a.objective - b.objective || a.d - b.d);
    const base = r.destination >= 0 ? r.objective : NaN;
    r.alternatives = ranked
      .filter((x) => x.d !== r.destination)
      .slice(0, 2)
      .map((x) => ({
        destination: x.d,
        cost: x.cost,
        minutes: x.minutes,
        delta: x.objective - base,
        why: x.barrier ?? (r.destination < 0 || x.objective < base ? 'capacity' : 'cost'),
      }));
    if (r.destination < 0) {
      const first = ranked.find((x) => !x.barrier);
      if (!first) {
        noDestination.push(facts.villages[v].id);
        r.alerts.push({ code: 'unassigned', params: { people: facts.villages[v].population, allowed: 0 } });
        continue;
      }
      r.alerts.push({ code: 'unassigned', params: { people: facts.villages[v].population, allowed: 1, first: facts.destinations[first.d].id } });
      shortBy[first.d] += facts.villages[v].population;
      const list = firstChoiceOf.get(first.d) ?? [];
      list.push(facts.villages[v].id);
      firstChoiceOf.set(first.d, list);
    }
  }
  // A destination is short by what its unplaced first-choice villages need beyond its room left.
  const shortages: Shortage[] = [];
  for (const [d, ids] of firstChoiceOf) {
    const room = Math.max(0, free[d] - load[d]);
    // Room enough in total but not for whole villages side by side still counts what does not fit.
    const short = shortBy[d] - room > 0 ? shortBy[d] - room : Math.min(...ids.map((id) => facts.villages.find((x) => x.id === id)?.population ?? 0)) - room;
    if (short > 0) shortages.push({ destination: d, shortBy: short, villages: ids });
  }
  shortages.sort((a, b) => b.shortBy - a.shortBy || a.destination - b.destination);

  // Why a destination received nobody: its own state first, then how it compares for the
  // village it suits best (the least extra cost per person over where that village went).
  const moving = villages.flatMap((r, v) => (r.moves ? [v] : []));
  destinations.forEach((dr, d) => {
    if (dr.assigned > 0) return;
    const check = checks[d];
    if (check.excluding) dr.idle = { why: 'hazard', hazard: check.excluding.name || check.excluding.id, type: check.excluding.type };
    else if (dr.free - dr.assigned <= 0) dr.idle = { why: 'capacity' };
    else if (moving.length === 0) dr.idle = { why: 'nobody' };
    else {
      let best: { v: number; perPerson: number; minutes: number } | null = null;
      let constraint = false;
      for (const v of moving) {
        const a = arcOf(v, d);
        if (a.barrier === 'constraint') constraint = true;
        if (a.barrier) continue;
        const r = villages[v];
        const people = Math.max(1, facts.villages[v].population);
        const perPerson = r.destination >= 0 ? (a.objective - r.objective) / people : 0;
        const minutes = r.destination >= 0 ? a.minutes - r.minutes : 0;
        if (!best || perPerson < best.perPerson) best = { v, perPerson, minutes };
      }
      if (!best) dr.idle = { why: constraint ? 'constraint' : 'unreachable' };
      else dr.idle = { why: 'worse', village: facts.villages[best.v].name, minutes: best.minutes, yuanPerPerson: Math.max(0, best.perPerson) };
    }
  });

  // Townships and indicators.
  const byTownship = new Map<string, TownshipRow>();
  const ind: Indicators = {
    peopleMust: 0,
    peopleMay: 0,
    villagesInsufficient: 0,
    peopleInsufficient: 0,
    peopleIntoHazard: 0,
    villagesMust: 0,
    peopleMoved: 0,
    villagesMoved: 0,
    peopleUnassigned: 0,
    peopleStillExposed: 0,
    totalCost: 0,
    publicCost: 0,
    householdCost: 0,
    repairCost: 0,
    costPerPerson: 0,
    capacityUsed: 0,
    stillExposedByLevel: { high: 0, medium: 0, low: 0 } satisfies Record<RiskLevel, number>,
    peopleInHighRiskZones: 0,
    meanAfter: { school: 0, clinic: 0, town: 0 },
    peopleNearIndustry: 0,
    destinationsOver: destinations.filter((d) => d.assigned > d.free + 1e-9).length,
  };
  const afterSum = { school: [0, 0], clinic: [0, 0], town: [0, 0] };
  for (let v = 0; v < V; v++) {
    const f = facts.villages[v];
    const r = villages[v];
    const key = f.township ?? '—';
    let row = byTownship.get(key);
    if (!row) byTownship.set(key, (row = { township: key, villages: 0, people: 0, mustPeople: 0, movedPeople: 0, totalCost: 0, publicCost: 0 }));
    row.villages++;
    row.people += f.population;
    if (r.status === 'must') {
      ind.peopleMust += f.population;
      ind.villagesMust++;
      row.mustPeople += f.population;
    }
    if (r.status === 'may') ind.peopleMay += f.population;
    if (r.status === 'insufficient') {
      ind.villagesInsufficient++;
      ind.peopleInsufficient += f.population;
    }
    if (r.moves && r.destination < 0) ind.peopleUnassigned += f.population;
    if (r.cost) {
      ind.peopleMoved += f.population;
      ind.villagesMoved++;
      ind.totalCost += r.cost.total;
      ind.publicCost += r.cost.public;
      ind.householdCost += r.cost.household;
      row.movedPeople += f.population;
      row.totalCost += r.cost.total;
      row.publicCost += r.cost.public;
      if (r.destination >= 0 && destinations[r.destination].industryNear > 0) ind.peopleNearIndustry += f.population;
      for (const k of ['school', 'clinic', 'town'] as const) {
        const m = r.after?.[k] ?? Infinity;
        if (Number.isFinite(m)) {
          afterSum[k][0] += m * f.population;
          afterSum[k][1] += f.population;
        }
      }
    } else if (r.status === 'repair' && r.repair !== null) {
      ind.repairCost += r.repair;
      ind.totalCost += r.repair;
      ind.publicCost += r.repair;
      row.totalCost += r.repair;
      row.publicCost += r.repair;
    }
    // People who stay are exposed to their own hazards; people moved to a destination the rules
    // exclude are exposed to its hazard: a move into a hazard zone makes nobody safe.
    const into = r.cost && r.destination >= 0 ? checks[r.destination].excluding : null;
    const exposedTo = into ? [into] : r.cost ? [] : f.hazards;
    if (into) ind.peopleIntoHazard += f.population;
    if (exposedTo.length > 0) {
      ind.peopleStillExposed += f.population;
      const level = Math.max(...exposedTo.map((h) => h.level));
      ind.stillExposedByLevel[hazardRiskLevel(level)] += f.population;
      // Only the hazard types the scenario counts: flood-detention areas are not relocation targets.
      if (exposedTo.some((h) => h.level >= 3 && h.zone && policy.rules.hazardTypes.includes(h.type))) ind.peopleInHighRiskZones += f.population;
    }
  }
  for (const k of ['school', 'clinic', 'town'] as const) ind.meanAfter[k] = afterSum[k][1] > 0 ? afterSum[k][0] / afterSum[k][1] : NaN;
  ind.householdCost = ind.totalCost - ind.publicCost;
  ind.costPerPerson = ind.peopleMoved > 0 ? (ind.totalCost - ind.repairCost) / ind.peopleMoved : 0;
  const offered = free.reduce((s, x) => s + x, 0);
  ind.capacityUsed = offered > 0 ? ind.peopleMoved / offered : 0;
  const townships = [...byTownship.values()].sort((a, b) => b.mustPeople - a.mustPeople || a.township.localeCompare(b.township, 'zh'));
  return { scenarioId: scenario.id, villages, destinations, townships, indicators: ind, solver, shortages, noDestination, redAlerts, fingerprint: '' };
}
