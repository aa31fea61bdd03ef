import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, matchColumns, resourceColumns } from '../common/columns.ts';
import {
  langEnum,
  projectInvitationStatusEnum,
  projectStatusEnum,
  sectorEnum,
  stageEnum,
  topicEnum,
} from '../enums.ts';
import { regionsTable } from '../regions/table.ts';
import { centersTable } from '../centers/table.ts';
import { foundersTable } from '../founders/table.ts';

export const projectsTable = pgTable(
  'projects',
  {
    ...resourceColumns(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    sector: sectorEnum('sector').notNull(),
    stage: stageEnum('stage').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regionsTable.code),
    centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'set null' }),
    needs: topicEnum('needs').array().notNull(),
    fundingNeedCny: integer('funding_need_cny'),
    languages: langEnum('languages').array().notNull(),
    status: projectStatusEnum('status').notNull().default('draft'),
    confidential: jsonb('confidential').$type<Record<string, unknown>>(),
    /** Why the center vetted or rejected it (the founder reads it); cleared when the status changes without one. */
    statusReason: text('status_reason'),
    /** When it last entered `submitted` (the vetting queue's order); kept by the server. */
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** Set when deleted with history (introductions, enrolments): kept for statistics, out of every scope but admins'. */
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...matchColumns(),
    // The founders' groups (the policy's priority groups), kept by triggers on project_founders and
    // founders (migration 0009): investor→projects scores every candidate on them, and a subquery per
    // candidate cost a third of reading the candidates. Personal data: hidden like the match columns.
    founderGroups: text('founder_groups').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('projects_center_idx').on(t.centerId),
    index('projects_status_idx').on(t.status),
    // Projects created on a day (the funnel's submissions, statistics/funnel.ts).
    index('projects_created_idx').on(t.createdAt),
    index('projects_keywords_idx').using('gin', t.keywords),
    // investor→projects: reviewed projects (REVIEWED_STATUSES) of the investor's sectors and stages.
    index('projects_reviewed_sector_idx')
      .on(t.sector, t.stage)
      .where(sql`${t.status} in ('vetted', 'incubating', 'graduated')`),
    // The vetting queue: a center's submitted projects, oldest first.
    index('projects_vetting_queue_idx').on(t.centerId, t.submittedAt).where(sql`${t.status} = 'submitted'`),
  ],
);

/** Founders ↔ projects, many to many (the contract's `founderIds`, in order). */
export const projectFoundersTable = pgTable(
  'project_founders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    founderId: uuid('founder_id')
      .notNull()
      .references(() => foundersTable.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.founderId] }), index('project_founders_founder_idx').on(t.founderId)],
);

/**
 * A founder invited to join a project by one of its founders: it becomes a member (a row of
 * project_founders) only when it accepts with its own key. Decided invitations stay as history.
 */
export const projectInvitationsTable = pgTable(
  'project_invitations',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    founderId: uuid('founder_id')
      .notNull()
      .references(() => foundersTable.id, { onDelete: 'cascade' }),
    /** The founder who invited (null once that founder's row is gone). */
    invitedBy: uuid('invited_by').references(() => foundersTable.id, { onDelete: 'set null' }),
    status: projectInvitationStatusEnum('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('project_invitations_founder_idx').on(t.founderId),
    index('project_invitations_invited_by_idx').on(t.invitedBy),
    // One open invitation per project and founder.
    uniqueIndex('project_invitations_pending_uq').on(t.projectId, t.founderId).where(sql`status = 'pending'`),
  ],
);
