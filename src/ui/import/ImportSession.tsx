import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../core/import/types';
import { describeIssue } from '../../core/import/describe-issue';
import type { ReadProgress, SourceSummary } from '../../../workers/import.types';
import { createImportClient, type ImportClient } from '../../../workers/import.client';
import { Comlink } from '../../../workers/data.client';
import { currentLanguage } from '../i18n';
import { ImportWizard, type ImportTarget } from './ImportWizard';

type Phase =
  | { phase: 'reading'; progress: ReadProgress | null }
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
 * that terminates it), then each readable file goes through the wizard in turn. Files that
 * cannot be read are listed with their reasons. Nothing reaches the project before the
 * user adds it, so cancelling or failing leaves the loaded layers untouched.
 */
export function ImportSession({ files, hint, target, onClose }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [phase, setPhase] = useState<Phase>({ phase: 'reading', progress: null });
  const messages = useRef<string[]>([]);
  const terminateRef = useRef<() => void>(() => undefined);

  // One io worker per session, ended with it (also when the user cancels a long read).
  useEffect(() => {
    let live = true;
    const { client, terminate } = createImportClient();
    terminateRef.current = terminate;
    client
      .readFiles(
        files,
        hint,
        Comlink.proxy((progress: ReadProgress) => {
          if (live) setPhase((p) => (p.phase === 'reading' ? { phase: 'reading', progress } : p));
        }),
      )
      .then(
        ({ sources, failures }) => {
          if (!live) return;
          setPhase(sources.length > 0 ? { phase: 'wizard', client, sources, index: 0, failures } : { phase: 'failed', failures });
        },
        (e: unknown) => {
          if (!live) return;
          const detail = e instanceof Error ? e.message : String(e);
          setPhase({ phase: 'failed', failures: [{ code: 'import.crashed', severity: 'error', file: files.map((f) => f.name).join(', '), params: { detail } }] });
        },
      );
    return () => {
      live = false;
      terminate();
    };
  }, [files, hint]);

  const close = () => {
    target.showPreview(null);
    onClose(messages.current);
  };

  if (phase.phase === 'reading') {
    const p = phase.progress;
    return (
      <section className="panel import-wizard" data-testid="import-reading" role="status">
        <p>{t('import.reading', { file: p?.file || files[0]?.name || '', done: p?.done ?? 0, total: p?.total ?? files.length })}</p>
        {/* One file is parsed in one go: the bar then shows work in progress rather than a fraction. */}
        {(p?.total ?? files.length) > 1 ? <progress max={p?.total || 1} value={p?.done ?? 0} /> : <progress />}
        <footer className="wizard-actions">
          <button
            type="button"
            data-testid="import-cancel"
            onClick={() => {
              terminateRef.current();
              onClose([t('import.cancelled')]);
            }}
          >
            {t('import.cancel')}
          </button>
        </footer>
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
