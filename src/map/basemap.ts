import type { StyleSpecification } from 'maplibre-gl';

/** Custom protocol through which MapLibre asks the data worker for DEM tiles. */
export const DEM_PROTOCOL = 'anju-dem';

export type OnlineBasemap = 'none' | 'osm' | 'tianditu';

export interface BasemapOptions {
  /** [west, south, east, north] of the DEM, so MapLibre asks only for tiles that exist. */
  demBounds: [number, number, number, number];
  demMaxZoom: number;
  online: OnlineBasemap;
  /** Tianditu key (天地图 tk); only used when `online` is `tianditu`. */
  tiandituKey: string;
  /** Blob URL of the contour GeoJSON. */
  contoursUrl: string;
  /** Blob URL of the outside-the-county mask, if the project has a boundary. */
  outsideMaskUrl?: string;
}

/**
 * The offline basemap: a paper-coloured background, hillshade from the project's own DEM
 * (served tile by tile from the data worker) and contours. Online rasters are optional
 * and sit beneath the hillshade; with no network they simply stay blank.
 */
export function basemapStyle(o: BasemapOptions): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    dem: {
      type: 'raster-dem',
      tiles: [`${DEM_PROTOCOL}://{z}/{x}/{y}`],
      tileSize: 256,
      encoding: 'terrarium',
      bounds: o.demBounds,
      maxzoom: o.demMaxZoom,
    },
    'dem-terrain': {
      type: 'raster-dem',
      tiles: [`${DEM_PROTOCOL}://{z}/{x}/{y}`],
      tileSize: 256,
      encoding: 'terrarium',
      bounds: o.demBounds,
      maxzoom: o.demMaxZoom,
    },
    contours: { type: 'geojson', data: o.contoursUrl },
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
  layers.push(
    {
      id: 'hillshade',
      type: 'hillshade',
      source: 'dem',
      paint: {
        'hillshade-exaggeration': 0.55,
        'hillshade-shadow-color': '#3d3a33',
        'hillshade-highlight-color': '#ffffff',
        'hillshade-accent-color': '#5a5040',
      },
    },
    {
      id: 'contours',
      type: 'line',
      source: 'contours',
      paint: {
        'line-color': '#8a6d3b',
        'line-opacity': ['case', ['get', 'major'], 0.55, 0.3],
        'line-width': ['case', ['get', 'major'], 0.9, 0.4],
      },
      minzoom: 10,
    },
  );
  if (o.outsideMaskUrl) {
    sources['outside-mask'] = { type: 'geojson', data: o.outsideMaskUrl };
    layers.push({ id: 'outside-mask', type: 'fill', source: 'outside-mask', paint: { 'fill-color': '#f3efe4', 'fill-opacity': 0.82 } });
  }
  return { version: 8, sources, layers };
}
