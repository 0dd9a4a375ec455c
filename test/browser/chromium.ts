import { existsSync } from 'node:fs';

/** Places Chromium or Chrome usually lives, after CHROMIUM_PATH. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Finds a Chromium to drive, or throws a message that says how to install one. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Point it at a Chromium or Chrome executable.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable. The browser tests are never skipped.',
  );
}

/** Launch flags: software WebGL (SwiftShader) and no background network traffic. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
];

/** Waits until the app's map reports idle (every layer drawn). */
export async function waitMapIdle(page: import('playwright-core').Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapIdle === 'true', null, { timeout });
}

/** A fresh page (see launchPage) with the app at `url` open and its map idle. */
export async function openApp(url: string, viewport: { width: number; height: number }) {
  const launched = await launchPage(viewport);
  await launched.page.goto(url);
  await waitMapIdle(launched.page);
  return launched;
}

/**
 * A Chromium page in a fresh context (Chinese locale, downloads allowed, confirmations
 * accepted) with its console errors collected, for a browser test file's `beforeAll`.
 */
export async function launchPage(viewport: { width: number; height: number }) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  return { browser, context, page, consoleErrors };
}

/**
 * A screenshot for the test artifacts, after the page has painted a frame. Under load the
 * software compositor sometimes has no frame to give ("Unable to capture screenshot"); one
 * retry after another frame covers that. The screenshot is a record, not an assertion.
 */
export async function captureScreenshot(page: import('playwright-core').Page, path: string): Promise<void> {
  const frame = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await frame();
  try {
    await page.screenshot({ path });
  } catch (e) {
    if (!String(e).includes('Unable to capture screenshot')) throw e;
    await frame();
    await page.screenshot({ path });
  }
}

/** Drops files on the map as a user dragging them from the file manager would. */
export async function dropFiles(p: import('playwright-core').Page, paths: string[]): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { basename } = await import('node:path');
  const files = paths.map((path) => ({ name: basename(path), b64: readFileSync(path).toString('base64') }));
  const transfer = await p.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (ch) => ch.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await p.dispatchEvent('[data-testid=drop-zone]', 'dragover', { dataTransfer: transfer });
  await p.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer: transfer });
}

/** The layer panel's layer ids, top first. */
export function layerIds(p: import('playwright-core').Page): Promise<string[]> {
  return p.evaluate(() => [...document.querySelectorAll('[data-layer]')].map((e) => e.getAttribute('data-layer') ?? ''));
}
