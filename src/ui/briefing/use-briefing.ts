/**
 * The briefing's lifecycle: build it from the relocation panel's state (the comparison when two
 * or more scenarios are compared, else the active scenario) with the map as on screen, show it,
 * and render its PDF in the briefing worker on demand.
 */
import { useCallback, useRef, useState } from 'react';
import type { Briefing } from '../../core/briefing/model';
import type { MapController } from '../../map/controller';
import type { RelocationStore } from '../relocation/relocation-store';
import { downloadBlob } from '../download';
import { buildBriefing, type BriefingInput } from './build';
import { relocationOverlay } from '../relocation/overlay';
import { startRun, type Run, type RunFailure } from '../runs/run';

type Lang = 'zh' | 'en';

export interface BriefingContext {
  lang: Lang;
  county: string;
  author: string;
  attribution: string;
  layers: BriefingInput['layers'];
  disputed: BriefingInput['disputed'];
  t: BriefingInput['t'];
}

export function useBriefing(controller: MapController | null, store: RelocationStore, context: () => BriefingContext) {
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RunFailure | null>(null);
  const worker = useRef<Promise<typeof import('../../../workers/briefing.client')> | null>(null);

  const open = useCallback(async () => {
    const view = store.getSnapshot();
    const doc = view.doc;
    const active = store.active;
    const current = view.facts && view.result ? { facts: view.facts, result: view.result } : null;
    if (!doc || !active || !current) return;
    setBusy(true);
    setError(null);
    const run = startRun('briefing', async () => {
      const c = view.comparison;
      const compared = c ? c.ids.filter((id) => c.runs[id]) : [];
      const scenarios =
        compared.length >= 2
          ? compared.map((id) => ({ scenario: doc.scenarios.find((s) => s.id === id)!, run: c!.runs[id] }))
          : [{ scenario: active, run: current }];
      // The whole relocation on the map: every village and destination of the first scenario.
      const { facts } = scenarios[0].run;
      const points = [...facts.villages, ...facts.destinations].map((p) => p.lngLat);
      const bbox: [number, number, number, number] = [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
      // The map page shows the first scenario, whatever the map shows now.
      const first = scenarios[0];
      const map = controller ? await controller.snapshot(bbox, relocationOverlay(facts, first.run.result, -1)) : null;
      return buildBriefing({ ...context(), date: new Date(), scenarios, map });
    });
    const outcome = await run.result;
    setBusy(false);
    if (outcome.ok) {
      setBriefing(outcome.value);
      // The PDF worker and its fonts load while the leader reads.
      worker.current ??= import('../../../workers/briefing.client');
    } else if (!('cancelled' in outcome)) setError(outcome.failure);
  }, [controller, store, context]);

  /** Renders and downloads the PDF. The worker keeps pdfmake and the fonts, so it is never terminated: a cancelled PDF is dropped when it arrives. */
  const downloadPdf = useCallback(
    (): Run<void> =>
      startRun(
        'briefing',
        async (ctx) => {
          if (!briefing) return;
          const module = await (worker.current ??= import('../../../workers/briefing.client'));
          const bytes = await module.renderBriefingPdf(briefing);
          if (!ctx.signal.aborted) downloadBlob(new Blob([bytes as BlobPart], { type: 'application/pdf' }), `${briefing.title}.pdf`);
        },
        { failureCode: 'briefing.pdf-failed' },
      ),
    [briefing],
  );

  return { briefing, busy, error, open, close: () => setBriefing(null), downloadPdf };
}
