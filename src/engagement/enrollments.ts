// Training enrolments: a founder takes a seat in a training.
// Who enrols a founder directly: the founder themself, the founder's center staff, admins. A trainer
// does not: it invites (training-invitations.ts), and the enrolment is made when the founder or its
// center accepts. Seats are enforced in the database (takeSeat): the training row is locked FOR
// UPDATE, the enrolments counted, then the new one inserted, so concurrent enrolments never exceed
// `seats` (and the unique (training, founder) constraint backs the duplicate check).
// Who sees a training's enrolments: admins and its trainer all of them, center staff those of their
// center's founders, a founder their own; anyone else gets 404. Whoever sees an enrolment may
// remove it (which frees the seat).
import { and, asc, eq, exists, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import { isAdmin, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../db/errors.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import type { Executor, Row } from '../resources/types.ts';
import { countEnrollments } from './capacity.ts';
import { decodeCursor, isUuid, page } from './shared.ts';
import { audit } from '../audit/record.ts';

const e = enrollmentsTable;

export interface Enrollment {
  id: string;
  trainingId: string;
  founderId: string;
  createdAt: Date;
}

const present = (r: typeof e.$inferSelect): Enrollment => ({
  id: r.id,
  trainingId: r.trainingId,
  founderId: r.founderId,
  createdAt: r.createdAt,
});

export type Training = { id: string; provider: string; seats: number };
export const isTrainerOf = (actor: Actor, t: Training) => actor.role === 'trainer' && actor.subjectId === t.provider;

/**
 * The training (id, provider, seats), or 404. An archived one (deleted with history) is unknown: no
 * one enrols into or is invited to it; only `archived: true` (an admin reading its enrolments) finds it.
 */
export async function findTraining(db: Executor, id: string, opts: { archived?: boolean } = {}): Promise<Training> {
  if (!isUuid(id)) throw notFound('training');
  const [t] = await db
    .select({ id: trainingsTable.id, provider: trainingsTable.provider, seats: trainingsTable.seats })
    .from(trainingsTable)
    .where(and(eq(trainingsTable.id, id), opts.archived ? undefined : isNull(trainingsTable.archivedAt)))
    .limit(1);
  if (!t) throw notFound('training');
  return t;
}

export const unknownFounder = () => unprocessable([{ path: 'founderId', message: 'unknown founder / 创业者不存在' }]);
export const alreadyEnrolled = () =>
  conflict('The founder is already enrolled in this training / 该创业者已报名此培训', [
    { path: 'founderId', message: 'already enrolled / 已报名' },
  ]);

/** Enrolments of a training the actor sees, as a condition; null when the actor sees none (404). */
function enrollmentScope(actor: Actor, training: Training): SQL | 'all' | null {
  if (isAdmin(actor) || isTrainerOf(actor, training)) return 'all';
  if (actor.role === 'center_staff')
    return exists(
      sql`(select 1 from ${foundersTable} f where f.id = ${e.founderId} and f.center_id = ${actor.centerId})`,
    );
  if (actor.role === 'founder') return eq(e.founderId, actor.subjectId!);
  return null;
}

/**
 * The founder (not erased) when the actor may act for it: center staff only for their center's
 * founders — others get the same answer as an unknown id, so they learn nothing about other centers.
 */
export async function enrollableFounder(
  db: Executor,
  actor: Actor,
  founderId: string,
): Promise<{ id: string; centerId: string | null } | null> {
  if (!isUuid(founderId)) return null;
  const [founder] = await db
    .select({ id: foundersTable.id, centerId: foundersTable.centerId })
    .from(foundersTable)
    .where(and(eq(foundersTable.id, founderId), isNull(foundersTable.erasedAt)))
    .limit(1);
  return founder && (actor.role !== 'center_staff' || founder.centerId === actor.centerId) ? founder : null;
}

/**
 * Takes a seat for the founder inside the caller's transaction: locks the training row, then checks
 * for a duplicate (409) and a free seat (409), inserts and audits (`detail` adds to the audit entry).
 */
export async function takeSeat(
  tx: Executor,
  actor: Actor,
  trainingId: string,
  founder: { id: string; centerId: string | null },
  detail: Row = {},
): Promise<Enrollment> {
  const [locked] = await tx
    .select({ seats: trainingsTable.seats, archivedAt: trainingsTable.archivedAt })
    .from(trainingsTable)
    .where(eq(trainingsTable.id, trainingId))
    .for('update');
  // Archived meanwhile (or before an invitation is accepted): unknown, as to findTraining.
  if (!locked || locked.archivedAt) throw notFound('training');
  const [existing] = await tx
    .select({ id: e.id })
    .from(e)
    .where(and(eq(e.trainingId, trainingId), eq(e.founderId, founder.id)))
    .limit(1);
  if (existing) throw alreadyEnrolled();
  const taken = await countEnrollments(tx, trainingId);
  if (taken >= locked.seats)
    throw conflict(
      `The training is full (${taken} of ${locked.seats} seats taken) / 该培训名额已满（${taken}/${locked.seats}）`,
      [{ path: '', message: 'no seats left / 没有剩余名额' }],
    );
  const [row] = await tx.insert(e).values({ trainingId, founderId: founder.id }).returning();
  await audit(tx, actor, [
    {
      action: 'enrollment.create',
      entityKind: 'enrollment',
      entityId: row.id,
      centerId: founder.centerId,
      detail: { trainingId, founderId: founder.id, ...detail },
    },
  ]);
  return present(row);
}

/** Runs an enrolling write, answering the constraint violations of a race as the checks would. */
export async function enrollmentWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === UNIQUE_VIOLATION) throw alreadyEnrolled();
    if (code === FOREIGN_KEY_VIOLATION) throw unknownFounder();
    throw err;
  }
}

