// Visibility and write rules per role (shared/API.md "Auth and visibility"): scope (out-of-scope
// reads are 404), hidden fields (founder contact, project confidential, directory contacts until an
// accepted introduction), who may write what (403 in scope, nothing written on refusal), and that
// error bodies never leak what the caller may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  auditTable,
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  mentorsTable,
  projectsTable,
  trainingsTable,
} from '../../models/schema.ts';
import { startTestApp, type TestApp, type TestResponse } from '../harness.ts';
import {
  ACTORS,
  M,
  PROVIDER_ONE,
  PROVIDER_TWO,
  buildWorld,
  callsAs,
  expectProblem,
  founderBody,
  mentorBody,
  ok,
  projectBody,
  trainingBody,
  type Actor,
  type World,
} from './world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const as = callsAs(
  () => t,
  () => w,
);
const count = async (table: any) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const auditCount = async () => count(auditTable);
const ids = (res: TestResponse) => (res.body.items as any[]).map((x) => x.id).sort();
const sorted = (xs: string[]) => [...xs].sort();
const byId = (res: TestResponse) => new Map<string, any>((res.body.items as any[]).map((x) => [x.id, x]));
async function dbProject(id: string) {
  const [row] = await t.db.select().from(projectsTable).where(eq(projectsTable.id, id));
  return row;
}

// ── The expected view of the world, per actor, before any introduction or enrolment ─────────────
type View = {
  founders: string[];
  founderContact: string[];
  projects: string[];
  projectConfidential: string[];
  mentorContact: string[];
  investorContact: string[];
};
function expectedViews(w: World): Record<Actor, View> {
  const allF = [w.fA1, w.fA2, w.fB1];
  const allP = [w.pAv, w.pAs, w.pBv, w.pBd];
  const none: string[] = [];
  return {
    admin: {
      founders: allF,
      founderContact: allF,
      projects: allP,
      projectConfidential: allP,
      mentorContact: [w.m1, w.m2],
      investorContact: [w.i1, w.i2],
    },
    staffA: {
      founders: [w.fA1, w.fA2],
      founderContact: [w.fA1, w.fA2],
      projects: [w.pAv, w.pAs],
      projectConfidential: [w.pAv, w.pAs],
      mentorContact: [w.m1, w.m2],
      investorContact: [w.i1, w.i2],
    },
    staffB: {
      founders: [w.fB1],
      founderContact: [w.fB1],
      projects: [w.pBv, w.pBd],
      projectConfidential: [w.pBv, w.pBd],
      mentorContact: [w.m1, w.m2],
      investorContact: [w.i1, w.i2],
    },
    founderA1: {
      founders: [w.fA1, w.fA2],
      founderContact: [w.fA1],
      projects: [w.pAv, w.pAs],
      projectConfidential: [w.pAv, w.pAs],
      mentorContact: none,
      investorContact: none,
    },
    founderA2: {
      founders: [w.fA1, w.fA2],
      founderContact: [w.fA2],
      projects: [w.pAv],
      projectConfidential: [w.pAv],
      mentorContact: none,
      investorContact: none,
    },
    founderB1: {
      founders: [w.fB1],
      founderContact: [w.fB1],
      projects: [w.pBv, w.pBd],
      projectConfidential: [w.pBv, w.pBd],
      mentorContact: none,
      investorContact: none,
    },
    mentor1: {
      founders: none,
      founderContact: none,
      projects: none,
      projectConfidential: none,
      mentorContact: [w.m1],
      investorContact: none,
    },
    investor1: {
      founders: none,
      founderContact: none,
      projects: [w.pAv, w.pBv],
      projectConfidential: none,
      mentorContact: none,
      investorContact: [w.i1],
    },
    trainer1: {
      founders: none,
      founderContact: none,
      projects: none,
      projectConfidential: none,
      mentorContact: none,
      investorContact: none,
    },
    // Figures only (issue 22): no founder, project or directory contact.
    regionAdmin: {
      founders: none,
      founderContact: none,
      projects: none,
      projectConfidential: none,
      mentorContact: none,
      investorContact: none,
    },
  };
}

