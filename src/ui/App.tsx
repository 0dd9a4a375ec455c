import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapController, LayerView, MapPick } from '../map/controller';
import { formatArea, formatLength, pathLengthMeters, polygonAreaSquareMeters, type MeasureMode } from '../map/measure';
import type { DemSummary, LayerInfo, ProjectLoad } from '../../workers/data.types';
import type { Manifest } from '../core/manifest';
import type { DataClient } from '../../workers/data.client';
import { PREVIEW_LAYER_ID } from '../../workers/import.types';
import { currentLanguage, setLanguage } from './i18n';
import { currentLayers, layerRemoved, layerUpdated, retryProjectLoad, useProjectState } from './project-store';
import { beforeProjectExport, ProjectMenu } from './ProjectMenu';
import { useImportTarget } from './import/useImportTarget';
import { MapView } from './MapView';
import { LayerPanel } from './LayerPanel';
import { FeaturePopup } from './FeaturePopup';
import { AttributeTable } from './AttributeTable';
import { SettingsDialog, loadMapSettings, saveMapSettings, type MapSettings } from './Settings';
import { Icon } from './icons';
import { downloadBlob } from './download';
import i18next from 'i18next';
import { RegisterStore } from './register/register-store';
import { RegisterPanel } from './register/RegisterPanel';
import { ExposureDetails } from './register/ExposureDetails';
import { overlayOf } from './register/exposure-lookup';
import { EXPOSURE_COLORS } from '../map/exposure-layers';
import { VILLAGE_STATUSES } from '../core/vocabulary';
import type { RegisterEntry } from '../core/exposure/register';
import { registerSheet } from '../core/exposure/register-table';
import { SuitabilityStore } from './suitability/suitability-store';
import { SuitabilityPanel } from './suitability/SuitabilityPanel';
import { CellPopup } from './suitability/CellPopup';
import type { SuitabilityGrid, RegionView } from '../../workers/suitability.api';
import { RelocationStore } from './relocation/relocation-store';
import { RelocationPanel } from './relocation/RelocationPanel';
import { relocationSheet, type RelocationTable } from './relocation/sheets';
import { useRelocationMap } from './relocation/use-relocation-map';
import { useBriefing, type BriefingContext } from './briefing/use-briefing';
import { BriefingView } from './briefing/BriefingView';

/** Resolves after the next frame has been painted (a frame, then a task after it). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** The import wizard (readers' messages, role schemas, CRS tables) loads when first used. */
const ImportSession = lazy(() => import('./import/ImportSession').then((m) => ({ default: m.ImportSession })));

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

