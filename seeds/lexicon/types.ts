// Shape of the bilingual domain lexicon (seeds/lexicon/topics.ts, seeds/lexicon/sectors.ts) that
// src/matching/infer.ts uses to read needs, expertise and sectors out of free text.
//
// HOW TO REVIEW / EDIT (for center staff):
// - Each Topic / Sector value has a Chinese (`zh`) and an English (`en`) list of phrases that signal it,
//   and optionally a Tibetan (`tibetan`) list (matched like Chinese: as a substring; write whole words with
//   their tsheg, e.g. ཁྱབ་བསྒྲགས, never a lone syllable that occurs inside unrelated words).
// - `weight` says how strongly a phrase signals the value on its own:
//     1.0  unambiguous (电商, 增值税, 创业担保贷款, photovoltaic)
//     0.8–0.9  strong but can occasionally mean something else
//     0.7  enough on its own, but only just
//     0.5–0.6  weak / ambiguous: needs a second phrase of the same value before the value is inferred
//   (scoring: each distinct matched phrase contributes 0.8 × weight, combined as 1 − Π(1 − 0.8·w);
//   a value is inferred at score ≥ 0.5, i.e. one phrase of weight ≥ 0.65, or two weaker ones.)
// - Chinese phrases match anywhere in the text (after Unicode NFKC normalisation and lower-casing), so
//   never add a single character (电, 税) — it would match inside unrelated words. Two characters is
//   the minimum; prefer three or more when a two-character word is ambiguous.
// - English phrases match whole words, case-insensitively; simple inflections are matched
//   automatically (loan → loans, file → filed/filing, subsidy → subsidies, ship → shipping,
//   market → marketer), so list the base form. Words written in CAPITALS (VAT, IP, SC, AI, PV) are
//   acronyms: they match only in capitals (so "vat" the brewing vessel or "it" are not matched),
//   with an optional plural "s".
// - The same phrase may be listed under several values (跨境电商 is both ecommerce and
//   border_trade_logistics), with a different weight for each.
// - When a longer phrase of a value contains a shorter phrase of the same value (创业担保贷款 ⊃ 贷款), only
//   the longer one counts, with its own weight.
// - `exclude`: longer expressions that contain one of the value's phrases but do NOT signal the value
//   (技术推广 is agricultural extension, not marketing; 收回投资 is payback, not fundraising). A match
//   inside an excluded expression is ignored for that value only.
// - Negation ("不需要贷款", "we don't need a loan") is handled in the matcher, not here.

export type LexiconPhrase = { phrase: string; weight: number };

export type LexiconEntry = {
  /** Chinese phrases (simplified). Substring match on NFKC-normalised, lower-cased text. */
  zh: LexiconPhrase[];
  /** English phrases. Whole-word, case-insensitive match with simple inflections; CAPS words are acronyms. */
  en: LexiconPhrase[];
  /** Tibetan phrases (Unicode Tibetan script, syllables joined by the tsheg ་). Substring match, as for Chinese. */
  tibetan?: LexiconPhrase[];
  /** Longer expressions containing one of the phrases above that must not count for this value. */
  exclude?: { zh?: string[]; en?: string[]; tibetan?: string[] };
};

/** A group of phrases sharing one weight — keeps the lists short and reviewable by strength. */
export const tier = (weight: number, phrases: string[]): LexiconPhrase[] =>
  phrases.map((phrase) => ({ phrase, weight }));
