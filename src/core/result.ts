/**
 * Expected failures are values, not exceptions (STYLE.md habit 8).
 * `message` is written for the user: it says what is wrong and how to fix it.
 */
export interface Problem {
  /** Stable machine-readable code, e.g. `fgb.truncated`. */
  code: string;
  /** A sentence the user can act on (which file, row or field, and what to do). */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
