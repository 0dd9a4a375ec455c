import { formatMessage } from '../../src/core/messages';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { apiOver, tinyProject } from './tiny-project';
import { memoryStorage, type StoredDocument } from '../../src/io/project-storage';
import { PROJECT_FILE_ENTRY } from '../../src/io/project-file';
import { RelocationStore } from '../../src/ui/relocation/relocation-store';
import { SuitabilityStore } from '../../src/ui/suitability/suitability-store';
import { RegisterStore } from '../../src/ui/register/register-store';
import { defaultExposureParams } from '../../src/core/exposure/analysis';
import { legacyDocument, projectFile, relocationAsV2, withoutVersion } from '../core/documents/fixtures';

/** The tiny demo project opened over a storage holding `documents` as an older Anju left them. */
async function opened(documents: StoredDocument[] = []) {
  const storage = memoryStorage({ documents });
  const api = apiOver(tinyProject(), storage);
  const load = await api.openProject('demo', 'p');
  if (!load.ok) throw new Error(load.error.detail);
  return { storage, api };
}

/** A document record as IndexedDB holds it today: no envelope, the version inside the value. */
const legacy = (name: string, value: unknown): StoredDocument => ({ projectId: 'demo', name, value });

type Client = ConstructorParameters<typeof RegisterStore>[0]['client'];

