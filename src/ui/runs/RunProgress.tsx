import { useCallback, useSyncExternalStore } from 'react';
import type { Run, RunProgress as Progress } from './run';

interface Props<P extends Progress> {
  run: Run<unknown, P> | null;
  /** The line beside the bar, from the last progress (null before the first report). */
  label: (progress: P | null) => string;
  /** The cancel button's text; no button without it. */
  cancelLabel?: string;
  /** What cancel does (default: cancel the run); stores that keep state about the run pass their own. */
  onCancel?: () => void;
  testId?: string;
  cancelTestId?: string;
}

const noSubscription = () => () => undefined;

/**
 * A run's progress bar, stage text and cancel button, the same in every panel. Only this
 * re-renders while the worker reports. The bar shows a fraction once there is one; before
 * that, or for a single step that cannot be divided (one file parsed, the solver), it shows
 * work under way.
 */
export function RunProgress<P extends Progress>({ run, label, cancelLabel, onCancel, testId, cancelTestId }: Props<P>) {
  const subscribe = useCallback((listener: () => void) => (run ? run.subscribe(listener) : noSubscription()), [run]);
  const progress = useSyncExternalStore(subscribe, () => run?.progress() ?? null);
  const divisible = progress !== null && (progress.total > 1 || progress.done > 0);
  return (
    <span className="run-progress" role="status" data-testid={testId}>
      {divisible ? <progress max={progress.total} value={progress.done} /> : <progress />}
      <span className="note">{label(progress)}</span>
      {cancelLabel && (
        <button type="button" onClick={onCancel ?? (() => run?.cancel())} data-testid={cancelTestId}>
          {cancelLabel}
        </button>
      )}
    </span>
  );
}
