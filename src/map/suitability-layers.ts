/**
 * A suitability result on the map: the score image on the model grid (its four corners in
 * longitude/latitude, so a Gauss–Krüger grid lands where it belongs) and the candidate
 * regions' ranks at their centroids.
 */
import { BitmapLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';

export interface SuitabilityOverlay {
  image: ImageData;
  /** [lng, lat] of the bottom-left, top-left, top-right and bottom-right corners. */
  corners: [[number, number], [number, number], [number, number], [number, number]];
  /** Candidate regions: lng, lat per region, in rank order. */
  regions: Float64Array;
  /** The region in focus (rank), or 0. */
  focus: number;
}

export function buildSuitabilityLayers(overlay: SuitabilityOverlay, imageBeforeId: string, markerBeforeId: string) {
  const n = overlay.regions.length / 2;
  const ranks = Array.from({ length: n }, (_, k) => k);
  const position = (k: number): [number, number] => [overlay.regions[2 * k], overlay.regions[2 * k + 1]];
  // Interleaved with MapLibre's layers (MapboxOverlay reads `beforeId`); not in the layers' own prop types.
  const markerOrder = { beforeId: markerBeforeId };
  return [
    new BitmapLayer({
      id: 'deck-suitability-score',
      image: overlay.image,
      bounds: overlay.corners,
      // One texel per cell, shown as cells: no blurring across class edges.
      textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
      pickable: false,
      beforeId: imageBeforeId,
    }),
    new ScatterplotLayer<number>({
      id: 'deck-suitability-regions',
      data: ranks,
      getPosition: position,
      getRadius: (k) => (k + 1 === overlay.focus ? 13 : 10),
      radiusUnits: 'pixels',
      getFillColor: (k) => (k + 1 === overlay.focus ? [20, 90, 200, 255] : [255, 255, 255, 235]),
      getLineColor: [20, 90, 200, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      stroked: true,
      updateTriggers: { getRadius: overlay.focus, getFillColor: overlay.focus },
      pickable: false,
      ...markerOrder,
    }),
    new TextLayer<number>({
      id: 'deck-suitability-ranks',
      data: ranks,
      getPosition: position,
      getText: (k) => String(k + 1),
      getSize: 12,
      fontWeight: 700,
      getColor: (k) => (k + 1 === overlay.focus ? [255, 255, 255, 255] : [20, 90, 200, 255]),
      updateTriggers: { getColor: overlay.focus },
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
      ...markerOrder,
    }),
  ];
}
