// Follow-ups of issue 18 after archiving (deletion with history, src/resources/retire.ts) and the
// invitation flows: an archived training takes no enrolment or invitation and is no match source; an
// archived project's pending co-founder invitations are withdrawn with it and no longer accepted, and
// it no longer makes its founders co-founders; cohort matches leave out founders already invited to
// the training (inviting them again is 409); a failed assignment run stores no internal error text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  assignmentRunsTable,
  enrollmentsTable,
  projectInvitationsTable,
  trainingInvitationsTable,
  trainingsTable,
} from '../../models/schema.ts';
import { executeRun } from '../../src/assignment/run.ts';
import { trainerHandles } from '../../src/engagement/founder-handles.ts';
import type { TestApp } from '../harness.ts';
import { captureLogs } from '../ops/helpers.ts';
import { PROVIDER_ONE, expectProblem, ok, projectBody, trainingBody, type Actor, type World } from '../auth/world.ts';
import { auditRows, bootWorld, countWhere, create, type Caller } from './helpers.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;
let handle1: (founderId: string) => string;

beforeAll(async () => {
  ({ t, w, as } = await bootWorld());
  const h = await trainerHandles(t.db, PROVIDER_ONE);
  handle1 = (id) => h.handle(id);
});
afterAll(async () => {
  await t?.close();
});

const newTraining = (title: string) => create(t, '/v1/trainings', trainingBody(title, PROVIDER_ONE));
const cohortRes = (actor: Actor, trainingId: string) =>
  t.request('GET', `/v1/trainings/${trainingId}/matches/founders?limit=100`, {
    key: w.keys[actor],
    headers: { 'cache-control': 'no-cache' },
  });
const cohortIds = async (actor: Actor, trainingId: string) =>
  ((await ok(cohortRes(actor, trainingId))).items as any[]).map((i) => i.id as string);
const enrol = (actor: Actor, trainingId: string, founderId: string) =>
  as(actor).post(`/v1/trainings/${trainingId}/enrollments`, { founderId });
const invite = (actor: Actor, trainingId: string, body: unknown) =>
  as(actor).post(`/v1/trainings/${trainingId}/invitations`, body);

describe('an archived training', () => {
  let tr: string;
  let openInvitation: string;

  beforeAll(async () => {
    tr = await newTraining('将归档的培训 ARCHIVED-TRAINING');
    await ok(enrol('admin', tr, w.fA1), 201);
    openInvitation = (await ok(invite('staffA', tr, { founderId: w.fA2 }), 201)).id;
    // With an enrolment the DELETE archives it.
    expect((await t.request('DELETE', `/v1/trainings/${tr}`)).status).toBe(204);
    const [row] = await t.db
      .select({ archivedAt: trainingsTable.archivedAt })
      .from(trainingsTable)
      .where(eq(trainingsTable.id, tr));
    expect(row.archivedAt).toBeInstanceOf(Date);
  });

  it('takes no enrolment: 404 as an unknown training, to the founder, its staff and admins', async () => {
    for (const actor of ['founderA2', 'staffA', 'admin'] as const) expectProblem(await enrol(actor, tr, w.fA2), 404);
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, tr))).toBe(1);
  });

  it('takes no invitation: 404 to its trainer (by handle), staff and admins', async () => {
    expectProblem(await invite('trainer1', tr, { handle: handle1(w.fB1) }), 404);
    expectProblem(await invite('staffB', tr, { founderId: w.fB1 }), 404);
    expectProblem(await invite('admin', tr, { founderId: w.fB1 }), 404);
    expect(await countWhere(t, trainingInvitationsTable, eq(trainingInvitationsTable.trainingId, tr))).toBe(1);
  });

  it('an invitation sent before cannot be accepted (404) and enrols nobody', async () => {
    expectProblem(await as('founderA2').post(`/v1/training-invitations/${openInvitation}/accept`), 404);
    expectProblem(await as('admin').post(`/v1/training-invitations/${openInvitation}/accept`), 404);
    const enrolled = await t.db
      .select()
      .from(enrollmentsTable)
      .where(and(eq(enrollmentsTable.trainingId, tr), eq(enrollmentsTable.founderId, w.fA2)));
    expect(enrolled).toEqual([]);
  });

  it('is no source of cohort matches: 404 to its trainer and staff, 409 to admins', async () => {
    expectProblem(await cohortRes('trainer1', tr), 404);
    expectProblem(await cohortRes('staffA', tr), 404);
    expectProblem(await cohortRes('admin', tr), 409);
  });

  it('admins still read its enrolments (history); others 404', async () => {
    const list = await ok(as('admin').get(`/v1/trainings/${tr}/enrollments`));
    expect(list.items.map((e: any) => e.founderId)).toEqual([w.fA1]);
    expectProblem(await as('founderA1').get(`/v1/trainings/${tr}/enrollments`), 404);
    expectProblem(await as('trainer1').get(`/v1/trainings/${tr}/enrollments`), 404);
  });

  it('a live training still enrols and invites (control)', async () => {
    const live = await newTraining('照常的培训 LIVE-TRAINING');
    await ok(enrol('founderA2', live, w.fA2), 201);
    await ok(invite('trainer1', live, { handle: handle1(w.fA1) }), 201);
  });
});

