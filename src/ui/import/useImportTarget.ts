import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { MapController, LayerView } from '../../map/controller';
import { Comlink, type DataClient } from '../../../workers/data.client';
import type { DemSummary, LayerInfo } from '../../../workers/data.types';
import { PREVIEW_LAYER_ID, type ImportPreview } from '../../../workers/import.types';
import { demReplaced, layerAdded } from '../project-store';
import type { ImportTarget } from './ImportWizard';

/** Room the import wizard takes on the right of the map, kept clear when zooming to a preview. */
const WIZARD_WIDTH_PX = 480;

interface Options {
  client: DataClient;
  controller: MapController | null;
  layers: LayerInfo[];
  dem: DemSummary | null;
  projectBBox: [number, number, number, number];
  setViews: Dispatch<SetStateAction<LayerView[]>>;
}

/**
 * What an import acts on: the open project (data worker), the map and the layer list. The
 * preview is a temporary layer on the map; a finished layer moves from the io worker to the
 * data worker (transferred, not copied), which stores it, and then onto the map.
 */
export function useImportTarget({ client, controller, layers, dem, projectBBox: manifestBBox, setViews }: Options): { importTarget: ImportTarget; previewInfo: LayerInfo | null } {
  const [previewInfo, setPreviewInfo] = useState<LayerInfo | null>(null);
  const hasVillages = layers.some((l) => l.role === 'villages');
  const hasDem = dem !== null;
  const projectBBox = layers.length > 0 ? manifestBBox : null;
  const importTarget = useMemo<ImportTarget>(
    () => ({
      hasVillages,
      hasDem,
      projectBBox,
      villages: () => client.villageKeys(),
      async preview(importClient, sourceId, settings) {
        // The project's villages: for a join, and to notice points copied from a Chinese web map.
        const villages = settings.join || hasVillages ? await client.villageKeys() : [];
        return importClient.preview(sourceId, settings, { villages, projectBBox });
      },
      async commit(importClient, source, settings, name) {
        const data = await importClient.finish(source.sourceId);
        const buffers = [data.geometry.coords.buffer, data.geometry.geomOffsets.buffer, data.geometry.partOffsets.buffer, data.geometry.ringOffsets.buffer] as ArrayBuffer[];
        const render = await client.addLayer(
          Comlink.transfer(
            { role: settings.role, name: { zh: name, en: name }, source: { zh: `导入自 ${source.fileName}`, en: `Imported from ${source.fileName}` }, data },
            [...new Set(buffers)],
          ),
        );
        controller?.addLayer(render);
        setViews((v) => [{ id: render.id, visible: true, opacity: 1 }, ...v.filter((x) => x.id !== PREVIEW_LAYER_ID)]);
        layerAdded(render);
        controller?.zoomToBBox(render.bboxLngLat);
      },
      async commitDem(importClient, source, crs) {
        const got = await importClient.demFor(source.sourceId, crs);
        if (!got.ok) return got.error;
        const grid = got.value;
        const summary = await client.setDem(Comlink.transfer(grid, [grid.data.buffer as ArrayBuffer]), source.fileName);
        controller?.setDem(summary);
        demReplaced(summary);
        controller?.zoomToBBox(summary.bboxLngLat);
        return null;
      },
      showPreview(preview: ImportPreview | null) {
        if (!preview) {
          controller?.removeLayer(PREVIEW_LAYER_ID);
          setPreviewInfo(null);
          setViews((v) => v.filter((x) => x.id !== PREVIEW_LAYER_ID));
          return;
        }
        controller?.addLayer(preview.render);
        setPreviewInfo(preview.render);
        setViews((v) => [{ id: PREVIEW_LAYER_ID, visible: true, opacity: 1 }, ...v.filter((x) => x.id !== PREVIEW_LAYER_ID)]);
        if (preview.valid > 0) controller?.zoomToBBox(preview.bboxLngLat, WIZARD_WIDTH_PX);
      },
    }),
    [client, controller, hasVillages, hasDem, projectBBox, setViews],
  );
  return { importTarget, previewInfo };
}
