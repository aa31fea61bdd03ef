import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../common/columns.ts';
import { accountStatusEnum, langEnum, roleEnum } from '../enums.ts';
import { centersTable } from '../centers/table.ts';
import { regionsTable } from '../regions/table.ts';

/**
 * People who sign in to the console. An account holds one role and binding exactly as an API key does
 * (`subject_id`, `center_id`), so the same policies apply to both. Only hashes are stored: argon2id for
 * the password, SHA-256 for the one-time invitation token (random 256 bits: nothing to brute-force).
 */
export const accountsTable = pgTable(
  'accounts',
  {
    id: idColumn(),
    /** As typed at creation; unique case-insensitively (accounts_login_uq on lower(login)). */
    login: text('login').notNull(),
    displayName: text('display_name'),
    role: roleEnum('role').notNull(),
    subjectId: text('subject_id'),
    centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'cascade' }),
    /** region_admin's region (a prefecture, a county or the whole region). */
    regionCode: text('region_code').references(() => regionsTable.code),
    lang: langEnum('lang').notNull().default('zh'),
    status: accountStatusEnum('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    invitationHash: text('invitation_hash'),
    invitationExpiresAt: timestamp('invitation_expires_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by'),
    /** The previous console visit: "new since last visit" on the home page. */
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('accounts_login_uq').on(sql`lower(${t.login})`),
    uniqueIndex('accounts_invitation_uq').on(t.invitationHash),
    index('accounts_center_idx').on(t.centerId),
    // A subject's accounts (erasure, removal, the founder's export).
    index('accounts_subject_idx').on(t.role, t.subjectId),
  ],
);

/** Console sessions: the id is random and only its SHA-256 is stored. */
export const accountSessionsTable = pgTable(
  'account_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accountsTable.id, { onDelete: 'cascade' }),
    /** The per-session token every console form carries (double check beside the Origin check). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('account_sessions_account_idx').on(t.accountId)],
);

/**
 * Failed sign-ins per login (lower-cased, whether or not an account has it): the growing delay lives
 * in the database so every process of an installation agrees on it.
 */
export const loginAttemptsTable = pgTable('login_attempts', {
  loginKey: text('login_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
});
