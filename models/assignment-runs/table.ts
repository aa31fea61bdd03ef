import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../common/columns.ts';
import { runStatusEnum } from '../enums.ts';
import { centersTable } from '../centers/table.ts';

export const assignmentRunsTable = pgTable('assignment_runs', {
  id: idColumn(),
  centerId: uuid('center_id')
    .notNull()
    .references(() => centersTable.id, { onDelete: 'cascade' }),
  status: runStatusEnum('status').notNull().default('queued'),
  input: jsonb('input').notNull(),
  result: jsonb('result'),
  error: text('error'),
  createdBy: text('created_by'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  publishedBy: text('published_by'),
  ...timestamps(),
});