/** Markers of everything the view does not include: none of them may appear in any response. */
function forbiddenMarkers(w: World, v: View): string[] {
  const out: string[] = [];
  const founders: [string, string, string][] = [
    [w.fA1, M.fA1Name, M.fA1Contact],
    [w.fA2, M.fA2Name, M.fA2Contact],
    [w.fB1, M.fB1Name, M.fB1Contact],
  ];
  for (const [id, name, contact] of founders) {
    if (!v.founders.includes(id)) out.push(name);
    if (!v.founderContact.includes(id)) out.push(contact);
  }
  const projects: [string, string, string][] = [
    [w.pAv, M.pAvTitle, M.pAvConf],
    [w.pAs, M.pAsTitle, M.pAsConf],
    [w.pBv, M.pBvTitle, M.pBvConf],
    [w.pBd, M.pBdTitle, M.pBdConf],
  ];
  for (const [id, title, conf] of projects) {
    if (!v.projects.includes(id)) out.push(title);
    if (!v.projectConfidential.includes(id)) out.push(conf);
  }
  for (const [id, c] of [
    [w.m1, M.m1Contact],
    [w.m2, M.m2Contact],
  ])
    if (!v.mentorContact.includes(id)) out.push(c);
  for (const [id, c] of [
    [w.i1, M.i1Contact],
    [w.i2, M.i2Contact],
  ])
    if (!v.investorContact.includes(id)) out.push(c);
  return out;
}

