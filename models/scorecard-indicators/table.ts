import { boolean, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The center scorecard's indicators as admins set them (issue 22): on or off, weight in the score and
 * a yearly target (null: no target, the indicator is shown but not scored). No row: the defaults of
 * src/statistics/scorecard.ts.
 */
export const scorecardIndicatorsTable = pgTable('scorecard_indicators', {
  key: text('key').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  weight: doublePrecision('weight').notNull(),
  target: doublePrecision('target'),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
