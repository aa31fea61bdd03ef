// Loads entities as matching profiles: row + vector + lexical tokens + declared/inferred topics.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import { entityColumns } from '../../models/common/columns.ts';
import type { Db } from '../db/client.ts';
import { mergeSectors, mergeTopics } from './infer.ts';
import type { Profile } from './types.ts';

const e = embeddingsTable;

/** What a profile needs besides the row: the vector only when of the current model, keywords, inferred topics. */
export const profileColumns = (table: EmbeddedTable, model: string) => ({
  _embedding: sql<string | null>`case when ${table.vectorModel} = ${model} then ${table.vector}::text end`,
  _status: e.status,
  _lexemes: sql<string[] | null>`tsvector_to_array(${table.keywords})`,
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

/** Rows of `table` with their profile columns, filtered by `where` (optionally ordered, on `db` or a transaction). */
export function profileQuery(db: Db, table: EmbeddedTable, kind: EmbeddedKind, model: string, extra: Record<string, SQL> = {}) {
  return (where: SQL | undefined, limit?: number, orderBy?: SQL, on: Db = db) => {
    let q: any = on
      .select({ ...entityColumns(table), ...extra, ...profileColumns(table, model) })
      .from(table)
      .leftJoin(e, and(eq(e.entityKind, kind), eq(e.entityId, table.id)))
      .where(where);
    if (orderBy) q = q.orderBy(orderBy);
    if (limit) q = q.limit(limit);
    return q as Promise<Record<string, any>[]>;
  };
}
