// One engine, many recipes: the pipeline of a match call, stage by stage.
//   1. eligible   the recipe's hard rules for the source (eligible.ts);
//   2. retrieve   every eligible candidate when at most the exact limit, else the union of the vector
//                 and keyword channels (channels.ts; in memory: candidate-index/);
//   3. read back  the picks as profiles against the source, under the full SQL rules (read-back.ts);
//   4. score      the recipe's features with the center's weights (score.ts);
//   5. explain    the results returned, per criterion in zh, en or bo (explain.ts).
// Stages 1–3 run through one candidate source (source.ts): the in-memory index when it serves the
// call (in-memory.ts), else SQL (in-sql.ts).
import type { SQL } from 'drizzle-orm';
import { embeddedTables } from '../../../models/embeddings/entities.ts';
import { withHubCorrection } from '../hub.ts';
import { withTagShares } from '../tag-stats.ts';
import type { MatchItem, Profile, Recipe } from '../types.ts';
import { RETRIEVE_K, SINGLE_PASS_MAX_ROWS } from './channels.ts';
import { EXACT_LIMIT, eligibleWhere } from './eligible.ts';
import { explain } from './explain.ts';
import { inMemory } from './in-memory.ts';
import { inSql } from './in-sql.ts';
import { byScore, type Scored, scoreCandidate } from './score.ts';
import type { Call, CandidateSource, EngineContext, Ranked } from './source.ts';

export async function runRecipe<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  opts: {
    limit: number;
    weights: Record<string, number>;
    scope?: SQL;
    /** Overrides EXACT_LIMIT, SINGLE_PASS_MAX_ROWS and RETRIEVE_K (tests and recall measurements choose the path). */
    exactLimit?: number;
    singlePassMaxRows?: number;
    retrieveK?: number;
  },
): Promise<{ items: MatchItem[]; candidates: number; read: number }> {
  // Generic and same-language candidates no longer lead on similarity alone (hub.ts).
  source = await withHubCorrection(ctx.db, source, embeddedTables[recipe.source], recipe.candidateTable, ctx.model);
  // How common each tag is in the candidate table (tag-stats.ts): rides on the source, so every path scores alike.
  source = await withTagShares(ctx.db, source, recipe);
  // Recipe.retrieval holds for the default weights only: a center's own may rank by what the channels do not see.
  const tuned = isDefault(opts.weights, recipe.defaultWeights) ? recipe.retrieval : undefined;
  const call: Call = {
    ctx,
    recipe,
    source,
    where: eligibleWhere(recipe, source, opts.scope),
    scoped: !!opts.scope,
    exactLimit: opts.exactLimit ?? tuned?.exactLimit ?? EXACT_LIMIT,
    singlePassMaxRows: opts.singlePassMaxRows ?? SINGLE_PASS_MAX_ROWS,
    retrieveK: opts.retrieveK ?? tuned?.retrieveK ?? RETRIEVE_K,
    weights: opts.weights,
    limit: opts.limit,
  };
  const score = (c: Profile) => scoreCandidate(recipe, opts.weights, source, c);
  // 1–4: eligible, retrieve, read back, score.
  const { scored, count, read } = await rank(call, score);
  scored.sort(byScore);
  // 5: explain, the results returned only.
  return {
    // Candidates ranked, and how many of them SQL read back (fewer when the index's bounds spared some).
    candidates: count,
    read,
    items: scored.slice(0, opts.limit).map((s) => ({
      id: s.profile.row.id,
      score: s.score,
      reasons: explain(recipe, source, s, ctx.lang),
      ...recipe.summary(s.profile.row),
    })),
  };
}

/** Stages 1–4 through the first candidate source that serves the call: the index, else SQL (which serves every call). */
async function rank(call: Call, score: (c: Profile) => Scored): Promise<Ranked> {
  const sources: (CandidateSource<any, any> | null)[] = [inMemory(call), inSql(call)];
  for (const from of sources) {
    if (!from) continue;
    const eligible = await from.eligible();
    const picks = eligible === null ? null : await from.retrieve(eligible);
    if (picks !== null) return from.readBack(picks, score);
  }
  throw new Error('no candidate source served the call');
}

const isDefault = (w: Record<string, number>, defaults: Record<string, number>) =>
  Object.keys({ ...w, ...defaults }).every((k) => (w[k] ?? 0) === (defaults[k] ?? 0));
