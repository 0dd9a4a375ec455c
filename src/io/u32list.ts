/** A growable Uint32Array (doubling), for offsets appended one at a time by the readers. */
export class U32List {
  data: Uint32Array;
  length = 0;
  constructor(initialCapacity = 64) {
    this.data = new Uint32Array(initialCapacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
