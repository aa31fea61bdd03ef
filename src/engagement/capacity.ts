// Mentor capacity and training seats, as the contract counts them:
//   mentor remaining capacity = capacity − accepted, not yet ended introductions to the mentor
//   training seats left       = seats − enrolments
// The SQL expressions are exported for the matching and assignment code, so every place counts
// the same way. Writers that take a unit (accepting an introduction, enrolling) lock the mentor or
// training row FOR UPDATE first (see introductions.ts, enrollments.ts), which serialises them.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { qualified } from '../db/sql.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { introductionsTable } from '../../models/introductions/table.ts';
import { mentorsTable } from '../../models/mentors/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import type { Executor } from '../resources/types.ts';

/** Accepted, not yet ended mentorships of the mentor whose id is `mentorId` (a column or a value). */
export const acceptedMentorshipsSql = (mentorId: PgColumn | SQL | string): SQL<number> =>
  sql<number>`(select count(*)::int from ${introductionsTable} ai
    where ai.target_kind = 'mentor' and ai.target_id = ${qualified(mentorId)} and ai.status = 'accepted')`;

/** Remaining capacity of the mentor row in the query (never below 0). */
export const mentorRemainingSql = (): SQL<number> =>
  sql<number>`greatest(${qualified(mentorsTable.capacity)} - ${acceptedMentorshipsSql(mentorsTable.id)}, 0)`;

/** Enrolments of the training whose id is `trainingId`. */
export const enrolledCountSql = (trainingId: PgColumn | SQL | string): SQL<number> =>
  sql<number>`(select count(*)::int from ${enrollmentsTable} ce where ce.training_id = ${qualified(trainingId)})`;

/** Seats left in the training row in the query (never below 0). */
export const seatsLeftSql = (): SQL<number> =>
  sql<number>`greatest(${qualified(trainingsTable.seats)} - ${enrolledCountSql(trainingsTable.id)}, 0)`;

export interface MentorCapacity {
  mentorId: string;
  capacity: number;
  accepted: number;
  remaining: number;
}

/** `scope`: the caller's read scope of mentors (outside it, null as for an unknown id). */
export async function mentorCapacity(db: Executor, mentorId: string, scope?: SQL): Promise<MentorCapacity | null> {
  const [row] = await db
    .select({ capacity: mentorsTable.capacity, accepted: acceptedMentorshipsSql(mentorsTable.id) })
    .from(mentorsTable)
    .where(and(eq(mentorsTable.id, mentorId), scope))
    .limit(1);
  return row
    ? { mentorId, capacity: row.capacity, accepted: row.accepted, remaining: Math.max(0, row.capacity - row.accepted) }
    : null;
}

/** Accepted mentorships of a mentor, counted inside the caller's transaction (after its row lock). */
export async function countAcceptedMentorships(db: Executor, mentorId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(introductionsTable)
    .where(
      and(
        eq(introductionsTable.targetKind, 'mentor'),
        eq(introductionsTable.targetId, mentorId),
        eq(introductionsTable.status, 'accepted'),
      ),
    );
  return row.n;
}

export async function countEnrollments(db: Executor, trainingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enrollmentsTable)
    .where(eq(enrollmentsTable.trainingId, trainingId));
  return row.n;
}
