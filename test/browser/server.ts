import type { TestProject } from 'vitest/node';
import { serveWithTestPages } from './pages';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's page with the map handle (see test/browser/app-page). */
    baseUrl: string;
    poolProbeUrl: string;
  }
}

/** Builds the app once and serves the production bundle for every browser test. */
export default async function setup(project: TestProject) {
  const { server, url } = await serveWithTestPages();
  project.provide('baseUrl', url('app'));
  project.provide('poolProbeUrl', url('poolProbe'));
  return async () => {
    await server.close();
  };
}