describe('each role sees exactly its scope (lists, by id, filters, errors)', () => {
  it.each(ACTORS.map((a) => [a]))('%s', async (actor) => {
    const v = expectedViews(w)[actor];
    const c = as(actor);
    const forbidden = forbiddenMarkers(w, v);
    const seen: TestResponse[] = [];
    const get = async (path: string) => {
      const res = await c.get(path);
      seen.push(res);
      return res;
    };

    // founders: list and by id
    const fl = await get('/v1/founders?limit=200');
    expect(fl.status).toBe(200);
    expect(ids(fl), 'founders list').toEqual(sorted(v.founders));
    for (const f of byId(fl).values())
      expect('contact' in f, `founder ${f.name} contact in list`).toBe(v.founderContact.includes(f.id));
    for (const id of [w.fA1, w.fA2, w.fB1]) {
      const res = await get(`/v1/founders/${id}`);
      if (v.founders.includes(id)) {
        expect(res.status).toBe(200);
        expect('contact' in res.body).toBe(v.founderContact.includes(id));
        if (v.founderContact.includes(id)) expect(res.body.contact.wechat).toMatch(/^wx-secret-f/);
      } else expectProblem(res, 404);
    }

    // projects: list and by id
    const pl = await get('/v1/projects?limit=200');
    expect(pl.status).toBe(200);
    expect(ids(pl), 'projects list').toEqual(sorted(v.projects));
    for (const p of byId(pl).values())
      expect('confidential' in p, `${p.title} confidential in list`).toBe(v.projectConfidential.includes(p.id));
    for (const id of [w.pAv, w.pAs, w.pBv, w.pBd]) {
      const res = await get(`/v1/projects/${id}`);
      if (v.projects.includes(id)) {
        expect(res.status).toBe(200);
        expect('confidential' in res.body).toBe(v.projectConfidential.includes(id));
        if (v.projectConfidential.includes(id)) expect(res.body.confidential.note).toMatch(/^CONF-/);
      } else expectProblem(res, 404);
    }

    // filters never widen the scope
    for (const q of [
      'status=submitted',
      'status=draft',
      'status=vetted',
      `centerId=${w.cA}`,
      `centerId=${w.cB}`,
      `founderId=${w.fA1}`,
      `founderId=${w.fB1}`,
      'q=PTITLE',
      'regionCode=540000',
      'sector=plateau_biology',
    ]) {
      const res = await get(`/v1/projects?limit=200&${q}`);
      expect(res.status).toBe(200);
      for (const id of ids(res)) expect(v.projects, `projects?${q}`).toContain(id);
    }
    for (const q of [`centerId=${w.cA}`, `centerId=${w.cB}`, 'q=FNAME', 'group=graduate', 'regionCode=540102']) {
      const res = await get(`/v1/founders?limit=200&${q}`);
      expect(res.status).toBe(200);
      for (const id of ids(res)) expect(v.founders, `founders?${q}`).toContain(id);
    }

    // the directory: everyone but a region_admin (figures only) reads all of it; contacts only where the view says
    for (const [r, all, visibleContact] of [
      ['mentors', [w.m1, w.m2], v.mentorContact],
      ['investors', [w.i1, w.i2], v.investorContact],
    ] as const) {
      const list = await get(`/v1/${r}?limit=200`);
      if (actor === 'regionAdmin') {
        expect(ids(list)).toEqual([]);
        for (const id of all) expectProblem(await get(`/v1/${r}/${id}`), 404);
        continue;
      }
      expect(ids(list)).toEqual(sorted([...all]));
      for (const x of byId(list).values())
        expect('contact' in x, `${r} ${x.name} contact`).toBe(visibleContact.includes(x.id));
      for (const id of all) {
        const one = await get(`/v1/${r}/${id}`);
        expect(one.status).toBe(200);
        expect('contact' in one.body).toBe(visibleContact.includes(id));
      }
    }
    for (const [r, all] of [
      ['trainings', [w.t1, w.t2]],
      ['services', [w.s1]],
      ['centers', [w.cA, w.cB]],
    ] as const) {
      const list = await get(`/v1/${r}?limit=200`);
      expect(list.status).toBe(200);
      for (const id of all) expect(ids(list)).toContain(id);
      for (const id of all) expect((await get(`/v1/${r}/${id}`)).status).toBe(200);
    }

    // out-of-scope writes are 404 too (not 403: that would confirm the record exists)
    for (const id of [w.fA1, w.fA2, w.fB1].filter((id) => !v.founders.includes(id))) {
      const res = await c.patch(`/v1/founders/${id}`, { name: '改名' });
      seen.push(res);
      expectProblem(res, 404);
      seen.push(await c.del(`/v1/founders/${id}`));
      expectProblem(seen.at(-1)!, 404);
    }
    for (const id of [w.pAv, w.pAs, w.pBv, w.pBd].filter((id) => !v.projects.includes(id))) {
      const res = await c.patch(`/v1/projects/${id}`, { title: '改名' });
      seen.push(res);
      expectProblem(res, 404);
      seen.push(await c.del(`/v1/projects/${id}`));
      expectProblem(seen.at(-1)!, 404);
    }

    // nothing the actor may not see appears in any body, success or error
    for (const res of seen)
      for (const m of forbidden) expect(res.text, `${actor} saw "${m}" (${res.status})`).not.toContain(m);

    // and nothing was changed by the refused writes
    expect((await dbProject(w.pBd)).title).toBe(M.pBdTitle);
    expect((await t.db.select().from(foundersTable).where(eq(foundersTable.id, w.fB1)))[0].name).toBe(M.fB1Name);
  });
});

