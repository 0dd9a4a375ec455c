/**
 * A pool of workers that runs one raster kernel over bands of a grid.
 *
 * A kernel is `kernel(args, start, end)`: it reads whole input arrays and writes a disjoint
 * range of its output arrays — rows [start, end), columns [start, end) or flat cells
 * [start, end) — and touches nothing of its outputs outside that band (with shared memory that
 * would race with the other bands; in transfer mode it would read zeros). The pool splits
 * [0, extent) into bands, hands bands to idle workers (a queue, so a slow band does not hold
 * the others back) and resolves when every band is written.
 *
 * Two ways for a band's output to reach the caller:
 *
 * - shared (the page is cross-origin isolated and every output is on a SharedArrayBuffer):
 *   workers write straight into the caller's outputs; a reply is only "band done".
 * - transfer (anything else): each worker gets its own copy of the inputs (once per run, not
 *   per band; copied by `slice` and transferred) and a zeroed output of full size; with each
 *   band it gets that band's current content, runs the kernel and posts back only its band of
 *   each output, which the pool writes into the caller's arrays. Correct everywhere, slower
 *   for big inputs (a 4000 × 4000 Float32 copy: ~10 ms shared, ~300 ms transfer, 2 workers).
 *
 * Band of an output, as it travels back in transfer mode (`BandLayout`):
 *
 *   rows, width W       cells               cols [c0, c1), row stride W
 *   ┌──────────┐        ┌────────────┐      ┌──┬────┬────┐
 *   │          │        │   ██████   │      │  │████│    │   `runs` = height pieces of
 *   │██████████│ r0     └────────────┘      │  │████│    │   c1 − c0 cells each, packed
 *   │██████████│        one piece           │  │████│    │   row after row
 *   │          │ r1     [start, end)        └──┴────┴────┘
 *   └──────────┘
 *   one piece [r0·W, r1·W)
 *
 * The file holds both ends of the message protocol: `createGridPool` (wherever the pool is
 * owned: the main thread or a worker) and `serveGridJobs` (inside grid.worker.ts), so they
 * cannot drift apart. It imports no kernels: those live in grid.kernels.ts, loaded only by
 * the worker (and by an inline pool).
 */
import type { GridKernels } from './grid.kernels';

/** Arguments of a kernel: typed arrays (maybe SharedArrayBuffer-backed), arrays of typed arrays, numbers, plain objects. */
export type GridArgs = Record<string, unknown>;

/** A kernel writes its outputs for [start, end) of the run's axis and nothing else. */
export type GridKernel<A = GridArgs> = (args: A, start: number, end: number) => void;

/** Kernels by name. `never` lets each kernel declare its own args type. */
export type GridRegistry = Record<string, GridKernel<never>>;

/** The args type a registered kernel declares. */
export type KernelArgs<F> = F extends (args: infer A, start: number, end: number) => void ? A : never;

/** What a band ranges over: rows or columns of a row-major grid, or flat cells. */
export type GridAxis = 'rows' | 'cols' | 'cells';

/** The typed arrays an output may be (no BigInt arrays, no DataView). */
export type GridTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** How one run is split and which args it writes. */
export interface GridPlan<A> {
  /** What [0, extent) counts. */
  axis: GridAxis;
  /** Rows (rows), columns (cols) or cells (cells) to cover. 0 resolves at once. */
  extent: number;
  /** Names of the args the kernel writes: typed arrays, written back band by band in transfer mode. */
  outputs: readonly (keyof A & string)[];
  /**
   * Elements per grid row of every output. Default: `output.length / extent` for rows (so a
   * row may hold several values per cell), `extent` for cols. Unused for cells.
   */
  width?: number;
  /** Number of bands. Default: 4 per worker (per inline band slot), at most one per row/column/cell. */
  bands?: number;
  /** Stops handing out bands; bands already running finish, and `run` rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each band is written. */
  onProgress?: (bandsDone: number, bandsTotal: number) => void;
}

/** Element kinds `allocate` knows. */
export interface GridArrayKinds {
  f32: Float32Array;
  f64: Float64Array;
  u8: Uint8Array;
  u16: Uint16Array;
  i16: Int16Array;
  i32: Int32Array;
  u32: Uint32Array;
}

