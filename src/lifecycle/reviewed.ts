// Which projects investors read and match on (REVIEWED_STATUSES), and which are matched nowhere
// (exited), for the policies, matching recipes and introductions alike.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { REVIEWED_STATUSES, type ProjectStatus } from '../../models/enums.ts';

export const isReviewed = (status: string | null | undefined): boolean =>
  (REVIEWED_STATUSES as readonly string[]).includes(status ?? '');

/**
 * `status in ('vetted', 'incubating', 'graduated')` written out like the predicate of the partial index
 * projects_reviewed_sector_idx, so the planner can use it.
 */
export const reviewedSql = (status: PgColumn | SQL): SQL =>
  sql`${status} in (${sql.raw(REVIEWED_STATUSES.map((s) => `'${s}'`).join(', '))})`;

/** Matched nowhere: an exited project neither looks for partners nor is offered to investors. */
export const UNMATCHED_STATUSES: readonly ProjectStatus[] = ['exited'];
export const isMatchable = (status: string | null | undefined) => !UNMATCHED_STATUSES.includes(status as ProjectStatus);
