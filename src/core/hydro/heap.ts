/**
 * A binary min-heap of cell indices keyed by a number, in typed arrays that grow by doubling.
 * Ties on the key are broken by the smaller cell index, so pops are deterministic.
 *
 * ```
 * keys   k0 k1 k2 ...   (Float64, heap order)
 * cells  c0 c1 c2 ...   (Int32, same slots)
 * ```
 */
export class CellHeap {
  keys: Float64Array;
  cells: Int32Array;
  size = 0;
  /** The key of the entry `pop` returned last. */
  key = 0;

  constructor(initialCapacity = 1024) {
    this.keys = new Float64Array(Math.max(16, initialCapacity));
    this.cells = new Int32Array(Math.max(16, initialCapacity));
  }

  /** Removes every entry but keeps the storage. */
  clear(): void {
    this.size = 0;
  }

  push(cell: number, key: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const cells = new Int32Array(this.cells.length * 2);
      cells.set(this.cells);
      this.keys = keys;
      this.cells = cells;
    }
    const keys = this.keys;
    const cells = this.cells;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk < key || (pk === key && cells[p] < cell)) break;
      keys[i] = pk;
      cells[i] = cells[p];
      i = p;
    }
    keys[i] = key;
    cells[i] = cell;
  }

  /** Key of the smallest entry; only valid when size > 0. */
  peekKey(): number {
    return this.keys[0];
  }

  /** Removes the smallest entry and returns its cell; only valid when size > 0. */
  pop(): number {
    const keys = this.keys;
    const cells = this.cells;
    const top = cells[0];
    this.key = keys[0];
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n];
    const cell = cells[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n && (keys[r] < keys[l] || (keys[r] === keys[l] && cells[r] < cells[l]))) c = r;
      if (keys[c] > key || (keys[c] === key && cells[c] > cell)) break;
      keys[i] = keys[c];
      cells[i] = cells[c];
      i = c;
    }
    keys[i] = key;
    cells[i] = cell;
    return top;
  }
}
