// Applications of projects to centers. A founder of the project applies with answers to the
// center's admission form; one open (`submitted`) application per project and center (a partial
// unique index, so concurrent applies cannot both pass). Who sees an application: admins, the
// staff of its center, the founders of its project; anyone else 404 (a reviewer of another center,
// investors: they never read answers, confidential or not).
// Founders read the decision and its reason but not the reviews nor the aggregate: those are the
// center's internal deliberation (a reviewer writes more freely when the applicant does not read it).
import { and, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import {
  applicationBodySchema,
  applicationsTable,
  type ApplicationBody,
  type ApplicationFilters,
} from '../../models/applications/index.ts';
import type { AdmissionDecision, ApplicationStatus } from '../../models/enums.ts';
import { projectFoundersTable, projectsTable } from '../../models/projects/table.ts';
import { actorLabel, isAdmin, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { pgErrorCode, UNIQUE_VIOLATION } from '../db/errors.ts';
import { conflict, forbidden, notFound, unprocessable, type FieldIssue } from '../errors.ts';
import { isUuid } from '../engagement/shared.ts';
import type { Executor } from '../resources/types.ts';
import { centerFor, isFounderOfProject, managesCenter, parseBody, visibleProject } from './access.ts';
import { loadForm, type AdmissionFormView } from './admission-form.ts';
import { aggregateFor, reviewsOf, type Aggregate, type ReviewView } from './reviews.ts';

type ApplicationRow = typeof applicationsTable.$inferSelect;
const a = applicationsTable;

export interface DecisionView {
  decision: AdmissionDecision;
  reason: string;
  decidedAt: Date;
}

export interface ApplicationView {
  id: string;
  projectId: string;
  centerId: string;
  status: ApplicationStatus;
  answers: Record<string, string>;
  wanted: string | null;
  /** Empty for founders (the center's deliberation). */
  reviews: ReviewView[];
  /** null without reviews, and for founders. */
  aggregate: Aggregate | null;
  decision: DecisionView | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Applications the actor sees (see the top of the file). */
export function applicationScope(actor: Actor): SQL | 'all' | 'none' {
  switch (actor.role) {
    case 'admin':
      return 'all';
    case 'center_staff':
      return actor.centerId ? eq(a.centerId, actor.centerId) : 'none';
    case 'founder':
      return actor.subjectId
        ? exists(
            sql`(select 1 from ${projectFoundersTable} pf where pf.project_id = ${a.projectId} and pf.founder_id = ${actor.subjectId})`,
          )
        : 'none';
    default:
      return 'none';
  }
}

/** The application row if the actor sees it, else 404. */
export async function visibleApplicationRow(db: Executor, actor: Actor, id: string): Promise<ApplicationRow> {
  const scope = applicationScope(actor);
  if (!isUuid(id) || scope === 'none') throw notFound('application');
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.id, id), scope === 'all' ? undefined : scope));
  if (!row) throw notFound('application');
  return row;
}

/** The application row locked FOR UPDATE (decisions and reviews serialise on it). */
export async function lockedApplication(tx: Executor, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(a).where(eq(a.id, id)).for('update');
  if (!row) throw notFound('application');
  return row;
}

const decisionOf = (r: ApplicationRow): DecisionView | null =>
  r.decision && r.decidedAt ? { decision: r.decision, reason: r.reason ?? '', decidedAt: r.decidedAt } : null;

