import * as Comlink from 'comlink';
import { createDataApi } from './data.api';
import { indexedDbStorage } from '../src/io/project-db';

// The worker only exposes the API; everything testable lives in data.api.ts.
Comlink.expose(
  createDataApi({
    async fetchBytes(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    toTileImage(rgba, size) {
      return createImageBitmap(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, size, size));
    },
    storage: indexedDbStorage(),
  }),
);
