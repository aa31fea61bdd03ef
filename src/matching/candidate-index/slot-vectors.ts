// The vector channel in memory: each slot's normalised vector in a WebAssembly memory
// (../vector-scan.ts, SIMD dot products), created with the first vector, whose length is the model's.
import { VectorScan } from '../vector-scan.ts';
import { TopK } from './slots.ts';

export class SlotVectors {
  private scan: VectorScan | null = null;
  private has = new Uint8Array(0);

  get bytes() {
    return (this.scan?.bytes ?? 0) + this.has.byteLength;
  }

  /** Whether slot `s` holds a vector. */
  holds(s: number) {
    return this.has[s] === 1;
  }

  /** Slot `s` holds `vector` (within capacity); a vector of another length (a misconfigured model) is as good as none. */
  set(s: number, vector: number[] | null) {
    if (vector && !this.scan) (this.scan = new VectorScan(vector.length)).grow(this.has.length);
    this.has[s] = vector && vector.length === this.scan?.dims ? 1 : 0;
    if (this.has[s]) this.scan!.set(s, vector!);
  }

  clear(s: number) {
    this.has[s] = 0;
  }

  /** The source's vector normalised as the slots' are; null without one or with one of another length (never compared). */
  query(vector: number[] | null): Float32Array | null {
    return vector && vector.length === this.scan?.dims ? this.scan.query(vector) : null;
  }

  /** The dot products of the query (from `query`) with the slots' vectors, in the slots' order. */
  similarities(q: Float32Array, slots: number[]): Float32Array {
    return this.scan!.dots(q, slots);
  }

  /** The k slots nearest to the query by cosine distance among those holding a vector. */
  nearest(slots: number[], q: Float32Array, k: number): number[] {
    const withVector = slots.filter((s) => this.has[s]);
    const dots = this.scan!.dots(q, withVector);
    const top = new TopK(k);
    for (let j = 0; j < withVector.length; j++) top.offer(withVector[j], dots[j]);
    return top.slots();
  }

  /** Room for `capacity` slots. */
  grow(capacity: number) {
    this.scan?.grow(capacity);
    const has = new Uint8Array(capacity);
    has.set(this.has);
    this.has = has;
  }
}
