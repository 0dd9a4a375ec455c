import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random';
import { labelComponents, zonalStats } from '../../../src/core/suitability/regions';

/** A mask from rows of '#' (set) and '.' (clear). */
function grid(rows: string[]): { mask: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  const mask = new Uint8Array(width * rows.length);
  rows.forEach((row, r) => [...row].forEach((ch, c) => (mask[r * width + c] = ch === '#' ? 1 : 0)));
  return { mask, width, height: rows.length };
}

/** Labels as rows of digits/letters ('.' for 0), for readable expectations. */
function show(labels: Int32Array, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < labels.length; i += width) rows.push(Array.from(labels.subarray(i, i + width), (l) => (l === 0 ? '.' : l.toString(36))).join(''));
  return rows;
}

/** Reference: flood fill with an explicit queue, regions numbered in scan order of first cell. */
function floodLabels(mask: Uint8Array, width: number, height: number, connectivity: 4 | 8): { labels: Int32Array; count: number } {
  const labels = new Int32Array(width * height);
  const steps = connectivity === 4 ? [[0, 1], [1, 0], [0, -1], [-1, 0]] : [[0, 1], [1, 0], [0, -1], [-1, 0], [1, 1], [1, -1], [-1, 1], [-1, -1]];
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || labels[start] !== 0) continue;
    labels[start] = ++count;
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const r = Math.floor(queue[q] / width);
      const c = queue[q] % width;
      for (const [dr, dc] of steps) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr < 0 || rr >= height || cc < 0 || cc >= width) continue;
        const j = rr * width + cc;
        if (mask[j] !== 0 && labels[j] === 0) {
          labels[j] = count;
          queue.push(j);
        }
      }
    }
  }
  return { labels, count };
}

describe('labelComponents', () => {
  it('4 vs 8 connectivity on a hand grid', () => {
    const { mask, width, height } = grid([
      '##..#',
      '.#.#.',
      '..#..',
      '#...#',
    ]);
    const four = labelComponents(mask, width, height, 4);
    expect(four.count).toBe(6);
    expect(show(four.labels, width)).toEqual(['11..2', '.1.3.', '..4..', '5...6']);
    const eight = labelComponents(mask, width, height, 8);
    expect(eight.count).toBe(3);
    expect(show(eight.labels, width)).toEqual(['11..1', '.1.1.', '..1..', '2...3']);
  });

  it('a comb whose teeth meet only at the bottom gets one label (provisional labels merge)', () => {
    const { mask, width, height } = grid([
      '#.#.#',
      '#.#.#',
      '#.#.#',
      '#####',
    ]);
    for (const conn of [4, 8] as const) {
      const { labels, count } = labelComponents(mask, width, height, conn);
      expect(count).toBe(1);
      expect(show(labels, width)).toEqual(['1.1.1', '1.1.1', '1.1.1', '11111']);
    }
  });

  it('a spiral: one long 4-connected path apart from the outer arm, which only touches it diagonally', () => {
    const { mask, width, height } = grid([
      '#########',
      '........#',
      '######.#.',
      '#....#.#.',
      '#.##.#.#.',
      '#.#..#.#.',
      '#.####.#.',
      '#......#.',
      '########.',
    ]);
    const four = labelComponents(mask, width, height, 4);
    expect(four.count).toBe(2);
    expect(show(four.labels, width)).toEqual([
      '111111111',
      '........1',
      '222222.2.',
      '2....2.2.',
      '2.22.2.2.',
      '2.2..2.2.',
      '2.2222.2.',
      '2......2.',
      '22222222.',
    ]);
    // The diagonal contact (row 1, col 8)–(row 2, col 7) joins the two under 8-connectivity.
    const eight = labelComponents(mask, width, height, 8);
    expect(eight.count).toBe(1);
  });

  it('a checkerboard: every cell alone under 4, one region under 8', () => {
    const width = 7;
    const height = 6;
    const mask = new Uint8Array(width * height);
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) mask[r * width + c] = (r + c) % 2 === 0 ? 1 : 0;
    const four = labelComponents(mask, width, height, 4);
    expect(four.count).toBe(21);
    let expected = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i]) expect(four.labels[i]).toBe(++expected);
    const eight = labelComponents(mask, width, height, 8);
    expect(eight.count).toBe(1);
  });

  it('empty, full, single-row and single-column grids', () => {
    expect(labelComponents(new Uint8Array(12), 4, 3, 8).count).toBe(0);
    const full = labelComponents(new Uint8Array(12).fill(1), 4, 3, 4);
    expect(full.count).toBe(1);
    expect(full.labels.every((l) => l === 1)).toBe(true);
    expect(show(labelComponents(grid(['##.#.##']).mask, 7, 1, 8).labels, 7)).toEqual(['11.2.33']);
    expect(labelComponents(Uint8Array.from([1, 0, 1, 1]), 1, 4, 8).count).toBe(2);
    expect(labelComponents(new Uint8Array(0), 0, 0, 4).count).toBe(0);
  });

  it('matches a flood fill on seeded random masks, reusing the given labels array', () => {
    const rng = createRng(23);
    for (let trial = 0; trial < 150; trial++) {
      const width = rng.int(1, 60);
      const height = rng.int(1, 60);
      const density = rng.range(0.2, 0.8);
      const mask = new Uint8Array(width * height);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.chance(density) ? rng.int(1, 256) : 0;
      for (const conn of [4, 8] as const) {
        const reuse = new Int32Array(width * height + 5).fill(-7);
        const got = labelComponents(mask, width, height, conn, reuse);
        const want = floodLabels(mask, width, height, conn);
        expect(got.labels).toBe(reuse);
        expect(got.count).toBe(want.count);
        expect(Array.from(got.labels.subarray(0, width * height))).toEqual(Array.from(want.labels));
      }
    }
  });
});

