import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matchColumns, resourceColumns } from '../common/columns.ts';
import { employmentStatusEnum, founderGroupEnum, langEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';
import { centersTable } from '../centers/table.ts';

export type Contact = { phone?: string; email?: string; wechat?: string };
/** The founder's consent (PIPL) to share its contact with parties that accepted an introduction; `at` is set by the server. */
export type Consent = { shareContact: boolean; at: string };

export const foundersTable = pgTable(
  'founders',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    groups: founderGroupEnum('groups').array().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regionsTable.code),
    languages: langEnum('languages').array().notNull(),
    educationLevel: text('education_level'),
    graduationYear: integer('graduation_year'),
    interests: text('interests'),
    centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'set null' }),
    contact: jsonb('contact').$type<Contact>(),
    consent: jsonb('consent').$type<Consent>(),
    /** Employment (personal data: hidden like the contact, exported and erased with the founder). */
    employmentStatus: employmentStatusEnum('employment_status'),
    /** A graduate who left school without a job (policy: 离校未就业高校毕业生). */
    leftSchoolUnemployed: boolean('left_school_unemployed'),
    /** The day the employment facts were true (YYYY-MM-DD). */
    employmentAsOf: date('employment_as_of', { mode: 'string' }),
    /** Set when the founder was deleted: personal fields are erased, the row stays so enrolments and audit keep their references. */
    erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
    ...matchColumns(),
  },
  (t) => [
    index('founders_keywords_idx').using('gin', t.keywords),
    // Selective rules of training→founders (target groups, an on-site class's prefecture), so that
    // matching reads the founders they leave instead of scanning every founder.
    index('founders_groups_idx').using('gin', t.groups),
    index('founders_prefecture_idx').on(sql`left(${t.regionCode}, 4)`),
    // A center's founders (staff scopes, the accounts staff manage) without scanning every founder.
    index('founders_center_idx').on(t.centerId),
  ],
);
