// The center's introductions and training invitations, as their policies scope them for the signed-in
// actor (introductionScope, invitationScope: the same as GET /v1/introductions and
// /v1/training-invitations), oldest first, with the names a clerk needs to read them.
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { foundersTable } from '../../../models/founders/table.ts';
import { introductionsTable } from '../../../models/introductions/table.ts';
import { investorsTable } from '../../../models/investors/table.ts';
import { mentorsTable } from '../../../models/mentors/table.ts';
import { projectsTable } from '../../../models/projects/table.ts';
import { trainingInvitationsTable } from '../../../models/training-invitations/table.ts';
import { trainingsTable } from '../../../models/trainings/table.ts';
import type { IntroductionStatus, TrainingInvitationStatus } from '../../../models/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { introductionScope } from '../../engagement/introductions.ts';
import { invitationScope } from '../../engagement/training-invitations.ts';

export const PAGE = 20;
/** An open item unanswered for longer than this is stale: the page marks it. */
export const STALE_DAYS = 7;

/** The page's status filter, over both lists: "open" is what waits for an answer. */
export const STATUS_FILTERS = ['open', 'accepted', 'declined', 'ended', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const INTRO_STATUS: Record<StatusFilter, IntroductionStatus | null> = {
  open: 'requested',
  accepted: 'accepted',
  declined: 'declined',
  ended: 'ended',
  all: null,
};
/** Training invitations never "end": that filter lists none of them. */
const INVITATION_STATUS: Record<StatusFilter, TrainingInvitationStatus | null | 'none'> = {
  open: 'invited',
  accepted: 'accepted',
  declined: 'declined',
  ended: 'none',
  all: null,
};

const i = introductionsTable;
const ti = trainingInvitationsTable;

export interface IntroRow {
  id: string;
  projectId: string;
  projectTitle: string;
  targetKind: 'mentor' | 'investor';
  targetName: string | null;
  initiator: 'project' | 'target';
  status: IntroductionStatus;
  createdAt: Date;
  decidedAt: Date | null;
  endedAt: Date | null;
  nudgedAt: Date | null;
}

export interface InvitationRow {
  id: string;
  trainingTitle: string;
  founderName: string;
  status: TrainingInvitationStatus;
  createdAt: Date;
  decidedAt: Date | null;
  nudgedAt: Date | null;
}

const countOf = async (db: Db, table: typeof i | typeof ti, where: SQL | undefined) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(table as typeof i)
      .where(where)
  )[0].n;

export async function introductionsPage(db: Db, actor: Actor, filter: StatusFilter, page: number) {
  const scope = introductionScope(actor);
  if (scope === 'none') return { items: [] as IntroRow[], total: 0 };
  const status = INTRO_STATUS[filter];
  const where = and(scope === 'all' ? undefined : scope, status ? eq(i.status, status) : undefined);
  const total = await countOf(db, i, where);
  const items = await db
    .select({
      id: i.id,
      projectId: i.projectId,
      projectTitle: projectsTable.title,
      targetKind: i.targetKind,
      targetName: sql<string | null>`coalesce(${mentorsTable.name}, ${investorsTable.name})`,
      initiator: i.initiator,
      status: i.status,
      createdAt: i.createdAt,
      decidedAt: i.decidedAt,
      endedAt: i.endedAt,
      nudgedAt: i.nudgedAt,
    })
    .from(i)
    .innerJoin(projectsTable, eq(projectsTable.id, i.projectId))
    .leftJoin(mentorsTable, and(eq(i.targetKind, 'mentor'), eq(mentorsTable.id, i.targetId)))
    .leftJoin(investorsTable, and(eq(i.targetKind, 'investor'), eq(investorsTable.id, i.targetId)))
    .where(where)
    // Ids are UUIDv7: oldest first.
    .orderBy(asc(i.id))
    .limit(PAGE)
    .offset(page * PAGE);
  return { items: items as IntroRow[], total };
}

export async function invitationsPage(db: Db, actor: Actor, filter: StatusFilter, page: number) {
  const scope = invitationScope(actor);
  const status = INVITATION_STATUS[filter];
  if (scope === 'none' || status === 'none') return { items: [] as InvitationRow[], total: 0 };
  // An erased founder's invitations are gone like the founder (as in the API).
  const visible = sql`exists (select 1 from ${foundersTable} f where f.id = ${ti.founderId} and f.erased_at is null)`;
  const where = and(scope === 'all' ? undefined : scope, visible, status ? eq(ti.status, status) : undefined);
  const total = await countOf(db, ti, where);
  const items = await db
    .select({
      id: ti.id,
      trainingTitle: trainingsTable.title,
      founderName: foundersTable.name,
      status: ti.status,
      createdAt: ti.createdAt,
      decidedAt: ti.decidedAt,
      nudgedAt: ti.nudgedAt,
    })
    .from(ti)
    .innerJoin(trainingsTable, eq(trainingsTable.id, ti.trainingId))
    .innerJoin(foundersTable, and(eq(foundersTable.id, ti.founderId), isNull(foundersTable.erasedAt)))
    .where(where)
    .orderBy(asc(ti.id))
    .limit(PAGE)
    .offset(page * PAGE);
  return { items, total };
}
