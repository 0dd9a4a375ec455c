import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataClient } from '../../workers/data.client';
import type { ProjectSummary } from '../../workers/data.types';
import { DEMO_PROJECT_ID, openProject } from './project-store';
import { Icon } from './icons';

/**
 * Projects kept in this browser: open the demo county or a saved project, start a new empty
 * one, delete one (after asking). Switching opens the project in a fresh data worker.
 */
export function ProjectMenu({ client, projectId }: { client: DataClient; projectId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [newName, setNewName] = useState('');

  const refresh = () => void client.listProjects().then(setProjects);
  const toggle = () => {
    if (!open) refresh();
    setOpen(!open);
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
          <p className="muted">{t('project.saved')}</p>
        </div>
      )}
    </div>
  );
}
