import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../common/columns.ts';
import { projectsTable } from '../projects/table.ts';

/** What a project achieved in a month (YYYY-MM), entered by its founders or its center; staff lock it. */
export const projectOutcomesTable = pgTable(
  'project_outcomes',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    employees: integer('employees').notNull(),
    graduatesHired: integer('graduates_hired').notNull(),
    localHires: integer('local_hires').notNull(),
    revenueCny: integer('revenue_cny').notNull(),
    fundingRaisedCny: integer('funding_raised_cny').notNull(),
    fundingSources: text('funding_sources'),
    ipFilings: integer('ip_filings').notNull(),
    registeredEnterprise: boolean('registered_enterprise').notNull().default(false),
    enteredBy: text('entered_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
    lockedBy: text('locked_by'),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.period] })],
);
