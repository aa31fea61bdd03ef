import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { embeddingStatusEnum } from '../enums.ts';

export const EMBEDDED_KINDS = ['founder', 'project', 'mentor', 'investor', 'training', 'service'] as const;
export type EmbeddedKind = (typeof EMBEDDED_KINDS)[number];

/**
 * The embedding pipeline's bookkeeping, one row per embedded entity: status, the hash of the text
 * last marked or embedded, the model that made the entity's vector, inferred topics and attempts.
 * A write marks the row `pending` in the same transaction; the embedding job embeds it (see jobs/).
 * The vector and keyword form themselves live in the entity's row (`matchColumns`), where matching
 * filters and ranks without a join; their HNSW indexes are per (model, table).
 */
export const embeddingsTable = pgTable(
  'embeddings',
  {
    entityKind: text('entity_kind').$type<EmbeddedKind>().notNull(),
    entityId: uuid('entity_id').notNull(),
    status: embeddingStatusEnum('status').notNull().default('pending'),
    contentHash: text('content_hash').notNull(),
    model: text('model'),
    dimensions: integer('dimensions'),
    /** Topics and sectors inferred from the entity's prose at write time (with the phrases that matched). */
    inferredTopics: jsonb('inferred_topics').$type<{ topic: string; score: number; evidence: string[] }[]>(),
    inferredSectors: jsonb('inferred_sectors').$type<{ sector: string; score: number; evidence: string[] }[]>(),
    /** Failed attempts since the last success (the job gives up at the limit → `failed`). */
    attempts: integer('attempts').notNull().default(0),
    /** Successful embeddings of this entity so far (lets tests prove work is done once, not twice). */
    embedCount: integer('embed_count').notNull().default(0),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entityKind, t.entityId] }),
    // The queue's oldest-first page of pending rows (pendingKeys): a walk of this small index instead
    // of sorting the whole backlog for every page of a bulk load.
    index('embeddings_pending_idx').on(t.updatedAt).where(sql`${t.status} = 'pending'`),
  ],
);
