import maplibregl, { type GeoJSONSource, type LayerSpecification, type MapMouseEvent } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { DemSummary, ProjectLoad, LayerRender } from '../../workers/data.types';
import type { DataClient } from '../../workers/data.client';
import type { DemTileKind } from '../../workers/data.api';
import { basemapStyle, demSources, DEM_PROTOCOL, HILLSHADE_LAYER, type OnlineBasemap } from './basemap';
import { HATCHED_ROLES, opacityProperty, shapeLayerSpecs } from './shape-layers';
import { hatchImage } from './hatch';
import { ZONE_COLORS } from './palette';
import { buildLabelLayer, buildPointLayer, pointAttributes, type PointAttributes } from './point-layers';
import type { MeasureMode } from './measure';
import { placeLabels } from './label-placement';
import { buildSuitabilityLayers, type SuitabilityOverlay } from './suitability-layers';
import { buildRelocationLayers, type RelocationOverlay } from './relocation-layers';
import { buildExposureLayers, EMPTY_EXPOSURE, type ExposureOverlay } from './exposure-layers';
import { SiteDrawing, type DrawTool } from './site-drawing';
import { MapEvents } from './map-events';
import type { DrawnSite } from '../core/relocation/analysis';
import { SplitMap } from './split-map';

/** How the user wants a data layer shown. The list order is the drawing order, top first. */
export interface LayerView {
  id: string;
  visible: boolean;
  opacity: number;
}

/** DEM tiles are generated up to this zoom (≈ 30 m cells); MapLibre overzooms beyond. */
const DEM_MAX_ZOOM = 12;
/**
 * Label priority by the vocabulary's numeric destination kind (county seat, central town,
 * central village, relocation community, new site): lower wins a collision.
 */
const LABEL_PRIORITY = [0, 1, 3, 2, 4];
/** Vertical exaggeration of the 3D terrain; point symbols are lifted by the same factor. */
const TERRAIN_EXAGGERATION = 1.5;
/** Metres a symbol floats above the ground in 3D, so the terrain does not swallow it. */
const SYMBOL_LIFT_M = 15;

let protocolClient: DataClient | null = null;

/** Registers the DEM tile protocol once per page; tiles come from whichever client is current. */
function registerDemProtocol(client: DataClient) {
  if (protocolClient === null) {
    maplibregl.addProtocol(DEM_PROTOCOL, async (params) => {
      const match = /(hillshade|terrarium)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
      if (!match || !protocolClient) throw new Error(`Bad DEM tile URL ${params.url}`);
      const kind = match[1] as DemTileKind;
      const data = await protocolClient.getDemTile(kind, Number(match[2]), Number(match[3]), Number(match[4]));
      return { data };
    });
  }
  protocolClient = client;
}

/**
 * Owns the MapLibre map and the deck.gl overlay for one loaded project: the offline
 * basemap, every data layer, picking, highlighting, measuring and drawing sites. The app drives
 * it with plain data through these methods and hears back through `events`.
 */
export class MapController {
  readonly map: maplibregl.Map;
  private readonly overlay: MapboxOverlay;
  private readonly layers: Map<string, LayerRender>;
  private readonly pointStyle = new Map<string, PointAttributes>();
  /** Point positions with a height (lng, lat, metres) for 3D terrain, by layer id. */
  private readonly positions3d = new Map<string, Float64Array>();
  private terrain = false;
  private onlineFailed = false;
  /** Opacity each shape sublayer was styled with, which the user's opacity scales. */
  private readonly baseOpacity = new Map<string, number>();
  private readonly blobUrls: string[] = [];
  private views: LayerView[] = [];
  private highlighted: { layerId: string; index: number } | null = null;
  private exposure: ExposureOverlay | null = null;
  private suitability: SuitabilityOverlay | null = null;
  private relocation: RelocationOverlay | null = null;
  private drawing: SiteDrawing | null = null;
  private drawingStarted = false;
  private sites: DrawnSite[] = [];
  private drawTool: DrawTool = null;
  /** What the map tells the app: picks, clicks, the cursor, measuring, drawn sites. */
  readonly events = new MapEvents();
  private measureMode: MeasureMode | null = null;
  private measurePoints: [number, number][] = [];
  private ready = false;
  private markReady!: () => void;
  /** Resolves once the map has loaded and the data layers are on it. */
  readonly whenReady = new Promise<void>((resolve) => (this.markReady = resolve));
  private destroyed = false;
  private attribution: maplibregl.AttributionControl | null = null;
  private contoursReady = false;
  private demVersion = 0;

