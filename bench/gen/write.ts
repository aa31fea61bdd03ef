// Bulk writes: one multi-row INSERT per batch with all rows in a single JSON parameter
// (json_populate_recordset), which is driver-agnostic (postgres.js and PGlite) and avoids the
// 65,535-parameter limit. The embeddings row of each entity is written in the same transaction,
// exactly as embeddingHooks().markPending (src/resources/embedding-hooks.ts) does one row at a time:
// keep the two in step.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import type { Db } from '../../src/db/client.ts';
import { entityProse, entityText } from '../../src/embedding/texts.ts';
import { contentHash } from '../../src/resources/embedding-hooks.ts';
import { inferSectors, inferTopics } from '../../src/matching/infer.ts';
import { lexicalDocument } from '../../src/embedding/lexical.ts';

type Row = Record<string, any>;
type Executor = Pick<Db, 'execute'>;

/** camelCase rows (as drizzle/the API see them) → one INSERT; columns left out take their defaults. */
export async function insertRows(db: Executor, table: PgTable, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]).filter((k) => columns[k]);
  const names = keys.map((k) => columns[k].name);
  const payload = rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], r[k] ?? null])));
  const cols = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  await db.execute(
    sql`insert into ${name} (${cols}) select ${cols} from json_populate_recordset(null::${name}, ${JSON.stringify(payload)}::json)`,
  );
}

/** The pending embeddings rows of a batch: the same hash, write-time inference and keyword document as markPending. */
export function pendingEmbeddings(kind: EmbeddedKind, rows: Row[]): Row[] {
  return rows.map((r) => {
    const text = entityText(kind, r);
    const prose = entityProse(kind, r);
    return {
      entity_kind: kind,
      entity_id: r.id,
      content_hash: contentHash(text),
      inferred_topics: inferTopics(prose),
      inferred_sectors: inferSectors(prose),
      doc: lexicalDocument(text),
    };
  });
}

/** markPending in bulk (new entities: a plain insert, then the keyword form into the entity rows, built by PostgreSQL as markPending builds it). */
export async function insertPending(db: Executor, kind: EmbeddedKind, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const table = sql.raw(`"${getTableName(embeddedTables[kind])}"`);
  await db.execute(sql`with r as (
      select * from json_to_recordset(${JSON.stringify(pendingEmbeddings(kind, rows))}::json)
        as r(entity_kind text, entity_id uuid, content_hash text, inferred_topics jsonb, inferred_sectors jsonb, doc text)),
    pending as (
      insert into ${embeddingsTable} (entity_kind, entity_id, status, content_hash, inferred_topics, inferred_sectors)
      select r.entity_kind, r.entity_id, 'pending', r.content_hash, r.inferred_topics, r.inferred_sectors from r)
    update ${table} as t set keywords = to_tsvector('simple', r.doc) from r where t.id = r.entity_id`);
}
