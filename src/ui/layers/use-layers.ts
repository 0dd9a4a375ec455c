/**
 * The data layers as the user sees them: their order, visibility and opacity (remembered per
 * project), the basemap switches, the selected feature with its attributes, the attribute
 * table, and removing, exporting and zooming to a layer.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import i18next from 'i18next';
import type { LayerView, MapController } from '../../map/controller';
import type { DataClient } from '../../../workers/data.client';
import type { LayerInfo, ProjectLoad } from '../../../workers/data.types';
import { PREVIEW_LAYER_ID } from '../../../workers/import.types';
import { layerRemoved } from '../project-store';
import { downloadBlob } from '../download';
import { currentLanguage } from '../i18n';
import { useMapEvent } from '../use-map-event';

/** Cartographic default order, top first: points over lines over zones. */
const DEFAULT_ORDER = [
  'settlements', 'villages', 'hazard_points', 'schools', 'clinics', 'hazard_zones', 'industrial_parks', 'roads', 'rivers',
  'county', 'townships', 'farmland', 'water_source', 'eco_redline', 'public_forest',
];

/** Where a project's layer order, visibility and opacity are remembered between visits. */
const viewsKey = (projectId: string) => `anju.views.${projectId}`;

function savedViews(projectId: string): LayerView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(viewsKey(projectId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as LayerView[]).filter((v) => typeof v?.id === 'string') : [];
  } catch {
    return [];
  }
}

function saveViews(projectId: string, views: LayerView[]) {
  try {
    localStorage.setItem(viewsKey(projectId), JSON.stringify(views.filter((v) => v.id !== PREVIEW_LAYER_ID)));
  } catch {
    // Not remembered when storage is refused; the map itself is unaffected.
  }
}

/**
 * The layer list as the user left it; layers new since then go on top in cartographic order
 * (demo layers by DEFAULT_ORDER, imported ones by kind: points over lines over polygons).
 */
function initialViews(project: ProjectLoad): LayerView[] {
  const kindRank = { Point: 1.5, LineString: 7.5, Polygon: 14.5 };
  const rank = (l: LayerInfo) => {
    const k = DEFAULT_ORDER.indexOf(l.id);
    return k < 0 ? kindRank[l.kind] : k;
  };
  const saved = savedViews(project.projectId).filter((v) => project.layers.some((l) => l.id === v.id));
  const fresh = [...project.layers]
    .filter((l) => !saved.some((v) => v.id === l.id))
    .sort((a, b) => rank(a) - rank(b))
    .map((l) => ({ id: l.id, visible: true, opacity: l.role === 'public_forest' || l.role === 'eco_redline' ? 0.6 : 1 }));
  return [...fresh, ...saved];
}

export interface Selection {
  layerId: string;
  index: number;
  properties: [string, string | number | boolean | null][];
}

export function useLayers(project: ProjectLoad, client: DataClient, controller: MapController | null, layers: LayerInfo[]) {
  const [views, setViews] = useState<LayerView[]>(() => initialViews(project));
  const [basemap, setBasemapState] = useState({ hillshade: true, contours: true });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [tableLayer, setTableLayer] = useState<string | null>(null);
  const layerInfo = useMemo(() => new Map<string, LayerInfo>(layers.map((l) => [l.id, l])), [layers]);

  useEffect(() => controller?.setLayerViews(views), [controller, views]);
  useEffect(() => saveViews(project.projectId, views), [project, views]);
  useEffect(() => {
    controller?.highlight(selection ? { layerId: selection.layerId, index: selection.index } : null);
  }, [controller, selection]);
  const attribution = project.manifest.attribution[currentLanguage()];
  useEffect(() => controller?.setAttribution(attribution), [controller, attribution]);

  const select = useCallback(
    async (pick: { layerId: string; index: number } | null) => {
      if (!pick) return setSelection(null);
      const properties = await client.getFeatureProperties(pick.layerId, pick.index);
      setSelection({ layerId: pick.layerId, index: pick.index, properties });
    },
    [client],
  );
  const zoomToFeature = useCallback(
    async (layerId: string, index: number) => {
      const bbox = await client.getFeatureBBox(layerId, index);
      if (bbox) controller?.zoomToBBox(bbox, true);
    },
    [client, controller],
  );
  const pickAndZoom = (layerId: string, index: number) => {
    void select({ layerId, index });
    void zoomToFeature(layerId, index);
  };
  // A pick of an analysis overlay (not a data layer) belongs to its feature, not to the selection.
  useMapEvent(controller, 'pick', (pick) => {
    if (!pick || layerInfo.has(pick.layerId) || pick.layerId === PREVIEW_LAYER_ID) void select(pick);
  });

  const remove = async (id: string) => {
    const info = layerInfo.get(id);
    if (!info || !window.confirm(i18next.t('layer.confirmRemove', { name: info.name[currentLanguage()] }))) return;
    await client.removeLayer(id);
    controller?.removeLayer(id);
    setViews((v) => v.filter((x) => x.id !== id));
    if (selection?.layerId === id) setSelection(null);
    if (tableLayer === id) setTableLayer(null);
    layerRemoved(id);
  };
  const exportLayer = async (id: string, format: 'geojson' | 'fgb' | 'csv') => {
    const info = layerInfo.get(id);
    const bytes = await client.exportLayer(id, format);
    downloadBlob(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), `${info?.name[currentLanguage()] ?? id}.${format}`);
  };
  const setBasemap = (layer: 'hillshade' | 'contours', visible: boolean) => {
    setBasemapState((b) => ({ ...b, [layer]: visible }));
    controller?.setBasemapVisibility(layer, visible);
  };
  const zoomToLayer = (id: string) => {
    const info = layerInfo.get(id);
    if (info) controller?.zoomToBBox(info.bboxLngLat);
  };

  return {
    layerInfo, views, setViews, basemap, setBasemap, selection, setSelection, select, zoomToFeature, pickAndZoom,
    tableLayer, setTableLayer, remove, exportLayer, zoomToLayer,
  };
}
