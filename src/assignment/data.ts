// What an assignment run reads besides the matching pool: which projects it covers by default,
// which projects already have a coach, and how many places each mentor has left for a run.
//
// Run capacity = capacity − accepted mentorships (src/engagement/capacity.ts, the contract's
// remaining capacity) − places *held* by published assignments: introductions an assignment run
// created that are still `requested`. A published assignment is a commitment of the center, so a
// later run must not hand the same place out again; once the mentor accepts, the place moves from
// held to accepted (never counted twice); a decline frees it. Introductions founders request on
// their own hold nothing (founders may ask several mentors; only accepting takes a place).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { introductionsTable, mentorsTable, projectsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import type { Executor } from '../resources/types.ts';
import { acceptedMentorshipsSql } from '../engagement/capacity.ts';

const CHUNK = 1000;
const i = introductionsTable;

/**
 * Statuses of projects a run assigns coaches to: submitted, vetted or incubating (not drafts, not
 * rejected; graduated ones have left the program, exited ones are matched nowhere).
 */
export const ASSIGNABLE_STATUSES = ['submitted', 'vetted', 'incubating'] as const;

/** A project "has a coach" while a mentor introduction is open (requested or accepted); an ended one, whyever, is no coach. */
const hasOpenMentorIntro = sql`exists (select 1 from ${introductionsTable} oi
  where oi.project_id = "projects"."id" and oi.target_kind = 'mentor' and oi.status in ('requested', 'accepted'))`;

/** Places held by published assignments, for the mentor row in the query. */
export const heldByRunsSql = () => sql<number>`(select count(*)::int from ${introductionsTable} hi
  where hi.target_kind = 'mentor' and hi.target_id = "mentors"."id" and hi.status = 'requested' and hi.assignment_run_id is not null)`;

/** The default projects of a run: the center's assignable projects (ASSIGNABLE_STATUSES, not archived) without a coach, oldest first. */
export async function defaultProjectIds(db: Db, centerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: projectsTable.id })
    .from(projectsTable)
    .where(
      and(
        eq(projectsTable.centerId, centerId),
        isNull(projectsTable.archivedAt),
        inArray(projectsTable.status, [...ASSIGNABLE_STATUSES]),
        sql`not ${hasOpenMentorIntro}`,
      ),
    )
    .orderBy(asc(projectsTable.id));
  return rows.map((r) => r.id);
}

/** Of these projects, those that already have a coach (an open mentor introduction). */
export async function projectsWithCoach(db: Executor, projectIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let k = 0; k < projectIds.length; k += CHUNK) {
    const rows = await db
      .selectDistinct({ id: i.projectId })
      .from(i)
      .where(
        and(
          inArray(i.projectId, projectIds.slice(k, k + CHUNK)),
          eq(i.targetKind, 'mentor'),
          inArray(i.status, ['requested', 'accepted']),
        ),
      );
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export interface RunCapacity {
  capacity: number;
  accepted: number;
  held: number;
  /** Places a run may fill: capacity − accepted − held, never below 0. */
  free: number;
}

/** Run capacity of these mentors (all mentors when `mentorIds` is absent). */
export async function runCapacities(db: Executor, mentorIds?: string[]): Promise<Map<string, RunCapacity>> {
  const out = new Map<string, RunCapacity>();
  const load = async (ids?: string[]) => {
    const rows = await db
      .select({
        id: mentorsTable.id,
        capacity: mentorsTable.capacity,
        accepted: acceptedMentorshipsSql(mentorsTable.id),
        held: heldByRunsSql(),
      })
      .from(mentorsTable)
      .where(ids ? inArray(mentorsTable.id, ids) : undefined);
    for (const r of rows)
      out.set(r.id, {
        capacity: r.capacity,
        accepted: r.accepted,
        held: r.held,
        free: Math.max(0, r.capacity - r.accepted - r.held),
      });
  };
  if (!mentorIds) await load();
  else for (let k = 0; k < mentorIds.length; k += CHUNK) await load(mentorIds.slice(k, k + CHUNK));
  return out;
}
