// Columns every contract resource shares, and the custom pgvector/tsvector column types.
import { customType, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
