/**
 * Suitability as a feature of the workspace: its store for the open project, the score image
 * and ranked regions on the map while the panel is open, a clicked cell explained, and the
 * exports of the scores and regions.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import i18next from 'i18next';
import type { MapController } from '../../map/controller';
import type { DataClient } from '../../../workers/data.client';
import type { SuitabilityGrid, RegionView } from '../../../workers/suitability.api';
import type { ExposureParams } from '../../core/exposure/analysis';
import { beforeProjectExport } from '../ProjectMenu';
import { currentLanguage } from '../i18n';
import { downloadBlob } from '../download';
import { useMapEvent } from '../use-map-event';
import { SuitabilityStore } from './suitability-store';

/** Resolves after the next frame has been painted (a frame, then a task after it). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Rank markers are drawn for the best regions only: beyond these they would bury the map. */
const MARKED_REGIONS = 30;

export function useSuitabilityFeature(client: DataClient, controller: MapController | null, open: boolean, layerSignature: string, hazardParams: () => ExposureParams) {
  const [image, setImage] = useState<{ pixels: Uint8ClampedArray; grid: SuitabilityGrid } | null>(null);
  const [focus, setFocus] = useState(0);
  const [store] = useState(() => new SuitabilityStore({ client, hazardParams, onImage: setImage, afterPaint }));
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  useEffect(() => beforeProjectExport(() => store.flush()), [store]);
  useEffect(() => {
    void store.layersChanged();
  }, [store, layerSignature]);
  useEffect(() => {
    if (open) void store.open();
    else store.clearExplanation();
  }, [store, open]);
  useMapEvent(controller, 'click', (lngLat) => {
    if (open) void store.explain(lngLat);
  });

  const imageData = useMemo(() => (image ? new ImageData(image.pixels as Uint8ClampedArray<ArrayBuffer>, image.grid.width, image.grid.height) : null), [image]);
  const regions = view.result?.regions;
  useEffect(() => {
    if (!controller) return;
    if (!open || !image || !imageData) return controller.setSuitabilityOverlay(null);
    const positions = new Float64Array((regions ?? []).slice(0, MARKED_REGIONS).flatMap((r) => r.centroidLngLat));
    controller.setSuitabilityOverlay({ image: imageData, corners: image.grid.cornersLngLat, regions: positions, focus });
  }, [controller, open, image, imageData, regions, focus]);

  const focusRegion = (region: RegionView) => {
    setFocus(region.rank);
    controller?.zoomToBBox(region.bboxLngLat, true);
  };

  const exportResult = async (kind: 'tif' | 'geojson' | 'fgb') => {
    const lang = currentLanguage();
    const name = store.active?.name[lang] ?? 'suitability';
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'tif') {
      const bytes = await store.exportScores();
      downloadBlob(new Blob([bytes], { type: 'image/tiff' }), `${name}-${i18next.t('suit.legend.title')}-${date}.tif`);
    } else {
      const bytes = await store.exportRegions(kind, lang);
      downloadBlob(new Blob([bytes as BlobPart], { type: kind === 'geojson' ? 'application/geo+json' : 'application/octet-stream' }), `${name}-${i18next.t('suit.tabs.regions')}-${date}.${kind}`);
    }
  };

  return { store, view, focus, focusRegion, exportResult };
}
