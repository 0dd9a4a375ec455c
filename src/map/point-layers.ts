import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { LayerRender } from '../../workers/data.types';
import {
  CLINIC_COLOR,
  HAZARD_TYPE_COLORS,
  RING_FILL,
  LOW_INCOME_COLORS,
  RISK_RADIUS_M,
  SCHOOL_COLOR,
  SETTLEMENT_COLORS,
  UNKNOWN_COLOR,
  lowIncomeClass,
  settlementRadiusMeters,
  villageRadiusMeters,
  type Rgba,
} from './palette';

/**
 * Per-feature attributes for deck.gl, computed from the worker's style columns.
 * ```
 * fill    r g b a  r g b a ...   (Uint8, 4 per feature)
 * radius  r0 r1 ...              (Float32, metres)
 * ```
 */
export interface PointAttributes {
  fill: Uint8Array;
  radius: Float32Array;
  line: Rgba;
  lineWidthPx: number;
}

function byCode(codes: Float32Array | undefined, palette: Rgba[], i: number): Rgba {
  const c = codes ? codes[i] : NaN;
  return Number.isNaN(c) ? UNKNOWN_COLOR : (palette[c] ?? UNKNOWN_COLOR);
}

/** Computes colours and sizes of a point layer by its role (DESIGN.md §2 roles). */
export function pointAttributes(layer: LayerRender): PointAttributes {
  const n = layer.featureCount;
  const fill = new Uint8Array(n * 4);
  const radius = new Float32Array(n);
  const s = layer.points?.style ?? {};
  let line: Rgba = [255, 255, 255, 255];
  let lineWidthPx = 1;
  for (let i = 0; i < n; i++) {
    let color: Rgba;
    let r: number;
    switch (layer.role) {
      case 'villages':
        color = LOW_INCOME_COLORS[lowIncomeClass(s.lowIncomeShare[i])] ?? UNKNOWN_COLOR;
        r = villageRadiusMeters(s.population[i]);
        line = [90, 60, 30, 255];
        break;
      case 'hazards': {
        color = byCode(s.type, HAZARD_TYPE_COLORS, i);
        const risk = s.risk[i];
        r = Number.isNaN(risk) ? RISK_RADIUS_M[0] : RISK_RADIUS_M[risk];
        break;
      }
      case 'settlements':
        color = byCode(s.type, SETTLEMENT_COLORS, i);
        r = settlementRadiusMeters(s.capacityPersons[i]);
        break;
      case 'schools':
        color = RING_FILL;
        r = 60;
        line = SCHOOL_COLOR;
        lineWidthPx = 2.5;
        break;
      case 'clinics':
        color = RING_FILL;
        r = 60;
        line = CLINIC_COLOR;
        lineWidthPx = 2.5;
        break;
      default:
        color = UNKNOWN_COLOR;
        r = 60;
    }
    fill.set(color, i * 4);
    radius[i] = r;
  }
  return { fill, radius, line, lineWidthPx };
}

export interface PointLayerState {
  visible: boolean;
  opacity: number;
  /** MapLibre layer id this deck layer is drawn below (interleaved ordering), if any. */
  beforeId?: string;
  /** Feature index to highlight, or -1. */
  highlighted: number;
  /** lng, lat, metres per feature when drawn over 3D terrain; otherwise flat lng/lat. */
  positions3d?: Float64Array;
}

/**
 * Over 3D terrain, symbols face the camera and ignore the depth buffer: flat discs on a
 * slope are cut in half by the ground they stand on.
 */
function terrainOptions(state: PointLayerState) {
  return state.positions3d ? { billboard: true, parameters: { depthCompare: 'always' as const } } : {};
}

/** A deck.gl layer over binary attributes: no per-feature objects on the main thread. */
export function buildPointLayer(layer: LayerRender, attributes: PointAttributes, state: PointLayerState) {
  const positions = state.positions3d ?? layer.points?.positions ?? new Float64Array(0);
  return new ScatterplotLayer({
    id: `deck-${layer.id}`,
    data: {
      length: layer.featureCount,
      attributes: {
        getPosition: { value: positions, size: state.positions3d ? 3 : 2 },
        getFillColor: { value: attributes.fill, size: 4, normalized: true },
        getRadius: { value: attributes.radius, size: 1 },
      },
    },
    radiusUnits: 'meters',
    radiusMinPixels: layer.role === 'villages' ? 2 : 2.5,
    radiusMaxPixels: 24,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: attributes.lineWidthPx,
    getLineColor: attributes.line,
    visible: state.visible,
    opacity: state.opacity,
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 255, 255, 200],
    highlightedObjectIndex: state.highlighted,
    ...terrainOptions(state),
    ...(state.beforeId ? { beforeId: state.beforeId } : {}),
  });
}

/**
 * Names next to labelled point layers (settlements), in the UI's CJK font, for the
 * features in `placed` (see label-placement.ts). deck.gl builds the glyph atlas from the
 * characters actually present, so no font files ship with the app.
 */
export function buildLabelLayer(layer: LayerRender, state: PointLayerState, placed: number[]) {
  const labels = layer.points?.labels;
  const flat = layer.points?.positions;
  if (!labels || !flat) return null;
  const xyz = state.positions3d;
  const position = (i: number): [number, number] | [number, number, number] =>
    xyz ? [xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]] : [flat[2 * i], flat[2 * i + 1]];
  return new TextLayer<number>({
    id: `deck-${layer.id}-labels`,
    data: placed,
    getPosition: position,
    updateTriggers: { getPosition: xyz ? 'terrain' : 'flat', getText: placed.join(',') },
    getText: (i) => labels[i] ?? '',
    characterSet: 'auto',
    fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif",
    fontWeight: 600,
    getSize: 13,
    getColor: [40, 35, 30, 255],
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: [9, 0],
    fontSettings: { sdf: true },
    outlineWidth: 3,
    outlineColor: [251, 250, 246, 230],
    visible: state.visible,
    opacity: state.opacity,
    pickable: false,
    ...terrainOptions(state),
    ...(state.beforeId ? { beforeId: state.beforeId } : {}),
  });
}
