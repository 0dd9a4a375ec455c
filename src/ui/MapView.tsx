import { useEffect, useRef } from 'react';
import type { MapController } from '../map/controller';
import type { ProjectLoad } from '../../workers/data.types';
import type { DataClient } from '../../workers/data.client';

/** Who is told of each map made (e.g. a page that inspects the map); see `watchMaps`. */
const watchers = new Set<(controller: MapController) => void>();

/**
 * Calls `listener` with every map controller made from now on (one per opened project).
 * Returns the function that stops it.
 */
export function watchMaps(listener: (controller: MapController) => void): () => void {
  watchers.add(listener);
  return () => void watchers.delete(listener);
}

interface Props {
  project: ProjectLoad;
  client: DataClient;
  onController(controller: MapController | null): void;
}

/**
 * Hosts the map, built once per project (a language switch changes texts in place). MapLibre
 * and deck.gl are loaded on demand, in parallel with the data worker, so the first paint (with
 * the loading progress) does not wait for them. The features listen to the controller's events.
 */
export function MapView({ project, client, onController }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let controller: MapController | null = null;
    let disposed = false;
    // `data-map-idle` says the map has drawn the project (tests and benchmarks wait for it).
    delete document.body.dataset.mapIdle;
    void Promise.all([import('../map/controller'), import('maplibre-gl/dist/maplibre-gl.css')]).then(([module]) => {
      if (disposed) return;
      controller = new module.MapController(element, project, client);
      controller.events.on('idle', () => {
        document.body.dataset.mapIdle = 'true';
      });
      for (const watch of watchers) watch(controller);
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
