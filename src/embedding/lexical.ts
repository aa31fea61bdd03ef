// The lexical channel: text segmented into words (jieba for Chinese, lower-cased words for
// English, syllables and two-syllable words for Tibetan) plus the lexicon concepts it states, stored
// as a `simple` tsvector so keyword matches need no Chinese text-search parser in Postgres.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { inferSectors, inferTopics } from '../matching/infer.ts';
import { tibetanTokens } from './tibetan.ts';

let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const TIBETAN_RUN = /[\u0F00-\u0FFF]+/gu;
// English function words say nothing about a match (Chinese ones are single characters, dropped later).
const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or our the their to we with'.split(' '),
);
const NON_HAN = /[^\p{Script=Han}]+/gu;

/**
 * Search words of a text: Chinese cut by jieba in search mode (words and their sub-words; one call
 * for the whole text), Tibetan by tibetan.ts (content syllables and two-syllable words), other
 * scripts split into words; lower-cased, deduplicated.
 */
export function lexicalTokens(text: string): string[] {
  const out = new Set<string>();
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const w of segmenter().cutForSearch(normalized.replace(NON_HAN, ' '), true))
    if (w !== ' ' && w.trim()) out.add(w);
  for (const w of tibetanTokens(normalized)) out.add(w);
  for (const w of normalized.replace(HAN_RUN, ' ').replace(TIBETAN_RUN, ' ').match(WORD) ?? [])
    if (w.length > 1 && !STOP.has(w)) out.add(w);
  return [...out];
}

/**
 * A token per concept of the bilingual lexicon (a topic or sector, seeds/lexicon) the text states in
 * any of its languages: 电商 and e-commerce share no word but one concept, so a Chinese project and
 * an English bio still share keywords now that texts no longer carry both languages' labels. One
 * word Postgres keeps whole (`0concept<key>`: a word of prose does not start with a digit and a name).
 */
export function conceptTokens(text: string): string[] {
  const key = (k: string) => `${CONCEPT}${k.replace(/[^a-z0-9]/g, '')}`;
  return [...inferTopics(text).map((t) => key(t.topic)), ...inferSectors(text).map((t) => key(t.sector))];
}
const CONCEPT = '0concept';
const CONCEPT_TOKEN = /^0concept[a-z0-9]+$/;
/** A concept token (counted in the score; the topic and sector features name the concept). */
export const isConceptToken = (word: string) => CONCEPT_TOKEN.test(word);

/** The words and concepts of a text as one string for `to_tsvector('simple', …)`. */
export const lexicalDocument = (text: string) => [...lexicalTokens(text), ...conceptTokens(text)].join(' ');

/** A keyword as a reader writes it (a Tibetan word's syllables joined by a tsheg again). */
export { tibetanDisplay as displayKeyword } from './tibetan.ts';
