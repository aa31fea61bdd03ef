/**
 * Minimal ONNX writer for the static embedding model.
 *
 * There is no Python (and so no `onnx` package) in this project, and the
 * protobufjs copy in node_modules is only a transitive dependency, so the
 * handful of ONNX protobuf messages we need are encoded by hand below.
 * Field numbers come from onnx/onnx.proto (IR version 8, which
 * onnxruntime 1.14 — the one @xenova/transformers 2.17 uses — supports).
 *
 * Graph (opset 13). E is the [vocab, dim] table; every row is already
 * `weight(word) · unit(vector(word))`, rows 0/1 ([PAD]/[UNK]) are zero.
 *
 *   input_ids      int64 [B, S] → Gather(E, axis 0) → (Cast f16→f32) → token_vectors [B, S, D]
 *   attention_mask int64 [B, S] → Cast(float) → mask_float [B, S]
 *
 *   last_hidden_state  [B, S, D] = token_vectors · Unsqueeze(mask_float, -1)
 *   x                  [B, D]    = Squeeze(MatMul(Unsqueeze(mask_float, 1), token_vectors), 1)
 *   sentence_embedding [B, D]    = x / max(‖x‖₂, 1e-12)
 *
 * `last_hidden_state` is what transformers.js' feature-extraction pipeline
 * reads; its own `pooling: 'mean', normalize: true` then yields
 * normalize(Σ idf_i·u_i) — the IDF-weighted mean direction (the mean's
 * denominator cancels under L2 normalisation). `sentence_embedding` is the
 * same vector computed in-graph, for callers that run the tokenizer and the
 * session themselves (`extractor.model(extractor.tokenizer(texts, …))`): it
 * is all-zero (not NaN) when no token is known, and skips transformers.js'
 * JS mean pooling, which reads the int64 mask one BigInt at a time and is the
 * bulk of the pipeline's cost for this model.
 */

// ---------------------------------------------------------------------------
// Protobuf wire encoding (just enough: varints and length-delimited fields).
// ---------------------------------------------------------------------------

type Bytes = Uint8Array;

/** Accumulates protobuf fields of one message. */
class Msg {
  private parts: Bytes[] = [];
  private size = 0;

  private push(b: Bytes): void {
    this.parts.push(b);
    this.size += b.length;
  }

  private key(field: number, wireType: number): void {
    this.push(varint(BigInt((field << 3) | wireType)));
  }

  /** int32 / int64 / enum / bool (wire type 0). Negative values use 10-byte two's complement. */
  int(field: number, value: number | bigint): this {
    this.key(field, 0);
    this.push(varint(BigInt.asUintN(64, BigInt(value))));
    return this;
  }

  bytes(field: number, value: Bytes): this {
    this.key(field, 2);
    this.push(varint(BigInt(value.length)));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  msg(field: number, value: Msg): this {
    return this.bytes(field, value.finish());
  }

  finish(): Bytes {
    const out = new Uint8Array(this.size);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}

function varint(v: bigint): Bytes {
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------
// ONNX messages
// ---------------------------------------------------------------------------

/** onnx.TensorProto.DataType */
export const DataType = { FLOAT: 1, INT64: 7, FLOAT16: 10 } as const;
type DataTypeValue = (typeof DataType)[keyof typeof DataType];

/** onnx.AttributeProto.AttributeType */
const AttrType = { INT: 2 } as const;

function tensorProto(name: string, dataType: DataTypeValue, dims: number[], raw: Bytes): Msg {
  const t = new Msg();
  // `dims` is a proto2 repeated int64 without [packed=true]: one key per value.
  for (const d of dims) t.int(1, d);
  t.int(2, dataType);
  t.string(8, name);
  t.bytes(9, raw); // raw_data: little-endian, row-major
  return t;
}

/** A dimension is either a fixed size or a symbolic name such as 'batch_size'. */
type Dim = number | string;

function valueInfo(name: string, elemType: DataTypeValue, shape: Dim[]): Msg {
  const shapeMsg = new Msg();
  for (const d of shape) {
    const dim = new Msg();
    if (typeof d === 'number') dim.int(1, d);
    else dim.string(2, d);
    shapeMsg.msg(1, dim);
  }
  const tensorType = new Msg().int(1, elemType).msg(2, shapeMsg);
  const type = new Msg().msg(1, tensorType);
  return new Msg().string(1, name).msg(2, type);
}

interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number>;
}

function nodeProto(spec: NodeSpec, index: number): Msg {
  const n = new Msg();
  for (const i of spec.inputs) n.string(1, i);
  for (const o of spec.outputs) n.string(2, o);
  n.string(3, `${spec.op}_${index}`);
  n.string(4, spec.op);
  for (const [name, value] of Object.entries(spec.ints ?? {})) {
    n.msg(5, new Msg().string(1, name).int(20, AttrType.INT).int(3, value));
  }
  return n;
}

function int64Raw(values: number[]): Bytes {
  const a = new BigInt64Array(values.map((v) => BigInt(v)));
  return new Uint8Array(a.buffer);
}

function float32Raw(values: number[]): Bytes {
  return new Uint8Array(new Float32Array(values).buffer);
}

// ---------------------------------------------------------------------------
// float32 → IEEE 754 binary16 (Node 20 has no Float16Array)
// ---------------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Round-to-nearest-even conversion of one float32 to float16 bits. */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    // Subnormal half (or zero).
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++; // may carry into exponent: still correct
  return sign | half;
}

export function toFloat16Array(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i]!);
  return out;
}

