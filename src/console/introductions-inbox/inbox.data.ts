// What the inbox shows: the introductions addressed to the signed-in mentor or investor (through the
// engagement layer's own scope: an investor never sees one of an unvetted project), each with its
// project as the projects policy lets the reader see it (never the confidential block).
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { introductionsTable } from '../../../models/introductions/table.ts';
import { projectsTable } from '../../../models/projects/table.ts';
import type { IntroductionInitiator, IntroductionStatus } from '../../../models/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { introductionScope } from '../../engagement/introductions.ts';
import type { Repository } from '../../resources/repository.ts';
import type { ReadContext } from '../../resources/types.ts';
import { type PublicProject, publicProject } from '../shared/project-facts.tsx';

const i = introductionsTable;

export interface InboxIntro {
  id: string;
  projectId: string;
  message: string | null;
  status: IntroductionStatus;
  /** `target`: the investor asked itself; it waits for the founders' decision, not the reader's. */
  initiator: IntroductionInitiator;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface InboxItem extends InboxIntro {
  project: PublicProject;
}

/** Bounds of one inbox page: every waiting one up to this many, and the most recent decided ones. */
export const WAITING_MAX = 200;
export const DECIDED_MAX = 50;

const columns = {
  id: i.id,
  projectId: i.projectId,
  message: i.message,
  status: i.status,
  initiator: i.initiator,
  createdAt: i.createdAt,
  decidedAt: i.decidedAt,
};

/** The reader's own introductions as target (admins and others have no inbox). */
function ownScope(actor: Actor) {
  if (actor.role !== 'mentor' && actor.role !== 'investor') return null;
  const scope = introductionScope(actor);
  return scope === 'none' || scope === 'all' ? null : scope;
}

export async function inbox(
  db: Db,
  projects: Repository,
  ctx: ReadContext,
): Promise<{ waiting: InboxItem[]; asked: InboxItem[]; decided: InboxItem[] }> {
  const scope = ownScope(ctx.actor);
  if (!scope) return { waiting: [], asked: [], decided: [] };
  const [waiting, decided] = await Promise.all([
    db
      .select(columns)
      .from(i)
      .where(and(scope, eq(i.status, 'requested')))
      .orderBy(asc(i.createdAt), asc(i.id))
      .limit(WAITING_MAX),
    db
      .select(columns)
      .from(i)
      .where(and(scope, sql`${i.status} <> 'requested'`))
      .orderBy(desc(sql`coalesce(${i.decidedAt}, ${i.updatedAt})`), desc(i.id))
      .limit(DECIDED_MAX),
  ]);
  const shown = await readableProjects(
    projects,
    ctx,
    [...waiting, ...decided].map((r) => r.projectId),
  );
  const withProject = (rows: InboxIntro[]) =>
    rows.flatMap((r) => (shown.has(r.projectId) ? [{ ...r, project: shown.get(r.projectId)! }] : []));
  // An investor's own requests wait for the founders: listed apart, without decision buttons.
  const open = withProject(waiting);
  return {
    waiting: open.filter((r) => r.initiator === 'project'),
    asked: open.filter((r) => r.initiator === 'target'),
    decided: withProject(decided),
  };
}

/** The projects among `ids` the reader may read, as the policy shows them. */
export async function readableProjects(
  projects: Repository,
  ctx: ReadContext,
  ids: string[],
): Promise<Map<string, PublicProject>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await projects.readAll(ctx, inArray(projectsTable.id, unique));
  return new Map(rows.map((r) => [r.id as string, publicProject(r)]));
}

/** How many introductions wait for the reader's decision (the home page's to-do). */
export async function waitingCount(db: Db, actor: Actor): Promise<number> {
  const scope = ownScope(actor);
  if (!scope) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(i)
    .where(and(scope, eq(i.status, 'requested'), eq(i.initiator, 'project')));
  return Number(row?.n ?? 0);
}

/** The reader's introductions of one project (newest first), for a project's page. */
export async function introductionsOfProject(db: Db, actor: Actor, projectId: string): Promise<InboxIntro[]> {
  const scope = ownScope(actor);
  if (!scope) return [];
  return db
    .select(columns)
    .from(i)
    .where(and(scope, eq(i.projectId, projectId)))
    .orderBy(desc(i.createdAt));
}

/** The reader's latest introduction of each of these projects (the discover cards' state). */
export async function latestIntroductions(
  db: Db,
  actor: Actor,
  projectIds: string[],
): Promise<Map<string, InboxIntro>> {
  const scope = ownScope(actor);
  if (!scope || !projectIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([i.projectId], columns)
    .from(i)
    .where(and(scope, inArray(i.projectId, [...new Set(projectIds)])))
    .orderBy(i.projectId, desc(i.createdAt), desc(i.id));
  return new Map(rows.map((r) => [r.projectId, r]));
}

/** The projects introduced to the reader, each with its latest introduction (newest first, bounded). */
export async function introducedProjects(
  db: Db,
  projects: Repository,
  ctx: ReadContext,
  limit = 200,
): Promise<InboxItem[]> {
  const scope = ownScope(ctx.actor);
  if (!scope) return [];
  const rows = await db
    .selectDistinctOn([i.projectId], columns)
    .from(i)
    .where(scope)
    .orderBy(i.projectId, desc(i.createdAt))
    .limit(limit);
  const shown = await readableProjects(
    projects,
    ctx,
    rows.map((r) => r.projectId),
  );
  return rows
    .flatMap((r) => (shown.has(r.projectId) ? [{ ...r, project: shown.get(r.projectId)! }] : []))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
