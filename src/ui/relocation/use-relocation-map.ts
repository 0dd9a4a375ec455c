/**
 * The relocation analysis on the map: the active scenario's result (or, in the comparison, the
 * difference between two scenarios, optionally split side by side), and the drawing of the
 * active scenario's sites (the map hands drawn and edited sites back as events).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DrawnSite } from '../../core/relocation/analysis';
import { diffScenarios } from '../../core/relocation/compare';
import type { MapController } from '../../map/controller';
import type { DrawTool } from '../../map/site-drawing';
import type { SplitMap } from '../../map/split-map';
import type { DiffView } from './CompareTab';
import { relocationOverlay } from './overlay';
import type { RelocationStore, RelocationView } from './relocation-store';
import type { DrawControl } from './SitesTab';
import { useMapEvent } from '../use-map-event';

export function useRelocationMap(controller: MapController | null, store: RelocationStore, view: RelocationView, open: boolean, names: { site: (n: number) => string; industry: (n: number) => string }) {
  const [tool, setToolState] = useState<DrawTool>(null);
  const [kind, setKind] = useState<DrawnSite['kind']>('relocation');
  const [diffChoice, setDiff] = useState<DiffView | null>(null);
  const [splitEl, setSplitEl] = useState<HTMLDivElement | null>(null);
  const split = useRef<SplitMap | null>(null);

  const comparison = view.comparison;
  // The difference stands only while its two scenarios are the comparison's first two, both computed.
  const diff = diffChoice && comparison && comparison.ids[0] === diffChoice.a && comparison.ids[1] === diffChoice.b && comparison.runs[diffChoice.a] && comparison.runs[diffChoice.b] ? diffChoice : null;
  const runA = diff ? comparison?.runs[diff.a] : undefined;
  const runB = diff ? comparison?.runs[diff.b] : undefined;
  const pair = useMemo(() => (runA && runB ? { a: runA, b: runB } : null), [runA, runB]);
  const changed = useMemo(() => (pair ? new Set(diffScenarios(pair.a, pair.b).map((d) => d.id)) : null), [pair]);

  // The main map: the active result, or scenario A of the difference.
  useEffect(() => {
    if (!controller) return;
    if (!open) return controller.setRelocationOverlay(null);
    if (pair && changed && diff) return controller.setRelocationOverlay(relocationOverlay(pair.a.facts, pair.a.result, -1, changed));
    const { facts, result, selected } = view;
    if (!facts || !result) return controller.setRelocationOverlay(null);
    controller.setRelocationOverlay(relocationOverlay(facts, result, selected, undefined));
  }, [controller, open, view, pair, changed, diff]);

  // The split view: scenario B beside A, moving together.
  useEffect(() => {
    if (!controller || !splitEl || !diff?.split) return;
    const s = controller.splitMap(splitEl);
    split.current = s;
    const padding = () => controller.map.setPadding({ top: 0, bottom: 0, left: 0, right: controller.map.getContainer().clientWidth / 2 });
    padding();
    return () => {
      s.destroy();
      split.current = null;
      controller.map.setPadding({ top: 0, bottom: 0, left: 0, right: 0 });
    };
  }, [controller, splitEl, diff?.split]);
  useEffect(() => {
    if (!split.current || !pair || !changed || !diff) return;
    split.current.setOverlay(relocationOverlay(pair.b.facts, pair.b.result, -1, changed));
  }, [pair, changed, diff, splitEl]);

  // Drawing: the active scenario's sites while the panel is open; drawing ends with the panel.
  const activeSites = store.active?.sites;
  const activeTool = open ? tool : null;
  useEffect(() => controller?.setDrawnSites(open ? (activeSites ?? []) : null), [controller, open, activeSites]);
  useEffect(() => controller?.setDrawTool(activeTool), [controller, activeTool]);
  useMapEvent(controller, 'siteDrawn', (geometry) => store.addDrawnSite(kind, geometry, kind === 'industry' ? names.industry : names.site));
  useMapEvent(controller, 'siteEdited', ({ id, geometry }) => store.updateSite(id, { geometry }));

  const draw: DrawControl = {
    tool: activeTool,
    kind,
    setTool(next, nextKind) {
      setKind(nextKind);
      setToolState(next);
    },
  };
  return { draw, diff, setDiff, setSplitEl };
}
