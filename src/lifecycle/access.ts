// Who may touch what in a project's life in a center, on top of the projects policy (the same
// visibility layer as the API: out of scope is 404, in scope but not allowed is 403).
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { centersTable } from '../../models/centers/table.ts';
import type { ProjectStatus } from '../../models/enums.ts';
import { projectFoundersTable, projectsTable } from '../../models/projects/table.ts';
import { isAdmin, isStaffOf, type Actor } from '../auth/actor.ts';
import { forbidden, notFound, unprocessable } from '../errors.ts';
import { isUuid } from '../engagement/shared.ts';
import { projects } from '../resources/projects.ts';
import type { Executor } from '../resources/types.ts';
import { zodIssues } from '../resources/zod-issues.ts';

export interface ProjectRef {
  id: string;
  title: string;
  status: ProjectStatus;
  centerId: string | null;
}

/** Parses a body with its schema (the console calls the domain without the HTTP layer's validation). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw unprocessable(zodIssues(r.error));
  return r.data;
}

/** Admins and the center's own staff manage its admissions, incubations and outcome locks. */
export const managesCenter = (actor: Actor, centerId: string | null | undefined) =>
  isAdmin(actor) || isStaffOf(actor, centerId);

/** The center unless it does not exist (404 either way for staff of another center: they never learn of it). */
export async function centerFor(db: Executor, centerId: string): Promise<{ id: string; name: string }> {
  if (!isUuid(centerId)) throw notFound('center');
  const [c] = await db
    .select({ id: centersTable.id, name: centersTable.name })
    .from(centersTable)
    .where(eq(centersTable.id, centerId));
  if (!c) throw notFound('center');
  return c;
}

/** A center the actor manages (staff of another center, founders, investors: 404). */
export async function managedCenter(db: Executor, actor: Actor, centerId: string) {
  if (!managesCenter(actor, centerId)) throw notFound('center');
  return centerFor(db, centerId);
}

/** The project if the actor reads it (the projects policy, archived ones out), else 404; `lock`: FOR UPDATE. */
export async function visibleProject(db: Executor, actor: Actor, id: string, lock = false): Promise<ProjectRef> {
  if (!isUuid(id)) throw notFound('project');
  const scope = projects.policy.scope(actor);
  if (scope === 'none') throw notFound('project');
  const q = db
    .select({
      id: projectsTable.id,
      title: projectsTable.title,
      status: projectsTable.status,
      centerId: projectsTable.centerId,
    })
    .from(projectsTable)
    .where(and(eq(projectsTable.id, id), isNull(projectsTable.archivedAt), scope === 'all' ? undefined : scope));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw notFound('project');
  return p;
}

export async function isFounderOfProject(db: Executor, actor: Actor, projectId: string): Promise<boolean> {
  if (actor.role !== 'founder' || !actor.subjectId) return false;
  const [row] = await db
    .select({ f: projectFoundersTable.founderId })
    .from(projectFoundersTable)
    .where(and(eq(projectFoundersTable.projectId, projectId), eq(projectFoundersTable.founderId, actor.subjectId)));
  return !!row;
}

/** A project's center staff or an admin, else 403 (the project is in scope: a founder reads it). */
export function requireCenterOf(actor: Actor, project: ProjectRef, what: string): void {
  if (!managesCenter(actor, project.centerId))
    throw forbidden(`only the project's center or an admin ${what} / 只有项目所在双创中心或管理员可以操作`);
}

/** Today in Asia/Shanghai (YYYY-MM-DD): the region's calendar decides dates and periods. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
