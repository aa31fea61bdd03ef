// The center's decision on an application: admitted, waitlisted or rejected, with a reason its
// founders read. 422 with fewer reviews than the form's minReviews; 409 once decided. Concurrent
// decisions on one application serialise on its row lock (FOR UPDATE): the first wins, the others
// find it decided (409). Admission moves the project to `incubating` in that center (one
// `project.status` audit entry through the transitions table), starts its incubation (today in
// Asia/Shanghai, the form's planned length) and withdraws its other open applications.
// A waitlisted application is decided: the center asks the founders to apply again when space frees.
import { and, count, eq, ne } from 'drizzle-orm';
import { applicationReviewsTable } from '../../models/application-reviews/table.ts';
import { applicationsTable, decisionBodySchema, type DecisionBody } from '../../models/applications/index.ts';
import { incubationsTable } from '../../models/incubations/table.ts';
import { projectsTable } from '../../models/projects/table.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { managesCenter, parseBody, todayInShanghai } from './access.ts';
import { loadForm } from './admission-form.ts';
import { lockedApplication, presentApplication, visibleApplicationRow, type ApplicationView } from './applications.ts';
import { transitionProject } from './transitions.ts';

/** `POST /v1/applications/{id}/decision`: the center's staff or an admin (other centers 404, founders 403). */
export async function decide(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: DecisionBody,
): Promise<ApplicationView> {
  const seen = await visibleApplicationRow(db, actor, applicationId);
  if (!managesCenter(actor, seen.centerId))
    throw forbidden('only the staff of the center decide on its applications / 只有该双创中心的工作人员可以作出决定');
  const body = parseBody(decisionBodySchema, input);
  const row = await db.transaction(async (tx) => {
    const app = await lockedApplication(tx, applicationId);
    if (app.status !== 'submitted')
      throw conflict(
        app.status === 'decided'
          ? 'the application is already decided / 该申请已经作出决定'
          : 'the application was withdrawn / 该申请已撤回',
      );
    const form = await loadForm(tx, app.centerId);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(applicationReviewsTable)
      .where(eq(applicationReviewsTable.applicationId, app.id));
    if (n < form.minReviews)
      throw unprocessable(
        [
          {
            path: 'decision',
            message: `needs at least ${form.minReviews} reviews, has ${n} / 至少需要 ${form.minReviews} 份评审，目前 ${n} 份`,
          },
        ],
        `not enough reviews for a decision / 评审数不足，不能作出决定`,
      );
    const now = new Date();
    const [decided] = await tx
      .update(applicationsTable)
      .set({
        status: 'decided',
        decision: body.decision,
        reason: body.reason,
        decidedAt: now,
        decidedBy: actorLabel(actor),
        updatedAt: now,
      })
      .where(eq(applicationsTable.id, app.id))
      .returning();
    await audit(tx, actor, [
      {
        action: 'application.decided',
        entityKind: 'application',
        entityId: app.id,
        centerId: app.centerId,
        detail: { decision: body.decision, reason: body.reason, projectId: app.projectId },
      },
    ]);
    if (body.decision === 'admitted') {
      const [project] = await tx
        .select({
          id: projectsTable.id,
          status: projectsTable.status,
          centerId: projectsTable.centerId,
          archivedAt: projectsTable.archivedAt,
        })
        .from(projectsTable)
        .where(eq(projectsTable.id, app.projectId))
        .for('update');
      if (!project || project.archivedAt) throw notFound('project');
      // 409 (rolls the decision back) unless submitted or vetted.
      await transitionProject(tx, actor, project, 'incubating', {
        kinds: ['admission'],
        set: { centerId: app.centerId, statusReason: body.reason },
        detail: { applicationId: app.id },
      });
      await tx.insert(incubationsTable).values({
        projectId: project.id,
        centerId: app.centerId,
        applicationId: app.id,
        startedOn: todayInShanghai(now),
        plannedMonths: form.plannedMonths,
      });
      // Admitted here: its applications to other centers are moot.
      await tx
        .update(applicationsTable)
        .set({ status: 'withdrawn', updatedAt: now })
        .where(
          and(
            eq(applicationsTable.projectId, project.id),
            eq(applicationsTable.status, 'submitted'),
            ne(applicationsTable.id, app.id),
          ),
        );
    }
    return decided;
  });
  return presentApplication(db, actor, row);
}
