/**
 * Drawing a scenario's sites on the map with Terra Draw (its MapLibre adapter): a point or a
 * polygon is drawn, handed to the caller (which stores it in the scenario), and the scenario's
 * sites are shown back as editable features. Terra Draw owns the gestures; the scenario owns the
 * sites: after every change the features are set again from the scenario, so undo/redo and
 * scenario switches need nothing from Terra Draw's own history.
 */
import type maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { DrawnSite } from '../core/relocation/analysis';

export type DrawTool = 'point' | 'polygon' | 'select' | null;

export interface SiteDrawingCallbacks {
  /** A new point or polygon was drawn (longitude/latitude). */
  onDrawn(geometry: DrawnSite['geometry']): void;
  /** A site was moved or reshaped. */
  onEdited(id: string, geometry: DrawnSite['geometry']): void;
}

const COLORS = { relocation: '#1f6fd1', industry: '#b4600e' } as const;

export class SiteDrawing {
  private readonly draw: TerraDraw;
  private sites: DrawnSite[] = [];
  private tool: DrawTool = null;
  private draft = 0;

  constructor(map: maplibregl.Map, private readonly callbacks: SiteDrawingCallbacks) {
    const color = (f: GeoJSONStoreFeatures) => COLORS[(f.properties.kind as DrawnSite['kind'] | undefined) ?? 'relocation'];
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      // Site ids are the scenario's; a feature being drawn gets a draft id until it is stored.
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `draft-${++this.draft}` },
      modes: [
        // Stored sites are drawn in their kind's colour.
        new TerraDrawPointMode({ styles: { pointColor: color, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
        new TerraDrawPolygonMode({ styles: { fillColor: color, fillOpacity: 0.25, outlineColor: color, outlineWidth: 2 } }),
        new TerraDrawSelectMode({
          flags: {
            point: { feature: { draggable: true } },
            polygon: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } } },
          },
          styles: { selectedPolygonColor: '#d62f2f', selectedPolygonOutlineColor: '#d62f2f', selectedPointColor: '#d62f2f' },
        }),
      ],
    });
    this.draw.start();
    this.draw.setMode('static');
    this.draw.on('finish', (id, context) => {
      const feature = this.draw.getSnapshotFeature(id);
      if (!feature) return;
      const geometry = feature.geometry as DrawnSite['geometry'];
      if (context.action === 'draw') {
        // The scenario takes the site; it comes back through setSites with its own id.
        this.draw.removeFeatures([id]);
        this.callbacks.onDrawn(geometry);
      } else if (typeof id === 'string' && !id.startsWith('draft-')) {
        this.callbacks.onEdited(id, geometry);
      }
    });
  }

  get activeTool(): DrawTool {
    return this.tool;
  }

  setTool(tool: DrawTool): void {
    this.tool = tool;
    this.draw.setMode(tool ?? 'static');
  }

  /** Shows the scenario's sites (replacing whatever was drawn). */
  setSites(sites: DrawnSite[]): void {
    if (sites === this.sites) return;
    this.sites = sites;
    this.draw.clear();
    if (sites.length === 0) return;
    const features = sites.map((s) => ({
      id: s.id,
      type: 'Feature' as const,
      geometry: s.geometry,
      properties: { mode: s.geometry.type === 'Point' ? 'point' : 'polygon', kind: s.kind },
    }));
    const rejected = this.draw.addFeatures(features).filter((v) => !v.valid);
    if (rejected.length > 0) console.warn('Sites not shown:', rejected.map((v) => `${String(v.id)}: ${v.reason ?? ''}`).join('; '));
  }

  destroy(): void {
    this.draw.stop();
  }
}
