// Loads entities as matching profiles: row + vector + lexical tokens + declared/inferred topics.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import { entityColumns } from '../../models/common/columns.ts';
import type { Db } from '../db/client.ts';
import { textArray } from '../db/sql.ts';
import { mergeSectors } from './infer.ts';
import { topicWeights } from './needs.ts';
import type { Profile, Recipe } from './types.ts';

const e = embeddingsTable;

/** What a profile needs besides the row: the vector only when of the current model, keywords, inferred topics. */
export const profileColumns = (table: EmbeddedTable, model: string) => ({
  _embedding: sql<string | null>`case when ${table.vectorModel} = ${model} then ${table.vector}::text end`,
  _lexemes: sql<string[] | null>`tsvector_to_array(${table.keywords})`,
  _topics: e.inferredTopics,
  _sectors: e.inferredSectors,
});

/** Cosine distance of the row's vector to `vector`, in the form the table's HNSW index serves (`vector::vector(<dims>)`). */
export function vectorDistance(table: EmbeddedTable, vector: number[]): SQL<number> {
  const dims = sql.raw(String(vector.length));
  return sql<number>`(${table.vector}::vector(${dims})) <=> ${`[${vector.join(',')}]`}::vector(${dims})`;
}

/** The same, null when the row has no vector of `model` or there is no `vector` (vectors of two models are never compared). */
export const modelDistance = (table: EmbeddedTable, model: string, vector: number[] | null): SQL<number | null> =>
  vector ? sql`case when ${table.vectorModel} = ${model} then ${vectorDistance(table, vector)} end` : sql`null::float8`;

/**
 * Columns comparing each candidate with one source in SQL — cosine similarity, shared keywords and
 * the candidate's keyword count — for what the semantic and lexical features need: shipping every
 * candidate's vector and keywords (~1.5 KB a row) to compare them here cost more than the query.
 */
export const pairColumns = (table: EmbeddedTable, model: string, source: Profile) => {
  return {
    _similarity: similarityTo(table, model, source),
    // k ∩ W as k minus (k minus W): two binary-searching deletes, ~30 % cheaper than unnest + any.
    _shared: sql<
      string[]
    >`tsvector_to_array(ts_delete(${table.keywords}, tsvector_to_array(ts_delete(${table.keywords}, ${textArray(source.lexemes)}))))`,
    // The same keywords toProfile keeps (single characters carry little meaning), counted at write time.
    _lexemeCount: table.keywordCount,
  };
};

/** Cosine similarity of each row's vector with the source's (null without both), as pgvector computes it. */
export const similarityTo = (table: EmbeddedTable, model: string, source: Profile) =>
  sql<number | null>`1 - ${modelDistance(table, model, source.vector)}`;

type Declared = { topics?: string[]; sectors?: string[] };

/** A candidate row's declared topics and sectors, from the columns its recipe names. */
export const declaredOf = (recipe: Recipe<any>, row: Record<string, any>): Declared => ({
  topics: recipe.declared.topics ? ([] as string[]).concat(row[recipe.declared.topics] ?? []) : [],
  sectors: recipe.declared.sectors ? ([] as string[]).concat(row[recipe.declared.sectors] ?? []) : [],
});

/** Topic weights: the prose first, ticks as a prior (needs.ts); sector weights: declared 1, inferred ≤ 0.7 (infer.ts). */
export const weightsOf = (
  declared: Declared,
  inferredTopics: Profile['inferredTopics'],
  inferredSectors: Profile['inferredSectors'],
) => ({
  topics: topicWeights(declared.topics ?? [], inferredTopics),
  sectors: mergeSectors((declared.sectors ?? []) as never, inferredSectors as never) as Record<string, number>,
});

/** A query row (table columns + profileColumns) as a Profile; `declared` says which columns hold topics/sectors. */
export function toProfile(raw: Record<string, any>, declared: Declared): Profile {
  const { _embedding, _lexemes, _topics, _sectors, _similarity, _shared, _lexemeCount, ...row } = raw;
  const inferredTopics = (_topics ?? []) as Profile['inferredTopics'];
  const inferredSectors = (_sectors ?? []) as Profile['inferredSectors'];
  return {
    row,
    ...(_shared !== undefined && {
      pair: {
        similarity: _similarity == null ? null : Number(_similarity),
        shared: new Set<string>(_shared),
        lexemeCount: Number(_lexemeCount),
      },
    }),
    vector: _embedding ? (JSON.parse(_embedding) as number[]) : null,
    // Single Chinese characters and one-letter words carry little meaning as keywords.
    lexemes: new Set((_lexemes ?? []).filter((t: string) => t.length > 1)),
    ...weightsOf(declared, inferredTopics, inferredSectors),
    inferredTopics,
    inferredSectors,
  };
}

/**
 * Rows of `table` with their profile columns, filtered by `where` (optionally ordered, on `db` or a
 * transaction). With `against`, candidates of that source: compared with it in SQL (pairColumns)
 * instead of carrying their own vector and keywords.
 */
export function profileQuery(
  db: Db,
  table: EmbeddedTable,
  kind: EmbeddedKind,
  model: string,
  extra: Record<string, SQL> = {},
  against?: Profile,
) {
  const { _embedding, _lexemes, ...common } = profileColumns(table, model);
  const columns = against ? { ...common, ...pairColumns(table, model, against) } : { ...common, _embedding, _lexemes };
  return (where: SQL | undefined, limit?: number, orderBy?: SQL, on: Db = db) => {
    let q: any = on
      .select({ ...entityColumns(table), ...extra, ...columns })
      .from(table)
      .leftJoin(e, and(eq(e.entityKind, kind), eq(e.entityId, table.id)))
      .where(where);
    if (orderBy) q = q.orderBy(orderBy);
    if (limit) q = q.limit(limit);
    return q as Promise<Record<string, any>[]>;
  };
}
