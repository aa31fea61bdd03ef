// Deletion integrity (issue 18, item 5): deleting a record with history (introductions; for a
// training, enrolments) archives it — 404 to everyone but admins, never matched — instead of wiping
// the history; keys bound to a removed mentor or investor stop working at once; open introductions
// end with a reason the other side sees; accepted history stays for statistics and the learned
// feedback; a project whose coach was removed has no coach any more. Records without history are
// deleted as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { enrollmentsTable, introductionsTable, mentorsTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import {
  buildWorld,
  createKey,
  expectProblem,
  mentorBody,
  ok,
  projectBody,
  trainingBody,
  PROVIDER_ONE,
  type Actor,
  type World,
} from '../auth/world.ts';
import { defaultProjectIds } from '../../src/assignment/data.ts';
import { decisionsSql } from '../../src/matching/feedback.ts';

let t: TestApp;
let w: World;
const call = (key: string) => ({
  get: (path: string) => t.request('GET', path, { key }),
  post: (path: string, body?: unknown) => t.request('POST', path, { key, ...(body === undefined ? {} : { body }) }),
  put: (path: string, body: unknown) => t.request('PUT', path, { key, body }),
  del: (path: string) => t.request('DELETE', path, { key }),
});
const as = (actor: Actor) => call(w.keys[actor]);
const NOWHERE = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const introduce = async (who: Actor, projectId: string, targetKind: 'mentor' | 'investor', targetId: string) =>
  (await ok(as(who).post('/v1/introductions', { projectId, targetKind, targetId }), 201)).id as string;

describe('deleting a mentor', () => {
  let requested: string;
  let accepted: string;
  let declined: string;

  beforeAll(async () => {
    requested = await introduce('founderA1', w.pAv, 'mentor', w.m1);
    accepted = await introduce('founderA1', w.pAs, 'mentor', w.m1);
    await ok(as('mentor1').post(`/v1/introductions/${accepted}/accept`));
    declined = await introduce('founderB1', w.pBv, 'mentor', w.m1);
    await ok(as('mentor1').post(`/v1/introductions/${declined}/decline`));
    expect(await defaultProjectIds(t.db, w.cA)).not.toContain(w.pAs); // it has a coach
    expect((await t.request('DELETE', `/v1/mentors/${w.m1}`)).status).toBe(204);
  });

  it('stops its API key at once', async () => {
    expect((await as('mentor1').get('/v1/mentors')).status).toBe(401);
    expect((await as('mentor1').post(`/v1/introductions/${requested}/accept`)).status).toBe(401);
    // and no new key can be issued for it
    const res = await t.request('POST', '/v1/api-keys', { body: { role: 'mentor', subjectId: w.m1, label: 'again' } });
    expectProblem(res, 422);
  });

  it('ends its open introductions with a reason the founders see', async () => {
    const r = await ok(as('founderA1').get(`/v1/introductions/${requested}`));
    expect(r).toMatchObject({ status: 'ended', endReason: 'mentor_removed', decidedAt: null });
    expect(r.endedAt).not.toBeNull();
    const a = await ok(as('staffA').get(`/v1/introductions/${accepted}`));
    expect(a).toMatchObject({ status: 'ended', endReason: 'mentor_removed' });
    expect(a.decidedAt).not.toBeNull();
    // A declined one was not open: it stays declined.
    expect(await ok(as('founderB1').get(`/v1/introductions/${declined}`))).toMatchObject({
      status: 'declined',
      endReason: null,
    });
  });

  it('keeps the accept/decline history for the learned feedback; a never-accepted one counts as neither', async () => {
    const rows = await t.db.select().from(introductionsTable).where(eq(introductionsTable.targetId, w.m1));
    expect(rows).toHaveLength(3);
    const [d] = await t.db
      .select({ d: decisionsSql('mentor', mentorsTable.id) })
      .from(mentorsTable)
      .where(eq(mentorsTable.id, w.m1));
    expect(d.d).toEqual({ accepted: 1, declined: 1 });
    // An introduction ended before anyone accepted it exchanged no contacts.
    expectProblem(await as('founderA1').get(`/v1/introductions/${requested}/contacts`), 409);
  });

  it('frees the project: a coach that was removed is no coach', async () => {
    expect(await defaultProjectIds(t.db, w.cA)).toContain(w.pAs);
  });

  it('is 404 to everyone but admins, who see it archived and inactive', async () => {
    for (const who of ['staffA', 'founderA1', 'investor1', 'trainer1'] as const) {
      expectProblem(await as(who).get(`/v1/mentors/${w.m1}`), 404);
      expectProblem(await as(who).get(`/v1/mentors/${w.m1}/capacity`), 404);
      const list = await ok(as(who).get('/v1/mentors?limit=100'));
      expect(
        list.items.map((m: any) => m.id),
        who,
      ).not.toContain(w.m1);
    }
    const m = await ok(t.request('GET', `/v1/mentors/${w.m1}`));
    expect(m).toMatchObject({ id: w.m1, active: false });
    expect(m.archivedAt).not.toBeNull();
    // DELETE still answers as for a wiped record: 404 the second time.
    expectProblem(await t.request('DELETE', `/v1/mentors/${w.m1}`), 404);
  });

  it('is never matched nor introduced again; the error is the one for an id that never existed', async () => {
    const matches = await ok(as('founderA1').get(`/v1/projects/${w.pAv}/matches/mentors?limit=100`));
    expect(matches.items.map((m: any) => m.id)).not.toContain(w.m1);
    const removed = await as('founderA1').post('/v1/introductions', {
      projectId: w.pAv,
      targetKind: 'mentor',
      targetId: w.m1,
    });
    const missing = await as('founderA1').post('/v1/introductions', {
      projectId: w.pAv,
      targetKind: 'mentor',
      targetId: NOWHERE,
    });
    expectProblem(removed, 422);
    expect(removed.body.errors).toEqual(missing.body.errors);
  });

  it('without introductions is a plain delete, and its key stops too', async () => {
    const id = (await ok(t.request('POST', '/v1/mentors', { body: mentorBody('导师三 MENTOR-3', 'wx-m3') }), 201)).id;
    const { key } = await createKey(t, 'mentor', { subjectId: id });
    expect((await call(key).get('/v1/mentors')).status).toBe(200);
    expect((await t.request('DELETE', `/v1/mentors/${id}`)).status).toBe(204);
    expect((await call(key).get('/v1/mentors')).status).toBe(401);
    expectProblem(await t.request('GET', `/v1/mentors/${id}`), 404);
  });
});

