import type { SQL } from 'drizzle-orm';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import type { Lang as AnyLang } from '../../models/enums.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';

/** The languages an assignment run stores its reasons in. */
export type Lang = 'zh' | 'en';
/** The languages the engine writes reasons in (the contract's Lang). */
export type ReasonLang = AnyLang;
export interface Bilingual {
  zh: string;
  en: string;
}
/** A text in every reason language. */
export interface Texts extends Bilingual {
  bo: string;
}
export interface Reason {
  code: string;
  text: string;
  /** The text's language, given only when it is not the one asked for (a text with no translation reads in Chinese). */
  lang?: ReasonLang;
}
type Row = Record<string, any>;

/** An entity with what matching needs besides its columns: vector, lexical tokens, topic/sector weights. */
export interface Profile {
  row: Row;
  vector: number[] | null;
  lexemes: Set<string>;
  /** Declared topics weigh 1, inferred ones ≤ 0.7 (see infer.ts). */
  topics: Record<string, number>;
  sectors: Record<string, number>;
  inferredTopics: { topic: string; score: number; evidence: string[] }[];
  inferredSectors: { sector: string; score: number; evidence: string[] }[];
  /**
   * A candidate loaded against one source (profileQuery's `against`): its comparison with that
   * source, computed in SQL; `vector` and `lexemes` are then left empty.
   */
  pair?: { similarity: number | null; shared: Set<string>; lexemeCount: number };
  /**
   * A source whose vector was moved off its kind's mean (hub.ts): cos(candidate, vector) × scale +
   * offset is the hub-corrected similarity the semantic feature reads.
   */
  similarityScale?: { scale: number; offset: number };
  /** A source scored against one candidate table: how common each tag is there (tag-stats.ts). */
  tagShares?: TagShares;
}

/** Mean weight of each topic and sector tag over a candidate table's rows, in [0, 1]. */
export interface TagShares {
  topics: Record<string, number>;
  sectors: Record<string, number>;
}

export interface ProjectSource extends Profile {
  founders: Row[];
  /** Mentors/investors with an open or declined introduction to the project. */
  introduced: Set<string>;
  /** Trainings one of the project's founders is enrolled in. */
  enrolledTrainings: Set<string>;
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
}

export interface TrainingSource extends Profile {
  enrolledFounders: Set<string>;
  /** Founders with an invitation to the training (invited, declined or accepted): inviting again is 409. */
  invitedFounders: Set<string>;
}

export interface FeatureValue {
  /** In [0, 1]. */
  value: number;
  /** What the coach reads, e.g. "共同语言：藏文、中文": written only for the results returned (most candidates are only scored). */
  detail: () => Texts;
}

/** A hard eligibility rule: the same rule as a SQL condition (inside the candidate query) and in TypeScript. */
export interface Rule<S> {
  id: string;
  text: Texts;
  /** null when the rule does not apply to this source (an optional field, an empty restriction list). */
  where(s: S): SQL | null;
  check(s: S, c: Profile): boolean;
  /**
   * Reads other tables' rows through a computed column (remaining capacity, seats left): the
   * in-memory candidate index skips it and leaves it to the SQL check of what it returns.
   */
  live?: boolean;
  /** The rule as keys to look up (keyedRule): the candidate index answers it without checking each row. */
  keyed?: Keyed<S>;
  /** The rule as the ids it excludes (excludesRule): the candidate index drops them without checking each row. */
  excludes?: (s: S) => ReadonlySet<string>;
  /** The rule as a range of one number of the candidate (rangeRule): the candidate index reads it from a column of numbers. */
  ranged?: Ranged<S>;
}

/** A rule of the form "the candidate's number, when it has one, lies within the source's range" (e.g. a funding need within a ticket range). */
export interface Ranged<S> {
  /** The candidate row's number, or null (no number: the rule passes). A pure function of the row. */
  of(row: Record<string, any>): number | null;
  /** The inclusive range, or null when the rule does not apply to this source. */
  within(s: S): readonly [number, number] | null;
}

