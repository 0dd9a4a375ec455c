import * as Comlink from 'comlink';
// `?url`: Vite emits the TrueType files as assets of the build (served from the app's own
// origin, so offline too) and in dev serves them from node_modules.
import regularUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import type { Briefing } from '../src/core/briefing/model';
import type { BriefingApi, BriefingFonts } from './briefing.api';

/** The fonts (about 10 MB each), fetched once per page load and moved into the worker once. */
let fonts: Promise<void> | null = null;
/** One worker for the page's lifetime: pdfmake is parsed once. */
let remote: Comlink.Remote<BriefingApi> | null = null;

async function fetchFont(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the PDF font ${url} (HTTP ${response.status}). Reload the page; if it persists, rebuild or reinstall the app.`);
  return response.arrayBuffer();
}

function loadFonts(): Promise<void> {
  fonts ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)])
    .then(([regular, bold]) => briefingWorker().loadFonts(Comlink.transfer({ regular, bold } satisfies BriefingFonts, [regular, bold])))
    .catch((error: unknown) => {
      // Forget the failure, so the next attempt fetches again.
      fonts = null;
      throw error;
    });
  return fonts;
}

function briefingWorker(): Comlink.Remote<BriefingApi> {
  remote ??= Comlink.wrap<BriefingApi>(new Worker(new URL('./briefing.worker.ts', import.meta.url), { type: 'module', name: 'anju-briefing' }));
  return remote;
}

/** The briefing as PDF bytes, drawn in the briefing worker (which holds the fonts) and transferred back. */
export async function renderBriefingPdf(briefing: Briefing): Promise<Uint8Array> {
  await loadFonts();
  return briefingWorker().renderPdf(briefing);
}

// Importing this module starts the worker and the font downloads, so both are under way while
// the user reads the briefing; a failed download is reported by the next `renderBriefingPdf`.
briefingWorker();
loadFonts().catch(() => undefined);
