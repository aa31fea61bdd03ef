/**
 * Composes the bilingual zh/en static vocabulary:
 *
 *   English word  → its GloVe vector (post-processed, see below).
 *   Chinese word  → weighted mean of the vectors of its CC-CEDICT English
 *                   glosses: each sense is the IDF-weighted mean of its words
 *                   (stop-words and CEDICT meta-language dropped), senses are
 *                   averaged with decaying weight (earlier senses are the
 *                   primary ones), and pointer senses ("see X", "abbr. for X",
 *                   "variant of X") borrow the referenced headword's vector.
 *
 * Both languages therefore live in the same GloVe space, which is what makes
 * 牦牛酸奶加工 land near "yak yogurt processing".
 *
 * Weights (folded into the rows by buildStaticModel):
 *   Chinese  jieba's IDF table (median IDF for words it lacks, as jieba does).
 *   English  no IDF table ships with the inputs, so the GloVe frequency rank is
 *            mapped onto jieba's IDF distribution by quantile: the word at
 *            relative frequency position q gets jieba's q-quantile IDF ("the" ≈
 *            的 ≈ 0.9, mid-frequency content words ≈ 8–11). This keeps the two
 *            languages on one scale when a text mixes them.
 *
 * Segmentation scores (Unigram log-probabilities):
 *   Chinese  log(freq / total) from jieba's dict.txt (freq 1 if absent — jieba's rule).
 *   English  Zipf estimate from the GloVe rank; only decides how an
 *            out-of-vocabulary word is split into known pieces.
 *
 * Vocabulary (defaults → ~169k tokens, 34 MB as float16):
 *   - simplified CEDICT headwords made only of Han characters (mixed ones like
 *     3D打印 cannot be produced by the pre-tokenizer), if jieba's dictionary
 *     knows them or they are ≤ 2 characters; every single character is kept,
 *     being the fallback for words outside the vocabulary;
 *   - traditional forms of single characters and of words with jieba freq ≥ 100,
 *     sharing the simplified vector;
 *   - the 40k most frequent GloVe words plus GloVe words used in CEDICT glosses
 *     (up to rank 120k), minus single letters: an unknown English word is split
 *     into known pieces (fintech → fin + tech), and dropping single letters stops
 *     unknown strings from decaying into letter noise.
 *
 * GloVe post-processing ("all-but-the-top", Mu & Viswanath 2018): subtract the
 * mean vector and the top principal components. Raw GloVe vectors share a large
 * common direction that makes unrelated texts look ~0.4–0.5 similar; removing it
 * widens the gap between related and unrelated pairs.
 */
import {
  type CedictEntry,
  englishWords,
  GLOSS_STOPWORDS,
  isProperNounEntry,
  loadCedict,
  parseSense,
} from './cedict.js';
import { type GloveTable, loadGlove } from './glove.js';
import { type JiebaStats, loadJieba } from './jieba.js';

export interface BilingualOptions {
  /** Most frequent GloVe words always kept as English tokens. */
  englishTopN: number;
  /** GloVe words that occur in CEDICT glosses are kept up to this rank. */
  englishGlossMaxRank: number;
  /** Principal components removed from GloVe (0 = only centre). */
  removeComponents: number;
  /** GloVe words used to estimate the mean / principal components. */
  statsTopN: number;
  /** Sense k (0-based) within a CEDICT entry gets weight 1 / (1 + senseDecay·k). */
  senseDecay: number;
  /** Weight of an entry whose pinyin is capitalised (proper noun) when the headword also has common readings. */
  properNounWeight: number;
  /** Weight of a borrowed (referenced) vector relative to a sense of its own. */
  refWeight: number;
  /**
   * CEDICT headwords absent from jieba's dictionary are kept only up to this many characters
   * (single characters are always kept: they are the fallback for unknown words).
   */
  maxLengthOutsideJieba: number;
  /**
   * Traditional-character headwords (same vector as their simplified form) are added for single
   * characters and for words whose simplified form has at least this jieba frequency.
   * Infinity = single characters only.
   */
  traditionalMinFreq: number;
  /**
   * Subtracted from every Chinese segmentation score: a small bias towards fewer, longer dictionary
   * words (jieba's own route splits e.g. 外包 "outsourcing" into 外 + 包 because 外包 is rare in its corpus).
   */
  piecePenalty: number;
  /** Drop single-letter English tokens, so unknown words do not decay into letter noise. */
  dropSingleLetters: boolean;
}