  constructor(container: HTMLElement, project: ProjectLoad, private readonly client: DataClient) {
    registerDemProtocol(client);
    this.layers = new Map(project.layers.map((l) => [l.id, l]));
    const outsideMaskUrl = project.outsideMask ? this.blobUrl(project.outsideMask) : undefined;
    this.map = new maplibregl.Map({
      container,
      style: basemapStyle({ demBounds: project.dem?.bboxLngLat ?? null, demMaxZoom: DEM_MAX_ZOOM, online: 'none', tiandituKey: '', outsideMaskUrl }),
      bounds: project.manifest.bboxLngLat,
      fitBoundsOptions: { padding: 60 },
      attributionControl: false,
      maxPitch: 75,
    });
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
    this.overlay = new MapboxOverlay({ interleaved: true, layers: [] });
    this.map.addControl(this.overlay);
    this.map.on('load', () => {
      this.addDataLayers(project);
      this.loadContours();
    });
    this.map.on('click', (e) => this.handleClick(e));
    this.map.on('dblclick', (e) => {
      if (!this.measureMode) return;
      e.preventDefault();
      this.events.emit('measure', { points: [...this.measurePoints], finished: true });
      this.measureMode = null;
      this.map.doubleClickZoom.enable();
      this.map.getCanvas().style.cursor = '';
    });
    this.map.on('error', (e) => {
      // An online basemap without a network fails on every tile: say so once, quietly.
      if ((e as { sourceId?: string }).sourceId === 'online') {
        if (!this.onlineFailed) this.events.emit('notice', 'onlineUnreachable');
        this.onlineFailed = true;
        return;
      }
      console.error(e.error);
    });
    this.map.on('mousemove', (e) => this.events.emit('cursor', [e.lngLat.lng, e.lngLat.lat]));
    this.map.on('mouseout', () => this.events.emit('cursor', null));
    this.map.on('moveend', () => {
      if (this.ready) this.applyDeck();
    });
    this.map.on('idle', () => {
      if (this.ready && this.contoursReady) this.events.emit('idle', null);
    });
  }

  private blobUrl(bytes: Uint8Array): string {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/json' }));
    this.blobUrls.push(url);
    return url;
  }

  /** Asks the worker for the contours of the current DEM (none without a DEM). */
  private loadContours() {
    void this.client.getContours().then((bytes) => {
      if (this.destroyed) return;
      const source = this.map.getSource('contours') as GeoJSONSource | undefined;
      source?.setData(bytes ? this.blobUrl(bytes) : { type: 'FeatureCollection', features: [] });
      this.contoursReady = true;
    });
  }

  /** Sources and sublayers of one data layer, below the measuring layers. */
  private addLayerToStyle(layer: LayerRender) {
    if (layer.geojson) {
      this.map.addSource(`src-${layer.id}`, { type: 'geojson', data: this.blobUrl(layer.geojson) });
      for (const spec of shapeLayerSpecs(layer)) {
        const prop = opacityProperty(spec.type);
        const base = prop ? (spec as { paint?: Record<string, unknown> }).paint?.[prop] : undefined;
        this.baseOpacity.set(spec.id, typeof base === 'number' ? base : 1);
        this.map.addLayer(spec, this.map.getLayer('measure-fill') ? 'measure-fill' : undefined);
      }
    } else if (layer.points) {
      this.pointStyle.set(layer.id, pointAttributes(layer));
    }
  }

  /**
   * Adds a layer to the map (an import, or its preview). It is drawn once a view for it
   * arrives through setLayerViews.
   */
  addLayer(layer: LayerRender) {
    this.removeLayer(layer.id);
    this.layers.set(layer.id, layer);
    if (this.ready) this.addLayerToStyle(layer);
  }

