import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../common/columns.ts';
import { centerStatusEnum } from '../enums.ts';
import { centersTable } from '../centers/table.ts';

/**
 * Every status a center had and from which day: coverage at a past date takes, per center, the row
 * with the latest `since` on or before that date (ties: the latest recorded). Appended whenever a
 * center is created or its status / statusSince change; never edited.
 */
export const centerStatusHistoryTable = pgTable(
  'center_status_history',
  {
    id: idColumn(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centersTable.id, { onDelete: 'cascade' }),
    status: centerStatusEnum('status').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('center_status_history_center_idx').on(t.centerId, t.since)],
);
