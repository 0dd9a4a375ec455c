/**
 * Questions the map asks of an exposure run: which hazards does this feature sit in or
 * near, which features does this hazard threaten, and what to draw for the register.
 */
import type { ExposureRun } from '../../core/exposure/analysis';
import type { RegisterEntry } from '../../core/exposure/register';
import type { ExposureOverlay } from '../../map/exposure-layers';

export interface HitRow {
  hazard: number;
  distance: number;
  inside: boolean;
}

export interface ThreatRow {
  layer: number;
  feature: number;
  distance: number;
  inside: boolean;
}

/** The hits of one feature of an exposed layer, nearest first; null when the layer was not analysed. */
export function hitsOf(run: ExposureRun, layerId: string, index: number): HitRow[] | null {
  const layer = run.layers.find((l) => l.layerId === layerId);
  if (!layer || index >= layer.count) return null;
  const rows: HitRow[] = [];
  for (let j = layer.hits.offsets[index]; j < layer.hits.offsets[index + 1]; j++) rows.push({ hazard: layer.hits.hazard[j], distance: layer.hits.distance[j], inside: layer.hits.inside[j] === 1 });
  return rows;
}

/** Hazard index of a feature of a hazard layer, or -1 when it was not in the run. */
export function hazardIndexOf(run: ExposureRun, layerId: string, index: number): number {
  const li = run.hazards.layerIds.indexOf(layerId);
  if (li < 0) return -1;
  for (let h = 0; h < run.hazards.count; h++) if (run.hazards.layerOf[h] === li && run.hazards.featureOf[h] === index) return h;
  return -1;
}

const inverted = new WeakMap<ExposureRun, ThreatRow[][]>();
const entryIndex = new WeakMap<RegisterEntry[], Map<number, RegisterEntry>>();

/** The register entry of feature `feature` of the run's layer `layer`, if it is one. */
export function entryAt(entries: RegisterEntry[], layer: number, feature: number): RegisterEntry | undefined {
  let index = entryIndex.get(entries);
  if (!index) {
    index = new Map(entries.map((e) => [e.layer * 2 ** 32 + e.feature, e]));
    entryIndex.set(entries, index);
  }
  return index.get(layer * 2 ** 32 + feature);
}

/** Every exposed feature within a hazard's buffer, nearest first. */
export function threatenedBy(run: ExposureRun, hazard: number): ThreatRow[] {
  let byHazard = inverted.get(run);
  if (!byHazard) {
    const table: ThreatRow[][] = Array.from({ length: run.hazards.count }, () => []);
    run.layers.forEach((layer, li) => {
      for (let i = 0; i < layer.count; i++) {
        for (let j = layer.hits.offsets[i]; j < layer.hits.offsets[i + 1]; j++) {
          table[layer.hits.hazard[j]].push({ layer: li, feature: i, distance: layer.hits.distance[j], inside: layer.hits.inside[j] === 1 });
        }
      }
    });
    for (const rows of table) rows.sort((a, b) => a.distance - b.distance);
    inverted.set(run, table);
    byHazard = table;
  }
  return byHazard[hazard] ?? [];
}

/**
 * What the map draws: a ring per entry, and for the feature or hazard in focus a line between
 * it and each hazard it is near (inside a zone, the ring says enough).
 */
export function overlayOf(run: ExposureRun, entries: RegisterEntry[], focus: { layerId: string; index: number } | null): ExposureOverlay {
  const positions = new Float64Array(2 * entries.length);
  const level = new Uint8Array(entries.length);
  const status = new Uint8Array(entries.length);
  entries.forEach((e, k) => {
    const ll = run.layers[e.layer].lngLat;
    positions[2 * k] = ll[2 * e.feature];
    positions[2 * k + 1] = ll[2 * e.feature + 1];
    level[k] = e.level;
    status[k] = e.status;
  });
  const links: number[] = [];
  if (focus) {
    const hazardLL = run.hazards.lngLat;
    const hits = hitsOf(run, focus.layerId, focus.index);
    if (hits) {
      const ll = run.layers.find((l) => l.layerId === focus.layerId)!.lngLat;
      for (const hit of hits) if (!hit.inside) links.push(hazardLL[2 * hit.hazard], hazardLL[2 * hit.hazard + 1], ll[2 * focus.index], ll[2 * focus.index + 1]);
    } else {
      const h = hazardIndexOf(run, focus.layerId, focus.index);
      if (h >= 0) {
        for (const t of threatenedBy(run, h)) {
          if (t.inside) continue;
          const ll = run.layers[t.layer].lngLat;
          links.push(hazardLL[2 * h], hazardLL[2 * h + 1], ll[2 * t.feature], ll[2 * t.feature + 1]);
        }
      }
    }
  }
  return { positions, level, status, links: Float64Array.from(links.every(Number.isFinite) ? links : []) };
}