export class Enrollments {
  constructor(private readonly db: Db) {}

  /** The training to enrol into (never an archived one), or whose enrolments `reader` reads (admins: archived ones too). */
  private training(id: string, reader?: Actor): Promise<Training> {
    return findTraining(this.db, id, { archived: !!reader && isAdmin(reader) });
  }

  async enroll(actor: Actor, trainingId: string, founderId: string): Promise<Enrollment> {
    const training = await this.training(trainingId);
    if (actor.role === 'trainer')
      throw forbidden(
        `trainers do not enrol founders: invite them with POST /v1/trainings/${training.id}/invitations; the founder or its center accepts / ` +
          `培训提供方不能直接报名创业者：请通过 POST /v1/trainings/${training.id}/invitations 发出邀请，创业者本人或其所属双创中心接受后即报名`,
      );
    if (actor.role === 'founder' && actor.subjectId !== founderId)
      throw forbidden('founders enrol only themselves / 创业者只能为自己报名');
    if (!['admin', 'founder', 'center_staff'].includes(actor.role))
      throw forbidden(
        'only the founder, their center or an admin may enrol founders / 只有创业者本人、所属双创中心或管理员可以报名',
      );
    const founder = await enrollableFounder(this.db, actor, founderId);
    if (!founder) throw unknownFounder();
    return enrollmentWrite(() => this.db.transaction((tx) => takeSeat(tx, actor, training.id, founder)));
  }

  async list(actor: Actor, trainingId: string, q: { limit: number; cursor?: string; founderId?: string }) {
    const training = await this.training(trainingId, actor);
    const scope = enrollmentScope(actor, training);
    if (scope === null) throw notFound('training enrolments');
    const conds: (SQL | undefined)[] = [eq(e.trainingId, training.id), scope === 'all' ? undefined : scope];
    if (q.founderId) conds.push(eq(e.founderId, q.founderId));
    if (q.cursor) conds.push(gt(e.id, decodeCursor(q.cursor)));
    const rows = await this.db
      .select()
      .from(e)
      .where(and(...conds))
      .orderBy(asc(e.id))
      .limit(q.limit + 1);
    const p = page(rows, q.limit);
    const taken = await countEnrollments(this.db, training.id);
    return {
      items: p.items.map(present),
      nextCursor: p.nextCursor,
      seats: training.seats,
      seatsLeft: Math.max(0, training.seats - taken),
    };
  }

  /** One founder's enrolment in the training, when the actor sees it (else 404). */
  async get(actor: Actor, trainingId: string, founderId: string): Promise<Enrollment> {
    const training = await this.training(trainingId, actor);
    const scope = enrollmentScope(actor, training);
    if (scope === null || !isUuid(founderId)) throw notFound('enrolment');
    const [row] = await this.db
      .select()
      .from(e)
      .where(and(eq(e.trainingId, training.id), eq(e.founderId, founderId), scope === 'all' ? undefined : scope))
      .limit(1);
    if (!row) throw notFound('enrolment');
    return present(row);
  }

  async remove(actor: Actor, trainingId: string, founderId: string): Promise<void> {
    const training = await this.training(trainingId, actor);
    const scope = enrollmentScope(actor, training);
    if (scope === null || !isUuid(founderId)) throw notFound('enrolment');
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(e)
        .where(and(eq(e.trainingId, training.id), eq(e.founderId, founderId), scope === 'all' ? undefined : scope))
        .returning();
      if (!row) throw notFound('enrolment');
      const [f] = await tx
        .select({ centerId: foundersTable.centerId })
        .from(foundersTable)
        .where(eq(foundersTable.id, founderId));
      await audit(tx, actor, [
        {
          action: 'enrollment.delete',
          entityKind: 'enrollment',
          entityId: row.id,
          centerId: f?.centerId ?? null,
          detail: { trainingId: row.trainingId, founderId },
        },
      ]);
    });
  }
}
