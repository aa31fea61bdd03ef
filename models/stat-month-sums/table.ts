import { bigint, date, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Each metric's daily rows of stat_snapshots summed per month, region and center, so a period's sums read
 * a dozen rows per area instead of one per day (statistics/period-sums.ts uses a month only when every day
 * of it was recorded). Kept equal to the daily rows by statement triggers on stat_snapshots (migration
 * 0025): every insert, update and delete there — the snapshot job, a backfill, a hand correction — adds
 * its difference here in the same transaction. Marks (`snapshot:<metric>`) are not summed.
 */
export const statMonthSumsTable = pgTable(
  'stat_month_sums',
  {
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    regionCode: text('region_code').notNull(),
    centerKey: text('center_key').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    // One row per key; its order serves a period's reads (metrics of a center, or of every region row, by month).
    uniqueIndex('stat_month_sums_uq').on(t.metric, t.centerKey, t.month, t.regionCode),
  ],
);
