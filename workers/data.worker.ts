import * as Comlink from 'comlink';
import { createDataApi } from './data.api';

// The worker only exposes the API; everything testable lives in data.api.ts.
Comlink.expose(
  createDataApi({
    async fetchBytes(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    async encodePng(rgba, size) {
      const canvas = new OffscreenCanvas(size, size);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('OffscreenCanvas 2D is not available in this browser.');
      context.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return blob.arrayBuffer();
    },
  }),
);
