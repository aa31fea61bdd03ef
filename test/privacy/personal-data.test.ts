// Personal data (PIPL): consent to share a founder's contact is recorded (with time and audit) and
// respected; export returns everything held about a founder to the founder, its center and admins;
// deleting a founder erases its personal fields and detaches it without breaking other records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  apiKeysTable,
  auditTable,
  embeddingsTable,
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  projectFoundersTable,
} from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import {
  M,
  PROVIDER_ONE,
  buildWorld,
  expectProblem,
  founderBody,
  ok,
  projectBody,
  type Actor,
  type World,
} from '../auth/world.ts';
import { ERASED_NAME } from '../../src/privacy/erase.ts';

let t: TestApp;
let w: World;
const as = (actor: Actor | string) => {
  const key = actor in (w?.keys ?? {}) ? w.keys[actor as Actor] : actor;
  return {
    get: (path: string) => t.request('GET', path, { key }),
    post: (path: string, body?: unknown) => t.request('POST', path, { key, ...(body === undefined ? {} : { body }) }),
    patch: (path: string, body: unknown) => t.request('PATCH', path, { key, body }),
    del: (path: string) => t.request('DELETE', path, { key }),
  };
};
const auditOf = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditTable)
    .where(and(eq(auditTable.action, action), eq(auditTable.entityId, entityId)))
    .orderBy(auditTable.id);

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe('consent to share contact details', () => {
  let introId: string;

  it('is absent by default, recorded with its time when given, audited on every change', async () => {
    const f = await ok(as('founderA1').get(`/v1/founders/${w.fA1}`));
    expect(f.consent ?? null).toBeNull();
    const before = Date.now();
    const yes = await ok(as('founderA1').patch(`/v1/founders/${w.fA1}`, { consent: { shareContact: true } }));
    expect(yes.consent.shareContact).toBe(true);
    expect(Date.parse(yes.consent.at)).toBeGreaterThanOrEqual(before - 1000);
    // the same answer again keeps the original time and writes no audit entry
    const again = await ok(as('founderA1').patch(`/v1/founders/${w.fA1}`, { consent: { shareContact: true } }));
    expect(again.consent.at).toBe(yes.consent.at);
    const entries = await auditOf('founder.consent', w.fA1);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: `key:${w.keyIds.founderA1}`,
      centerId: w.cA,
      detail: { shareContact: { from: null, to: true } },
    });
    // the client cannot forge the time
    const forged = await as('founderA1').patch(`/v1/founders/${w.fA1}`, {
      consent: { shareContact: true, at: '2001-01-01T00:00:00Z' },
    });
    expectProblem(forged, 422);
    expect(forged.body.errors.map((e: any) => e.path)).toContain('consent.at');
  });

  it('is shown to the owner side only, like the contact', async () => {
    expect((await ok(as('staffA').get(`/v1/founders/${w.fA1}`))).consent.shareContact).toBe(true);
    const co = await ok(as('founderA2').get(`/v1/founders/${w.fA1}`));
    expect(co).not.toHaveProperty('consent');
    expect(co).not.toHaveProperty('contact');
    expect(co).not.toHaveProperty('erasedAt');
  });

  it("decides whether the accepted mentor sees a founder's contact; every reveal is audited", async () => {
    introId = (
      await ok(
        as('founderA1').post('/v1/introductions', { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 }),
        201,
      )
    ).id;
    // before acceptance: nobody exchanges contacts
    expectProblem(await as('mentor1').get(`/v1/introductions/${introId}/contacts`), 409, M.fA1Contact, M.fA2Contact);
    expectProblem(await as('founderA1').get(`/v1/introductions/${introId}/contacts`), 409, M.m1Contact);
    await ok(as('mentor1').post(`/v1/introductions/${introId}/accept`));

    const seen = await ok(as('mentor1').get(`/v1/introductions/${introId}/contacts`));
    const byId = new Map(seen.founders.map((f: any) => [f.id, f]));
    // fA1 consented, fA2 did not
    expect(byId.get(w.fA1)).toMatchObject({ shareContact: true, contact: { wechat: M.fA1Contact } });
    expect(byId.get(w.fA2)).toMatchObject({ shareContact: false, contact: null });
    expect(JSON.stringify(seen)).not.toContain(M.fA2Contact);
    const reveals = await auditOf('contact.reveal', w.fA1);
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({
      entityKind: 'founder',
      actor: `key:${w.keyIds.mentor1}`,
      centerId: w.cA,
      detail: { introductionId: introId },
    });
    expect(await auditOf('contact.reveal', w.fA2)).toHaveLength(0);

    // the founders' side: the mentor's contact, its own contact, not the co-founder's
    const mine = await ok(as('founderA2').get(`/v1/introductions/${introId}/contacts`));
    expect(mine.target).toMatchObject({ kind: 'mentor', id: w.m1, contact: { wechat: M.m1Contact } });
    expect(new Map(mine.founders.map((f: any) => [f.id, f])).get(w.fA2)).toMatchObject({
      contact: { wechat: M.fA2Contact },
    });
    expect(JSON.stringify(mine)).not.toContain(M.fA1Contact);
    // the mentor still cannot read the founder records themselves
    expectProblem(await as('mentor1').get(`/v1/founders/${w.fA1}`), 404, M.fA1Contact);
    // others: 404
    for (const actor of ['founderB1', 'investor1', 'trainer1', 'staffB'] as const) {
      expectProblem(await as(actor).get(`/v1/introductions/${introId}/contacts`), 404, M.fA1Contact, M.m1Contact);
    }
  });

  it('withdrawing consent takes effect at once (and is audited)', async () => {
    await ok(as('founderA1').patch(`/v1/founders/${w.fA1}`, { consent: { shareContact: false } }));
    const seen = await ok(as('mentor1').get(`/v1/introductions/${introId}/contacts`));
    expect(JSON.stringify(seen)).not.toContain(M.fA1Contact);
    expect(seen.founders.every((f: any) => f.contact === null)).toBe(true);
    expect((await auditOf('founder.consent', w.fA1)).map((e) => e.detail)).toEqual([
      { shareContact: { from: null, to: true } },
      { shareContact: { from: true, to: false } },
    ]);
    expect(await auditOf('contact.reveal', w.fA1)).toHaveLength(1);
  });

  it('investors: only after acceptance, only vetted projects, only with consent', async () => {
    await ok(as('founderB1').patch(`/v1/founders/${w.fB1}`, { consent: { shareContact: true } }));
    const intro = await ok(
      as('founderB1').post('/v1/introductions', { projectId: w.pBv, targetKind: 'investor', targetId: w.i1 }),
      201,
    );
    expectProblem(await as('investor1').get(`/v1/introductions/${intro.id}/contacts`), 409, M.fB1Contact);
    await ok(as('investor1').post(`/v1/introductions/${intro.id}/accept`));
    const seen = await ok(as('investor1').get(`/v1/introductions/${intro.id}/contacts`));
    expect(seen.founders[0]).toMatchObject({ id: w.fB1, contact: { wechat: M.fB1Contact } });
    expect(seen).not.toHaveProperty('confidential');
    expect(JSON.stringify(seen)).not.toContain(M.pBvConf);
  });
});

