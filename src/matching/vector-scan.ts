// The candidate index's vectors, and the dot products of a query with many of them. A call's vector
// channel compares the source with every admitted row: 100k founders × 100 dimensions took ~20 ms
// as a JavaScript loop (one multiply-add at a time). Here the vectors live in a WebAssembly memory
// and a small function multiplies four floats at a time (SIMD), ~3× faster. Its source is
// vector-scan.wat (commented), assembled into vector-scan.wasm.ts by `npm run build:wasm`; the
// service loads those bytes and needs no assembler. Where WebAssembly SIMD is missing, or the
// dimension is not a multiple of 4, the same products are computed in JavaScript.
import { VECTOR_SCAN_WASM } from './vector-scan.wasm.ts';

/** The module's bytes (exported for test/matching/vector-scan-wat.test.ts, which assembles the source again). */
export const SIMD_DOTS = Uint8Array.from({ length: VECTOR_SCAN_WASM.length / 2 }, (_, i) =>
  Number.parseInt(VECTOR_SCAN_WASM.slice(2 * i, 2 * i + 2), 16),
);

type Dots = (q: number, slots: number, n: number, d: number, out: number) => void;
const PAGE = 65_536;
const simd: WebAssembly.Module | null = WebAssembly.validate(SIMD_DOTS) ? new WebAssembly.Module(SIMD_DOTS) : null;

/** Unit vectors of `dims` floats in numbered slots (grown by the caller), and their dot products with a query. */
export class VectorScan {
  private readonly memory: WebAssembly.Memory | null = null;
  private readonly dotsFn: Dots | null = null;
  /** The slots' vectors, slot s at s·dims (a view of the WebAssembly memory when it computes). */
  private vectors: Float32Array<ArrayBufferLike> = new Float32Array(0);
  /** Their capacity in floats (a view of a memory that grew reads as empty: this says how long to renew it). */
  private floats = 0;

  constructor(
    readonly dims: number,
    { useSimd = true } = {},
  ) {
    if (simd && useSimd && dims % 4 === 0 && dims > 0) {
      const instance = new WebAssembly.Instance(simd);
      this.memory = instance.exports.memory as WebAssembly.Memory;
      this.dotsFn = instance.exports.dots as Dots;
    }
  }

  /** Whether the products run as WebAssembly SIMD. */
  get simd() {
    return this.dotsFn !== null;
  }

  get capacity() {
    return this.dims ? this.floats / this.dims : 0;
  }

  get bytes() {
    return this.memory ? this.memory.buffer.byteLength : this.vectors.byteLength;
  }

  /** Room for `slots` vectors, keeping those held. */
  grow(slots: number) {
    if (slots <= this.capacity) return;
    this.ensure(slots * this.dims * 4);
    const bigger = this.view(slots * this.dims);
    if (!this.memory) bigger.set(this.vectors);
    this.vectors = bigger;
    this.floats = slots * this.dims;
  }

  /** Slot `s` holds `vector` scaled to unit length (within capacity). */
  set(s: number, vector: readonly number[]) {
    this.vectors.set(this.query(vector), s * this.dims);
  }

  /** `vector` scaled to unit length, as the slots hold theirs. */
  query(vector: readonly number[]): Float32Array {
    const norm = Math.sqrt(vector.reduce((a, x) => a + x * x, 0)) || 1;
    return Float32Array.from(vector, (x) => x / norm);
  }

  /** The dot product of the unit query `q` with each slot's vector, in the slots' order. */
  dots(q: Float32Array, slots: ArrayLike<number>): Float32Array {
    const n = slots.length;
    if (!this.memory || !this.dotsFn) {
      const out = new Float32Array(n);
      const d = this.dims;
      const v = this.vectors;
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let i = 0, b = slots[j] * d; i < d; i++) dot += q[i] * v[b + i];
        out[j] = dot;
      }
      return out;
    }
    // Scratch after the vectors: the query, the slot numbers and the products.
    const qAt = this.floats * 4;
    const slotsAt = qAt + this.dims * 4;
    const outAt = slotsAt + n * 4;
    this.ensure(outAt + n * 4);
    new Float32Array(this.memory.buffer, qAt, this.dims).set(q);
    new Int32Array(this.memory.buffer, slotsAt, n).set(slots);
    this.dotsFn(qAt, slotsAt, n, this.dims, outAt);
    return new Float32Array(this.memory.buffer, outAt, n).slice();
  }

  /** A WebAssembly memory of at least `bytes` (growing it detaches the old views: the vectors' is renewed). */
  private ensure(bytes: number) {
    if (!this.memory || this.memory.buffer.byteLength >= bytes) return;
    this.memory.grow(Math.ceil((bytes - this.memory.buffer.byteLength) / PAGE));
    this.vectors = this.view(this.floats);
  }

  private view(floats: number): Float32Array<ArrayBufferLike> {
    return this.memory ? new Float32Array(this.memory.buffer, 0, floats) : new Float32Array(floats);
  }
}
