/**
 * Word statistics from the dictionaries `@node-rs/jieba` ships (MIT; the
 * tables are jieba's own dict.txt / idf.txt):
 *
 *  - dict.txt  `word freq pos` (349k lines) — corpus frequencies jieba uses to
 *    pick the most probable segmentation: route score = Σ log(freq / total).
 *    We reuse them as Unigram scores, so the tokenizer's Viterbi search
 *    reproduces jieba's (non-HMM) segmentation over our vocabulary.
 *  - idf.txt   `word idf` (270k lines) — the IDF table of jieba.analyse.
 *
 * The package also exposes both files as `Uint8Array`s via
 * `@node-rs/jieba/dict`; reading the text files directly avoids loading the
 * native segmenter at build time.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './packages.js';

export interface JiebaStats {
  /** word → corpus frequency (dict.txt). */
  freq: Map<string, number>;
  /** Σ freq over dict.txt — the denominator of jieba's log-probabilities. */
  totalFreq: number;
  /** word → IDF (idf.txt). */
  idf: Map<string, number>;
  /** Median IDF: jieba's own default for words missing from idf.txt. */
  medianIdf: number;
  /** All IDF values, ascending (for calibrating English weights to the same scale). */
  sortedIdf: Float64Array;
}

export function loadJieba(): JiebaStats {
  const freq = new Map<string, number>();
  let totalFreq = 0;
  for (const line of readFileSync(packageFile('@node-rs/jieba', 'dict.txt'), 'utf8').split('\n')) {
    const [word, f] = line.trim().split(' ');
    const n = Number(f);
    if (!word || !(n >= 0)) continue;
    freq.set(word, (freq.get(word) ?? 0) + n);
    totalFreq += n;
  }

  const idf = new Map<string, number>();
  for (const line of readFileSync(packageFile('@node-rs/jieba', 'idf.txt'), 'utf8').split('\n')) {
    const [word, v] = line.trim().split(' ');
    const n = Number(v);
    if (!word || !Number.isFinite(n)) continue;
    idf.set(word, n);
  }
  const sortedIdf = Float64Array.from(idf.values()).sort();
  const medianIdf = sortedIdf[sortedIdf.length >> 1] ?? 10;

  return { freq, totalFreq, idf, medianIdf, sortedIdf };
}
