import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationsTable } from '../applications/table.ts';
import { idColumn, timestamps } from '../common/columns.ts';
import { recommendationEnum } from '../enums.ts';

/** One reviewer's scores and recommendation on an application (replaced until the decision). */
export const applicationReviewsTable = pgTable(
  'application_reviews',
  {
    id: idColumn(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applicationsTable.id, { onDelete: 'cascade' }),
    /** The reviewer: its actor label (account:<id>, key:<id>, admin:env). */
    reviewer: text('reviewer').notNull(),
    /** Score per criterion id, 1..scale of the form. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    recommendation: recommendationEnum('recommendation').notNull(),
    comment: text('comment'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('application_reviews_reviewer_uq').on(t.applicationId, t.reviewer)],
);
