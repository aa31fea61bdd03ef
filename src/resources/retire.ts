// DELETE of a record with history (introductions; for trainings, enrolments): the row is archived
// (`archivedAt`; out of every scope but admins', never matched) instead of wiped, so accepted
// mentorships and accept/decline decisions stay for statistics and the learned feedback. Open
// introductions end with a reason the other side sees; keys bound to a removed mentor or investor
// are revoked and its accounts disabled in the same transaction. Records without history are deleted as before.
import { and, eq, sql } from 'drizzle-orm';
import {
  enrollmentsTable,
  introductionsTable,
  investorsTable,
  mentorsTable,
  projectInvitationsTable,
  projectsTable,
  trainingsTable,
} from '../../models/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { revokeSubjectKeys } from '../auth/keys.ts';
import { disableSubjectAccounts } from '../accounts/accounts.ts';
import { audit } from '../audit/record.ts';
import { endOpenIntroductions } from '../engagement/ended.ts';
import type { Row, Tx } from './types.ts';

const i = introductionsTable;

/** DELETE's OpenAPI description for mentors and investors. */
export const ARCHIVE_DESCRIPTION =
  'Revokes the API keys bound to it and disables its accounts at once. With introductions it is archived instead of deleted (kept for statistics and the ' +
  'learned feedback; 404 to everyone but admins, never matched) and its open introductions end with `endReason` ' +
  '(`mentor_removed` / `investor_removed`); without, it is deleted.';

const any = async (tx: Tx, table: any, where: any) =>
  (await tx.select({ one: sql`1` }).from(table).where(where).limit(1)).length > 0;

/**
 * Archives the row. Its externalId is released (kept in the audit entry), so that a re-import of the
 * same spreadsheet row creates a new record, as after a plain delete.
 */
async function archive(tx: Tx, table: any, id: string, now: Date, extra: Row = {}): Promise<void> {
  await tx
    .update(table)
    .set({ archivedAt: now, updatedAt: now, externalId: null, ...extra })
    .where(eq(table.id, id));
}

/** Mentors and investors: keys revoked always; with introductions, archived (and inactive) and the open ones ended. */
export function retireTarget(kind: 'mentor' | 'investor') {
  const table = kind === 'mentor' ? mentorsTable : investorsTable;
  return async (tx: Tx, actor: Actor, before: Row): Promise<boolean> => {
    const now = new Date();
    const revokedKeys = await revokeSubjectKeys(tx, kind, before.id, now);
    const disabledAccounts = await disableSubjectAccounts(tx, kind, before.id, { now });
    const ofTarget = and(eq(i.targetKind, kind), eq(i.targetId, before.id))!;
    const archived = await any(tx, i, ofTarget);
    const endedIntroductions = archived ? await endOpenIntroductions(tx, ofTarget, `${kind}_removed`, now) : [];
    // Inactive as well: every match and request rule already leaves inactive targets out.
    if (archived) await archive(tx, table, before.id, now, { active: false });
    await audit(tx, actor, [
      {
        action: `${kind}.delete`,
        entityKind: kind,
        entityId: before.id,
        detail: { archived, externalId: before.externalId ?? null, endedIntroductions, revokedKeys, disabledAccounts },
      },
    ]);
    return archived;
  };
}

/** Projects: with introductions, archived, the open ones ended (`project_removed`) and pending invitations withdrawn. */
export async function retireProject(tx: Tx, actor: Actor, before: Row): Promise<boolean> {
  const ofProject = eq(i.projectId, before.id);
  if (!(await any(tx, i, ofProject))) return false;
  const now = new Date();
  const endedIntroductions = await endOpenIntroductions(tx, ofProject, 'project_removed', now);
  // Nobody joins a removed project: its pending co-founder invitations are withdrawn with it.
  const withdrawn = await tx
    .update(projectInvitationsTable)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(projectInvitationsTable.projectId, before.id), eq(projectInvitationsTable.status, 'pending')))
    .returning({ id: projectInvitationsTable.id, founderId: projectInvitationsTable.founderId });
  await archive(tx, projectsTable, before.id, now);
  const centerId = before.centerId ?? null;
  await audit(tx, actor, [
    {
      action: 'project.delete',
      entityKind: 'project',
      entityId: before.id,
      centerId,
      detail: { archived: true, externalId: before.externalId ?? null, endedIntroductions },
    },
    ...withdrawn.map((w) => ({
      action: 'project_invitation.withdraw',
      entityKind: 'project_invitation',
      entityId: w.id,
      centerId,
      detail: { projectId: before.id, founderId: w.founderId },
    })),
  ]);
  return true;
}

/** Trainings: with enrolments, archived (the enrolments stay). */
export async function retireTraining(tx: Tx, actor: Actor, before: Row): Promise<boolean> {
  if (!(await any(tx, enrollmentsTable, eq(enrollmentsTable.trainingId, before.id)))) return false;
  await archive(tx, trainingsTable, before.id, new Date());
  await audit(tx, actor, [
    {
      action: 'training.delete',
      entityKind: 'training',
      entityId: before.id,
      detail: { archived: true, externalId: before.externalId ?? null },
    },
  ]);
  return true;
}
