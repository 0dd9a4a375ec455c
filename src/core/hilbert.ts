/** The Hilbert curve flatbush and FlatGeobuf sort by, for spatially ordered layouts. */

/**
 * Position of a point on a 65536×65536 Hilbert curve (from flatbush, the same curve as the
 * Rust/C++ FlatGeobuf writers). x and y must be integers in [0, 65535].
 */
export function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);

  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = c ^ ((c >> 1) ^ (b & (d >> 1)));
  let D = d ^ ((a & (c >> 1)) ^ (d >> 1));

  a = (A & (A >> 2)) ^ (B & (B >> 2));
  b = (A & (B >> 2)) ^ (B & ((A ^ B) >> 2));
  c = C ^ ((A & (C >> 2)) ^ (B & (D >> 2)));
  d = D ^ ((B & (C >> 2)) ^ ((A ^ B) & (D >> 2)));

  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C = c ^ ((a & (c >> 4)) ^ (b & (d >> 4)));
  D = d ^ ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

  c = C ^ ((A & (C >> 8)) ^ (B & (D >> 8)));
  d = D ^ ((B & (C >> 8)) ^ ((A ^ B) & (D >> 8)));

  c ^= c >> 1;
  d ^= d >> 1;
  a = x ^ y;
  b = d | (0xffff ^ (a | c));

  a = (a | (a << 8)) & 0x00ff00ff;
  a = (a | (a << 4)) & 0x0f0f0f0f;
  a = (a | (a << 2)) & 0x33333333;
  a = (a | (a << 1)) & 0x55555555;

  b = (b | (b << 8)) & 0x00ff00ff;
  b = (b | (b << 4)) & 0x0f0f0f0f;
  b = (b | (b << 2)) & 0x33333333;
  b = (b | (b << 1)) & 0x55555555;

  return ((b << 1) | a) >>> 0;
}

/**
 * Order in which to write features: ascending Hilbert value of their bbox centres, ties by
 * input index so the output is deterministic. Features without geometry (NaN or inverted
 * boxes) go first; they never match a search anyway.
 *
 * @param boxes `[minX, minY, maxX, maxY]` per feature, stride 4.
 */
export function hilbertOrder(boxes: Float64Array): Uint32Array {
  const count = boxes.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    if (!(boxes[4 * i] <= boxes[4 * i + 2])) continue;
    minX = Math.min(minX, boxes[4 * i]);
    minY = Math.min(minY, boxes[4 * i + 1]);
    maxX = Math.max(maxX, boxes[4 * i + 2]);
    maxY = Math.max(maxY, boxes[4 * i + 3]);
  }
  // A zero-size extent (one point, or all points equal) would divide by zero.
  const scaleX = maxX > minX ? 0xffff / (maxX - minX) : 0;
  const scaleY = maxY > minY ? 0xffff / (maxY - minY) : 0;
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (!(boxes[4 * i] <= boxes[4 * i + 2])) {
      values[i] = -1;
      continue;
    }
    const cx = (boxes[4 * i] + boxes[4 * i + 2]) / 2;
    const cy = (boxes[4 * i + 1] + boxes[4 * i + 3]) / 2;
    values[i] = hilbert(Math.floor((cx - minX) * scaleX), Math.floor((cy - minY) * scaleY));
  }
  const order = new Uint32Array(count);
  if (count <= 1 << 21) {
    // Value and index packed in one exact float64 ((2^32 − 1) · 2^21 + 2^21 − 1 = 2^53 − 1): a
    // native numeric sort, several times faster than a comparator, ties still broken by index.
    // Features without geometry go first, in index order, outside the packed keys.
    let k = 0;
    for (let i = 0; i < count; i++) if (values[i] < 0) order[k++] = i;
    const keys = new Float64Array(count - k);
    let j = 0;
    for (let i = 0; i < count; i++) if (values[i] >= 0) keys[j++] = values[i] * (1 << 21) + i;
    keys.sort();
    for (const key of keys) order[k++] = key % (1 << 21);
    return order;
  }
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
  return order;
}