export function App() {
  const { t } = useTranslation();
  const state = useProjectState();
  const stage = state.status === 'loading' ? state.progress : null;
  return (
    <div className="app">
      <Header manifest={state.status === 'ready' ? state.project.manifest : null} client={state.status === 'ready' ? state.client : null} projectId={state.status === 'ready' ? state.project.projectId : null} />
      {state.status === 'ready' ? (
        <Workspace key={state.project.projectId} project={state.project} client={state.client} layers={state.layers} dem={state.dem} />
      ) : (
        <div className="overlay" role="status" data-testid="loading">
          {state.status === 'failed' ? (
            <div className="panel error" role="alert">
              <h2>{t('error.title')}</h2>
              <p>{t(`error.${state.failure.code}`, { file: state.failure.file, detail: state.failure.detail })}</p>
              <button type="button" onClick={retryProjectLoad}>{t('error.retry')}</button>
            </div>
          ) : (
            <div className="panel progress">
              <div>{t(`loading.${stage?.stage ?? 'manifest'}`)}</div>
              <progress max={stage?.total ?? 1} value={stage?.done ?? 0} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function Header({ manifest, client, projectId }: { manifest: Manifest | null; client: DataClient | null; projectId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const name = manifest?.name[lang];
  // The demo's own name already says it is synthetic; any other synthetic project gets a badge.
  const badge = manifest?.synthetic && !/合成|synthetic/i.test(name ?? '');
  return (
    <header className="topbar">
      <h1>
        {t('app.title')} <small>{t('app.subtitle')}</small>
      </h1>
      {manifest && (
        <div className="project-title" data-testid="project-title">
          {name}
          {badge && <span className="badge">{t('app.synthetic')}</span>}
        </div>
      )}
      <div className="topbar-tools">
        {client && projectId && <ProjectMenu client={client} projectId={projectId} />}
        <button type="button" onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')} data-testid="language" title="中文 / English">
          {i18n.language === 'en' ? '中文' : 'English'}
        </button>
      </div>
    </header>
  );
}

interface Selection {
  layerId: string;
  index: number;
  properties: [string, string | number | boolean | null][];
}

function Workspace({ project, client, layers, dem }: { project: ProjectLoad; client: DataClient; layers: LayerInfo[]; dem: DemSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const [controller, setController] = useState<MapController | null>(null);
  const [views, setViews] = useState<LayerView[]>(() => initialViews(project));
  const [basemap, setBasemap] = useState({ hillshade: true, contours: true });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [tableLayer, setTableLayer] = useState<string | null>(null);
  const [cursor, setCursor] = useState<{ lngLat: [number, number]; elevation: number | null } | null>(null);
  const [measure, setMeasure] = useState<{ mode: MeasureMode; points: [number, number][]; finished: boolean } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [notice, setNotice] = useState<'onlineUnreachable' | null>(null);
  const [settings, setSettings] = useState<MapSettings>(loadMapSettings);
  const layerInfo = useMemo(() => new Map<string, LayerInfo>(layers.map((l) => [l.id, l])), [layers]);
  const [importFiles, setImportFiles] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const { importTarget, previewInfo } = useImportTarget({ client, controller, layers, dem, projectBBox: project.manifest.bboxLngLat, setViews });
  const shownLayers = useMemo(() => (previewInfo ? new Map([...layerInfo, [previewInfo.id, previewInfo]]) : layerInfo), [layerInfo, previewInfo]);
  const [registerOpen, setRegisterOpen] = useState(false);
  const [register] = useState(() => new RegisterStore({ client, layers: currentLayers, onLayerUpdated: layerUpdated, t: (key, params) => i18next.t(key, params), lang: currentLanguage }));
  const registerView = useSyncExternalStore(register.subscribe, register.getSnapshot);
  useEffect(() => {
    void register.load();
    return () => register.dispose();
  }, [register]);
  const [suitOpen, setSuitOpen] = useState(false);
  const suitOpenRef = useRef(false);
  const [suitImage, setSuitImage] = useState<{ pixels: Uint8ClampedArray; grid: SuitabilityGrid } | null>(null);
  const [suitFocus, setSuitFocus] = useState(0);
  const [suitability] = useState(() => new SuitabilityStore({ client, hazardParams: () => register.settings().params, onImage: setSuitImage, afterPaint }));
  const suitView = useSyncExternalStore(suitability.subscribe, suitability.getSnapshot);
  useEffect(() => {
    void suitability.load();
    return () => suitability.dispose();
  }, [suitability]);
  useEffect(() => beforeProjectExport(() => suitability.flush()), [suitability]);
  const layerSignature = layers.map((l) => `${l.id}:${l.featureCount}`).join('|');
  useEffect(() => {
    void suitability.layersChanged();
  }, [suitability, layerSignature]);
  const suitImageData = useMemo(() => (suitImage ? new ImageData(suitImage.pixels as Uint8ClampedArray<ArrayBuffer>, suitImage.grid.width, suitImage.grid.height) : null), [suitImage]);
  const suitRegions = suitView.result?.regions;
  useEffect(() => {
    if (!controller) return;
    if (!suitOpen || !suitImage || !suitImageData) return controller.setSuitabilityOverlay(null);
    // Rank markers for the best 30 only: beyond that they would bury the map.
    const positions = new Float64Array((suitRegions ?? []).slice(0, 30).flatMap((r) => r.centroidLngLat));
    controller.setSuitabilityOverlay({ image: suitImageData, corners: suitImage.grid.cornersLngLat, regions: positions, focus: suitFocus });
  }, [controller, suitOpen, suitImage, suitImageData, suitRegions, suitFocus]);
  const [relocOpen, setRelocOpen] = useState(false);
  const [relocation] = useState(
    () =>
      new RelocationStore({
        client,
        hazardParams: () => register.settings().params,
        // The ten best candidate regions of the last suitability run, clear of hazards.
        newSites: () =>
          (suitability.getSnapshot().result?.regions ?? [])
            .filter((r) => r.hazard.status === 0)
            .slice(0, 10)
            .map((r) => ({ id: `SITE-${r.rank}`, name: `${i18next.t('reloc.newSite')} #${r.rank}`, lngLat: r.centroidLngLat, areaHa: r.areaHa })),
      }),
  );
  const relocView = useSyncExternalStore(relocation.subscribe, relocation.getSnapshot);
  useEffect(() => {
    void relocation.load();
    return () => relocation.dispose();
  }, [relocation]);
  useEffect(() => {
    void relocation.layersChanged();
  }, [relocation, layerSignature]);
  const { draw: drawControl, diff: relocDiff, setDiff: setRelocDiff, setSplitEl } = useRelocationMap(controller, relocation, relocView, relocOpen, { site: (n) => t('scen.sites.defaultName', { n }), industry: (n) => t('scen.sites.defaultIndustry', { n }) });
  const briefingContext = useCallback((): BriefingContext => {
    const reviews = register.getSnapshot().state?.reviews ?? {};
    const disputed = Object.entries(reviews).flatMap(([key, list]) => {
      const last = list[list.length - 1];
      return last?.status === 'disputed' ? [{ key, note: last.note, date: last.date }] : [];
    });
    return {
      lang,
      county: project.manifest.name[lang],
      author: relocation.getSnapshot().doc?.author ?? t('scen.briefing.author', { county: project.manifest.name[lang] }),
      attribution: project.manifest.attribution[lang],
      layers: currentLayers().map((l) => ({ name: l.name[lang], source: l.source[lang] })),
      disputed,
      t: (key, params) => i18next.t(key, params),
    };
  }, [register, relocation, lang, project, t]);
  const briefing = useBriefing(controller, relocation, briefingContext);
  const openBriefing = briefing.open;
  const toggleRelocation = () => {
    const open = !relocOpen;
    setRelocOpen(open);
    if (open) {
      setRegisterOpen(false);
      if (suitOpenRef.current) toggleSuitability();
      if (!relocView.result && !relocView.running) void relocation.run();
    }
  };
  const selectVillage = (index: number) => {
    relocation.select(index);
    const v = relocView.facts?.villages[index];
    if (v) controller?.zoomToBBox([v.lngLat[0] - 0.02, v.lngLat[1] - 0.015, v.lngLat[0] + 0.02, v.lngLat[1] + 0.015], true);
  };
  const exportRelocation = async (table: RelocationTable, format: 'csv' | 'xlsx') => {
    const { facts, result } = relocation.getSnapshot();
    if (!facts || !result) return;
    const { registerCsv, registerXlsx } = await import('../io/register-export');
    const scenarioName = relocation.active?.name ?? '';
    const sheet = relocationSheet(table, facts, result, { scenario: scenarioName, project: project.manifest.name[lang], at: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }, (k, p) => i18next.t(k, p));
    const blob = format === 'csv' ? new Blob([registerCsv(sheet) as BlobPart], { type: 'text/csv' }) : await registerXlsx(sheet, sheet.title.slice(0, 31));
    downloadBlob(blob, `${sheet.title}-${scenarioName}-${new Date().toISOString().slice(0, 10)}.${format}`);
  };
  const toggleSuitability = () => {
    const open = !suitOpen;
    suitOpenRef.current = open;
    setSuitOpen(open);
    if (open) {
      setRegisterOpen(false);
      setRelocOpen(false);
      void suitability.open();
    } else suitability.clearExplanation();
  };
  const focusRegion = (region: RegionView) => {
    setSuitFocus(region.rank);
    controller?.zoomToBBox(region.bboxLngLat, true);
  };
  const exportSuitability = async (kind: 'tif' | 'geojson' | 'fgb') => {
    const model = suitability.active;
    const name = model?.name[lang] ?? 'suitability';
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'tif') {
      const bytes = await suitability.exportScores();
      downloadBlob(new Blob([bytes], { type: 'image/tiff' }), `${name}-${t('suit.legend.title')}-${date}.tif`);
    } else {
      const bytes = await suitability.exportRegions(kind, lang);
      downloadBlob(new Blob([bytes as BlobPart], { type: kind === 'geojson' ? 'application/geo+json' : 'application/octet-stream' }), `${name}-${t('suit.tabs.regions')}-${date}.${kind}`);
    }
  };
  const hint = useMemo(() => {
    const [w, s, e, n] = project.manifest.bboxLngLat;
    return { centerLng: (w + e) / 2, centerLat: (s + n) / 2 };
  }, [project]);


  const removeLayer = async (id: string) => {
    const info = layerInfo.get(id);
    if (!info || !window.confirm(t('layer.confirmRemove', { name: info.name[lang] }))) return;
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
    downloadBlob(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), `${info?.name[lang] ?? id}.${format}`);
  };

  const exportRegister = async (format: 'csv' | 'xlsx') => {
    const { run, entries, state } = register.getSnapshot();
    if (!run) return;
    const { registerCsv, registerXlsx } = await import('../io/register-export');
    const sheet = registerSheet(run, entries, state, Date.now(), project.manifest.name.zh);
    const blob = format === 'csv' ? new Blob([registerCsv(sheet) as BlobPart], { type: 'text/csv' }) : await registerXlsx(sheet);
    downloadBlob(blob, `${sheet.title}-${new Date().toISOString().slice(0, 10)}.${format}`);
  };

  const startImport = (files: FileList | File[] | null) => {
    if (!files || files.length === 0 || importFiles) return;
    setMessages([]);
    setImportFiles([...files]);
  };
  const cursorSeq = useRef(0);

  useEffect(() => controller?.setLayerViews(views), [controller, views]);
  useEffect(() => saveViews(project.projectId, views), [project, views]);
  useEffect(() => {
    controller?.highlight(selection ? { layerId: selection.layerId, index: selection.index } : null);
  }, [controller, selection]);

  const select = useCallback(
    async (pick: { layerId: string; index: number } | null) => {
      if (!pick) {
        setSelection(null);
        return;
      }
      const properties = await client.getFeatureProperties(pick.layerId, pick.index);
      setSelection({ layerId: pick.layerId, index: pick.index, properties });
    },
    [client, setSelection],
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
  const selectEntry = (entry: RegisterEntry) => {
    const run = registerView.run;
    if (run) pickAndZoom(run.layers[entry.layer].layerId, entry.feature);
  };
  const selectedKey = useMemo(() => {
    const run = registerView.run;
    if (!run || !selection) return null;
    return registerView.entries.find((e) => e.feature === selection.index && run.layers[e.layer].layerId === selection.layerId)?.key ?? null;
  }, [registerView, selection]);
  const focusLayer = selection?.layerId ?? null;
  const focusIndex = selection?.index ?? -1;
  useEffect(() => {
    const run = registerView.run;
    const focus = focusLayer === null ? null : { layerId: focusLayer, index: focusIndex };
    controller?.setExposureOverlay(run ? overlayOf(run, registerView.entries, focus) : null);
  }, [controller, registerView, focusLayer, focusIndex]);

  const selectVillageRef = useRef(selectVillage);
  useEffect(() => {
    selectVillageRef.current = selectVillage;
  });
  const callbacks = useMemo(
    () => ({
      onPick: (pick: MapPick | null) => {
        if (pick?.layerId === 'relocation-villages') return selectVillageRef.current(pick.index);
        void select(pick);
      },
      onCursor: (lngLat: [number, number] | null) => {
        if (!lngLat) return setCursor(null);
        const seq = ++cursorSeq.current;
        void client.elevationAt(lngLat[0], lngLat[1]).then((elevation) => {
          if (seq === cursorSeq.current) setCursor({ lngLat, elevation });
        });
      },
      onMeasure: (points: [number, number][], finished: boolean) =>
        setMeasure((m) => (m ? { ...m, points: [...points], finished } : m)),
      onNotice: (notice: 'onlineUnreachable') => setNotice(notice),
      onIdle: () => {
        document.body.dataset.mapIdle = 'true';
      },
      onMapClick: (lngLat: [number, number]) => {
        if (suitOpenRef.current) void suitability.explain(lngLat);
      },
    }),
    [client, select, setNotice, suitability],
  );

  // A finished measurement stays on screen, but its tool is no longer armed.
  const measuring = measure && !measure.finished ? measure.mode : null;
  const startMeasure = (mode: MeasureMode | null) => {
    if (mode) setSelection(null);
    setMeasure(mode ? { mode, points: [], finished: false } : null);
    controller?.startMeasure(mode);
  };

  const changeSettings = (next: MapSettings) => {
    if (next.online !== settings.online) setNotice(null);
    if (next.online !== settings.online || next.tiandituKey !== settings.tiandituKey) controller?.setOnlineBasemap(next.online, next.tiandituKey);
    if (next.terrain !== settings.terrain) controller?.setTerrain(next.terrain);
    setSettings(next);
    saveMapSettings(next);
  };

  // Apply remembered settings once the map exists; later changes go through changeSettings.
  useEffect(() => {
    if (!controller) return;
    controller.whenStyleReady(() => {
      if (settings.online !== 'none') controller.setOnlineBasemap(settings.online, settings.tiandituKey);
      if (settings.terrain) controller.setTerrain(true);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  const measureText = measure
    ? measure.mode === 'distance'
      ? `${t('measure.length')}: ${formatLength(pathLengthMeters(measure.points), lang)}`
      : `${t('measure.areaLabel')}: ${formatArea(polygonAreaSquareMeters(measure.points), lang)} · ${t('measure.length')}: ${formatLength(pathLengthMeters(measure.points.length >= 3 ? [...measure.points, measure.points[0]] : measure.points), lang)}`
    : '';
  const attribution = project.manifest.attribution[lang];
  useEffect(() => controller?.setAttribution(attribution), [controller, attribution]);
  const tableInfo = tableLayer ? layerInfo.get(tableLayer) : undefined;
  const selectedInfo = selection ? layerInfo.get(selection.layerId) : undefined;

  return (
    <>
      <main className="workspace" lang={i18n.language}>
        <LayerPanel
          layers={shownLayers}
          views={views}
          onRemove={(id) => void removeLayer(id)}
          onExport={(id, format) => void exportLayer(id, format)}
          basemap={basemap}
          onViews={setViews}
          onBasemap={(layer, visible) => {
            setBasemap((b) => ({ ...b, [layer]: visible }));
            controller?.setBasemapVisibility(layer, visible);
          }}
          onZoom={(id) => {
            const info = layerInfo.get(id);
            if (info) controller?.zoomToBBox(info.bboxLngLat);
          }}
          onTable={(id) => setTableLayer(id)}
        />
        <div
          className="map-area"
          data-testid="drop-zone"
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes('Files')) return;
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node)) setDragging(false);
          }}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            startImport(e.dataTransfer.files);
          }}
        >
          <MapView project={project} client={client} callbacks={callbacks} onController={setController} />
          <div className="toolbar" role="toolbar">
            <button type="button" aria-pressed={measuring === 'distance'} onClick={() => startMeasure(measuring === 'distance' ? null : 'distance')} data-testid="measure-distance">
              <Icon name="ruler" /> {t('measure.distance')}
            </button>
            <button type="button" aria-pressed={measuring === 'area'} onClick={() => startMeasure(measuring === 'area' ? null : 'area')} data-testid="measure-area">
              <Icon name="polygon" /> {t('measure.area')}
            </button>
            {measure && <button type="button" onClick={() => startMeasure(null)}>{t('measure.clear')}</button>}
            <button type="button" onClick={() => fileInput.current?.click()} data-testid="import-button" disabled={importFiles !== null}>
              <Icon name="upload" /> {t('import.button')}
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              accept=".geojson,.json,.fgb,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.txt,.xlsx,.xls,.tif,.tiff,.hgt"
              data-testid="import-input"
              onChange={(e) => {
                startImport(e.target.files);
                e.target.value = '';
              }}
            />
            <button
              type="button"
              aria-pressed={registerOpen}
              onClick={() => {
                register.warm();
                setRegisterOpen((o) => !o);
                setRelocOpen(false);
                if (suitOpenRef.current) toggleSuitability();
              }}
              onPointerEnter={() => register.warm()}
              data-testid="register-button"
            >
              <Icon name="warning" /> {t('register.button')}
            </button>
            <button type="button" aria-pressed={suitOpen} onClick={toggleSuitability} onPointerEnter={() => suitability.warm()} data-testid="suitability-button">
              <Icon name="site" /> {t('suit.button')}
            </button>
            <button type="button" aria-pressed={relocOpen} onClick={toggleRelocation} onPointerEnter={() => relocation.warm()} data-testid="relocation-button">
              <Icon name="route" /> {t('reloc.button')}
            </button>
            <button type="button" onClick={() => setSettingsOpen((o) => !o)} data-testid="settings-button">
              <Icon name="gear" /> {t('settings.title')}
            </button>
          </div>
          {measure && (
            <div className="panel measure-readout" data-testid="measure-readout">
              {measure.points.length === 0 ? t('measure.hint') : measureText}
            </div>
          )}
          {notice && (
            <div className="panel notice" role="status" data-testid="notice">
              {t(`notice.${notice}`)}
              <button type="button" onClick={() => setNotice(null)} aria-label={t('popup.close')}><Icon name="close" size={12} /></button>
            </div>
          )}
          {dragging && <div className="drop-overlay" data-testid="drop-overlay">{t('import.drop')}</div>}
          {layers.length === 0 && !importFiles && <div className="panel empty-project" data-testid="empty-project">{t('project.empty')}</div>}
          {messages.length > 0 && (
            <div className="panel notice import-messages" role="status" data-testid="import-messages">
              {messages.map((m, k) => <div key={k}>{m}</div>)}
              <button type="button" onClick={() => setMessages([])} aria-label={t('popup.close')}><Icon name="close" size={12} /></button>
            </div>
          )}
          {importFiles && (
            <Suspense fallback={null}>
              <ImportSession
                files={importFiles}
                hint={hint}
                target={importTarget}
                onClose={(done) => {
                  setImportFiles(null);
                  setMessages(done);
                }}
              />
            </Suspense>
          )}
          {settingsOpen && <SettingsDialog settings={settings} onChange={changeSettings} onClose={() => setSettingsOpen(false)} />}
          {selection && selectedInfo && (
            <FeaturePopup
              layer={selectedInfo}
              properties={selection.properties}
              onClose={() => setSelection(null)}
              onZoom={() => void zoomToFeature(selection.layerId, selection.index)}
            >
              {registerView.run && <ExposureDetails run={registerView.run} entries={registerView.entries} layerId={selection.layerId} index={selection.index} onPick={pickAndZoom} />}
            </FeaturePopup>
          )}
          {relocOpen && relocDiff?.split && (
            <div className="split-map" data-testid="split-map">
              <div className="split-map-canvas" ref={setSplitEl} />
              <span className="split-label">{t('scen.compare.right', { name: relocView.doc?.scenarios.find((s) => s.id === relocDiff?.b)?.name ?? '' })}</span>
            </div>
          )}
          {relocOpen && relocDiff?.split && <span className="split-label">{t('scen.compare.left', { name: relocView.doc?.scenarios.find((s) => s.id === relocDiff?.a)?.name ?? '' })}</span>}
          {suitOpen && suitView.explanation && <CellPopup explanation={suitView.explanation} lang={lang} onClose={() => suitability.clearExplanation()} />}
          {relocOpen && relocView.result ? (
            <div className="panel relocation-legend" data-testid="relocation-legend">
              <strong>{t('reloc.legend.title')}</strong>
              {VILLAGE_STATUSES.map((s) => (
                <span key={s}><i className={`status-dot ${s}`} />{t(`reloc.status.${s}`)}</span>
              ))}
              <span><i className="status-dot" style={{ background: 'rgb(120,0,0)' }} />{t('reloc.ind.unassigned')}</span>
              <span>— {t('reloc.legend.flow')}</span>
              <span>◎ {t('reloc.legend.gauge')}</span>
            </div>
          ) : registerView.run && registerView.entries.length > 0 && (
            <div className="panel exposure-legend" data-testid="exposure-legend">
              <strong>{t('register.legend.title')}</strong>
              {([3, 2, 1] as const).map((level) => (
                <span key={level}>
                  <i className="ring" style={{ borderColor: `rgb(${EXPOSURE_COLORS[level].slice(0, 3).join(',')})` }} />
                  {t(`register.legend.${level === 3 ? 'high' : level === 2 ? 'medium' : 'low'}`)}
                </span>
              ))}
              <span className="note">{t('register.legend.inside')} · {t('register.legend.near')}</span>
            </div>
          )}
          <div className="statusbar" data-testid="statusbar">
            {cursor ? (
              <>
                {t('status.lng')} {cursor.lngLat[0].toFixed(5)}° · {t('status.lat')} {cursor.lngLat[1].toFixed(5)}° · {t('status.elevation')}{' '}
                {cursor.elevation === null ? '—' : `${Math.round(cursor.elevation)} ${lang === 'zh' ? '米' : 'm'}`} · {t('status.crs')}
              </>
            ) : (
              t('status.crs')
            )}
          </div>
        </div>
        {suitOpen && (
          <SuitabilityPanel store={suitability} view={suitView} lang={lang} focus={suitFocus} onFocus={focusRegion} onExport={(k) => void exportSuitability(k)} onClose={toggleSuitability} />
        )}
        {relocOpen && (
          <RelocationPanel
            store={relocation}
            view={relocView}
            lang={lang}
            onSelectVillage={selectVillage}
            onExport={(table, f) => void exportRelocation(table, f)}
            onClose={toggleRelocation}
            draw={drawControl}
            diff={relocDiff}
            onDiff={setRelocDiff}
            onBriefing={() => void openBriefing()}
            briefingBusy={briefing.busy}
            briefingError={briefing.error}
          />
        )}
        {registerOpen && (
          <RegisterPanel store={register} view={registerView} layers={layers} selectedKey={selectedKey} onSelect={selectEntry} onExport={(f) => void exportRegister(f)} onClose={() => setRegisterOpen(false)} />
        )}
      </main>
      {briefing.briefing && <BriefingView briefing={briefing.briefing} onClose={briefing.close} onDownloadPdf={briefing.downloadPdf} />}
      {tableInfo && (
        <AttributeTable
          key={tableInfo.id}
          layer={tableInfo}
          client={client}
          selectedIndex={selection?.layerId === tableInfo.id ? selection.index : null}
          onRow={(index) => {
            void select({ layerId: tableInfo.id, index });
            void zoomToFeature(tableInfo.id, index);
          }}
          onClose={() => setTableLayer(null)}
        />
      )}
    </>
  );
}
