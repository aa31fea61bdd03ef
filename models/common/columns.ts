// Columns every contract resource shares, and the custom pgvector/tsvector column types.
import { getTableColumns, sql, type Table } from 'drizzle-orm';
import { customType, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from './uuid.ts';

export const idColumn = () => uuid('id').primaryKey().$defaultFn(uuidv7);

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Server id, client `externalId` (unique per resource type, NULLs allowed) and timestamps. */
export const resourceColumns = () => ({
  id: idColumn(),
  externalId: text('external_id').unique(),
  ...timestamps(),
});

/**
 * pgvector `vector` without a fixed dimension: the model decides the size, so one column holds
 * vectors of several models and each model gets its own expression index (see embeddings/table.ts).
 */
export const vector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (value) => `[${value.join(',')}]`,
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : (value as number[])),
});

export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/**
 * What matching reads of an embedded entity, kept in the entity's own row so that the eligibility
 * rules, the HNSW index and the keyword GIN index work on one table (no join per candidate). Written
 * by the embedding pipeline only (keywords at write time, the vector by the job), never by the API.
 * `vectorModel` says which model made `vector`: a vector of another model is never compared.
 */
export const matchColumns = () => ({
  vector: vector('vector'),
  vectorModel: text('vector_model'),
  keywords: tsvector('keywords'),
  // Keywords of more than one character (what the lexical score divides by), kept by PostgreSQL
  // itself: counting them per candidate at match time cost a fifth of reading the candidates.
  // keyword_count() is defined by migration 0008.
  keywordCount: integer('keyword_count').generatedAlwaysAs(sql`keyword_count(keywords)`),
});
export const MATCH_KEYS = ['vector', 'vectorModel', 'keywords', 'keywordCount'] as const;
/** Columns the server keeps for matching and never shows: the match columns and projects' founderGroups. */
export const HIDDEN_KEYS = [...MATCH_KEYS, 'founderGroups'] as const;
type HiddenKey = (typeof HIDDEN_KEYS)[number];

/** A table's columns without the hidden ones: what the API, exports and profiles read as the row. */
export function entityColumns<T extends Table>(table: T): Omit<T['_']['columns'], HiddenKey> {
  const cols: Record<string, unknown> = { ...getTableColumns(table) };
  for (const k of HIDDEN_KEYS) delete cols[k];
  return cols as Omit<T['_']['columns'], HiddenKey>;
}
