import { index, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { matchColumns, resourceColumns } from '../common/columns.ts';
import { investorKindEnum, sectorEnum, stageEnum } from '../enums.ts';
import type { Contact } from '../founders/table.ts';

export const investorsTable = pgTable(
  'investors',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    kind: investorKindEnum('kind').notNull(),
    thesis: text('thesis').notNull(),
    /** Empty = no restriction (as for stages and regionCodes). */
    sectors: sectorEnum('sectors').array().notNull(),
    stages: stageEnum('stages').array().notNull(),
    ticketMinCny: integer('ticket_min_cny').notNull(),
    ticketMaxCny: integer('ticket_max_cny').notNull(),
    regionCodes: text('region_codes').array().notNull(),
    active: boolean('active').notNull().default(true),
    contact: jsonb('contact').$type<Contact>(),
    /** Set when deleted with history (introductions, enrolments): kept for statistics, out of every scope but admins'. */
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...matchColumns(),
  },
  (t) => [index('investors_keywords_idx').using('gin', t.keywords)],
);