describe('investor', () => {
  it('browses vetted projects only, never their confidential block, whatever the filter', async () => {
    const inv = as('investor1');
    const list = await ok(inv.get('/v1/projects?limit=200'));
    expect(list.items.length).toBeGreaterThan(0);
    for (const p of list.items) {
      expect(p.status).toBe('vetted');
      expect(p).not.toHaveProperty('confidential');
    }
    expect((await ok(inv.get('/v1/projects?status=submitted'))).items).toEqual([]);
    expect((await ok(inv.get(`/v1/projects?q=${encodeURIComponent('藏文输入法')}`))).items).toEqual([]);
    const res = await inv.get(`/v1/projects/${w.pAs}`);
    expectProblem(res, 404, M.pAsTitle, M.pAsConf, '藏文输入法');
  });

  it('cannot read founders at all (empty list, 404 by id) — consistent with out-of-scope 404', async () => {
    const inv = as('investor1');
    expect((await ok(inv.get('/v1/founders'))).items).toEqual([]);
    expectProblem(await inv.get(`/v1/founders/${w.fA1}`), 404, M.fA1Name, M.fA1Contact);
  });

  it('cannot create or change projects; nothing is written', async () => {
    const inv = as('investor1');
    const n = await count(projectsTable);
    const res = await inv.post(
      '/v1/projects',
      projectBody({ title: 'INVESTOR-MADE', centerId: w.cA, founderIds: [w.fA1], status: 'vetted' }),
    );
    expect([403, 422]).toContain(res.status);
    expectProblem(res, res.status, M.fA1Name, M.fA1Contact);
    expectProblem(await inv.patch(`/v1/projects/${w.pAv}`, { status: 'rejected' }), 403, M.pAvConf);
    expectProblem(await inv.del(`/v1/projects/${w.pAv}`), 403, M.pAvConf);
    expect(await count(projectsTable)).toBe(n);
    expect((await dbProject(w.pAv)).status).toBe('vetted');
  });

  it('edits its own profile only', async () => {
    const inv = as('investor1');
    expect((await ok(inv.patch(`/v1/investors/${w.i1}`, { thesis: '更新后的投资方向' }))).thesis).toBe(
      '更新后的投资方向',
    );
    expectProblem(await inv.patch(`/v1/investors/${w.i2}`, { thesis: 'hijack' }), 403, M.i2Contact);
    expectProblem(await inv.del(`/v1/investors/${w.i2}`), 403, M.i2Contact);
    expectProblem(await inv.patch(`/v1/mentors/${w.m1}`, { bio: 'hijack' }), 403, M.m1Contact);
    expect((await ok(t.request('GET', `/v1/investors/${w.i2}`))).thesis).not.toBe('hijack');
  });
});