/** A pool (of workers, or inline) that runs registered kernels by bands. */
export interface GridPool<R extends GridRegistry = GridKernels> {
  /** Runs `kernel` over every band of [0, plan.extent); resolves once all outputs are written, rejects with the kernel's error message. */
  run<K extends keyof R & string>(kernel: K, args: KernelArgs<R[K]>, plan: GridPlan<KernelArgs<R[K]>>): Promise<void>;
  /** True when outputs made by `allocate` are shared with the workers (no copies back). */
  readonly shared: boolean;
  /** Workers (or, inline, default band slots). */
  readonly size: number;
  /** A zeroed array of n elements: SharedArrayBuffer-backed when the pool is shared, plain otherwise. */
  allocate<T extends keyof GridArrayKinds>(kind: T, n: number): GridArrayKinds[T];
  /** Stops the workers; pending runs reject and later runs reject at once. */
  terminate(): void;
}

/** What the pool needs of a worker; a `Worker` is one, and so is a MessagePort wrapper in Node tests. */
export interface GridWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface GridPoolOptions {
  /** Workers. Default: `navigator.hardwareConcurrency`, clamped to 1…4. */
  size?: number;
  /**
   * Use SharedArrayBuffers. Default: `crossOriginIsolated` (the only case where browsers allow
   * them). `false` forces the transfer path even when isolated.
   */
  shared?: boolean;
  /** Starts one worker; default: a module worker on grid.worker.ts. */
  makeWorker?: () => GridWorkerLike;
}

const BANDS_PER_WORKER = 4;

const CONSTRUCTORS = { f32: Float32Array, f64: Float64Array, u8: Uint8Array, u16: Uint16Array, i16: Int16Array, i32: Int32Array, u32: Uint32Array } as const;

/** True where SharedArrayBuffers can be posted to workers: a cross-origin isolated page or worker. */
export function sharedMemoryAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/** A zeroed array of n elements, on a SharedArrayBuffer when `shared`. */
export function allocateGrid<T extends keyof GridArrayKinds>(kind: T, n: number, shared: boolean): GridArrayKinds[T] {
  const Ctor = CONSTRUCTORS[kind] as unknown as { new (buffer: ArrayBufferLike): GridArrayKinds[T]; BYTES_PER_ELEMENT: number };
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  return new Ctor(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Splits [0, extent) into min(count, extent) bands whose sizes differ by at most one. */
export function splitBands(extent: number, count: number): [number, number][] {
  const n = Math.max(1, Math.min(Math.floor(count), extent));
  const bands: [number, number][] = [];
  for (let i = 0; i < n && extent > 0; i++) bands.push([Math.floor((i * extent) / n), Math.floor(((i + 1) * extent) / n)]);
  return bands;
}

/** Where a band lies in an output: `runs` pieces of `run` elements, piece k at `offset + k·stride`. */
export interface BandLayout {
  offset: number;
  run: number;
  runs: number;
  stride: number;
}

/**
 * The layout of band [start, end) in an output of `length` elements, or a message saying
 * why the output does not fit the plan (a bug in the caller).
 */
export function bandLayout(axis: GridAxis, length: number, extent: number, width: number | undefined, start: number, end: number): BandLayout | string {
  if (axis === 'cells') {
    if (extent > length) return `extent ${extent} exceeds the output's ${length} cells`;
    return { offset: start, run: end - start, runs: 1, stride: 0 };
  }
  if (axis === 'rows') {
    const rowLength = width ?? length / extent;
    if (!Number.isInteger(rowLength) || rowLength * extent > length) return `an output of ${length} elements has no ${extent} rows of ${rowLength}`;
    return { offset: start * rowLength, run: (end - start) * rowLength, runs: 1, stride: 0 };
  }
  const stride = width ?? extent;
  const height = length / stride;
  if (!Number.isInteger(height) || extent > stride) return `an output of ${length} elements has no ${extent} columns in rows of ${stride}`;
  return { offset: start, run: end - start, runs: height, stride };
}

/** Copies a band out of an output into a new packed array of the same type. */
export function readBand(out: GridTypedArray, b: BandLayout): GridTypedArray {
  if (b.runs === 1) return out.slice(b.offset, b.offset + b.run);
  const band = new (out.constructor as new (n: number) => GridTypedArray)(b.run * b.runs);
  for (let k = 0; k < b.runs; k++) {
    const o = b.offset + k * b.stride;
    band.set(out.subarray(o, o + b.run), k * b.run);
  }
  return band;
}

/** Writes a packed band (from `readBand`) into its place in an output. */
export function writeBand(out: GridTypedArray, band: GridTypedArray, b: BandLayout): void {
  if (b.runs === 1) {
    out.set(band, b.offset);
    return;
  }
  for (let k = 0; k < b.runs; k++) out.set(band.subarray(k * b.run, (k + 1) * b.run), b.offset + k * b.stride);
}

function isGridTypedArray(x: unknown): x is GridTypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array);
}

