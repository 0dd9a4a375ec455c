/**
 * Connected regions of a mask and per-region statistics.
 *
 * `labelComponents` is the classic two-pass union–find labelling: a raster scan gives each
 * foreground cell the label of an already-labelled neighbour (up-left, up, up-right, left),
 * merging the sets when two neighbours disagree; for 8-connectivity the neighbour tests follow
 * the decision tree of Wu, Otoo & Suzuki, "Optimizing two-pass connected-component labeling
 * algorithms", Pattern Analysis and Applications 12 (2009), which needs at most one union per
 * cell. Sets are linked root-to-smaller-root, so every set's root is its smallest provisional
 * label, i.e. the label of its first cell in scan order; numbering roots in increasing order
 * therefore numbers the regions in raster order of their first cell. No recursion.
 */

/**
 * Connected components of mask ≠ 0 with 4- or 8-connectivity. Labels 1..count in raster scan
 * order of each region's first cell, 0 = background; written into `labels` if given
 * (length ≥ width·height).
 */
export function labelComponents(mask: Uint8Array, width: number, height: number, connectivity: 4 | 8, labels?: Int32Array): { labels: Int32Array; count: number } {
  const n = width * height;
  if (mask.length < n) throw new RangeError(`labelComponents: mask has ${mask.length} cells, need ${n}`);
  const out = labels ?? new Int32Array(n);
  if (out.length < n) throw new RangeError(`labelComponents: labels has ${out.length} cells, need ${n}`);
  // parent[l] for provisional labels 1..next-1; grows on demand (worst case about n/2 labels).
  let parent = new Int32Array(Math.max(16, Math.min(n + 1, 1 << 16)));
  let next = 1;

  const find = (l: number): number => {
    let r = l;
    while (parent[r] !== r) r = parent[r];
    while (parent[l] !== r) {
      const p = parent[l];
      parent[l] = r;
      l = p;
    }
    return r;
  };
  const union = (a: number, b: number): number => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return ra;
    if (ra > rb) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    return ra;
  };
  const fresh = (): number => {
    if (next >= parent.length) {
      const grown = new Int32Array(Math.min(n + 1, parent.length * 2));
      grown.set(parent);
      parent = grown;
    }
    parent[next] = next;
    return next++;
  };

  for (let r = 0; r < height; r++) {
    const row = r * width;
    const up = row - width;
    for (let c = 0; c < width; c++) {
      const i = row + c;
      if (mask[i] === 0) {
        out[i] = 0;
        continue;
      }
      const d = c > 0 ? out[i - 1] : 0; // left
      const b = r > 0 ? out[up + c] : 0; // up
      let label: number;
      if (connectivity === 4) {
        if (b !== 0) label = d !== 0 && d !== b ? union(b, d) : b;
        else label = d !== 0 ? d : fresh();
      } else if (b !== 0) {
        // Up is set: up-left, up-right and left are all its neighbours, hence already merged.
        label = b;
      } else {
        const a = r > 0 && c > 0 ? out[up + c - 1] : 0; // up-left
        const e = r > 0 && c + 1 < width ? out[up + c + 1] : 0; // up-right
        if (e !== 0) {
          if (a !== 0 && a !== e) label = union(e, a);
          else if (d !== 0 && d !== e) label = union(e, d);
          else label = e;
        } else if (a !== 0) label = a;
        else if (d !== 0) label = d;
        else label = fresh();
      }
      out[i] = label;
    }
  }

  // Final labels: roots numbered in increasing provisional order; parent[l] < l for non-roots.
  const final = new Int32Array(next);
  let count = 0;
  for (let l = 1; l < next; l++) final[l] = parent[l] === l ? ++count : final[find(l)];
  for (let i = 0; i < n; i++) {
    const l = out[i];
    if (l !== 0) out[i] = final[l];
  }
  return { labels: out, count };
}


