import { and, asc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { projectBodySchema, projectReadOnly } from '../../models/projects/validation.ts';
import { projectFoundersTable, projectsTable } from '../../models/projects/table.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { introductionsTable } from '../../models/introductions/table.ts';
import { applicationsTable } from '../../models/applications/table.ts';
import { LANGS, PROJECT_STATUSES, REVIEWED_STATUSES, SECTORS, STAGES, TOPICS } from '../../models/enums.ts';
import { conflict } from '../errors.ts';
import {
  ADMIN_REPOSITORY_KINDS,
  assertCreatable,
  assertTransition,
  REPOSITORY_KINDS,
} from '../lifecycle/transitions.ts';
import { isAdmin, isStaffOf, type Actor } from '../auth/actor.ts';
import { enumFilter, memberFilter, regionFilter, searchFilter, uuidFilter } from './filters.ts';
import { founders, notErased } from './founders.ts';
import { defaultToOwnCenter, hideArchived, staffOwnCenterOnly } from './policies.ts';
import { retireProject } from './retire.ts';
import { checkCenterRef, missingIds } from './refs.ts';
import { pendingInvitees, saveProjectFounders } from '../engagement/project-invitations.ts';
import type { ResourceDef, Row, WriteOp } from './types.ts';

const FOUNDER_STATUSES = new Set(['draft', 'submitted']);
/** Statuses that tie a project to its center (the incubation's): its centerId no longer changes by PATCH. */
const IN_CENTER = new Set(['incubating', 'graduated', 'exited']);
const isFounderOf = (subjectId: string | null, r: Row | null) => !!r && (r.founderIds ?? []).includes(subjectId);
const isDecided = (status: string | undefined) => status === 'vetted' || status === 'rejected';

/**
 * What a center reviews when it vets a project: the content investors browse and match on (text,
 * sector, stage, funding need, place, needs) and the center that reviewed it. A founder changing any
 * of them returns a vetted or rejected project to `submitted`. Not material: status, externalId,
 * languages (how to talk, not what is offered), `confidential` (never shown to investors), and
 * founderIds (a founder joins only by accepting an invitation).
 */
export const MATERIAL_FIELDS = [
  'title',
  'description',
  'sector',
  'stage',
  'fundingNeedCny',
  'regionCode',
  'needs',
  'centerId',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Material fields whose value differs between the stored and the proposed record. */
export const materialChanges = (before: Row, after: Row) => MATERIAL_FIELDS.filter((f) => !same(before[f], after[f]));

/** A founder's material edit, or any move to another center, of a decided project: back to review. */
const returnsToReview = (actor: Actor, before: Row, after: Row) => {
  if (!isDecided(before.status)) return false;
  const changed = materialChanges(before, after);
  return changed.includes('centerId') || (actor.role === 'founder' && changed.length > 0);
};

/** Whether the actor may write this project at all (a reason → 403), before the status table. */
function mayWrite(actor: Actor, _op: WriteOp, before: Row | null, after: Row | null): string | null {
  if (isAdmin(actor)) return null;
  // Staff neither push a project to another center nor reach one outside theirs (out of scope: 404).
  if (actor.role === 'center_staff') return staffOwnCenterOnly(actor, before, after, { zh: '项目', en: 'project' });
  if (actor.role === 'founder') {
    if (before && !isFounderOf(actor.subjectId, before)) return 'not a founder of this project / 不是该项目的创始人';
    if (after && !isFounderOf(actor.subjectId, after))
      return 'founderIds must include yourself / 创始人列表必须包含你自己';
    // Attaching a project without a center to one is like creating it there; moving it is the centers' decision.
    if (before && after && before.centerId && !same(before.centerId, after.centerId))
      return "a project moves to another center only by that center's staff or an admin / 项目转入其他双创中心须由该中心工作人员或管理员操作";
    const statusChanged = after && (before ? before.status !== after.status : after.status !== undefined);
    // The reason is the center's word on its decision: a founder neither writes nor erases it
    // (prepare clears it when the status moves on, e.g. a resubmission).
    const reasonChanged = !same(before?.statusReason, after?.statusReason);
    if (reasonChanged && (after?.statusReason != null || !statusChanged))
      return 'the reason of a vetting decision is written by the center / 审核意见由双创中心填写';
    const resubmitted = before && after && after.status === 'submitted' && returnsToReview(actor, before, after);
    if (
      statusChanged &&
      !resubmitted &&
      (!FOUNDER_STATUSES.has(after!.status) || (before && !FOUNDER_STATUSES.has(before.status)))
    )
      return 'founders move projects between draft and submitted only; vetting is done by the center / 创始人只能在草稿与已提交之间切换，审核由双创中心进行';
    return null;
  }
  return 'not allowed to manage projects / 无权管理项目';
}

/**
 * Projects: their founders and center manage them; investors browse vetted ones only; a mentor
 * sees projects introduced to it. The `confidential` block shows to admins, the center and the
 * founders only, and so does `statusReason`. Only center staff and admins set `vetted`/`rejected`.
 */
export const projects: ResourceDef = {
  name: 'projects',
  singular: 'project',
  table: projectsTable,
  bodySchema: projectBodySchema,
  readOnly: projectReadOnly,
  embedded: 'project',
  filters: [
    regionFilter(projectsTable.regionCode),
    enumFilter('sector', projectsTable.sector, SECTORS),
    enumFilter('stage', projectsTable.stage, STAGES),
    enumFilter('status', projectsTable.status, PROJECT_STATUSES),
    uuidFilter('centerId', projectsTable.centerId),
    {
      name: 'founderId',
      schema: z.uuid(),
      description: 'projects of this founder',
      where: (id: string) =>
        exists(
          sql`(select 1 from ${projectFoundersTable} pf where pf.project_id = ${projectsTable.id} and pf.founder_id = ${id})`,
        ),
    },
    memberFilter('need', projectsTable.needs, TOPICS),
    memberFilter('language', projectsTable.languages, LANGS),
    searchFilter(projectsTable.title, projectsTable.description),
  ],
  relations: {
    fields: ['founderIds'],
    async load(db, ids, actor) {
      const rows = await db
        .select()
        .from(projectFoundersTable)
        .where(inArray(projectFoundersTable.projectId, ids))
        .orderBy(asc(projectFoundersTable.position));
      const out = new Map<string, Row>(ids.map((id) => [id, { founderIds: [] as string[] }]));
      for (const r of rows) out.get(r.projectId)!.founderIds.push(r.founderId);
      const pending = actor ? await pendingInvitees(db, ids, actor) : null;
      if (pending) for (const [id, founderIds] of pending) out.get(id)!.pendingFounderIds = founderIds;
      return out;
    },
    async save(tx, id, record, actor) {
      await saveProjectFounders(tx, id, record.founderIds ?? [], actor);
    },
    readOnly: {
      pendingFounderIds: z
        .array(z.uuid())
        .optional()
        .describe(
          'founders invited to the project who have not accepted yet (not members: not in founderIds); shown to admins and the ' +
            "center's staff (all) and to a founder (those it invited). A founder naming a founder who is not a member in founderIds " +
            'invites it (see /v1/project-invitations); staff and admins add founders directly.',
        ),
    },
  },
  async checkRefs(ctx, r) {
    const issues = await checkCenterRef(ctx, r);
    const ids: string[] = r.founderIds ?? [];
    if (ids.length) {
      // Founders may name any existing co-founder; others only founders they can see. Erased ones never.
      const scope = ctx.actor.role === 'founder' ? notErased : founders.policy.scope(ctx.actor);
      const found =
        scope === 'none'
          ? []
          : await ctx.db
              .select({ id: foundersTable.id })
              .from(foundersTable)
              .where(and(inArray(foundersTable.id, ids), scope === 'all' ? undefined : scope));
      issues.push(...missingIds('founderIds', ids, new Set(found.map((f) => f.id)), 'founder'));
    }
    return issues;
  },
  policy: {
    // Archived projects (deleted with history) are out of every scope but admins'.
    scope: hideArchived(projectsTable.archivedAt, (actor) => {
      switch (actor.role) {
        case 'admin':
          return 'all';
        case 'center_staff':
          // Its own projects, and those applying to it (its reviewers read what they review).
          return or(
            eq(projectsTable.centerId, actor.centerId!),
            exists(
              sql`(select 1 from ${applicationsTable} a where a.project_id = ${projectsTable.id} and a.center_id = ${actor.centerId})`,
            ),
          )!;
        case 'founder':
          return exists(
            sql`(select 1 from ${projectFoundersTable} pf where pf.project_id = ${projectsTable.id} and pf.founder_id = ${actor.subjectId})`,
          );
        case 'investor':
          return inArray(projectsTable.status, REVIEWED_STATUSES);
        case 'mentor':
          return exists(
            sql`(select 1 from ${introductionsTable} i where i.project_id = ${projectsTable.id}
                 and i.target_kind = 'mentor' and i.target_id = ${actor.subjectId})`,
          );
        default:
          return 'none';
      }
    }),
    defaults: defaultToOwnCenter,
    checkWrite(actor, op, before, after) {
      const why = mayWrite(actor, op, before, after);
      if (why) return why;
      // Allowed to write this record: now the one table of status changes (src/lifecycle/transitions.ts).
      // A PATCH edits and vets (admins also correct); admission, graduation and exit have their own endpoints (409 naming them).
      if (op === 'create') assertCreatable(after?.status);
      if (op === 'update' && before && after) {
        if (after.status !== before.status)
          assertTransition(before.status, after.status, isAdmin(actor) ? ADMIN_REPOSITORY_KINDS : REPOSITORY_KINDS);
        if (IN_CENTER.has(before.status) && !same(after.centerId, before.centerId))
          throw conflict(
            `a ${before.status} project stays in its center; it changes center only after an exit and a new admission / 已入驻（或已毕业、已退出）的项目不能直接转到其他双创中心`,
          );
      }
      return null;
    },
    hidden(ctx, row) {
      const a = ctx.actor;
      const insider =
        isAdmin(a) || isStaffOf(a, row.centerId) || (a.role === 'founder' && isFounderOf(a.subjectId, row));
      // The vetting reason is a word between the center and the founders, not for investors or mentors.
      return insider ? [] : ['confidential', 'statusReason'];
    },
  },
  prepare(before, body, actor) {
    // Back to review unless staff or an admin decide the status in the same request (a founder's
    // repeating the stored status decides nothing; another status is checkWrite's to allow).
    const keepsStatus = body.status === undefined || (actor.role === 'founder' && body.status === before?.status);
    const out: Row =
      before && keepsStatus && returnsToReview(actor, before, { ...before, ...body })
        ? { ...body, status: 'submitted' }
        : { ...body };
    const to = out.status ?? before?.status;
    if (to !== before?.status && to !== undefined) {
      // Entering the queue (again) starts its wait; a reason belongs to the decision it came with.
      if (to === 'submitted') out.submittedAt = new Date();
      if (before && out.statusReason === undefined) out.statusReason = null;
    }
    return out;
  },
  retire: retireProject,
  deleteDescription:
    'A project with introductions is archived instead of deleted (its accepted history stays for statistics and the learned feedback; ' +
    '404 to everyone but admins, never matched); its open introductions end with `endReason: "project_removed"`. One without is deleted.',
  audit(before, after) {
    // Every accepted status change (the transitions table) is audited once; creation in a status too
    // when it is a decision (a draft or submitted creation is not a change).
    if (before?.status === after.status) return null;
    if (!before && !isDecided(after.status)) return null;
    if (before && after.status === 'submitted') {
      const fields = materialChanges(before, after);
      if (fields.length)
        return { action: 'project.resubmitted', detail: { from: before.status, to: after.status, fields } };
    }
    const reason = isDecided(after.status) && after.statusReason ? { reason: after.statusReason } : {};
    return { action: 'project.status', detail: { from: before?.status ?? null, to: after.status, ...reason } };
  },
};

/**
 * Projects the actor manages (its founders, its center's staff, admins): who may ask for a project's
 * matches and request introductions for it. Other roles manage none, whatever they can read.
 */
export function managedProjectScope(actor: Actor) {
  return actor.role === 'admin' || actor.role === 'center_staff' || actor.role === 'founder'
    ? projects.policy.scope(actor)
    : 'none';
}
