// The embedding job: embeds entities whose embedding is pending. A plain function, so the same
// code runs in-process (no Redis) and in a BullMQ worker. Idempotent: it only completes rows that
// are still pending with the content hash it embedded, so a duplicate or stale job changes nothing.
import { and, eq, inArray, lt, sql, asc } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Db } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';
import { idIn, uuidArray } from '../../src/db/sql.ts';
import type { Embedder } from '../../src/embedding/embedder.ts';
import { entityText, TEXT_FIELDS } from '../../src/embedding/texts.ts';
import { contentHash } from '../../src/resources/embedding-hooks.ts';
import { withLinkedProjects } from '../../src/matching/linked-profile.ts';

export const MAX_ATTEMPTS = 5;

export interface EntityKey {
  kind: EmbeddedKind;
  id: string;
}

export interface EmbedResult {
  embedded: number;
  /** Rows that stayed pending because their entity changed meanwhile (a newer job will do them). */
  stale: number;
  /** Rows removed because their entity no longer exists. */
  orphans: number;
}

/** Pending rows still worth trying, oldest first. */
export async function pendingKeys(db: Db, limit: number, olderThanMs = 0): Promise<EntityKey[]> {
  const rows = await db
    .select({ kind: embeddingsTable.entityKind, id: embeddingsTable.entityId })
    .from(embeddingsTable)
    .where(
      and(
        // A literal, so that even a generic (cached) plan can use the partial index of pending rows.
        sql`${embeddingsTable.status} = 'pending'`,
        lt(embeddingsTable.attempts, MAX_ATTEMPTS),
        olderThanMs > 0 ? lt(embeddingsTable.updatedAt, new Date(Date.now() - olderThanMs)) : undefined,
      ),
    )
    .orderBy(asc(embeddingsTable.updatedAt))
    .limit(limit);
  return rows;
}

/** Rows read and written per database round trip (the model is called `batchSize` texts at a time within one). */
export const WRITE_BATCH = 512;

/**
 * Embeds the pending ones among `keys`, `batchSize` texts per model call. Rows go to the database
 * WRITE_BATCH at a time (at 64 a statement, the statements' fixed cost outweighed the bundled
 * model), and two such batches are in flight at once so that one's write overlaps the next one's
 * model calls.
 */
export async function embedEntities(
  db: Db,
  embedder: Embedder,
  keys: EntityKey[],
  batchSize = 64,
): Promise<EmbedResult> {
  const result: EmbedResult = { embedded: 0, stale: 0, orphans: 0 };
  const byKind = new Map<EmbeddedKind, string[]>();
  for (const k of keys) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k.id]);
  const batches: [EmbeddedKind, string[]][] = [];
  for (const [kind, ids] of byKind) for (const slice of writeBatches(ids)) batches.push([kind, slice]);
  await inTwoLanes(batches, async ([kind, ids]) => {
    const r = await embedBatch(db, embedder, kind, ids, batchSize);
    result.embedded += r.embedded;
    result.stale += r.stale;
    result.orphans += r.orphans;
  });
  return result;
}

/** `items` in slices of WRITE_BATCH. */
export function writeBatches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += WRITE_BATCH) out.push(items.slice(i, i + WRITE_BATCH));
  return out;
}

/** Runs `run` on every batch, two at a time, in order of the list. */
export async function inTwoLanes<T>(batches: T[], run: (batch: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < batches.length) await run(batches[next++]);
  };
  await Promise.all([lane(), lane()]);
}