/**
 * A rule of the form "one of the candidate's keys is among the source's values": e.g. the project's
 * sector among the investor's sectors. `values` null: the rule does not apply to this source.
 */
export interface Keyed<S> {
  /** The candidate row's keys (a pure function of the row: the index keeps its answer per row version). */
  of(row: Record<string, any>): readonly string[];
  values(s: S): readonly string[] | null;
}

export interface Feature<S> {
  id: string;
  /**
   * Reads a computed column (Recipe.computed: capacity, past decisions, founder groups), which only
   * SQL has: the candidate index's first ranking (pipeline/score.ts, scoreBound) takes the feature at its best.
   * A function: whether it does for this source (a thesis that names no founders' group never reads them).
   */
  readsComputed?: boolean | ((s: S) => boolean);
  /**
   * Breaks ties rather than decides fit (proximity, own center, language comfort, capacity, policy
   * groups): tie-breakers share at most a small part of a score (tie-breakers.ts).
   */
  tieBreaker?: boolean;
  /** null when the feature cannot be computed for this pair (e.g. no vector yet): it leaves the score's denominator. */
  compute(s: S, c: Profile): FeatureValue | null;
  /** Always explained when it applies, even outside the top contributions (signals a profile does not show, like feedback). */
  alwaysExplained?: boolean;
}

/** What a journey starts from: the source's table, loader and who may ask for its matches (sources.ts). */
export type SourceKind = 'project' | 'investor' | 'training';

/** A journey route's OpenAPI text beyond what its source kind says (sources.ts `api`). */
export interface JourneyApi {
  summary?: string;
  description?: string;
  /** Problem statuses besides 400, 401 and 404. */
  problems?: number[];
}

/**
 * One match journey, a recipe file each, listed once in recipes/index.ts: journeys.ts derives the
 * routes, the rate limiter's paths, the weight sets, the console's tabs and the benchmarks from it.
 */
export interface Recipe<S> {
  /** `<source>.<target>`, e.g. `project.mentors`: the key of its weights and metrics. */
  id: string;
  /** The journey is served at GET /v1/<the source kind's collection>/{id}/matches/<target>. */
  source: SourceKind;
  target: string;
  api?: JourneyApi;
  /** What the caller receives of the ranked items (default: them as ranked), e.g. a trainer's pseudonymous cohort. */
  present?(db: Db, actor: Actor, items: MatchItem[]): Promise<MatchItem[]>;
  candidateKind: EmbeddedKind;
  /** The candidate columns holding its declared topics and sectors (inferred ones come with its embedding). */
  declared: { topics?: string; sectors?: string };
  candidateTable: EmbeddedTable;
  /** Extra computed columns of the candidate (e.g. remaining capacity), added to its row. */
  computed?: Record<string, SQL>;
  /** Restricts candidates to what the caller may see (e.g. a center's own founders). */
  rules: Rule<S>[];
  features: Feature<S>[];
  defaultWeights: Record<string, number>;
  /**
   * How many eligible candidates are ranked exactly before retrieval narrows them, and how many each
   * retrieval channel returns (defaults EXACT_LIMIT and RETRIEVE_K, pipeline/). A recipe whose
   * ranking the vector and keyword channels predict well needs fewer; measured with recall@10 against
   * the exact ranking in `npm run bench:scale`, with the default weights: a center's own weights may
   * rank by what the channels do not see, so they get the engine's defaults.
   */
  retrieval?: { exactLimit: number; retrieveK: number };
  /** Extra sentences for a result, e.g. topics recognised in the prose. */
  notes?(s: S, c: Profile): Texts[];
  /** The fields a result shows besides id, score and reasons. */
  summary(c: Row): Row;
}

export interface MatchItem {
  id: string;
  score: number;
  reasons: Reason[];
  [field: string]: unknown;
}
