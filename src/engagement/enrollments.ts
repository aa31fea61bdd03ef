// Training enrolments: a founder takes a seat in a training.
// Who enrols a founder: the founder themself, the founder's center staff, the training's trainer
// (provider = the key's subjectId), admins. Seats are enforced in the database: the training row
// is locked FOR UPDATE, the enrolments counted, then the new one inserted, so concurrent enrolments
// never exceed `seats` (and the unique (training, founder) constraint backs the duplicate check).
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

const present = (r: typeof e.$inferSelect): Enrollment => ({ id: r.id, trainingId: r.trainingId, founderId: r.founderId, createdAt: r.createdAt });

type Training = { id: string; provider: string; seats: number };
const isTrainerOf = (actor: Actor, t: Training) => actor.role === 'trainer' && actor.subjectId === t.provider;

const unknownFounder = () => unprocessable([{ path: 'founderId', message: 'unknown founder / 创业者不存在' }]);
const alreadyEnrolled = () =>
  conflict('The founder is already enrolled in this training / 该创业者已报名此培训', [{ path: 'founderId', message: 'already enrolled / 已报名' }]);

/** Enrolments of a training the actor sees, as a condition; null when the actor sees none (404). */
function enrollmentScope(actor: Actor, training: Training): SQL | 'all' | null {
  if (isAdmin(actor) || isTrainerOf(actor, training)) return 'all';
  if (actor.role === 'center_staff')
    return exists(sql`(select 1 from ${foundersTable} f where f.id = ${e.founderId} and f.center_id = ${actor.centerId})`);
  if (actor.role === 'founder') return eq(e.founderId, actor.subjectId!);
  return null;
}

export class Enrollments {
  constructor(private readonly db: Db) {}

  private async training(id: string): Promise<Training> {
    if (!isUuid(id)) throw notFound('training');
    const [t] = await this.db
      .select({ id: trainingsTable.id, provider: trainingsTable.provider, seats: trainingsTable.seats })
      .from(trainingsTable)
      .where(eq(trainingsTable.id, id))
      .limit(1);
    if (!t) throw notFound('training');
    return t;
  }

  async enroll(actor: Actor, trainingId: string, founderId: string): Promise<Enrollment> {
    const training = await this.training(trainingId);
    // Who may enrol this founder here. Center staff asking for a founder outside their center get the
    // same 422 as for an unknown id, so they learn nothing about other centers' founders.
    if (actor.role === 'founder' && actor.subjectId !== founderId)
      throw forbidden('founders enrol only themselves / 创业者只能为自己报名');
    if (!['admin', 'founder', 'center_staff'].includes(actor.role) && !isTrainerOf(actor, training))
      throw forbidden('only the founder, their center, the training\'s provider or an admin may enrol founders / 只有创业者本人、所属双创中心、培训提供方或管理员可以报名');
    const [founder] = await this.db
      .select({ id: foundersTable.id, centerId: foundersTable.centerId })
      .from(foundersTable)
      .where(and(eq(foundersTable.id, founderId), isNull(foundersTable.erasedAt)))
      .limit(1);
    if (!founder || (actor.role === 'center_staff' && founder.centerId !== actor.centerId)) throw unknownFounder();

    try {
      return await this.db.transaction(async (tx) => {
        const [locked] = await tx.select({ seats: trainingsTable.seats }).from(trainingsTable).where(eq(trainingsTable.id, training.id)).for('update');
        if (!locked) throw notFound('training');
        const [existing] = await tx.select({ id: e.id }).from(e).where(and(eq(e.trainingId, training.id), eq(e.founderId, founderId))).limit(1);
        if (existing) throw alreadyEnrolled();
        const taken = await countEnrollments(tx, training.id);
        if (taken >= locked.seats)
          throw conflict(`The training is full (${taken} of ${locked.seats} seats taken) / 该培训名额已满（${taken}/${locked.seats}）`, [
            { path: '', message: 'no seats left / 没有剩余名额' },
          ]);
        const [row] = await tx.insert(e).values({ trainingId: training.id, founderId }).returning();
        await audit(tx, actor, [
          { action: 'enrollment.create', entityKind: 'enrollment', entityId: row.id, centerId: founder.centerId, detail: { trainingId: row.trainingId, founderId } },
        ]);
        return present(row);
      });
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === UNIQUE_VIOLATION) throw alreadyEnrolled();
      if (code === FOREIGN_KEY_VIOLATION) throw unknownFounder();
      throw err;
    }
  }

  async list(actor: Actor, trainingId: string, q: { limit: number; cursor?: string; founderId?: string }) {
    const training = await this.training(trainingId);
    const scope = enrollmentScope(actor, training);
    if (scope === null) throw notFound('training enrolments');
    const conds: (SQL | undefined)[] = [eq(e.trainingId, training.id), scope === 'all' ? undefined : scope];
    if (q.founderId) conds.push(eq(e.founderId, q.founderId));
    if (q.cursor) conds.push(gt(e.id, decodeCursor(q.cursor)));
    const rows = await this.db.select().from(e).where(and(...conds)).orderBy(asc(e.id)).limit(q.limit + 1);
    const p = page(rows, q.limit);
    const taken = await countEnrollments(this.db, training.id);
    return { items: p.items.map(present), nextCursor: p.nextCursor, seats: training.seats, seatsLeft: Math.max(0, training.seats - taken) };
  }

  /** One founder's enrolment in the training, when the actor sees it (else 404). */
  async get(actor: Actor, trainingId: string, founderId: string): Promise<Enrollment> {
    const training = await this.training(trainingId);
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
    const training = await this.training(trainingId);
    const scope = enrollmentScope(actor, training);
    if (scope === null || !isUuid(founderId)) throw notFound('enrolment');
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(e)
        .where(and(eq(e.trainingId, training.id), eq(e.founderId, founderId), scope === 'all' ? undefined : scope))
        .returning();
      if (!row) throw notFound('enrolment');
      const [f] = await tx.select({ centerId: foundersTable.centerId }).from(foundersTable).where(eq(foundersTable.id, founderId));
      await audit(tx, actor, [
        { action: 'enrollment.delete', entityKind: 'enrollment', entityId: row.id, centerId: f?.centerId ?? null, detail: { trainingId: row.trainingId, founderId } },
      ]);
    });
  }
}
