// Infers support topics (needs / expertise) and sectors from free text with the bilingual domain lexicon
// (seeds/lexicon). Real applications state needs in prose ("想开个微店卖酥油") and fill the `needs` list
// badly; matching uses the inferred topics next to the declared ones (mergeTopics), and the evidence
// phrases feed explanations such as "从描述中识别出：电子商务（微店）".
//
// Matching rules (see seeds/lexicon/types.ts for the reviewer's view):
// - The text is NFKC-normalised. Chinese phrases match as substrings of the lower-cased text; English
//   phrases match whole words (case-insensitive; CAPS words of the lexicon are case-sensitive acronyms),
//   with simple inflections generated from the lexicon's base forms (loan → loans, file → filed/filing,
//   subsidy → subsidies, ship → shipping); the words of a multi-word phrase may be separated only by
//   spaces, hyphens, slashes, '&' or apostrophes (no sentence punctuation).
// - For a value V, a match is ignored when it lies strictly inside a longer match of a phrase that is
//   also listed under V (创业担保贷款 ⊃ 贷款: only the longer one counts) or in V's `exclude` list
//   (技术推广 ⊃ 推广 is not marketing), and when a negation cue ("不需要", "don't need") precedes it in the
//   same clause.
// - Each distinct matched phrase contributes 0.8 × weight; contributions combine as 1 − Π(1 − cᵢ), so one
//   strong phrase gives 0.8, two give 0.96, and a lone weak phrase (weight ≤ 0.6) stays below the
//   default threshold of 0.5.
// Compiled once (lazily, ~30 ms) into a character trie for Chinese and a word-form index for English; one
// linear scan per text, no regex alternation over the lexicon.
import type { Sector, Topic } from '../../models/enums.ts';
import { labels } from '../../seeds/reference/labels.ts';
import { sectorLexicon } from '../../seeds/lexicon/sectors.ts';
import { topicLexicon } from '../../seeds/lexicon/topics.ts';
import type { LexiconEntry } from '../../seeds/lexicon/types.ts';

/** Default minimum score for a topic/sector to be reported as inferred. */
export const INFER_THRESHOLD = 0.5;
/** Share of a phrase's weight that one match contributes to the score. */
export const PHRASE_FACTOR = 0.8;
/** Inferred topics weigh score × this in mergeTopics; declared ones weigh 1. */
export const INFERRED_WEIGHT = 0.7;

export type InferOptions = {
  /** Minimum score to report (default INFER_THRESHOLD). 0 reports every value with a match. */
  threshold?: number;
};

export type Inference<K extends string> = { key: K; score: number; evidence: string[] };
export type InferredTopic = { topic: Topic; score: number; evidence: string[] };
export type InferredSector = { sector: Sector; score: number; evidence: string[] };

export interface LexiconMatcher<K extends string> {
  /** Values scoring at least the threshold, best first, each with the matched phrases as evidence. */
  match(text: string, options?: InferOptions): Inference<K>[];
  /** Number of distinct compiled phrases per language (including exclusion phrases). */
  readonly size: { zh: number; en: number };
}

// ── Compilation ─────────────────────────────────────────────────────────────────────────────────────

type Target = { key: number; weight: number };
type Phrase = { id: number; targets: Target[]; excludes: number[] };
type TrieNode = { next: Map<number, TrieNode> | null; phrase: Phrase | null };
type EnWord = { forms: Set<string>; caseSensitive: boolean };
type EnPattern = { words: EnWord[]; phrase: Phrase };

const EN_WORD = /[A-Za-z0-9\u00C0-\u024F]+/g;
const EN_SPLIT = /[^A-Za-z0-9\u00C0-\u024F]+/;
const EN_GAP = /^[\s\-\u2010-\u2013/&'\u2019]{1,3}$/;
const ACRONYM = /^(?=.*[A-Z])[A-Z0-9]{2,}$/;
const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'and',
  'or',
  'in',
  'on',
  'at',
  'by',
  'with',
  'our',
  'we',
  'us',
  'from',
  'up',
  'off',
  'no',
  'not',
  'more',
  'how',
  'where',
  'just',
  'only',
  'what',
  'is',
  'are',
  'it',
  'its',
  'into',
  'apply',
]);