export const DEFAULT_BILINGUAL_OPTIONS: BilingualOptions = {
  englishTopN: 40_000,
  englishGlossMaxRank: 120_000,
  removeComponents: 2,
  statsTopN: 50_000,
  senseDecay: 0.5,
  properNounWeight: 0.5,
  refWeight: 0.7,
  maxLengthOutsideJieba: 2,
  traditionalMinFreq: 100,
  piecePenalty: 1,
  dropSingleLetters: true,
};

export interface BilingualVocab {
  dim: number;
  vocab: Map<string, Float32Array>;
  weights: Map<string, number>;
  scores: Map<string, number>;
  stats: Record<string, number>;
}

const HAN_WORD = /^[\p{Script=Han}\u3007]+$/u;
/** A token the tokenizer's pre-tokenizer can produce as a single Latin/digit word. */
const LATIN_WORD = /^(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+(?:['’\-.&](?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)*$/u;

// ---------------------------------------------------------------------------
// GloVe post-processing
// ---------------------------------------------------------------------------

/** Unit-normalises every row, then removes the mean and top components (estimated on the first `statsTopN` rows). */
export function postProcessGlove(g: GloveTable, removeComponents: number, statsTopN: number): Float32Array {
  const { dim } = g;
  const n = g.words.length;
  const out = new Float32Array(g.vectors);
  normaliseRows(out, dim);

  const m = Math.min(statsTopN, n);
  const mean = new Float64Array(dim);
  for (let r = 0; r < m; r++) for (let i = 0; i < dim; i++) mean[i]! += out[r * dim + i]!;
  for (let i = 0; i < dim; i++) mean[i]! /= m;

  // Covariance of the centred sample, then top eigenvectors by power iteration + deflation.
  const cov = new Float64Array(dim * dim);
  const x = new Float64Array(dim);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < dim; i++) x[i] = out[r * dim + i]! - mean[i]!;
    for (let i = 0; i < dim; i++) {
      const xi = x[i]!;
      for (let j = i; j < dim; j++) cov[i * dim + j]! += xi * x[j]!;
    }
  }
  for (let i = 0; i < dim; i++) for (let j = 0; j < i; j++) cov[i * dim + j] = cov[j * dim + i]!;

  const components: Float64Array[] = [];
  for (let c = 0; c < removeComponents; c++) {
    let v = new Float64Array(dim).fill(1 / Math.sqrt(dim));
    for (let it = 0; it < 200; it++) {
      const w = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        let s = 0;
        for (let j = 0; j < dim; j++) s += cov[i * dim + j]! * v[j]!;
        w[i] = s;
      }
      for (const u of components) {
        const d = dot64(w, u);
        for (let i = 0; i < dim; i++) w[i]! -= d * u[i]!;
      }
      const norm = Math.sqrt(dot64(w, w));
      if (norm === 0) break;
      for (let i = 0; i < dim; i++) w[i]! /= norm;
      v = w;
    }
    components.push(v);
  }

  for (let r = 0; r < n; r++) {
    const off = r * dim;
    for (let i = 0; i < dim; i++) x[i] = out[off + i]! - mean[i]!;
    for (const u of components) {
      const d = dot64(x, u);
      for (let i = 0; i < dim; i++) x[i]! -= d * u[i]!;
    }
    for (let i = 0; i < dim; i++) out[off + i] = x[i]!;
  }
  normaliseRows(out, dim);
  return out;
}

