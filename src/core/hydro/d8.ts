import { D8_DCOL as DCOL, D8_DIST as DIST, D8_DROW as DROW } from './neighbours';

/**
 * D8 steepest-descent receivers: each cell drains to the neighbour with the steepest downhill
 * gradient (drop / distance); a cell with no lower neighbour drains to itself.
 * Square cells; ties keep the first neighbour in D8 order. Fills and returns `out`.
 */
export function d8Receivers(
  z: ArrayLike<number>,
  width: number,
  height: number,
  out: Int32Array = new Int32Array(width * height),
): Int32Array {
  const dcol = DCOL;
  const drow = DROW;
  const dist = DIST;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const zi = z[i];
      let best = i;
      let bestSlope = 0;
      for (let k = 0; k < 8; k++) {
        const nc = c + dcol[k];
        const nr = r + drow[k];
        if (nc < 0 || nr < 0 || nc >= width || nr >= height) continue;
        const nb = nr * width + nc;
        const s = (zi - z[nb]) / dist[k];
        if (s > bestSlope) {
          bestSlope = s;
          best = nb;
        }
      }
      out[i] = best;
    }
  }
  return out;
}

/**
 * Orders cells so every cell follows its receiver (the "stack" of Braun & Willett 2013):
 * a depth-first walk from each root (a cell that drains to itself) through its donors.
 * Cells with receiver -1 are left out. Returns the number of cells written to `out`.
 *
 * Memory: two Int32 arrays of n+1 and n for the donor lists, allocated once per call.
 */
export function receiverOrder(receiver: Int32Array, out: Int32Array): number {
  const n = receiver.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = receiver[i];
    if (r >= 0 && r !== i) offsets[r + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const donors = new Int32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (let i = 0; i < n; i++) {
    const r = receiver[i];
    if (r >= 0 && r !== i) donors[fill[r]++] = i;
  }
  let count = 0;
  const stack = fill; // reused as the DFS stack: at most n entries
  for (let root = 0; root < n; root++) {
    if (receiver[root] !== root) continue;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const cell = stack[--top];
      out[count++] = cell;
      for (let d = offsets[cell]; d < offsets[cell + 1]; d++) stack[top++] = donors[d];
    }
  }
  return count;
}
