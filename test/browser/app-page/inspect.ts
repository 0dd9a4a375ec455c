/**
 * The app as the browser tests and the page benchmark open it: the real app, plus a read-only
 * handle on its map (`window.__anju`) so a test can check what is drawn. The app's own page has
 * no such handle.
 */
import type maplibregl from 'maplibre-gl';
import type { MapController } from '../../../src/map/controller';
import { watchMaps } from '../../../src/ui/MapView';
import '../../../src/main';

export interface MapInspection {
  map: maplibregl.Map;
  layers: MapController['shown']['layers'];
  exposure(): MapController['shown']['exposure'];
  suitability(): MapController['shown']['suitability'];
  relocation(): MapController['shown']['relocation'];
}

declare global {
  interface Window {
    __anju?: MapInspection;
  }
}

watchMaps((controller) => {
  window.__anju = {
    map: controller.map,
    layers: controller.shown.layers,
    exposure: () => controller.shown.exposure,
    suitability: () => controller.shown.suitability,
    relocation: () => controller.shown.relocation,
  };
});
