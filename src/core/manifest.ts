/**
 * The dataset manifest: which files make up a project's layers and what role each plays.
 * The demo generator writes one (`public/data/demo/manifest.json`); the data worker reads it.
 */

import type { LayerRole, LocalizedText } from './vocabulary';

/** Layer roles from DESIGN.md §2 and text in both UI languages (both said in the vocabulary). */
export type { LayerRole, LocalizedText };

export interface ManifestLayer {
  /** Stable id, also the file's base name (e.g. `villages` → `villages.fgb`). */
  id: string;
  file: string;
  role: LayerRole;
  geometry: 'Point' | 'LineString' | 'Polygon';
  name: LocalizedText;
  /** Where the data came from, shown in the layer panel and attribution. */
  source: LocalizedText;
  featureCount: number;
}

export interface Manifest {
  id: string;
  name: LocalizedText;
  /** True for generated data: the UI labels such a project as synthetic everywhere. */
  synthetic: boolean;
  /** Generator seed, for provenance. */
  seed: number;
  /** CRS of the vector layers, e.g. `EPSG:4490`. */
  vectorCrs: string;
  /** Bounding box in longitude/latitude: [west, south, east, north]. */
  bboxLngLat: [number, number, number, number];
  /** Absent for a project without a DEM. */
  dem?: { file: string; crs: string; cellSizeMeters: number; width: number; height: number; minElevationM: number; maxElevationM: number };
  layers: ManifestLayer[];
  attribution: LocalizedText;
}
