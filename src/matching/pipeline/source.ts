// What the pipeline's stages share: the call (context, source, hard rules, limits) and the one
// interface of a candidate source, implemented by the in-memory candidate index (in-memory.ts) and
// by SQL (in-sql.ts).
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CandidateIndex } from '../candidate-index.ts';
import type { Profile, ReasonLang, Recipe } from '../types.ts';
import type { Scored } from './score.ts';

export interface EngineContext {
  db: Db;
  model: string;
  lang: ReasonLang;
  /** In-memory retrieval (candidate-index.ts); absent, the candidates are narrowed in SQL. */
  index?: CandidateIndex;
}

/** One call of a recipe for one source, as every stage reads it. */
export interface Call {
  ctx: EngineContext;
  recipe: Recipe<any>;
  /** The source, hub-corrected (hub.ts). */
  source: Profile;
  /** The hard rules that apply to the source and the caller's scope, as one SQL condition (eligible.ts). */
  where: SQL | undefined;
  /** Whether the caller has a scope (SQL only: such calls are narrowed in SQL). */
  scoped: boolean;
  /** Up to this many eligible candidates are all scored (may be Infinity: exhaustive scoring). */
  exactLimit: number;
  /** Tables up to this many rows are narrowed by one statement in SQL (channels.ts, singlePass). */
  singlePassMaxRows: number;
  /** How many ids each retrieval channel returns. */
  retrieveK: number;
  weights: Record<string, number>;
  /** How many results the caller asked for (the best-first read-back stops once they are known). */
  limit: number;
}

/** The scored candidates; `count`: candidates ranked; `read`: how many of them SQL read back. */
export interface Ranked {
  scored: Scored[];
  count: number;
  read: number;
}

/**
 * The first stages of the pipeline over one candidate table, in order. `E`: the eligible set as
 * this source holds it; `P`: the picks to score. Null from `eligible` or `retrieve`: this source
 * does not serve the call (the next one does).
 */
export interface CandidateSource<E, P> {
  /** 1. The eligible set: the hard rules applied. */
  eligible(): Promise<E | null>;
  /** 2. The picks: every eligible candidate when at most the exact limit, else the retrieval channels' union. */
  retrieve(eligible: E): Promise<P | null>;
  /** 3–4. The picks read back as profiles against the source, scored by `score`. */
  readBack(picks: P, score: (c: Profile) => Scored): Promise<Ranked>;
}
