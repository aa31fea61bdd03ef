import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../common/columns.ts';
import { roleEnum } from '../enums.ts';
import { centersTable } from '../centers/table.ts';
import { regionsTable } from '../regions/table.ts';

/** API keys: only a SHA-256 of the key is stored; the key itself is shown once at creation. */
export const apiKeysTable = pgTable('api_keys', {
  id: idColumn(),
  keyHash: text('key_hash').notNull().unique(),
  /** First characters of the key, to tell keys apart in listings without revealing them. */
  prefix: text('prefix').notNull(),
  role: roleEnum('role').notNull(),
  subjectId: text('subject_id'),
  centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'cascade' }),
  /** region_admin's region (a prefecture, a county or the whole region). */
  regionCode: text('region_code').references(() => regionsTable.code),
  label: text('label').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
});
