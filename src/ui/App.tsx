/**
 * The shell: the header, the loading screen and the workspace, which lays out the map, the
 * toolbar and the panels. Each feature (layers, map tools, import, register, suitability,
 * relocation) keeps its state and logic in its own controller hook; this file only wires them.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapController } from '../map/controller';
import type { MeasureMode } from '../map/measure';
import type { DemSummary, LayerInfo, ProjectLoad } from '../../workers/data.types';
import type { Manifest } from '../core/manifest';
import type { DataClient } from '../../workers/data.client';
import { currentLanguage, setLanguage } from './i18n';
import { retryProjectLoad, useProjectState } from './project-store';
import { ProjectMenu } from './ProjectMenu';
import { MapView } from './MapView';
import { LayerPanel } from './LayerPanel';
import { FeaturePopup } from './FeaturePopup';
import { AttributeTable } from './AttributeTable';
import { SettingsDialog } from './Settings';
import { Icon } from './icons';
import { useLayers } from './layers/use-layers';
import { useMapTools } from './tools/use-map-tools';
import { MeasureReadout, StatusBar } from './tools/MapReadouts';
import { useImport } from './import/use-import';
import { useRegisterFeature } from './register/use-register-feature';
import { RunProgress } from './runs/RunProgress';
import { useExportRun } from './runs/use-export-run';
import { useMessageText } from './message';
import { RegisterPanel } from './register/RegisterPanel';
import { ExposureDetails } from './register/ExposureDetails';
import { ExposureLegend } from './register/ExposureLegend';
import { useSuitabilityFeature } from './suitability/use-suitability-feature';
import { SuitabilityPanel } from './suitability/SuitabilityPanel';
import { CellPopup } from './suitability/CellPopup';
import { useRelocationFeature } from './relocation/use-relocation-feature';
import { RelocationPanel } from './relocation/RelocationPanel';
import { RelocationLegend } from './relocation/RelocationLegend';
import { BriefingView } from './briefing/BriefingView';
import { useBriefing } from './briefing/use-briefing';

/** The import wizard (readers' messages, role schemas, CRS tables) loads when first used. */
const ImportSession = lazy(() => import('./import/ImportSession').then((m) => ({ default: m.ImportSession })));

/** What the file chooser offers; anything else dropped is named by the wizard. */
const IMPORT_ACCEPT = '.geojson,.json,.fgb,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.txt,.xlsx,.xls,.tif,.tiff,.hgt';

/** The side panel that is open: at most one at a time. */
type Panel = 'register' | 'suitability' | 'relocation' | null;

export function App() {
  const { t } = useTranslation();
  const say = useMessageText();
  const state = useProjectState();
  const ready = state.status === 'ready' ? state : null;
  return (
    <div className="app">
      <Header manifest={ready?.project.manifest ?? null} client={ready?.client ?? null} projectId={ready?.project.projectId ?? null} />
      {ready ? (
        <Workspace key={ready.project.projectId} project={ready.project} client={ready.client} layers={ready.layers} dem={ready.dem} />
      ) : (
        <div className="overlay" role="status" data-testid="loading">
          {state.status === 'failed' ? (
            <div className="panel error" role="alert">
              <h2>{t('error.title')}</h2>
              <p>{say(state.failure)}</p>
              <button type="button" onClick={retryProjectLoad}>{t('error.retry')}</button>
            </div>
          ) : (
            state.status === 'loading' && (
              <div className="panel progress">
                <RunProgress run={state.run} label={(p) => t(`loading.${p?.stage ?? 'manifest'}`)} />
              </div>
            )
          )}
        </div>
      )}
    </div>
  );
}

