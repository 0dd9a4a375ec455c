import { useEffect, useRef } from 'react';
import type { MapController, MapCallbacks } from '../map/controller';
import type { ProjectLoad } from '../../workers/data.types';
import type { DataClient } from '../../workers/data.client';

interface Props {
  project: ProjectLoad;
  client: DataClient;
  callbacks: MapCallbacks;
  onController(controller: MapController | null): void;
}

/**
 * Hosts the map, built once per project (a language switch changes texts in place). MapLibre and deck.gl are loaded on demand, in parallel with the data
 * worker, so the first paint (with the loading progress) does not wait for them.
 */
export function MapView({ project, client, callbacks, onController }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const callbacksRef = useRef(callbacks);
  useEffect(() => {
    callbacksRef.current = callbacks;
  });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let controller: MapController | null = null;
    let disposed = false;
    // A new map is not idle yet (tests and benchmarks wait for this flag).
    delete document.body.dataset.mapIdle;
    const forward: MapCallbacks = {
      onPick: (p) => callbacksRef.current.onPick(p),
      onCursor: (c) => callbacksRef.current.onCursor(c),
      onMeasure: (p, f) => callbacksRef.current.onMeasure(p, f),
      onNotice: (n) => callbacksRef.current.onNotice(n),
      onIdle: () => callbacksRef.current.onIdle(),
      onMapClick: (lngLat) => callbacksRef.current.onMapClick?.(lngLat),
    };
    void Promise.all([import('../map/controller'), import('maplibre-gl/dist/maplibre-gl.css')]).then(([module]) => {
      if (disposed) return;
      controller = new module.MapController(element, project, client, forward);
      onController(controller);
    });
    return () => {
      disposed = true;
      onController(null);
      controller?.destroy();
    };
  }, [project, client, onController]);
  return <div ref={container} className="map" data-testid="map" />;
}

/** Starts downloading the map code early; called when the page starts. */
export function preloadMap(): void {
  void import('../map/controller');
}
