/**
 * Flow accumulation: each cell's value plus everything that drains into it.
 * `order` lists cells receivers-first (as returned by priorityFlood or receiverOrder), so one
 * reverse pass suffices. `weight` gives each cell's own contribution (e.g. its area in m²);
 * the result goes to `out` (which may be `weight` itself).
 */
export function accumulate(
  order: Int32Array,
  count: number,
  receiver: Int32Array,
  weight: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  if (out !== weight) {
    for (let k = 0; k < count; k++) {
      const i = order[k];
      out[i] = weight[i];
    }
  }
  for (let k = count - 1; k >= 0; k--) {
    const i = order[k];
    const r = receiver[i];
    if (r !== i && r >= 0) out[r] += out[i];
  }
  return out;
}

/**
 * Strahler order of a channel network: `isChannel` marks channel cells; a head gets 1, and a
 * cell gets the max of its channel donors' orders, plus 1 when two or more donors share it.
 * Non-channel cells get 0.
 */
export function strahlerOrder(
  order: Int32Array,
  count: number,
  receiver: Int32Array,
  isChannel: Uint8Array,
  out: Uint8Array = new Uint8Array(receiver.length),
): Uint8Array {
  const maxIn = new Uint8Array(receiver.length);
  const nMax = new Uint8Array(receiver.length);
  out.fill(0);
  for (let k = count - 1; k >= 0; k--) {
    const i = order[k];
    if (!isChannel[i]) continue;
    const s = maxIn[i] === 0 ? 1 : nMax[i] >= 2 ? maxIn[i] + 1 : maxIn[i];
    out[i] = s;
    const r = receiver[i];
    if (r === i || r < 0 || !isChannel[r]) continue;
    if (s > maxIn[r]) {
      maxIn[r] = s;
      nMax[r] = 1;
    } else if (s === maxIn[r]) {
      nMax[r]++;
    }
  }
  return out;
}
