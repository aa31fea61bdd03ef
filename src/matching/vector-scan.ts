// The candidate index's vectors, and the dot products of a query with many of them. A call's vector
// channel compares the source with every admitted row: 100k founders × 100 dimensions took ~20 ms
// as a JavaScript loop (one multiply-add at a time). Here the vectors live in a WebAssembly memory
// and a small hand-assembled function (its text below) multiplies four floats at a time (SIMD),
// ~3× faster. Where WebAssembly SIMD is missing, or the dimension is not a multiple of 4, the same
// products are computed in JavaScript.

/*
  (module
    (memory (export "memory") 1)
    ;; out[j] = Σ_i q[i] · vectors[slots[j]·d + i], vectors at address 0, d a multiple of 4
    (func (export "dots") (param $q i32) (param $slots i32) (param $n i32) (param $d i32) (param $out i32)
      (local $j i32) (local $base i32) (local $i i32) (local $acc v128)
      (block $done (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $base (i32.shl (i32.mul (i32.load (i32.add (local.get $slots) (i32.shl (local.get $j) (i32.const 2)))) (local.get $d)) (i32.const 2)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.const 0))
        (loop $cols
          (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul
            (v128.load align=4 (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 2))))
            (v128.load align=4 (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))))
          (br_if $cols (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $d))))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
          (f32.add (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
            (f32x4.extract_lane 2 (local.get $acc))) (f32x4.extract_lane 3 (local.get $acc))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows)))))
*/
const SIMD_DOTS = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x09,
  0x01,
  0x60,
  0x05,
  0x7f,
  0x7f,
  0x7f,
  0x7f,
  0x7f,
  0x00, // type: (i32 × 5) → ()
  0x03,
  0x02,
  0x01,
  0x00, // function 0 has type 0
  0x05,
  0x03,
  0x01,
  0x00,
  0x01, // memory: min 1 page
  0x07,
  0x11,
  0x02,
  0x06,
  0x6d,
  0x65,
  0x6d,
  0x6f,
  0x72,
  0x79,
  0x02,
  0x00,
  0x04,
  0x64,
  0x6f,
  0x74,
  0x73,
  0x00,
  0x00, // exports
  0x0a,
  0x9d,
  0x01,
  0x01,
  0x9a,
  0x01, // code: 1 body of 154 bytes
  0x02,
  0x03,
  0x7f,
  0x01,
  0x7b, // locals: 3 × i32, 1 × v128
  0x02,
  0x40,
  0x03,
  0x40, // block, loop
  0x20,
  0x05,
  0x20,
  0x02,
  0x4f,
  0x0d,
  0x01, // br_if done (j >= n)
  0x20,
  0x01,
  0x20,
  0x05,
  0x41,
  0x02,
  0x74,
  0x6a,
  0x28,
  0x02,
  0x00, // slots[j]
  0x20,
  0x03,
  0x6c,
  0x41,
  0x02,
  0x74,
  0x21,
  0x06, // base = slots[j] · d · 4
  0xfd,
  0x0c,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0x21,
  0x08, // acc = 0
  0x41,
  0x00,
  0x21,
  0x07, // i = 0
  0x03,
  0x40, // loop cols
  0x20,
  0x08, // acc
  0x20,
  0x00,
  0x20,
  0x07,
  0x41,
  0x02,
  0x74,
  0x6a,
  0xfd,
  0x00,
  0x02,
  0x00, // q[i..i+4]
  0x20,
  0x06,
  0x20,
  0x07,
  0x41,
  0x02,
  0x74,
  0x6a,
  0xfd,
  0x00,
  0x02,
  0x00, // vectors[base + i..]
  0xfd,
  0xe6,
  0x01,
  0xfd,
  0xe4,
  0x01,
  0x21,
  0x08, // acc += q · v
  0x20,
  0x07,
  0x41,
  0x04,
  0x6a,
  0x22,
  0x07,
  0x20,
  0x03,
  0x49,
  0x0d,
  0x00, // br_if cols ((i += 4) < d)
  0x0b, // end cols
  0x20,
  0x04,
  0x20,
  0x05,
  0x41,
  0x02,
  0x74,
  0x6a, // &out[j]
  0x20,
  0x08,
  0xfd,
  0x1f,
  0x00,
  0x20,
  0x08,
  0xfd,
  0x1f,
  0x01,
  0x92, // lane 0 + lane 1
  0x20,
  0x08,
  0xfd,
  0x1f,
  0x02,
  0x92,
  0x20,
  0x08,
  0xfd,
  0x1f,
  0x03,
  0x92, // + lane 2 + lane 3
  0x38,
  0x02,
  0x00, // out[j] = …
  0x20,
  0x05,
  0x41,
  0x01,
  0x6a,
  0x21,
  0x05, // j++
  0x0c,
  0x00,
  0x0b,
  0x0b,
  0x0b, // br rows, end rows, end block, end
]);

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
