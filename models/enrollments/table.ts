import { index, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../common/columns.ts';
import { trainingsTable } from '../trainings/table.ts';
import { foundersTable } from '../founders/table.ts';

export const enrollmentsTable = pgTable(
  'enrollments',
  {
    id: idColumn(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainingsTable.id, { onDelete: 'cascade' }),
    founderId: uuid('founder_id')
      .notNull()
      .references(() => foundersTable.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('enrollments_training_founder_uq').on(t.trainingId, t.founderId),
    // Enrolments made on a day (the scorecard's coaching activities).
    index('enrollments_created_idx').on(t.createdAt),
  ],
);
