/**
 * A relocation result on the map: villages coloured by status, flow lines from each moving
 * village to its destination (width by people), and destinations as gauges: a ring sized by
 * capacity, filled in proportion to the people it holds (red when over).
 */
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { RELOCATION_FLOW_COLOR, RELOCATION_GAUGE_COLOR, RELOCATION_STATUS_COLORS as STATUS_COLORS } from './palette';

export interface RelocationOverlay {
  /** lng, lat per village. */
  villages: Float64Array;
  /** Status code per village: 0 stays, 1 may, 2 must, 3 repair, 4 must move but not placed. */
  status: Uint8Array;
  people: Float32Array;
  /** Per flow: village index and destination index. */
  flows: { village: number; destination: number; people: number; overridden: boolean }[];
  /** lng, lat per destination. */
  destinations: Float64Array;
  capacity: Float32Array;
  /** People there after the scenario (already living there + assigned). */
  load: Float32Array;
  forbidden: Uint8Array;
  /** Village in focus, -1 none. */
  focus: number;
  /** The difference map: 1 for villages whose status or destination differs from the other scenario (the rest are faded). */
  changed?: Uint8Array;
}

const CHANGED: [number, number, number, number] = [200, 0, 160, 255];


export function buildRelocationLayers(o: RelocationOverlay, beforeId: string) {
  const order = { beforeId };
  const nV = o.villages.length / 2;
  const nD = o.destinations.length / 2;
  const vIdx = Array.from({ length: nV }, (_, i) => i);
  const dIdx = Array.from({ length: nD }, (_, i) => i);
  const vPos = (i: number): [number, number] => [o.villages[2 * i], o.villages[2 * i + 1]];
  const dPos = (i: number): [number, number] => [o.destinations[2 * i], o.destinations[2 * i + 1]];
  const ring = (d: number) => 6 + 1.2 * Math.sqrt(o.capacity[d]) / 3;
  return [
    new LineLayer<RelocationOverlay['flows'][number]>({
      id: 'deck-relocation-flows',
      data: o.flows,
      getSourcePosition: (f) => vPos(f.village),
      getTargetPosition: (f) => dPos(f.destination),
      getWidth: (f) => Math.max(1, Math.min(10, Math.sqrt(f.people) / 3)),
      widthUnits: 'pixels',
      getColor: (f) => (o.changed && !o.changed[f.village] ? [40, 110, 210, 40] : f.village === o.focus ? [20, 60, 200, 255] : o.changed ? CHANGED : f.overridden ? [130, 60, 170, 210] : RELOCATION_FLOW_COLOR),
      updateTriggers: { getColor: [o.focus, o.changed] },
      pickable: false,
      ...order,
    }),
    new ScatterplotLayer<number>({
      id: 'deck-relocation-destinations',
      data: dIdx,
      getPosition: dPos,
      getRadius: ring,
      radiusUnits: 'pixels',
      stroked: true,
      filled: true,
      getFillColor: (d) => (o.forbidden[d] ? [120, 120, 120, 60] : [255, 255, 255, 70]),
      getLineColor: (d) => (o.forbidden[d] ? [110, 110, 110, 255] : o.load[d] > o.capacity[d] ? [200, 20, 20, 255] : [20, 120, 60, 255]),
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: false,
      ...order,
    }),
    new ScatterplotLayer<number>({
      id: 'deck-relocation-destination-load',
      data: dIdx,
      getPosition: dPos,
      // Filled area in proportion to the share of capacity in use.
      getRadius: (d) => ring(d) * Math.sqrt(Math.min(1, o.capacity[d] > 0 ? o.load[d] / o.capacity[d] : 1)),
      radiusUnits: 'pixels',
      getFillColor: (d) => (o.load[d] > o.capacity[d] ? [200, 20, 20, 230] : RELOCATION_GAUGE_COLOR),
      pickable: false,
      ...order,
    }),
    new ScatterplotLayer<number>({
      id: 'deck-relocation-villages',
      data: vIdx,
      getPosition: vPos,
      getRadius: (i) => (o.status[i] === 0 ? 2.5 : 3 + Math.sqrt(o.people[i]) / 5) + (i === o.focus ? 3 : 0) + (o.changed?.[i] ? 3 : 0),
      radiusUnits: 'pixels',
      getFillColor: (i) => (o.changed && !o.changed[i] ? [STATUS_COLORS[o.status[i]][0], STATUS_COLORS[o.status[i]][1], STATUS_COLORS[o.status[i]][2], 70] : STATUS_COLORS[o.status[i]]),
      stroked: true,
      getLineColor: (i) => (i === o.focus ? [20, 60, 200, 255] : o.changed?.[i] ? CHANGED : [255, 255, 255, 200]),
      getLineWidth: (i) => (i === o.focus || o.changed?.[i] ? 3 : 1),
      lineWidthUnits: 'pixels',
      updateTriggers: { getRadius: [o.focus, o.changed], getLineColor: [o.focus, o.changed], getLineWidth: [o.focus, o.changed], getFillColor: o.changed },
      pickable: true,
      ...order,
    }),
  ];
}
