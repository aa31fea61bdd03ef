import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationsTable } from '../applications/table.ts';
import { centersTable } from '../centers/table.ts';
import { idColumn, timestamps } from '../common/columns.ts';
import { exitReasonEnum, incubationEndEnum } from '../enums.ts';
import { projectsTable } from '../projects/table.ts';

/** A project's stay in a center from admission to graduation or exit. */
export const incubationsTable = pgTable(
  'incubations',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centersTable.id, { onDelete: 'cascade' }),
    /** The admitted application that started it (null if that row is gone). */
    applicationId: uuid('application_id').references(() => applicationsTable.id, { onDelete: 'set null' }),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    plannedMonths: integer('planned_months').notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    end: incubationEndEnum('end'),
    exitReason: exitReasonEnum('exit_reason'),
    note: text('note'),
    /** The graduation criteria the center found met (free keys, e.g. registeredEnterprise: true). */
    criteriaMet: jsonb('criteria_met').$type<Record<string, unknown>>(),
    ...timestamps(),
  },
  (t) => [
    index('incubations_center_idx').on(t.centerId),
    // Incubations ended on a day (the funnel's graduations).
    index('incubations_ended_idx').on(t.endedOn),
    // One running incubation per project.
    uniqueIndex('incubations_running_uq').on(t.projectId).where(sql`ended_on is null`),
  ],
);