/** The API view: reviews and aggregate for the center and admins only. */
export async function presentApplication(
  db: Executor,
  actor: Actor,
  r: ApplicationRow,
  form?: AdmissionFormView,
): Promise<ApplicationView> {
  const insider = managesCenter(actor, r.centerId);
  const f = insider ? (form ?? (await loadForm(db, r.centerId))) : null;
  return {
    id: r.id,
    projectId: r.projectId,
    centerId: r.centerId,
    status: r.status,
    answers: r.answers,
    wanted: r.wanted,
    reviews: f ? await reviewsOf(db, r.id, f) : [],
    aggregate: f ? await aggregateFor(db, r, f) : null,
    decision: decisionOf(r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Answers against the form: every required question answered (non-blank), no unknown question ids. */
export function checkAnswers(answers: Record<string, string>, form: AdmissionFormView): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set(form.questions.map((q) => q.id));
  for (const q of form.questions)
    if (q.required && !(answers[q.id] ?? '').trim())
      issues.push({ path: `answers.${q.id}`, message: 'this question must be answered / 此问题必须回答' });
  for (const id of Object.keys(answers))
    if (!ids.has(id)) issues.push({ path: `answers.${id}`, message: 'unknown question / 未知的问题' });
  return issues;
}

/** Project statuses that may apply: those the admission transition leaves from. */
export const APPLYING_STATUSES = ['submitted', 'vetted'] as const;

/**
 * `POST /v1/applications`: a founder of the project (or an admin). 404 for a project or center it
 * cannot see, 403 for others who see the project, 409 for a project that cannot be admitted now
 * (draft, rejected, already incubating, graduated, exited) or with an open application to that
 * center, 422 for answers that do not fit the form.
 */
export async function apply(db: Db, actor: Actor, input: ApplicationBody): Promise<ApplicationView> {
  const body = parseBody(applicationBodySchema, input);
  const project = await visibleProject(db, actor, body.projectId);
  if (!isAdmin(actor) && !(await isFounderOfProject(db, actor, project.id)))
    throw forbidden('only the founders of the project apply for it / 只有项目创始人可以提交入驻申请');
  const center = await centerFor(db, body.centerId).catch(() => {
    throw unprocessable([{ path: 'centerId', message: 'unknown center / 双创中心不存在' }]);
  });
  if (!(APPLYING_STATUSES as readonly string[]).includes(project.status))
    throw conflict(
      `a ${project.status} project cannot apply; submit it first, and a project already in a center cannot apply again / ` +
        `项目状态为 ${project.status}，不能申请入驻（草稿请先提交；已入驻、已毕业或已退出的项目不能再申请）`,
    );
  const form = await loadForm(db, center.id);
  const issues = checkAnswers(body.answers, form);
  if (issues.length) throw unprocessable(issues, 'the answers do not fit the admission form / 回答不符合入驻申请表');
  try {
    const row = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(a)
        .values({
          projectId: project.id,
          centerId: center.id,
          answers: body.answers,
          wanted: body.wanted ?? null,
          submittedBy: actorLabel(actor),
        })
        .returning();
      await audit(tx, actor, [
        {
          action: 'application.submitted',
          entityKind: 'application',
          entityId: row.id,
          centerId: center.id,
          detail: { projectId: project.id },
        },
      ]);
      return row;
    });
    return presentApplication(db, actor, row, form);
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION)
      throw conflict(
        'this project already has an open application to this center / 该项目已向此双创中心提交申请，尚未决定',
      );
    throw e;
  }
}

/** `GET /v1/applications/{id}`. */
export async function getApplication(db: Db, actor: Actor, id: string): Promise<ApplicationView> {
  return presentApplication(db, actor, await visibleApplicationRow(db, actor, id));
}

/** `GET /v1/applications?centerId=&projectId=&status=`: those the actor sees, newest first (at most `limit`). */
export async function listApplications(
  db: Db,
  actor: Actor,
  filters: ApplicationFilters & { limit?: number } = {},
): Promise<{ items: ApplicationView[] }> {
  const scope = applicationScope(actor);
  if (scope === 'none') return { items: [] };
  const rows = await db
    .select()
    .from(a)
    .where(
      and(
        scope === 'all' ? undefined : scope,
        filters.centerId ? eq(a.centerId, filters.centerId) : undefined,
        filters.projectId ? eq(a.projectId, filters.projectId) : undefined,
        filters.status ? eq(a.status, filters.status) : undefined,
      ),
    )
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(Math.min(filters.limit ?? 200, 500));
  const forms = new Map<string, AdmissionFormView>();
  const items: ApplicationView[] = [];
  for (const r of rows) {
    if (!forms.has(r.centerId)) forms.set(r.centerId, await loadForm(db, r.centerId));
    items.push(await presentApplication(db, actor, r, forms.get(r.centerId)));
  }
  return { items };
}

/** A founder (or admin) withdraws an open application: 409 once decided. */
export async function withdrawApplication(db: Db, actor: Actor, id: string): Promise<ApplicationView> {
  const seen = await visibleApplicationRow(db, actor, id);
  if (!isAdmin(actor) && !(await isFounderOfProject(db, actor, seen.projectId)))
    throw forbidden('only the founders of the project withdraw its application / 只有项目创始人可以撤回申请');
  const row = await db.transaction(async (tx) => {
    const app = await lockedApplication(tx, id);
    if (app.status !== 'submitted') throw conflict('the application is no longer open / 该申请已结束');
    const [row] = await tx
      .update(a)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(a.id, id))
      .returning();
    await audit(tx, actor, [
      { action: 'application.withdrawn', entityKind: 'application', entityId: id, centerId: app.centerId },
    ]);
    return row;
  });
  return presentApplication(db, actor, row);
}

/** The project's title for lists (the console shows it). */
export async function projectTitles(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: projectsTable.id, title: projectsTable.title })
    .from(projectsTable)
    .where(sql`${projectsTable.id} = any(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.title]));
}
