// How common each keyword is in a candidate table, from the statistics ANALYZE keeps for its
// tsvector column (pg_stats.most_common_elems with their frequencies). The keyword channel leaves
// out words in most documents (我们, 项目, develop): they make the channel rank nearly every eligible
// row and find nobody in particular. Only the very common ones: the lexical score counts every
// shared word alike, and cutting at 5 % instead lost recall@10 (0.79 on project→mentors at 100k). Words absent from the list are rarer
// than every listed one. No statistics yet (a new or small database, PGlite before ANALYZE): every
// word counts as rare, which on small tables is cheap anyway.
import { getTableName, sql } from 'drizzle-orm';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import type { Db } from '../db/client.ts';
import { resultRows } from '../db/errors.ts';
import { arrayValue } from '../db/sql.ts';

/** Words in more than this share of a table's rows are not searched for (they still count in the lexical score). */
export const MAX_TERM_SHARE = 0.3;
/** At most this many words per keyword query, the rarest first. */
export const MAX_QUERY_TERMS = 64;

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, Map<string, { at: number; share: Promise<Map<string, number>> }>>();

/** The shares as ANALYZE last recorded them (uncached). */
export async function loadTermShares(db: Db, table: string): Promise<Map<string, number>> {
  const [row] = resultRows<{ elems: string[] | string | null; freqs: number[] | string | null }>(
    await db.execute(sql`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs
    from pg_stats where schemaname = current_schema() and tablename = ${table} and attname = 'keywords'`),
  );
  const elems = arrayValue(row?.elems);
  const freqs = arrayValue(row?.freqs).map(Number);
  return new Map(elems.map((e, i) => [e, freqs[i]]));
}

/** Share of rows containing each common word of the table (cached for TTL_MS). */
export function termShares(db: Db, table: EmbeddedTable): Promise<Map<string, number>> {
  const name = getTableName(table);
  const perDb = cache.get(db) ?? new Map();
  cache.set(db, perDb);
  const hit = perDb.get(name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.share;
  const share = loadTermShares(db, name).catch(() => new Map<string, number>());
  perDb.set(name, { at: Date.now(), share });
  return share;
}

/** The words to search for: common ones dropped, the rarest MAX_QUERY_TERMS kept. */
export function queryTerms(words: Iterable<string>, share: Map<string, number>): string[] {
  return [...words]
    .filter((w) => (share.get(w) ?? 0) <= MAX_TERM_SHARE)
    .sort((a, b) => (share.get(a) ?? 0) - (share.get(b) ?? 0) || (a < b ? -1 : 1))
    .slice(0, MAX_QUERY_TERMS);
}

/** The words of `words` to search `table` for, by its current statistics. */
export async function searchTerms(db: Db, table: EmbeddedTable, words: Iterable<string>): Promise<string[]> {
  return queryTerms(words, await termShares(db, table));
}
