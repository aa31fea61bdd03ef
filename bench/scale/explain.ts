// EXPLAIN ANALYZE of the statements behind one match call, as evidence of where the time goes:
// the engine's first candidate query (all eligible rows up to EXACT_LIMIT + 1, with vectors) and the
// endpoint's bare kNN statement.
import { and, sql, type SQL } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { EXACT_LIMIT, type EngineContext } from '../../src/matching/engine.ts';
import { profileQuery } from '../../src/matching/profile.ts';
import type { Profile } from '../../src/matching/types.ts';
import { knnQuery, type Endpoint } from './engine.ts';

export interface Plan {
  statement: string;
  ms: number;
  summary: string[];
}

async function explain(ctx: EngineContext, statement: string, q: SQL | { getSQL(): SQL }): Promise<Plan> {
  const rows = resultRows<Record<string, string>>(await ctx.db.execute(sql`explain (analyze, buffers) ${q}`));
  const lines = rows.map((r) => Object.values(r)[0]);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
  // The plan's top nodes and timing lines are what a reader needs; whole plans go to the JSON only when short.
  return { statement, ms, summary: lines.filter((l, i) => i < 14 || /Execution Time|Planning Time/.test(l)) };
}

export async function explainEndpoint(ctx: EngineContext, ep: Endpoint, source: Profile): Promise<Plan[]> {
  const where = and(...ep.recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x));
  const candidates = profileQuery(ctx.db, ep.recipe.candidateTable, ep.recipe.candidateKind, ctx.model, ep.recipe.computed)(where, EXACT_LIMIT + 1) as unknown as { getSQL(): SQL };
  const plans = [await explain(ctx, `candidate query (limit ${EXACT_LIMIT + 1})`, candidates)];
  plans.push(await explain(ctx, 'bare kNN (limit 10)', knnQuery(ctx, ep, source) as unknown as { getSQL(): SQL }));
  return plans;
}
