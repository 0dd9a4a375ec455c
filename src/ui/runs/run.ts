/**
 * One way to run a long job from the main thread: start it, watch its progress, cancel it,
 * and await an outcome that never throws. Comlink stays the transport; the job is a function
 * that calls its worker and hands it `ctx.progress` (wrapped in `Comlink.proxy`).
 *
 * Cancel is cooperative when the job watches `ctx.signal`; a job that cannot stop (a
 * synchronous kernel, HiGHS, a parser) passes `terminate`, which ends its worker, and the
 * caller starts a fresh one next time. Either way the outcome is `{ ok: false, cancelled: true }`
 * at once, and whatever the job reports or returns later is dropped.
 */
import { isMessageCode, message, type MessageCode, type MessageParams } from '../../core/messages';
import { throttleProgress, type ProgressSink, type RunFailure, type RunOutcome, type RunProgress } from '../../../workers/run.protocol';

export type { RunFailure, RunOutcome, RunProgress } from '../../../workers/run.protocol';

export type RunKind = 'project' | 'import' | 'register' | 'suitability' | 'relocation' | 'briefing' | 'export';

/**
 * The message of a failure the job did not word itself (a thrown error): each kind's "it
 * broke" entry of the catalogue, with the error's text as `detail`.
 */
export const FAILURE_CODE: Record<RunKind, MessageCode> = {
  project: 'project.load-failed',
  import: 'import.crashed',
  register: 'register.failed',
  suitability: 'suitability.failed',
  relocation: 'relocation.failed',
  briefing: 'briefing.failed',
  export: 'export.failed',
};

export interface RunContext<P extends RunProgress = RunProgress> {
  /** Reports progress; throttled, and dropped once the run is over. */
  progress: ProgressSink<P>;
  /** Aborted on cancel, for jobs that can stop between blocks. */
  signal: AbortSignal;
}

export interface RunOptions {
  /** Stops a job that cannot stop itself (terminates its worker). */
  terminate?: () => void;
  /** The code of a thrown error, when the kind's usual one does not fit this job. */
  failureCode?: MessageCode;
}

export interface Run<T, P extends RunProgress = RunProgress> {
  readonly kind: RunKind;
  /** The outcome; resolves (never rejects) on result, failure or cancel. */
  readonly result: Promise<RunOutcome<T>>;
  /** Whether the outcome is in. */
  readonly settled: boolean;
  /** The last progress reported (null before the first). */
  progress(): P | null;
  /** Called on every progress report and when the run settles. */
  subscribe(listener: () => void): () => void;
  cancel(): void;
}

/**
 * The failure a thrown value stands for: its own message when it is one (Comlink passes thrown
 * plain objects as they are), else the kind's message with the error's text as `detail`.
 */
export function failureOf(kind: RunKind, error: unknown, code = FAILURE_CODE[kind]): RunFailure {
  if (typeof error === 'object' && error !== null && !(error instanceof Error)) {
    const thrown = error as { code?: unknown; params?: MessageParams };
    if (typeof thrown.code === 'string' && isMessageCode(thrown.code)) return message(thrown.code, thrown.params);
    if (typeof thrown.code === 'string') return message(code, { detail: thrown.code });
  }
  return message(code, { detail: error instanceof Error ? error.message : String(error) });
}

export function startRun<T, P extends RunProgress = RunProgress>(kind: RunKind, job: (ctx: RunContext<P>) => Promise<T>, options: RunOptions = {}): Run<T, P> {
  const controller = new AbortController();
  const listeners = new Set<() => void>();
  let current: P | null = null;
  let settled = false;
  let resolve!: (outcome: RunOutcome<T>) => void;
  const result = new Promise<RunOutcome<T>>((r) => (resolve = r));
  const notify = () => {
    for (const l of listeners) l();
  };
  const finish = (outcome: RunOutcome<T>) => {
    if (settled) return;
    settled = true;
    resolve(outcome);
    notify();
  };
  const progress = throttleProgress<P>((p) => {
    if (settled) return;
    current = p;
    notify();
  });

  const run: Run<T, P> = {
    kind,
    result,
    get settled() {
      return settled;
    },
    progress: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel() {
      if (settled) return;
      finish({ ok: false, cancelled: true });
      controller.abort();
      options.terminate?.();
    },
  };

  let promise: Promise<T>;
  try {
    promise = job({ progress, signal: controller.signal });
  } catch (error) {
    promise = Promise.reject(error);
  }
  promise.then(
    (value) => finish({ ok: true, value }),
    (error: unknown) => finish({ ok: false, failure: failureOf(kind, error, options.failureCode) }),
  );
  return run;
}
