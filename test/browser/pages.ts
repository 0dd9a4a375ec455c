/**
 * The production build with the test-only pages as extra entries (the app's own build never
 * contains them), served on a free port: for the browser tests and the page benchmark.
 */
import { build, preview, type PreviewServer } from 'vite';

/** Test-only pages, from the repository root. */
export const TEST_PAGES = {
  /** The app with a read-only handle on its map (`window.__anju`). */
  app: 'test/browser/app-page/index.html',
  /** The grid pool's probe (`window.__anjuPool`). */
  poolProbe: 'test/browser/pool-probe/index.html',
};

export async function serveWithTestPages(): Promise<{ server: PreviewServer; origin: string; url(page: keyof typeof TEST_PAGES): string }> {
  await build({ logLevel: 'warn', build: { outDir: 'dist', rollupOptions: { input: { main: 'index.html', ...TEST_PAGES } } } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const origin = server.resolvedUrls?.local[0];
  if (!origin) throw new Error('The preview server did not report its address.');
  return { server, origin, url: (page) => new URL(`/${TEST_PAGES[page]}`, origin).href };
}