function Header({ manifest, client, projectId }: { manifest: Manifest | null; client: DataClient | null; projectId: string | null }) {
  const { t, i18n } = useTranslation();
  const name = manifest?.name[currentLanguage()];
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

function Workspace({ project, client, layers, dem }: { project: ProjectLoad; client: DataClient; layers: LayerInfo[]; dem: DemSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const [controller, setController] = useState<MapController | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const togglePanel = (p: Exclude<Panel, null>) => setPanel((open) => (open === p ? null : p));
  const layerSignature = layers.map((l) => `${l.id}:${l.featureCount}`).join('|');

  const data = useLayers(project, client, controller, layers);
  const tools = useMapTools(client, controller);
  const imports = useImport(project, client, controller, layers, dem, data.setViews);
  const register = useRegisterFeature(client, controller, project.manifest.name.zh, data.selection);
  const hazardParams = () => register.store.settings().params;
  const suitability = useSuitabilityFeature(client, controller, panel === 'suitability', layerSignature, hazardParams);
  const relocation = useRelocationFeature({ client, controller, project, open: panel === 'relocation', layerSignature, hazardParams, register: register.store, suitability: suitability.store });
  const briefing = useBriefing(controller, relocation.store, relocation.briefingContext);
  const exports = useExportRun();
  const say = useMessageText();

  const shownLayers = imports.previewInfo ? new Map([...data.layerInfo, [imports.previewInfo.id, imports.previewInfo]]) : data.layerInfo;
  const startMeasure = (mode: MeasureMode | null) => {
    if (mode) data.setSelection(null);
    tools.startMeasure(mode);
  };
  const { selection, tableLayer } = data;
  const tableInfo = tableLayer ? data.layerInfo.get(tableLayer) : undefined;
  const selectedInfo = selection ? data.layerInfo.get(selection.layerId) : undefined;
  const { diff, setSplitEl } = relocation;

  return (
    <>
      <main className="workspace" lang={i18n.language}>
        <LayerPanel
          layers={shownLayers}
          views={data.views}
          onRemove={(id) => void data.remove(id)}
          onExport={(id, format) => void exports.run(() => data.exportLayer(id, format))}
          basemap={data.basemap}
          onViews={data.setViews}
          onBasemap={data.setBasemap}
          onZoom={data.zoomToLayer}
          onTable={data.setTableLayer}
        />
        <div
          className="map-area"
          data-testid="drop-zone"
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes('Files')) return;
            e.preventDefault();
            imports.setDragging(true);
          }}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node)) imports.setDragging(false);
          }}
          onDrop={(e) => {
            e.preventDefault();
            imports.setDragging(false);
            imports.start(e.dataTransfer.files);
          }}
        >
          <MapView project={project} client={client} onController={setController} />
          <Toolbar
            measuring={tools.measuring}
            measureShown={tools.measure !== null}
            onMeasure={startMeasure}
            importBusy={imports.files !== null}
            onImport={imports.start}
            panel={panel}
            onPanel={togglePanel}
            onWarm={(p) => (p === 'register' ? register.store : p === 'suitability' ? suitability.store : relocation.store).warm()}
            onSettings={() => tools.setSettingsOpen((o) => !o)}
          />
          {tools.measure && <MeasureReadout measure={tools.measure} />}
          {tools.notice && (
            <Notice testId="notice" onClose={() => tools.setNotice(null)}>
              {t(`notice.${tools.notice}`)}
            </Notice>
          )}
          {exports.failure && (
            <Notice testId="export-failure" alert onClose={exports.clear}>
              {say(exports.failure)}
            </Notice>
          )}
          {imports.dragging && <div className="drop-overlay" data-testid="drop-overlay">{t('import.drop')}</div>}
          {layers.length === 0 && !imports.files && <div className="panel empty-project" data-testid="empty-project">{t('project.empty')}</div>}
          {imports.messages.length > 0 && (
            <Notice testId="import-messages" className="import-messages" onClose={imports.clearMessages}>
              {imports.messages.map((m, k) => <div key={k}>{m}</div>)}
            </Notice>
          )}
          {imports.files && (
            <Suspense fallback={null}>
              <ImportSession files={imports.files} hint={imports.hint} target={imports.target} onClose={imports.close} />
            </Suspense>
          )}
          {tools.settingsOpen && <SettingsDialog settings={tools.settings} onChange={tools.changeSettings} onClose={() => tools.setSettingsOpen(false)} />}
          {selection && selectedInfo && (
            <FeaturePopup layer={selectedInfo} properties={selection.properties} onClose={() => data.setSelection(null)} onZoom={() => void data.zoomToFeature(selection.layerId, selection.index)}>
              {register.view.run && <ExposureDetails run={register.view.run} entries={register.view.entries} layerId={selection.layerId} index={selection.index} onPick={data.pickAndZoom} />}
            </FeaturePopup>
          )}
          {panel === 'relocation' && diff?.split && (
            <>
              <div className="split-map" data-testid="split-map">
                <div className="split-map-canvas" ref={setSplitEl} />
                <span className="split-label">{t('scen.compare.right', { name: relocation.scenarioName(diff.b) })}</span>
              </div>
              <span className="split-label">{t('scen.compare.left', { name: relocation.scenarioName(diff.a) })}</span>
            </>
          )}
          {panel === 'suitability' && suitability.view.explanation && <CellPopup explanation={suitability.view.explanation} lang={lang} onClose={() => suitability.store.clearExplanation()} />}
          {panel === 'relocation' && relocation.view.result ? <RelocationLegend /> : register.view.run && register.view.entries.length > 0 && <ExposureLegend />}
          <StatusBar cursor={tools.cursor} />
        </div>
        {panel === 'suitability' && (
          <SuitabilityPanel store={suitability.store} view={suitability.view} lang={lang} focus={suitability.focus} onFocus={suitability.focusRegion} onExport={(k) => void exports.run(() => suitability.exportResult(k))} onClose={() => setPanel(null)} />
        )}
        {panel === 'relocation' && (
          <RelocationPanel
            store={relocation.store}
            view={relocation.view}
            lang={lang}
            onSelectVillage={relocation.selectVillage}
            onExport={(table, f) => void exports.run(() => relocation.exportTable(table, f))}
            onClose={() => setPanel(null)}
            draw={relocation.draw}
            diff={diff}
            onDiff={relocation.setDiff}
            onBriefing={() => void briefing.open()}
            briefingBusy={briefing.busy}
            briefingError={briefing.error}
            onAddRegions={relocation.addRegions}
          />
        )}
        {panel === 'register' && (
          <RegisterPanel
            store={register.store}
            view={register.view}
            layers={layers}
            selectedKey={register.selectedKey}
            onSelect={(entry) => {
              const feature = register.featureOf(entry);
              if (feature) data.pickAndZoom(feature.layerId, feature.index);
            }}
            onExport={(f) => void exports.run(() => register.exportRegister(f))}
            onClose={() => setPanel(null)}
          />
        )}
      </main>
      {briefing.briefing && <BriefingView briefing={briefing.briefing} onClose={briefing.close} onDownloadPdf={briefing.downloadPdf} />}
      {tableInfo && (
        <AttributeTable
          key={tableInfo.id}
          layer={tableInfo}
          client={client}
          selectedIndex={selection?.layerId === tableInfo.id ? selection.index : null}
          onRow={(index) => data.pickAndZoom(tableInfo.id, index)}
          onClose={() => data.setTableLayer(null)}
        />
      )}
    </>
  );
}

