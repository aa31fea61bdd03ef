// Bulk writes: one multi-row INSERT per batch with all rows in a single JSON parameter
// (json_populate_recordset), which is driver-agnostic (postgres.js and PGlite) and avoids the
// 65,535-parameter limit. The embeddings row of each entity is written in the same transaction,
// exactly as embeddingHooks().markPending does one row at a time.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Db } from '../../src/db/client.ts';
import { entityProse, entityText } from '../../src/embedding/texts.ts';
import { contentHash } from '../../src/resources/embedding-hooks.ts';
import { inferSectors, inferTopics } from '../../src/matching/infer.ts';

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
  await db.execute(sql`insert into ${name} (${cols}) select ${cols} from json_populate_recordset(null::${name}, ${JSON.stringify(payload)}::json)`);
}

/** The pending embeddings rows of a batch: the same hash and write-time inference as markPending. */
export function pendingEmbeddings(kind: EmbeddedKind, rows: Row[]): Row[] {
  return rows.map((r) => {
    const prose = entityProse(kind, r);
    return {
      entityKind: kind,
      entityId: r.id,
      status: 'pending',
      contentHash: contentHash(entityText(kind, r)),
      inferredTopics: inferTopics(prose),
      inferredSectors: inferSectors(prose),
    };
  });
}

export const insertPending = (db: Executor, kind: EmbeddedKind, rows: Row[]) => insertRows(db, embeddingsTable, pendingEmbeddings(kind, rows));