describe('founder', () => {
  it('sees its own record with contact and co-founders without theirs', async () => {
    const f = as('founderA1');
    const self = await ok(f.get(`/v1/founders/${w.fA1}`));
    expect(self.contact).toEqual({ phone: '13800000000', wechat: M.fA1Contact });
    const co = await f.get(`/v1/founders/${w.fA2}`);
    expect(co.status).toBe(200);
    expect(co.body).not.toHaveProperty('contact');
    expect(co.text).not.toContain(M.fA2Contact);
  });

  it('creates projects only with itself among the founders', async () => {
    const f = as('founderA1');
    const n = await count(projectsTable);
    const res = await f.post('/v1/projects', projectBody({ title: 'NOT-MINE', centerId: w.cA, founderIds: [w.fA2] }));
    expectProblem(res, 403, M.fA2Contact);
    expect(await count(projectsTable)).toBe(n);

    const mine = await ok(
      f.post(
        '/v1/projects',
        projectBody({
          title: '我的新项目',
          centerId: w.cA,
          founderIds: [w.fA1, w.fA2],
          status: 'submitted',
          conf: 'CONF-NEW',
        }),
      ),
      201,
    );
    expect(mine.status).toBe('submitted');
    expect(mine.confidential).toEqual({ note: 'CONF-NEW', trialSalesCny: 9600 });
    // the co-founder is invited (test/auth/co-founders.test.ts); once it accepted it sees the project with the confidential block
    expect(mine.founderIds).toEqual([w.fA1]);
    expect(mine.pendingFounderIds).toEqual([w.fA2]);
    expectProblem(await as('founderA2').get(`/v1/projects/${mine.id}`), 404, 'CONF-NEW');
    const [invitation] = (await ok(as('founderA2').get(`/v1/project-invitations?projectId=${mine.id}`))).items;
    await ok(as('founderA2').post(`/v1/project-invitations/${invitation.id}/accept`, undefined));
    expect((await ok(as('founderA2').get(`/v1/projects/${mine.id}`))).confidential.note).toBe('CONF-NEW');
    // the other center's founder does not see it
    expectProblem(await as('founderB1').get(`/v1/projects/${mine.id}`), 404, 'CONF-NEW', '我的新项目');
  });

  it.each(['vetted', 'rejected'])('cannot create a project as %s; nothing is written', async (status) => {
    const n = await count(projectsTable);
    const a = await auditCount();
    expectProblem(
      await as('founderA1').post(
        '/v1/projects',
        projectBody({ title: `SELF-${status}`, centerId: w.cA, founderIds: [w.fA1], status }),
      ),
      403,
    );
    expect(await count(projectsTable)).toBe(n);
    expect(await auditCount()).toBe(a);
  });

  it('moves its project between draft and submitted, but cannot vet, reject or un-vet it', async () => {
    const f = as('founderA1');
    const p = await ok(
      f.post(
        '/v1/projects',
        projectBody({ title: '状态测试项目', centerId: w.cA, founderIds: [w.fA1], status: 'draft' }),
      ),
      201,
    );
    expect((await ok(f.patch(`/v1/projects/${p.id}`, { status: 'submitted' }))).status).toBe('submitted');
    expect((await ok(f.patch(`/v1/projects/${p.id}`, { status: 'draft' }))).status).toBe('draft');
    expect((await ok(f.patch(`/v1/projects/${p.id}`, { status: 'submitted' }))).status).toBe('submitted');
    const a = await auditCount();
    for (const status of ['vetted', 'rejected']) {
      expectProblem(await f.patch(`/v1/projects/${p.id}`, { status, title: 'SNEAKY-TITLE' }), 403);
      const row = await dbProject(p.id);
      expect(row.status).toBe('submitted');
      expect(row.title).toBe('状态测试项目');
    }
    // a vetted project cannot be moved back by its founder either
    expectProblem(await f.patch(`/v1/projects/${w.pAv}`, { status: 'submitted' }), 403);
    expect((await dbProject(w.pAv)).status).toBe('vetted');
    expect(await auditCount()).toBe(a);
    // nor can it drop itself from the founders
    expectProblem(await f.patch(`/v1/projects/${p.id}`, { founderIds: [w.fA2] }), 403);
    expect((await ok(t.request('GET', `/v1/projects/${p.id}`))).founderIds).toEqual([w.fA1]);
  });

  it('cannot take over a project by upserting its externalId', async () => {
    await ok(t.request('PATCH', `/v1/projects/${w.pBd}`, { body: { externalId: 'ext-pbd' } }));
    const res = await as('founderA1').put(
      '/v1/projects/by-external-id/ext-pbd',
      projectBody({ title: 'TAKEOVER', centerId: w.cA, founderIds: [w.fA1] }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain(M.pBdConf);
    expect(res.text).not.toContain(M.pBdTitle);
    expect((await dbProject(w.pBd)).title).toBe(M.pBdTitle);
  });

  it("manages its own profile, not a co-founder's (403) nor others' (404)", async () => {
    const f = as('founderA1');
    expect((await ok(f.patch(`/v1/founders/${w.fA1}`, { interests: '青稞深加工' }))).interests).toBe('青稞深加工');
    expectProblem(await f.patch(`/v1/founders/${w.fA2}`, { interests: 'hijack' }), 403, M.fA2Contact);
    expectProblem(await f.patch(`/v1/founders/${w.fB1}`, { interests: 'hijack' }), 404, M.fB1Contact, M.fB1Name);
    const n = await count(foundersTable);
    expectProblem(await f.post('/v1/founders', founderBody('冒名者', 'wx-x', w.cA)), 403);
    expect(await count(foundersTable)).toBe(n);
    expectProblem(await f.post('/v1/mentors', mentorBody('假导师', 'wx-y')), 403);
  });

  it('deletes its own project', async () => {
    const f = as('founderA1');
    const p = await ok(
      f.post('/v1/projects', projectBody({ title: '待删除项目', centerId: w.cA, founderIds: [w.fA1] })),
      201,
    );
    const res = await f.del(`/v1/projects/${p.id}`);
    expect(res.status, res.text).toBe(204);
    expect(await dbProject(p.id)).toBeUndefined();
    // a co-founder's delete of a project it is not on: 404
    expectProblem(await as('founderA2').del(`/v1/projects/${w.pAs}`), 404, M.pAsTitle);
    expect(await dbProject(w.pAs)).toBeDefined();
  });

  describe('mentor and investor contacts are revealed by an accepted introduction only', () => {
    const intro = (
      projectId: string,
      targetKind: 'mentor' | 'investor',
      targetId: string,
      status: 'requested' | 'accepted' | 'declined',
    ) =>
      t.db
        .insert(introductionsTable)
        .values({ projectId, targetKind, targetId, status })
        .returning()
        .then((r) => r[0]);
    const contactOf = async (actor: Actor, r: 'mentors' | 'investors', id: string) => {
      const one = await ok(as(actor).get(`/v1/${r}/${id}`));
      const inList = (await ok(as(actor).get(`/v1/${r}?limit=200`))).items.find((x: any) => x.id === id);
      expect('contact' in inList, 'list and by-id agree').toBe('contact' in one);
      return one.contact?.wechat as string | undefined;
    };

    it('requested or declined: still hidden', async () => {
      await intro(w.pAv, 'mentor', w.m1, 'requested');
      await intro(w.pAv, 'mentor', w.m2, 'declined');
      await intro(w.pAv, 'investor', w.i2, 'declined');
      for (const actor of ['founderA1', 'founderA2'] as const) {
        expect(await contactOf(actor, 'mentors', w.m1)).toBeUndefined();
        expect(await contactOf(actor, 'mentors', w.m2)).toBeUndefined();
        expect(await contactOf(actor, 'investors', w.i2)).toBeUndefined();
      }
    });

    it('accepted: shown to the founders of that project only', async () => {
      await t.db
        .update(introductionsTable)
        .set({ status: 'accepted' })
        .where(and(eq(introductionsTable.projectId, w.pAv), eq(introductionsTable.targetId, w.m1)));
      await intro(w.pAs, 'investor', w.i1, 'accepted');
      // pAv is founderA1's and founderA2's; pAs is founderA1's only
      expect(await contactOf('founderA1', 'mentors', w.m1)).toBe(M.m1Contact);
      expect(await contactOf('founderA2', 'mentors', w.m1)).toBe(M.m1Contact);
      expect(await contactOf('founderB1', 'mentors', w.m1)).toBeUndefined();
      expect(await contactOf('founderA1', 'investors', w.i1)).toBe(M.i1Contact);
      expect(await contactOf('founderA2', 'investors', w.i1)).toBeUndefined();
      expect(await contactOf('founderB1', 'investors', w.i1)).toBeUndefined();
      // the declined and other parties stay hidden
      expect(await contactOf('founderA1', 'mentors', w.m2)).toBeUndefined();
      expect(await contactOf('founderA1', 'investors', w.i2)).toBeUndefined();
      // other roles' views do not change: another mentor still sees no contact
      expect(await contactOf('mentor1', 'mentors', w.m2)).toBeUndefined();
      expect(await contactOf('investor1', 'investors', w.i2)).toBeUndefined();
    });

    it('an accepted introduction does not open unvetted projects or founders to the investor', async () => {
      const inv = as('investor1');
      expectProblem(await inv.get(`/v1/projects/${w.pAs}`), 404, M.pAsTitle, M.pAsConf);
      expect(ids(await inv.get('/v1/projects?limit=200'))).not.toContain(w.pAs);
      expectProblem(await inv.get(`/v1/founders/${w.fA1}`), 404, M.fA1Contact);
    });

    it('the introduced mentor sees the project, without its confidential block or founder contacts', async () => {
      const m = as('mentor1');
      const res = await m.get(`/v1/projects/${w.pAv}`);
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('confidential');
      expect(ids(await m.get('/v1/projects?limit=200'))).toEqual([w.pAv]);
      expectProblem(await m.get(`/v1/projects/${w.pAs}`), 404, M.pAsTitle);
      expectProblem(await m.get(`/v1/founders/${w.fA1}`), 404, M.fA1Contact);
      expectProblem(await m.patch(`/v1/projects/${w.pAv}`, { status: 'rejected' }), 403, M.pAvConf);
    });
  });
});

describe('center staff', () => {
  it("sees its own center's founders and projects with contacts and confidential blocks", async () => {
    const s = as('staffA');
    const f = await ok(s.get(`/v1/founders/${w.fA2}`));
    expect(f.contact.wechat).toBe(M.fA2Contact);
    const p = await ok(s.get(`/v1/projects/${w.pAs}`));
    expect(p.confidential.note).toBe(M.pAsConf);
    expectProblem(await s.get(`/v1/founders/${w.fB1}`), 404, M.fB1Name, M.fB1Contact);
    expectProblem(await s.get(`/v1/projects/${w.pBv}`), 404, M.pBvTitle, M.pBvConf);
  });

  it('creates founders in its own center by default, never in another', async () => {
    const s = as('staffA');
    const created = await ok(s.post('/v1/founders', founderBody('新创业者', 'wx-new')), 201);
    expect(created.centerId).toBe(w.cA);
    expect(created.contact.wechat).toBe('wx-new');
    expect(ids(await as('staffA').get('/v1/founders?limit=200'))).toContain(created.id);
    expectProblem(await as('staffB').get(`/v1/founders/${created.id}`), 404, 'wx-new');

    const n = await count(foundersTable);
    expectProblem(await s.post('/v1/founders', founderBody('越权创业者', 'wx-other', w.cB)), 403);
    expect(await count(foundersTable)).toBe(n);
    // nor move one of its founders to another center
    expectProblem(await s.patch(`/v1/founders/${w.fA1}`, { centerId: w.cB }), 403);
    expect((await t.db.select().from(foundersTable).where(eq(foundersTable.id, w.fA1)))[0].centerId).toBe(w.cA);
  });

  it('creates projects in its own center only, with founders it can see', async () => {
    const s = as('staffA');
    const p = await ok(s.post('/v1/projects', projectBody({ title: '中心录入项目', founderIds: [w.fA1] })), 201);
    expect(p.centerId).toBe(w.cA);
    const n = await count(projectsTable);
    const other = await s.post('/v1/projects', projectBody({ title: 'X', founderIds: [w.fB1] }));
    expectProblem(other, 422, M.fB1Name, M.fB1Contact);
    expect(other.body.errors.map((e: any) => e.path)).toContain('founderIds.0');
    expectProblem(await s.post('/v1/projects', projectBody({ title: 'Y', centerId: w.cB, founderIds: [w.fA1] })), 403);
    expect(await count(projectsTable)).toBe(n);
  });

  it('vets and rejects its own projects, each decision written to the audit log', async () => {
    const s = as('staffA');
    const before = await auditCount();
    expect((await ok(s.patch(`/v1/projects/${w.pAs}`, { status: 'vetted' }))).status).toBe('vetted');
    // now the investor sees it (still without the confidential block)
    const seen = await ok(as('investor1').get(`/v1/projects/${w.pAs}`));
    expect(seen).not.toHaveProperty('confidential');
    expect((await ok(s.patch(`/v1/projects/${w.pAs}`, { status: 'rejected' }))).status).toBe('rejected');
    expectProblem(await as('investor1').get(`/v1/projects/${w.pAs}`), 404, M.pAsConf);

    const entries = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, w.pAs), eq(auditTable.action, 'project.status')))
      .orderBy(auditTable.createdAt, auditTable.id);
    expect(await auditCount()).toBe(before + 2);
    expect(entries.map((e) => e.detail)).toEqual([
      { from: 'submitted', to: 'vetted' },
      { from: 'vetted', to: 'rejected' },
    ]);
    for (const e of entries) {
      expect(e.actor).toBe(`key:${w.keyIds.staffA}`);
      expect(e.centerId).toBe(w.cA);
      expect(e.entityKind).toBe('project');
    }
  });

  it("cannot vet, edit or delete another center's projects (404, nothing written)", async () => {
    const s = as('staffB');
    const a = await auditCount();
    expectProblem(await s.patch(`/v1/projects/${w.pAs}`, { status: 'vetted' }), 404, M.pAsTitle, M.pAsConf);
    expectProblem(await s.del(`/v1/projects/${w.pAs}`), 404, M.pAsTitle);
    expectProblem(await s.patch(`/v1/founders/${w.fA1}`, { centerId: w.cB }), 404, M.fA1Contact);
    expect((await dbProject(w.pAs)).status).toBe('rejected');
    expect(await auditCount()).toBe(a);
  });

  it('reads the whole directory but cannot create mentors, investors or trainings', async () => {
    const s = as('staffA');
    for (const r of ['mentors', 'investors', 'trainings', 'services']) {
      expect((await ok(s.get(`/v1/${r}?limit=200`))).items.length).toBeGreaterThan(0);
    }
    const nm = await count(mentorsTable);
    const nt = await count(trainingsTable);
    expectProblem(await s.post('/v1/mentors', mentorBody('中心导师', 'wx-z')), 403);
    expectProblem(await s.patch(`/v1/mentors/${w.m1}`, { capacity: 99 }), 403);
    expectProblem(await s.post('/v1/trainings', trainingBody('中心培训', PROVIDER_ONE)), 403);
    expect(await count(mentorsTable)).toBe(nm);
    expect(await count(trainingsTable)).toBe(nt);
    expect((await ok(t.request('GET', `/v1/mentors/${w.m1}`))).capacity).toBe(3);
  });
});