describe('deleting an investor', () => {
  it('revokes its key, ends its open introductions (investor_removed) and archives it', async () => {
    const intro = await introduce('founderA1', w.pAv, 'investor', w.i1);
    expect((await as('investor1').get(`/v1/introductions/${intro}`)).status).toBe(200);
    expect((await t.request('DELETE', `/v1/investors/${w.i1}`)).status).toBe(204);
    expect((await as('investor1').get('/v1/projects')).status).toBe(401);
    expect(await ok(as('founderA1').get(`/v1/introductions/${intro}`))).toMatchObject({
      status: 'ended',
      endReason: 'investor_removed',
    });
    expectProblem(await as('founderA1').get(`/v1/investors/${w.i1}`), 404);
    expect((await ok(t.request('GET', `/v1/investors/${w.i1}`))).archivedAt).not.toBeNull();
    const matches = await ok(as('founderA1').get(`/v1/projects/${w.pAv}/matches/investors?limit=100`));
    expect(matches.items.map((m: any) => m.id)).not.toContain(w.i1);
  });
});

describe('deleting a project', () => {
  it('by a co-founder keeps accepted mentorships and their history: archived, the mentor sees why it ended', async () => {
    const m2 = await createKey(t, 'mentor', { subjectId: w.m2 });
    const i2 = await createKey(t, 'investor', { subjectId: w.i2 });
    const pZ = (
      await ok(
        as('admin').post(
          '/v1/projects',
          projectBody({ title: 'PTITLE-Z 合办项目', centerId: w.cA, founderIds: [w.fA1, w.fA2], status: 'vetted' }),
        ),
        201,
      )
    ).id;
    const intro = await introduce('founderA1', pZ, 'mentor', w.m2);
    await ok(call(m2.key).post(`/v1/introductions/${intro}/accept`));
    expect(
      (await ok(call(i2.key).get(`/v1/investors/${w.i2}/matches/projects?limit=100`))).items.map((p: any) => p.id),
    ).toContain(pZ);

    expect((await as('founderA2').del(`/v1/projects/${pZ}`)).status).toBe(204);
    const seen = await ok(call(m2.key).get(`/v1/introductions/${intro}`));
    expect(seen).toMatchObject({ status: 'ended', endReason: 'project_removed' });
    expect(seen.decidedAt).not.toBeNull();
    // The mentor's unit is free again; its accepted history stays for the feedback.
    expect(await ok(call(m2.key).get(`/v1/mentors/${w.m2}/capacity`))).toMatchObject({ accepted: 0 });
    const [d] = await t.db
      .select({ d: decisionsSql('mentor', mentorsTable.id) })
      .from(mentorsTable)
      .where(eq(mentorsTable.id, w.m2));
    expect(d.d).toEqual({ accepted: 1, declined: 0 });

    for (const who of ['founderA1', 'founderA2', 'staffA'] as const)
      expectProblem(await as(who).get(`/v1/projects/${pZ}`), 404);
    expect((await ok(t.request('GET', `/v1/projects/${pZ}`))).archivedAt).not.toBeNull();
    // Never matched again, nor a source of matches or introductions.
    expect(
      (await ok(call(i2.key).get(`/v1/investors/${w.i2}/matches/projects?limit=100`))).items.map((p: any) => p.id),
    ).not.toContain(pZ);
    expectProblem(await as('founderA1').get(`/v1/projects/${pZ}/matches/mentors`), 404);
    expectProblem(
      await as('founderA1').post('/v1/introductions', { projectId: pZ, targetKind: 'mentor', targetId: w.m2 }),
      404,
    );
    expectProblem(await as('founderA1').del(`/v1/projects/${pZ}`), 404);
  });

  it('releases its externalId: a re-import of the same row creates a new project, as after a plain delete', async () => {
    const body = projectBody({ title: 'PTITLE-E 再导入', centerId: w.cA, founderIds: [w.fA1], status: 'submitted' });
    const first = await ok(as('staffA').put('/v1/projects/by-external-id/sheet-row-7', body), 201);
    await introduce('founderA1', first.id, 'mentor', w.m2);
    expect((await as('staffA').del(`/v1/projects/${first.id}`)).status).toBe(204);
    const again = await ok(as('staffA').put('/v1/projects/by-external-id/sheet-row-7', body), 201);
    expect(again.id).not.toBe(first.id);
    expect((await ok(t.request('GET', `/v1/projects/${first.id}`))).externalId).toBeNull();
  });

  it('by center staff, without introductions, is a plain delete', async () => {
    const p = (
      await ok(as('staffA').post('/v1/projects', projectBody({ title: 'PTITLE-W 草稿', founderIds: [w.fA2] })), 201)
    ).id;
    expect((await as('staffA').del(`/v1/projects/${p}`)).status).toBe(204);
    expectProblem(await t.request('GET', `/v1/projects/${p}`), 404);
  });
});

