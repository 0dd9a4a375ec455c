/**
 * The grid pool's probe, served only to the browser tests from their own entry page (next to
 * this file; never part of the app): `window.__anjuPool(mode, options)` runs the
 * pool's check kernels (rows with a halo, columns, cells over a list of layers) through a real
 * worker pool and compares each output with one whole-range call in this thread; with
 * `benchWidth`/`benchHeight` it also times a copy kernel, which is all overhead and no work.
 *
 * `nested: true` asks a module worker (this same file, started as a worker) to own the pool,
 * as the suitability worker will: the grid workers are then nested workers.
 */
import { createGridPool, type GridPool } from '../../../workers/grid-pool';
import { createRng } from '../../../src/core/random';

/** `shared` uses SharedArrayBuffers when the page is cross-origin isolated; `transfer` never does. */
export type PoolProbeMode = 'shared' | 'transfer';

export interface PoolProbeOptions {
  /** Own the pool in a module worker rather than here. */
  nested?: boolean;
  /** Workers in the pool; default as `createGridPool`. */
  size?: number;
  /** Size of the copy benchmark in cells; both 0 (default) skip it. */
  benchWidth?: number;
  benchHeight?: number;
}

export interface PoolProbeReport {
  where: 'main' | 'worker';
  crossOriginIsolated: boolean;
  /** Whether the pool shared its outputs with the workers. */
  shared: boolean;
  size: number;
  /** Check kernels whose pooled output differs from the whole-range call; empty when all agree. */
  mismatches: string[];
  bench?: {
    /** First run, starting the workers included, in ms. */
    firstMs: number;
    /** Median of three runs on started workers, in ms. */
    warmMs: number;
    /** The same copy as one `set` in this thread (into the same, already touched output), in ms. */
    inThreadMs: number;
    /** Whether the benchmark's output equals its input. */
    correct: boolean;
  };
}

declare global {
  interface Window {
    __anjuPool?: (mode: PoolProbeMode, options?: PoolProbeOptions) => Promise<PoolProbeReport>;
  }
}

const isWorkerScope = typeof window === 'undefined' && typeof self !== 'undefined';

function sameArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

async function checkKernels(pool: GridPool): Promise<string[]> {
  const { addRows, boxRows, cumsumCols, weightedCells } = await import('../../../workers/grid.kernels');
  // Odd sizes, so bands are uneven and columns do not divide evenly.
  const width = 257;
  const height = 193;
  const n = width * height;
  const rng = createRng(20261122);
  const x = pool.allocate('f32', n);
  for (let i = 0; i < n; i++) x[i] = rng.range(0, 1000);
  const scores = [0, 1, 2].map(() => {
    const s = pool.allocate('u8', n);
    for (let i = 0; i < n; i++) s[i] = rng.int(0, 101);
    return s;
  });
  const exclusion = pool.allocate('u8', n);
  for (let i = 0; i < n; i++) exclusion[i] = rng.chance(0.1) ? 1 : 0;
  const weights = [0.5, 0.3, 0.2];

  const mismatches: string[] = [];
  const box = pool.allocate('f32', n);
  const sums = pool.allocate('f32', n);
  const overlay = pool.allocate('f32', n);
  const twice = pool.allocate('f32', n);
  twice.set(x);
  await Promise.all([
    pool.run('addRows', { x, out: twice, width }, { axis: 'rows', extent: height, outputs: ['out'] }),
    pool.run('boxRows', { x, width, height, out: box }, { axis: 'rows', extent: height, outputs: ['out'] }),
    pool.run('cumsumCols', { x, width, height, out: sums }, { axis: 'cols', extent: width, outputs: ['out'] }),
    pool.run('weightedCells', { scores, weights, exclusion, out: overlay }, { axis: 'cells', extent: n, outputs: ['out'] }),
  ]);
  const expected = Float32Array.from(x);
  addRows(x, expected, width, 0, height);
  if (!sameArrays(twice, expected)) mismatches.push('addRows');
  boxRows(x, width, height, expected, 0, height);
  if (!sameArrays(box, expected)) mismatches.push('boxRows');
  cumsumCols(x, width, height, expected, 0, width);
  if (!sameArrays(sums, expected)) mismatches.push('cumsumCols');
  weightedCells(scores, weights, exclusion, expected, 0, n);
  if (!sameArrays(overlay, expected)) mismatches.push('weightedCells');
  return mismatches;
}

async function benchCopy(pool: GridPool, width: number, height: number): Promise<NonNullable<PoolProbeReport['bench']>> {
  const n = width * height;
  const x = pool.allocate('f32', n);
  for (let i = 0; i < n; i++) x[i] = i % 4093;
  const out = pool.allocate('f32', n);
  const copy = () => pool.run('copyRows', { x, out, width }, { axis: 'rows', extent: height, outputs: ['out'] });
  let t = performance.now();
  await copy();
  const firstMs = performance.now() - t;
  const warm: number[] = [];
  for (let k = 0; k < 3; k++) {
    out.fill(0);
    t = performance.now();
    await copy();
    warm.push(performance.now() - t);
  }
  const correct = sameArrays(out, x);
  t = performance.now();
  out.set(x);
  const inThreadMs = performance.now() - t;
  return { firstMs, warmMs: warm.sort((a, b) => a - b)[1], inThreadMs, correct };
}

/** Runs the probe in this thread (main or worker). */
export async function runPoolProbe(mode: PoolProbeMode, options: PoolProbeOptions = {}): Promise<PoolProbeReport> {
  const pool = createGridPool({ size: options.size, shared: mode === 'shared' });
  try {
    const mismatches = await checkKernels(pool);
    const bench = options.benchWidth && options.benchHeight ? await benchCopy(pool, options.benchWidth, options.benchHeight) : undefined;
    return { where: isWorkerScope ? 'worker' : 'main', crossOriginIsolated: globalThis.crossOriginIsolated === true, shared: pool.shared, size: pool.size, mismatches, bench };
  } finally {
    pool.terminate();
  }
}

function runInWorker(mode: PoolProbeMode, options: PoolProbeOptions): Promise<PoolProbeReport> {
  const worker = new Worker(new URL('./probe.ts', import.meta.url), { type: 'module', name: 'anju-pool-probe' });
  return new Promise<PoolProbeReport>((resolve, reject) => {
    worker.addEventListener('message', (e: MessageEvent<{ report?: PoolProbeReport; error?: string }>) => (e.data.report ? resolve(e.data.report) : reject(new Error(e.data.error))));
    worker.addEventListener('error', (e) => reject(new Error(`pool probe worker failed: ${e.message ?? 'it did not start'}`)));
    worker.postMessage({ mode, options: { ...options, nested: false } });
  }).finally(() => worker.terminate());
}

/** Exposes `window.__anjuPool` on the probe's page. */
export function installPoolProbe(): void {
  window.__anjuPool = (mode, options = {}) => (options.nested ? runInWorker(mode, options) : runPoolProbe(mode, options));
}

// Started as a worker by `runInWorker`: answer one probe request.
if (isWorkerScope) {
  self.addEventListener('message', (e: MessageEvent<{ mode: PoolProbeMode; options: PoolProbeOptions }>) => {
    runPoolProbe(e.data.mode, e.data.options).then(
      (report) => self.postMessage({ report }),
      (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
