import { index, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { matchColumns, resourceColumns } from '../common/columns.ts';
import { founderGroupEnum, langEnum, providerKindEnum, stageEnum, topicEnum, trainingModeEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';

export const trainingsTable = pgTable(
  'trainings',
  {
    ...resourceColumns(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The provider's name; a trainer key's `subjectId` is this name. */
    provider: text('provider').notNull(),
    providerKind: providerKindEnum('provider_kind').notNull(),
    topics: topicEnum('topics').array().notNull(),
    /** Empty = open to all (as for stages). */
    targetGroups: founderGroupEnum('target_groups').array().notNull(),
    stages: stageEnum('stages').array().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regionsTable.code),
    mode: trainingModeEnum('mode').notNull(),
    seats: integer('seats').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    languages: langEnum('languages').array().notNull(),
    /** Set when deleted with history (introductions, enrolments): kept for statistics, out of every scope but admins'. */
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...matchColumns(),
  },
  (t) => [index('trainings_keywords_idx').using('gin', t.keywords)],
);