describe('zonalStats', () => {
  it('hand example with nodata (Uint8, 255)', () => {
    // labels      values
    // 1 1 0       10  20 99
    // 0 2 2       50 255 30
    const labels = Int32Array.from([1, 1, 0, 0, 2, 2]);
    const values = Uint8Array.from([10, 20, 99, 50, 255, 30]);
    const s = zonalStats(labels, 2, values, 255, 3);
    // Slot 0, the background, is not measured.
    expect(Array.from(s.cells)).toEqual([0, 2, 2]);
    expect(Array.from(s.valid)).toEqual([0, 2, 1]);
    expect(Array.from(s.sum)).toEqual([0, 30, 30]);
    expect(Array.from(s.mean)).toEqual([NaN, 15, 30]);
    expect(Array.from(s.min)).toEqual([NaN, 10, 30]);
    expect(Array.from(s.max)).toEqual([NaN, 20, 30]);
    expect([s.minCol[1], s.minRow[1], s.maxCol[1], s.maxRow[1]]).toEqual([0, 0, 1, 0]);
    expect([s.minCol[2], s.minRow[2], s.maxCol[2], s.maxRow[2]]).toEqual([1, 1, 2, 1]);
    expect([s.centroidCol[1], s.centroidRow[1]]).toEqual([0.5, 0]);
    expect([s.centroidCol[2], s.centroidRow[2]]).toEqual([1.5, 1]);
  });

  it('Float32 with NaN, a region with no valid value, and an empty label', () => {
    const labels = Int32Array.from([1, 1, 3, 3]);
    const values = Float32Array.from([NaN, NaN, 1.5, -9999]);
    const s = zonalStats(labels, 3, values, -9999, 2);
    expect(s.cells[1]).toBe(2);
    expect(s.valid[1]).toBe(0);
    expect(s.mean[1]).toBeNaN();
    expect(s.min[1]).toBeNaN();
    expect(s.cells[2]).toBe(0);
    expect(s.minCol[2]).toBe(-1);
    expect(s.centroidCol[2]).toBeNaN();
    expect(s.mean[3]).toBe(1.5);
  });

  it('matches brute force per label on seeded random rasters', () => {
    const rng = createRng(29);
    for (let trial = 0; trial < 60; trial++) {
      const width = rng.int(1, 40);
      const height = rng.int(1, 40);
      const mask = new Uint8Array(width * height);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.chance(0.55) ? 1 : 0;
      const { labels, count } = labelComponents(mask, width, height, rng.chance(0.5) ? 4 : 8);
      const float = rng.chance(0.5);
      const values = float ? new Float32Array(width * height) : new Uint8Array(width * height);
      for (let i = 0; i < values.length; i++) values[i] = rng.chance(0.1) ? (float ? NaN : 255) : float ? Math.fround(rng.range(-50, 50)) : rng.int(0, 101);
      const s = zonalStats(labels, count, values, float ? null : 255, width);
      for (let l = 1; l <= count; l++) {
        const idx: number[] = [];
        for (let i = 0; i < labels.length; i++) if (labels[i] === l) idx.push(i);
        const vals = idx.map((i) => values[i]).filter((v) => !Number.isNaN(v) && (float || v !== 255));
        const cols = idx.map((i) => i % width);
        const rows = idx.map((i) => Math.floor(i / width));
        expect(s.cells[l]).toBe(idx.length);
        expect(s.valid[l]).toBe(vals.length);
        if (vals.length > 0) {
          expect(s.sum[l]).toBeCloseTo(vals.reduce((a, b) => a + b, 0), 6);
          expect(s.mean[l]).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / vals.length, 9);
          expect(s.min[l]).toBe(Math.min(...vals));
          expect(s.max[l]).toBe(Math.max(...vals));
        }
        if (idx.length > 0) {
          expect([s.minCol[l], s.minRow[l], s.maxCol[l], s.maxRow[l]]).toEqual([Math.min(...cols), Math.min(...rows), Math.max(...cols), Math.max(...rows)]);
          expect(s.centroidCol[l]).toBeCloseTo(cols.reduce((a, b) => a + b, 0) / idx.length, 9);
          expect(s.centroidRow[l]).toBeCloseTo(rows.reduce((a, b) => a + b, 0) / idx.length, 9);
        }
      }
    }
  });

  it('rejects a raster that is not whole rows', () => {
    expect(() => zonalStats(new Int32Array(5), 0, new Uint8Array(5), 255, 2)).toThrow(RangeError);
  });

  it('places each label by the width it is given', () => {
    const { mask, width, height } = grid(['#..', '..#']);
    const { labels, count } = labelComponents(mask, width, height, 4);
    const s = zonalStats(labels, count, new Uint8Array(6).fill(7), 255, width);
    expect([s.minCol[2], s.minRow[2], s.maxCol[2], s.maxRow[2]]).toEqual([2, 1, 2, 1]);
  });
});
