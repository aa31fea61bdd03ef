import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { centersTable } from '../centers/table.ts';
import { idColumn, timestamps } from '../common/columns.ts';
import { admissionDecisionEnum, applicationStatusEnum } from '../enums.ts';
import { projectsTable } from '../projects/table.ts';

/** A project's application to a center; the decision is kept on it. */
export const applicationsTable = pgTable(
  'applications',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centersTable.id, { onDelete: 'cascade' }),
    /** Answers by question id of the center's admission form. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    /** The space or services the project asks the center for. */
    wanted: text('wanted'),
    status: applicationStatusEnum('status').notNull().default('submitted'),
    submittedBy: text('submitted_by'),
    decision: admissionDecisionEnum('decision'),
    /** Why (the founders read it). */
    reason: text('reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by'),
    ...timestamps(),
  },
  (t) => [
    index('applications_center_idx').on(t.centerId, t.status),
    index('applications_project_idx').on(t.projectId),
    // Decisions of a day (the funnel's reviewed and admitted steps).
    index('applications_decided_idx').on(t.decidedAt),
    // One open application per project and center.
    uniqueIndex('applications_open_uq').on(t.projectId, t.centerId).where(sql`status = 'submitted'`),
  ],
);
