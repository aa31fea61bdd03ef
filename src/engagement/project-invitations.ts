// Co-founder invitations: a founder who names other founders in a project's `founderIds` invites
// them; each becomes a member (a row of project_founders) only when it accepts with its own key.
// Center staff (for founders they may see) and admins add founders directly. Until it accepted, an
// invitee is no member: it is not in `founderIds`, its profile is not readable through the project,
// its contact is not in the project's introductions (all of those read project_founders only).
// Rules:
// - an invitation is seen by its invitee, the founder who invited, the project's center staff and
//   admins (anyone else: 404); only the invitee (or an admin) accepts or declines, only while
//   pending (409 otherwise); accepting or declining for a project that no longer exists or was
//   removed (archived; its pending invitations are withdrawn with it) is 404;
// - naming a pending invitee again keeps its invitation; naming a founder who declined is 409;
// - the inviter leaving a pending invitee out of `founderIds` withdraws it, and so does the inviter
//   leaving the project; a founder added directly (staff, admin) needs no invitation any more;
// - every invitation, withdrawal, acceptance and decline is audited.
import { and, asc, eq, exists, gt, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { remarkFounders } from '../resources/embedding-hooks.ts';
import { foundersTable, projectFoundersTable, projectInvitationsTable, projectsTable } from '../../models/schema.ts';
import type { ProjectInvitationStatus } from '../../models/enums.ts';
import { isAdmin, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { audit, type AuditEntry } from '../audit/record.ts';
import type { Executor, Tx } from '../resources/types.ts';
import { decodeCursor, isUuid, page } from './shared.ts';

const inv = projectInvitationsTable;
const pf = projectFoundersTable;

export interface ProjectInvitation {
  id: string;
  projectId: string;
  /** So that the invitee knows what it is asked to join (it cannot read the project before). */
  projectTitle: string;
  founderId: string;
  invitedBy: string | null;
  status: ProjectInvitationStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

const columns = {
  id: inv.id,
  projectId: inv.projectId,
  projectTitle: projectsTable.title,
  founderId: inv.founderId,
  invitedBy: inv.invitedBy,
  status: inv.status,
  createdAt: inv.createdAt,
  decidedAt: inv.decidedAt,
};

/** Invitations the actor sees, as a condition on project_invitations. */
export function invitationScope(actor: Actor): SQL | 'all' | 'none' {
  switch (actor.role) {
    case 'admin':
      return 'all';
    case 'center_staff':
      return exists(
        sql`(select 1 from ${projectsTable} p where p.id = ${inv.projectId} and p.center_id = ${actor.centerId})`,
      );
    case 'founder':
      return or(eq(inv.founderId, actor.subjectId!), eq(inv.invitedBy, actor.subjectId!))!;
    default:
      return 'none';
  }
}

/**
 * Pending invitees of these projects that the actor may know of: all for admins and the center's
 * staff (the projects are in their scope already), those it invited for a founder, none for others
 * (null: the field is not shown). Erased founders are nobody's invitees.
 */
export async function pendingInvitees(
  db: Executor,
  projectIds: string[],
  actor: Actor,
): Promise<Map<string, string[]> | null> {
  if (!isAdmin(actor) && actor.role !== 'center_staff' && actor.role !== 'founder') return null;
  const rows = await db
    .select({ projectId: inv.projectId, founderId: inv.founderId })
    .from(inv)
    .innerJoin(foundersTable, eq(foundersTable.id, inv.founderId))
    .where(
      and(
        inArray(inv.projectId, projectIds),
        eq(inv.status, 'pending'),
        isNull(foundersTable.erasedAt),
        actor.role === 'founder' ? eq(inv.invitedBy, actor.subjectId!) : undefined,
      ),
    )
    .orderBy(asc(inv.id));
  const out = new Map<string, string[]>(projectIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.projectId)!.push(r.founderId);
  return out;
}

const declinedBefore = (ids: string[]) =>
  conflict(
    'A founder named in founderIds declined an invitation to this project; ask the center to add it / 该创业者已拒绝加入此项目，如需加入请联系双创中心',
    ids.map((id) => ({ path: 'founderIds', message: `founder ${id} declined the invitation / 该创业者已拒绝邀请` })),
  );

/**
 * Writes a project's `founderIds` as `actor` names them. A founder keeps the members it names (and
 * itself) and invites the others; staff and admins set the members directly.
 */
export async function saveProjectFounders(
  tx: Tx,
  projectId: string,
  founderIds: string[],
  actor: Actor,
): Promise<void> {
  const current = new Set(
    (await tx.select({ id: pf.founderId }).from(pf).where(eq(pf.projectId, projectId))).map((r) => r.id),
  );
  const byFounder = actor.role === 'founder';
  const members = byFounder ? founderIds.filter((id) => id === actor.subjectId || current.has(id)) : founderIds;
  const invitees = founderIds.filter((id) => !members.includes(id));

  await tx.delete(pf).where(eq(pf.projectId, projectId));
  if (members.length)
    await tx.insert(pf).values(members.map((founderId, position) => ({ projectId, founderId, position })));

  const now = new Date();
  const pending = and(eq(inv.projectId, projectId), eq(inv.status, 'pending'));
  // Members need no invitation; an invitation lapses with its inviter leaving the project; the
  // inviter withdraws those it no longer names.
  // (members is never empty: founderIds has at least one id, and a founder always keeps itself.)
  const lapsed = [inArray(inv.founderId, members), notInArray(inv.invitedBy, members)];
  if (byFounder)
    lapsed.push(
      and(eq(inv.invitedBy, actor.subjectId!), invitees.length ? notInArray(inv.founderId, invitees) : undefined)!,
    );
  const withdrawn = await tx
    .update(inv)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(pending, or(...lapsed)))
    .returning({ id: inv.id, founderId: inv.founderId });

  const entries: AuditEntry[] = withdrawn.map((w) => ({
    action: 'project_invitation.withdraw',
    entityKind: 'project_invitation',
    entityId: w.id,
    detail: { projectId, founderId: w.founderId },
  }));
  if (invitees.length) {
    const known = await tx
      .select({ founderId: inv.founderId, status: inv.status })
      .from(inv)
      .where(
        and(
          eq(inv.projectId, projectId),
          inArray(inv.founderId, invitees),
          inArray(inv.status, ['pending', 'declined']),
        ),
      );
    const declined = known.filter((k) => k.status === 'declined').map((k) => k.founderId);
    if (declined.length) throw declinedBefore(declined);
    const fresh = invitees.filter((id) => !known.some((k) => k.founderId === id));
    if (fresh.length) {
      // A concurrent write inviting the same founder loses quietly: one pending invitation remains.
      const created = await tx
        .insert(inv)
        .values(fresh.map((founderId) => ({ projectId, founderId, invitedBy: actor.subjectId })))
        .onConflictDoNothing()
        .returning({ id: inv.id, founderId: inv.founderId });
      entries.push(
        ...created.map((c) => ({
          action: 'project_invitation.create',
          entityKind: 'project_invitation',
          entityId: c.id,
          detail: { projectId, founderId: c.founderId },
        })),
      );
    }
  }
  if (entries.length) {
    const [p] = await tx
      .select({ centerId: projectsTable.centerId })
      .from(projectsTable)
      .where(eq(projectsTable.id, projectId));
    await audit(
      tx,
      actor,
      entries.map((e) => ({ ...e, centerId: p?.centerId ?? null })),
    );
  }
}

/** The project unless it is gone or archived (deleted with history); `lock`: FOR UPDATE. */
async function liveProject(db: Executor, id: string, lock = false): Promise<{ centerId: string | null } | undefined> {
  const q = db
    .select({ centerId: projectsTable.centerId })
    .from(projectsTable)
    .where(and(eq(projectsTable.id, id), isNull(projectsTable.archivedAt)));
  const [p] = lock ? await q.for('update') : await q;
  return p;
}

const notPending = (status: string) =>
  conflict(
    `The invitation is ${status}; only a pending invitation can be accepted or declined / 该邀请当前状态为 ${status}，只有待处理的邀请可以接受或拒绝`,
  );

export class ProjectInvitations {
  constructor(private readonly db: Db) {}

  async list(
    actor: Actor,
    q: { limit: number; cursor?: string; status?: ProjectInvitationStatus; projectId?: string },
  ) {
    const scope = invitationScope(actor);
    if (scope === 'none') return { items: [], nextCursor: null };
    const conds: (SQL | undefined)[] = [scope === 'all' ? undefined : scope];
    if (q.status) conds.push(eq(inv.status, q.status));
    if (q.projectId) conds.push(eq(inv.projectId, q.projectId));
    if (q.cursor) conds.push(gt(inv.id, decodeCursor(q.cursor)));
    const rows = await this.db
      .select(columns)
      .from(inv)
      .innerJoin(projectsTable, eq(projectsTable.id, inv.projectId))
      .where(and(...conds))
      .orderBy(asc(inv.id))
      .limit(q.limit + 1);
    return page(rows, q.limit);
  }

  get(actor: Actor, id: string): Promise<ProjectInvitation> {
    return this.findVisible(this.db, actor, id);
  }

  /** Accept (the invitee becomes a member) or decline: by the invitee or an admin, only while pending. */
  async decide(actor: Actor, id: string, decision: 'accept' | 'decline'): Promise<ProjectInvitation> {
    const found = await this.findVisible(this.db, actor, id);
    if (!isAdmin(actor) && !(actor.role === 'founder' && actor.subjectId === found.founderId))
      throw forbidden(
        `only the invited founder (or an admin) may ${decision} this invitation / 只有被邀请的创业者或管理员可以${decision === 'accept' ? '接受' : '拒绝'}该邀请`,
      );
    // A removed (archived) project is unknown, before any status (its invitations were withdrawn with it).
    if (!(await liveProject(this.db, found.projectId))) throw notFound('project');
    if (found.status !== 'pending') throw notPending(found.status);
    await this.db.transaction(async (tx) => {
      // The project row lock orders this against concurrent edits of its founders (and its removal).
      const project = await liveProject(tx, found.projectId, true);
      if (!project) throw notFound('project');
      const now = new Date();
      const [row] = await tx
        .update(inv)
        .set({ status: decision === 'accept' ? 'accepted' : 'declined', decidedAt: now })
        .where(and(eq(inv.id, found.id), eq(inv.status, 'pending')))
        .returning();
      if (!row) throw notPending((await this.findVisible(tx, actor, id)).status);
      if (decision === 'accept') {
        const [f] = await tx
          .select({ erasedAt: foundersTable.erasedAt })
          .from(foundersTable)
          .where(eq(foundersTable.id, row.founderId));
        if (!f || f.erasedAt) throw notFound('founder');
        const [{ next }] = await tx
          .select({ next: sql<number>`coalesce(max(${pf.position}) + 1, 0)::int` })
          .from(pf)
          .where(eq(pf.projectId, row.projectId));
        await tx
          .insert(pf)
          .values({ projectId: row.projectId, founderId: row.founderId, position: next })
          .onConflictDoNothing();
        // The new member's matching profile now includes this project (src/matching/linked-profile.ts).
        await remarkFounders(tx, [], [row.founderId]);
      }
      await audit(tx, actor, [
        {
          action: `project_invitation.${decision}`,
          entityKind: 'project_invitation',
          entityId: row.id,
          centerId: project.centerId,
          detail: { projectId: row.projectId, founderId: row.founderId, from: 'pending', to: row.status },
        },
      ]);
    });
    return this.findVisible(this.db, actor, id);
  }

  private async findVisible(db: Executor, actor: Actor, id: string): Promise<ProjectInvitation> {
    const scope = invitationScope(actor);
    if (scope === 'none' || !isUuid(id)) throw notFound('invitation');
    const [row] = await db
      .select(columns)
      .from(inv)
      .innerJoin(projectsTable, eq(projectsTable.id, inv.projectId))
      .where(and(eq(inv.id, id), scope === 'all' ? undefined : scope))
      .limit(1);
    if (!row) throw notFound('invitation');
    return row;
  }
}
