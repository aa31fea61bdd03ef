// What an incubated project achieves, month by month (YYYY-MM): entered by its founders or its
// center's staff (admins too) while incubating or after graduating; whole numbers ≥ 0; never a
// month after the current one in Asia/Shanghai. Staff lock a month, after which it no longer changes (409).
// Read by the same people (investors, mentors: 404).
import { and, asc, eq } from 'drizzle-orm';
import {
  outcomeBodySchema,
  periodField,
  projectOutcomesTable,
  type OutcomeBody,
} from '../../models/project-outcomes/index.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import {
  isFounderOfProject,
  managesCenter,
  parseBody,
  requireCenterOf,
  todayInShanghai,
  visibleProject,
} from './access.ts';

export type OutcomeView = typeof projectOutcomesTable.$inferSelect;
const o = projectOutcomesTable;

/** Statuses whose outcomes are recorded: in the center, or graduated from it (follow-up). */
export const OUTCOME_STATUSES = ['incubating', 'graduated'] as const;

/** 422 unless `period` is a month YYYY-MM not after the current month in Asia/Shanghai. */
export function checkPeriod(period: string, now = new Date()): void {
  const r = periodField().safeParse(period);
  if (!r.success)
    throw unprocessable([{ path: 'period', message: r.error.issues[0]?.message ?? 'must be a month YYYY-MM' }]);
  if (period > todayInShanghai(now).slice(0, 7))
    throw unprocessable([{ path: 'period', message: 'must not be a future month / 不能填报未来月份' }]);
}

/** Founders of the project, its center's staff, admins; others who see the project 403, the rest 404. */
async function writableProject(db: Db, actor: Actor, projectId: string) {
  const project = await visibleProject(db, actor, projectId);
  if (!managesCenter(actor, project.centerId) && !(await isFounderOfProject(db, actor, project.id)))
    throw forbidden(
      "only the project's founders or its center enter outcomes / 只有项目创始人或所在双创中心可以填报成果",
    );
  return project;
}

/** `PUT /v1/projects/{id}/outcomes/{YYYY-MM}`. */
export async function putOutcome(
  db: Db,
  actor: Actor,
  projectId: string,
  period: string,
  input: OutcomeBody,
): Promise<OutcomeView> {
  const project = await writableProject(db, actor, projectId);
  checkPeriod(period);
  const body = parseBody(outcomeBodySchema, input);
  return db.transaction(async (tx) => {
    const locked = await visibleProject(tx, actor, project.id, true);
    if (!(OUTCOME_STATUSES as readonly string[]).includes(locked.status))
      throw conflict(
        `outcomes are entered for incubating or graduated projects; this one is ${locked.status} / 只有孵化中或已毕业的项目填报成果`,
      );
    const [existing] = await tx
      .select()
      .from(o)
      .where(and(eq(o.projectId, project.id), eq(o.period, period)))
      .for('update');
    if (existing?.lockedAt)
      throw conflict(`the center locked ${period}; it no longer changes / 该月份已锁定，不能修改`);
    const values = {
      ...body,
      fundingSources: body.fundingSources ?? null,
      registeredEnterprise: body.registeredEnterprise ?? false,
      enteredBy: actorLabel(actor),
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(o)
      .values({ projectId: project.id, period, ...values })
      .onConflictDoUpdate({ target: [o.projectId, o.period], set: values })
      .returning();
    return row;
  });
}

/** Staff of the project's center (or an admin) lock a month's outcomes; locking twice changes nothing. */
export async function lockOutcome(db: Db, actor: Actor, projectId: string, period: string): Promise<OutcomeView> {
  const project = await visibleProject(db, actor, projectId);
  requireCenterOf(actor, project, 'locks outcomes');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(o)
      .where(and(eq(o.projectId, project.id), eq(o.period, period)))
      .for('update');
    if (!row) throw notFound('outcome');
    if (row.lockedAt) return row;
    const [locked] = await tx
      .update(o)
      .set({ lockedAt: new Date(), lockedBy: actorLabel(actor) })
      .where(and(eq(o.projectId, project.id), eq(o.period, period)))
      .returning();
    await audit(tx, actor, [
      {
        action: 'outcome.locked',
        entityKind: 'project',
        entityId: project.id,
        centerId: project.centerId,
        detail: { period },
      },
    ]);
    return locked;
  });
}

/** `GET /v1/projects/{id}/outcomes`: oldest month first. */
export async function listOutcomes(db: Db, actor: Actor, projectId: string): Promise<{ items: OutcomeView[] }> {
  const project = await writableProject(db, actor, projectId).catch((e) => {
    // Who may not enter outcomes does not read them either, and learns nothing from the difference.
    if (e?.status === 403) throw notFound('project');
    throw e;
  });
  const items = await db.select().from(o).where(eq(o.projectId, project.id)).orderBy(asc(o.period));
  return { items };
}
