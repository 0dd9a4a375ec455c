/**
 * The packed Hilbert R-tree of a FlatGeobuf file: built by the writer, searched by the reader.
 *
 * Layout (little-endian), levels root first, leaves last, one 40-byte node each:
 * ```
 * node   0..7 minX f64 | 8..15 minY f64 | 16..23 maxX f64 | 24..31 maxY f64 | 32..39 offset u64
 * tree   [root] [level n-1 ...] ... [level 1] [leaf 0 ... leaf count-1]
 * leaf   offset = byte offset of the feature's size prefix, from the start of the feature section
 * inner  offset = node index (in the whole tree) of its first child; up to nodeSize children follow
 * ```
 * This is the layout of the Rust and C++ writers (and of GDAL), so their readers can use our index.
 */

/** Bytes per tree node: four float64 bounds and a uint64 offset. */
const NODE_BYTES = 40;

/** Children per inner node; 16 is the FlatGeobuf default and what GDAL writes. */
export const INDEX_NODE_SIZE = 16;

/**
 * Node-index ranges `[start, end)` of each tree level, leaves first (index 0) and root last.
 * The node count per level must match the FlatGeobuf spec exactly, including the two-node
 * tree (root + leaf) of a single feature, or readers compute a different tree size.
 */
function levelBounds(count: number, nodeSize: number): [number, number][] {
  const perLevel = [count];
  let n = count;
  do {
    n = Math.ceil(n / nodeSize);
    perLevel.push(n);
  } while (n !== 1);
  let total = 0;
  for (const k of perLevel) total += k;
  const bounds: [number, number][] = [];
  let end = total;
  for (const k of perLevel) {
    bounds.push([end - k, end]);
    end -= k;
  }
  return bounds;
}

/** Size in bytes of the index for `count` features; 0 when there are no features (no index is written). */
export function treeByteLength(count: number, nodeSize: number): number {
  if (count === 0 || nodeSize === 0) return 0;
  const bounds = levelBounds(count, nodeSize);
  return bounds[0][1] * NODE_BYTES;
}

/**
 * Serialises the packed R-tree for features already in Hilbert order.
 *
 * @param boxes    `[minX, minY, maxX, maxY]` per feature in file order, stride 4; a feature
 *                 without geometry has an inverted box (+Inf, +Inf, -Inf, -Inf) that matches nothing.
 * @param offsets  byte offset of each feature from the start of the feature section.
 * @returns the index bytes, `treeByteLength(count, nodeSize)` long.
 */
export function buildPackedRTree(boxes: Float64Array, offsets: Float64Array, nodeSize: number): Uint8Array {
  const count = offsets.length;
  const bounds = levelBounds(count, nodeSize);
  const nodeCount = bounds[0][1];
  const nodeBoxes = new Float64Array(nodeCount * 4);
  const nodeOffsets = new Float64Array(nodeCount);
  const leafStart = bounds[0][0];
  for (let i = 0; i < count; i++) {
    nodeBoxes.set(boxes.subarray(4 * i, 4 * i + 4), 4 * (leafStart + i));
    nodeOffsets[leafStart + i] = offsets[i];
  }
  for (let level = 0; level < bounds.length - 1; level++) {
    const [childStart, childEnd] = bounds[level];
    let parent = bounds[level + 1][0];
    for (let first = childStart; first < childEnd; first += nodeSize, parent++) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      const last = Math.min(first + nodeSize, childEnd);
      for (let c = first; c < last; c++) {
        minX = Math.min(minX, nodeBoxes[4 * c]);
        minY = Math.min(minY, nodeBoxes[4 * c + 1]);
        maxX = Math.max(maxX, nodeBoxes[4 * c + 2]);
        maxY = Math.max(maxY, nodeBoxes[4 * c + 3]);
      }
      nodeBoxes[4 * parent] = minX;
      nodeBoxes[4 * parent + 1] = minY;
      nodeBoxes[4 * parent + 2] = maxX;
      nodeBoxes[4 * parent + 3] = maxY;
      nodeOffsets[parent] = first;
    }
  }
  const bytes = new Uint8Array(nodeCount * NODE_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < nodeCount; i++) {
    const at = i * NODE_BYTES;
    for (let k = 0; k < 4; k++) view.setFloat64(at + 8 * k, nodeBoxes[4 * i + k], true);
    view.setBigUint64(at + 32, BigInt(nodeOffsets[i]), true);
  }
  return bytes;
}

/**
 * Byte offsets (from the start of the feature section) of the features whose boxes intersect
 * `[minX, minY, maxX, maxY]`, ascending, so reading them walks the file forwards.
 *
 * @param view       view over the whole file.
 * @param treeStart  byte position of the root node in `view`.
 */
export function searchPackedRTree(
  view: DataView,
  treeStart: number,
  count: number,
  nodeSize: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): number[] {
  const bounds = levelBounds(count, nodeSize);
  const found: number[] = [];
  // Pairs (first node of a group, level); a group is up to nodeSize siblings.
  const stack: number[] = [0, bounds.length - 1];
  while (stack.length > 0) {
    const level = stack.pop() as number;
    const first = stack.pop() as number;
    const last = Math.min(first + nodeSize, bounds[level][1]);
    for (let i = first; i < last; i++) {
      const at = treeStart + i * NODE_BYTES;
      if (maxX < view.getFloat64(at, true) || maxY < view.getFloat64(at + 8, true)) continue;
      if (minX > view.getFloat64(at + 16, true) || minY > view.getFloat64(at + 24, true)) continue;
      const offset = Number(view.getBigUint64(at + 32, true));
      if (level === 0) found.push(offset);
      else stack.push(offset, level - 1);
    }
  }
  return found.sort((a, b) => a - b);
}
