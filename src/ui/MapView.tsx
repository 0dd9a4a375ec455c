import { useEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapController, type MapCallbacks } from '../map/controller';
import type { ProjectLoad } from '../../workers/data.types';
import type { DataClient } from '../../workers/data.client';

interface Props {
  project: ProjectLoad;
  client: DataClient;
  attribution: string;
  callbacks: MapCallbacks;
  onController(controller: MapController | null): void;
}

/** Hosts the map; the controller is created once per project and driven imperatively. */
export function MapView({ project, client, attribution, callbacks, onController }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const callbacksRef = useRef(callbacks);
  useEffect(() => {
    callbacksRef.current = callbacks;
  });
  useEffect(() => {
    if (!container.current) return;
    const forward: MapCallbacks = {
      onPick: (p) => callbacksRef.current.onPick(p),
      onCursor: (c) => callbacksRef.current.onCursor(c),
      onMeasure: (p, f) => callbacksRef.current.onMeasure(p, f),
      onIdle: () => callbacksRef.current.onIdle(),
    };
    const controller = new MapController(container.current, project, client, forward, attribution);
    onController(controller);
    return () => {
      onController(null);
      controller.destroy();
    };
  }, [project, client, attribution, onController]);
  return <div ref={container} className="map" data-testid="map" />;
}
