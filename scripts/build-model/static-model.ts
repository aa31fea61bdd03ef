/**
 * Writes a static (lookup-table) embedding model in the layout transformers.js
 * 2.17 loads with `pipeline('feature-extraction', id, { quantized: false })`:
 *
 *   <outDir>/config.json             model_type "bert" → AutoModel picks BertModel,
 *                                    an encoder-only model that feeds the ONNX
 *                                    session whatever inputs it declares.
 *   <outDir>/tokenizer.json          Unigram model + Split pre-tokenizer (see below)
 *   <outDir>/tokenizer_config.json   tokenizer_class "PreTrainedTokenizer" (no warning),
 *                                    pad/unk tokens, model_max_length
 *   <outDir>/onnx/model.onnx         see onnx.ts (loaded when quantized: false)
 *   <outDir>/onnx/model_quantized.onnx  hard link to model.onnx (copy if linking
 *                                    fails), only with `writeQuantizedAlias`: the
 *                                    pipeline's default `quantized: true` loads this
 *                                    name. There is nothing to quantize in a lookup
 *                                    table; the alias just makes the default work.
 *   <outDir>/model-card.json
 *
 * Tokenizer design. transformers.js supports WordPiece, BPE and Unigram models.
 * WordPiece's greedy longest-match over `##`-prefixed pieces is forward
 * maximum matching at best and turns a whole run of Chinese into [UNK] as soon
 * as one character is unknown. Unigram instead runs a Viterbi search over a
 * trie of the vocabulary, maximising Σ score(piece); with score = log P(word)
 * that is exactly jieba's dictionary-based (non-HMM) segmentation, and
 * characters covered by no piece become [UNK] individually (consecutive ones
 * fused) instead of swallowing their neighbours. So plain text goes in, and
 * dictionary words come out, with no jieba call at embed time.
 *
 *   normalizer:    NFKC (full-width → ASCII, compatibility ideographs) + Lowercase
 *   pre_tokenizer: Split, keeping matches of PRETOKENIZE_PATTERN: runs of Han
 *                  characters | Latin/digit words (with inner - ' . & joiners) |
 *                  any other single non-space character. Scripts never mix
 *                  inside a pre-token, so English and Chinese pieces never
 *                  compete in one lattice. Punctuation becomes its own pre-token
 *                  and maps to [UNK] (a zero row), so a non-blank text never
 *                  tokenizes to an empty sequence.
 *   model:         Unigram; id 0 [PAD], id 1 [UNK] (both zero rows), then the vocab.
 *   post_processor / decoder: none (decode() joins tokens with spaces — handy
 *                  for inspecting the segmentation).
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStaticEmbeddingOnnx } from './onnx.js';

export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';

/**
 * JS regex source (compiled by transformers.js with the `gu` flags).
 * `\p{Script=Han}` is JS syntax; Rust `tokenizers` would need `\p{Han}`.
 */
export const PRETOKENIZE_PATTERN =
  '[\\p{Script=Han}\\u3007]+' +
  "|(?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+(?:['’\\-.&](?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+)*" +
  '|[^\\s\\p{L}\\p{N}\\p{M}]';

export interface StaticModelInput {
  /** Destination folder (created; existing model files are overwritten). */
  outDir: string;
  /** token → vector. All vectors must have the same length, which becomes the model dimension. */
  vocab: Map<string, Float32Array>;
  /**
   * token → pooling weight (e.g. IDF). Each row is stored as weight × vector/‖vector‖, so
   * mean pooling + L2 normalisation yields the weight-averaged direction. Default 1.
   */
  weights?: Map<string, number>;
  /**
   * token → Unigram score (log-probability) used to choose between segmentations.
   * Default: equal scores, i.e. the segmentation with the fewest pieces wins.
   */
  scores?: Map<string, number>;
  /** Keep rows as given instead of unit-normalising them before weighting. */
  keepRowNorms?: boolean;
  /** Table storage inside model.onnx (computation is float32 either way). Default float32. */
  storage?: 'float32' | 'float16';
  /** Truncation limit written to tokenizer_config.json. Default 2048. */
  maxLength?: number;
  /** Also write onnx/model_quantized.onnx (same bytes). Default false. */
  writeQuantizedAlias?: boolean;
  /** Extra fields for model-card.json (id, sources, licenses, ...); the computed fields win. */
  card?: Record<string, unknown>;
}

export interface StaticModelResult {
  outDir: string;
  vocabSize: number;
  dimensions: number;
  onnxBytes: number;
}

