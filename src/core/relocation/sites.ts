/**
 * A scenario's drawn sites as the analysis takes them: relocation sites become destinations
 * (travel starts at a point inside the polygon; the outline goes to the hazard check), industry
 * sites become places of jobs. Also the checks a drawn site must pass before it is kept.
 */
import { area as turfArea, pointOnFeature } from '@turf/turf';
import type { LocalizedText } from '../manifest';
import type { DrawnSite, IndustrySite, NewSite, ScenarioRegion } from './analysis';
import type { AssignmentSettings } from './policy';

/** Persons a drawn point site takes until the planner says otherwise (Anju starting value). */
export const POINT_SITE_CAPACITY = 300;
/** Jobs a drawn industry site offers until the planner says otherwise (Anju starting value). */
export const INDUSTRY_SITE_JOBS = 200;

/** Persons a site of `areaHa` hectares takes at `density` persons per hectare (suitability regions and drawn polygons alike). */
export function capacityFromArea(areaHa: number, density: number): number {
  return Math.floor(areaHa * density);
}

/**
 * A suitability region's capacity: its buildable area × the new-site density, capped per site
 * (a 500-hectare valley floor is not a 75,000-person settlement).
 */
export function regionCapacity(areaHa: number, settings: Pick<AssignmentSettings, 'newSiteDensity' | 'newSiteMaxPersons'>): { persons: number; density: number; cap: number; capped: boolean } {
  const byArea = capacityFromArea(areaHa, settings.newSiteDensity);
  const cap = settings.newSiteMaxPersons;
  return { persons: Math.min(byArea, cap), density: settings.newSiteDensity, cap, capped: byArea > cap };
}

/** The scenario's saved suitability regions as sites offered to the analysis. */
export function regionsToSites(regions: readonly ScenarioRegion[]): NewSite[] {
  return regions.map((r) => ({ id: r.id, name: r.name, lngLat: r.lngLat, areaHa: r.areaHa }));
}

/** A site just drawn, with the starting capacity (polygon: area × density) or jobs. */
export function newDrawnSite(id: string, name: string, kind: DrawnSite['kind'], geometry: DrawnSite['geometry'], density: number): DrawnSite {
  const site: DrawnSite = { id, name, kind, geometry, capacity: 0, jobs: 0 };
  if (kind === 'industry') site.jobs = INDUSTRY_SITE_JOBS;
  else site.capacity = geometry.type === 'Polygon' ? capacityFromArea(siteAreaHa(site), density) : POINT_SITE_CAPACITY;
  return site;
}

/**
 * A point inside an outline (its own point on the surface, not a centroid that may fall
 * outside): where travel to and from a drawn polygon or an industrial park starts.
 */
export function ringAnchor(ring: [number, number][]): [number, number] {
  const closed = ring.length > 0 && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1]) ? [...ring, ring[0]] : ring;
  if (closed.length < 4) return ring[0];
  return pointOnFeature({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closed] } }).geometry.coordinates as [number, number];
}

function siteAnchor(site: DrawnSite): [number, number] {
  return site.geometry.type === 'Point' ? site.geometry.coordinates : ringAnchor(site.geometry.coordinates[0]);
}

/** Hectares of a drawn polygon (0 for a point). */
export function siteAreaHa(site: DrawnSite): number {
  return site.geometry.type === 'Polygon' ? turfArea({ type: 'Feature', properties: {}, geometry: site.geometry }) / 10_000 : 0;
}

export function drawnToSites(sites: readonly DrawnSite[]): { newSites: NewSite[]; industry: IndustrySite[] } {
  const newSites: NewSite[] = [];
  const industry: IndustrySite[] = [];
  for (const s of sites) {
    const lngLat = siteAnchor(s);
    if (s.kind === 'industry') {
      industry.push({ id: s.id, name: s.name, lngLat, jobs: s.jobs });
      continue;
    }
    newSites.push({
      id: s.id,
      name: s.name,
      lngLat,
      ...(s.geometry.type === 'Polygon' ? { ring: s.geometry.coordinates[0], areaHa: siteAreaHa(s) } : {}),
      capacity: s.capacity,
      drawn: true,
    });
  }
  return { newSites, industry };
}

/** What is wrong with a drawn site, in both languages (empty when it can be used). */
export function validateSite(site: DrawnSite): LocalizedText[] {
  const out: LocalizedText[] = [];
  const label = site.name || site.id;
  if (!site.name.trim()) out.push({ zh: `选址 ${site.id} 没有名称：请填写名称。`, en: `Site ${site.id} has no name: enter one.` });
  if (site.kind === 'relocation' && !(Number.isFinite(site.capacity) && site.capacity >= 0)) {
    out.push({ zh: `安置选址“${label}”的容量（人）应为不小于 0 的数，现为 ${String(site.capacity)}。`, en: `Relocation site "${label}": capacity (persons) must be a number ≥ 0, not ${String(site.capacity)}.` });
  }
  if (site.kind === 'industry' && !(Number.isFinite(site.jobs) && site.jobs >= 0)) {
    out.push({ zh: `产业选址“${label}”的就业岗位数应为不小于 0 的数，现为 ${String(site.jobs)}。`, en: `Industry site "${label}": jobs must be a number ≥ 0, not ${String(site.jobs)}.` });
  }
  if (site.geometry.type === 'Polygon') {
    const ring = site.geometry.coordinates[0] ?? [];
    if (ring.length < 4) out.push({ zh: `选址“${label}”的多边形少于 3 个顶点：请重新绘制。`, en: `Site "${label}": the polygon has fewer than 3 vertices; draw it again.` });
  }
  return out;
}