/** A closable note above the map: a notice, an import's messages, or (as an alert) a failure. */
function Notice({ testId, alert = false, className = '', onClose, children }: { testId: string; alert?: boolean; className?: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`panel notice ${className}`.trim()} role={alert ? 'alert' : 'status'} data-testid={testId}>
      {children}
      <button type="button" onClick={onClose} aria-label={t('popup.close')}><Icon name="close" size={12} /></button>
    </div>
  );
}

interface ToolbarProps {
  measuring: MeasureMode | null;
  measureShown: boolean;
  onMeasure(mode: MeasureMode | null): void;
  importBusy: boolean;
  onImport(files: FileList | null): void;
  panel: Panel;
  onPanel(panel: Exclude<Panel, null>): void;
  /** The pointer is over a panel's button: its worker may start loading. */
  onWarm(panel: Exclude<Panel, null>): void;
  onSettings(): void;
}

function Toolbar({ measuring, measureShown, onMeasure, importBusy, onImport, panel, onPanel, onWarm, onSettings }: ToolbarProps) {
  const { t } = useTranslation();
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);
  const panelButton = (p: Exclude<Panel, null>, icon: Parameters<typeof Icon>[0]['name'], label: string, testId: string) => (
    <button
      type="button"
      aria-pressed={panel === p}
      onClick={() => {
        // The register's worker starts at the click, so its first run does not wait for it.
        if (p === 'register') onWarm(p);
        onPanel(p);
      }}
      onPointerEnter={() => onWarm(p)}
      data-testid={testId}
    >
      <Icon name={icon} /> {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" aria-pressed={measuring === 'distance'} onClick={() => onMeasure(measuring === 'distance' ? null : 'distance')} data-testid="measure-distance">
        <Icon name="ruler" /> {t('measure.distance')}
      </button>
      <button type="button" aria-pressed={measuring === 'area'} onClick={() => onMeasure(measuring === 'area' ? null : 'area')} data-testid="measure-area">
        <Icon name="polygon" /> {t('measure.area')}
      </button>
      {measureShown && <button type="button" onClick={() => onMeasure(null)}>{t('measure.clear')}</button>}
      <button type="button" onClick={() => fileInput?.click()} data-testid="import-button" disabled={importBusy}>
        <Icon name="upload" /> {t('import.button')}
      </button>
      <input
        ref={setFileInput}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        data-testid="import-input"
        onChange={(e) => {
          onImport(e.target.files);
          e.target.value = '';
        }}
      />
      {panelButton('register', 'warning', t('register.button'), 'register-button')}
      {panelButton('suitability', 'site', t('suit.button'), 'suitability-button')}
      {panelButton('relocation', 'route', t('reloc.button'), 'relocation-button')}
      <button type="button" onClick={onSettings} data-testid="settings-button">
        <Icon name="gear" /> {t('settings.title')}
      </button>
    </div>
  );
}
