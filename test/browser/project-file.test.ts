import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { captureScreenshot, dropFiles, layerIds, openApp, waitMapIdle } from './chromium';

const ARTIFACTS = 'test-artifacts/screenshots';
const CSV = 'test/fixtures/import/table/villages_gcj02.csv';

let browser: Browser;
let page: Page;
let consoleErrors: string[];

/** The open project's layers with their feature counts, as the map holds them. */
function drawnLayers(p: Page): Promise<[string, number][]> {
  return p.evaluate(() => {
    const anju = (window as unknown as { __anju: { layers: Map<string, { featureCount: number }> } }).__anju;
    return [...anju.layers].map(([id, l]): [string, number] => [id, l.featureCount]).sort((a, b) => a[0].localeCompare(b[0]));
  });
}

/**
 * What IndexedDB holds for one project (layers, DEM, documents; its own id and name left
 * out), as JSON with typed arrays spelled out, and the list of projects.
 */
function stored(p: Page, projectId: string): Promise<{ contents: string; projects: string[] }> {
  return p.evaluate(async (id) => {
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await request(indexedDB.open('anju'));
    const tx = db.transaction(['projects', 'layers', 'dems', 'documents']);
    const project = (await request(tx.objectStore('projects').get(id))) as { base: string | null } | undefined;
    const layers = (await request(tx.objectStore('layers').index('byProject').getAll(id))) as { projectId?: string }[];
    const dem = (await request(tx.objectStore('dems').get(id))) as { projectId?: string } | undefined;
    const documents = (await request(tx.objectStore('documents').index('byProject').getAll(id))) as { projectId?: string }[];
    const projects = ((await request(tx.objectStore('projects').getAll())) as { id: string }[]).map((x) => x.id).sort();
    db.close();
    const strip = <T extends { projectId?: string }>(r: T) => ({ ...r, projectId: '*' });
    const replacer = (_: string, v: unknown) => (ArrayBuffer.isView(v) ? { [v.constructor.name]: Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isNaN(x) ? 'NaN' : x)) } : v);
    // Revisions count writes, not content: a reopened register reruns and stores the same state again.
    const contents = JSON.stringify({ base: project?.base, layers: layers.map(strip), dem: dem ? strip(dem) : null, documents: documents.map((d) => ({ ...strip(d), revision: '*' })) }, replacer);
    return { contents, projects };
  }, projectId);
}

async function openMenu(p: Page) {
  if (!(await p.getByTestId('project-dropdown').isVisible())) await p.getByTestId('project-menu').click();
  await p.getByTestId('project-dropdown').waitFor();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ browser, page, consoleErrors } = await openApp(inject('baseUrl'), { width: 1400, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
});

describe('project file', () => {
  let file: Buffer;
  let demo: { layers: [string, number][]; stored: string };
  let imported: { id: string; title: string };

  it('exports the demo county with a layer the user added and a register run', async () => {
    await dropFiles(page, [CSV]);
    await page.getByTestId('import-wizard').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-counts').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-add').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await layerIds(page)).toContain('user-villages-1');
    await page.getByTestId('register-button').click();
    await page.getByTestId('register-run').click();
    await page.getByTestId('register-time').waitFor({ timeout: 30_000 });
    // The register's run is stored a moment after it shows.
    await expect.poll(async () => (await stored(page, 'demo')).contents, { timeout: 10_000 }).toContain('"name":"register"');
    await page.getByTestId('register-button').click();

    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
    expect(download.suggestedFilename()).toMatch(/^示范县（合成示范数据）-\d{4}-\d{2}-\d{2}\.anju$/);
    file = readFileSync((await download.path())!);
    const entries = unzipSync(new Uint8Array(file));
    const header = JSON.parse(strFromU8(entries['anju-project.json'])) as { formatVersion: number; project: { id: string; base: string }; layers: { layerId: string }[]; documents: { name: string }[] };
    expect(header.formatVersion).toBe(2);
    expect(header.project).toMatchObject({ id: 'demo', base: 'demo' });
    // The demo's own layers ship with the app: only the added one is in the file.
    expect(header.layers.map((l) => l.layerId)).toEqual(['user-villages-1']);
    expect(header.documents.map((d) => d.name)).toContain('register');
    demo = { layers: await drawnLayers(page), stored: (await stored(page, 'demo')).contents };
    expect(demo.layers.find(([id]) => id === 'user-villages-1')?.[1]).toBeGreaterThan(0);
  });

  it('imports the file as a new project with the same layers and documents', async () => {
    await openMenu(page);
    await page.getByTestId('import-project').setInputFiles({ name: 'demo.anju', mimeType: 'application/zip', buffer: file });
    await expect.poll(() => page.getByTestId('project-title').textContent(), { timeout: 30_000 }).toBe('示范县（合成示范数据）（导入）');
    await waitMapIdle(page);
    expect(await drawnLayers(page)).toEqual(demo.layers);
    const projects = (await stored(page, 'demo')).projects;
    const id = projects.find((p) => p !== 'demo')!;
    expect(projects).toEqual(['demo', id].sort());
    expect(JSON.parse((await stored(page, id)).contents)).toEqual(JSON.parse(demo.stored));
    // The imported register opens with its run.
    await page.getByTestId('register-button').click();
    await page.getByTestId('register-time').waitFor({ timeout: 30_000 });
    await page.getByTestId('register-button').click();
    await captureScreenshot(page, `${ARTIFACTS}/project-file-imported.png`);
    imported = { id, title: (await page.getByTestId('project-title').textContent()) ?? '' };
  });

  it('refuses a damaged file and a file from a newer Anju, changing nothing', async () => {
    const before = { layers: await drawnLayers(page), stored: await stored(page, imported.id) };
    const damaged = file.subarray(0, Math.floor(file.length * 0.6));
    const entries = unzipSync(new Uint8Array(file));
    const header = JSON.parse(strFromU8(entries['anju-project.json'])) as Record<string, unknown>;
    const newer = zipSync({ ...entries, 'anju-project.json': strToU8(JSON.stringify({ ...header, formatVersion: 99 })) });

    await openMenu(page);
    await page.getByTestId('import-project').setInputFiles({ name: 'damaged.anju', mimeType: 'application/zip', buffer: damaged });
    const error = page.getByTestId('project-file-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/无法导入“damaged\.anju”：项目文件已损坏.*重新「导出项目文件」/);
    await captureScreenshot(page, `${ARTIFACTS}/project-file-damaged.png`);

    await page.getByTestId('import-project').setInputFiles({ name: 'newer.anju', mimeType: 'application/zip', buffer: Buffer.from(newer) });
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('newer.anju');
    expect(await error.textContent()).toMatch(/更新版本的 Anju.*版本为 99.*请将 Anju 更新/);

    expect(await page.getByTestId('project-title').textContent()).toBe(imported.title);
    expect(await drawnLayers(page)).toEqual(before.layers);
    expect(await stored(page, imported.id)).toEqual(before.stored);
  });

  it('logs no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
