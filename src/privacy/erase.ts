// Deleting a founder (PIPL art. 47): its personal fields are erased and it is detached from its
// projects, but the row stays as a tombstone so enrolments, introductions' history and the audit
// log keep valid references (seat counts stay right, nothing else breaks).
import { and, eq } from 'drizzle-orm';
import { embeddingsTable, foundersTable, projectFoundersTable } from '../../models/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import { revokeSubjectKeys } from '../auth/keys.ts';
import { disableSubjectAccounts } from '../accounts/accounts.ts';
import type { Row, Tx } from '../resources/types.ts';

/** What an erased founder's name becomes. */
export const ERASED_NAME = '已删除 / erased';
/** The personal fields that are cleared (groups, region and languages stay: needed for statistics, not identifying alone). */
export const ERASED_FIELDS = [
  'name',
  'contact',
  'interests',
  'educationLevel',
  'graduationYear',
  'externalId',
  'consent',
  'employmentStatus',
  'leftSchoolUnemployed',
  'employmentAsOf',
] as const;

export async function eraseFounder(tx: Tx, actor: Actor, before: Row): Promise<void> {
  const now = new Date();
  await tx
    .update(foundersTable)
    .set({
      name: ERASED_NAME,
      contact: null,
      interests: null,
      educationLevel: null,
      graduationYear: null,
      externalId: null,
      consent: null,
      employmentStatus: null,
      leftSchoolUnemployed: null,
      employmentAsOf: null,
      // The vector and keywords were computed from the interests: personal data too.
      vector: null,
      vectorModel: null,
      keywords: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(foundersTable.id, before.id));
  const detached = await tx
    .delete(projectFoundersTable)
    .where(eq(projectFoundersTable.founderId, before.id))
    .returning({ projectId: projectFoundersTable.projectId });
  // So were the inferred topics in the embedding row.
  await tx
    .delete(embeddingsTable)
    .where(and(eq(embeddingsTable.entityKind, 'founder'), eq(embeddingsTable.entityId, before.id)));
  // A key bound to a person who no longer exists must not keep working.
  const revoked = await revokeSubjectKeys(tx, 'founder', before.id, now);
  // So must its console accounts: disabled, signed out, and their logins (often a phone number) erased.
  const disabledAccounts = await disableSubjectAccounts(tx, 'founder', before.id, { erase: true, now });
  await audit(tx, actor, [
    {
      action: 'founder.erase',
      entityKind: 'founder',
      entityId: before.id,
      centerId: before.centerId ?? null,
      detail: {
        fields: [...ERASED_FIELDS],
        detachedFromProjects: detached.map((d) => d.projectId),
        revokedKeys: revoked,
        disabledAccounts,
      },
    },
  ]);
}
