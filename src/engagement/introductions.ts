// Introductions: a founder (or the project's center, or an admin) asks a mentor or investor to
// meet a project, or an investor asks to meet a reviewed project (REVIEWED_STATUSES) itself; the other side accepts or
// declines; either side (or the center) ends an accepted one; the center closes or nudges a stale request.
// Rules (shared/API.md "Introductions, enrolments, assignment" and "Auth and visibility"):
// - requesting needs the project in the requester's scope (its founders, its center's staff,
//   admins; anyone else gets 404), an existing active target, and for investors a vetted project;
// - one non-ended introduction per (project, target): an open one (requested/accepted) or a
//   declined one blocks a new request (409) — a declined target is not asked again;
// - an investor may ask for itself only (`targetKind: 'investor'`, `targetId` = its id; else 403) and
//   only for a project it reads (vetted, not archived; else 404): `initiator: 'target'`;
// - the side that did not ask decides (accept/decline), only from `requested`: the target (or an
//   admin) for `initiator: 'project'`; the project's founders, its center's staff or an admin for
//   `initiator: 'target'`;
// - accepting a mentor introduction takes one unit of the mentor's capacity, under a row lock on
//   the mentor, so concurrent accepts never exceed it; ending frees the unit;
// - the project's center (or an admin) may end a request nobody answered, and nudge one (nudgedAt);
// - every request/accept/decline/end/nudge is audited, and an accept also records the contact reveal.
import { and, asc, eq, exists, gt, ne, sql, type SQL } from 'drizzle-orm';
import { introductionsTable } from '../../models/introductions/table.ts';
import { investorsTable } from '../../models/investors/table.ts';
import { mentorsTable } from '../../models/mentors/table.ts';
import { projectFoundersTable, projectsTable } from '../../models/projects/table.ts';
import type { IntroductionBody, IntroductionFilters } from '../../models/introductions/validation.ts';
import type { IntroductionInitiator, IntroductionStatus, IntroductionTarget } from '../../models/enums.ts';
import { actorLabel, isAdmin, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../db/errors.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { managedProjectScope, projects } from '../resources/projects.ts';
import { countAcceptedMentorships } from './capacity.ts';
import { decodeCursor, isUuid, page } from './shared.ts';
import { audit, type AuditEntry } from '../audit/record.ts';
import { isReviewed, reviewedSql } from '../lifecycle/reviewed.ts';
import type { EndReason } from './ended.ts';

const i = introductionsTable;
type IntroRow = typeof introductionsTable.$inferSelect;

/** The API view of an introduction (`requestedBy` is an internal key label and stays out). */
export interface Introduction {
  id: string;
  projectId: string;
  targetKind: IntroductionTarget;
  targetId: string;
  message: string | null;
  status: IntroductionStatus;
  /** `project`: asked by the project side, the target decides; `target`: asked by the investor, the project side decides. */
  initiator: IntroductionInitiator;
  assignmentRunId: string | null;
  decidedAt: Date | null;
  endedAt: Date | null;
  /** Why it ended when no party ended it (the project, mentor or investor was removed), else null. */
  endReason: EndReason | null;
  createdAt: Date;
  updatedAt: Date;
}

const present = (r: IntroRow): Introduction => ({
  id: r.id,
  projectId: r.projectId,
  targetKind: r.targetKind,
  targetId: r.targetId,
  message: r.message,
  status: r.status,
  initiator: r.initiator,
  assignmentRunId: r.assignmentRunId,
  decidedAt: r.decidedAt,
  endedAt: r.endedAt,
  endReason: (r.endReason as EndReason | null) ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const TARGET_LABEL = { mentor: { en: 'mentor', zh: '导师' }, investor: { en: 'investor', zh: '投资人' } } as const;
const targetTables = { mentor: mentorsTable, investor: investorsTable } as const;

const projectHasFounder = (projectId: SQL | typeof i.projectId | typeof projectsTable.id, founderId: string) =>
  exists(
    sql`(select 1 from ${projectFoundersTable} pf where pf.project_id = ${projectId} and pf.founder_id = ${founderId})`,
  );

/** Projects the actor may request introductions for: its founders, its center's staff, admins. */
export const requesterProjectScope = managedProjectScope;

/**
 * Projects the actor may request an introduction for, and as whom: the project side for the projects
 * it manages; an investor for itself, for the projects it reads (vetted, not archived).
 */
function requestScope(actor: Actor): { scope: SQL | 'all' | 'none'; initiator: IntroductionInitiator } {
  if (actor.role === 'investor') return { scope: projects.policy.scope(actor), initiator: 'target' };
  return { scope: requesterProjectScope(actor), initiator: 'project' };
}

/**
 * Introductions the actor sees: admins all; the project's founders and center staff; the target
 * itself — an investor only for vetted projects, so it never learns of an unvetted one.
 */
export function introductionScope(actor: Actor): SQL | 'all' | 'none' {
  switch (actor.role) {
    case 'admin':
      return 'all';
    case 'center_staff':
      return exists(
        sql`(select 1 from ${projectsTable} p where p.id = ${i.projectId} and p.center_id = ${actor.centerId})`,
      );
    case 'founder':
      return projectHasFounder(i.projectId, actor.subjectId!);
    case 'mentor':
      return and(eq(i.targetKind, 'mentor'), eq(i.targetId, actor.subjectId!))!;
    case 'investor':
      return and(
        eq(i.targetKind, 'investor'),
        eq(i.targetId, actor.subjectId!),
        exists(sql`(select 1 from ${projectsTable} p where p.id = ${i.projectId} and ${reviewedSql(sql`p.status`)})`),
      )!;
    default:
      return 'none';
  }
}

const isTarget = (actor: Actor, r: IntroRow) => actor.role === r.targetKind && actor.subjectId === r.targetId;

export class Introductions {
  constructor(private readonly db: Db) {}

  /** `assignmentRunId`: set when an assignment run publishes it (same rules as any request). */
  async request(actor: Actor, body: IntroductionBody, opts: { assignmentRunId?: string } = {}): Promise<Introduction> {
    const { scope, initiator } = requestScope(actor);
    if (scope === 'none') throw notFound('project');
    const [project] = await this.db
      .select({ id: projectsTable.id })
      .from(projectsTable)
      .where(and(eq(projectsTable.id, body.projectId), scope === 'all' ? undefined : scope))
      .limit(1);
    if (!project) throw notFound('project');
    // Like decide(): out of scope is 404 first, then a readable project with a target not its own is 403.
    if (initiator === 'target' && (body.targetKind !== 'investor' || body.targetId !== actor.subjectId))
      throw forbidden(
        'an investor may only ask for an introduction to itself (targetKind "investor", targetId = its own id) / 投资人只能为自己申请对接',
      );

    try {
      return await this.db.transaction(async (tx) => {
        // The target row lock serialises requests to one target, so the duplicate check below
        // cannot race with a concurrent request for the same (project, target).
        const t = targetTables[body.targetKind];
        const [target] = await tx
          .select({ id: t.id, active: t.active, archivedAt: t.archivedAt })
          .from(t)
          .where(eq(t.id, body.targetId))
          .for('update');
        const label = TARGET_LABEL[body.targetKind];
        // An archived (removed) target is unknown like a deleted one.
        if (!target || target.archivedAt)
          throw unprocessable([{ path: 'targetId', message: `unknown ${label.en} / ${label.zh}不存在` }]);
        if (!target.active)
          throw unprocessable([
            {
              path: 'targetId',
              message: `this ${label.en} is not active and takes no introductions / 该${label.zh}目前不接受对接`,
            },
          ]);
        const [p] = await tx
          .select({ status: projectsTable.status, centerId: projectsTable.centerId })
          .from(projectsTable)
          .where(eq(projectsTable.id, body.projectId));
        if (!p) throw notFound('project');
        if (body.targetKind === 'investor' && !isReviewed(p.status))
          throw unprocessable(
            [
              {
                path: 'projectId',
                message:
                  'the project must be reviewed by a center (vetted, incubating or graduated) before investors are introduced / 项目须经双创中心审核通过（或已入驻、已毕业）后才能对接投资人',
              },
            ],
            'Only reviewed projects (vetted, incubating, graduated) can be introduced to investors / 只有审核通过、孵化中或已毕业的项目才能对接投资人',
          );
        const [existing] = await tx
          .select({ id: i.id, status: i.status })
          .from(i)
          .where(
            and(
              eq(i.projectId, body.projectId),
              eq(i.targetKind, body.targetKind),
              eq(i.targetId, body.targetId),
              ne(i.status, 'ended'),
            ),
          )
          .limit(1);
        if (existing) throw duplicate(existing.status);
        const [row] = await tx
          .insert(i)
          .values({
            projectId: body.projectId,
            targetKind: body.targetKind,
            targetId: body.targetId,
            message: body.message ?? null,
            requestedBy: actorLabel(actor),
            initiator,
            assignmentRunId: opts.assignmentRunId ?? null,
          })
          .returning();
        await audit(tx, actor, [
          {
            action: 'introduction.request',
            entityKind: 'introduction',
            entityId: row.id,
            centerId: p.centerId,
            detail: {
              projectId: row.projectId,
              targetKind: row.targetKind,
              targetId: row.targetId,
              initiator: row.initiator,
              ...(opts.assignmentRunId ? { assignmentRunId: opts.assignmentRunId } : {}),
            },
          },
        ]);
        return present(row);
      });
    } catch (e) {
      // Should a partial unique index on open introductions be added, its violation is the same 409.
      const code = pgErrorCode(e);
      if (code === UNIQUE_VIOLATION) throw duplicate('requested');
      if (code === FOREIGN_KEY_VIOLATION) throw notFound('project'); // deleted while we were writing
      throw e;
    }
  }

  async list(actor: Actor, q: IntroductionFilters & { limit: number; cursor?: string }) {
    const scope = introductionScope(actor);
    if (scope === 'none') return { items: [], nextCursor: null };
    const conds: (SQL | undefined)[] = [scope === 'all' ? undefined : scope];
    if (q.projectId) conds.push(eq(i.projectId, q.projectId));
    if (q.targetId) conds.push(eq(i.targetId, q.targetId));
    if (q.targetKind) conds.push(eq(i.targetKind, q.targetKind));
    if (q.status) conds.push(eq(i.status, q.status));
    if (q.cursor) conds.push(gt(i.id, decodeCursor(q.cursor)));
    const rows = await this.db
      .select()
      .from(i)
      .where(and(...conds))
      .orderBy(asc(i.id))
      .limit(q.limit + 1);
    const p = page(rows, q.limit);
    return { items: p.items.map(present), nextCursor: p.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Introduction> {
    return present(await this.findVisible(this.db, actor, id));
  }

  /**
   * Accept or decline, only from `requested`, by the side that did not ask: the target (or an admin)
   * when the project side asked; the project's founders, its center's staff or an admin when the target asked.
   */
  async decide(actor: Actor, id: string, decision: 'accept' | 'decline', note?: string): Promise<Introduction> {
    const intro = await this.findVisible(this.db, actor, id);
    const verb = decision === 'accept' ? '接受' : '拒绝';
    if (intro.initiator === 'target') {
      if (!isAdmin(actor) && !(await this.isProjectInsider(actor, intro.projectId)))
        throw forbidden(
          `only the project's founders, its center or an admin may ${decision} an introduction the ${intro.targetKind} asked for / 对方发起的对接只能由项目创始人、所属双创中心或管理员${verb}`,
        );
    } else if (!isAdmin(actor) && !isTarget(actor, intro))
      throw forbidden(
        `only the ${intro.targetKind} addressed (or an admin) may ${decision} this introduction / 只有被邀请方或管理员可以${verb}该对接`,
      );
    if (intro.status !== 'requested') throw notRequested(intro.status);
    const status = decision === 'accept' ? 'accepted' : 'declined';
    return this.db.transaction(async (tx) => {
      if (decision === 'accept' && intro.targetKind === 'mentor') {
        // Lock the mentor row, then count: concurrent accepts for this mentor queue here, so each
        // sees the ones committed before it and capacity is never exceeded.
        const [mentor] = await tx
          .select({ capacity: mentorsTable.capacity })
          .from(mentorsTable)
          .where(eq(mentorsTable.id, intro.targetId))
          .for('update');
        if (!mentor) throw conflict('The mentor of this introduction no longer exists / 该导师已不存在');
        const accepted = await countAcceptedMentorships(tx, intro.targetId);
        if (accepted >= mentor.capacity)
          throw conflict(
            `The mentor has no remaining capacity (${accepted} of ${mentor.capacity} taken); end a mentorship first / 该导师的辅导名额已满（已占用 ${accepted}/${mentor.capacity}），请先结束已有的辅导关系`,
            [{ path: '', message: 'mentor capacity exhausted / 导师名额已满' }],
          );
      }
      const now = new Date();
      const [p] = await tx
        .select({ centerId: projectsTable.centerId })
        .from(projectsTable)
        .where(eq(projectsTable.id, intro.projectId));
      const centerId = p?.centerId ?? null;
      // Conditional on `requested`: of two racing decisions on one introduction only one wins.
      const [row] = await tx
        .update(i)
        .set({ status, decidedAt: now, decidedCenterId: centerId, updatedAt: now })
        .where(and(eq(i.id, intro.id), eq(i.status, 'requested')))
        .returning();
      if (!row) throw notRequested(await currentStatus(tx, intro.id));
      const base = { projectId: row.projectId, targetKind: row.targetKind, targetId: row.targetId };
      const entries: AuditEntry[] = [
        {
          action: `introduction.${decision}`,
          entityKind: 'introduction',
          entityId: row.id,
          centerId,
          detail: { ...base, initiator: row.initiator, from: 'requested', to: status, ...(note ? { note } : {}) },
        },
      ];
      if (decision === 'accept') {
        const founders = await tx
          .select({ id: projectFoundersTable.founderId })
          .from(projectFoundersTable)
          .where(eq(projectFoundersTable.projectId, row.projectId));
        entries.push({
          action: 'contact.reveal',
          entityKind: row.targetKind,
          entityId: row.targetId,
          centerId,
          detail: { introductionId: row.id, projectId: row.projectId, founderIds: founders.map((f) => f.id) },
        });
      }
      await audit(tx, actor, entries);
      return present(row);
    });
  }

  /**
   * Ends an introduction. An accepted one (frees the mentor's unit): the target, the project's founders
   * or center, admins. A request nobody answered (`requested`): the project's center or an admin only —
   * a coach closing a stale request so the project can ask elsewhere (it was never decided: it counts
   * as neither accepted nor declined, and the target may be asked again).
   */
  async end(actor: Actor, id: string, note?: string): Promise<Introduction> {
    const intro = await this.findVisible(this.db, actor, id);
    // Everyone who sees an introduction may end it; checked explicitly so a wider scope later cannot widen this.
    const allowed = isAdmin(actor) || isTarget(actor, intro) || (await this.isProjectInsider(actor, intro.projectId));
    if (!allowed) throw forbidden('not allowed to end this introduction / 无权结束该对接');
    const closesRequest = intro.status === 'requested' && (isAdmin(actor) || actor.role === 'center_staff');
    if (intro.status !== 'accepted' && !closesRequest) throw notAccepted(intro.status);
    const from = intro.status;
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(i)
        .set({ status: 'ended', endedAt: now, updatedAt: now })
        .where(and(eq(i.id, intro.id), eq(i.status, from)))
        .returning();
      if (!row) throw notAccepted(await currentStatus(tx, intro.id));
      await audit(tx, actor, [
        {
          action: 'introduction.end',
          entityKind: 'introduction',
          entityId: row.id,
          centerId: await projectCenter(tx, row.projectId),
          detail: {
            projectId: row.projectId,
            targetKind: row.targetKind,
            targetId: row.targetId,
            from,
            to: 'ended',
            ...(note ? { note } : {}),
          },
        },
      ]);
      return present(row);
    });
  }

  /**
   * The project's center (or an admin) reminds whoever must answer a request still waiting (the
   * target, or the project side when the investor asked): sets `nudgedAt`, audited. Only `requested`.
   */
  async nudge(actor: Actor, id: string): Promise<Introduction & { nudgedAt: Date }> {
    const intro = await this.findVisible(this.db, actor, id);
    const center =
      isAdmin(actor) || (actor.role === 'center_staff' && (await this.isProjectInsider(actor, intro.projectId)));
    if (!center)
      throw forbidden(
        "only the project's center or an admin may send a reminder / 只有项目所属双创中心或管理员可以发送提醒",
      );
    if (intro.status !== 'requested') throw notRequested(intro.status);
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(i)
        .set({ nudgedAt: now })
        .where(and(eq(i.id, intro.id), eq(i.status, 'requested')))
        .returning();
      if (!row) throw notRequested(await currentStatus(tx, intro.id));
      await audit(tx, actor, [
        {
          action: 'introduction.nudge',
          entityKind: 'introduction',
          entityId: row.id,
          centerId: await projectCenter(tx, row.projectId),
          detail: {
            projectId: row.projectId,
            targetKind: row.targetKind,
            targetId: row.targetId,
            waitingFor: row.initiator === 'project' ? row.targetKind : 'project',
          },
        },
      ]);
      return { ...present(row), nudgedAt: now };
    });
  }

  private async isProjectInsider(actor: Actor, projectId: string): Promise<boolean> {
    const scope = requesterProjectScope(actor);
    if (scope === 'none') return false;
    const [p] = await this.db
      .select({ id: projectsTable.id })
      .from(projectsTable)
      .where(and(eq(projectsTable.id, projectId), scope === 'all' ? undefined : scope))
      .limit(1);
    return !!p;
  }

  private async findVisible(db: Executor, actor: Actor, id: string): Promise<IntroRow> {
    const scope = introductionScope(actor);
    if (scope === 'none' || !isUuid(id)) throw notFound('introduction');
    const [row] = await db
      .select()
      .from(i)
      .where(and(eq(i.id, id), scope === 'all' ? undefined : scope))
      .limit(1);
    if (!row) throw notFound('introduction');
    return row;
  }
}

async function projectCenter(db: Executor, projectId: string): Promise<string | null> {
  const [p] = await db
    .select({ centerId: projectsTable.centerId })
    .from(projectsTable)
    .where(eq(projectsTable.id, projectId));
  return p?.centerId ?? null;
}

async function currentStatus(db: Executor, id: string): Promise<string> {
  const [r] = await db.select({ status: i.status }).from(i).where(eq(i.id, id));
  return r?.status ?? 'deleted';
}

function duplicate(status: string) {
  const msg =
    status === 'declined'
      ? 'This target already declined an introduction to this project; it is not requested again / 对方已拒绝过该项目的对接请求，不能再次发起'
      : `An open introduction (${status}) to this target already exists for this project / 该项目已有与对方进行中的对接（${status}）`;
  return conflict(msg, [{ path: 'targetId', message: msg }]);
}

const notRequested = (status: string) =>
  conflict(
    `The introduction is ${status}; only a requested introduction can be accepted or declined / 该对接当前状态为 ${status}，只有待处理的对接可以接受或拒绝`,
  );
const notAccepted = (status: string) =>
  conflict(
    `The introduction is ${status}; only an accepted introduction can be ended / 该对接当前状态为 ${status}，只有已接受的对接可以结束`,
  );
