import type { StyleSpecification } from 'maplibre-gl';

/** Custom protocol through which MapLibre asks the data worker for DEM tiles. */
export const DEM_PROTOCOL = 'anju-dem';

export type OnlineBasemap = 'none' | 'osm' | 'tianditu';

export interface BasemapOptions {
  /** [west, south, east, north] of the DEM, so MapLibre asks only for tiles that exist; null without a DEM. */
  demBounds: [number, number, number, number] | null;
  /** Changes whenever the project's DEM is replaced, so no tile of the old one is reused. */
  demVersion?: number;
  demMaxZoom: number;
  online: OnlineBasemap;
  /** Tianditu key (天地图 tk); only used when `online` is `tianditu`. */
  tiandituKey: string;
  /** Blob URL of the outside-the-county mask, if the project has a boundary. */
  outsideMaskUrl?: string;
}

/**
 * The offline basemap: a paper-coloured background, hillshade from the project's own DEM
 * (computed tile by tile in the data worker) and contours (filled in once the worker
 * has traced them). Online rasters are optional
 * and sit beneath the hillshade; with no network they simply stay blank.
 */
export function basemapStyle(o: BasemapOptions): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    ...(o.demBounds ? demSources(o.demBounds, o.demMaxZoom, o.demVersion ?? 0) : {}),
    contours: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
  const layers: StyleSpecification['layers'] = [{ id: 'background', type: 'background', paint: { 'background-color': '#f3efe4' } }];
  if (o.online === 'osm') {
    sources.online = {
      type: 'raster',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      tileSize: 256,
      attribution: '© OpenStreetMap contributors',
      maxzoom: 19,
    };
  } else if (o.online === 'tianditu' && o.tiandituKey) {
    const key = encodeURIComponent(o.tiandituKey);
    sources.online = {
      type: 'raster',
      tiles: [0, 1, 2, 3].map(
        (s) => `https://t${s}.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
      ),
      tileSize: 256,
      attribution: '© 天地图 Tianditu',
      maxzoom: 18,
    };
  }
  if (sources.online) layers.push({ id: 'online', type: 'raster', source: 'online' });
  if (o.demBounds) layers.push(HILLSHADE_LAYER);
  layers.push(
    // Two constant-paint layers rather than one data-driven one: see shape-layers.ts.
    { id: 'contours', type: 'line', source: 'contours', filter: ['!', ['get', 'major']], paint: { 'line-color': '#8a6d3b', 'line-opacity': 0.3, 'line-width': 0.4 }, minzoom: 10 },
    { id: 'contours-index', type: 'line', source: 'contours', filter: ['get', 'major'], paint: { 'line-color': '#8a6d3b', 'line-opacity': 0.55, 'line-width': 0.9 }, minzoom: 10 },
  );
  if (o.outsideMaskUrl) {
    sources['outside-mask'] = { type: 'geojson', data: o.outsideMaskUrl };
    layers.push({ id: 'outside-mask', type: 'fill', source: 'outside-mask', paint: { 'fill-color': '#f3efe4', 'fill-opacity': 0.82, 'fill-antialias': false } });
  }
  return { version: 8, sources, layers };
}

/** The hillshade layer; it is re-added when a DEM is imported into a project without one. */
export const HILLSHADE_LAYER = { id: 'hillshade', type: 'raster', source: 'hillshade', paint: { 'raster-fade-duration': 0 } } as const;

/** The two DEM tile sources: hillshade for the basemap, Terrarium elevations for 3D terrain. */
export function demSources(bounds: [number, number, number, number], maxzoom: number, version: number): StyleSpecification['sources'] {
  return {
    hillshade: { type: 'raster', tiles: [`${DEM_PROTOCOL}://v${version}/hillshade/{z}/{x}/{y}`], tileSize: 256, bounds, maxzoom },
    // Only read when 3D terrain is switched on.
    'dem-terrain': { type: 'raster-dem', tiles: [`${DEM_PROTOCOL}://v${version}/terrarium/{z}/{x}/{y}`], tileSize: 256, encoding: 'terrarium', bounds, maxzoom },
  };
}
