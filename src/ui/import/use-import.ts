/**
 * Importing files into the open project: the files dropped or chosen, the wizard's session
 * over them, its preview on the map and the messages it leaves when done.
 */
import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { LayerView, MapController } from '../../map/controller';
import type { DataClient } from '../../../workers/data.client';
import type { DemSummary, LayerInfo, ProjectLoad } from '../../../workers/data.types';
import { useImportTarget } from './useImportTarget';

export function useImport(project: ProjectLoad, client: DataClient, controller: MapController | null, layers: LayerInfo[], dem: DemSummary | null, setViews: Dispatch<SetStateAction<LayerView[]>>) {
  const [files, setFiles] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const { importTarget, previewInfo } = useImportTarget({ client, controller, layers, dem, projectBBox: project.manifest.bboxLngLat, setViews });
  // Where the wizard guesses coordinates are when a file says nothing of its CRS.
  const hint = useMemo(() => {
    const [w, s, e, n] = project.manifest.bboxLngLat;
    return { centerLng: (w + e) / 2, centerLat: (s + n) / 2 };
  }, [project]);

  /** Starts a session over the files, unless one is open. */
  const start = (chosen: FileList | File[] | null) => {
    if (!chosen || chosen.length === 0 || files) return;
    setMessages([]);
    setFiles([...chosen]);
  };
  const close = (done: string[]) => {
    setFiles(null);
    setMessages(done);
  };

  return { files, start, close, dragging, setDragging, messages, clearMessages: () => setMessages([]), target: importTarget, previewInfo, hint };
}
