/**
 * The shape every long job shares, on both sides of a worker boundary: progress as
 * `{ done, total, stage? }`, an outcome that is a value, a result or a coded failure, or
 * cancelled. Pure types and one throttle, so worker APIs and the main thread agree without
 * either importing the other's code.
 */

/** How far a job has come: `done` of `total` steps, in the named stage when it has stages. */
export interface RunProgress {
  done: number;
  total: number;
  stage?: string;
}

import type { Message } from '../src/core/messages';

/** Where a job reports its progress (a Comlink proxy when the job runs in a worker). */
export type ProgressSink<P extends RunProgress = RunProgress> = (progress: P) => void;

/**
 * Why a job failed: a message of the catalogue (code and parameters), so the screen words it
 * in the user's language; `params.detail` carries the underlying error text where it is shown.
 */
export type RunFailure = Message;

export type RunOutcome<T> = { ok: true; value: T } | { ok: false; failure: RunFailure } | { ok: false; cancelled: true };

/** The least time between two progress reports that are let through, ms. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Passes progress on at most once per `intervalMs`, except that a new stage and the last step
 * (`done === total`) always pass: a report across a worker boundary is a message, and a
 * kernel may report every few hundred cells.
 */
export function throttleProgress<P extends RunProgress>(sink: ProgressSink<P>, intervalMs = PROGRESS_INTERVAL_MS): ProgressSink<P> {
  let last = -Infinity;
  let stage: string | undefined;
  let first = true;
  return (progress) => {
    const t = performance.now();
    if (first || progress.stage !== stage || progress.done >= progress.total || t - last >= intervalMs) {
      first = false;
      last = t;
      stage = progress.stage;
      sink(progress);
    }
  };
}
