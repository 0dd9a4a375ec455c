import type { Rng } from '../../src/core/random';
import { colToX, rowToY } from '../../src/core/raster';
import { simplifyLine, type XY } from './geometry';
import type { FinalDem } from './hydrology';
import { riverName } from './names';
import type { Frame } from './options';

/**
 * River polylines traced on the final DEM's D8 routing: channel cells inside the data mask,
 * cell centre to cell centre, split at confluences, with Strahler order, upstream area and
 * names. Streams are followed upstream along the larger-area donor (Hack ordering) so one name
 * runs from mouth to source; the one through the outlet is the main river.
 */
export interface RiverSegment {
  id: string;
  name: string | null;
  order: number;
  areaKm2: number;
  main: boolean;
  /** Vertices in EPSG:4549 metres, in flow direction. */
  line: XY[];
  /** DEM cells of the unsimplified path, in flow direction. */
  cells: number[];
}

export const MAIN_RIVER_NAME = '示范江';

export function traceRivers(frame: Frame, hydro: FinalDem, inMask: Uint8Array, trunk: Uint8Array, rng: Rng, namedAreaKm2: number): RiverSegment[] {
  const { width } = frame;
  const { receiver, order, count, areaM2 } = hydro.routing;
  const n = width * frame.height;
  const isCh = new Uint8Array(n);
  for (let i = 0; i < n; i++) isCh[i] = hydro.channel[i] && inMask[i] ? 1 : 0;
  const donors = new Uint8Array(n);
  const bigDonor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!isCh[i]) continue;
    const r = receiver[i];
    if (r === i || !isCh[r]) continue;
    donors[r]++;
    if (bigDonor[r] < 0 || areaM2[i] > areaM2[bigDonor[r]] || (areaM2[i] === areaM2[bigDonor[r]] && i < bigDonor[r])) bigDonor[r] = i;
  }
  // Streams: a cell continues its receiver's stream when it is the receiver's largest donor.
  const stream = new Int32Array(n).fill(-1);
  const streamMouthArea: number[] = [];
  const streamMain: boolean[] = [];
  for (let k = 0; k < count; k++) {
    const i = order[k];
    if (!isCh[i]) continue;
    const r = receiver[i];
    if (r !== i && isCh[r] && bigDonor[r] === i) {
      stream[i] = stream[r];
    } else {
      stream[i] = streamMouthArea.length;
      streamMouthArea.push(areaM2[i]);
      streamMain.push(trunk[i] === 1);
    }
  }
  const names: (string | null)[] = streamMouthArea.map(() => null);
  const used = new Set<string>([MAIN_RIVER_NAME]);
  const byArea = streamMouthArea.map((_, s) => s).sort((a, b) => streamMouthArea[b] - streamMouthArea[a] || a - b);
  for (const s of byArea) {
    if (streamMain[s]) {
      names[s] = MAIN_RIVER_NAME;
    } else if (streamMouthArea[s] >= namedAreaKm2 * 1e6) {
      names[s] = riverName(rng, used);
    }
  }
  const segments: RiverSegment[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const s = order[k];
    if (!isCh[s] || donors[s] === 1) continue; // starts: heads (0 donors) and confluences (≥ 2)
    const cells = [s];
    let c = s;
    for (;;) {
      const r = receiver[c];
      if (r === c || !isCh[r]) break;
      cells.push(r);
      c = r;
      if (donors[r] >= 2) break;
    }
    if (cells.length < 2) continue;
    const last = cells[cells.length - 2];
    const line = cells.map((cell) => {
      const row = (cell / width) | 0;
      return [colToX(frame.transform, cell - row * width), rowToY(frame.transform, row)] as XY;
    });
    segments.push({
      id: '',
      name: names[stream[s]],
      order: hydro.strahler[s],
      areaKm2: Math.round(areaM2[last] / 1e4) / 100,
      main: streamMain[stream[s]],
      line: simplifyLine(line, frame.cellSizeMeters * 0.5),
      cells,
    });
  }
  segments.sort((a, b) => b.areaKm2 - a.areaKm2 || a.cells[0] - b.cells[0]);
  segments.forEach((seg, k) => (seg.id = `R${String(k + 1).padStart(4, '0')}`));
  return segments;
}
