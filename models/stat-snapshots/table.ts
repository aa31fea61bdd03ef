import { bigint, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The daily snapshot of every figure (issue 22): one row per day, metric, region and center, so any
 * figure has a history. `regionCode` is '540000' for the whole region; `centerKey` is a center id or
 * '' for region-wide figures (a key, not a reference: a removed center keeps its history).
 * Written by the snapshot job only; re-running a day replaces that day's rows.
 */
export const statSnapshotsTable = pgTable(
  'stat_snapshots',
  {
    day: date('day', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    regionCode: text('region_code').notNull(),
    centerKey: text('center_key').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // One row per day, metric, region and center; its order also serves series reads (a metric for a region or center over days).
    uniqueIndex('stat_snapshots_uq').on(t.metric, t.regionCode, t.centerKey, t.day),
    index('stat_snapshots_day_idx').on(t.day),
    // Also stat_snapshots_period_idx (metric, center_key, day) INCLUDE (region_code, value), for a period's
    // sums from the index alone: in migration 0024 only (drizzle's index builder has no INCLUDE).
  ],
);
