// Draining a backlog of pending embeddings (a seed or bulk import, a reindex after a model switch).
// For a large backlog, HNSW maintenance row by row costs more than the model call; building the
// index once afterwards is several times cheaper (pgvector's advice for initial loads). So when a
// kind's backlog is large and at least as big as what its index already holds, the index is
// dropped for the drain and rebuilt at the end.
import { sql } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import type { Db } from '../../src/db/client.ts';
import type { Embedder } from '../../src/embedding/embedder.ts';
import { resultRows } from '../../src/db/errors.ts';
import { dropVectorIndex, ensureVectorIndexes, type VectorIndexKeeper } from '../../src/embedding/indexes.ts';
import { embedEntities, MAX_ATTEMPTS, pendingKeys, WRITE_BATCH, type EmbedResult } from './processor.ts';

/** Backlog size from which a kind's index is rebuilt rather than maintained row by row. */
export const BULK_MIN_PENDING = 1000;

export interface DrainOptions {
  batchSize: number;
  /** See IndexOptions.minRows. */
  indexMinRows: number;
  keeper?: VectorIndexKeeper;
  /** Keys fetched per round. */
  pageSize?: number;
  isClosed?: () => boolean;
}

/** Embeds everything pending; returns the totals. Throws on a model/database failure (the caller retries). */
export async function drainBacklog(db: Db, embedder: Embedder, opts: DrainOptions): Promise<EmbedResult> {
  const pageSize = opts.pageSize ?? WRITE_BATCH * 4;
  const total: EmbedResult = { embedded: 0, stale: 0, orphans: 0 };
  let keys = await pendingKeys(db, pageSize);
  // Only a full first page can be a bulk load: the common case (a few writes) skips the count.
  const deferred = keys.length === pageSize ? await kindsToRebuild(db, embedder.id) : [];
  for (const kind of deferred) await dropVectorIndex(db, embedder.id, kind);
  try {
    while (keys.length && !opts.isClosed?.()) {
      const r = await embedEntities(db, embedder, keys, opts.batchSize);
      total.embedded += r.embedded;
      total.stale += r.stale;
      total.orphans += r.orphans;
      // Rows that changed meanwhile stay pending and come back in the next round; stop if only those remain.
      if (r.embedded === 0 && r.orphans === 0) break;
      keys = await pendingKeys(db, pageSize);
    }
  } finally {
    if (deferred.length)
      await ensureVectorIndexes(db, embedder.id, embedder.dimensions, { minRows: opts.indexMinRows, kinds: deferred });
  }
  await opts.keeper?.note(total.embedded);
  return total;
}

async function kindsToRebuild(db: Db, model: string): Promise<string[]> {
  const rows = resultRows<{ kind: string; pending: number; indexed: number }>(
    await db.execute(sql`
    select entity_kind as kind,
      count(*) filter (where status = 'pending' and attempts < ${MAX_ATTEMPTS})::int as pending,
      count(*) filter (where status = 'ready' and model = ${model})::int as indexed
    from ${embeddingsTable} group by entity_kind`),
  );
  return rows.filter((r) => r.pending >= BULK_MIN_PENDING && r.pending >= r.indexed).map((r) => r.kind);
}
