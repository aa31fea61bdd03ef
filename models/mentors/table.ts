import { sql } from 'drizzle-orm';
import { index, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { matchColumns, resourceColumns } from '../common/columns.ts';
import { langEnum, sectorEnum, topicEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';
import type { Contact } from '../founders/table.ts';

export const mentorsTable = pgTable(
  'mentors',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    bio: text('bio').notNull(),
    expertise: topicEnum('expertise').array().notNull(),
    sectors: sectorEnum('sectors').array().notNull(),
    languages: langEnum('languages').array().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regionsTable.code),
    remote: boolean('remote').notNull().default(false),
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    contact: jsonb('contact').$type<Contact>(),
    /** Set when deleted with history (introductions, enrolments): kept for statistics, out of every scope but admins'. */
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...matchColumns(),
  },
  (t) => [
    index('mentors_keywords_idx').using('gin', t.keywords),
    // project→mentors' place rule, "same prefecture or mentors remotely", among active mentors: a
    // BitmapOr of the two reads the few eligible rows instead of scanning every (wide) mentor row.
    index('mentors_active_prefecture_idx').on(sql`left(${t.regionCode}, 4)`).where(sql`${t.active}`),
    index('mentors_active_remote_idx').on(t.remote).where(sql`${t.active}`),
  ],
);
