// Stage 2, retrieval channels in SQL (the in-memory index runs the same two over its rows:
// candidate-index/). Each returns the ids of its best `k` among the eligible rows: the vector channel
// the nearest neighbours of the source's vector (HNSW), the keyword channel the rows sharing the
// source's words, best keywordRank first (GIN). The channels return ids only: ranking full rows would
// compute every computed column of every keyword match before the sort; read-back reads the union.
import { and, sql, type SQL } from 'drizzle-orm';
import type { EmbeddedTable } from '../../../models/embeddings/entities.ts';
import type { Db } from '../../db/client.ts';
import { resultRows } from '../../db/errors.ts';
import { textArray } from '../../db/sql.ts';
import { modelDistance, vectorDistance } from '../profile.ts';
import { searchTerms } from '../term-stats.ts';
import type { Profile } from '../types.ts';
import type { Call, EngineContext } from './source.ts';

/** How many ids each channel returns, unless the recipe sets its own (Recipe.retrieval). */
export const RETRIEVE_K = 400;
/**
 * HNSW candidate list for the vector channel. pgvector's default (40) makes an iterative scan for
 * RETRIEVE_K filtered rows restart many small searches: 100–140 ms at 100k founders, 18 ms with 100.
 */
export const VECTOR_EF_SEARCH = 100;
/**
 * Up to this many rows, a candidate table is narrowed by one statement (singlePass) rather than a
 * probe and two indexed channels: each of those re-evaluates the rules over the table (~1 µs a row
 * and rule), which cost more than ranking the eligible rows in full. Above it, eligible sets can be
 * large enough that the HNSW index's early stop pays.
 */
export const SINGLE_PASS_MAX_ROWS = 50_000;

/**
 * Both channels among the eligible rows (`call.where`), in parallel (on a server): the ids of the
 * `k` nearest vectors ∪ the `k` best keyword matches.
 */
export async function channelIds(call: Call, k: number): Promise<string[]> {
  const { ctx, source, where } = call;
  const t = call.recipe.candidateTable;
  const channels: Promise<{ id: unknown }[]>[] = [];
  if (source.vector) {
    const vector = source.vector;
    // Iterative scans keep walking the HNSW index until enough rows pass the eligibility filter
    // (pgvector ≥ 0.8), instead of returning too few.
    channels.push(
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
        await tx.execute(sql.raw(`set local hnsw.ef_search = ${VECTOR_EF_SEARCH}`));
        return nearestIds(tx as unknown as Db, ctx, t, where, vector, k);
      }),
    );
  }
  const keywords = keywordIds(ctx.db, t, where, await searchTerms(ctx.db, t, source.lexemes), k);
  if (keywords) channels.push(keywords);
  return [...new Set((await Promise.all(channels)).flat().map((r) => r.id as string))];
}

/**
 * Ids of the eligible rows when at most `exactLimit`, else of the `k` nearest ∪ the `k` best
 * keyword matches: the same sets as the id probe and the two channels, from one evaluation of the
 * rules (for mid-sized tables, SINGLE_PASS_MAX_ROWS).
 */
export async function singlePass(
  ctx: EngineContext,
  t: EmbeddedTable,
  source: Profile,
  where: SQL | undefined,
  exactLimit: number,
  k: number,
): Promise<string[]> {
  const distance = modelDistance(t, ctx.model, source.vector);
  const rank = keywordRank(t, await searchTerms(ctx.db, t, source.lexemes));
  const rows = resultRows<{ id: string }>(
    await ctx.db.execute(sql`
    with e as materialized (select ${t.id} as id, ${distance} as d, ${rank ? sql`nullif(${rank}, 0)` : sql`null::float8`} as r from ${t} where ${where ?? sql`true`})
    select id from e where (select count(*) from e) <= ${exactLimit}
    union (select id from e where d is not null order by d limit ${k})
    union (select id from e where r is not null order by r desc limit ${k})`),
  );
  return rows.map((r) => r.id);
}

/** The vector channel: ids of the eligible candidates nearest to `vector` (the table's per-model HNSW index serves the ORDER BY). */
export function nearestIds(
  on: Db,
  ctx: Pick<EngineContext, 'model'>,
  t: EmbeddedTable,
  where: SQL | undefined,
  vector: number[],
  k: number,
) {
  return on
    .select({ id: t.id })
    .from(t)
    .where(and(where, sql`${t.vectorModel} = ${ctx.model}`))
    .orderBy(vectorDistance(t, vector))
    .limit(k);
}

/**
 * The keyword channel: ids of the eligible candidates sharing the given words (see term-stats.ts),
 * best keywordRank first (the GIN index finds the rows sharing any word); null without words.
 */
export function keywordIds(on: Db, t: EmbeddedTable, where: SQL | undefined, terms: Iterable<string>, k: number) {
  const words = searchable(terms);
  if (!words.length) return null;
  const tsq = sql`to_tsquery('simple', ${words.map((w) => `'${w}'`).join(' | ')})`;
  return on
    .select({ id: t.id })
    .from(t)
    .where(and(where, sql`${t.keywords} @@ ${tsq}`))
    .orderBy(sql`${rankOn(t, words)} desc`)
    .limit(k);
}

/** The words as the keyword channel uses them: quotes and backslashes dropped (tsquery syntax), empty ones left out. */
export const searchable = (terms: Iterable<string>) => [
  ...new Set([...terms].map((w) => w.replace(/['\\]/g, '')).filter(Boolean)),
];

/**
 * How well a row's keywords match the words, in SQL: the words it shares with them over the square
 * root of its keyword count — the lexical feature's cosine (features.ts) up to the source's
 * constant factor, so the channel retrieves the rows that feature ranks best. The shared words are
 * counted by merging the two tsvectors (|A ∩ B| = |A| + |B| − |A ∪ B|): ~1 µs a row, where
 * ts_rank took ~6 µs for a 50-word query and ranked by occurrences instead. Null without words.
 */
export function keywordRank(t: EmbeddedTable, terms: Iterable<string>): SQL<number> | null {
  const words = searchable(terms);
  return words.length ? rankOn(t, words) : null;
}

/** keywordRank's expression for words already made searchable (non-empty, distinct). */
function rankOn(t: EmbeddedTable, words: string[]): SQL<number> {
  const query = sql`array_to_tsvector(${textArray(words)})`;
  const shared = sql`(length(${t.keywords}) + ${words.length}::int - length(${t.keywords} || ${query}))`;
  return sql<number>`(${shared}::float8 / sqrt(greatest(${t.keywordCount}, 1)))`;
}
