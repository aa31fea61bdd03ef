// GET /v1/founders/{id}/export (PIPL art. 45, right of access and portability): everything the
// service holds about one founder, for the founder itself, its center's staff and admins. Each part
// is shown as the caller would read it elsewhere (projects by their policy, the audit log by its).
import { entityColumns } from '../../models/common/columns.ts';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  accountsTable,
  apiKeysTable,
  auditTable,
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  projectFoundersTable,
  projectInvitationsTable,
  projectsTable,
  trainingInvitationsTable,
  trainingsTable,
} from '../../models/schema.ts';
import { isAdmin, isStaffOf, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../engagement/shared.ts';
import { audit } from '../audit/record.ts';
import type { Row } from '../resources/types.ts';
import { Repository } from '../resources/repository.ts';
import { projects as projectResource } from '../resources/projects.ts';
import { readContext } from '../resources/context.ts';
import { embeddingHooks } from '../resources/embedding-hooks.ts';
import { redactEntries } from '../audit/redact.ts';

/** May the actor export (or otherwise act as the data controller for) this founder? */
export const mayExport = (actor: Actor, founder: { id: string; centerId: string | null }) =>
  isAdmin(actor) || isStaffOf(actor, founder.centerId) || (actor.role === 'founder' && actor.subjectId === founder.id);

export async function exportFounder(db: Db, actor: Actor, founderId: string): Promise<Row> {
  if (!isUuid(founderId)) throw notFound('founder');
  const [founder] = await db
    .select(entityColumns(foundersTable))
    .from(foundersTable)
    .where(and(eq(foundersTable.id, founderId), isNull(foundersTable.erasedAt)))
    .limit(1);
  // Same 404 for "does not exist" and "not yours": existence is not revealed.
  if (!founder || !mayExport(actor, founder)) throw notFound('founder');
  const { erasedAt: _erased, ...profile } = founder;

  const links = await db.select().from(projectFoundersTable).where(eq(projectFoundersTable.founderId, founderId));
  // The founder's projects as the caller reads them by id: staff get their own center's projects
  // only, and no `confidential` block of a project they are not insiders of (the projects policy).
  const projects = links.length
    ? await new Repository(projectResource, db, embeddingHooks()).readAll(
        readContext(db, actor),
        inArray(
          projectsTable.id,
          links.map((l) => l.projectId),
        ),
      )
    : [];
  const projectIds = projects.map((p) => p.id as string);
  const introductions = projectIds.length
    ? (
        await db
          .select()
          .from(introductionsTable)
          .where(inArray(introductionsTable.projectId, projectIds))
          .orderBy(asc(introductionsTable.id))
      ).map(({ requestedBy: _r, ...x }) => x)
    : [];
  const enrollments = await db
    .select({
      id: enrollmentsTable.id,
      trainingId: enrollmentsTable.trainingId,
      trainingTitle: trainingsTable.title,
      provider: trainingsTable.provider,
      createdAt: enrollmentsTable.createdAt,
    })
    .from(enrollmentsTable)
    .innerJoin(trainingsTable, eq(trainingsTable.id, enrollmentsTable.trainingId))
    .where(eq(enrollmentsTable.founderId, founderId))
    .orderBy(asc(enrollmentsTable.id));
  // Co-founder invitations it received or sent (those it did not accept name projects it is not on).
  const inv = projectInvitationsTable;
  const projectInvitations = await db
    .select()
    .from(inv)
    .where(or(eq(inv.founderId, founderId), eq(inv.invitedBy, founderId)))
    .orderBy(asc(inv.id));
  const trainingInvitations = (
    await db
      .select({
        invitation: trainingInvitationsTable,
        trainingTitle: trainingsTable.title,
        provider: trainingsTable.provider,
      })
      .from(trainingInvitationsTable)
      .innerJoin(trainingsTable, eq(trainingsTable.id, trainingInvitationsTable.trainingId))
      .where(eq(trainingInvitationsTable.founderId, founderId))
      .orderBy(asc(trainingInvitationsTable.id))
  ).map(({ invitation: { invitedBy: _i, ...x }, ...training }) => ({ ...x, ...training }));
  const apiKeys = await db
    .select({
      id: apiKeysTable.id,
      prefix: apiKeysTable.prefix,
      label: apiKeysTable.label,
      createdAt: apiKeysTable.createdAt,
      revokedAt: apiKeysTable.revokedAt,
    })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.role, 'founder'), eq(apiKeysTable.subjectId, founderId)))
    .orderBy(asc(apiKeysTable.id));
  // Console accounts bound to the founder: the login is personal data (often a phone number).
  const accounts = await db
    .select({
      id: accountsTable.id,
      login: accountsTable.login,
      displayName: accountsTable.displayName,
      lang: accountsTable.lang,
      status: accountsTable.status,
      createdAt: accountsTable.createdAt,
      lastVisitAt: accountsTable.lastVisitAt,
    })
    .from(accountsTable)
    .where(and(eq(accountsTable.role, 'founder'), eq(accountsTable.subjectId, founderId)))
    .orderBy(asc(accountsTable.id));
  // Entries about the founder, naming it in their detail, or about its projects.
  const about = [
    eq(auditTable.entityId, founderId),
    sql`${auditTable.detail} @> ${JSON.stringify({ founderId })}::jsonb`,
    sql`${auditTable.detail} @> ${JSON.stringify({ founderIds: [founderId] })}::jsonb`,
    sql`${auditTable.detail} @> ${JSON.stringify({ subjectId: founderId })}::jsonb`,
    ...(projectIds.length
      ? [inArray(auditTable.entityId, projectIds), inArray(sql<string>`${auditTable.detail}->>'projectId'`, projectIds)]
      : []),
  ];
  // Staff get no other center's entries (e.g. about the founder's projects elsewhere), and every entry
  // as the audit log shows it to them (redacted).
  const otherCenters =
    actor.role === 'center_staff'
      ? or(isNull(auditTable.centerId), eq(auditTable.centerId, actor.centerId!))
      : undefined;
  const auditEntries = await redactEntries(
    db,
    actor,
    await db
      .select()
      .from(auditTable)
      .where(and(or(...about), otherCenters))
      .orderBy(asc(auditTable.id)),
  );

  await audit(db, actor, [
    { action: 'founder.export', entityKind: 'founder', entityId: founderId, centerId: founder.centerId },
  ]);
  return {
    exportedAt: new Date().toISOString(),
    founder: profile,
    projects,
    projectInvitations,
    introductions,
    enrollments,
    trainingInvitations,
    apiKeys,
    accounts,
    audit: auditEntries,
  };
}
