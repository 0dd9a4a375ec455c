import { useEffect, useRef } from 'react';
import type { MapController } from '../map/controller';
import type { MapEventMap, MapEventType } from '../map/map-events';

/**
 * Subscribes a feature to one of the map's events for as long as the map lives. The handler
 * may change on every render; the latest one is called.
 */
export function useMapEvent<K extends MapEventType>(controller: MapController | null, type: K, handler: (event: MapEventMap[K]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => controller?.events.on(type, (event) => latest.current(event)), [controller, type]);
}