describe('mentor', () => {
  it('edits its own profile only', async () => {
    const m = as('mentor1');
    const updated = await ok(m.patch(`/v1/mentors/${w.m1}`, { bio: '新的简介', capacity: 2 }));
    expect(updated).toMatchObject({ bio: '新的简介', capacity: 2 });
    expect(updated.contact.wechat).toBe(M.m1Contact);
    expectProblem(await m.patch(`/v1/mentors/${w.m2}`, { bio: 'hijack' }), 403, M.m2Contact);
    expectProblem(await m.del(`/v1/mentors/${w.m2}`), 403, M.m2Contact);
    const [m2] = await t.db.select().from(mentorsTable).where(eq(mentorsTable.id, w.m2));
    expect(m2.bio).not.toBe('hijack');
    const n = await count(mentorsTable);
    expectProblem(await m.post('/v1/mentors', mentorBody('分身', 'wx-clone')), 403);
    expect(await count(mentorsTable)).toBe(n);
  });
});

describe('trainer', () => {
  it('creates trainings for its own provider name only', async () => {
    const tr = as('trainer1');
    const own = await ok(tr.post('/v1/trainings', trainingBody('本机构新班', PROVIDER_ONE)), 201);
    expect(own.provider).toBe(PROVIDER_ONE);
    const n = await count(trainingsTable);
    expectProblem(await tr.post('/v1/trainings', trainingBody('冒名班', PROVIDER_TWO)), 403);
    expect(await count(trainingsTable)).toBe(n);
  });

  it("edits and deletes its own trainings, not other providers'", async () => {
    const tr = as('trainer1');
    expect((await ok(tr.patch(`/v1/trainings/${w.t1}`, { seats: 25 }))).seats).toBe(25);
    expectProblem(await tr.patch(`/v1/trainings/${w.t1}`, { provider: PROVIDER_TWO }), 403);
    expectProblem(await tr.patch(`/v1/trainings/${w.t2}`, { seats: 1 }), 403);
    expectProblem(await tr.patch(`/v1/trainings/${w.t2}`, { provider: PROVIDER_ONE }), 403);
    expectProblem(await tr.del(`/v1/trainings/${w.t2}`), 403);
    const [t2] = await t.db.select().from(trainingsTable).where(eq(trainingsTable.id, w.t2));
    expect(t2).toMatchObject({ provider: PROVIDER_TWO, seats: 30 });
    const [t1] = await t.db.select().from(trainingsTable).where(eq(trainingsTable.id, w.t1));
    expect(t1.provider).toBe(PROVIDER_ONE);
    const mine = await ok(tr.post('/v1/trainings', trainingBody('临时班', PROVIDER_ONE)), 201);
    expect((await tr.del(`/v1/trainings/${mine.id}`)).status).toBe(204);
  });

  it('sees founders enrolled in its trainings, without their contact', async () => {
    const tr = as('trainer1');
    expect((await ok(tr.get('/v1/founders'))).items).toEqual([]);
    await t.db.insert(enrollmentsTable).values({ trainingId: w.t1, founderId: w.fA1 });
    await t.db.insert(enrollmentsTable).values({ trainingId: w.t2, founderId: w.fB1 });
    const list = await tr.get('/v1/founders?limit=200');
    expect(ids(list)).toEqual([w.fA1]);
    expect(list.body.items[0]).not.toHaveProperty('contact');
    expect(list.text).not.toContain(M.fA1Contact);
    expectProblem(await tr.get(`/v1/founders/${w.fB1}`), 404, M.fB1Name, M.fB1Contact);
    expectProblem(await tr.patch(`/v1/founders/${w.fA1}`, { name: 'x' }), 403, M.fA1Contact);
  });
});
