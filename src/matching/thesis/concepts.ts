// The thesis lexicon (seeds/lexicon/thesis.ts) compiled into matchers, one per family of concepts.
import {
  type BusinessConcept,
  type Concept,
  type GroupConcept,
  type InstrumentConcept,
  type UseConcept,
  businessConcepts,
  groupConcepts,
  instrumentConcepts,
  useConcepts,
} from '../../../seeds/lexicon/thesis.ts';
import type { LexiconEntry } from '../../../seeds/lexicon/types.ts';
import { compileLexicon, type LexiconMatcher } from '../infer.ts';
import type { Texts } from '../types.ts';

export type { BusinessConcept, GroupConcept, InstrumentConcept, UseConcept };

/** Tibetan phrases match as substrings, like Chinese ones: they join the `zh` list. */
const asLexicon = <K extends string>(concepts: Record<K, Concept>): Record<K, LexiconEntry> =>
  Object.fromEntries(
    Object.entries<Concept>(concepts).map(([k, c]) => [
      k,
      { zh: [...c.zh, ...c.bo.map((phrase) => ({ phrase, weight: 1 }))], en: c.en, exclude: c.exclude },
    ]),
  ) as Record<K, LexiconEntry>;

const lazy = <K extends string>(concepts: Record<K, Concept>) => {
  let m: LexiconMatcher<K> | undefined;
  return (text: string): Map<K, number> => {
    m ??= compileLexicon(asLexicon(concepts));
    return new Map(m.match(text).map((x) => [x.key, Math.min(1, x.score)]));
  };
};

/** Concepts of each family found in a text, with their score (≥ the lexicon's threshold). */
export const findBusiness = lazy<BusinessConcept>(businessConcepts);
export const findGroups = lazy<GroupConcept>(groupConcepts);
export const findUses = lazy<UseConcept>(useConcepts);
export const findInstruments = lazy<InstrumentConcept>(instrumentConcepts);

const ALL: Record<string, Concept> = { ...businessConcepts, ...groupConcepts, ...useConcepts, ...instrumentConcepts };
/** A concept's label in every language. */
export const conceptLabel = (key: string): Texts => ALL[key]?.label ?? { zh: key, en: key, bo: key };
