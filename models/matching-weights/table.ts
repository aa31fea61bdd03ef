import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { centersTable } from '../centers/table.ts';

/** A center's own feature weights for the match scores (absent features keep the defaults). */
export const matchingWeightsTable = pgTable('matching_weights', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centersTable.id, { onDelete: 'cascade' }),
  weights: jsonb('weights').$type<Record<string, Record<string, number>>>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