function isShared(a: GridTypedArray): boolean {
  return typeof SharedArrayBuffer === 'function' && a.buffer instanceof SharedArrayBuffer;
}

/** The outputs of a plan, checked against it; throws on a caller's bug. */
function planOutputs(args: GridArgs, plan: GridPlan<GridArgs>): GridTypedArray[] {
  if (!Number.isInteger(plan.extent) || plan.extent < 0) throw new Error(`grid run: extent must be a whole number ≥ 0, got ${plan.extent}`);
  return plan.outputs.map((name) => {
    const out = args[name];
    if (!isGridTypedArray(out)) throw new Error(`grid run: output "${name}" is not a typed array`);
    const layout = bandLayout(plan.axis, out.length, plan.extent, plan.width, 0, plan.extent);
    if (typeof layout === 'string') throw new Error(`grid run: output "${name}": ${layout}`);
    return out;
  });
}

function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.min(4, Math.max(1, cores));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The grid run was aborted.', 'AbortError');
}

// ── Messages ────────────────────────────────────────────────────────────────────────────────

/**
 * Sent with a worker's first band of a run; the worker keeps it until `release`. In transfer
 * mode the outputs are left out of `args` and described by `blanks` (same order as
 * `outputs`): the worker makes zeroed arrays rather than receive copies it would overwrite.
 */
interface RunSetup {
  kernel: string;
  args: GridArgs;
  axis: GridAxis;
  extent: number;
  width: number | undefined;
  outputs: readonly string[];
  mode: 'shared' | 'transfer';
  blanks?: { type: string; length: number }[];
}

/** `seeds` (transfer mode): the band's current content of each output, packed as `readBand` does. */
type ToWorker = { type: 'band'; run: number; start: number; end: number; setup?: RunSetup; seeds?: GridTypedArray[] } | { type: 'release'; run: number };

const TYPED_ARRAYS: Record<string, new (n: number) => GridTypedArray> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};

/** The setup of a run, with outputs as blanks in transfer mode. */
function runSetup(kernel: string, args: GridArgs, plan: GridPlan<GridArgs>, outputs: GridTypedArray[], mode: RunSetup['mode']): RunSetup {
  const base = { kernel, axis: plan.axis, extent: plan.extent, width: plan.width, outputs: plan.outputs, mode };
  if (mode === 'shared') return { ...base, args };
  const lean = { ...args };
  for (const name of plan.outputs) delete lean[name];
  return { ...base, args: lean, blanks: outputs.map((o) => ({ type: o[Symbol.toStringTag], length: o.length })) };
}

/**
 * Args ready to post to one worker: every typed array not on shared memory is copied with
 * `slice` and its copy transferred. A structured clone would copy it twice (into the message
 * and out of it) and block the sender longer, about twice as long for a 64 MB grid in Chromium.
 * One copy per distinct array object, so an array passed twice arrives as one array.
 */
function postableArgs(args: GridArgs): { args: GridArgs; transfer: ArrayBuffer[] } {
  const copies = new Map<object, unknown>();
  const transfer: ArrayBuffer[] = [];
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (copies.has(value)) return copies.get(value);
    let result: unknown = value;
    if (isGridTypedArray(value)) {
      if (!isShared(value)) {
        const c = value.slice();
        transfer.push(c.buffer as ArrayBuffer);
        result = c;
      }
    } else if (Array.isArray(value)) {
      result = value.map(copy);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      result = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
    }
    copies.set(value, result);
    return result;
  };
  return { args: copy(args) as GridArgs, transfer };
}

function layoutOf(setup: RunSetup, out: GridTypedArray, start: number, end: number): BandLayout {
  return bandLayout(setup.axis, out.length, setup.extent, setup.width, start, end) as BandLayout;
}

/** `bands` (transfer mode only) follow `outputs` order. `run` −1: a message the worker could not read. */
type FromWorker = { type: 'done'; run: number; start: number; end: number; bands?: GridTypedArray[] } | { type: 'error'; run: number; message: string };

