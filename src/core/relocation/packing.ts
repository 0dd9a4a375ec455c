/**
 * The most people placeable in whole villages when capacity is short: a multiple subset-sum
 * problem with allowed destinations per village. Solved by bin completion (Korf's branch and
 * bound for bin packing, as Fukunaga and Korf apply it to multiple knapsacks): destinations are
 * filled one at a time, smallest first, each with one of its maximal sets of the villages still
 * free (no further free village fits), fullest first. A node's bound is the people already
 * placed plus the lesser of (a) each open destination's best exact fill from the free villages
 * allowed there, and (b) the free villages that fit somewhere open.
 *
 * HiGHS's branch and cut proves such instances slowly (its relaxation fills destinations with
 * fractions of villages); this search finds exact packings at once and proves small instances.
 * Its effort is counted in deterministic work units (bitset words and enumeration steps), never
 * in time, so the answer depends on the input only.
 */

export interface PackingInput {
  /** People per village (whole numbers). */
  people: ArrayLike<number>;
  /** Free capacity per destination (people). */
  capacity: ArrayLike<number>;
  /** Whether village v may go to destination d. */
  allowed: (v: number, d: number) => boolean;
}

export interface Packing {
  /** Destination per village (−1: left over); the start when nothing better was found. */
  destination: Int32Array;
  placed: number;
  /** A proven upper bound on people placeable (the root's bound, or `placed` when proven). */
  bound: number;
  /** Whether `placed` is proven the most (the search ended within its work limit). */
  proven: boolean;
  work: number;
}

/** Default work limit (bitset words in bounds plus steps enumerating sets). */
export const PACKING_WORK = 10_000_000;

/** At most this many maximal sets per destination and node; more ends the proof (not the search). */
const MAX_SETS = 2_000;

/**
 * Searches from `start` (a valid placement) for one placing more people, within `maxWork`.
 * Destinations and villages are taken in a fixed order (capacity, people, then index).
 */
export function packMost(input: PackingInput, start: Int32Array, maxWork = PACKING_WORK): Packing {
  const V = input.people.length;
  const D = input.capacity.length;
  const people = Int32Array.from({ length: V }, (_, v) => Math.round(input.people[v]));
  const cap = Int32Array.from({ length: D }, (_, d) => Math.max(0, Math.floor(input.capacity[d] + 1e-9)));
  // Per destination, the villages allowed there that fit at all, largest first.
  const eligible: number[][] = Array.from({ length: D }, (_, d) => {
    const list: number[] = [];
    for (let v = 0; v < V; v++) if (people[v] > 0 && people[v] <= cap[d] && input.allowed(v, d)) list.push(v);
    return list.sort((a, b) => people[b] - people[a] || a - b);
  });
  const placedOf = (dest: Int32Array) => {
    let s = 0;
    for (let v = 0; v < V; v++) if (dest[v] >= 0) s += people[v];
    return s;
  };
  let best = start.slice();
  let bestPlaced = placedOf(start);
  const dest = new Int32Array(V).fill(-1);
  const open = Uint8Array.from({ length: D }, (_, d) => (eligible[d].length > 0 ? 1 : 0));
  let work = 0;
  let exhausted = false;
  let complete = true;

  const words = Math.max(...Array.from(cap, (c) => (c >> 5) + 1), 1);
  const bits = new Uint32Array(words);
  /** The largest total ≤ c of a subset of the free villages in `list` (bitset dynamic program). */
  const bestFill = (list: number[], c: number): number => {
    const W = (c >> 5) + 1;
    bits.fill(0, 0, W);
    bits[0] = 1;
    for (const v of list) {
      if (dest[v] >= 0) continue;
      const p = people[v];
      const ws = p >> 5;
      const bs = p & 31;
      for (let w = W - 1; w >= ws; w--) {
        let x = bits[w - ws] << bs;
        if (bs && w - ws >= 1) x |= bits[w - ws - 1] >>> (32 - bs);
        bits[w] |= x;
      }
      work += W;
    }
    // Bits beyond c in the last word do not count.
    for (let L = c; L >= 0; L--) if (bits[L >> 5] & (1 << (L & 31))) return L;
    return 0;
  };
  const fits = new Uint8Array(V);
  const bound = (placed: number): number => {
    let byDestination = 0;
    fits.fill(0);
    for (let d = 0; d < D; d++) {
      if (!open[d]) continue;
      byDestination += bestFill(eligible[d], cap[d]);
      for (const v of eligible[d]) if (dest[v] < 0) fits[v] = 1;
    }
    let byVillage = 0;
    for (let v = 0; v < V; v++) if (fits[v]) byVillage += people[v];
    return placed + Math.min(byDestination, byVillage);
  };

  /** The maximal sets of free villages that fit destination d, fullest first. */
  const completions = (d: number): number[][] => {
    const items = eligible[d].filter((v) => dest[v] < 0);
    const out: { set: number[]; fill: number }[] = [];
    const chosen: number[] = [];
    const walk = (i: number, room: number, smallestLeft: number) => {
      work++;
      if (out.length >= MAX_SETS) {
        complete = false;
        return;
      }
      if (i === items.length) {
        // Maximal: no village left out fits in the room left.
        if (smallestLeft > room) out.push({ set: chosen.slice(), fill: cap[d] - room });
        return;
      }
      const v = items[i];
      const p = people[v];
      if (p > room) {
        // It cannot fit now, nor in the smaller room left at the end.
        walk(i + 1, room, smallestLeft);
        return;
      }
      chosen.push(v);
      walk(i + 1, room - p, smallestLeft);
      chosen.pop();
      walk(i + 1, room, Math.min(smallestLeft, p));
    };
    walk(0, cap[d], Infinity);
    return out.sort((a, b) => b.fill - a.fill).map((o) => o.set);
  };

  // One bound costs about this much work: too large an instance for the search keeps the start.
  const boundWork = eligible.reduce((sum, list, d) => sum + list.length * ((cap[d] >> 5) + 1), 0);
  if (boundWork > maxWork) {
    const anywhere = new Set(eligible.flat());
    let reachable = 0;
    for (const v of anywhere) reachable += people[v];
    return { destination: best, placed: bestPlaced, bound: reachable, proven: false, work: 0 };
  }
  const root = bound(0);
  const search = (placed: number) => {
    if (work > maxWork) {
      exhausted = true;
      return;
    }
    if (placed > bestPlaced) {
      bestPlaced = placed;
      best = dest.slice();
    }
    if (bestPlaced >= root || bound(placed) <= bestPlaced) return;
    // The open destination with the least capacity (most constrained) next.
    let pick = -1;
    for (let d = 0; d < D; d++) if (open[d] && (pick < 0 || cap[d] < cap[pick])) pick = d;
    if (pick < 0) return;
    open[pick] = 0;
    for (const set of completions(pick)) {
      let fill = 0;
      for (const v of set) {
        dest[v] = pick;
        fill += people[v];
      }
      search(placed + fill);
      for (const v of set) dest[v] = -1;
      if (exhausted || bestPlaced >= root) break;
    }
    open[pick] = 1;
  };
  search(0);
  const proven = bestPlaced >= root || (!exhausted && complete);
  return { destination: best, placed: bestPlaced, bound: proven ? bestPlaced : root, proven, work };
}
