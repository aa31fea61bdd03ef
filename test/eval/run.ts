// Runs the judged set through the matching engine three ways — the engine with its default weights,
// lexical-only ({ lexical: 1 }) and vector-only ({ semantic: 1 }) — with the same eligible candidates
// (the recipe's hard rules in SQL), the same source profiles (the service's loaders) and the same
// runRecipe: only the weights differ. Scores every query with nDCG@10 against the judged labels.
import type { Service } from '../../src/bootstrap.ts';
import { runRecipe, type EngineContext } from '../../src/matching/engine.ts';
import { JOURNEYS } from '../../src/matching/journeys.ts';
import { SOURCES } from '../../src/matching/sources.ts';
import type { Profile, Recipe } from '../../src/matching/types.ts';
import { mean, ndcgAtK, type RankedItem } from './metrics.ts';
import type { LoadedSet } from './load.ts';
import { journeys, type Journey, type JourneyId } from './set.ts';

export const SYSTEMS = ['engine', 'lexical-only', 'vector-only'] as const;
export type System = (typeof SYSTEMS)[number];

/** The recipe of each judged journey: the registry's journey of that name (src/matching/journeys.ts). */
export const recipeOf = (journey: JourneyId): Recipe<any> => {
  const j = JOURNEYS.find((x) => x.name === journey);
  if (!j) throw new Error(`no journey ${journey} in the registry`);
  return j.recipe;
};

export const weightsFor = (journey: JourneyId, system: System): Record<string, number> =>
  system === 'engine' ? recipeOf(journey).defaultWeights : system === 'lexical-only' ? { lexical: 1 } : { semantic: 1 };

/** The source profile exactly as the match endpoints load it (its source kind, src/matching/sources.ts). */
export async function loadSource(ctx: EngineContext, journey: Journey, id: string): Promise<Profile> {
  return (await SOURCES[journey.source].read(ctx, id))!;
}

export interface QueryResult {
  query: string;
  /** Candidate keys the engine considered eligible (identical for the three systems). */
  returned: string[];
  /** Candidates by key with their score, per system. */
  ranked: Record<System, RankedItem[]>;
  ndcg: Record<System, number>;
}

export interface JourneyResult {
  journey: JourneyId;
  queries: QueryResult[];
  ndcg: Record<System, number>;
}

export interface EvalOptions {
  /** Only these journeys (default all). */
  journeys?: JourneyId[];
  /** The judged set's journeys (default the set of test/eval/set.ts; test/eval/dev has its own). */
  set?: Journey[];
  /** At most this many queries per journey (the first ones, default all). */
  maxQueries?: number;
  k?: number;
}

export function engineContext(service: Service): EngineContext {
  return { db: service.database.db, model: service.embedder.id, lang: 'zh' };
}

export async function evaluate(service: Service, loaded: LoadedSet, opts: EvalOptions = {}): Promise<JourneyResult[]> {
  const ctx = engineContext(service);
  const k = opts.k ?? 10;
  const out: JourneyResult[] = [];
  for (const journey of opts.set ?? journeys) {
    if (opts.journeys && !opts.journeys.includes(journey.id)) continue;
    const recipe = recipeOf(journey.id);
    const queries: QueryResult[] = [];
    for (const query of journey.queries.slice(0, opts.maxQueries ?? Infinity)) {
      const source = await loadSource(ctx, journey, loaded.ids.get(query)!);
      const ranked = {} as Record<System, RankedItem[]>;
      const ndcg = {} as Record<System, number>;
      let returned: string[] = [];
      for (const system of SYSTEMS) {
        const { items } = await runRecipe(ctx, recipe, source, {
          limit: 100_000,
          weights: weightsFor(journey.id, system),
        });
        ranked[system] = items.map((i) => ({ key: loaded.keys.get(i.id) ?? i.id, score: i.score }));
        ndcg[system] = ndcgAtK(ranked[system], journey.grades[query] ?? {}, k) ?? 0;
        if (system === 'engine') returned = ranked[system].map((r) => r.key).sort();
      }
      queries.push({ query, returned, ranked, ndcg });
    }
    const ndcg = Object.fromEntries(SYSTEMS.map((s) => [s, mean(queries.map((q) => q.ndcg[s]))])) as Record<
      System,
      number
    >;
    out.push({ journey: journey.id, queries, ndcg });
  }
  return out;
}

/** Macro average over journeys. */
export const macro = (results: JourneyResult[]) =>
  Object.fromEntries(SYSTEMS.map((s) => [s, mean(results.map((r) => r.ndcg[s]))])) as Record<System, number>;
