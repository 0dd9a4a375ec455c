/**
 * The hazard register as a feature of the workspace: its store for the open project, the
 * exposure rings on the map (focused on the selected feature), the entry matching the
 * selection, and the register's export.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import i18next from 'i18next';
import type { MapController } from '../../map/controller';
import type { DataClient } from '../../../workers/data.client';
import type { RegisterEntry } from '../../core/exposure/register';
import { registerSheet } from '../../core/exposure/register-table';
import { currentLayers, layerUpdated } from '../project-store';
import { currentLanguage } from '../i18n';
import { downloadBlob } from '../download';
import { RegisterStore } from './register-store';
import { overlayOf } from './exposure-lookup';

export function useRegisterFeature(client: DataClient, controller: MapController | null, projectName: string, selection: { layerId: string; index: number } | null) {
  const [store] = useState(() => new RegisterStore({ client, layers: currentLayers, onLayerUpdated: layerUpdated, t: (key, params) => i18next.t(key, params), lang: currentLanguage }));
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);

  const focusLayer = selection?.layerId ?? null;
  const focusIndex = selection?.index ?? -1;
  useEffect(() => {
    const run = view.run;
    const focus = focusLayer === null ? null : { layerId: focusLayer, index: focusIndex };
    controller?.setExposureOverlay(run ? overlayOf(run, view.entries, focus) : null);
  }, [controller, view, focusLayer, focusIndex]);

  /** The register entry of the selected feature, if it has one. */
  const selectedKey = useMemo(() => {
    const run = view.run;
    if (!run || focusLayer === null) return null;
    return view.entries.find((e) => e.feature === focusIndex && run.layers[e.layer].layerId === focusLayer)?.key ?? null;
  }, [view, focusLayer, focusIndex]);

  /** The layer and feature an entry is about. */
  const featureOf = (entry: RegisterEntry) => (view.run ? { layerId: view.run.layers[entry.layer].layerId, index: entry.feature } : null);

  const exportRegister = async (format: 'csv' | 'xlsx') => {
    const { run, entries, state } = store.getSnapshot();
    if (!run) return;
    const { registerCsv, registerXlsx } = await import('../../io/register-export');
    const sheet = registerSheet(run, entries, state, Date.now(), projectName);
    const blob = format === 'csv' ? new Blob([registerCsv(sheet) as BlobPart], { type: 'text/csv' }) : await registerXlsx(sheet);
    downloadBlob(blob, `${sheet.title}-${new Date().toISOString().slice(0, 10)}.${format}`);
  };

  return { store, view, selectedKey, featureOf, exportRegister };
}
