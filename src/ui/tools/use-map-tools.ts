/**
 * The map's own tools: the cursor's coordinates and elevation, distance and area measuring,
 * the map settings (online basemap, 3D terrain) and the notices the map raises.
 */
import { useEffect, useRef, useState } from 'react';
import type { MapController } from '../../map/controller';
import type { MeasureMode } from '../../map/measure';
import type { DataClient } from '../../../workers/data.client';
import { loadMapSettings, saveMapSettings, type MapSettings } from '../Settings';
import { useMapEvent } from '../use-map-event';

export interface Measure {
  mode: MeasureMode;
  points: [number, number][];
  finished: boolean;
}

export function useMapTools(client: DataClient, controller: MapController | null) {
  const [cursor, setCursor] = useState<{ lngLat: [number, number]; elevation: number | null } | null>(null);
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [notice, setNotice] = useState<'onlineUnreachable' | null>(null);
  const [settings, setSettings] = useState<MapSettings>(loadMapSettings);
  const cursorSeq = useRef(0);

  useMapEvent(controller, 'cursor', (lngLat) => {
    if (!lngLat) return setCursor(null);
    // Only the latest position's elevation is shown, whatever order the answers come in.
    const seq = ++cursorSeq.current;
    void client.elevationAt(lngLat[0], lngLat[1]).then((elevation) => {
      if (seq === cursorSeq.current) setCursor({ lngLat, elevation });
    });
  });
  useMapEvent(controller, 'measure', ({ points, finished }) => setMeasure((m) => (m ? { ...m, points, finished } : m)));
  useMapEvent(controller, 'notice', setNotice);

  // A finished measurement stays on screen, but its tool is no longer armed.
  const measuring = measure && !measure.finished ? measure.mode : null;
  const startMeasure = (mode: MeasureMode | null) => {
    setMeasure(mode ? { mode, points: [], finished: false } : null);
    controller?.startMeasure(mode);
  };

  const changeSettings = (next: MapSettings) => {
    if (next.online !== settings.online) setNotice(null);
    if (next.online !== settings.online || next.tiandituKey !== settings.tiandituKey) controller?.setOnlineBasemap(next.online, next.tiandituKey);
    if (next.terrain !== settings.terrain) controller?.setTerrain(next.terrain);
    setSettings(next);
    saveMapSettings(next);
  };

  // Apply remembered settings once the map exists; later changes go through changeSettings.
  useEffect(() => {
    if (!controller) return;
    controller.whenStyleReady(() => {
      if (settings.online !== 'none') controller.setOnlineBasemap(settings.online, settings.tiandituKey);
      if (settings.terrain) controller.setTerrain(true);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  return { cursor, measure, measuring, startMeasure, settings, changeSettings, settingsOpen, setSettingsOpen, notice, setNotice };
}
