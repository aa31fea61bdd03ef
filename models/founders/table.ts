import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { resourceColumns } from '../common/columns.ts';
import { founderGroupEnum, langEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';
import { centersTable } from '../centers/table.ts';

export type Contact = { phone?: string; email?: string; wechat?: string };

export const foundersTable = pgTable('founders', {
  ...resourceColumns(),
  name: text('name').notNull(),
  groups: founderGroupEnum('groups').array().notNull(),
  regionCode: text('region_code').notNull().references(() => regionsTable.code),
  languages: langEnum('languages').array().notNull(),
  educationLevel: text('education_level'),
  graduationYear: integer('graduation_year'),
  interests: text('interests'),
  centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'set null' }),
  contact: jsonb('contact').$type<Contact>(),
});