function dot64(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normaliseRows(m: Float32Array, dim: number): void {
  for (let off = 0; off < m.length; off += dim) {
    let ss = 0;
    for (let i = 0; i < dim; i++) ss += m[off + i]! * m[off + i]!;
    const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let i = 0; i < dim; i++) m[off + i]! *= inv;
  }
}

function normalise(v: Float32Array): Float32Array | null {
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += v[i]! * v[i]!;
  if (!(ss > 1e-12)) return null;
  const inv = 1 / Math.sqrt(ss);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

// ---------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------

export interface BilingualSources {
  glove: GloveTable;
  jieba: JiebaStats;
  cedict: CedictEntry[];
}

export function loadBilingualSources(): BilingualSources {
  return { glove: loadGlove(), jieba: loadJieba(), cedict: loadCedict() };
}

export function buildBilingualVocab(
  src: BilingualSources,
  opts: BilingualOptions = DEFAULT_BILINGUAL_OPTIONS,
): BilingualVocab {
  const { glove, jieba, cedict } = src;
  const { dim } = glove;
  const unit = postProcessGlove(glove, opts.removeComponents, opts.statsTopN);
  const enRow = (rank: number) => unit.subarray(rank * dim, (rank + 1) * dim);

  // English IDF-like weight by quantile mapping of the frequency rank onto jieba's IDF distribution.
  const nEn = glove.words.length;
  const nIdf = jieba.sortedIdf.length;
  const enIdf = (rank: number) => jieba.sortedIdf[Math.min(nIdf - 1, Math.floor((rank / nEn) * nIdf))]!;
  // Zipf: p(rank) ≈ 1 / ((rank + 1) · H_n).
  const logH = Math.log(Math.log(nEn) + 0.5772);
  const enScore = (rank: number) => -Math.log(rank + 1) - logH;

  /** GloVe ranks for a gloss word; unknown compounds fall back to their parts. */
  const glossRanks = (w: string): number[] => {
    const r = glove.index.get(w);
    if (r !== undefined) return [r];
    const out: number[] = [];
    for (const part of w.split(/['’-]/)) {
      if (!part || GLOSS_STOPWORDS.has(part)) continue;
      const pr = glove.index.get(part);
      if (pr !== undefined) out.push(pr);
    }
    return out;
  };
  const glossWordsSeen = new Set<number>();

  /** IDF-weighted mean of gloss words (unit length), or null. */
  const senseVector = (words: string[]): Float32Array | null => {
    const v = new Float32Array(dim);
    let any = false;
    for (const w of words) {
      for (const r of glossRanks(w)) {
        glossWordsSeen.add(r);
        const wt = enIdf(r);
        const row = enRow(r);
        for (let i = 0; i < dim; i++) v[i]! += wt * row[i]!;
        any = true;
      }
    }
    return any ? normalise(v) : null;
  };

  // ---- pass 1: own glosses ----
  interface Acc {
    vec: Float32Array;
    weight: number;
    refs: { word: string; weight: number }[];
  }
  const acc = new Map<string, Acc>();
  const byHeadword = new Map<string, CedictEntry[]>();
  for (const e of cedict) {
    if (!HAN_WORD.test(e.simplified)) continue; // 3D打印, AA制, ...: unreachable with our pre-tokenizer
    let list = byHeadword.get(e.simplified);
    if (!list) byHeadword.set(e.simplified, (list = []));
    list.push(e);
  }
  for (const [word, entries] of byHeadword) {
    const hasCommon = entries.some((e) => !isProperNounEntry(e));
    const a: Acc = { vec: new Float32Array(dim), weight: 0, refs: [] };
    for (const e of entries) {
      const entryWeight = hasCommon && isProperNounEntry(e) ? opts.properNounWeight : 1;
      let k = 0;
      for (const s of e.senses) {
        const p = parseSense(s);
        if (!p) continue;
        const w = entryWeight / (1 + opts.senseDecay * k++);
        const sv = p.words.length > 0 ? senseVector(p.words) : null;
        if (sv) {
          for (let i = 0; i < dim; i++) a.vec[i]! += w * sv[i]!;
          a.weight += w;
        } else {
          // Pointer sense, or English we have no vectors for: borrow from the referenced headwords.
          for (const r of p.refs)
            if (r !== word) a.refs.push({ word: r, weight: (w * opts.refWeight) / p.refs.length });
        }
      }
      for (const r of e.variantOf) if (r !== word) a.refs.push({ word: r, weight: entryWeight * opts.refWeight });
    }
    acc.set(word, a);
  }

  // ---- own vectors, then up to 2 rounds of borrowing (chains like 箇 → 個|个 → ...) ----
  const zhVec = new Map<string, Float32Array>();
  for (const [word, a] of acc) {
    if (a.weight > 0) {
      const v = normalise(Float32Array.from(a.vec));
      if (v) zhVec.set(word, v);
    }
  }
  for (let round = 0; round < 2; round++) {
    const updates = new Map<string, Float32Array>();
    for (const [word, a] of acc) {
      if (a.refs.length === 0) continue;
      const v = Float32Array.from(a.vec);
      let gained = false;
      for (const { word: r, weight } of a.refs) {
        const rv = zhVec.get(r);
        if (!rv) continue;
        for (let i = 0; i < dim; i++) v[i]! += weight * rv[i]!;
        gained = true;
      }
      if (gained) {
        const nv = normalise(v);
        if (nv) updates.set(word, nv);
      }
    }
    for (const [w, v] of updates) zhVec.set(w, v);
  }

  // ---- assemble ----
  const vocab = new Map<string, Float32Array>();
  const weights = new Map<string, number>();
  const scores = new Map<string, number>();
  const logTotal = Math.log(jieba.totalFreq);
  const zhScore = (w: string) => Math.log(jieba.freq.get(w) ?? 1) - logTotal - opts.piecePenalty;
  const zhIdf = (w: string) => jieba.idf.get(w) ?? jieba.medianIdf;

  let nZh = 0;
  for (const [word, v] of zhVec) {
    if (!jieba.freq.has(word) && [...word].length > opts.maxLengthOutsideJieba) continue;
    vocab.set(word, v);
    weights.set(word, zhIdf(word));
    scores.set(word, zhScore(word));
    nZh++;
  }

  let nTrad = 0;
  for (const e of cedict) {
    const t = e.traditional;
    if (t === e.simplified || vocab.has(t) || !HAN_WORD.test(t)) continue;
    const v = zhVec.get(e.simplified);
    if (!v || !vocab.has(e.simplified)) continue;
    if ([...t].length > 1 && !((jieba.freq.get(e.simplified) ?? 0) >= opts.traditionalMinFreq)) continue;
    vocab.set(t, v);
    weights.set(t, zhIdf(e.simplified));
    // jieba's dictionary is simplified; a traditional form scores like its simplified twin.
    scores.set(t, jieba.freq.has(t) ? zhScore(t) : zhScore(e.simplified));
    nTrad++;
  }

  let nEnWords = 0;
  for (let r = 0; r < nEn; r++) {
    const w = glove.words[r]!;
    if (r >= opts.englishTopN && !(r < opts.englishGlossMaxRank && glossWordsSeen.has(r))) continue;
    if (vocab.has(w) || !LATIN_WORD.test(w) || w.normalize('NFKC').toLowerCase() !== w) continue;
    if (opts.dropSingleLetters && /^\p{L}$/u.test(w)) continue;
    vocab.set(w, enRow(r));
    weights.set(w, enIdf(r));
    scores.set(w, enScore(r));
    nEnWords++;
  }

  return {
    dim,
    vocab,
    weights,
    scores,
    stats: {
      chineseSimplified: nZh,
      chineseTraditional: nTrad,
      english: nEnWords,
      glossWordsUsed: glossWordsSeen.size,
      cedictHeadwords: byHeadword.size,
    },
  };
}

/** Exposed for tests/diagnostics. */
export { englishWords };
