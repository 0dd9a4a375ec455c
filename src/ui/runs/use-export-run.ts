import { useCallback, useState } from 'react';
import type { Message } from '../../core/messages';
import { startRun } from './run';

/**
 * Exports (register, relocation tables, suitability results, layers) as runs of the one
 * protocol: the failure of the last one, as a catalogue message, until the next starts or
 * the user closes it.
 */
export function useExportRun() {
  const [failure, setFailure] = useState<Message | null>(null);
  const run = useCallback(async (job: () => Promise<void>) => {
    setFailure(null);
    const outcome = await startRun('export', job).result;
    if (!outcome.ok && 'failure' in outcome) setFailure(outcome.failure);
  }, []);
  return { run, failure, clear: useCallback(() => setFailure(null), []) };
}
