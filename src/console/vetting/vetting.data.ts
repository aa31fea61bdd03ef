// The vetting queue's reads: the center's submitted projects, oldest first, through the projects
// policy (the actor's scope) and the Repository (rows as the API presents them).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditTable } from '../../../models/audit/table.ts';
import { foundersTable } from '../../../models/founders/table.ts';
import { projectsTable } from '../../../models/projects/table.ts';
import type { Db } from '../../db/client.ts';
import { projects } from '../../resources/projects.ts';
import type { Repository } from '../../resources/repository.ts';
import type { ReadContext, Row } from '../../resources/types.ts';

export const QUEUE_PAGE = 20;
const DAY_MS = 86_400_000;

/** Whole days since `from` (0 on the day itself). */
export const daysSince = (from: Date | string | null | undefined, now = new Date()) =>
  from ? Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / DAY_MS)) : 0;

export interface QueuePage {
  items: Row[];
  total: number;
  /** Projects back in the queue because a founder edited them after a decision. */
  revetting: Set<string>;
}

/** One page (0-based) of the queue; the order needs the policy's scope in SQL, the rows come from the Repository. */
export async function queuePage(db: Db, repo: Repository, ctx: ReadContext, page: number): Promise<QueuePage> {
  const scope = projects.policy.scope(ctx.actor);
  const total = await repo.count(ctx, { status: 'submitted' });
  if (scope === 'none' || !total) return { items: [], total, revetting: new Set() };
  const ids = (
    await db
      .select({ id: projectsTable.id })
      .from(projectsTable)
      .where(and(eq(projectsTable.status, 'submitted'), scope === 'all' ? undefined : scope))
      .orderBy(sql`${projectsTable.submittedAt} asc nulls first`, asc(projectsTable.id))
      .limit(QUEUE_PAGE)
      .offset(page * QUEUE_PAGE)
  ).map((r) => r.id);
  if (!ids.length) return { items: [], total, revetting: new Set() };
  const rows = await repo.readAll(ctx, inArray(projectsTable.id, ids));
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return {
    items: ids.map((id) => byId.get(id)).filter((r): r is Row => !!r),
    total,
    revetting: await resubmitted(db, ids),
  };
}

/**
 * Of these (visible) projects, those whose latest status change was a return to review after a
 * founder's material edit (the `project.resubmitted` audit entry).
 */
export async function resubmitted(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const a = auditTable;
  const rows = await db
    .selectDistinctOn([a.entityId], { id: a.entityId, action: a.action })
    .from(a)
    .where(
      and(
        eq(a.entityKind, 'project'),
        inArray(a.entityId, ids),
        inArray(a.action, ['project.status', 'project.resubmitted']),
      ),
    )
    .orderBy(a.entityId, desc(a.id));
  return new Set(rows.filter((r) => r.action === 'project.resubmitted').map((r) => r.id as string));
}

/** Names of the project's founders (erased ones are out of the founders' scope, as in the API). */
export async function founderNames(founderRepo: Repository, ctx: ReadContext, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await founderRepo.readAll(ctx, inArray(foundersTable.id, ids));
  const byId = new Map(rows.map((r) => [r.id as string, r.name as string]));
  return ids.map((id) => byId.get(id)).filter((n): n is string => !!n);
}