/** What `serveGridJobs` needs of its end: a worker's global scope, or a MessagePort. */
export interface GridPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** The worker side: runs band jobs from the pool with kernels from `registry`. */
export function serveGridJobs(registry: GridRegistry, port: GridPort): void {
  const runs = new Map<number, RunSetup>();
  const reply = (message: FromWorker, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  port.addEventListener('message', (event) => {
    const message = event.data as ToWorker;
    if (message.type === 'release') {
      runs.delete(message.run);
      return;
    }
    const { run, start, end } = message;
    if (message.setup) {
      const { args, outputs, blanks } = message.setup;
      blanks?.forEach((b, i) => (args[outputs[i]] = new TYPED_ARRAYS[b.type](b.length)));
      runs.set(run, message.setup);
    }
    const setup = runs.get(run);
    try {
      if (!setup) throw new Error(`grid worker: band of unknown run ${run}`);
      const kernel = Object.hasOwn(registry, setup.kernel) ? (registry[setup.kernel] as GridKernel) : undefined;
      if (!kernel) throw new Error(`grid worker: no kernel named "${setup.kernel}" in grid.kernels.ts`);
      const outputs = setup.outputs.map((name) => setup.args[name] as GridTypedArray);
      message.seeds?.forEach((seed, i) => writeBand(outputs[i], seed, layoutOf(setup, outputs[i], start, end)));
      kernel(setup.args, start, end);
      if (setup.mode === 'shared') {
        reply({ type: 'done', run, start, end });
        return;
      }
      const bands = outputs.map((out) => readBand(out, layoutOf(setup, out, start, end)));
      reply({ type: 'done', run, start, end, bands }, bands.map((b) => b.buffer as ArrayBuffer));
    } catch (e) {
      reply({ type: 'error', run, message: e instanceof Error ? e.message : String(e) });
    }
  });
  port.addEventListener('messageerror', () => reply({ type: 'error', run: -1, message: 'grid worker: could not receive a band job (its args cannot be copied into a worker)' }));
  port.start?.();
}

// ── The pool ────────────────────────────────────────────────────────────────────────────────

interface Run {
  id: number;
  setup: RunSetup;
  outputs: GridTypedArray[];
  queue: [number, number][];
  total: number;
  done: number;
  onProgress: ((bandsDone: number, bandsTotal: number) => void) | undefined;
  resolve: () => void;
  reject: (reason: unknown) => void;
  /** Detaches the abort listener. */
  detach: () => void;
}

interface Slot {
  worker: GridWorkerLike;
  /** The run whose band this worker is computing, if any. */
  busy: Run | null;
  /** Runs whose args this worker holds. */
  loaded: Set<number>;
}

/**
 * Starts a pool of `size` grid workers (lazily, at the first run). Works on the main thread
 * and inside a module worker (the workers are then nested).
 */
export function createGridPool<R extends GridRegistry = GridKernels>(options: GridPoolOptions = {}): GridPool<R> {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const shared = (options.shared ?? true) && sharedMemoryAvailable();
  const makeWorker = options.makeWorker ?? (() => new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module', name: 'anju-grid' }));
  let slots: Slot[] | null = null;
  let stopped: Error | null = null;
  const runs = new Map<number, Run>();
  let nextRun = 1;

  function settle(run: Run, error?: unknown) {
    if (!runs.delete(run.id)) return;
    run.detach();
    // A worker reads its messages in order, so a release sent while it still computes a band
    // of this run arrives after that band: nothing is dropped from under a running kernel.
    for (const slot of slots ?? []) {
      if (!slot.loaded.delete(run.id)) continue;
      slot.worker.postMessage({ type: 'release', run: run.id } satisfies ToWorker, []);
    }
    if (error === undefined) run.resolve();
    else run.reject(error);
    dispatch();
  }

  function dispatch() {
    if (stopped) return;
    for (const slot of slots ?? []) {
      if (slot.busy) continue;
      const run = [...runs.values()].find((r) => r.queue.length > 0);
      if (!run) return;
      const [start, end] = run.queue.shift()!;
      slot.busy = run;
      try {
        const transfer: ArrayBuffer[] = [];
        let setup: RunSetup | undefined;
        if (!slot.loaded.has(run.id)) {
          const postable = postableArgs(run.setup.args);
          setup = { ...run.setup, args: postable.args };
          transfer.push(...postable.transfer);
        }
        const seeds = run.setup.mode === 'transfer' ? run.outputs.map((out) => readBand(out, layoutOf(run.setup, out, start, end))) : undefined;
        for (const seed of seeds ?? []) transfer.push(seed.buffer as ArrayBuffer);
        slot.loaded.add(run.id);
        slot.worker.postMessage({ type: 'band', run: run.id, start, end, setup, seeds } satisfies ToWorker, transfer);
      } catch (e) {
        // DataCloneError: args hold something that cannot be posted (a function, a DOM node…).
        slot.busy = null;
        slot.loaded.delete(run.id);
        settle(run, e);
      }
    }
  }

  function onMessage(slot: Slot, message: FromWorker) {
    const run = slot.busy;
    slot.busy = null;
    if (run && runs.has(run.id) && (message.run === run.id || message.run === -1)) {
      if (message.type === 'error') {
        settle(run, new Error(message.message));
      } else {
        const { bands, start, end } = message;
        bands?.forEach((band, i) => writeBand(run.outputs[i], band, layoutOf(run.setup, run.outputs[i], start, end)));
        run.done++;
        run.onProgress?.(run.done, run.total);
        if (run.done === run.total) settle(run);
      }
    }
    dispatch();
  }

  function stop(error: Error) {
    stopped ??= error;
    for (const slot of slots ?? []) slot.worker.terminate();
    for (const run of [...runs.values()]) settle(run, error);
  }

  function start(): Slot[] {
    return Array.from({ length: size }, () => {
      const slot: Slot = { worker: makeWorker(), busy: null, loaded: new Set() };
      slot.worker.addEventListener('message', (e) => onMessage(slot, (e as MessageEvent<FromWorker>).data));
      slot.worker.addEventListener('messageerror', () => onMessage(slot, { type: 'error', run: -1, message: 'grid pool: could not receive a band from a grid worker' }));
      // A worker that fails to load or dies outside a kernel: the pool cannot know what it
      // still had to do, so it stops, and the owner starts a new one.
      slot.worker.addEventListener('error', (e) => {
        const detail = (e as ErrorEvent).message;
        stop(new Error(`grid worker failed${detail ? `: ${detail}` : ' to start'}`));
      });
      return slot;
    });
  }

  return {
    shared,
    size,
    allocate: (kind, n) => allocateGrid(kind, n, shared),
    terminate: () => stop(new Error('grid pool terminated')),
    run(kernel, args, plan) {
      return new Promise<void>((resolve, reject) => {
        if (stopped) throw stopped;
        const a = args as GridArgs;
        const p = plan as GridPlan<GridArgs>;
        const outputs = planOutputs(a, p);
        if (p.signal?.aborted) throw abortReason(p.signal);
        const queue = splitBands(p.extent, p.bands ?? size * BANDS_PER_WORKER);
        if (queue.length === 0) return resolve();
        const mode = shared && outputs.every(isShared) ? 'shared' : 'transfer';
        const setup = runSetup(kernel, a, p, outputs, mode);
        const signal = p.signal;
        const onAbort = () => settle(run, abortReason(signal!));
        const detach = () => signal?.removeEventListener('abort', onAbort);
        const run: Run = { id: nextRun++, setup, outputs, queue, total: queue.length, done: 0, onProgress: p.onProgress, resolve, reject, detach };
        runs.set(run.id, run);
        signal?.addEventListener('abort', onAbort, { once: true });
        slots ??= start();
        dispatch();
      });
    },
  };
}

/**
 * The same splitting, in this thread: for Node tests, and for grids so small that a message
 * round trip costs more than the work. Outputs are written in place; `shared` is false.
 */
export function createInlinePool<R extends GridRegistry>(registry: R, bands = BANDS_PER_WORKER): GridPool<R> {
  return {
    shared: false,
    size: bands,
    allocate: (kind, n) => allocateGrid(kind, n, false),
    terminate: () => {},
    async run(name, args, plan) {
      const p = plan as GridPlan<GridArgs>;
      planOutputs(args as GridArgs, p);
      const kernel = Object.hasOwn(registry, name) ? (registry[name] as unknown as GridKernel) : undefined;
      if (!kernel) throw new Error(`grid pool: no kernel named "${name}"`);
      const list = splitBands(p.extent, p.bands ?? bands);
      for (let i = 0; i < list.length; i++) {
        if (p.signal?.aborted) throw abortReason(p.signal);
        kernel(args as GridArgs, list[i][0], list[i][1]);
        p.onProgress?.(i + 1, list.length);
      }
    },
  };
}
