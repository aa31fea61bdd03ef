// EXPLAIN ANALYZE of the statements behind one match call on a large candidate table, as evidence
// of where the time goes: the engine's id probe (eligible rows up to EXACT_LIMIT + 1), its two
// retrieval channels (RETRIEVE_K full rows each: vector kNN and keyword rank), and the bare kNN.
// These mirror src/matching/engine.ts (candidates/retrieve); keep them in step when it changes.
import { and, sql, type SQL } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import { resultRows } from '../../src/db/errors.ts';
import { EXACT_LIMIT, RETRIEVE_K, type EngineContext } from '../../src/matching/engine.ts';
import { profileQuery } from '../../src/matching/profile.ts';
import type { Profile } from '../../src/matching/types.ts';
import { knnQuery, type Endpoint } from './engine.ts';

export interface Plan {
  statement: string;
  ms: number;
  summary: string[];
}

type Q = { getSQL(): SQL };

async function explain(ctx: EngineContext, statement: string, q: Q, iterative = false): Promise<Plan> {
  const run = async (db: EngineContext['db']) => resultRows<Record<string, string>>(await db.execute(sql`explain (analyze, buffers) ${q}`));
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
  const e = embeddingsTable;
  const t = ep.recipe.candidateTable;
  const where = and(...ep.recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x));
  const query = profileQuery(ctx.db, t, ep.recipe.candidateKind, ctx.model, ep.recipe.computed);
  const plans = [await explain(ctx, `id probe (limit ${EXACT_LIMIT + 1})`, ctx.db.select({ id: t.id }).from(t).where(where).limit(EXACT_LIMIT + 1) as unknown as Q)];
  if (source.vector) {
    const dims = sql.raw(String(ctx.dimensions));
    const q = `[${source.vector.join(',')}]`;
    const order = sql`(${e.embedding}::vector(${dims})) <=> ${q}::vector(${dims})`;
    plans.push(await explain(ctx, `vector channel (full rows, limit ${RETRIEVE_K})`, query(and(where, sql`${e.model} = ${ctx.model}`), RETRIEVE_K, order) as unknown as Q, true));
  }
  const words = [...source.lexemes].map((w) => `'${w.replace(/['\\]/g, '')}'`).filter((w) => w.length > 2).join(' | ');
  if (words) {
    const tsq = sql`to_tsquery('simple', ${words})`;
    plans.push(await explain(ctx, `lexical channel (full rows, limit ${RETRIEVE_K})`, query(and(where, sql`${e.lexical} @@ ${tsq}`), RETRIEVE_K, sql`ts_rank(${e.lexical}, ${tsq}) desc`) as unknown as Q));
  }
  if (source.vector) plans.push(await explain(ctx, 'bare kNN (limit 10)', knnQuery(ctx, ep, source) as unknown as Q, true));
  return plans;
}
