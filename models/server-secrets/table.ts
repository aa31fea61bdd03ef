import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Secrets every process of one installation shares, made by migrations (e.g. `founder_handle`). Never served. */
export const serverSecretsTable = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