describe('deleting a training', () => {
  it('with enrolments (by its trainer) archives it: the enrolments stay, it is matched no more', async () => {
    const tr = (await ok(as('trainer1').post('/v1/trainings', trainingBody('训练营三 TRAINING-3', PROVIDER_ONE)), 201))
      .id;
    const before = await ok(as('founderA1').get(`/v1/projects/${w.pAs}/matches/trainings?limit=100`));
    expect(before.items.map((x: any) => x.id)).toContain(tr);
    await t.db.insert(enrollmentsTable).values({ trainingId: tr, founderId: w.fA2 });

    expect((await as('trainer1').del(`/v1/trainings/${tr}`)).status).toBe(204);
    expect(await t.db.select().from(enrollmentsTable).where(eq(enrollmentsTable.trainingId, tr))).toHaveLength(1);
    for (const who of ['founderA1', 'staffA', 'trainer1'] as const)
      expectProblem(await as(who).get(`/v1/trainings/${tr}`), 404);
    expect((await ok(t.request('GET', `/v1/trainings/${tr}`))).archivedAt).not.toBeNull();
    const after = await ok(as('founderA1').get(`/v1/projects/${w.pAs}/matches/trainings?limit=100`));
    expect(after.items.map((x: any) => x.id)).not.toContain(tr);
  });

  it('without enrolments is a plain delete', async () => {
    const tr = (await ok(as('trainer1').post('/v1/trainings', trainingBody('训练营四 TRAINING-4', PROVIDER_ONE)), 201))
      .id;
    expect((await as('trainer1').del(`/v1/trainings/${tr}`)).status).toBe(204);
    expectProblem(await t.request('GET', `/v1/trainings/${tr}`), 404);
  });
});
