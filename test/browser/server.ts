import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** The test-only pages built beside the app, relative to the app's address. */
export const POOL_PROBE_PAGE = 'test/browser/pool-probe/index.html';

/**
 * Builds the app once and serves the production bundle for every browser test, with the
 * test-only pages as extra entries (the app's own build never contains them).
 */
export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn', build: { outDir: 'dist', rollupOptions: { input: { main: 'index.html', poolProbe: POOL_PROBE_PAGE } } } });
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