describe('stored documents through the data worker', () => {
  it('hands the stores documents stored before versioning, migrated, with every review and scenario', async () => {
    const { api } = await opened([legacy('register', legacyDocument('register.v1')), legacy('suitability', legacyDocument('suitability.v1')), legacy('relocation', legacyDocument('relocation.v1'))]);
    expect(await api.getDocument('register')).toEqual({ ok: true, value: withoutVersion(legacyDocument('register.v2')), revision: 0 });

    // The stores read them as they always have (no run starts: the register has no layers to run on).
    const client = api as unknown as Client;
    const register = new RegisterStore({ client, layers: () => [], onLayerUpdated: () => {}, t: (k) => k, lang: () => 'zh' });
    await register.load();
    expect(Object.keys(register.getSnapshot().state?.reviews ?? {})).toEqual(['villages:V1', 'households:H1']);
    const relocation = new RelocationStore({ client, hazardParams: defaultExposureParams });
    await relocation.load();
    expect(relocation.getSnapshot().doc).toMatchObject({ activeId: 's2', author: '测试县自然资源和规划局', scenarios: [{ id: 's1' }, { id: 's2', description: '集中安置到中心村', capacities: { S1: 300 } }] });
    expect(relocation.getSnapshot().problems).toEqual([]);
    const suitability = new SuitabilityStore({ client, hazardParams: defaultExposureParams });
    await suitability.load();
    expect(suitability.getSnapshot().doc).toEqual(withoutVersion(legacyDocument('suitability.v1')));
  });

  it('stores each write in its envelope, counting revisions, in the order the writes were asked for', async () => {
    const { api, storage } = await opened([legacy('register', legacyDocument('register.v1'))]);
    const state = withoutVersion(legacyDocument('register.v2'));
    expect(await api.putDocument('register', state)).toEqual({ ok: true, revision: 1 });
    expect(await storage.getDocument('demo', 'register')).toEqual({ projectId: 'demo', name: 'register', schemaVersion: 2, revision: 1, value: state });
    const edits = [1, 2, 3].map((n) => api.putDocument('register', { ...state, hazardLayerIds: [`h${n}`] }));
    expect(await Promise.all(edits)).toEqual([2, 3, 4].map((revision) => ({ ok: true, revision })));
    expect(await api.getDocument('register')).toMatchObject({ ok: true, value: { hazardLayerIds: ['h3'] }, revision: 4 });
    // A store handing over something that is not its document is a bug, not a save.
    await expect(api.putDocument('register', { reviews: {} })).rejects.toThrow(/hazard register cannot be stored/);
    await expect(api.putDocument('budget', {})).rejects.toThrow(/not a registered document kind/);
  });

  it('refuses a document from a newer Anju and never overwrites it', async () => {
    const newer: StoredDocument = { projectId: 'demo', name: 'relocation', schemaVersion: 9, revision: 30, value: { plans: ['kept'] } };
    const { api, storage } = await opened([newer]);
    const read = await api.getDocument('relocation');
    expect(read).toMatchObject({ ok: false, error: { code: 'document.newer-version', params: { storedVersion: 9, knownVersion: 2 } } });
    const saved = await api.putDocument('relocation', withoutVersion(legacyDocument('relocation.v1')));
    expect(saved).toMatchObject({ ok: false, error: { code: 'document.newer-version' } });
    expect(await storage.getDocument('demo', 'relocation')).toEqual(newer);

    // The store says so (in both languages) and its edits stay unsaved.
    const store = new RelocationStore({ client: api as unknown as Client, hazardParams: defaultExposureParams });
    await store.load();
    const problem = () => store.getSnapshot().documentProblem!;
    expect(problem().code).toBe('document.newer-version');
    expect(formatMessage(problem(), 'zh')).toContain('更新版本');
    expect(formatMessage(problem(), 'en')).toContain('newer Anju');
    // An edit is refused by storage: the message stays (it used to vanish with the next run's problems).
    store.setPolicy('cost.subsidyOther', 12_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(problem().code).toBe('document.newer-version');
    expect(await storage.getDocument('demo', 'relocation')).toEqual(newer);
    store.dispose();
  });

  it('keeps and reports a document that does not check out', async () => {
    const damaged = legacy('register', { version: 2, reviews: { 'villages:V1': [{ status: 'confirmed', note: '已核实' }] } });
    const { api, storage } = await opened([damaged]);
    expect(await api.getDocument('register')).toMatchObject({ ok: false, error: { code: 'document.invalid' } });
    const store = new RegisterStore({ client: api as unknown as Client, layers: () => [], onLayerUpdated: () => {}, t: (k, p) => `${k}:${String(p?.detail)}`, lang: () => 'en' });
    await store.load();
    const problem = () => store.getSnapshot().documentProblem!;
    expect(problem().code).toBe('document.invalid');
    expect(formatMessage(problem(), 'en')).toContain('cannot be read');
    await store.saveSettings({ hazardLayerIds: ['hazards'], exposedLayerIds: ['villages'], params: defaultExposureParams() });
    expect(problem().code).toBe('document.invalid');
    expect(await storage.getDocument('demo', 'register')).toEqual(damaged);
  });

  it('compares revisions when asked, so a later multi-tab check is one argument away', async () => {
    const storage = memoryStorage();
    const doc = { projectId: 'p', name: 'register', schemaVersion: 2, value: {} };
    expect(await storage.putDocument(doc, { expectedRevision: 0 })).toEqual({ ok: true, revision: 1 });
    expect(await storage.putDocument(doc, { expectedRevision: 0 })).toEqual({ ok: false, currentRevision: 1 });
    expect(await storage.putDocument(doc, { expectedRevision: 1 })).toEqual({ ok: true, revision: 2 });
    expect(await storage.putDocument(doc)).toEqual({ ok: true, revision: 3 });
  });
});

describe('project files of earlier formats', () => {
  it('imports a format 1 file and opens its documents migrated, with nothing lost', async () => {
    const storage = memoryStorage();
    const api = apiOver(tinyProject(), storage);
    const imported = await api.importProject(projectFile('tiny.v1'));
    if (!imported.ok) throw new Error(imported.error.message.en);
    const records = await storage.listDocuments(imported.value.id);
    expect(records.map(({ name, schemaVersion, revision }) => ({ name, schemaVersion, revision })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'register', schemaVersion: 2, revision: 1 },
      { name: 'relocation', schemaVersion: 1, revision: 1 },
      { name: 'suitability', schemaVersion: 1, revision: 1 },
    ]);
    const load = await api.openProject(imported.value.id, 'p');
    if (!load.ok) throw new Error(load.error.detail);
    expect(await api.getDocument('register')).toEqual({ ok: true, value: withoutVersion(legacyDocument('register.v2')), revision: 1 });
    expect(await api.getDocument('suitability')).toEqual({ ok: true, value: withoutVersion(legacyDocument('suitability.v1')), revision: 1 });
    expect(await api.getDocument('relocation')).toEqual({ ok: true, value: relocationAsV2(), revision: 1 });

    // Exported again, it is a current-format file with each document's envelope.
    const again = await api.exportProject(imported.value.id);
    const header = JSON.parse(strFromU8(unzipSync(again.bytes, { filter: (f) => f.name === PROJECT_FILE_ENTRY })[PROJECT_FILE_ENTRY])) as { formatVersion: number; documents: { name: string; schemaVersion: number; revision: number }[] };
    expect(header.formatVersion).toBe(2);
    expect(header.documents.map((d) => [d.name, d.schemaVersion, d.revision]).sort()).toEqual([['register', 2, 1], ['relocation', 1, 1], ['suitability', 1, 1]]);
  });

  it('exports documents stored before versioning in envelopes', async () => {
    const { api } = await opened([legacy('register', legacyDocument('register.v1'))]);
    const file = await api.exportProject('demo');
    const other = memoryStorage();
    const imported = await apiOver(tinyProject(), other).importProject(file.bytes);
    if (!imported.ok) throw new Error(imported.error.message.en);
    expect(await other.listDocuments(imported.value.id)).toEqual([{ projectId: imported.value.id, name: 'register', schemaVersion: 1, revision: 1, value: withoutVersion(legacyDocument('register.v1')) }]);
  });
});
