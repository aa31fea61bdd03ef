// The end of an incubation: graduation (on a date, with the criteria the center found met) or exit
// (with a reason). The project's center staff or an admin; 409 unless the project is incubating.
// criteriaMet keys must be ids of the center's graduation criteria (its admission form). Each moves the project's status through the transitions table (one audit entry) and closes its
// running incubation row.
import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  exitBodySchema,
  graduateBodySchema,
  incubationsTable,
  type ExitBody,
  type GraduateBody,
} from '../../models/incubations/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { conflict, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { loadForm } from './admission-form.ts';
import { managesCenter, parseBody, requireCenterOf, todayInShanghai, visibleProject } from './access.ts';
import { transitionProject } from './transitions.ts';

export type IncubationView = typeof incubationsTable.$inferSelect;

const notIncubating = (status: string) =>
  conflict(
    `the project is ${status}; only an incubating project graduates or exits / 项目状态为 ${status}，只有孵化中的项目才能毕业或退出`,
  );

async function runningIncubation(tx: Executor, projectId: string) {
  const [row] = await tx
    .select()
    .from(incubationsTable)
    .where(and(eq(incubationsTable.projectId, projectId), isNull(incubationsTable.endedOn)))
    .for('update');
  return row ?? null;
}

/** `POST /v1/projects/{id}/graduate`. */
export async function graduate(db: Db, actor: Actor, projectId: string, input: GraduateBody): Promise<IncubationView> {
  const seen = await visibleProject(db, actor, projectId);
  requireCenterOf(actor, seen, 'graduates a project');
  const body = parseBody(graduateBodySchema, input);
  if (body.graduatedOn > todayInShanghai())
    throw unprocessable([{ path: 'graduatedOn', message: 'must not be in the future / 不能是将来的日期' }]);
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, actor, projectId, true);
    if (project.status !== 'incubating') throw notIncubating(project.status);
    const inc = await runningIncubation(tx, project.id);
    if (body.criteriaMet) {
      // Only the center's own graduation criteria may be marked met (its admission form lists them).
      const form = project.centerId ? await loadForm(tx, project.centerId) : null;
      const known = new Set(form?.graduationCriteria.map((g) => g.id));
      const unknown = Object.keys(body.criteriaMet).filter((k) => !known.has(k));
      if (unknown.length)
        throw unprocessable(
          unknown.map((k) => ({
            path: `criteriaMet.${k}`,
            message: `"${k}" is not one of the center's graduation criteria / “${k}”不是本中心的毕业标准`,
          })),
        );
    }
    if (inc && body.graduatedOn < inc.startedOn)
      throw unprocessable([
        {
          path: 'graduatedOn',
          message: `must not be before the incubation started (${inc.startedOn}) / 不能早于入驻日期`,
        },
      ]);
    await transitionProject(tx, actor, project, 'graduated', {
      kinds: ['graduation'],
      detail: { graduatedOn: body.graduatedOn, ...(body.criteriaMet ? { criteriaMet: body.criteriaMet } : {}) },
    });
    return closeIncubation(tx, project, inc, {
      endedOn: body.graduatedOn,
      end: 'graduated',
      criteriaMet: body.criteriaMet ?? null,
      note: body.note ?? null,
    });
  });
}

/** `POST /v1/projects/{id}/exit`. */
export async function exitProject(db: Db, actor: Actor, projectId: string, input: ExitBody): Promise<IncubationView> {
  const seen = await visibleProject(db, actor, projectId);
  requireCenterOf(actor, seen, 'records an exit');
  const body = parseBody(exitBodySchema, input);
  const exitedOn = body.exitedOn ?? todayInShanghai();
  if (exitedOn > todayInShanghai())
    throw unprocessable([{ path: 'exitedOn', message: 'must not be in the future / 不能是将来的日期' }]);
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, actor, projectId, true);
    if (project.status !== 'incubating') throw notIncubating(project.status);
    const inc = await runningIncubation(tx, project.id);
    await transitionProject(tx, actor, project, 'exited', {
      kinds: ['exit'],
      detail: { reason: body.reason, ...(body.note ? { note: body.note } : {}) },
    });
    return closeIncubation(tx, project, inc, {
      endedOn: exitedOn < (inc?.startedOn ?? exitedOn) ? inc!.startedOn : exitedOn,
      end: 'exited',
      exitReason: body.reason,
      note: body.note ?? null,
    });
  });
}

/** Ends the running incubation (or records one for a project incubating without a row). */
async function closeIncubation(
  tx: Executor,
  project: { id: string; centerId: string | null },
  inc: IncubationView | null,
  end: Partial<IncubationView>,
): Promise<IncubationView> {
  if (inc) {
    const [row] = await tx
      .update(incubationsTable)
      .set({ ...end, updatedAt: new Date() })
      .where(eq(incubationsTable.id, inc.id))
      .returning();
    return row;
  }
  const [row] = await tx
    .insert(incubationsTable)
    .values({
      projectId: project.id,
      centerId: project.centerId!,
      startedOn: end.endedOn!,
      plannedMonths: 24,
      ...end,
    })
    .returning();
  return row;
}

/** A project's incubations, newest first: its founders, its center's staff, admins (others 404). */
export async function incubationsOf(db: Db, actor: Actor, projectId: string): Promise<IncubationView[]> {
  const project = await visibleProject(db, actor, projectId);
  if (!managesCenter(actor, project.centerId) && actor.role !== 'founder') return [];
  return db
    .select()
    .from(incubationsTable)
    .where(eq(incubationsTable.projectId, project.id))
    .orderBy(desc(incubationsTable.startedOn));
}