/** Inflected surface forms of an English base word (lower-case). */
function inflections(word: string): string[] {
  const w = word;
  if (w.length < 3 || STOPWORDS.has(w) || !/^[a-z]+$/.test(w)) return [w];
  const out = new Set([w, `${w}s`]);
  if (/(s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`);
  if (/[^aeiou]y$/.test(w)) {
    const stem = w.slice(0, -1);
    for (const s of ['ies', 'ied', 'ier', 'iers']) out.add(stem + s);
    out.add(`${w}ing`);
  } else if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    for (const s of ['d', 'r', 'rs']) out.add(w + s);
    out.add(`${stem}ing`);
  } else {
    for (const s of ['ed', 'ing', 'er', 'ers']) out.add(w + s);
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) {
      const doubled = w + w.at(-1);
      for (const s of ['ed', 'ing', 'er', 'ers']) out.add(doubled + s);
    }
  }
  return [...out];
}

function enWords(phrase: string): EnWord[] {
  return phrase
    .normalize('NFKC')
    .split(EN_SPLIT)
    .filter(Boolean)
    .map((w) =>
      ACRONYM.test(w)
        ? { forms: new Set([w, `${w}s`]), caseSensitive: true }
        : { forms: new Set(inflections(w.toLowerCase())), caseSensitive: false },
    );
}

const enKey = (words: EnWord[], phrase: string) =>
  phrase
    .normalize('NFKC')
    .split(EN_SPLIT)
    .filter(Boolean)
    .map((w, i) => (words[i].caseSensitive ? w : w.toLowerCase()))
    .join(' ');

/** Compiles a lexicon (value → zh/en phrases) into a matcher. Throws on malformed entries. */
export function compileLexicon<K extends string>(lexicon: Record<K, LexiconEntry>): LexiconMatcher<K> {
  const keys = Object.keys(lexicon) as K[];
  const zhPhrases = new Map<string, Phrase>();
  const enPhrases = new Map<string, { phrase: Phrase; words: EnWord[] }>();
  let nextId = 0;
  const newPhrase = (): Phrase => ({ id: nextId++, targets: [], excludes: [] });

  const zhPhrase = (raw: string, key: K) => {
    const text = raw.normalize('NFKC').toLowerCase().trim();
    if ([...text].length < 2)
      throw new Error(`lexicon ${key}: Chinese phrase "${raw}" must have at least 2 characters`);
    let p = zhPhrases.get(text);
    if (!p) zhPhrases.set(text, (p = newPhrase()));
    return p;
  };
  const enPhrase = (raw: string, key: K) => {
    const words = enWords(raw);
    if (words.length === 0) throw new Error(`lexicon ${key}: English phrase "${raw}" has no words`);
    const k = enKey(words, raw);
    let entry = enPhrases.get(k);
    if (!entry) enPhrases.set(k, (entry = { phrase: newPhrase(), words }));
    return entry.phrase;
  };
  const addTarget = (p: Phrase, key: number, weight: number, raw: string) => {
    if (!(weight > 0 && weight <= 1)) throw new Error(`lexicon ${keys[key]}: weight of "${raw}" must be in (0, 1]`);
    const existing = p.targets.find((t) => t.key === key);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else p.targets.push({ key, weight });
  };

  keys.forEach((key, k) => {
    const entry = lexicon[key];
    for (const { phrase, weight } of entry.zh) addTarget(zhPhrase(phrase, key), k, weight, phrase);
    for (const { phrase, weight } of entry.en) addTarget(enPhrase(phrase, key), k, weight, phrase);
    // Tibetan has no case and no inflection the matcher could use: it shares the Chinese substring trie.
    for (const { phrase, weight } of entry.tibetan ?? []) addTarget(zhPhrase(phrase, key), k, weight, phrase);
    for (const phrase of entry.exclude?.zh ?? []) zhPhrase(phrase, key).excludes.push(k);
    for (const phrase of entry.exclude?.en ?? []) enPhrase(phrase, key).excludes.push(k);
    for (const phrase of entry.exclude?.tibetan ?? []) zhPhrase(phrase, key).excludes.push(k);
  });

  // Chinese: a character trie; the root is a flat array over UTF-16 units so most characters cost one
  // array read.
  const zhRoot: (TrieNode | undefined)[] = new Array(0x10000);
  for (const [text, phrase] of zhPhrases) {
    let node = (zhRoot[text.charCodeAt(0)] ??= { next: null, phrase: null });
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: null, phrase: null }));
      node = child;
    }
    node.phrase = phrase;
  }

  // English: index every form of a phrase's first word (lower-cased).
  const enIndex = new Map<string, EnPattern[]>();
  for (const { phrase, words } of enPhrases.values()) {
    for (const form of words[0].forms) {
      const f = form.toLowerCase();
      let list = enIndex.get(f);
      if (!list) enIndex.set(f, (list = []));
      if (!list.some((p) => p.phrase === phrase)) list.push({ words, phrase });
    }
  }

  const compiled: Compiled = { zhRoot, enIndex, keyCount: keys.length };
  const match = (input: string, options: InferOptions = {}): Inference<K>[] => {
    if (typeof input !== 'string' || input.length === 0) return [];
    const text = input.normalize('NFKC');
    let lower = text.toLowerCase();
    // Offsets must line up between the two (a few characters change length when lower-cased, e.g. İ).
    if (lower.length !== text.length) lower = text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    const hits: Hit[] = [];
    if (scanChinese(compiled, lower, hits)) scanEnglish(compiled, text, hits);
    if (hits.length === 0) return [];
    const scored = score(compiled, text, lower, hits, options.threshold ?? INFER_THRESHOLD);
    return scored.map((r) => ({ key: keys[r.key], score: r.score, evidence: r.evidence }));
  };

  return { match, size: { zh: zhPhrases.size, en: enPhrases.size } };
}

// ── Scanning and scoring (hot path: module-level functions, no per-call closures) ─────────────────

type Compiled = { zhRoot: (TrieNode | undefined)[]; enIndex: Map<string, EnPattern[]>; keyCount: number };
type Hit = { phrase: Phrase; start: number; end: number; zh: boolean };
type Token = { raw: string; lower: string; start: number; end: number };
type Counted = { id: number; weight: number; start: number; end: number; zh: boolean };
type Scored = { key: number; score: number; evidence: string[] };

/** Adds Chinese hits (every phrase starting at every position); returns whether the text has Latin letters. */
function scanChinese(c: Compiled, lower: string, hits: Hit[]): boolean {
  let hasLatin = false;
  const n = lower.length;
  const root = c.zhRoot;
  for (let i = 0; i < n; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x250 && ((code >= 0x61 && code <= 0x7a) || code >= 0xc0)) hasLatin = true;
    let node = root[code];
    if (node === undefined) continue;
    let j = i + 1;
    for (;;) {
      if (node.phrase !== null) hits.push({ phrase: node.phrase, start: i, end: j, zh: true });
      if (node.next === null || j >= n) break;
      const child: TrieNode | undefined = node.next.get(lower.charCodeAt(j));
      if (child === undefined) break;
      node = child;
      j++;
    }
  }
  return hasLatin;
}

function wordMatches(w: EnWord, t: Token): boolean {
  return w.forms.has(w.caseSensitive ? t.raw : t.lower);
}

function scanEnglish(c: Compiled, text: string, hits: Hit[]) {
  const tokens: Token[] = [];
  EN_WORD.lastIndex = 0;
  for (let m = EN_WORD.exec(text); m !== null; m = EN_WORD.exec(text)) {
    tokens.push({ raw: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  for (let i = 0; i < tokens.length; i++) {
    const candidates = c.enIndex.get(tokens[i].lower);
    if (candidates === undefined) continue;
    for (const { words, phrase } of candidates) {
      if (!wordMatches(words[0], tokens[i])) continue;
      let j = 1;
      for (; j < words.length; j++) {
        const prev = tokens[i + j - 1];
        const next = tokens[i + j];
        if (next === undefined || !wordMatches(words[j], next) || !EN_GAP.test(text.slice(prev.end, next.start))) break;
      }
      if (j === words.length) hits.push({ phrase, start: tokens[i].start, end: tokens[i + j - 1].end, zh: false });
    }
  }
}

function weightFor(p: Phrase, key: number): number {
  for (const t of p.targets) if (t.key === key) return t.weight;
  return 0;
}

/** Whether hit `a` does not count for `key`: inside a longer hit of the same value or of one of its exclusions,
 *  or on the same span as a stronger phrase of the same value. */
function blockedFor(
  hits: Hit[],
  a: number,
  key: number,
  weight: number,
  negation: Int8Array,
  text: string,
  lower: string,
) {
  const h = hits[a];
  const len = h.end - h.start;
  for (let b = 0; b < hits.length; b++) {
    if (b === a) continue;
    const o = hits[b];
    if (o.start > h.start || o.end < h.end) continue;
    const ow = weightFor(o.phrase, key);
    if (o.end - o.start > len) {
      if (ow > 0 || o.phrase.excludes.includes(key)) return true;
    } else if (
      (ow > weight || (ow === weight && o.phrase.id < h.phrase.id)) &&
      !isNegated(hits, b, negation, text, lower)
    ) {
      return true;
    }
  }
  return false;
}

function isNegated(hits: Hit[], i: number, negation: Int8Array, text: string, lower: string): boolean {
  if (negation[i] === 0)
    negation[i] = (hits[i].zh ? negatedZh(lower, hits[i].start) : negatedEn(text, hits[i].start)) ? 1 : 2;
  return negation[i] === 1;
}

function byWeightThenPosition(a: Counted, b: Counted) {
  return b.weight - a.weight || a.start - b.start;
}

function byScoreThenKey(a: Scored, b: Scored) {
  return b.score - a.score || a.key - b.key;
}

function score(c: Compiled, text: string, lower: string, hits: Hit[], threshold: number): Scored[] {
  const negation = new Int8Array(hits.length); // 0 unknown, 1 negated, 2 not negated
  const perKey: (Counted[] | undefined)[] = new Array(c.keyCount);
  for (let a = 0; a < hits.length; a++) {
    const h = hits[a];
    for (const t of h.phrase.targets) {
      if (blockedFor(hits, a, t.key, t.weight, negation, text, lower)) continue;
      if (isNegated(hits, a, negation, text, lower)) break;
      const counted = (perKey[t.key] ??= []);
      if (!counted.some((x) => x.id === h.phrase.id))
        counted.push({ id: h.phrase.id, weight: t.weight, start: h.start, end: h.end, zh: h.zh });
    }
  }
  const out: Scored[] = [];
  const titleEnd = titleEndOf(text);
  for (let k = 0; k < perKey.length; k++) {
    const counted = perKey[k];
    if (counted === undefined) continue;
    let miss = 1;
    for (const { weight } of counted) miss *= 1 - PHRASE_FACTOR * weight;
    // A value named in the title or stated as a need or a problem is central to the text, not in passing.
    // Only a value the phrases already signal on their own: a cue does not turn a weak phrase into a need.
    if (
      1 - miss >= threshold &&
      counted.some((h) => h.end <= titleEnd || (h.zh ? cuedZh(lower, h.start) : cuedEn(lower, h.start)))
    )
      miss *= 1 - CENTRAL_BOOST;
    const s = Math.round((1 - miss) * 1000) / 1000;
    if (s < threshold || s === 0) continue;
    counted.sort(byWeightThenPosition);
    const evidence: string[] = [];
    const seen: string[] = [];
    for (const { start, end } of counted) {
      const norm = lower.slice(start, end);
      if (seen.includes(norm)) continue;
      seen.push(norm);
      evidence.push(text.slice(start, end));
    }
    out.push({ key: k, score: s, evidence });
  }
  return out.sort(byScoreThenKey);
}

// ── Centrality: the title, and needs or problems stated as such ─────────────────────────────────────

/** Share of what a value's score still misses that a central mention adds (0.8 → 0.9, 0.56 → 0.78). */
export const CENTRAL_BOOST = 0.5;
/** A first line at most this long, followed by more text, is a title. */
const TITLE_MAX = 40;
const ZH_NEED_CUES = [
  '不知道',
  '不懂',
  '看不懂',
  '搞不清',
  '不清楚',
  '不会',
  '需要',
  '急需',
  '缺',
  '想',
  '希望',
  '打算',
  '找',
  '请人',
  '帮忙',
  '帮我们',
  '担心',
  '怕',
  '要求',
  '难',
  '问题',
  '怎么',
  '如何',
  '学会',
  '想学',
  'མི་ཤེས',
  'དགོས',
];
const EN_NEED_CUE =
  /\b(?:need|needs|want|wants|looking for|help|don['’]t know|do not know|not sure|struggl\w*|how to|hope|have to|must|require[sd]?|worried|problem|learn)\b/;

/** Where the title ends (0 when the text has none): a short first line followed by more text. */
function titleEndOf(text: string): number {
  const nl = text.indexOf('\n');
  return nl > 0 && nl <= TITLE_MAX && text.length > nl + 1 ? nl : 0;
}

/** A need cue ("不知道怎么", "想", "需要") in the 10 characters before `start`, within the same clause. */
function cuedZh(lower: string, start: number): boolean {
  let from = start;
  while (from > 0 && start - from < 10 && !ZH_CLAUSE.includes(lower[from - 1])) from--;
  if (from === start) return false;
  const window = lower.slice(from, start);
  for (const cue of ZH_NEED_CUES) if (window.includes(cue)) return true;
  return false;
}

/** An English need cue ("we need", "don't know how to") in the 40 characters before `start`, within the same clause. */
function cuedEn(lower: string, start: number): boolean {
  const parts = lower.slice(Math.max(0, start - 40), start).split(EN_CLAUSE);
  return EN_NEED_CUE.test(parts[parts.length - 1]);
}

// ── Negation ────────────────────────────────────────────────────────────────────────────────────────

const ZH_NEGATION = ['不需要', '无需', '不打算', '不考虑', '不涉及', '无意', '不想要', '暂不'];
const ZH_CLAUSE = '，。；！？,.;!?\n：:';
const EN_NEGATION =
  /\b(?:no need (?:for|of|to)|(?:do|does|did) not need|(?:don|doesn|didn)['’]t need|no longer need|not looking for|not interested in|not need)\b/i;
const EN_CLAUSE = /[.;!?,\n]/;

/** A Chinese negation cue in the 8 characters before `start`, within the same clause. */
function negatedZh(lower: string, start: number): boolean {
  let from = start;
  let cueChar = false;
  while (from > 0 && start - from < 8) {
    const ch = lower[from - 1];
    if (ZH_CLAUSE.includes(ch)) break;
    if (ch === '不' || ch === '无' || ch === '暂') cueChar = true;
    from--;
  }
  if (!cueChar) return false;
  const window = lower.slice(from, start);
  for (const cue of ZH_NEGATION) if (window.includes(cue)) return true;
  return false;
}

/** An English negation cue in the 40 characters before `start`, within the same clause. */
function negatedEn(text: string, start: number): boolean {
  let window = text.slice(Math.max(0, start - 40), start);
  const parts = window.split(EN_CLAUSE);
  window = parts[parts.length - 1];
  return window.length > 5 && EN_NEGATION.test(window);
}

// ── Topics and sectors ──────────────────────────────────────────────────────────────────────────────

let topicMatcher: LexiconMatcher<Topic> | undefined;
let sectorMatcher: LexiconMatcher<Exclude<Sector, 'other'>> | undefined;

/** The compiled topic lexicon (compiled on first use). */
export const topicsMatcher = () => (topicMatcher ??= compileLexicon(topicLexicon));
/** The compiled sector lexicon (compiled on first use). */
export const sectorsMatcher = () => (sectorMatcher ??= compileLexicon(sectorLexicon));

/** Topics signalled by a text (needs of a project, expertise of a mentor …), best first, with evidence. */
export function inferTopics(text: string, options?: InferOptions): InferredTopic[] {
  return topicsMatcher()
    .match(text, options)
    .map(({ key, score, evidence }) => ({ topic: key, score, evidence }));
}

/** Sectors signalled by a text, best first, with evidence. Never returns `other`. */
export function inferSectors(text: string, options?: InferOptions): InferredSector[] {
  return sectorsMatcher()
    .match(text, options)
    .map(({ key, score, evidence }) => ({ sector: key, score, evidence }));
}

function merge<K extends string>(declared: readonly K[], inferred: readonly { key: K; score: number }[]) {
  const weights: Partial<Record<K, number>> = {};
  for (const { key, score } of inferred) {
    if (!(score > 0)) continue;
    // score ≤ 1, so an inferred weight is at most INFERRED_WEIGHT (0.7), below any declared one
    const w = Math.round(Math.min(1, score) * INFERRED_WEIGHT * 1000) / 1000;
    if ((weights[key] ?? 0) < w) weights[key] = w;
  }
  for (const key of declared) weights[key] = 1;
  return weights;
}

/**
 * Topic weights for matching: declared topics weigh 1.0, inferred ones score × 0.7 (so at most 0.7,
 * always below a declared topic); a topic both declared and inferred weighs 1.0.
 */
export function mergeTopics(
  declared: readonly Topic[],
  inferred: readonly { topic: Topic; score: number }[],
): Partial<Record<Topic, number>> {
  return merge(
    declared,
    inferred.map((i) => ({ key: i.topic, score: i.score })),
  );
}

/** Sector weights, same rule as mergeTopics: declared 1.0, inferred score × 0.7. */
export function mergeSectors(
  declared: readonly Sector[],
  inferred: readonly { sector: Sector; score: number }[],
): Partial<Record<Sector, number>> {
  return merge(
    declared,
    inferred.map((i) => ({ key: i.sector, score: i.score })),
  );
}

/**
 * A one-line explanation of inferred topics or sectors, e.g.
 * "从描述中识别出：电子商务（微店）；市场营销（推广、定价）" / "Identified from the description: E-commerce (online store)".
 * The evidence is quoted from the prose as written, in every language.
 */
export function describeInferred(
  items: readonly (InferredTopic | InferredSector)[],
  lang: 'zh' | 'en' | 'bo' = 'zh',
  { maxEvidence = 3, source }: { maxEvidence?: number; source?: { zh: string; en: string; bo?: string } } = {},
): string {
  if (items.length === 0) return '';
  const parts = items.map((item) => {
    const label = 'topic' in item ? labels.topic[item.topic][lang] : labels.sector[item.sector][lang];
    const ev = item.evidence.slice(0, maxEvidence);
    if (ev.length === 0) return label;
    return lang === 'zh' ? `${label}（${ev.join('、')}）` : `${label} (${ev.join(', ')})`;
  });
  if (lang === 'zh') return `${source?.zh ?? '从描述中识别出'}：${parts.join('；')}`;
  if (lang === 'en') return `${source?.en ?? 'Identified from the description'}: ${parts.join('; ')}`;
  return `${source?.bo ?? 'འགྲེལ་བཤད་ནང་ནས་ངོས་འཛིན་བྱས་པ'}: ${parts.join('། ')}`;
}