describe('export', () => {
  it('returns everything held about the founder to itself, its center staff and admins (audited)', async () => {
    await t.db.insert(enrollmentsTable).values({ trainingId: w.t1, founderId: w.fA1 });
    for (const actor of ['founderA1', 'staffA', 'admin'] as const) {
      const x = await ok(as(actor).get(`/v1/founders/${w.fA1}/export`));
      expect(x.founder).toMatchObject({
        id: w.fA1,
        name: M.fA1Name,
        contact: { wechat: M.fA1Contact },
        consent: { shareContact: false },
      });
      expect(x.founder).not.toHaveProperty('erasedAt');
      expect(x.projects.map((p: any) => p.id).sort()).toEqual([w.pAv, w.pAs].sort());
      expect(x.projects.find((p: any) => p.id === w.pAs).confidential.note).toBe(M.pAsConf);
      expect(x.projects.find((p: any) => p.id === w.pAv).founderIds).toEqual([w.fA1, w.fA2]);
      expect(x.introductions.map((i: any) => i.projectId)).toContain(w.pAv);
      expect(x.enrollments).toMatchObject([{ trainingId: w.t1, provider: PROVIDER_ONE }]);
      expect(x.apiKeys.map((k: any) => k.id)).toEqual([w.keyIds.founderA1]);
      expect(JSON.stringify(x)).not.toContain(w.keys.founderA1);
      const actions = new Set(x.audit.map((e: any) => e.action));
      for (const a of ['founder.consent', 'contact.reveal', 'api_key.create', 'introduction.request'])
        expect(actions, a).toContain(a);
      // nothing about other founders' personal data
      for (const m of [M.fA2Contact, M.fB1Contact, M.fB1Name, M.pBvConf]) expect(JSON.stringify(x)).not.toContain(m);
    }
    expect((await auditOf('founder.export', w.fA1)).length).toBe(3);
  });

  it('is 404 for everyone else, also for a founder that does not exist', async () => {
    for (const actor of ['founderA2', 'founderB1', 'staffB', 'mentor1', 'investor1', 'trainer1'] as const) {
      expectProblem(await as(actor).get(`/v1/founders/${w.fA1}/export`), 404, M.fA1Name, M.fA1Contact);
    }
    expectProblem(await as('admin').get('/v1/founders/00000000-0000-7000-8000-000000000000/export'), 404);
    expectProblem(await as('admin').get('/v1/founders/not-an-id/export'), 404);
    expectProblem(await t.request('GET', `/v1/founders/${w.fA1}/export`, { key: null }), 401);
  });
});