export function buildStaticModel(input: StaticModelInput): StaticModelResult {
  const { outDir, vocab } = input;
  const storage = input.storage ?? 'float32';
  const maxLength = input.maxLength ?? 2048;

  let dim = -1;
  for (const [token, v] of vocab) {
    if (dim < 0) dim = v.length;
    if (v.length !== dim) throw new Error(`vector of ${JSON.stringify(token)} has ${v.length} dims, expected ${dim}`);
    if (token === PAD_TOKEN || token === UNK_TOKEN) throw new Error(`${token} is reserved`);
    if (!token) throw new Error('empty token');
  }
  if (dim <= 0) throw new Error('vocab is empty');

  // ----- embedding table: rows 0 ([PAD]) and 1 ([UNK]) stay zero -----
  const tokens = [PAD_TOKEN, UNK_TOKEN, ...vocab.keys()];
  const vocabSize = tokens.length;
  const table = new Float32Array(vocabSize * dim);
  let row = 2;
  for (const [token, v] of vocab) {
    let norm = 1;
    if (!input.keepRowNorms) {
      let ss = 0;
      for (let i = 0; i < dim; i++) ss += v[i]! * v[i]!;
      norm = Math.sqrt(ss);
    }
    const w = input.weights?.get(token) ?? 1;
    const scale = norm > 0 ? w / norm : 0;
    const off = row * dim;
    for (let i = 0; i < dim; i++) table[off + i] = v[i]! * scale;
    row++;
  }

  // ----- tokenizer -----
  const defaultScore = -Math.log(vocabSize);
  // 4 decimals are plenty for choosing segmentations and keep tokenizer.json small and fast to parse.
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const pieces: [string, number][] = tokens.map((t, i) => [
    t,
    i < 2 ? 0 : round4(input.scores?.get(t) ?? defaultScore),
  ]);
  const addedToken = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [addedToken(0, PAD_TOKEN), addedToken(1, UNK_TOKEN)],
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] },
    pre_tokenizer: { type: 'Split', pattern: { Regex: PRETOKENIZE_PATTERN }, behavior: 'Removed', invert: true },
    post_processor: null,
    decoder: null,
    model: { type: 'Unigram', unk_id: 1, byte_fallback: false, vocab: pieces },
  };
  const tokenizerConfig = {
    tokenizer_class: 'PreTrainedTokenizer',
    model_max_length: maxLength,
    pad_token: PAD_TOKEN,
    unk_token: UNK_TOKEN,
    clean_up_tokenization_spaces: false,
  };
  const config = {
    // Any encoder-only type works: transformers.js only uses it to pick BertModel, which
    // feeds the session's declared inputs (input_ids, attention_mask) and returns its outputs.
    model_type: 'bert',
    architectures: ['StaticEmbeddingModel'],
    hidden_size: dim,
    vocab_size: vocabSize,
    max_position_embeddings: maxLength,
    pad_token_id: 0,
    static_embedding: { pooling: 'mean', normalize: true, storage },
  };

  // ----- ONNX -----
  const onnx = buildStaticEmbeddingOnnx({
    table,
    vocabSize,
    dim,
    storage,
    docString: 'Static embedding: token lookup (IDF-weighted unit rows) → masked sum → L2 normalise.',
    metadata: { pooling: 'mean', normalize: 'true', dimensions: String(dim) },
  });

  mkdirSync(join(outDir, 'onnx'), { recursive: true });
  writeFileSync(join(outDir, 'onnx', 'model.onnx'), onnx);
  const quantizedPath = join(outDir, 'onnx', 'model_quantized.onnx');
  rmSync(quantizedPath, { force: true });
  if (input.writeQuantizedAlias) {
    // A hard link costs no disk space; fall back to a copy where links are not possible.
    try {
      linkSync(join(outDir, 'onnx', 'model.onnx'), quantizedPath);
    } catch {
      copyFileSync(join(outDir, 'onnx', 'model.onnx'), quantizedPath);
    }
  }
  writeFileSync(join(outDir, 'tokenizer.json'), JSON.stringify(tokenizerJson));
  writeFileSync(join(outDir, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`);
  writeFileSync(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const card = {
    ...input.card,
    dimensions: dim,
    vocabSize,
    pooling: 'mean',
    normalize: true,
    storage,
    maxLength,
    // No build date: the files must be byte-identical on every machine (scripts/build-model/model.sha256).
  };
  writeFileSync(join(outDir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);

  return { outDir, vocabSize, dimensions: dim, onnxBytes: onnx.length };
}
