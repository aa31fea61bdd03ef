// Capacity and seats under concurrency (shared/API.md: "when none is left it fails with 409, also
// under concurrent accepts"; "409 when seats are full (also under concurrency)"). Every race is a
// Promise.all of real requests through the app; on PostgreSQL they run on separate connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditTable, enrollmentsTable, introductionsTable } from '../../models/schema.ts';
import type { TestApp } from '../harness.ts';
import { createKey, founderBody, mentorBody, ok, projectBody, trainingBody, type World } from '../auth/world.ts';
import {
  type asActor,
  callerFor,
  countWhere,
  create,
  inBatches,
  statusCounts,
  type Caller,
  bootWorld,
} from './helpers.ts';

let t: TestApp;
let w: World;
let as: ReturnType<typeof asActor>;

beforeAll(async () => ({ t, w, as } = await bootWorld()));
afterAll(async () => {
  await t?.close();
});

const N = 50;

async function mentorWithKey(name: string, capacity: number): Promise<{ id: string; as: Caller }> {
  const id = await create(t, '/v1/mentors', { ...mentorBody(name, `wx-${name}`), capacity });
  return { id, as: callerFor(t, (await createKey(t, 'mentor', { subjectId: id })).key) };
}

describe('mentor capacity', () => {
  it(`${N} simultaneous accepts of ${N} requested introductions, capacity 3 → exactly 3 × 200 and ${N - 3} × 409`, async () => {
    const mentor = await mentorWithKey('并发导师', 3);
    const projects = await inBatches(N, 10, (k) =>
      create(t, '/v1/projects', projectBody({ title: `并发项目 ${k}`, centerId: w.cA, founderIds: [w.fA1] })),
    );
    const intros: string[] = await inBatches(
      N,
      10,
      async (k) =>
        (
          await ok(
            t.request('POST', '/v1/introductions', {
              body: { projectId: projects[k], targetKind: 'mentor', targetId: mentor.id },
            }),
            201,
          )
        ).id,
    );

    const results = await Promise.all(intros.map((id) => mentor.as.post(`/v1/introductions/${id}/accept`)));
    expect(statusCounts(results)).toEqual({ 200: 3, 409: N - 3 });
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body.detail).toMatch(/no remaining capacity.*名额已满/s);
    }

    const accepted = results.flatMap((r, k) => (r.status === 200 ? [intros[k]] : []));
    const byTarget = and(eq(introductionsTable.targetKind, 'mentor'), eq(introductionsTable.targetId, mentor.id));
    expect(await countWhere(t, introductionsTable, and(byTarget, eq(introductionsTable.status, 'accepted')))).toBe(3);
    expect(await countWhere(t, introductionsTable, and(byTarget, eq(introductionsTable.status, 'requested')))).toBe(
      N - 3,
    );
    expect(await ok(mentor.as.get(`/v1/mentors/${mentor.id}/capacity`))).toEqual({
      mentorId: mentor.id,
      capacity: 3,
      accepted: 3,
      remaining: 0,
    });
    // Only the winners were audited (the losers' transactions rolled back).
    const acceptAudits = (
      await t.db.select().from(auditTable).where(eq(auditTable.action, 'introduction.accept'))
    ).filter((a) => (a.detail as any).targetId === mentor.id);
    expect(acceptAudits.map((a) => a.entityId).sort()).toEqual([...accepted].sort());
    expect(
      await countWhere(t, auditTable, and(eq(auditTable.action, 'contact.reveal'), eq(auditTable.entityId, mentor.id))),
    ).toBe(3);

    // Ending one frees exactly one unit, even when everyone races for it again.
    await ok(as('founderA1').post(`/v1/introductions/${accepted[0]}/end`));
    const waiting = intros.filter((id) => !accepted.includes(id));
    const second = await Promise.all(waiting.map((id) => mentor.as.post(`/v1/introductions/${id}/accept`)));
    expect(statusCounts(second)).toEqual({ 200: 1, 409: waiting.length - 1 });
    expect((await ok(mentor.as.get(`/v1/mentors/${mentor.id}/capacity`))).remaining).toBe(0);
  });

  it('racing accept and decline of one introduction: exactly one wins', async () => {
    const mentor = await mentorWithKey('抢答导师', 10);
    const intro = await ok(
      t.request('POST', '/v1/introductions', { body: { projectId: w.pAv, targetKind: 'mentor', targetId: mentor.id } }),
      201,
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        mentor.as.post(`/v1/introductions/${intro.id}/${k % 2 ? 'decline' : 'accept'}`),
      ),
    );
    expect(statusCounts(results)).toEqual({ 200: 1, 409: 19 });
    const decided = await t.db.select().from(auditTable).where(eq(auditTable.entityId, intro.id));
    expect(
      decided.filter((a) => a.action === 'introduction.accept' || a.action === 'introduction.decline'),
    ).toHaveLength(1);
  });

  it(`${N} simultaneous requests of the same (project, target) → exactly one 201`, async () => {
    const mentor = await mentorWithKey('重复请求导师', 3);
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        as('founderA1').post('/v1/introductions', { projectId: w.pAs, targetKind: 'mentor', targetId: mentor.id }),
      ),
    );
    expect(statusCounts(results)).toEqual({ 201: 1, 409: N - 1 });
    expect(await countWhere(t, introductionsTable, eq(introductionsTable.targetId, mentor.id))).toBe(1);
  });
});

