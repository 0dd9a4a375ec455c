/**
 * costDistance against GRASS GIS 8.2 `r.cost` (test/fixtures/costdistance, remade by make.sh):
 * 120 × 90 cells of 30 m, friction 0.5–5 per metre with an impassable river (one-cell gap) and
 * a walled-off pocket, five sources. r.cost was fed friction × 30 (its costs are per cell
 * width), so its accumulated cost is directly comparable with ours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costDistance } from '../../src/core/costdistance';
import { D8_DCOL, D8_DIST, D8_DROW } from '../../src/core/hydro/neighbours';
import type { Grid, RasterArray } from '../../src/core/types';
import { readGeoTiff } from '../../src/io/geotiff';

const DIR = new URL('../fixtures/costdistance/', import.meta.url);
const CELL_M = 30;
/**
 * Relative tolerance on accumulated cost. Observed: 0 (every reached cell is bit-identical to
 * r.cost's); the margin only allows for a different rounding order of the step costs.
 */
const REL_TOL = 1e-12;
/** Two path costs within this relative difference count as an exact tie (rounding noise only). */
const TIE_REL = 1e-12;

async function fixture(name: string): Promise<Grid<RasterArray>> {
  const bytes = readFileSync(new URL(name, DIR));
  const result = await readGeoTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/**
 * For every reached cell, the bit set of sources from which it is reached at least cost,
 * counting every predecessor whose path cost equals the cell's least cost within TIE_REL.
 * More than one bit set: an exact tie, where either allocation is right.
 */
function tieSets(friction: Float64Array, width: number, height: number, accumulated: Float64Array, sources: number[]): Uint32Array {
  const sets = new Uint32Array(width * height);
  const order: number[] = [];
  for (let i = 0; i < accumulated.length; i++) if (Number.isFinite(accumulated[i])) order.push(i);
  order.sort((a, b) => accumulated[a] - accumulated[b]);
  sources.forEach((cell, k) => (sets[cell] |= 1 << k));
  for (const cell of order) {
    if (accumulated[cell] === 0) continue;
    const row = Math.floor(cell / width);
    const col = cell - row * width;
    for (let k = 0; k < 8; k++) {
      const r = row + D8_DROW[k];
      const c = col + D8_DCOL[k];
      if (r < 0 || c < 0 || r >= height || c >= width) continue;
      const p = r * width + c;
      if (!Number.isFinite(accumulated[p]) || accumulated[p] >= accumulated[cell]) continue;
      const via = accumulated[p] + 0.5 * (friction[p] + friction[cell]) * D8_DIST[k] * CELL_M;
      if (Math.abs(via - accumulated[cell]) <= TIE_REL * accumulated[cell]) sets[cell] |= sets[p];
    }
  }
  return sets;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

describe('tie detection', () => {
  it('finds the cells equidistant from two sources on uniform friction', () => {
    const [width, height] = [11, 5];
    const friction = new Float64Array(width * height).fill(1);
    const sources = [2 * width, 2 * width + 10];
    const { accumulated } = costDistance(friction, width, height, CELL_M, sources);
    const sets = tieSets(friction, width, height, accumulated, sources);
    const ties = [...sets.keys()].filter((i) => popcount(sets[i]) > 1);
    expect(ties).toEqual([5, 16, 27, 38, 49]); // column 5, every row
  });
});

describe('costDistance matches GRASS r.cost', async () => {
  const frictionGrid = await fixture('friction.tif');
  const { width, height } = frictionGrid;
  const friction = Float64Array.from(frictionGrid.data, (v) => (v === frictionGrid.nodata ? NaN : v));
  const sourceGrid = (await fixture('sources.tif')).data;
  const sources: number[] = [];
  for (let i = 0; i < sourceGrid.length; i++) if (sourceGrid[i] > 0) sources[sourceGrid[i] - 1] = i;
  const grassCost = Float64Array.from((await fixture('r.cost.accumulated.tif')).data, (v) => (Number.isNaN(v) ? Infinity : v));
  const nearestGrid = await fixture('r.cost.nearest.tif');
  const grassNearest = Int32Array.from(nearestGrid.data, (v) => (v === nearestGrid.nodata ? -1 : v - 1));
  const ours = costDistance(friction, width, height, CELL_M, sources);

  it('reads the fixture as documented', () => {
    expect([width, height]).toEqual([120, 90]);
    expect(frictionGrid.transform).toEqual([500_000, 30, 0, 3_302_700, 0, -30]);
    expect(sources).toHaveLength(5);
    expect(sources.every((s) => s !== undefined)).toBe(true);
  });

  it('reaches and leaves unreached the same cells', () => {
    let unreached = 0;
    let barrier = 0;
    const differing: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (Number.isFinite(ours.accumulated[i]) !== Number.isFinite(grassCost[i])) differing.push(i);
      if (!Number.isFinite(grassCost[i])) {
        unreached++;
        if (Number.isNaN(friction[i])) barrier++;
      }
    }
    expect(differing).toEqual([]);
    // The river and the pocket's wall (impassable), plus the 36 cells walled in.
    expect(barrier).toBeGreaterThan(90);
    expect(unreached - barrier).toBe(36);
  });

  it('accumulated cost within 1e-12 relative', () => {
    let worst = 0;
    for (let i = 0; i < width * height; i++) {
      const e = grassCost[i];
      if (!Number.isFinite(e)) continue;
      worst = Math.max(worst, Math.abs(ours.accumulated[i] - e) / Math.max(e, 1e-9));
    }
    expect(worst).toBeLessThanOrEqual(REL_TOL);
  });

  it('allocation equal everywhere except at exact ties', () => {
    const sets = tieSets(friction, width, height, ours.accumulated, sources);
    let ties = 0;
    let tiesDiffering = 0;
    const wrong: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (!Number.isFinite(grassCost[i])) {
        if (ours.allocation[i] !== -1 || grassNearest[i] !== -1) wrong.push(i);
        continue;
      }
      // Both allocations must be among the sources reaching the cell at least cost.
      if (!(sets[i] & (1 << ours.allocation[i])) || !(sets[i] & (1 << grassNearest[i]))) wrong.push(i);
      if (popcount(sets[i]) > 1) {
        ties++;
        if (ours.allocation[i] !== grassNearest[i]) tiesDiffering++;
      } else if (ours.allocation[i] !== grassNearest[i]) {
        wrong.push(i);
      }
    }
    expect(wrong).toEqual([]);
    // Observed with this fixture (see README.md): no exact ties at all.
    expect({ ties, tiesDiffering }).toEqual({ ties: 0, tiesDiffering: 0 });
  });
});
