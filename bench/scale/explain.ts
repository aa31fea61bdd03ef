// EXPLAIN ANALYZE of the statements behind one match call on a large candidate table, as evidence
// of where the time goes: the engine's id probe (eligible rows up to EXACT_LIMIT + 1), its two
// retrieval channels (RETRIEVE_K ids each: vector kNN and keyword rank, the engine's own statements),
// and the bare kNN. The probe mirrors src/matching/pipeline/in-sql.ts; keep it in step.
import { and, sql, type SQL } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { EXACT_LIMIT, keywordIds, nearestIds, RETRIEVE_K, type EngineContext } from '../../src/matching/engine.ts';
import { searchTerms } from '../../src/matching/term-stats.ts';
import type { Profile } from '../../src/matching/types.ts';
import { knnQuery, type Endpoint } from './engine.ts';

export interface Plan {
  statement: string;
  ms: number;
  summary: string[];
}

type Q = { getSQL(): SQL };

async function explain(ctx: EngineContext, statement: string, q: Q, iterative = false): Promise<Plan> {
  const run = async (db: EngineContext['db']) =>
    resultRows<Record<string, string>>(await db.execute(sql`explain (analyze, buffers) ${q}`));
  const rows = iterative
    ? await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
        return run(tx as unknown as EngineContext['db']);
      })
    : await run(ctx.db);
  const lines = rows.map((r) => Object.values(r)[0]);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
  // The plan's top nodes and the timing lines are what a reader needs.
  return { statement, ms, summary: lines.filter((l, i) => i < 16 || /Execution Time|Planning Time/.test(l)) };
}

export async function explainEndpoint(ctx: EngineContext, ep: Endpoint, source: Profile): Promise<Plan[]> {
  const t = ep.recipe.candidateTable;
  const where = and(...ep.recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x));
  const plans = [
    await explain(
      ctx,
      `id probe (limit ${EXACT_LIMIT + 1})`,
      ctx.db
        .select({ id: t.id })
        .from(t)
        .where(where)
        .limit(EXACT_LIMIT + 1) as unknown as Q,
    ),
  ];
  if (source.vector)
    plans.push(
      await explain(
        ctx,
        `vector channel (ids, limit ${RETRIEVE_K})`,
        nearestIds(ctx.db, ctx, t, where, source.vector, RETRIEVE_K) as unknown as Q,
        true,
      ),
    );
  const keywords = keywordIds(ctx.db, t, where, await searchTerms(ctx.db, t, source.lexemes), RETRIEVE_K);
  if (keywords) plans.push(await explain(ctx, `keyword channel (ids, limit ${RETRIEVE_K})`, keywords as unknown as Q));
  if (source.vector)
    plans.push(await explain(ctx, 'bare kNN (limit 10)', knnQuery(ctx, ep, source) as unknown as Q, true));
  return plans;
}