describe('training seats', () => {
  it(`${N} simultaneous enrolments of different founders into a training with 5 seats → exactly 5 × 201`, async () => {
    const training = await create(t, '/v1/trainings', {
      ...trainingBody('并发训练营', 'PROV-RACE 并发培训'),
      seats: 5,
    });
    const founders = await inBatches(N, 10, (k) =>
      create(t, '/v1/founders', founderBody(`并发创业者 ${k}`, `wx-race-${k}`, w.cA)),
    );
    const trainer = callerFor(t, (await createKey(t, 'trainer', { subjectId: 'PROV-RACE 并发培训' })).key);

    const results = await Promise.all(
      founders.map((founderId) => as('staffA').post(`/v1/trainings/${training}/enrollments`, { founderId })),
    );
    expect(statusCounts(results)).toEqual({ 201: 5, 409: N - 5 });
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.detail).toMatch(/full.*名额已满/s);
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, training))).toBe(5);
    const list = await ok(trainer.get(`/v1/trainings/${training}/enrollments`));
    expect(list).toMatchObject({ seats: 5, seatsLeft: 0 });
    expect(list.items).toHaveLength(5);

    // Freeing one seat lets exactly one of the rest in.
    const first = results.findIndex((r) => r.status === 201);
    expect((await t.request('DELETE', `/v1/trainings/${training}/enrollments/${founders[first]}`)).status).toBe(204);
    const rest = founders.filter((_, k) => results[k].status === 409);
    const again = await Promise.all(
      rest.map((founderId) => as('staffA').post(`/v1/trainings/${training}/enrollments`, { founderId })),
    );
    expect(statusCounts(again)).toEqual({ 201: 1, 409: rest.length - 1 });
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, training))).toBe(5);
  });

  it(`${N} simultaneous enrolments of the same founder → exactly one 201, the rest 409 (already enrolled)`, async () => {
    const training = await create(t, '/v1/trainings', { ...trainingBody('重复报名训练营', 'PROV-DUP'), seats: 100 });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        as('founderA2').post(`/v1/trainings/${training}/enrollments`, { founderId: w.fA2 }),
      ),
    );
    expect(statusCounts(results)).toEqual({ 201: 1, 409: N - 1 });
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.detail).toMatch(/already enrolled.*已报名/s);
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, training))).toBe(1);
  });
});
