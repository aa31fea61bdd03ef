// The bilingual domain lexicon used by src/matching/infer.ts (see ./types.ts for how to read and edit it).
export { topicLexicon } from './topics.ts';
export { sectorLexicon, type LexiconSector } from './sectors.ts';
export { type LexiconEntry, type LexiconPhrase, tier } from './types.ts';
