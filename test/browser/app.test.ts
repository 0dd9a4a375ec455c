import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium, captureScreenshot, waitMapIdle } from './chromium';

const ARTIFACTS = 'test-artifacts/screenshots';

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function openApp(p: Page) {
  await p.goto(inject('baseUrl'));
  await waitMapIdle(p);
}

async function waitIdle(p: Page) {
  await p.evaluate(() => {
    delete document.body.dataset.mapIdle;
    const anju = (window as unknown as { __anju: { map: { triggerRepaint(): void } } }).__anju;
    anju.map.triggerRepaint();
  });
  await waitMapIdle(p, 30_000);
}

async function mapPixels(p: Page): Promise<Buffer> {
  return p.locator('[data-testid=map] canvas').screenshot();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await openApp(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('a project that cannot be read', () => {
  it('says which file failed and how to fix it, and recovers on retry', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const p = await context.newPage();
    await p.route('**/data/demo/villages.fgb', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await p.goto(inject('baseUrl'));
    const alert = p.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.textContent();
    expect(message).toContain('villages.fgb');
    expect(message).toContain('npm run data:demo');
    await captureScreenshot(p, `${ARTIFACTS}/00-load-error.png`);
    await p.unroute('**/data/demo/villages.fgb');
    await p.getByRole('button', { name: '重试' }).click();
    await waitMapIdle(p);
    await context.close();
  });
});

describe('demo county in the browser', () => {
  it('loads the map with every demo layer, offline, in Chinese', async () => {
    const summary = await page.evaluate(() => {
      const anju = (window as unknown as { __anju: { map: import('maplibre-gl').Map; layers: Map<string, { geojson?: unknown; points?: unknown }> } }).__anju;
      const ids = [...anju.layers.keys()];
      return {
        ids,
        shapesLoaded: ids.filter((id) => anju.layers.get(id)?.geojson).every((id) => anju.map.isSourceLoaded(`src-${id}`)),
        hillshadeLoaded: anju.map.isSourceLoaded('hillshade'),
        contourLines: anju.map.querySourceFeatures('contours').length,
        title: document.querySelector('[data-testid=project-title]')?.textContent,
        lang: document.documentElement.lang,
      };
    });
    expect(summary.ids).toEqual(
      expect.arrayContaining(['villages', 'hazard_points', 'hazard_zones', 'settlements', 'roads', 'rivers', 'townships', 'county', 'schools', 'clinics', 'industrial_parks', 'farmland', 'eco_redline', 'water_source', 'public_forest']),
    );
    expect(summary.shapesLoaded).toBe(true);
    expect(summary.hillshadeLoaded).toBe(true);
    expect(summary.contourLines).toBeGreaterThan(100);
    expect(summary.title).toContain('示范县');
    expect(summary.title).toContain('合成');
    expect(await page.locator('.layer-panel').textContent()).toContain('自然村');
    await page.screenshot({ path: `${ARTIFACTS}/01-county.png` });
  });

  it('changes the map when a layer is toggled', async () => {
    const before = await mapPixels(page);
    await page.getByTestId('toggle-villages').uncheck();
    await waitIdle(page);
    const after = await mapPixels(page);
    expect(Buffer.compare(before, after)).not.toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/02-villages-hidden.png` });
    await page.getByTestId('toggle-villages').check();
    await waitIdle(page);
  });

  it("shows a village's attributes in a popup when it is clicked", async () => {
    const point = await page.evaluate(() => {
      const anju = (window as unknown as { __anju: { map: import('maplibre-gl').Map; layers: Map<string, { points?: { positions: Float64Array } }> } }).__anju;
      const positions = anju.layers.get('villages')!.points!.positions;
      // Zoom to the first village so that nothing else sits on top of it.
      anju.map.jumpTo({ center: [positions[0], positions[1]], zoom: 15 });
      const p = anju.map.project([positions[0], positions[1]]);
      const rect = anju.map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    });
    await waitIdle(page);
    await page.mouse.click(point.x, point.y);
    const popup = page.getByTestId('feature-popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.textContent();
    expect(text).toContain('自然村');
    expect(text).toContain('人口');
    expect(text).toContain('行政村代码');
    expect(text).toMatch(/331199\d{6}/);
    await page.screenshot({ path: `${ARTIFACTS}/03-village-popup.png` });
  });

  it('filters the attribute table', async () => {
    await page.getByTestId('table-villages').click();
    const table = page.getByTestId('attribute-table');
    await table.waitFor();
    const count = page.getByTestId('table-count');
    await page.waitForFunction(() => /共\s*\d+\s*行/.test(document.querySelector('[data-testid=table-count]')?.textContent ?? ''));
    const total = Number((await count.textContent())!.match(/共\s*(\d+)\s*行/)![1]);
    expect(total).toBeGreaterThanOrEqual(600);
    await page.getByTestId('filter-column').selectOption('population');
    await page.getByTestId('filter-op').selectOption('gt');
    await page.getByTestId('filter-value').fill('500');
    await page.waitForFunction((t) => {
      const m = (document.querySelector('[data-testid=table-count]')?.textContent ?? '').match(/共\s*(\d+)\s*行/);
      return m !== null && Number(m[1]) < t;
    }, total);
    const filtered = Number((await count.textContent())!.match(/共\s*(\d+)\s*行/)![1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    // Every shown population is above 500.
    const populationColumn = await page.evaluate(() => {
      const headers = [...document.querySelectorAll('[data-testid=attribute-table] thead th')].map((th) => th.textContent ?? '');
      const k = headers.findIndex((h) => h.startsWith('人口'));
      return [...document.querySelectorAll('[data-testid=attribute-table] tbody tr')].map((tr) => Number(tr.children[k].textContent));
    });
    expect(populationColumn.length).toBeGreaterThan(0);
    expect(populationColumn.every((v) => v > 500)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/04-table-filtered.png` });

    // Categories are filtered by the words the user sees (滑坡), not the stored codes.
    await page.getByTestId('table-hazard_points').click();
    await page.waitForFunction(() => /共\s*246\s*行/.test(document.querySelector('[data-testid=table-count]')?.textContent ?? ''));
    await page.getByTestId('filter-column').selectOption('type');
    await page.getByTestId('filter-value').fill('滑坡');
    await page.waitForFunction(() => {
      const m = (document.querySelector('[data-testid=table-count]')?.textContent ?? '').match(/共\s*(\d+)\s*行/);
      return m !== null && Number(m[1]) > 0 && Number(m[1]) < 246;
    });
    const types = await page.evaluate(() => {
      const headers = [...document.querySelectorAll('[data-testid=attribute-table] thead th')].map((th) => th.textContent ?? '');
      const k = headers.findIndex((h) => h.startsWith('类型'));
      return [...document.querySelectorAll('[data-testid=attribute-table] tbody tr')].map((tr) => tr.children[k].textContent);
    });
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['滑坡']));
    await page.getByRole('button', { name: '关闭' }).last().click();
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByTestId('language').click();
    await expect.poll(() => page.locator('.layer-panel h2').first().textContent()).toBe('Layers');
    await page.reload();
    await waitMapIdle(page);
    expect(await page.locator('.layer-panel h2').first().textContent()).toBe('Layers');
    expect(await page.locator('.layer-panel').textContent()).toContain('Natural villages');
    await page.screenshot({ path: `${ARTIFACTS}/05-english.png` });
    await page.getByTestId('language').click();
    await expect.poll(() => page.locator('.layer-panel h2').first().textContent()).toBe('图层');
  });

  it('measures a distance on the map', async () => {
    await page.getByTestId('measure-distance').click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
    await page.mouse.dblclick(box.x + box.width * 0.6, box.y + box.height * 0.5);
    const readout = await page.getByTestId('measure-readout').textContent();
    expect(readout).toMatch(/长度: [\d.]+ (米|公里)/);
    await page.screenshot({ path: `${ARTIFACTS}/06-measure.png` });
  });

  it('shows a hazard polygon\'s attributes when it is clicked', async () => {
    await page.evaluate(() => {
      const anju = (window as unknown as { __anju: { map: import('maplibre-gl').Map; layers: Map<string, { bboxLngLat: [number, number, number, number] }> } }).__anju;
      const [w, s, e, n] = anju.layers.get('county')!.bboxLngLat;
      anju.map.fitBounds([[w, s], [e, n]], { duration: 0 });
    });
    await waitIdle(page);
    // Find a loaded landslide polygon, centre it at a large scale and click its middle.
    const target = await page.evaluate(() => {
      const anju = (window as unknown as { __anju: { map: import('maplibre-gl').Map } }).__anju;
      const features = anju.map.querySourceFeatures('src-hazard_zones', { filter: ['==', ['get', 'type'], 'landslide'] });
      const f = features[0];
      if (!f || f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') return null;
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]) as [number, number][];
      const lng = ring.reduce((a, p) => a + p[0], 0) / ring.length;
      const lat = ring.reduce((a, p) => a + p[1], 0) / ring.length;
      anju.map.jumpTo({ center: [lng, lat], zoom: 15 });
      return [lng, lat];
    });
    expect(target).not.toBeNull();
    await waitIdle(page);
    const xy = await page.evaluate(([lng, lat]) => {
      const anju = (window as unknown as { __anju: { map: import('maplibre-gl').Map } }).__anju;
      const p = anju.map.project([lng, lat]);
      const rect = anju.map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, target as [number, number]);
    await page.mouse.click(xy.x, xy.y);
    const popup = page.getByTestId('feature-popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.textContent();
    expect(text).toMatch(/滑坡|泥石流|自然村|地质灾害/);
    await page.screenshot({ path: `${ARTIFACTS}/07-hazard-popup.png` });
  });

  it('turns 3D terrain on and off from the settings', async () => {
    await page.getByTestId('settings-button').click();
    await page.getByTestId('terrain-toggle').check();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __anju: { map: import('maplibre-gl').Map } }).__anju.map.getTerrain()?.source ?? null))
      .toBe('dem-terrain');
    await page.evaluate(() => (window as unknown as { __anju: { map: import('maplibre-gl').Map } }).__anju.map.jumpTo({ zoom: 12.5, pitch: 60 }));
    await waitIdle(page);
    await page.screenshot({ path: `${ARTIFACTS}/08-terrain-3d.png` });
    await page.getByTestId('terrain-toggle').uncheck();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __anju: { map: import('maplibre-gl').Map } }).__anju.map.getTerrain()))
      .toBeNull();
    await page.getByTestId('settings-button').click();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