  /** Takes a layer off the map. */
  removeLayer(id: string) {
    if (!this.layers.has(id)) return;
    this.layers.delete(id);
    this.pointStyle.delete(id);
    this.positions3d.delete(id);
    if (this.highlighted?.layerId === id) this.highlighted = null;
    if (this.ready) {
      if (this.map.getLayer('highlight')) this.map.removeLayer('highlight');
      for (const spec of this.sublayers(id)) this.map.removeLayer(spec.id);
      if (this.map.getSource(`src-${id}`)) this.map.removeSource(`src-${id}`);
      this.apply();
    }
  }

  /** Shows a newly imported DEM: fresh hillshade and terrain tiles, and its contours. */
  setDem(dem: DemSummary) {
    this.demVersion++;
    const terrain = this.terrain;
    if (terrain) this.map.setTerrain(null);
    if (this.map.getLayer('hillshade')) this.map.removeLayer('hillshade');
    for (const id of ['hillshade', 'dem-terrain']) if (this.map.getSource(id)) this.map.removeSource(id);
    for (const [id, source] of Object.entries(demSources(dem.bboxLngLat, DEM_MAX_ZOOM, this.demVersion))) this.map.addSource(id, source);
    this.map.addLayer(HILLSHADE_LAYER, 'contours');
    this.positions3d.clear();
    if (terrain) this.setTerrain(true);
    this.loadContours();
  }

