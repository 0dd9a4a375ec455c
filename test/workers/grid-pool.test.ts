import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bandLayout,
  createGridPool,
  createInlinePool,
  readBand,
  serveGridJobs,
  splitBands,
  writeBand,
  type BandLayout,
  type GridPool,
  type GridPort,
  type GridWorkerLike,
} from '../../workers/grid-pool';
import { GRID_KERNELS, boxRows, cumsumCols, weightedCells } from '../../workers/grid.kernels';
import { createRng } from '../../src/core/random';

/** A grid worker in this thread: a MessageChannel whose far end serves the grid protocol. */
function channelWorker(log: unknown[]): GridWorkerLike {
  const { port1, port2 } = new MessageChannel();
  serveGridJobs(GRID_KERNELS, port2 as unknown as GridPort);
  port1.addEventListener('message', (e) => log.push(e.data));
  port1.start();
  return {
    postMessage: (message, transfer) => port1.postMessage(message, transfer),
    addEventListener: (type, listener) => port1.addEventListener(type as 'message', listener),
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
}

function grid(width: number, height: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: width * height }, () => Math.round(rng.range(-50, 50) * 8) / 8);
}

function scoreLayers(n: number, seed: number): { scores: Uint8Array[]; weights: number[]; exclusion: Uint8Array } {
  const rng = createRng(seed);
  return {
    scores: [0, 1, 2].map(() => Uint8Array.from({ length: n }, () => rng.int(0, 101))),
    weights: [0.5, 0.3, 0.2],
    exclusion: Uint8Array.from({ length: n }, () => (rng.chance(0.2) ? 1 : 0)),
  };
}

/** Runs the three axes through a pool and checks each against one whole-range call. */
async function checkAxes(pool: GridPool, width: number, height: number, bands?: number) {
  const x = grid(width, height, width * 31 + height);
  const n = width * height;

  const box = pool.allocate('f32', n);
  await pool.run('boxRows', { x, width, height, out: box }, { axis: 'rows', extent: height, outputs: ['out'], bands });
  const boxWhole = new Float32Array(n);
  boxRows(x, width, height, boxWhole, 0, height);
  expect(box).toEqual(boxWhole);

  const sums = pool.allocate('f32', n);
  await pool.run('cumsumCols', { x, width, height, out: sums }, { axis: 'cols', extent: width, outputs: ['out'], bands });
  const sumsWhole = new Float32Array(n);
  cumsumCols(x, width, height, sumsWhole, 0, width);
  expect(sums).toEqual(sumsWhole);

  const acc = pool.allocate('f32', n);
  acc.set(x);
  await pool.run('addRows', { x, out: acc, width }, { axis: 'rows', extent: height, outputs: ['out'], bands });
  expect(acc).toEqual(x.map((v) => 2 * v));

  const layers = scoreLayers(n, 7);
  const overlay = pool.allocate('f32', n);
  await pool.run('weightedCells', { ...layers, out: overlay }, { axis: 'cells', extent: n, outputs: ['out'], bands });
  const overlayWhole = new Float32Array(n);
  weightedCells(layers.scores, layers.weights, layers.exclusion, overlayWhole, 0, n);
  expect(overlay).toEqual(overlayWhole);
  // The caller's inputs are never transferred away: only copies travel.
  expect(x.length).toBe(n);
  expect(layers.scores[2].length).toBe(n);
}

