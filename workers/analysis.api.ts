import { transfer, wrap, type Remote } from 'comlink';
import type { DataApi } from './data.api';
import { runExposureAnalysis, type ExposureInputs, type ExposureParams, type ExposureRun } from '../src/core/exposure/analysis';
import { deriveRegister, type RegisterDerivation, type RunSnapshot } from '../src/core/exposure/register';
import { throttleProgress, type ProgressSink } from './run.protocol';

/** Every ArrayBuffer of a run, to transfer it instead of copying it. */
export function runTransferables(run: ExposureRun): ArrayBuffer[] {
  const h = run.hazards;
  const buffers = [h.layerOf, h.featureOf, h.type, h.level, h.bufferM, h.bufferSource, h.surveyYear, h.lngLat].map((a) => a.buffer as ArrayBuffer);
  for (const l of run.layers) {
    buffers.push(l.people.buffer as ArrayBuffer, l.households.buffer as ArrayBuffer, l.lngLat.buffer as ArrayBuffer);
    const { offsets, hazard, distance, inside, status, worstLevel } = l.hits;
    buffers.push(...[offsets, hazard, distance, inside, status, worstLevel].map((a) => a.buffer as ArrayBuffer));
  }
  return [...new Set(buffers)];
}

/**
 * The analysis worker's API. Runs are plain functions of their inputs: the worker holds no
 * state, so cancelling is terminating it (see analysis.client.ts).
 */
/** Where the analysis reads its layers: the data worker, over a port or (in tests) directly. */
export type LayerSource = Pick<DataApi, 'exposureInputs'>;

/** Which layers a run reads. */
export interface RunLayers {
  hazardLayerIds: string[];
  exposedLayerIds: string[];
}

export function createAnalysisApi() {
  let source: LayerSource | Remote<LayerSource> | null = null;
  return {
    /** Connects the data worker: a port it serves its API on (or, in tests, the API itself). */
    connectData(from: MessagePort | LayerSource): void {
      source = 'exposureInputs' in from ? from : wrap<LayerSource>(from);
    },

    /**
     * Hazard exposure of every exposed layer, and the register derived from it (entries,
     * figures, the diff against the stored runs), so the main thread only draws the result.
     * The layers come straight from the data worker. Progress every few thousand features.
     */
    async runRegister(layers: RunLayers, params: ExposureParams, stored: { last: RunSnapshot | null; previous: RunSnapshot | null }, onProgress?: ProgressSink): Promise<{ run: ExposureRun; register: RegisterDerivation }> {
      if (!source) throw new Error('The analysis worker is not connected to the data worker.');
      const inputs: ExposureInputs = await source.exposureInputs(layers.hazardLayerIds, layers.exposedLayerIds);
      // Each report is a message to the main thread: throttled, features done of total.
      const report = onProgress && throttleProgress(onProgress);
      const run = runExposureAnalysis(inputs, params, { onProgress: report && ((done, total) => report({ done, total })) });
      const register = deriveRegister(run, stored);
      // The entries carry their own strings; a string per feature would only cost the main thread.
      for (const layer of run.layers) layer.ids = layer.names = layer.townships = [];
      const buffers = [...runTransferables(run), register.columns.layer.buffer as ArrayBuffer, register.columns.feature.buffer as ArrayBuffer];
      return transfer({ run, register }, buffers);
    },
  };
}

export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
