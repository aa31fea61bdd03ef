// Tibetan for the lexical channel. Tibetan writes no spaces: syllables are separated by a tsheg (་)
// and clauses by a shad (།). A syllable alone is a weak keyword (ལག, ཡིག) and the grammatical
// particles (case markers གི/ཀྱི/ལ/ནས, nominalisers པ/བ, copulas ཡིན/ཡོད, plurals ཚོ/རྣམས …) are in
// nearly every Tibetan text, so sharing them made any two Tibetan texts look alike. Tokens are the
// content syllables and every two adjacent content syllables of a clause (most Tibetan words have
// two: བུ་ལོན loan, ལག་རྩལ skill, སྐད་ཡིག language), the particles left out and breaking the pairs.
// A pair is stored as `a-b`: Postgres's `simple` parser splits at a tsheg but keeps a hyphenated
// word whole (with its parts, which are tokens already); displayKeyword writes it back with a tsheg.

const CLAUSE = /[^\u0F40-\u0FBC\u0F0B\u0F0C]+/u; // anything but letters, vowel signs and tsheg ends a clause
const SYLLABLE_MARK = /[\u0F0B\u0F0C]+/u;
const TIBETAN_LETTER = /[\u0F40-\u0F6C]/u;

/** Particles, pronouns and auxiliaries: grammar, not content (never a keyword, they end a word pair). */
const PARTICLES = new Set(
  (
    'གི ཀྱི གྱི ཡི འི གིས ཀྱིས གྱིས ཡིས འིས ལ ར རུ སུ ཏུ དུ ན ནས ལས དང ཏེ དེ སྟེ ཀྱང ཡང འང ཅིང ཤིང ནི ' +
    'ཡིན ཡོད རེད འདུག མིན མེད པ བ མ པོ བོ མོ བར པར བས པས སོ ངོ ཏོ འོ ཅེས ཞེས སོགས ཚོ དག རྣམས ' +
    'འདི ཞིག ཅིག ཤིག གམ ངམ འམ ང ངའི ངས ཁོ ཁོང ཁྱེད ཁྱོད བྱེད བྱས བྱ གང ཅི ཇི'
  ).split(' '),
);

/** A syllable without a fused genitive or final particle (པའི → པ, ལགས་སོའོ stays readable). */
const stem = (syllable: string) =>
  syllable.length > 2 && (syllable.endsWith('འི') || syllable.endsWith('འོ')) ? syllable.slice(0, -2) : syllable;

/** The Tibetan tokens of a (normalised) text: content syllables and adjacent pairs of them. */
export function tibetanTokens(text: string): string[] {
  const out = new Set<string>();
  for (const clause of text.split(CLAUSE)) {
    if (!TIBETAN_LETTER.test(clause)) continue;
    let previous: string | null = null;
    for (const raw of clause.split(SYLLABLE_MARK)) {
      if (!raw) continue;
      const syllable = stem(raw);
      if (PARTICLES.has(syllable) || !TIBETAN_LETTER.test(syllable)) {
        previous = null;
        continue;
      }
      out.add(syllable);
      if (previous) out.add(`${previous}-${syllable}`);
      // A fused particle ends the word (འབྲོག་པའི་བུ་ལོན: no pair across པའི).
      previous = syllable === raw ? syllable : null;
    }
  }
  return [...out];
}

const TIBETAN_PAIR = /^([\u0F40-\u0FBC]+)-([\u0F40-\u0FBC]+)$/u;
/** A keyword as written: a Tibetan pair `a-b` as `a་b`, anything else unchanged. */
export const tibetanDisplay = (keyword: string) => keyword.replace(TIBETAN_PAIR, '$1\u0F0B$2');
