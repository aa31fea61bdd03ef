// Assignment runs as the API sees them: create (validated, recorded, queued), read, list, publish.
// Who: the center's staff and admins; anyone else gets 404 (the run, like the center's projects,
// is out of their scope). Every create and publish is recorded on the run row (who, when, input,
// result) and in the audit log.
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { assignmentRunsTable, centersTable, mentorsTable, projectsTable } from '../../models/schema.ts';
import { MAX_RUN_POOL_PAIRS, type AssignmentRunBody, type RunPair } from '../../models/assignment-runs/validation.ts';
import type { AssignmentQueue } from '../../jobs/assignment/queue.ts';
import { actorLabel, isAdmin, isStaffOf, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { AppError, conflict, notFound, unprocessable, type FieldIssue } from '../errors.ts';
import { Introductions, type Introduction } from '../engagement/introductions.ts';
import { decodeCursor, isUuid, page } from '../engagement/shared.ts';
import { audit } from '../audit/record.ts';
import { failedRules, mentorRuleText, projectMentorPool } from '../matching/pool.ts';
import type { Lang } from '../matching/types.ts';
import { ASSIGNABLE_STATUSES, defaultProjectIds, projectsWithCoach, runCapacities } from './data.ts';
import { countRows } from '../resources/repository.ts';
import type { RunResult } from './run.ts';
import { unreadableIds } from '../resources/readable.ts';

type RunRow = typeof assignmentRunsTable.$inferSelect;
const t = assignmentRunsTable;

const PUBLISH_MESSAGE =
  '双创中心导师分配：请查看项目并接受或拒绝辅导 / Coach assignment by the center: please review the project and accept or decline';

/**
 * The full view of a run (GET /v1/assignment-runs/{id}); reasons and messages in `lang`. Rows naming
 * a project or mentor in `unreadable` (the caller could not read it by id now: moved to another
 * center, removed) are left out, with their titles, names and reasons.
 */
export function presentRun(r: RunRow, lang: Lang, unreadable: ReadonlySet<string> = new Set()) {
  const res = r.result as RunResult | null;
  const input = r.input as AssignmentRunBody;
  const shown = (...ids: string[]) => ids.every((id) => !unreadable.has(id));
  const unassigned = (res?.unassigned ?? []).filter((u) => shown(u.projectId));
  return {
    id: r.id,
    centerId: r.centerId,
    status: r.status,
    input,
    assignments: (res?.assignments ?? [])
      .filter((a) => shown(a.projectId, a.mentorId))
      .map((a) => ({
        projectId: a.projectId,
        mentorId: a.mentorId,
        score: a.score,
        reasons: a.reasons[lang],
        projectTitle: a.projectTitle,
        mentorName: a.mentorName,
        pinned: a.pinned,
      })),
    unassigned: unassigned.map((u) => u.projectId),
    unassignedDetail: unassigned.map((u) => ({
      projectId: u.projectId,
      projectTitle: u.projectTitle,
      reason: u.reason,
      message: u.message[lang],
    })),
    objective: res?.objective ?? null,
    greedyObjective: res?.greedy.objective ?? null,
    dualBound: res?.dualBound ?? null,
    balance: input.balance ?? 0,
    balancePenalty: res?.balancePenalty ?? null,
    utility: res?.utility ?? null,
    greedyUtility: res?.greedy.utility ?? null,
    greedyAssigned: res?.greedy.assigned ?? null,
    mentorLoad: (res?.mentorLoad ?? []).filter((m) => shown(m.mentorId)),
    stats: res
      ? { projects: res.projectIds.length, mentors: res.mentorCount, candidatePairs: res.candidatePairs }
      : null,
    solverMs: res?.solverMs ?? null,
    greedyMs: res?.greedyMs ?? null,
    totalMs: res?.totalMs ?? null,
    startedAt: res?.startedAt ?? null,
    finishedAt: res?.finishedAt ?? null,
    error: r.error,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
  };
}

/** The list view: no per-project detail, just the figures. */
export function summarizeRun(r: RunRow) {
  const res = r.result as RunResult | null;
  return {
    id: r.id,
    centerId: r.centerId,
    status: r.status,
    input: r.input as AssignmentRunBody,
    objective: res?.objective ?? null,
    greedyObjective: res?.greedy.objective ?? null,
    assignedCount: res ? res.assignments.length : null,
    unassignedCount: res ? res.unassigned.length : null,
    solverMs: res?.solverMs ?? null,
    error: r.error,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
  };
}

const canRun = (actor: Actor, centerId: string) => isAdmin(actor) || isStaffOf(actor, centerId);

export class AssignmentRuns {
  constructor(
    private readonly db: Db,
    private readonly model: string,
    private readonly queue: AssignmentQueue,
  ) {}

  private async center(actor: Actor, centerId: string) {
    if (!isUuid(centerId) || !canRun(actor, centerId)) throw notFound('center');
    const [c] = await this.db.select({ id: centersTable.id }).from(centersTable).where(eq(centersTable.id, centerId));
    if (!c) throw notFound('center');
  }

  private async visible(actor: Actor, id: string): Promise<RunRow> {
    if (!isUuid(id) || !['admin', 'center_staff'].includes(actor.role)) throw notFound('assignment run');
    const [r] = await this.db.select().from(t).where(eq(t.id, id));
    if (!r || !canRun(actor, r.centerId)) throw notFound('assignment run');
    return r;
  }

  async create(actor: Actor, centerId: string, body: AssignmentRunBody): Promise<RunRow> {
    await this.center(actor, centerId);
    const input: AssignmentRunBody = {
      ...body,
      pins: body.pins ?? [],
      exclusions: body.exclusions ?? [],
      balance: body.balance ?? 0,
    };
    await this.validate(centerId, input);
    const run = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(t)
        .values({ centerId, status: 'queued', input, createdBy: actorLabel(actor) })
        .returning();
      await audit(tx, actor, [
        {
          action: 'assignment_run.create',
          entityKind: 'assignment_run',
          entityId: row.id,
          centerId,
          detail: input as never,
        },
      ]);
      return row;
    });
    try {
      await this.queue.enqueue(run.id);
    } catch (e) {
      const error = `could not queue the run / 无法排入任务队列: ${String(e)}`;
      await this.db.update(t).set({ status: 'failed', error, updatedAt: new Date() }).where(eq(t.id, run.id));
      throw new AppError(
        503,
        'Service Unavailable',
        'The job queue is unavailable; try again later / 任务队列暂不可用，请稍后重试',
      );
    }
    return run;
  }

  async get(actor: Actor, id: string): Promise<RunRow> {
    return this.visible(actor, id);
  }

  /** The projects and mentors of a run's result that the actor cannot read by id (presentRun leaves them out). */
  async unreadable(actor: Actor, run: RunRow): Promise<Set<string>> {
    const res = run.result as RunResult | null;
    if (!res) return new Set();
    const ids = [
      ...res.assignments.flatMap((a) => [a.projectId, a.mentorId]),
      ...res.unassigned.map((u) => u.projectId),
      ...res.mentorLoad.map((m) => m.mentorId),
    ];
    return unreadableIds(this.db, actor, ids);
  }

  async list(actor: Actor, centerId: string, q: { limit: number; cursor?: string }) {
    await this.center(actor, centerId);
    const rows = await this.db
      .select()
      .from(t)
      .where(and(eq(t.centerId, centerId), q.cursor ? gt(t.id, decodeCursor(q.cursor)) : undefined))
      .orderBy(asc(t.id))
      .limit(q.limit + 1);
    const p = page(rows, q.limit);
    return { items: p.items.map(summarizeRun), nextCursor: p.nextCursor };
  }

  /**
   * The center's latest runs, newest first (ids are time-ordered), with their counts computed in SQL:
   * a list page never loads the results themselves (a large run's result is megabytes).
   */
  async recent(actor: Actor, centerId: string, limit: number) {
    await this.center(actor, centerId);
    return this.db
      .select({
        id: t.id,
        status: t.status,
        createdAt: t.createdAt,
        publishedAt: t.publishedAt,
        assignedCount: sql<number | null>`jsonb_array_length(${t.result} -> 'assignments')`,
        unassignedCount: sql<number | null>`jsonb_array_length(${t.result} -> 'unassigned')`,
      })
      .from(t)
      .where(eq(t.centerId, centerId))
      .orderBy(desc(t.id))
      .limit(limit);
  }

  /**
   * Turns a finished run into introductions addressed to the mentors (status `requested`,
   * `assignmentRunId` set), through the same request path as any introduction. All or nothing:
   * if the world changed since the run (a mentor now full or inactive, a pair introduced
   * meanwhile) nothing is written and the 409 says which assignments; re-run and publish that.
   */
  async publish(actor: Actor, id: string): Promise<{ run: RunRow; introductions: Introduction[] }> {
    const seen = await this.visible(actor, id);
    return this.db.transaction(async (tx) => {
      // The run row lock serialises publishes of one run: the second finds publishedAt set.
      const [run] = await tx.select().from(t).where(eq(t.id, seen.id)).for('update');
      if (run.status !== 'done')
        throw conflict(
          `The run is ${run.status}; only a finished (done) run can be published / 该分配任务状态为 ${run.status}，只有已完成的任务可以发布`,
        );
      if (run.publishedAt)
        throw conflict(
          `The run was already published at ${run.publishedAt.toISOString()} / 该分配结果已于 ${run.publishedAt.toISOString()} 发布`,
        );
      const result = run.result as RunResult;
      const perMentor = new Map<string, number>();
      for (const a of result.assignments) perMentor.set(a.mentorId, (perMentor.get(a.mentorId) ?? 0) + 1);
      // Lock the mentors (in id order: no deadlock with another publish), then count their places,
      // so concurrent publishes and accepts never hand out more than a mentor's capacity.
      const mentorIds = [...perMentor.keys()].sort();
      if (mentorIds.length)
        await tx
          .select({ id: mentorsTable.id })
          .from(mentorsTable)
          .where(inArray(mentorsTable.id, mentorIds))
          .orderBy(asc(mentorsTable.id))
          .for('update');
      const caps = await runCapacities(tx, mentorIds);
      const errors: FieldIssue[] = [];
      result.assignments.forEach((a, k) => {
        const free = caps.get(a.mentorId)?.free ?? 0;
        if ((perMentor.get(a.mentorId) ?? 0) > free)
          errors.push({
            path: `assignments.${k}.mentorId`,
            message: `the mentor has ${free} place(s) left now, fewer than this run assigns / 该导师目前仅剩 ${free} 个名额，少于本次分配数`,
          });
      });
      if (errors.length)
        throw conflict(
          'Capacity changed since the run; re-run the assignment / 运行后导师名额已变化，请重新分配',
          errors,
        );

      const intros = new Introductions(tx as unknown as Db);
      const created: Introduction[] = [];
      for (const [k, a] of result.assignments.entries()) {
        try {
          created.push(
            await intros.request(
              actor,
              { projectId: a.projectId, targetKind: 'mentor', targetId: a.mentorId, message: PUBLISH_MESSAGE },
              { assignmentRunId: run.id },
            ),
          );
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const why = e.errors[0]?.message ?? e.message;
          throw conflict(
            `Assignment ${k} can no longer be introduced; re-run the assignment / 第 ${k} 项分配已无法发起对接，请重新分配`,
            [{ path: `assignments.${k}`, message: why }],
          );
        }
      }
      const now = new Date();
      const [updated] = await tx
        .update(t)
        .set({ publishedAt: now, publishedBy: actorLabel(actor), updatedAt: now })
        .where(eq(t.id, run.id))
        .returning();
      await audit(tx, actor, [
        {
          action: 'assignment_run.publish',
          entityKind: 'assignment_run',
          entityId: run.id,
          centerId: run.centerId,
          detail: { introductionIds: created.map((c) => c.id), count: created.length },
        },
      ]);
      return { run: updated, introductions: created };
    });
  }

  /** Input checks that need the database: every id exists and is in scope; pins are feasible. 422 with paths. */
  private async validate(centerId: string, input: AssignmentRunBody) {
    await this.checkPoolSize(centerId, input); // first: it bounds the checks below too
    const pins = input.pins ?? [];
    const exclusions = input.exclusions ?? [];
    const errors: FieldIssue[] = [];
    const projectRefs: [string, string, boolean][] = [
      ...(input.projectIds ?? []).map((id, k): [string, string, boolean] => [`projectIds.${k}`, id, true]),
      ...pins.map((p, k): [string, string, boolean] => [`pins.${k}.projectId`, p.projectId, true]),
      ...exclusions.map((p, k): [string, string, boolean] => [`exclusions.${k}.projectId`, p.projectId, false]),
    ];
    const mentorRefs: [string, string][] = [
      ...(input.mentorIds ?? []).map((id, k): [string, string] => [`mentorIds.${k}`, id]),
      ...pins.map((p, k): [string, string] => [`pins.${k}.mentorId`, p.mentorId]),
      ...exclusions.map((p, k): [string, string] => [`exclusions.${k}.mentorId`, p.mentorId]),
    ];
    const projects = new Map<string, { centerId: string | null; status: string }>();
    const projectIds = [...new Set(projectRefs.map((r) => r[1]))];
    for (let k = 0; k < projectIds.length; k += 1000) {
      // Archived projects and mentors (deleted with history) are unknown, as to every other read.
      const rows = await this.db
        .select({ id: projectsTable.id, centerId: projectsTable.centerId, status: projectsTable.status })
        .from(projectsTable)
        .where(and(inArray(projectsTable.id, projectIds.slice(k, k + 1000)), isNull(projectsTable.archivedAt)));
      for (const r of rows) projects.set(r.id, r);
    }
    for (const [path, id, needsStatus] of projectRefs) {
      const p = projects.get(id);
      if (!p || p.centerId !== centerId)
        errors.push({ path, message: 'unknown project, or not a project of this center / 项目不存在或不属于本中心' });
      else if (needsStatus && !(ASSIGNABLE_STATUSES as readonly string[]).includes(p.status))
        errors.push({
          path,
          message: `the project is ${p.status}; only submitted, vetted or incubating projects get coaches / 项目状态为 ${p.status}，只有已提交、已审核通过或孵化中的项目可以分配导师`,
        });
    }
    const mentorIds = [...new Set(mentorRefs.map((r) => r[1]))];
    const mentors = new Set<string>();
    for (let k = 0; k < mentorIds.length; k += 1000) {
      for (const r of await this.db
        .select({ id: mentorsTable.id })
        .from(mentorsTable)
        .where(and(inArray(mentorsTable.id, mentorIds.slice(k, k + 1000)), isNull(mentorsTable.archivedAt))))
        mentors.add(r.id);
    }
    for (const [path, id] of mentorRefs)
      if (!mentors.has(id)) errors.push({ path, message: 'unknown mentor / 导师不存在' });

    const pairKey = (p: RunPair) => `${p.projectId}|${p.mentorId}`;
    const excluded = new Set(exclusions.map(pairKey));
    const pinnedProjects = new Map<string, number>();
    pins.forEach((p, k) => {
      if (pinnedProjects.has(p.projectId))
        errors.push({
          path: `pins.${k}.projectId`,
          message: `the project is already pinned by pins.${pinnedProjects.get(p.projectId)}: a project gets at most one coach / 该项目已被固定配对，每个项目至多一位导师`,
        });
      else pinnedProjects.set(p.projectId, k);
      if (excluded.has(pairKey(p)))
        errors.push({ path: `pins.${k}`, message: 'this pair is both pinned and excluded / 该配对同时被固定和排除' });
    });
    if (errors.length) throw unprocessable(errors, 'The assignment run input is invalid / 分配请求无效');
    if (pins.length) await this.checkPins(pins);
  }

  /** The pool as the run will form it (src/assignment/run.ts) must stay within MAX_RUN_POOL_PAIRS project–mentor pairs. */
  private async checkPoolSize(centerId: string, input: AssignmentRunBody) {
    const pins = input.pins ?? [];
    const projects = new Set([
      ...(input.projectIds ?? (await defaultProjectIds(this.db, centerId))),
      ...pins.map((p) => p.projectId),
    ]).size;
    const mentors = input.mentorIds
      ? new Set([...input.mentorIds, ...pins.map((p) => p.mentorId)]).size
      : await countRows(this.db, mentorsTable);
    if (projects * mentors <= MAX_RUN_POOL_PAIRS) return;
    const n = (x: number) => x.toLocaleString('en-US');
    const message =
      `${n(projects)} projects × ${n(mentors)} mentors = ${n(projects * mentors)} pairs, more than the limit of ${n(MAX_RUN_POOL_PAIRS)} per run: ` +
      `pass fewer projectIds or mentorIds / 项目数 × 导师数超过每次分配 ${n(MAX_RUN_POOL_PAIRS)} 对的上限，请减少 projectIds 或 mentorIds`;
    throw unprocessable(
      [{ path: input.mentorIds && !input.projectIds ? 'projectIds' : 'mentorIds', message }],
      'The assignment run is too large / 分配规模过大',
    );
  }

  /** Every pin must be an eligible pair (the recipe's rules), its project without a coach, its mentor with enough places. */
  private async checkPins(pins: RunPair[]) {
    const errors: FieldIssue[] = [];
    const projectIds = [...new Set(pins.map((p) => p.projectId))];
    const mentorIds = [...new Set(pins.map((p) => p.mentorId))];
    const pool = await projectMentorPool({ db: this.db, model: this.model }, projectIds, mentorIds);
    const pIndex = new Map(pool.projects.map((p, k) => [p.row.id as string, k]));
    const mIndex = new Map(pool.mentors.map((m, k) => [m.row.id as string, k]));
    const withCoach = await projectsWithCoach(this.db, projectIds);
    const caps = await runCapacities(this.db, mentorIds);
    const perMentor = new Map<string, number>();
    pins.forEach((p, k) => {
      if (withCoach.has(p.projectId)) {
        errors.push({
          path: `pins.${k}.projectId`,
          message: 'the project already has a coach (an open mentor introduction) / 该项目已有导师（进行中的导师对接）',
        });
        return;
      }
      const failed = failedRules(pool, pIndex.get(p.projectId)!, mIndex.get(p.mentorId)!);
      if (failed.length) {
        const texts = failed.map((id) => mentorRuleText(id)!);
        errors.push({
          path: `pins.${k}`,
          message: `not an eligible pair, fails: ${texts.map((x) => x.en).join('; ')} / 该配对不符合硬性条件：${texts.map((x) => x.zh).join('；')}`,
        });
        return;
      }
      const n = (perMentor.get(p.mentorId) ?? 0) + 1;
      perMentor.set(p.mentorId, n);
      const free = caps.get(p.mentorId)?.free ?? 0;
      if (n > free)
        errors.push({
          path: `pins.${k}.mentorId`,
          message: `the mentor has ${free} place(s) for this run, fewer than its pins / 该导师本次仅有 ${free} 个名额，少于固定配对数`,
        });
    });
    if (errors.length) throw unprocessable(errors, 'Some pins cannot be kept / 部分固定配对无法满足');
  }
}
