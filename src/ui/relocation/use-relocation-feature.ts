/**
 * Relocation as a feature of the workspace: its store for the open project, the result (or a
 * comparison) and the drawn sites on the map while the panel is open, a village picked on the
 * map or in the table, the exports, and what the leader's briefing is built from.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import i18next from 'i18next';
import type { MapController } from '../../map/controller';
import type { DataClient } from '../../../workers/data.client';
import type { ProjectLoad } from '../../../workers/data.types';
import type { ExposureParams } from '../../core/exposure/analysis';
import type { RegisterStore } from '../register/register-store';
import type { SuitabilityStore } from '../suitability/suitability-store';
import { currentLayers } from '../project-store';
import { currentLanguage } from '../i18n';
import { downloadBlob } from '../download';
import { useMapEvent } from '../use-map-event';
import type { BriefingContext } from '../briefing/use-briefing';
import { RelocationStore } from './relocation-store';
import type { ScenarioRegion } from '../../core/relocation/analysis';
import { relocationSheet, type RelocationTable } from './sheets';
import { signOffText } from './wording';
import { dateText } from '../../core/exposure/register-table';
import { useRelocationMap } from './use-relocation-map';

/** The overlay layer whose picks are villages of the relocation result. */
const VILLAGES_LAYER = 'relocation-villages';

interface Deps {
  client: DataClient;
  controller: MapController | null;
  project: ProjectLoad;
  open: boolean;
  layerSignature: string;
  hazardParams: () => ExposureParams;
  register: RegisterStore;
  suitability: SuitabilityStore;
}

export function useRelocationFeature({ client, controller, project, open, layerSignature, hazardParams, register, suitability }: Deps) {
  const [store] = useState(() => new RelocationStore({ client, hazardParams }));
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => {
    void store.load();
    return () => store.dispose();
  }, [store]);
  useEffect(() => {
    void store.layersChanged();
  }, [store, layerSignature]);
  // Opening the panel shows a result: computed now if there is none yet.
  useEffect(() => {
    if (!open) return;
    const { result, running } = store.getSnapshot();
    if (!result && !running) void store.run();
  }, [store, open]);

  const selectVillage = (index: number) => {
    store.select(index);
    const v = store.getSnapshot().facts?.villages[index];
    if (v) controller?.zoomToBBox([v.lngLat[0] - 0.02, v.lngLat[1] - 0.015, v.lngLat[0] + 0.02, v.lngLat[1] + 0.015], true);
  };
  useMapEvent(controller, 'pick', (pick) => {
    if (pick?.layerId === VILLAGES_LAYER) selectVillage(pick.index);
  });

  const lang = currentLanguage();
  const exportTable = async (table: RelocationTable, format: 'csv' | 'xlsx') => {
    const { facts, result } = store.getSnapshot();
    if (!facts || !result) return;
    const { registerCsv, registerXlsx } = await import('../../io/register-export');
    const scenarioName = store.active?.name ?? '';
    const t = (k: string, p?: Record<string, unknown>) => i18next.t(k, p);
    const signOff = store.active ? signOffText(store.active, result, t) : '';
    const sheet = relocationSheet(table, facts, result, { scenario: scenarioName, project: project.manifest.name[lang], at: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'), signOff, lang }, t);
    const blob = format === 'csv' ? new Blob([registerCsv(sheet) as BlobPart], { type: 'text/csv' }) : await registerXlsx(sheet, sheet.title.slice(0, 31));
    downloadBlob(blob, `${sheet.title}-${scenarioName}-${new Date().toISOString().slice(0, 10)}.${format}`);
  };

  const map = useRelocationMap(controller, store, view, open, { site: (n) => i18next.t('scen.sites.defaultName', { n }), industry: (n) => i18next.t('scen.sites.defaultIndustry', { n }) });

  const briefingContext = useCallback((): BriefingContext => {
    const state = register.getSnapshot().state;
    // Entries by the names users read (the last run's names), never by their internal keys.
    const keys = state?.last?.keys ?? [];
    const nameOf = (key: string) => {
      const i = keys.indexOf(key);
      const name = i >= 0 ? state?.last?.names[i] : null;
      const township = i >= 0 ? state?.last?.townships[i] : null;
      return name ? (township ? `${township} ${name}` : name) : i18next.t('scen.briefing.unnamedEntry');
    };
    const disputed = Object.entries(state?.reviews ?? {}).flatMap(([key, list]) => {
      const last = list[list.length - 1];
      return last?.status === 'disputed' ? [{ name: nameOf(key), note: last.note, date: last.date }] : [];
    });
    const county = project.manifest.name[lang];
    return {
      lang,
      county,
      author: store.getSnapshot().doc?.author ?? i18next.t('scen.briefing.author', { county }),
      attribution: project.manifest.attribution[lang],
      layers: currentLayers().map((l) => ({ name: l.name[lang], source: l.source[lang] })),
      disputed,
      t: (key, params) => i18next.t(key, params),
    };
  }, [register, store, lang, project]);

  /**
   * Adds the best regions of the last suitability run (clear of hazards there; the relocation
   * rules check them again) to the active scenario, as a snapshot saved with it.
   */
  const addRegions = () => {
    const { result } = suitability.getSnapshot();
    const model = suitability.active?.name[lang] ?? '';
    const n = store.active?.policy.assignment.newSiteCount ?? 0;
    const addedAt = dateText(Date.now());
    const regions: ScenarioRegion[] = (result?.regions ?? [])
      .filter((r) => r.hazard.status === 0)
      .slice(0, n)
      .map((r) => ({
        // Where it is, not only its rank: a later run's region 3 is another place.
        id: `region-${r.rank}-${Math.round(r.centroidLngLat[0] * 1e4)}-${Math.round(r.centroidLngLat[1] * 1e4)}`,
        name: i18next.t('reloc.regions.name', { rank: r.rank }),
        rank: r.rank,
        lngLat: r.centroidLngLat,
        areaHa: r.areaHa,
        score: r.meanScore,
        addedAt,
        model,
      }));
    store.setRegions(regions);
  };

  /** The name of a scenario of the project (for the split map's labels). */
  const scenarioName = (id: string | undefined) => view.doc?.scenarios.find((s) => s.id === id)?.name ?? '';

  return { store, view, selectVillage, exportTable, ...map, briefingContext, scenarioName, addRegions };
}