describe('an archived project', () => {
  let project: string;
  let pending: string;

  beforeAll(async () => {
    // founderA1 names fB1 (who accepts) and fA2 (who does not answer); an introduction gives it history.
    project = (
      await ok(
        as('founderA1').post(
          '/v1/projects',
          projectBody({ title: 'ARCHIVED-PROJECT 将删除', centerId: w.cA, founderIds: [w.fA1, w.fB1, w.fA2] }),
        ),
        201,
      )
    ).id;
    const invitations = await t.db
      .select()
      .from(projectInvitationsTable)
      .where(eq(projectInvitationsTable.projectId, project));
    const of = (f: string) => invitations.find((i) => i.founderId === f)!.id;
    await ok(as('founderB1').post(`/v1/project-invitations/${of(w.fB1)}/accept`));
    pending = of(w.fA2);
    await ok(
      as('founderA1').post('/v1/introductions', { projectId: project, targetKind: 'mentor', targetId: w.m2 }),
      201,
    );
  });

  it('makes co-founders while live (control)', async () => {
    await ok(as('founderB1').get(`/v1/founders/${w.fA1}`));
    await ok(as('founderA1').get(`/v1/founders/${w.fB1}`));
  });

  describe('after its DELETE (archived: it has an introduction)', () => {
    beforeAll(async () => {
      expect((await as('founderA1').del(`/v1/projects/${project}`)).status).toBe(204);
    });

    it('its pending invitations are withdrawn in the same transaction, audited', async () => {
      const [row] = await t.db.select().from(projectInvitationsTable).where(eq(projectInvitationsTable.id, pending));
      expect(row).toMatchObject({ status: 'withdrawn', decidedAt: expect.any(Date) });
      expect(await auditRows(t, 'project_invitation.withdraw', pending)).toHaveLength(1);
      // The accepted one stays accepted (history).
      const accepted = await t.db
        .select()
        .from(projectInvitationsTable)
        .where(and(eq(projectInvitationsTable.projectId, project), eq(projectInvitationsTable.founderId, w.fB1)));
      expect(accepted[0].status).toBe('accepted');
    });

    it('accepting or declining an invitation of it is 404, for the invitee and an admin', async () => {
      expectProblem(await as('founderA2').post(`/v1/project-invitations/${pending}/accept`), 404);
      expectProblem(await as('founderA2').post(`/v1/project-invitations/${pending}/decline`), 404);
      expectProblem(await as('admin').post(`/v1/project-invitations/${pending}/accept`), 404);
      // Even were it still pending (a race with the archive): 404, and no member added.
      await t.db
        .update(projectInvitationsTable)
        .set({ status: 'pending', decidedAt: null })
        .where(eq(projectInvitationsTable.id, pending));
      expectProblem(await as('founderA2').post(`/v1/project-invitations/${pending}/accept`), 404);
      const [row] = await t.db.select().from(projectInvitationsTable).where(eq(projectInvitationsTable.id, pending));
      expect(row.status).toBe('pending');
      await t.db
        .update(projectInvitationsTable)
        .set({ status: 'withdrawn', decidedAt: new Date() })
        .where(eq(projectInvitationsTable.id, pending));
    });

    it('no longer makes its founders co-founders: their profiles are 404 to each other', async () => {
      expectProblem(await as('founderB1').get(`/v1/founders/${w.fA1}`), 404);
      expectProblem(await as('founderA1').get(`/v1/founders/${w.fB1}`), 404);
      // Co-founders of a live project still read each other (fA1 and fA2 share pAv).
      await ok(as('founderA2').get(`/v1/founders/${w.fA1}`));
    });
  });
});

