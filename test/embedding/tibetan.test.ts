// Tibetan keywords: content syllables and two-syllable words, grammatical particles left out, and
// the pairs surviving Postgres's `simple` parser (which splits at a tsheg) as the lexical channel stores them.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { lexicalDocument, lexicalTokens, displayKeyword } from '../../src/embedding/lexical.ts';
import { tibetanTokens } from '../../src/embedding/tibetan.ts';
import { resultRows } from '../../src/db/errors.ts';
import { openTestDatabase } from '../harness.ts';

describe('Tibetan tokens', () => {
  it('keeps content syllables and adjacent pairs, drops particles', () => {
    // "I am a thangka painter": ང (I), ཞིག (a), ཡིན (am) are grammar; ཐང་ཀ is one word.
    const tokens = tibetanTokens('ང་ཐང་ཀ་འབྲི་མཁན་ཞིག་ཡིན།');
    expect(tokens).toEqual(expect.arrayContaining(['ཐང', 'ཐང-ཀ', 'འབྲི', 'ཀ-འབྲི']));
    for (const p of ['ང', 'ཞིག', 'ཡིན']) expect(tokens).not.toContain(p);
  });

  it('strips a fused genitive, which ends the word, and never pairs across a particle or a shad', () => {
    // "the farming and herding households' loan"
    const tokens = tibetanTokens('ཞིང་འབྲོག་པའི་བུ་ལོན། སྐད་ཡིག་གི་ལག་རྩལ');
    expect(tokens).toEqual(expect.arrayContaining(['ཞིང-འབྲོག', 'བུ-ལོན', 'སྐད-ཡིག', 'ལག-རྩལ']));
    expect(tokens).not.toContain('པའི');
    expect(tokens.some((t) => t.startsWith('འབྲོག-'))).toBe(false); // པའི is a particle
    expect(tokens).not.toContain('ལོན-སྐད'); // the shad ends the clause
    expect(tokens).not.toContain('ཡིག-ལག'); // གི stands between them
  });

  it('two Tibetan texts that share only grammar share no keyword', () => {
    const a = new Set(lexicalTokens('ང་ནི་སྨན་པ་ཡིན།'));
    const b = lexicalTokens('ཁོ་ནི་ཚོང་པ་ཡིན།');
    expect(b.filter((t) => a.has(t))).toEqual([]);
  });

  it('bad input gives no tokens and no error', () => {
    for (const text of ['', '   ', '།།', '་་་', '༡༢༣', 'ཀྱི་གི་ལ་ནས།', '\u0F0B\u0F0D\u0F14'])
      expect(tibetanTokens(text), JSON.stringify(text)).toEqual([]);
  });

  it('mixed Chinese, English and Tibetan text keeps each script its own way', () => {
    const tokens = lexicalTokens('བོད་ཡིག་གི་རང་འགུལ་ལག་རྩལ། 藏文OCR and speech recognition');
    expect(tokens).toEqual(expect.arrayContaining(['藏文', 'ocr', 'speech', 'recognition', 'བོད-ཡིག', 'ལག-རྩལ']));
    expect(tokens).not.toContain('གི');
    expect(tokens).not.toContain('and');
  });

  it('pairs survive to_tsvector(simple) and read back with a tsheg', async () => {
    const { database, drop } = await openTestDatabase({ empty: true });
    try {
      const doc = lexicalDocument('བུ་ལོན་ཞུ་ཡིག');
      const [row] = resultRows<{ words: string[] }>(
        await database.db.execute(sql`select tsvector_to_array(to_tsvector('simple', ${doc})) as words`),
      );
      expect(row.words).toEqual(expect.arrayContaining(['བུ-ལོན', 'ཞུ-ཡིག', 'བུ', 'ལོན']));
      expect(displayKeyword('བུ-ལོན')).toBe('བུ་ལོན');
      expect(displayKeyword('e-commerce')).toBe('e-commerce');
    } finally {
      await drop();
    }
  });
});
