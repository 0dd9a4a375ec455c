/** A relocation result as the map draws it (see src/map/relocation-layers.ts). */
import type { RelocationFacts, RelocationResult } from '../../core/relocation/analysis';
import type { RelocationOverlay } from '../../map/relocation-layers';
import { numbersOf, VILLAGE_STATUS } from '../../core/vocabulary';

/** The map's status codes: the vocabulary's numbers, which its colours are indexed by. */
const STATUS_CODE = numbersOf(VILLAGE_STATUS);

export function relocationOverlay(facts: RelocationFacts, result: RelocationResult, focus: number, changed?: Set<string>): RelocationOverlay {
  return {
    villages: Float64Array.from(facts.villages.flatMap((v) => v.lngLat)),
    status: Uint8Array.from(result.villages, (r) => (r.moves && r.destination < 0 ? STATUS_CODE.unassigned : STATUS_CODE[r.status])),
    people: Float32Array.from(facts.villages, (v) => v.population),
    flows: result.villages.flatMap((r, v) => (r.destination >= 0 ? [{ village: v, destination: r.destination, people: facts.villages[v].population, overridden: r.overridden }] : [])),
    destinations: Float64Array.from(facts.destinations.flatMap((d) => d.lngLat)),
    capacity: Float32Array.from(result.destinations, (d) => d.capacity),
    load: Float32Array.from(result.destinations, (d) => d.used + d.assigned),
    forbidden: Uint8Array.from(result.destinations, (d) => (d.check.excluding ? 1 : 0)),
    focus,
    ...(changed ? { changed: Uint8Array.from(facts.villages, (v) => (changed.has(v.id) ? 1 : 0)) } : {}),
  };
}
