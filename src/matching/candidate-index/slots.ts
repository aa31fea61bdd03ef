// Small structures over slot numbers (a row's place in its table's parallel arrays).
import { MinHeap } from '../../min-heap.ts';

export const setBit = (b: Uint32Array, s: number) => (b[s >>> 5] |= 1 << (s & 31));
export const clearBit = (b: Uint32Array, s: number) => (b[s >>> 5] &= ~(1 << (s & 31)));
/** Words of a bitset over `capacity` slots. */
export const bitsetWords = (capacity: number) => Math.ceil(capacity / 32);
/** `b` in a bitset over `capacity` slots. */
export const resized = (b: Uint32Array, capacity: number) => {
  const bigger = new Uint32Array(bitsetWords(capacity));
  bigger.set(b);
  return bigger;
};

/** Slots in no order, grown by doubling; a removal moves the last one into the gap. */
export class SlotList {
  items = new Int32Array(4);
  length = 0;
  add(s: number) {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = s;
  }
  remove(s: number) {
    const i = this.items.subarray(0, this.length).indexOf(s);
    if (i >= 0) this.items[i] = this.items[--this.length];
  }
}

/** The k highest-scoring slots offered: a min-heap of the best so far, whose root the next better one replaces. */
export class TopK {
  private readonly heap: MinHeap;
  constructor(private readonly k: number) {
    this.heap = new MinHeap(Math.max(k, 1));
  }
  offer(slot: number, score: number) {
    if (this.heap.size < this.k) this.heap.push(slot, score);
    else if (this.k > 0 && score > this.heap.minKey) {
      this.heap.pop();
      this.heap.push(slot, score);
    }
  }
  slots(): number[] {
    return this.heap.nodesHeld();
  }
}
