import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../core/import/types';
import { describeIssue } from '../../core/import/describe-issue';
import type { ReadProgress, SourceSummary } from '../../../workers/import.types';
import { createImportClient, type ImportClient } from '../../../workers/import.client';
import { Comlink } from '../../../workers/data.client';
import { currentLanguage } from '../i18n';
import { startRun, type Run } from '../runs/run';
import { RunProgress } from '../runs/RunProgress';
import { ImportWizard, type ImportTarget } from './ImportWizard';

type Phase =
  | { phase: 'reading'; run: Run<unknown, ReadProgress> | null }
  | { phase: 'wizard'; client: ImportClient; sources: SourceSummary[]; index: number; failures: ImportIssue[] }
  | { phase: 'failed'; failures: ImportIssue[] };

interface Props {
  files: File[];
  /** The project's centre, which decides between Gauss–Krüger zones when a file says none. */
  hint: { centerLng: number; centerLat: number } | undefined;
  target: ImportTarget;
  /** The session is over: `message` says what was imported (null when nothing was). */
  onClose(messages: string[]): void;
}

/**
 * One import: the dropped files are read in a fresh io worker (progress and a cancel button
 * that terminates it, since a parser cannot stop halfway), then each readable file goes through the wizard in turn. Files that
 * cannot be read are listed with their reasons. Nothing reaches the project before the
 * user adds it, so cancelling or failing leaves the loaded layers untouched.
 */
export function ImportSession({ files, hint, target, onClose }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [phase, setPhase] = useState<Phase>({ phase: 'reading', run: null });
  const messages = useRef<string[]>([]);
  // The project's extent when the files were dropped: DEM tiles are clipped to it.
  const [area] = useState(target.projectBBox);

  // One io worker per session, ended with it (also when the user cancels a long read).
  useEffect(() => {
    let live = true;
    const { client, terminate } = createImportClient();
    const run = startRun<Awaited<ReturnType<ImportClient['readFiles']>>, ReadProgress>('import', (ctx) => client.readFiles(files, hint, Comlink.proxy(ctx.progress), area), { terminate });
    // Shown from the next microtask: state set in the effect's own body would render twice.
    void Promise.resolve().then(() => live && setPhase({ phase: 'reading', run }));
    void run.result.then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        const { sources, failures } = outcome.value;
        setPhase(sources.length > 0 ? { phase: 'wizard', client, sources, index: 0, failures } : { phase: 'failed', failures });
        return;
      }
      // Cancelled: the cancel button has closed the session already.
      if ('cancelled' in outcome) return;
      const { code, params } = outcome.failure;
      setPhase({ phase: 'failed', failures: [{ code, severity: 'error', file: files.map((f) => f.name).join(', '), params: { detail: String(params?.detail ?? '') } }] });
    });
    return () => {
      live = false;
      run.cancel();
      terminate();
    };
  }, [files, hint, area]);

  const close = () => {
    target.showPreview(null);
    onClose(messages.current);
  };

  if (phase.phase === 'reading') {
    const { run } = phase;
    return (
      <section className="panel import-wizard" data-testid="import-reading">
        <RunProgress
          run={run}
          label={(p) => t('import.reading', { file: p?.file || files[0]?.name || '', done: p?.done ?? 0, total: p?.total ?? files.length })}
          cancelLabel={t('import.cancel')}
          onCancel={() => {
            run?.cancel();
            onClose([t('import.cancelled')]);
          }}
          cancelTestId="import-cancel"
        />
      </section>
    );
  }

  const failures = phase.failures.length > 0 && (
    <div className="panel import-failures" role="alert" data-testid="import-failures">
      <p>{t('import.failures')}</p>
      <ul className="issues">
        {phase.failures.map((f, k) => <li key={k} className="issue error">{describeIssue(f, lang)}</li>)}
      </ul>
      {phase.phase === 'failed' && <button type="button" onClick={close} data-testid="import-close">{t('import.close')}</button>}
    </div>
  );

  if (phase.phase === 'failed') return <div className="import-stack">{failures}</div>;

  const source = phase.sources[phase.index];
  const next = (message: string | null) => {
    if (message) messages.current.push(message);
    target.showPreview(null);
    void phase.client.discard(source.sourceId);
    if (phase.index + 1 < phase.sources.length) setPhase({ ...phase, index: phase.index + 1 });
    else close();
  };
  return (
    <div className="import-stack">
      {failures}
      <ImportWizard key={source.sourceId} client={phase.client} source={source} position={{ k: phase.index + 1, n: phase.sources.length }} target={target} onDone={next} />
    </div>
  );
}
