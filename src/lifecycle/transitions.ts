// THE table of a project's allowed status changes (issue 21). Every writer of projects.status goes
// through it: the projects Repository (founders' draft↔submitted, the center's vetting, a material
// edit sending a decided project back to review), admission decisions, graduation and exit. Each
// accepted change writes exactly one audit entry (action `project.status`, or `project.resubmitted`
// for a material edit), in the transaction that changes the status.
import { eq } from 'drizzle-orm';
import type { ProjectStatus } from '../../models/enums.ts';
import { projectsTable } from '../../models/projects/table.ts';
import { audit } from '../audit/record.ts';
import type { Actor } from '../auth/actor.ts';
import { conflict, unprocessable } from '../errors.ts';
import type { Executor, Row } from '../resources/types.ts';

/** What moves a project from one status to another (who may do it is each writer's policy). */
export type TransitionKind = 'edit' | 'vetting' | 'correction' | 'admission' | 'graduation' | 'exit';

// edit: founders between draft and submitted, and a material edit sending a decision back to review;
// vetting: the center decides (on what it was sent, or directly on a draft, and may change its
// decision); correction: an admin fixing a record
// (e.g. a sync by externalId) among the statuses before admission. The lifecycle statuses are
// reached only by admission, graduation and exit, and an exited or graduated project stays so.
export const TRANSITIONS = {
  draft: { submitted: 'edit', vetted: 'vetting', rejected: 'vetting' },
  submitted: { draft: 'edit', vetted: 'vetting', rejected: 'vetting', incubating: 'admission' },
  vetted: { submitted: 'edit', rejected: 'vetting', draft: 'correction', incubating: 'admission' },
  rejected: { submitted: 'edit', vetted: 'vetting', draft: 'correction' },
  incubating: { graduated: 'graduation', exited: 'exit' },
  graduated: {},
  exited: {},
} as const satisfies Record<ProjectStatus, Partial<Record<ProjectStatus, TransitionKind>>>;

/** Statuses a project may be created in (the others are reached only through the lifecycle). */
export const CREATABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'submitted', 'vetted', 'rejected'];
/** Kinds the projects Repository (POST/PATCH/PUT /v1/projects) performs; the others have their own endpoints. */
export const REPOSITORY_KINDS: readonly TransitionKind[] = ['edit', 'vetting'];
export const ADMIN_REPOSITORY_KINDS: readonly TransitionKind[] = ['edit', 'vetting', 'correction'];

/** The kind of the change from → to, or null when the table does not allow it. */
export function transitionKind(from: ProjectStatus, to: ProjectStatus): TransitionKind | null {
  const row: Partial<Record<ProjectStatus, TransitionKind>> = TRANSITIONS[from] ?? {};
  return row[to] ?? null;
}

export const canTransition = (from: ProjectStatus, to: ProjectStatus) => transitionKind(from, to) !== null;

const ENDPOINT: Record<TransitionKind, string> = {
  edit: 'PATCH /v1/projects/{id}',
  vetting: 'PATCH /v1/projects/{id} (center staff, admins)',
  correction: 'PATCH /v1/projects/{id} (admins)',
  admission: 'POST /v1/applications/{id}/decision',
  graduation: 'POST /v1/projects/{id}/graduate',
  exit: 'POST /v1/projects/{id}/exit',
};

/**
 * Throws 409 unless from → to is in the table and of one of `kinds` (e.g. a PATCH may not admit:
 * the message names the endpoint that does).
 */
export function assertTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  kinds: readonly TransitionKind[] = ['edit', 'vetting', 'correction', 'admission', 'graduation', 'exit'],
): TransitionKind {
  const kind = transitionKind(from, to);
  if (!kind)
    throw conflict(`a project cannot go from ${from} to ${to} / 项目状态不能从 ${from} 直接变为 ${to}`, [
      { path: 'status', message: `allowed from ${from}: ${Object.keys(TRANSITIONS[from]).join(', ') || 'none'}` },
    ]);
  if (!kinds.includes(kind))
    throw conflict(`${from} → ${to} is done by ${ENDPOINT[kind]} / 该状态变更须通过 ${ENDPOINT[kind]} 进行`, [
      { path: 'status', message: `use ${ENDPOINT[kind]}` },
    ]);
  return kind;
}

/** The status a project is created in: 422 for one reached only through the lifecycle. */
export function assertCreatable(status: ProjectStatus | undefined): void {
  if (status !== undefined && !CREATABLE_STATUSES.includes(status))
    throw unprocessable([
      {
        path: 'status',
        message: `a project is created as ${CREATABLE_STATUSES.join(', ')}; ${status} is reached through admission, graduation or exit / 新项目不能直接设为 ${status}`,
      },
    ]);
}

/**
 * Moves a project (row locked by the caller, in its transaction) from → to: checks the table, writes
 * the status (and `set`, e.g. centerId) and exactly one audit entry `project.status`.
 */
export async function transitionProject(
  tx: Executor,
  actor: Actor,
  project: { id: string; status: ProjectStatus; centerId: string | null },
  to: ProjectStatus,
  opts: { kinds?: readonly TransitionKind[]; set?: Row; detail?: Row } = {},
): Promise<void> {
  assertTransition(project.status, to, opts.kinds);
  const set = opts.set ?? {};
  // A change of center (admission) keeps the center it came from: statistics credit the step before to it.
  const moved =
    set.centerId !== undefined && set.centerId !== project.centerId ? { fromCenterId: project.centerId } : {};
  await tx
    .update(projectsTable)
    .set({ statusReason: null, ...set, status: to, updatedAt: new Date() })
    .where(eq(projectsTable.id, project.id));
  await audit(tx, actor, [
    {
      action: 'project.status',
      entityKind: 'project',
      entityId: project.id,
      centerId: (set.centerId as string | undefined) ?? project.centerId,
      detail: { from: project.status, to, ...moved, ...(opts.detail ?? {}) },
    },
  ]);
}
