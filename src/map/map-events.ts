/**
 * What the map tells the app. The map layer only emits these events and receives plain data
 * (layer views, overlays, sites); it never calls into the app's stores, so each feature
 * subscribes to the events it cares about and keeps its own logic.
 */
import type { DrawnSite } from '../core/relocation/analysis';

export interface MapPick {
  layerId: string;
  index: number;
  lngLat: [number, number];
}

export interface MapEventMap {
  /** A click on a feature (deck.gl symbol or shape), or on nothing (null). */
  pick: MapPick | null;
  /** Every click outside measuring and drawing, feature or not (e.g. to explain a suitability cell). */
  click: [number, number];
  /** The pointer's position over the map, or null when it leaves. */
  cursor: [number, number] | null;
  /** The measured points so far; `finished` after a double click. */
  measure: { points: [number, number][]; finished: boolean };
  /** Something the user should know that is not an error of theirs, e.g. an unreachable online basemap. */
  notice: 'onlineUnreachable';
  /** Every `idle` once the project's layers and the contours are on the map. */
  idle: null;
  /** A new point or polygon was drawn with the site tools (longitude/latitude). */
  siteDrawn: DrawnSite['geometry'];
  /** A shown site was moved or reshaped. */
  siteEdited: { id: string; geometry: DrawnSite['geometry'] };
}

export type MapEventType = keyof MapEventMap;
type Listener<K extends MapEventType> = (event: MapEventMap[K]) => void;

/** A typed event emitter: `on` returns the function that unsubscribes. */
export class MapEvents {
  private readonly listeners = new Map<MapEventType, Set<Listener<MapEventType>>>();

  on<K extends MapEventType>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<MapEventType>);
    return () => void set.delete(listener as Listener<MapEventType>);
  }

  emit<K extends MapEventType>(type: K, event: MapEventMap[K]): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as Listener<K>)(event);
  }

  clear(): void {
    this.listeners.clear();
  }
}