  private addDataLayers(project: ProjectLoad) {
    for (const role of HATCHED_ROLES) {
      const color = ZONE_COLORS[role];
      if (color) this.map.addImage(`hatch-${role}`, hatchImage(color));
    }
    for (const layer of project.layers) this.addLayerToStyle(layer);
    this.map.addSource('measure', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer({ id: 'measure-fill', type: 'fill', source: 'measure', paint: { 'fill-color': '#00bcd4', 'fill-opacity': 0.2 }, filter: ['==', '$type', 'Polygon'] });
    this.map.addLayer({ id: 'measure-line', type: 'line', source: 'measure', paint: { 'line-color': '#00838f', 'line-width': 2.5, 'line-dasharray': [2, 1] } });
    this.ready = true;
    this.markReady();
    this.apply();
  }

  /** Runs `fn` once the style and the data layers are in place (at once if they are). */
  whenStyleReady(fn: () => void) {
    if (this.ready) fn();
    else this.map.once('load', () => fn());
  }

  /** Sublayer ids of a shape layer currently in the style. */
  private sublayers(id: string): LayerSpecification[] {
    return (this.map.getStyle()?.layers ?? []).filter((l) => l.id.startsWith(`${id}:`));
  }

  /** Applies order, visibility and opacity of every data layer. */
  setLayerViews(views: LayerView[]) {
    this.views = views;
    if (this.ready) this.apply();
  }

  private apply() {
    this.applyShapes();
    this.applyDeck();
  }

  /** Order, visibility and opacity of the MapLibre (line and polygon) layers. */
  private applyShapes() {
    // Walk bottom to top: moving a MapLibre layer to the top in this order rebuilds the stack.
    const bottomUp = [...this.views].reverse();
    for (const view of bottomUp) {
      const layer = this.layers.get(view.id);
      if (!layer?.geojson) continue;
      for (const spec of this.sublayers(view.id)) {
        this.map.moveLayer(spec.id, 'measure-fill');
        this.map.setLayoutProperty(spec.id, 'visibility', view.visible ? 'visible' : 'none');
        const prop = opacityProperty(spec.type);
        if (prop) this.map.setPaintProperty(spec.id, prop, (this.baseOpacity.get(spec.id) ?? 1) * view.opacity);
      }
    }
    this.applyShapeHighlight();
  }

  /** The deck.gl point and label layers, rebuilt from typed arrays (cheap: no per-feature objects). */
  private applyDeck() {
    const deckLayers = [];
    const labelLayers = [];
    let aboveShape: string | undefined;
    // Each deck point layer sits just below the nearest shape layer above it in the list.
    for (let k = 0; k < this.views.length; k++) {
      const view = this.views[k];
      const layer = this.layers.get(view.id);
      if (!layer?.points) continue;
      aboveShape = undefined;
      for (let j = k - 1; j >= 0; j--) {
        const above = this.layers.get(this.views[j].id);
        if (above?.geojson) {
          aboveShape = this.sublayers(above.id)[0]?.id;
          break;
        }
      }
      const state = {
        visible: view.visible,
        opacity: view.opacity,
        beforeId: aboveShape ?? 'measure-fill',
        highlighted: this.highlighted?.layerId === layer.id ? this.highlighted.index : -1,
      };
      const xyz = this.terrain ? this.positions3d.get(layer.id) : undefined;
      if (this.terrain && !xyz) continue; // Drawn once its heights arrive; at sea level it would hide under the terrain.
      deckLayers.push(buildPointLayer(layer, this.pointStyle.get(layer.id)!, { ...state, positions3d: xyz }));
      // Labels go above every symbol so no point layer hides a name.
      const labels = buildLabelLayer(layer, { ...state, beforeId: 'measure-fill', positions3d: xyz }, this.placedLabels(layer));
      if (labels) labelLayers.push(labels);
    }
    // Always present (empty until the register runs), so their shaders compile with the map's
    // and not in the middle of an analysis.
    const exposure = buildExposureLayers(this.exposure ?? EMPTY_EXPOSURE, 'measure-fill');
    const suitability = this.suitability ? buildSuitabilityLayers(this.suitability, this.map.getLayer('outside-mask') ? 'outside-mask' : 'measure-fill', 'measure-fill') : [];
    const relocation = this.relocation ? buildRelocationLayers(this.relocation, 'measure-fill') : [];
    this.overlay.setProps({ layers: [...suitability, ...deckLayers.reverse(), ...exposure, ...relocation, ...labelLayers] });
  }

  /** What the map shows now: each data layer's render data and the analyses' overlays. */
  get shown(): { layers: ReadonlyMap<string, LayerRender>; exposure: ExposureOverlay | null; suitability: SuitabilityOverlay | null; relocation: RelocationOverlay | null } {
    return { layers: this.layers, exposure: this.exposure, suitability: this.suitability, relocation: this.relocation };
  }

  /** Shows a suitability result (score image and candidate regions), or removes it with null. */
  setSuitabilityOverlay(overlay: SuitabilityOverlay | null) {
    this.suitability = overlay;
    if (this.ready) this.applyDeck();
  }

  /** Shows a relocation result (villages by status, flows, destination gauges), or removes it with null. */
  setRelocationOverlay(overlay: RelocationOverlay | null) {
    this.relocation = overlay;
    if (this.ready) this.applyDeck();
  }

  /** Shows the hazard register's rings and focus links (or removes them with null). */
  setExposureOverlay(overlay: ExposureOverlay | null) {
    this.exposure = overlay;
    if (this.ready) this.applyDeck();
  }

  /** Which of a layer's labels fit on screen without overlapping, most important first. */
  private placedLabels(layer: LayerRender): number[] {
    const labels = layer.points?.labels;
    const positions = layer.points?.positions;
    if (!labels || !positions) return [];
    const type = layer.points?.style.type;
    const candidates = [];
    for (let i = 0; i < labels.length; i++) {
      const text = labels[i];
      if (!text) continue;
      const p = this.map.project([positions[2 * i], positions[2 * i + 1]]);
      const code = type ? type[i] : NaN;
      candidates.push({ index: i, x: p.x, y: p.y, text, priority: Number.isNaN(code) ? 9 : (LABEL_PRIORITY[code] ?? 9) });
    }
    return placeLabels(candidates, { charWidthPx: 13, heightPx: 16, offsetPx: 9 });
  }

  private applyShapeHighlight() {
    if (this.map.getLayer('highlight')) this.map.removeLayer('highlight');
    const h = this.highlighted;
    if (!h || !this.layers.get(h.layerId)?.geojson) return;
    this.map.addLayer({
      id: 'highlight',
      type: 'line',
      source: `src-${h.layerId}`,
      filter: ['==', ['get', 'i'], h.index],
      paint: { 'line-color': '#00e5ff', 'line-width': 4 },
    });
  }

  /** Highlights one feature (or none). */
  highlight(target: { layerId: string; index: number } | null) {
    this.highlighted = target;
    if (this.ready) this.apply();
  }

  /**
   * Zooms to a bounding box. `besidePanel` keeps the target clear of a panel on the right of
   * the map: `true` for the feature popup, or the panel's width in pixels.
   */
  zoomToBBox(bbox: [number, number, number, number], besidePanel: boolean | number = false, maxZoom = 15) {
    const [w, s, e, n] = bbox;
    const panel = besidePanel === true ? 380 : besidePanel === false ? 0 : besidePanel;
    const right = panel > 0 ? Math.min(panel, this.map.getContainer().clientWidth / 2) : 60;
    const padding = { top: 60, bottom: 60, left: 60, right };
    if (w === e && s === n) this.map.flyTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), 14), padding, duration: 600 });
    else this.map.fitBounds([[w, s], [e, n]], { padding, maxZoom, duration: 600 });
  }

  setBasemapVisibility(layer: 'hillshade' | 'contours', visible: boolean) {
    const ids = layer === 'contours' ? ['contours', 'contours-index'] : [layer];
    for (const id of ids) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  /** Switches the optional online raster under the hillshade. */
  setOnlineBasemap(online: OnlineBasemap, tiandituKey: string) {
    this.onlineFailed = false;
    if (this.map.getLayer('online')) this.map.removeLayer('online');
    if (this.map.getSource('online')) this.map.removeSource('online');
    const style = basemapStyle({ demBounds: null, demMaxZoom: DEM_MAX_ZOOM, online, tiandituKey });
    const source = style.sources.online;
    if (source) {
      this.map.addSource('online', source);
      this.map.addLayer({ id: 'online', type: 'raster', source: 'online' }, this.map.getLayer('hillshade') ? 'hillshade' : 'contours');
    }
  }

  setTerrain(enabled: boolean) {
    this.terrain = enabled;
    // Without a DEM there is no terrain yet; it is switched on when one is imported.
    if (!this.map.getSource('dem-terrain')) return;
    if (enabled) {
      void this.liftPointsOntoTerrain();
      this.map.setTerrain({ source: 'dem-terrain', exaggeration: TERRAIN_EXAGGERATION });
      this.map.easeTo({ pitch: 60, duration: 800 });
    } else {
      this.map.setTerrain(null);
      this.map.easeTo({ pitch: 0, duration: 500 });
      this.apply();
    }
  }

  /** Gives every point symbol the (exaggerated) ground height under it, once per layer. */
  private async liftPointsOntoTerrain() {
    for (const layer of this.layers.values()) {
      const positions = layer.points?.positions;
      if (!positions || this.positions3d.has(layer.id)) continue;
      const elevations = await this.client.getPointElevations(layer.id);
      const xyz = new Float64Array(elevations.length * 3);
      for (let i = 0; i < elevations.length; i++) {
        xyz[3 * i] = positions[2 * i];
        xyz[3 * i + 1] = positions[2 * i + 1];
        xyz[3 * i + 2] = elevations[i] * TERRAIN_EXAGGERATION + SYMBOL_LIFT_M;
      }
      this.positions3d.set(layer.id, xyz);
    }
    if (this.terrain && !this.destroyed) this.apply();
  }

  startMeasure(mode: MeasureMode | null) {
    this.measureMode = mode;
    this.measurePoints = [];
    this.drawMeasure();
    if (mode) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = mode ? 'crosshair' : '';
  }

  private drawMeasure() {
    const source = this.map.getSource('measure') as GeoJSONSource | undefined;
    if (!source) return;
    const pts = this.measurePoints;
    const features: GeoJSON.Feature[] = [];
    if (pts.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: this.measureMode === 'area' && pts.length >= 3 ? [...pts, pts[0]] : pts } });
    if (this.measureMode === 'area' && pts.length >= 3) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] } });
    source.setData({ type: 'FeatureCollection', features });
  }

  private handleClick(e: MapMouseEvent) {
    const lngLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    // While a site is drawn or edited, clicks belong to the drawing.
    if (this.drawing?.activeTool) return;
    if (this.measureMode) {
      const last = this.measurePoints[this.measurePoints.length - 1];
      if (!last || last[0] !== lngLat[0] || last[1] !== lngLat[1]) this.measurePoints.push(lngLat);
      this.drawMeasure();
      this.events.emit('measure', { points: [...this.measurePoints], finished: false });
      return;
    }
    this.events.emit('click', lngLat);
    const picked = this.overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
    if (picked && picked.layer && picked.index >= 0) {
      this.events.emit('pick', { layerId: picked.layer.id.replace(/^deck-/, ''), index: picked.index, lngLat });
      return;
    }
    const shapeLayerIds = this.views
      .filter((v) => v.visible && this.layers.get(v.id)?.geojson)
      .flatMap((v) => this.sublayers(v.id).map((s) => s.id));
    const hits = this.map.queryRenderedFeatures(e.point, { layers: shapeLayerIds });
    const hit = hits[0];
    if (hit) {
      const layerId = hit.layer.id.split(':')[0];
      this.events.emit('pick', { layerId, index: Number(hit.properties.i), lngLat });
    } else {
      this.events.emit('pick', null);
    }
  }

  /** Replaces the attribution text (it follows the UI language). */
  setAttribution(text: string) {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new maplibregl.AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  /**
   * Shows a scenario's drawn sites as editable features (null: none, and no drawing). Terra
   * Draw starts on the first call once the map has loaded; drawn and edited sites come back
   * as `siteDrawn` and `siteEdited` events, and the app sets the sites again from its scenario.
   */
  setDrawnSites(sites: DrawnSite[] | null) {
    this.sites = sites ?? [];
    if (sites && !this.drawingStarted) {
      this.drawingStarted = true;
      void this.whenReady.then(() => {
        if (this.destroyed) return;
        this.drawing = new SiteDrawing(this.map, {
          onDrawn: (geometry) => this.events.emit('siteDrawn', geometry),
          onEdited: (id, geometry) => this.events.emit('siteEdited', { id, geometry }),
        });
        this.drawing.setSites(this.sites);
        this.drawing.setTool(this.drawTool);
      });
    }
    this.drawing?.setSites(this.sites);
  }

  /** Arms a drawing tool (null: none; clicks go back to picking). */
  setDrawTool(tool: DrawTool) {
    this.drawTool = tool;
    this.drawing?.setTool(tool);
  }

  /** A second map beside this one, moving with it, for comparing two scenarios. */
  splitMap(container: HTMLElement): SplitMap {
    return new SplitMap(container, this.map);
  }

  /**
   * The map as a PNG (basemap and overlays), for the briefing: framed on `bbox` and showing
   * `relocation` when given (the view and the overlay the user had are restored after).
   */
  async snapshot(bbox?: [number, number, number, number], relocation?: RelocationOverlay): Promise<{ png: Uint8Array; width: number; height: number; metresPerPixel: number }> {
    const camera = { center: this.map.getCenter(), zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() };
    const shown = this.relocation;
    if (relocation) this.setRelocationOverlay(relocation);
    if (bbox) {
      this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 30, animate: false, bearing: 0, pitch: 0 });
      await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
    }
    // The WebGL canvas keeps no frame once presented: it is copied to a 2D canvas within the
    // render that drew it, and the copy is encoded.
    const canvas = this.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    await new Promise<void>((resolve) => {
      this.map.once('render', () => {
        copy.getContext('2d')!.drawImage(canvas, 0, 0);
        resolve();
      });
      this.map.triggerRepaint();
    });
    const blob = await new Promise<Blob | null>((resolve) => copy.toBlob(resolve, 'image/png'));
    const y = canvas.clientHeight / 2;
    const metres = this.map.unproject([0, y]).distanceTo(this.map.unproject([canvas.clientWidth, y]));
    if (bbox) this.map.jumpTo(camera);
    if (relocation) this.setRelocationOverlay(shown);
    if (!blob) throw new Error('The map could not be captured.');
    return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height, metresPerPixel: metres / canvas.width };
  }

  destroy() {
    this.destroyed = true;
    this.events.clear();
    this.drawing?.destroy();
    this.map.remove();
    for (const url of this.blobUrls) URL.revokeObjectURL(url);
  }
}
