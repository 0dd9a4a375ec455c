import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Comlink, type DataClient } from '../../workers/data.client';
import type { ProjectSummary } from '../../workers/data.types';
import type { LocalizedText } from '../core/manifest';
import { localizeMessage, message, type Message } from '../core/messages';
import { useMessageText } from './message';
import { DEMO_PROJECT_ID, openProject } from './project-store';
import { downloadBlob } from './download';
import { Icon } from './icons';
import { startRun } from './runs/run';

/** Work to finish before the open project is exported: stores' debounced saves. */
const exportHooks = new Set<() => Promise<void>>();

/**
 * Registers a save to run before the open project is exported (so pending edits are in the
 * file); returns the function that unregisters it, so it fits a `useEffect`.
 */
export function beforeProjectExport(hook: () => Promise<void>): () => void {
  exportHooks.add(hook);
  return () => {
    exportHooks.delete(hook);
  };
}

/** A project file that cannot be imported, and why (the reason in both languages). */
const refused = (file: string, reason: LocalizedText): Message => message('storage.project-file-refused', { file, reasonZh: reason.zh, reasonEn: reason.en });

/**
 * Projects kept in this browser: open the demo county or a saved project, start a new empty
 * one, delete one (after asking), export the open one as a project file (.anju) or import one.
 * Switching opens the project in a fresh data worker.
 */
export function ProjectMenu({ client, projectId }: { client: DataClient; projectId: string }) {
  const { t } = useTranslation();
  const say = useMessageText();
  const [open, setOpen] = useState(false);
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState<'exporting' | 'importing' | null>(null);
  const [fileError, setFileError] = useState<Message | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = () => void client.listProjects().then(setProjects);
  const toggle = () => {
    if (!open) {
      refresh();
      setFileError(null);
    }
    setOpen(!open);
  };
  const exportFile = async () => {
    setFileError(null);
    setBusy('exporting');
    const run = startRun(
      'export',
      async () => {
        await Promise.all([...exportHooks].map((hook) => hook()));
        const { fileName, bytes } = await client.exportProject(projectId);
        downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), fileName);
      },
      { failureCode: 'export.project-failed' },
    );
    const outcome = await run.result;
    setBusy(null);
    if (!outcome.ok && 'failure' in outcome) setFileError(outcome.failure);
  };
  const importFile = async (file: File) => {
    setFileError(null);
    setBusy('importing');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await client.importProject(Comlink.transfer(bytes, [bytes.buffer]));
      if (result.ok) {
        setOpen(false);
        openProject(result.value.id);
      } else {
        setFileError(refused(file.name, result.error.message));
      }
    } catch (e) {
      // A file that vanished before it was read, or a bug: still say so, and change nothing.
      const detail = e instanceof Error ? e.message : String(e);
      setFileError(refused(file.name, localizeMessage(message('storage.file-unreadable', { detail }))));
    } finally {
      setBusy(null);
    }
  };
  const create = async () => {
    const id = await client.createProject(newName.trim() || t('project.defaultName'));
    setOpen(false);
    openProject(id);
  };
  const remove = async (p: ProjectSummary) => {
    const question = p.id === DEMO_PROJECT_ID ? t('project.confirmDeleteDemo') : t('project.confirmDelete', { name: p.name });
    if (!window.confirm(question)) return;
    await client.deleteProject(p.id);
    if (p.id === projectId) {
      setOpen(false);
      openProject(DEMO_PROJECT_ID);
    } else {
      refresh();
    }
  };
  const userProjects = projects.filter((p) => p.id !== DEMO_PROJECT_ID);
  const demoRecord = projects.find((p) => p.id === DEMO_PROJECT_ID);

  return (
    <div className="project-menu">
      <button type="button" onClick={toggle} aria-expanded={open} data-testid="project-menu">
        <Icon name="folder" /> {t('project.menu')}
      </button>
      {open && (
        <div className="panel project-dropdown" role="menu" data-testid="project-dropdown">
          <ul>
            <li className={projectId === DEMO_PROJECT_ID ? 'current' : ''}>
              <button type="button" className="link" onClick={() => { setOpen(false); openProject(DEMO_PROJECT_ID); }} data-testid="open-demo">{t('project.demo')}</button>
              {demoRecord && <button type="button" className="danger small" onClick={() => void remove(demoRecord)} data-testid="delete-demo">{t('project.delete')}</button>}
            </li>
            {userProjects.map((p) => (
              <li key={p.id} className={projectId === p.id ? 'current' : ''}>
                <button type="button" className="link" onClick={() => { setOpen(false); openProject(p.id); }} data-testid={`open-${p.id}`}>{p.name}</button>
                <span className="muted">{new Date(p.updatedAt).toLocaleDateString()}</span>
                <button type="button" className="danger small" onClick={() => void remove(p)} data-testid={`delete-${p.id}`}>{t('project.delete')}</button>
              </li>
            ))}
          </ul>
          <div className="new-project">
            <input value={newName} placeholder={t('project.newName')} onChange={(e) => setNewName(e.target.value)} data-testid="new-project-name" />
            <button type="button" className="primary" onClick={() => void create()} data-testid="new-project">{t('project.new')}</button>
          </div>
          <div className="new-project">
            <button type="button" className="link" onClick={() => void exportFile()} disabled={busy !== null} data-testid="export-project">{t('project.exportFile')}</button>
            <button type="button" className="link" onClick={() => fileInput.current?.click()} disabled={busy !== null} data-testid="import-project-button">{t('project.importFile')}</button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".anju"
              data-testid="import-project"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </div>
          {busy && <p className="muted" role="status" data-testid="project-file-busy">{t(`project.${busy}`)}</p>}
          {fileError && (
            <p className="error-text" role="alert" data-testid="project-file-error">
              {say(fileError)}
            </p>
          )}
          <p className="muted">{t('project.fileHint')}</p>
          <p className="muted">{t('project.saved')}</p>
        </div>
      )}
    </div>
  );
}