describe('deleting a founder', () => {
  it('erases personal fields, detaches it from projects, revokes its keys; other records keep working', async () => {
    // a founder with a project shared with another, an enrolment, an introduction and a key
    const f = await ok(
      as('staffA').post('/v1/founders', {
        ...founderBody('ERASE-ME 次仁', 'wx-erase-me', w.cA),
        interests: 'ERASE-INTERESTS 青稞',
        educationLevel: '本科',
        graduationYear: 2020,
        externalId: 'ERASE-EXT',
      }),
      201,
    );
    const key = await t.keyFor('founder', { subjectId: f.id });
    const p = await ok(
      as('staffA').post(
        '/v1/projects',
        projectBody({ title: '共同项目', founderIds: [f.id, w.fA2], status: 'vetted' }),
      ),
      201,
    );
    await ok(as('staffA').post(`/v1/trainings/${w.t1}/enrollments`, { founderId: f.id }), 201);
    const intro = await ok(
      as(key).post('/v1/introductions', { projectId: p.id, targetKind: 'mentor', targetId: w.m2 }),
      201,
    );

    const res = await as('staffA').del(`/v1/founders/${f.id}`);
    expect(res.status, res.text).toBe(204);

    // gone from the API
    expectProblem(await as('staffA').get(`/v1/founders/${f.id}`), 404, 'ERASE-ME');
    expectProblem(await as('admin').get(`/v1/founders/${f.id}`), 404);
    expectProblem(await as('staffA').del(`/v1/founders/${f.id}`), 404);
    expectProblem(await as('admin').get(`/v1/founders/${f.id}/export`), 404);
    const list = await ok(as('admin').get('/v1/founders?limit=200'));
    expect(list.items.map((x: any) => x.id)).not.toContain(f.id);
    expect(JSON.stringify(list)).not.toContain('ERASE-ME');
    // its key no longer works
    expectProblem(await as(key).get('/v1/projects'), 401);

    // the row is a tombstone without personal data
    const [row] = await t.db.select().from(foundersTable).where(eq(foundersTable.id, f.id));
    expect(row).toMatchObject({
      name: ERASED_NAME,
      contact: null,
      interests: null,
      educationLevel: null,
      graduationYear: null,
      externalId: null,
      consent: null,
    });
    // the vector and keywords were computed from the interests
    expect(row).toMatchObject({ vector: null, vectorModel: null, keywords: null });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toMatch(/ERASE-|wx-erase-me/);
    expect(
      await t.db
        .select()
        .from(embeddingsTable)
        .where(and(eq(embeddingsTable.entityKind, 'founder'), eq(embeddingsTable.entityId, f.id))),
    ).toEqual([]);
    expect(
      (await t.db.select().from(apiKeysTable).where(eq(apiKeysTable.subjectId, f.id)))[0].revokedAt,
    ).toBeInstanceOf(Date);

    // projects: detached, still there, the co-founder keeps it
    const after = await ok(as('staffA').get(`/v1/projects/${p.id}`));
    expect(after.founderIds).toEqual([w.fA2]);
    expect(await t.db.select().from(projectFoundersTable).where(eq(projectFoundersTable.founderId, f.id))).toEqual([]);
    // introductions and enrolments keep working
    expect((await ok(as('admin').get(`/v1/introductions/${intro.id}`))).status).toBe('requested');
    const enrolments = await ok(as('admin').get(`/v1/trainings/${w.t1}/enrollments?limit=200`));
    expect(enrolments.items.map((e: any) => e.founderId)).toContain(f.id);
    expect(JSON.stringify(enrolments)).not.toContain('ERASE-ME');
    // the external id is free again: a re-import creates a new founder
    const again = await t.request('PUT', '/v1/founders/by-external-id/ERASE-EXT', {
      body: founderBody('重新导入', 'wx-new', w.cA),
    });
    expect(again.status, again.text).toBe(201);
    expect(again.body.id).not.toBe(f.id);
    // nobody can enrol, co-found with or match the tombstone
    expectProblem(await as('admin').post(`/v1/trainings/${w.t2}/enrollments`, { founderId: f.id }), 422);
    const co = await as('admin').post('/v1/projects', projectBody({ title: 'X', centerId: w.cA, founderIds: [f.id] }));
    expectProblem(co, 422);
    expect(co.body.errors.map((e: any) => e.path)).toContain('founderIds.0');
    const cohort = await ok(as('admin').get(`/v1/trainings/${w.t2}/matches/founders?limit=100`));
    expect(cohort.items.map((x: any) => x.id)).not.toContain(f.id);

    // audited, without the erased values
    const [entry] = await auditOf('founder.erase', f.id);
    expect(entry).toMatchObject({
      actor: `key:${w.keyIds.staffA}`,
      centerId: w.cA,
      detail: { detachedFromProjects: [p.id] },
    });
    expect(JSON.stringify(entry)).not.toMatch(/ERASE-|wx-erase-me/);
    expect((await ok(as('staffA').get(`/v1/audit?action=founder.erase&entityId=${f.id}`))).items).toHaveLength(1);
  });

  it('a founder may have itself deleted; others may not (404 out of scope, 403 for a co-founder)', async () => {
    const f = await ok(as('admin').post('/v1/founders', founderBody('SELF-ERASE', 'wx-self', w.cA)), 201);
    const key = await t.keyFor('founder', { subjectId: f.id });
    const p = await ok(
      as('admin').post('/v1/projects', projectBody({ title: '自删项目', centerId: w.cA, founderIds: [f.id, w.fA1] })),
      201,
    );
    expectProblem(await as('founderA1').del(`/v1/founders/${f.id}`), 403, 'wx-self');
    expectProblem(await as('staffB').del(`/v1/founders/${f.id}`), 404, 'wx-self', 'SELF-ERASE');
    expectProblem(await as('mentor1').del(`/v1/founders/${f.id}`), 404, 'wx-self');
    expect((await as(key).del(`/v1/founders/${f.id}`)).status).toBe(204);
    expect((await ok(as('admin').get(`/v1/projects/${p.id}`))).founderIds).toEqual([w.fA1]);
    expect(await auditOf('founder.erase', f.id)).toHaveLength(1);
  });

  it("introductions of the erased founder's projects are untouched", async () => {
    const n = (await t.db.select().from(introductionsTable)).length;
    const f = await ok(as('admin').post('/v1/founders', founderBody('INTRO-ERASE', 'wx-ie', w.cA)), 201);
    const p = await ok(
      as('admin').post(
        '/v1/projects',
        projectBody({ title: '对接项目', centerId: w.cA, founderIds: [f.id], status: 'vetted' }),
      ),
      201,
    );
    const intro = await ok(
      as('admin').post('/v1/introductions', { projectId: p.id, targetKind: 'investor', targetId: w.i2 }),
      201,
    );
    expect((await as('admin').del(`/v1/founders/${f.id}`)).status).toBe(204);
    expect((await t.db.select().from(introductionsTable)).length).toBe(n + 1);
    const got = await ok(as('admin').get(`/v1/introductions/${intro.id}`));
    expect(got.status).toBe('requested');
    const contacts = await ok(as('admin').post(`/v1/introductions/${intro.id}/accept`));
    expect(contacts.status).toBe('accepted');
    expect((await ok(as('admin').get(`/v1/introductions/${intro.id}/contacts`))).founders).toEqual([]);
  });
});
