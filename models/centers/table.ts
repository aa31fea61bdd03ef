import { sql } from 'drizzle-orm';
import { boolean, date, pgTable, text } from 'drizzle-orm/pg-core';
import { resourceColumns } from '../common/columns.ts';
import { centerKindEnum, centerLevelEnum, centerStatusEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';

export const centersTable = pgTable('centers', {
  ...resourceColumns(),
  name: text('name').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regionsTable.code),
  kind: centerKindEnum('kind').notNull(),
  operator: text('operator'),
  pilot: boolean('pilot').notNull().default(false),
  /** Current status; its history (what coverage at a past date reads) is center_status_history. */
  status: centerStatusEnum('status').notNull().default('operating'),
  /** The day the current status took effect (YYYY-MM-DD). */
  statusSince: date('status_since', { mode: 'string' }).notNull().default(sql`current_date`),
  level: centerLevelEnum('level'),
});