/**
 * Per-label statistics, columnar, indexed by label 1..count (index 0, the background, is left
 * empty); every array has length count + 1.
 *
 * ```
 * cells                      cells with this label
 * valid                      of those, cells with a value (not NaN, not `nodata`)
 * sum, mean, min, max        of the valid values (mean/min/max NaN when valid = 0)
 * minCol minRow maxCol maxRow  bounding box in cell indices, inclusive (−1 when cells = 0)
 * centroidCol centroidRow    mean cell index of the label's cells; the cell centre is at +0.5
 * ```
 */
export interface ZonalStats {
  count: number;
  cells: Float64Array;
  valid: Float64Array;
  sum: Float64Array;
  mean: Float64Array;
  min: Float64Array;
  max: Float64Array;
  minCol: Int32Array;
  minRow: Int32Array;
  maxCol: Int32Array;
  maxRow: Int32Array;
  centroidCol: Float64Array;
  centroidRow: Float64Array;
}

/**
 * Zonal statistics of `values` per label of `labels`, a raster `width` cells wide.
 * NaN is always nodata in a Float32Array; `nodata` (e.g. 255 for Uint8 scores) marks more.
 * Labels outside 1..count (the background, 0, included) are ignored: slot 0 stays empty.
 */
export function zonalStats(labels: Int32Array, count: number, values: Float32Array | Uint8Array, nodata: number | null, width: number): ZonalStats {
  const n = labels.length;
  if (values.length < n) throw new RangeError(`zonalStats: values has ${values.length} cells, labels ${n}`);
  if (!(width > 0) || n % width !== 0) throw new RangeError(`zonalStats: ${n} cells are not whole rows of width ${width}`);
  const m = count + 1;
  const cells = new Float64Array(m);
  const valid = new Float64Array(m);
  const sum = new Float64Array(m);
  const min = new Float64Array(m).fill(Infinity);
  const max = new Float64Array(m).fill(-Infinity);
  const minCol = new Int32Array(m).fill(0x7fffffff);
  const minRow = new Int32Array(m).fill(0x7fffffff);
  const maxCol = new Int32Array(m).fill(-1);
  const maxRow = new Int32Array(m).fill(-1);
  const colSum = new Float64Array(m);
  const rowSum = new Float64Array(m);
  const nd = nodata ?? NaN;
  const height = n / width;
  for (let r = 0, i = 0; r < height; r++) {
    for (let c = 0; c < width; c++, i++) {
      const l = labels[i];
      // Slot 0 (background) stays empty: most cells are background, and updating one slot
      // for each of them serialises the loop on that slot.
      if (l <= 0 || l > count) continue;
      cells[l]++;
      colSum[l] += c;
      rowSum[l] += r;
      if (c < minCol[l]) minCol[l] = c;
      if (c > maxCol[l]) maxCol[l] = c;
      if (r < minRow[l]) minRow[l] = r;
      maxRow[l] = r;
      const v = values[i];
      if (v !== v || v === nd) continue;
      valid[l]++;
      sum[l] += v;
      if (v < min[l]) min[l] = v;
      if (v > max[l]) max[l] = v;
    }
  }
  const mean = new Float64Array(m);
  const centroidCol = new Float64Array(m);
  const centroidRow = new Float64Array(m);
  for (let l = 0; l < m; l++) {
    if (valid[l] === 0) {
      mean[l] = NaN;
      min[l] = NaN;
      max[l] = NaN;
    } else mean[l] = sum[l] / valid[l];
    if (cells[l] === 0) {
      minCol[l] = minRow[l] = -1;
      centroidCol[l] = centroidRow[l] = NaN;
    } else {
      centroidCol[l] = colSum[l] / cells[l];
      centroidRow[l] = rowSum[l] / cells[l];
    }
  }
  return { count, cells, valid, sum, mean, min, max, minCol, minRow, maxCol, maxRow, centroidCol, centroidRow };
}