describe('splitBands', () => {
  it('covers [0, extent) with bands whose sizes differ by at most one', () => {
    for (const [extent, count] of [[10, 3], [7, 7], [100, 8], [5, 1]]) {
      const bands = splitBands(extent, count);
      expect(bands.length).toBe(Math.min(extent, count));
      expect(bands[0][0]).toBe(0);
      expect(bands.at(-1)![1]).toBe(extent);
      bands.slice(1).forEach(([s], i) => expect(s).toBe(bands[i][1]));
      const sizes = bands.map(([s, e]) => e - s);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives one band per row when there are fewer rows than workers, and none for an empty extent', () => {
    expect(splitBands(3, 8)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(splitBands(0, 4)).toEqual([]);
  });
});

describe('bands of an output', () => {
  it('packs columns [2, 4) of a 5-wide grid row after row and writes them back in place', () => {
    const out = Float32Array.from({ length: 15 }, (_, i) => i);
    const layout = bandLayout('cols', out.length, 5, undefined, 2, 4) as BandLayout;
    const band = readBand(out, layout);
    expect([...band]).toEqual([2, 3, 7, 8, 12, 13]);
    const target = new Float32Array(15);
    writeBand(target, band, layout);
    expect([...target]).toEqual([0, 0, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 12, 13, 0]);
  });

  it('takes rows of several values per cell when width is left out', () => {
    // 3 rows of 2 cells × 4 values (an RGBA output).
    expect(bandLayout('rows', 24, 3, undefined, 1, 3)).toEqual({ offset: 8, run: 16, runs: 1, stride: 0 });
  });

  it('says when an output does not fit the plan', () => {
    expect(bandLayout('rows', 10, 3, undefined, 0, 3)).toMatch(/no 3 rows/);
    expect(bandLayout('cols', 10, 4, undefined, 0, 4)).toMatch(/no 4 columns/);
    expect(bandLayout('cells', 10, 11, undefined, 0, 11)).toMatch(/exceeds/);
  });
});

describe('inline pool', () => {
  it('gives the same outputs as one whole-range call, for rows, columns and cells', async () => {
    await checkAxes(createInlinePool(GRID_KERNELS, 4), 13, 7);
  });

  it('handles uneven band sizes', async () => {
    for (const bands of [1, 2, 3, 5, 6]) await checkAxes(createInlinePool(GRID_KERNELS, bands), 11, 17);
  });

  it('handles an extent smaller than the pool', async () => {
    await checkAxes(createInlinePool(GRID_KERNELS, 8), 2, 3);
  });

  it('rejects with the kernel message', async () => {
    const pool = createInlinePool(GRID_KERNELS, 4);
    await expect(pool.run('failRows', { failAt: 9, message: 'DEM row 9 is corrupt' }, { axis: 'rows', extent: 12, outputs: [] })).rejects.toThrow('DEM row 9 is corrupt');
  });

  it('rejects outputs that are not typed arrays or do not fit', async () => {
    const pool = createInlinePool(GRID_KERNELS, 2);
    const x = new Float32Array(12);
    await expect(pool.run('boxRows', { x, width: 4, height: 3, out: [] as unknown as Float32Array }, { axis: 'rows', extent: 3, outputs: ['out'] })).rejects.toThrow(/not a typed array/);
    await expect(pool.run('boxRows', { x, width: 4, height: 3, out: new Float32Array(10) }, { axis: 'rows', extent: 3, outputs: ['out'] })).rejects.toThrow(/no 3 rows/);
  });

  it('reports progress per band and stops at an aborted signal', async () => {
    const pool = createInlinePool(GRID_KERNELS, 3);
    const seen: number[] = [];
    const x = grid(4, 6, 1);
    await pool.run('boxRows', { x, width: 4, height: 6, out: new Float32Array(24) }, { axis: 'rows', extent: 6, outputs: ['out'], onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1, 2, 3]);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(pool.run('boxRows', { x, width: 4, height: 6, out: new Float32Array(24) }, { axis: 'rows', extent: 6, outputs: ['out'], signal: controller.signal })).rejects.toThrow('cancelled by the user');
  });
});

describe('worker pool over message channels', () => {
  let pool: GridPool | undefined;
  afterEach(() => {
    pool?.terminate();
    pool = undefined;
    vi.unstubAllGlobals();
  });

  it('copies bands back when memory is not shared, and sends only each band', async () => {
    const log: unknown[] = [];
    pool = createGridPool({ size: 3, shared: false, makeWorker: () => channelWorker(log) });
    expect(pool.shared).toBe(false);
    await checkAxes(pool, 13, 7);
    await checkAxes(pool, 11, 17, 5);
    await checkAxes(pool, 2, 3);
    const bands = log.flatMap((m) => (m as { bands?: Float32Array[] }).bands ?? []);
    expect(bands.length).toBeGreaterThan(0);
    expect(Math.max(...bands.map((b) => b.length))).toBeLessThan(17 * 11);
  });

  it('lets workers write into shared outputs when cross-origin isolated', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const log: unknown[] = [];
    pool = createGridPool({ size: 2, makeWorker: () => channelWorker(log) });
    expect(pool.shared).toBe(true);
    expect(pool.allocate('u8', 4).buffer).toBeInstanceOf(SharedArrayBuffer);
    await checkAxes(pool, 13, 7);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((m) => (m as { bands?: unknown }).bands === undefined)).toBe(true);
  });

  it('runs several runs at once', async () => {
    pool = createGridPool({ size: 2, shared: false, makeWorker: () => channelWorker([]) });
    await Promise.all([checkAxes(pool, 9, 8), checkAxes(pool, 5, 12), checkAxes(pool, 1, 1)]);
  });

  it('rejects with the kernel message and keeps working', async () => {
    pool = createGridPool({ size: 2, shared: false, makeWorker: () => channelWorker([]) });
    await expect(pool.run('failRows', { failAt: 9, message: 'DEM row 9 is corrupt' }, { axis: 'rows', extent: 12, outputs: [] })).rejects.toThrow('DEM row 9 is corrupt');
    const unknown = pool as unknown as GridPool<{ nope: () => void }>;
    await expect(unknown.run('nope', {} as never, { axis: 'rows', extent: 2, outputs: [] })).rejects.toThrow('no kernel named "nope"');
    await checkAxes(pool, 6, 5);
  });

  it('resolves at once for an empty extent, and rejects after terminate', async () => {
    pool = createGridPool({ size: 2, shared: false, makeWorker: () => channelWorker([]) });
    await pool.run('failRows', { failAt: 0, message: 'never' }, { axis: 'rows', extent: 0, outputs: [] });
    const x = grid(64, 64, 3);
    const pending = pool.run('boxRows', { x, width: 64, height: 64, out: new Float32Array(64 * 64) }, { axis: 'rows', extent: 64, outputs: ['out'] });
    pool.terminate();
    await expect(pending).rejects.toThrow('grid pool terminated');
    await expect(pool.run('boxRows', { x, width: 64, height: 64, out: new Float32Array(64 * 64) }, { axis: 'rows', extent: 64, outputs: ['out'] })).rejects.toThrow('grid pool terminated');
  });

  it('rejects with the signal reason when aborted mid-run', async () => {
    pool = createGridPool({ size: 1, shared: false, makeWorker: () => channelWorker([]) });
    const controller = new AbortController();
    const x = grid(32, 32, 5);
    const run = pool.run('boxRows', { x, width: 32, height: 32, out: new Float32Array(32 * 32) }, {
      axis: 'rows',
      extent: 32,
      outputs: ['out'],
      bands: 8,
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(new Error('cancelled by the user')),
    });
    await expect(run).rejects.toThrow('cancelled by the user');
    await checkAxes(pool, 4, 4);
  });
});