describe('cohort matches leave out founders already invited', () => {
  it('an open or declined invitation drops the founder, for the trainer (handles), staff and admins', async () => {
    const tr = await newTraining('邀请后的队列 INVITED-COHORT');
    expect(await cohortIds('admin', tr)).toEqual(expect.arrayContaining([w.fA1, w.fA2, w.fB1]));
    expect(await cohortIds('trainer1', tr)).toEqual(expect.arrayContaining([handle1(w.fA1), handle1(w.fA2)]));

    await ok(invite('trainer1', tr, { handle: handle1(w.fA1) }), 201);
    const declined = (await ok(invite('staffA', tr, { founderId: w.fA2 }), 201)).id;
    await ok(as('founderA2').post(`/v1/training-invitations/${declined}/decline`));

    const admin = await cohortIds('admin', tr);
    expect(admin).not.toContain(w.fA1);
    expect(admin).not.toContain(w.fA2);
    expect(admin).toContain(w.fB1);
    expect(await cohortIds('staffA', tr)).not.toEqual(expect.arrayContaining([w.fA1]));
    expect(await cohortIds('staffA', tr)).not.toEqual(expect.arrayContaining([w.fA2]));
    const trainer = await cohortIds('trainer1', tr);
    expect(trainer).not.toContain(handle1(w.fA1));
    expect(trainer).not.toContain(handle1(w.fA2));
    expect(trainer).toContain(handle1(w.fB1));
    // Every founder still suggested can be invited (no 409 dead end).
    await ok(invite('trainer1', tr, { handle: handle1(w.fB1) }), 201);
  });
});

describe('a failed assignment run', () => {
  it('stores a generic bilingual message with the run id, not the error (SQL parameters); the log has the error', async () => {
    const marker = 'PII-13800000000-wx-secret';
    // An input no API would accept (it is validated there), so the job's first query fails in the database.
    const [row] = await t.db
      .insert(assignmentRunsTable)
      .values({ centerId: w.cA, status: 'queued', input: { projectIds: [marker] } })
      .returning();
    const logs = captureLogs('error');
    await executeRun({ db: t.db, model: t.service.embedder.id, logger: logs.logger }, row.id);

    const res = await as('staffA').get(`/v1/assignment-runs/${row.id}`);
    const body = await ok(res);
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(new RegExp(`^internal error in assignment run ${row.id}.* / .*${row.id}`));
    expect(body.error).toMatch(/内部错误/);
    for (const s of [marker, 'params', 'Failed query', 'select', 'uuid']) expect(body.error).not.toContain(s);

    const line = logs.lines().find((l) => l.msg === 'assignment run failed');
    expect(line).toMatchObject({
      level: 'error',
      runId: row.id,
      err: { message: expect.any(String), stack: expect.any(String) },
    });
  });
});
