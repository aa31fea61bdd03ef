// Cross-lingual reach of the lexical channel without label text: a text in Chinese and one in
// English that state the same lexicon concept share its token; the explanation does not list it.
import { describe, expect, it } from 'vitest';
import { conceptTokens, isConceptToken, lexicalDocument } from '../../src/embedding/lexical.ts';
import { lexical } from '../../src/matching/features.ts';
import type { Profile } from '../../src/matching/types.ts';

const profile = (text: string): Profile => ({
  row: { id: text },
  vector: null,
  lexemes: new Set(lexicalDocument(text).split(' ')),
  topics: {},
  sectors: {},
  inferredTopics: [],
  inferredSectors: [],
});

describe('concept tokens', () => {
  const zh = '想开个网店卖酥油，不会做电商运营';
  const en = 'I coach shop owners on e-commerce operations and online store setup.';

  it('a zh and an en text about the same concept share its token and no word', () => {
    const a = conceptTokens(zh);
    const b = conceptTokens(en);
    const shared = a.filter((t) => b.includes(t));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every(isConceptToken)).toBe(true);
    const words = (t: string) =>
      lexicalDocument(t)
        .split(' ')
        .filter((w) => !isConceptToken(w));
    expect(words(zh).filter((w) => words(en).includes(w))).toEqual([]);
  });

  it('scores the pair above zero and names no concept token as a keyword', () => {
    const r = lexical.compute(profile(zh), profile(en))!;
    expect(r.value).toBeGreaterThan(0);
    const d = r.detail();
    for (const text of [d.zh, d.en, d.bo]) expect(text).not.toMatch(/concept/);
  });

  it('a text stating no concept has none, and no word of prose passes for a concept', () => {
    expect(conceptTokens('')).toEqual([]);
    expect(conceptTokens('今天天气很好 the weather is fine')).toEqual([]);
    const doc = lexicalDocument('concepts, conceptual concept-ecommerce').split(' ');
    expect(doc.filter(isConceptToken)).toEqual(conceptTokens('concepts, conceptual concept-ecommerce'));
    for (const w of ['concepts', 'conceptual', 'concept-ecommerce']) expect(isConceptToken(w)).toBe(false);
  });
});
