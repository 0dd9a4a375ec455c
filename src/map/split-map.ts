/**
 * The second map of the split comparison: the main map's style (basemap and data layers, not
 * its drawing or deck.gl layers) with another scenario's relocation layers, moving with the main
 * map both ways.
 */
import maplibregl from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { buildRelocationLayers, type RelocationOverlay } from './relocation-layers';

export class SplitMap {
  private readonly map: maplibregl.Map;
  private readonly overlay = new MapboxOverlay({ interleaved: true, layers: [] });
  private syncing = false;
  private readonly follow: () => void;

  constructor(container: HTMLElement, private readonly main: maplibregl.Map) {
    const style = main.getStyle();
    // Drawing features are the active scenario's; hatch patterns are images this map lacks.
    style.layers = style.layers.filter((l) => !l.id.startsWith('td-') && !(l.type === 'fill' && l.paint && 'fill-pattern' in l.paint));
    this.map = new maplibregl.Map({ container, style, center: main.getCenter(), zoom: main.getZoom(), bearing: main.getBearing(), pitch: main.getPitch(), attributionControl: false });
    this.map.addControl(this.overlay);
    const copy = (from: maplibregl.Map, to: maplibregl.Map) => {
      if (this.syncing) return;
      this.syncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
      this.syncing = false;
    };
    this.follow = () => copy(main, this.map);
    main.on('move', this.follow);
    this.map.on('move', () => copy(this.map, main));
  }

  setOverlay(overlay: RelocationOverlay): void {
    this.overlay.setProps({ layers: buildRelocationLayers(overlay, 'measure-fill') });
  }

  destroy(): void {
    this.main.off('move', this.follow);
    this.map.remove();
  }
}
