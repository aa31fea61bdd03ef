// Training invitations: a trainer asks a founder to join a training; the founder (or its center's
// staff, or an admin) accepts — which takes the seat — or declines. Until then the trainer knows
// the founder only by the pseudonymous handle of its cohort matches (founder-handles.ts).
// - who invites: the training's trainer, by handle; center staff (their center's founders) and
//   admins, by founderId. An unknown handle or founder is 422 (staff: as for another center's founder).
// - one invitation per (training, founder): an open, accepted or declined one makes another 409 (a
//   founder who declined is not asked again); a founder already enrolled is 409.
// - who sees invitations: admins all; center staff their founders'; a founder its own; a trainer
//   those of its trainings, with the handle, and the founder's id and name only once accepted.
// - who decides: the founder, its center's staff, admins; only from `invited`. Accepting takes a seat
//   with the row-locked check of a direct enrolment (409 when full: the invitation stays open).
// Invitations, decisions and the enrolment an acceptance makes are audited.
import { and, asc, eq, exists, getTableColumns, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { foundersTable } from '../../models/founders/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { trainingInvitationsTable } from '../../models/training-invitations/table.ts';
import type {
  TrainingInvitationBody,
  TrainingInvitationFilters,
} from '../../models/training-invitations/validation.ts';
import type { TrainingInvitationStatus } from '../../models/enums.ts';
import { actorLabel, isAdmin, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../db/errors.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { audit } from '../audit/record.ts';
import {
  alreadyEnrolled,
  enrollableFounder,
  enrollmentWrite,
  findTraining,
  isTrainerOf,
  takeSeat,
  unknownFounder,
  type Enrollment,
} from './enrollments.ts';
import { trainerHandles, type TrainerHandles } from './founder-handles.ts';
import { decodeCursor, isUuid, page } from './shared.ts';

const ti = trainingInvitationsTable;
type InvitationRow = typeof ti.$inferSelect & { founderName: string };

/** The API view. A trainer gets `handle`, and `founderId`/`founderName` only once accepted (else null). */
export interface TrainingInvitation {
  id: string;
  trainingId: string;
  status: TrainingInvitationStatus;
  founderId: string | null;
  founderName: string | null;
  handle?: string;
  message: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The enrolment an acceptance made (in the accept answer only). */
  enrollment?: Enrollment;
}

function present(r: InvitationRow, handles: TrainerHandles | null): TrainingInvitation {
  const known = !handles || r.status === 'accepted';
  return {
    id: r.id,
    trainingId: r.trainingId,
    status: r.status,
    founderId: known ? r.founderId : null,
    founderName: known ? r.founderName : null,
    ...(handles ? { handle: handles.handle(r.founderId) } : {}),
    message: r.message,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Invitations the actor sees, as a condition. */
export function invitationScope(actor: Actor): SQL | 'all' | 'none' {
  switch (actor.role) {
    case 'admin':
      return 'all';
    case 'center_staff':
      return exists(
        sql`(select 1 from ${foundersTable} f where f.id = ${ti.founderId} and f.center_id = ${actor.centerId})`,
      );
    case 'founder':
      return eq(ti.founderId, actor.subjectId!);
    case 'trainer':
      return exists(
        sql`(select 1 from ${trainingsTable} t where t.id = ${ti.trainingId} and t.provider = ${actor.subjectId})`,
      );
    default:
      return 'none';
  }
}

const duplicate = (status: string) => {
  const msg =
    status === 'declined'
      ? 'The founder declined an invitation to this training; it is not sent again / 该创业者已拒绝过此培训的邀请，不能再次邀请'
      : `The founder already has an invitation (${status}) to this training / 该创业者已有此培训的邀请（${status}）`;
  return conflict(msg, [{ path: '', message: msg }]);
};
const notInvited = (status: string) =>
  conflict(
    `The invitation is ${status}; only an open invitation can be accepted or declined / 该邀请当前状态为 ${status}，只有待处理的邀请可以接受或拒绝`,
  );

export class TrainingInvitations {
  constructor(private readonly db: Db) {}

  /** Handles as the actor sees them: a trainer's own, nobody else's. */
  private handlesFor(actor: Actor): Promise<TrainerHandles | null> {
    return actor.role === 'trainer' ? trainerHandles(this.db, actor.subjectId!) : Promise.resolve(null);
  }

  async invite(actor: Actor, trainingId: string, body: TrainingInvitationBody): Promise<TrainingInvitation> {
    const training = await findTraining(this.db, trainingId);
    const handles = await this.handlesFor(actor);
    let founderId: string | null;
    if (handles) {
      if (!isTrainerOf(actor, training))
        throw forbidden("only the training's provider invites founders to it / 只有该培训的提供方可以邀请创业者");
      if (body.handle === undefined)
        throw unprocessable([
          {
            path: 'founderId',
            message:
              'trainers invite by the handle of their cohort matches / 培训提供方须使用匹配结果中的代号（handle）邀请',
          },
        ]);
      founderId = handles.founderOf(body.handle);
    } else if (isAdmin(actor) || actor.role === 'center_staff') {
      if (body.founderId === undefined)
        throw unprocessable([
          {
            path: 'handle',
            message: "handles are a trainer's; give founderId / 代号仅供培训提供方使用，请提供 founderId",
          },
        ]);
      founderId = body.founderId;
    } else {
      throw forbidden(
        "only the training's provider, center staff or an admin may invite founders / 只有培训提供方、双创中心工作人员或管理员可以邀请创业者",
      );
    }
    const founder = founderId ? await enrollableFounder(this.db, actor, founderId) : null;
    if (!founder)
      throw handles ? unprocessable([{ path: 'handle', message: 'unknown handle / 未知的代号' }]) : unknownFounder();

    try {
      return await this.db.transaction(async (tx) => {
        const [enrolled] = await tx
          .select({ id: enrollmentsTable.id })
          .from(enrollmentsTable)
          .where(and(eq(enrollmentsTable.trainingId, training.id), eq(enrollmentsTable.founderId, founder.id)))
          .limit(1);
        if (enrolled) throw alreadyEnrolled();
        const [existing] = await tx
          .select({ status: ti.status })
          .from(ti)
          .where(and(eq(ti.trainingId, training.id), eq(ti.founderId, founder.id)))
          .limit(1);
        if (existing) throw duplicate(existing.status);
        const [row] = await tx
          .insert(ti)
          .values({
            trainingId: training.id,
            founderId: founder.id,
            message: body.message ?? null,
            invitedBy: actorLabel(actor),
          })
          .returning();
        await audit(tx, actor, [
          {
            action: 'training_invitation.create',
            entityKind: 'training_invitation',
            entityId: row.id,
            centerId: founder.centerId,
            detail: { trainingId: training.id, founderId: founder.id },
          },
        ]);
        return present({ ...row, founderName: await founderName(tx, founder.id) }, handles);
      });
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === UNIQUE_VIOLATION) throw duplicate('invited'); // a concurrent invitation won
      if (code === FOREIGN_KEY_VIOLATION) throw unknownFounder(); // erased or deleted meanwhile
      throw err;
    }
  }

  async list(actor: Actor, q: TrainingInvitationFilters & { limit: number; cursor?: string }) {
    const scope = invitationScope(actor);
    if (scope === 'none') return { items: [], nextCursor: null };
    const conds: (SQL | undefined)[] = [scope === 'all' ? undefined : scope];
    if (q.trainingId) conds.push(eq(ti.trainingId, q.trainingId));
    if (q.status) conds.push(eq(ti.status, q.status));
    if (q.cursor) conds.push(gt(ti.id, decodeCursor(q.cursor)));
    const rows = await this.rows(this.db, and(...conds))
      .orderBy(asc(ti.id))
      .limit(q.limit + 1);
    const p = page(rows, q.limit);
    const handles = await this.handlesFor(actor);
    return { items: p.items.map((r) => present(r, handles)), nextCursor: p.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<TrainingInvitation> {
    return present(await this.findVisible(this.db, actor, id), await this.handlesFor(actor));
  }

  /** Accept (takes a seat) or decline: the founder, its center's staff or an admin; only from `invited`. */
  async decide(actor: Actor, id: string, decision: 'accept' | 'decline', note?: string): Promise<TrainingInvitation> {
    const inv = await this.findVisible(this.db, actor, id);
    // In scope, staff are the founder's center's; a trainer sees the invitation but does not decide it.
    const allowed =
      isAdmin(actor) ||
      actor.role === 'center_staff' ||
      (actor.role === 'founder' && actor.subjectId === inv.founderId);
    if (!allowed)
      throw forbidden(
        `only the invited founder, its center or an admin may ${decision} this invitation / 只有受邀创业者本人、所属双创中心或管理员可以${decision === 'accept' ? '接受' : '拒绝'}该邀请`,
      );
    if (inv.status !== 'invited') throw notInvited(inv.status);
    const status = decision === 'accept' ? 'accepted' : 'declined';
    return enrollmentWrite(() =>
      this.db.transaction(async (tx) => {
        const now = new Date();
        // Conditional on `invited` (and row-locking it): of racing decisions on one invitation one wins.
        const [row] = await tx
          .update(ti)
          .set({ status, decidedAt: now, updatedAt: now })
          .where(and(eq(ti.id, inv.id), eq(ti.status, 'invited')))
          .returning();
        if (!row) throw notInvited(await currentStatus(tx, inv.id));
        const [f] = await tx
          .select({ centerId: foundersTable.centerId })
          .from(foundersTable)
          .where(eq(foundersTable.id, row.founderId));
        const founder = { id: row.founderId, centerId: f?.centerId ?? null };
        // Full (409): the transaction rolls back and the invitation stays open.
        const enrollment =
          decision === 'accept'
            ? await takeSeat(tx, actor, row.trainingId, founder, { invitationId: row.id })
            : undefined;
        await audit(tx, actor, [
          {
            action: `training_invitation.${decision}`,
            entityKind: 'training_invitation',
            entityId: row.id,
            centerId: founder.centerId,
            detail: {
              trainingId: row.trainingId,
              founderId: row.founderId,
              from: 'invited',
              to: status,
              ...(note ? { note } : {}),
            },
          },
        ]);
        return { ...present({ ...row, founderName: inv.founderName }, null), ...(enrollment ? { enrollment } : {}) };
      }),
    );
  }

  /** The founder's center (or an admin) reminds the founder of an invitation still open: sets `nudgedAt`, audited. */
  async nudge(actor: Actor, id: string): Promise<TrainingInvitation & { nudgedAt: Date }> {
    const inv = await this.findVisible(this.db, actor, id);
    // In scope, staff are the founder's center's.
    if (!isAdmin(actor) && actor.role !== 'center_staff')
      throw forbidden(
        "only the founder's center or an admin may send a reminder / 只有创业者所属双创中心或管理员可以发送提醒",
      );
    if (inv.status !== 'invited') throw notInvited(inv.status);
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(ti)
        .set({ nudgedAt: now })
        .where(and(eq(ti.id, inv.id), eq(ti.status, 'invited')))
        .returning();
      if (!row) throw notInvited(await currentStatus(tx, inv.id));
      const [f] = await tx
        .select({ centerId: foundersTable.centerId })
        .from(foundersTable)
        .where(eq(foundersTable.id, row.founderId));
      await audit(tx, actor, [
        {
          action: 'training_invitation.nudge',
          entityKind: 'training_invitation',
          entityId: row.id,
          centerId: f?.centerId ?? null,
          detail: { trainingId: row.trainingId, founderId: row.founderId },
        },
      ]);
      return { ...present({ ...row, founderName: inv.founderName }, null), nudgedAt: now };
    });
  }

  /** Invitation rows with the founder's name; an erased founder's are gone like the founder (404). */
  private rows(db: Executor, where: SQL | undefined) {
    return db
      .select({ ...getTableColumns(ti), founderName: foundersTable.name })
      .from(ti)
      .innerJoin(foundersTable, and(eq(foundersTable.id, ti.founderId), isNull(foundersTable.erasedAt)))
      .where(where)
      .$dynamic();
  }

  private async findVisible(db: Executor, actor: Actor, id: string): Promise<InvitationRow> {
    const scope = invitationScope(actor);
    if (scope === 'none' || !isUuid(id)) throw notFound('training invitation');
    const [row] = await this.rows(db, and(eq(ti.id, id), scope === 'all' ? undefined : scope)).limit(1);
    if (!row) throw notFound('training invitation');
    return row;
  }
}

async function founderName(db: Executor, id: string): Promise<string> {
  const [f] = await db.select({ name: foundersTable.name }).from(foundersTable).where(eq(foundersTable.id, id));
  return f?.name ?? '';
}

async function currentStatus(db: Executor, id: string): Promise<string> {
  const [r] = await db.select({ status: ti.status }).from(ti).where(eq(ti.id, id));
  return r?.status ?? 'deleted';
}
