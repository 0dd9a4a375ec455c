/**
 * The hazard register on the map: a ring around every exposed village, household and
 * settlement, coloured by its worst risk class (thick for "inside", thin for "near"), and,
 * for the entry or hazard in focus, lines from the hazard to what it threatens.
 * Binary attributes only: no per-feature objects on the main thread.
 */
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { RISK_LEVEL, type Rgba } from '../core/vocabulary';

export interface ExposureOverlay {
  /** lng, lat per marker. */
  positions: Float64Array;
  /** Worst risk level per marker: 1 low … 3 high. */
  level: Uint8Array;
  /** 1 near, 2 inside. */
  status: Uint8Array;
  /** Lines lng0 lat0 lng1 lat1 from a hazard to an exposed feature, for the focus; empty when none. */
  links: Float64Array;
}

export const EMPTY_EXPOSURE: ExposureOverlay = { positions: new Float64Array(0), level: new Uint8Array(0), status: new Uint8Array(0), links: new Float64Array(0) };

/** Risk class colours of the rings, by level code (1 low … 3 high). */
export const EXPOSURE_COLORS: Record<number, Rgba> = Object.fromEntries(RISK_LEVEL.entries.flatMap((e) => (e.color ? [[e.num, e.color]] : [])));

export function buildExposureLayers(overlay: ExposureOverlay, beforeId: string) {
  const n = overlay.level.length;
  const colors = new Uint8Array(4 * n);
  const widths = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    colors.set(EXPOSURE_COLORS[overlay.level[i]] ?? EXPOSURE_COLORS[3], 4 * i);
    widths[i] = overlay.status[i] === 2 ? 3.5 : 1.8;
  }
  const rings = new ScatterplotLayer({
    id: 'deck-exposure-rings',
    data: {
      length: n,
      attributes: {
        getPosition: { value: overlay.positions, size: 2 },
        getLineColor: { value: colors, size: 4, normalized: true },
        getLineWidth: { value: widths, size: 1 },
      },
    },
    filled: false,
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: 9,
    lineWidthUnits: 'pixels',
    pickable: false,
    beforeId,
  });
  const linkCount = overlay.links.length / 4;
  const links = new LineLayer({
    id: 'deck-exposure-links',
    data: {
      length: linkCount,
      attributes: {
        getSourcePosition: { value: overlay.links, size: 2, stride: 32, offset: 0 },
        getTargetPosition: { value: overlay.links, size: 2, stride: 32, offset: 16 },
      },
    },
    getColor: [120, 20, 20, 220],
    getWidth: 2,
    widthUnits: 'pixels',
    pickable: false,
    beforeId,
  });
  return [rings, links];
}