// ---------------------------------------------------------------------------
// The static-embedding graph
// ---------------------------------------------------------------------------

export interface StaticEmbeddingGraphOptions {
  /** Row-major [vocabSize, dim] table (row = weight × unit vector; zero rows for [PAD]/[UNK]). */
  table: Float32Array;
  vocabSize: number;
  dim: number;
  /** Storage type of the table inside the file; computation is always float32. */
  storage: 'float32' | 'float16';
  /** Written to ModelProto.doc_string / metadata_props. */
  docString?: string;
  metadata?: Record<string, string>;
}

/** Serialises the lookup → mask → (sum, L2-normalise) graph as an ONNX ModelProto. */
export function buildStaticEmbeddingOnnx(opts: StaticEmbeddingGraphOptions): Uint8Array {
  const { table, vocabSize, dim, storage } = opts;
  if (table.length !== vocabSize * dim) {
    throw new Error(`table has ${table.length} values, expected ${vocabSize} × ${dim}`);
  }

  const raw =
    storage === 'float16'
      ? new Uint8Array(toFloat16Array(table).buffer)
      : new Uint8Array(table.buffer, table.byteOffset, table.byteLength);

  const initializers = [
    tensorProto('embeddings', storage === 'float16' ? DataType.FLOAT16 : DataType.FLOAT, [vocabSize, dim], raw),
    tensorProto('axes_last', DataType.INT64, [1], int64Raw([-1])),
    tensorProto('axes_seq', DataType.INT64, [1], int64Raw([1])),
    tensorProto('epsilon', DataType.FLOAT, [], float32Raw([1e-12])),
  ];

  const gathered = storage === 'float16' ? 'token_vectors_f16' : 'token_vectors';
  const nodes: NodeSpec[] = [
    { op: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: [gathered], ints: { axis: 0 } },
    ...(storage === 'float16'
      ? [{ op: 'Cast', inputs: [gathered], outputs: ['token_vectors'], ints: { to: DataType.FLOAT } }]
      : []),
    { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask_float'], ints: { to: DataType.FLOAT } },
    { op: 'Unsqueeze', inputs: ['mask_float', 'axes_last'], outputs: ['mask_3d'] },
    { op: 'Mul', inputs: ['token_vectors', 'mask_3d'], outputs: ['last_hidden_state'] },
    // Σ over the sequence as a batched MatMul [B,1,S]×[B,S,D] rather than ReduceSum: onnxruntime
    // 1.14 mishandles ReduceSum over a zero-length axis, and a batch of empty strings tokenizes
    // to sequence_length 0. (Pad rows are zero anyway; the mask keeps the sum honest if not.)
    { op: 'Unsqueeze', inputs: ['mask_float', 'axes_seq'], outputs: ['mask_row'] },
    { op: 'MatMul', inputs: ['mask_row', 'token_vectors'], outputs: ['summed_3d'] },
    { op: 'Squeeze', inputs: ['summed_3d', 'axes_seq'], outputs: ['summed'] },
    { op: 'Mul', inputs: ['summed', 'summed'], outputs: ['squared'] },
    { op: 'ReduceSum', inputs: ['squared', 'axes_last'], outputs: ['sum_squares'], ints: { keepdims: 1 } },
    { op: 'Sqrt', inputs: ['sum_squares'], outputs: ['norm'] },
    { op: 'Max', inputs: ['norm', 'epsilon'], outputs: ['safe_norm'] },
    { op: 'Div', inputs: ['summed', 'safe_norm'], outputs: ['sentence_embedding'] },
  ];

  const graph = new Msg();
  for (const [i, n] of nodes.entries()) graph.msg(1, nodeProto(n, i));
  graph.string(2, 'static_embedding');
  for (const t of initializers) graph.msg(5, t);
  graph.msg(11, valueInfo('input_ids', DataType.INT64, ['batch_size', 'sequence_length']));
  graph.msg(11, valueInfo('attention_mask', DataType.INT64, ['batch_size', 'sequence_length']));
  graph.msg(12, valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'sequence_length', dim]));
  graph.msg(12, valueInfo('sentence_embedding', DataType.FLOAT, ['batch_size', dim]));

  const model = new Msg();
  model.int(1, 8); // ir_version
  model.string(2, 'shuangchuang-match/scripts/build-model'); // producer_name
  model.string(3, '1'); // producer_version
  model.int(5, 1); // model_version
  if (opts.docString) model.string(6, opts.docString);
  model.msg(7, graph);
  model.msg(8, new Msg().string(1, '').int(2, 13)); // opset_import: default domain, opset 13
  for (const [key, value] of Object.entries(opts.metadata ?? {})) {
    model.msg(14, new Msg().string(1, key).string(2, value));
  }
  return model.finish();
}