async function embedBatch(
  db: Db,
  embedder: Embedder,
  kind: EmbeddedKind,
  ids: string[],
  batchSize: number,
): Promise<EmbedResult> {
  const table: any = embeddedTables[kind];
  // Only the fields the text is built from (mapping whole rows cost as much as the model call), and
  // the rows by primary key only: status is checked here, not in SQL, so that no statistics (stale
  // during a bulk load, absent on PGlite) can turn the lookup into a scan of the pending rows.
  const fields = Object.fromEntries(TEXT_FIELDS[kind].map((f) => [f, table[f]]));
  const rows: Record<string, any>[] = await db
    .select({ _eid: embeddingsTable.entityId, _status: embeddingsTable.status, id: table.id, ...fields })
    .from(embeddingsTable)
    .leftJoin(table, eq(table.id, embeddingsTable.entityId))
    .where(and(eq(embeddingsTable.entityKind, kind), idIn(embeddingsTable.entityId, ids)));
  const pending = rows.filter((r) => r._status === 'pending');
  const orphans = pending.filter((r) => r.id === null).map((r) => r._eid as string);
  if (orphans.length) {
    await db
      .delete(embeddingsTable)
      .where(and(eq(embeddingsTable.entityKind, kind), inArray(embeddingsTable.entityId, orphans)));
  }
  const own = pending.filter((r) => r.id !== null);
  // A founder's text includes its projects, read here as the write path read them (same text, same hash).
  const entities = kind === 'founder' ? await withLinkedProjects(db, own) : own;
  if (!entities.length) return { embedded: 0, stale: 0, orphans: orphans.length };

  const texts = entities.map((e) => entityText(kind, e));
  const vectors: (number[] | null)[] = [];
  try {
    for (let i = 0; i < texts.length; i += batchSize)
      vectors.push(...(await embedder.embed(texts.slice(i, i + batchSize), 'passage')));
  } catch (e) {
    await recordFailure(
      db,
      kind,
      entities.map((x) => x.id),
      e,
    );
    throw e;
  }
  const embedded = await storeVectors(
    db,
    embedder,
    kind,
    entities.map((e, i) => ({ id: e.id, text: texts[i], vector: vectors[i] })),
  );
  return { embedded, stale: entities.length - embedded, orphans: orphans.length };
}

/**
 * Completes the embeddings of `items` that are still pending with the same content hash and puts
 * their vectors into the entities' rows, in one statement; returns how many were completed.
 */
export async function storeVectors(
  db: Db,
  embedder: Embedder,
  kind: EmbeddedKind,
  items: { id: string; text: string; vector: number[] | null }[],
): Promise<number> {
  const table: any = embeddedTables[kind];
  // The batch travels as one JSON parameter: a VALUES list of 64 × 4 parameters cost more to plan
  // (~14 ms on PGlite) than the update itself.
  const batch = JSON.stringify(
    items.map((x) => ({ id: x.id, hash: contentHash(x.text), vec: vectorLiteral(x.vector) })),
  );
  const batchIds = uuidArray(items.map((x) => x.id));
  const updated = await db.execute(sql`
    with v as (select * from json_to_recordset(${batch}::json) as v(id uuid, hash text, vec text)),
    done as (
      update ${embeddingsTable} as e set
        status = 'ready', model = ${embedder.id}, dimensions = ${embedder.dimensions},
        embed_count = e.embed_count + 1, attempts = 0, error = null, updated_at = now()
      from v
      where e.entity_kind = ${kind} and e.entity_id = v.id and e.status = 'pending' and e.content_hash = v.hash
        -- The id list makes this a primary-key lookup of the batch's rows whatever the table statistics
        -- say (PGlite never runs autoanalyze; without it the join hashed every row of the kind).
        and e.entity_id = any(${batchIds}::uuid[])
      returning e.entity_id)
    -- The vector goes into the entity's row, where matching reads it (a NaN/empty one as "no vector").
    update ${table} as t set vector = v.vec::vector, vector_model = case when v.vec is null then null else ${embedder.id} end
    from done join v on v.id = done.entity_id
    where t.id = done.entity_id and t.id = any(${batchIds}::uuid[])
    returning t.id`);
  return resultRows(updated).length;
}

/** pgvector stores float4: 7 significant digits say everything and parse faster than 17. */
const vectorLiteral = (v: number[] | null) => (v ? `[${v.map((x) => x.toPrecision(7)).join(',')}]` : null);

async function recordFailure(db: Db, kind: EmbeddedKind, ids: string[], error: unknown): Promise<void> {
  await db
    .update(embeddingsTable)
    .set({
      attempts: sql`${embeddingsTable.attempts} + 1`,
      status: sql`case when ${embeddingsTable.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed'::embedding_status else ${embeddingsTable.status} end`,
      error: String(error instanceof Error ? error.message : error).slice(0, 1000),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(embeddingsTable.entityKind, kind),
        inArray(embeddingsTable.entityId, ids),
        eq(embeddingsTable.status, 'pending'),
      ),
    );
}

/** Marks every embedding made with another model (or all, with `all`) pending again. */
export async function markForReindex(db: Db, modelId: string, all = false): Promise<number> {
  const rows = await db
    .update(embeddingsTable)
    .set({ status: 'pending', attempts: 0, error: null, updatedAt: new Date() })
    .where(
      all
        ? undefined
        : sql`${embeddingsTable.model} is distinct from ${modelId} or ${embeddingsTable.status} = 'failed'`,
    )
    .returning({ id: embeddingsTable.entityId });
  return rows.length;
}
