// Loads entities as matching profiles: row + vector + lexical tokens + declared/inferred topics.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Db } from '../db/client.ts';
import { mergeSectors, mergeTopics } from './infer.ts';
import type { Profile } from './types.ts';

const e = embeddingsTable;

/** Columns of the embedding row every profile needs; the vector only when it is of the current model. */
export const profileColumns = (model: string) => ({
  _embedding: sql<string | null>`case when ${e.model} = ${model} then ${e.embedding}::text end`,
  _status: e.status,
  _lexemes: sql<string[] | null>`tsvector_to_array(${e.lexical})`,
  _topics: e.inferredTopics,
  _sectors: e.inferredSectors,
});

type Declared = { topics?: string[]; sectors?: string[] };

/** A query row (table columns + profileColumns) as a Profile; `declared` says which columns hold topics/sectors. */
export function toProfile(raw: Record<string, any>, declared: Declared): Profile {
  const { _embedding, _status, _lexemes, _topics, _sectors, ...row } = raw;
  const inferredTopics = (_topics ?? []) as Profile['inferredTopics'];
  const inferredSectors = (_sectors ?? []) as Profile['inferredSectors'];
  return {
    row,
    vector: _embedding ? (JSON.parse(_embedding) as number[]) : null,
    embedding: _status ?? 'none',
    // Single Chinese characters and one-letter words carry little meaning as keywords.
    lexemes: new Set((_lexemes ?? []).filter((t: string) => t.length > 1)),
    topics: mergeTopics((declared.topics ?? []) as never, inferredTopics as never) as Record<string, number>,
    sectors: mergeSectors((declared.sectors ?? []) as never, inferredSectors as never) as Record<string, number>,
    inferredTopics,
    inferredSectors,
  };
}

/** Rows of `table` joined with their embedding row, filtered by `where` (optionally ordered, on `db` or a transaction). */
export function profileQuery(db: Db, table: PgTable & { id: PgColumn }, kind: EmbeddedKind, model: string, extra: Record<string, SQL> = {}) {
  return (where: SQL | undefined, limit?: number, orderBy?: SQL, on: Db = db) => {
    let q: any = on
      .select({ ...getTableColumns(table), ...extra, ...profileColumns(model) })
      .from(table)
      .leftJoin(e, and(eq(e.entityKind, kind), eq(e.entityId, table.id)))
      .where(where);
    if (orderBy) q = q.orderBy(orderBy);
    if (limit) q = q.limit(limit);
    return q as Promise<Record<string, any>[]>;
  };
}

