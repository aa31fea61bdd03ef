// A binary min-heap of (node, key) over typed arrays: the assignment solver's Dijkstra (with lazy
// deletion: stale entries are skipped by the caller) and the candidate index's top-k.

/** A binary min-heap of (node, key), grown by doubling. */
export class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(cap: number) {
    this.nodes = new Int32Array(cap);
    this.keys = new Float64Array(cap);
  }
  clear() {
    this.size = 0;
  }
  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.nodes);
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.nodes = n2;
      this.keys = k2;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[i] = this.nodes[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  /** The smallest key (size > 0). */
  get minKey(): number {
    return this.keys[0];
  }
  /** The nodes held, in heap order. */
  nodesHeld(): number[] {
    return Array.from(this.nodes.subarray(0, this.size));
  }
  /** The key of the node the last pop() returned (no tuple allocated per pop: millions of them). */
  poppedKey = 0;
  pop(): number {
    const node = this.nodes[0];
    this.poppedKey = this.keys[0];
    const lastNode = this.nodes[--this.size];
    const lastKey = this.keys[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= lastKey) break;
      this.nodes[i] = this.nodes[c];
      this.keys[i] = this.keys[c];
      i = c;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return node;
  }
}
