// Introductions (shared/API.md "Introductions, enrolments, assignment" and "Auth and visibility"):
// who may request, read, accept, decline and end them; 404 for everyone out of scope; the
// investor/vetted rule; one non-ended introduction per (project, target); mentor capacity; the
// contact reveal after an accept (not after a decline); the audit trail; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introductionsTable } from '../../models/schema.ts';
import type { TestApp } from '../harness.ts';
import {
  M,
  createKey,
  expectProblem,
  investorBody,
  mentorBody,
  ok,
  projectBody,
  type Actor,
  type World,
} from '../auth/world.ts';
import { auditRows, callerFor, countWhere, create, type Caller, bootWorld, UNKNOWN } from './helpers.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;

beforeAll(async () => ({ t, w, as } = await bootWorld()));
afterAll(async () => {
  await t?.close();
});

const introCount = () => countWhere(t, introductionsTable);
const request = (
  who: Caller,
  projectId: string,
  targetKind: 'mentor' | 'investor',
  targetId: string,
  message?: string,
) => who.post('/v1/introductions', { projectId, targetKind, targetId, ...(message === undefined ? {} : { message }) });
/** A fresh mentor (admin-created) and a key bound to it. */
async function newMentor(name: string, over: Record<string, unknown> = {}) {
  const id = await create(t, '/v1/mentors', { ...mentorBody(name, `wx-${name}`), ...over });
  return { id, as: callerFor(t, (await createKey(t, 'mentor', { subjectId: id })).key) };
}
async function newProject(title: string, centerId: string, founderIds: string[], status = 'submitted') {
  return create(t, '/v1/projects', projectBody({ title, centerId, founderIds, status }));
}

describe('POST /v1/introductions', () => {
  it('a founder of the project requests one: 201 with the contract fields, status requested', async () => {
    const m = await newMentor('请求导师');
    const res = await request(as('founderA1'), w.pAs, 'mentor', m.id, '想请您指导认证检测 / certification help');
    const body = await ok(res, 201);
    expect(body).toMatchObject({
      id: expect.any(String),
      projectId: w.pAs,
      targetKind: 'mentor',
      targetId: m.id,
      status: 'requested',
      message: '想请您指导认证检测 / certification help',
      decidedAt: null,
      endedAt: null,
      assignmentRunId: null,
    });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    expect(body).not.toHaveProperty('requestedBy');
    expect(res.headers.get('location')).toBe(`/v1/introductions/${body.id}`);
    const [audit] = await auditRows(t, 'introduction.request', body.id);
    expect(audit).toMatchObject({ entityKind: 'introduction', centerId: w.cA, actor: `key:${w.keyIds.founderA1}` });
    expect(audit.detail).toMatchObject({ projectId: w.pAs, targetKind: 'mentor', targetId: m.id });
  });

  it("the project's center staff and admins may request too (message optional)", async () => {
    const m = await newMentor('中心请求导师');
    expect(await ok(request(as('staffA'), w.pAv, 'mentor', m.id), 201)).toMatchObject({
      status: 'requested',
      message: null,
    });
    expect(await ok(request(as('admin'), w.pBd, 'mentor', m.id), 201)).toMatchObject({
      projectId: w.pBd,
      status: 'requested',
    });
  });

  it.each([
    ['staffB', 'pAv'],
    ['founderB1', 'pAv'],
    ['founderA2', 'pAs'],
    ['mentor1', 'pAv'],
    ['trainer1', 'pAv'],
    ['staffA', 'pBv'],
    ['founderA1', 'pBd'],
  ] as [Actor, 'pAv' | 'pAs' | 'pBv' | 'pBd'][])(
    '%s for %s → 404 (out of scope), nothing written',
    async (actor, p) => {
      const before = await introCount();
      const res = await request(as(actor), w[p], 'mentor', w.m2);
      expectProblem(res, 404, M.pAvTitle, M.pAsTitle, M.pBvTitle, M.pBdTitle);
      expect(await introCount()).toBe(before);
    },
  );

  it('an investor reads a vetted project but asks only for itself: naming a mentor → 403, nothing written', async () => {
    // (issue 19: investor-initiated introductions, see investor-initiated.test.ts)
    const before = await introCount();
    expectProblem(await request(as('investor1'), w.pAv, 'mentor', w.m2), 403, M.pAvConf);
    expect(await introCount()).toBe(before);
  });

  it('an investor introduction needs a vetted project: 422 with a bilingual message; vetted → 201', async () => {
    const before = await introCount();
    const res = await request(as('founderA1'), w.pAs, 'investor', w.i2);
    expectProblem(res, 422);
    expect(res.body.detail).toMatch(/vetted/);
    expect(res.body.detail).toMatch(/审核/);
    expect(res.body.errors).toEqual([{ path: 'projectId', message: expect.stringMatching(/vetted.*审核/s) }]);
    expect(await introCount()).toBe(before);
    const draft = await request(as('founderB1'), w.pBd, 'investor', w.i2);
    expectProblem(draft, 422);
    expect(await ok(request(as('founderA1'), w.pAv, 'investor', w.i2), 201)).toMatchObject({
      targetKind: 'investor',
      status: 'requested',
    });
  });

  it('the target must exist (of that kind) and be active: 422 naming targetId', async () => {
    const inactive = await newMentor('休息导师', { active: false });
    const inactiveInvestor = await create(t, '/v1/investors', {
      ...investorBody('休眠投资人', 'wx-sleep'),
      active: false,
    });
    const before = await introCount();
    for (const [kind, id, pattern] of [
      ['mentor', UNKNOWN, /unknown mentor/],
      ['investor', UNKNOWN, /unknown investor/],
      ['mentor', w.i1, /unknown mentor/],
      ['investor', w.m1, /unknown investor/],
      ['mentor', inactive.id, /not active/],
      ['investor', inactiveInvestor, /not active/],
    ] as const) {
      const res = await request(as('admin'), w.pAv, kind, id);
      expectProblem(res, 422);
      expect(res.body.errors[0]).toMatchObject({ path: 'targetId', message: expect.stringMatching(pattern) });
    }
    expect(await introCount()).toBe(before);
  });

  it('unknown or malformed projectId: 404 for an unknown one, 422 for a malformed one', async () => {
    expectProblem(await request(as('admin'), UNKNOWN, 'mentor', w.m1), 404);
    const bad = await request(as('admin'), 'not-a-uuid', 'mentor', w.m1);
    expectProblem(bad, 422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['projectId']);
  });

  it.each([
    ['missing fields', {}, ['projectId', 'targetKind', 'targetId']],
    ['unknown targetKind', { targetKind: 'coach' }, ['targetKind']],
    ['targetId not a uuid', { targetId: 42 }, ['targetId']],
    ['message not a string', { message: 7 }, ['message']],
    ['message too long', { message: 'x'.repeat(5001) }, ['message']],
    ['unknown field', { status: 'accepted' }, ['status']],
  ] as [string, Record<string, unknown>, string[]][])(
    '%s → 422 naming the paths, nothing written',
    async (_name, patch, paths) => {
      const before = await introCount();
      const body = Object.keys(patch).length
        ? { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1, ...patch }
        : {};
      const res = await as('admin').post('/v1/introductions', body);
      expectProblem(res, 422);
      for (const p of paths) expect(res.body.errors.map((e: any) => e.path)).toContain(p);
      expect(await introCount()).toBe(before);
    },
  );

  it('malformed JSON → 400; a non-JSON body → 415', async () => {
    const raw = await t.request('POST', '/v1/introductions', {
      raw: '{"projectId":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(raw, 400);
    const form = await t.request('POST', '/v1/introductions', {
      raw: 'projectId=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 415);
  });

  it('one non-ended introduction per (project, target): open → 409, declined → 409, ended → may ask again', async () => {
    const m = await newMentor('重复导师');
    const first = await ok(request(as('founderA1'), w.pAs, 'mentor', m.id), 201);
    // requested: anyone asking again gets 409, whoever asks
    for (const who of ['founderA1', 'staffA', 'admin'] as Actor[]) {
      const res = await request(as(who), w.pAs, 'mentor', m.id);
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/open introduction.*进行中/s);
    }
    // a different project or target is fine
    await ok(request(as('founderA1'), w.pAv, 'mentor', m.id), 201);
    // accepted: still open
    await ok(m.as.post(`/v1/introductions/${first.id}/accept`), 200);
    expectProblem(await request(as('founderA1'), w.pAs, 'mentor', m.id), 409);
    // ended: a new request is allowed
    await ok(as('founderA1').post(`/v1/introductions/${first.id}/end`), 200);
    const second = await ok(request(as('founderA1'), w.pAs, 'mentor', m.id), 201);
    // declined: not asked again
    await ok(m.as.post(`/v1/introductions/${second.id}/decline`), 200);
    const again = await request(as('founderA1'), w.pAs, 'mentor', m.id);
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/declined.*拒绝/s);
  });
});

describe('reading introductions', () => {
  // A fixed set: one introduction per project to a fresh mentor, plus investor ones.
  let mentor: Awaited<ReturnType<typeof newMentor>>;
  let investor: { id: string; as: Caller };
  let pBx: string;
  const x: Record<string, string> = {};
  beforeAll(async () => {
    mentor = await newMentor('阅读导师');
    const i = await create(t, '/v1/investors', investorBody('阅读投资人', 'wx-reader-inv'));
    investor = { id: i, as: callerFor(t, (await createKey(t, 'investor', { subjectId: i })).key) };
    pBx = await newProject('PTITLE-BX 曾审核项目', w.cB, [w.fB1], 'vetted');
    for (const p of ['pAv', 'pAs', 'pBv', 'pBd'] as const)
      x[p] = (await ok(request(as('admin'), w[p], 'mentor', mentor.id), 201)).id;
    x.invAv = (await ok(request(as('admin'), w.pAv, 'investor', investor.id), 201)).id;
    x.invBx = (await ok(request(as('admin'), pBx, 'investor', investor.id), 201)).id;
    // The project loses its vetted status afterwards: the investor must no longer see it.
    await ok(t.request('PATCH', `/v1/projects/${pBx}`, { key: w.keys.staffB, body: { status: 'rejected' } }));
  });

  const mine = async (c: Caller, q = '') => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok(c.get(`/v1/introductions?limit=2${q}${cursor ? `&cursor=${cursor}` : ''}`));
      ids.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  it('each role sees exactly its introductions (list with cursor pagination, and by id)', async () => {
    const all = Object.values(x);
    const expected: [Caller, string[]][] = [
      [as('admin'), all],
      [as('staffA'), [x.pAv, x.pAs, x.invAv]],
      [as('staffB'), [x.pBv, x.pBd, x.invBx]],
      [as('founderA1'), [x.pAv, x.pAs, x.invAv]],
      [as('founderA2'), [x.pAv, x.invAv]],
      [as('founderB1'), [x.pBv, x.pBd, x.invBx]],
      [mentor.as, [x.pAv, x.pAs, x.pBv, x.pBd]],
      [investor.as, [x.invAv]],
      [as('mentor1'), []],
      [as('investor1'), []],
      [as('trainer1'), []],
    ];
    for (const [c, visible] of expected) {
      const listed = (await mine(c)).filter((id) => all.includes(id));
      expect(listed.sort()).toEqual([...visible].sort());
      for (const id of all) {
        const res = await c.get(`/v1/introductions/${id}`);
        if (visible.includes(id)) expect((await ok(res)).id).toBe(id);
        else expectProblem(res, 404);
      }
    }
  });

  it('an investor never sees an introduction of a project that is not vetted (list, filter, by id, accept)', async () => {
    expect(await mine(investor.as, `&projectId=${pBx}`)).toEqual([]);
    expectProblem(await investor.as.get(`/v1/introductions/${x.invBx}`), 404, 'PTITLE-BX');
    expectProblem(await investor.as.post(`/v1/introductions/${x.invBx}/accept`), 404);
    expectProblem(await investor.as.post(`/v1/introductions/${x.invBx}/decline`), 404);
  });

  it('filters: projectId, status, targetKind, targetId; bad filter values → 400', async () => {
    const admin = as('admin');
    expect(await mine(admin, `&projectId=${w.pBd}&targetId=${mentor.id}`)).toEqual([x.pBd]);
    const invs = await mine(admin, `&targetKind=investor&targetId=${investor.id}`);
    expect(invs.sort()).toEqual([x.invAv, x.invBx].sort());
    const requested = await mine(admin, '&status=requested&targetKind=mentor');
    for (const id of [x.pAv, x.pAs, x.pBv, x.pBd]) expect(requested).toContain(id);
    expect(await mine(admin, `&status=accepted&targetId=${mentor.id}`)).toEqual([]);
    for (const q of ['status=open', 'targetKind=coach', 'projectId=xyz', 'limit=0', 'limit=500', 'cursor=bm9wZQ']) {
      expectProblem(await admin.get(`/v1/introductions?${q}`), 400);
    }
  });

  it('an unknown or malformed id is 404', async () => {
    expectProblem(await as('admin').get(`/v1/introductions/${UNKNOWN}`), 404);
    expectProblem(await as('admin').get('/v1/introductions/nope'), 404);
    expectProblem(await as('admin').post('/v1/introductions/nope/accept'), 404);
  });
});

describe('accept, decline, end', () => {
  it('only the target (or an admin) decides; others in scope 403, out of scope 404; nothing changes', async () => {
    const m = await newMentor('决定导师');
    const intro = await ok(request(as('founderA1'), w.pAv, 'mentor', m.id), 201);
    for (const who of ['founderA1', 'founderA2', 'staffA'] as Actor[]) {
      for (const action of ['accept', 'decline'])
        expectProblem(await as(who).post(`/v1/introductions/${intro.id}/${action}`), 403);
    }
    for (const who of ['staffB', 'founderB1', 'mentor1', 'investor1', 'trainer1'] as Actor[]) {
      for (const action of ['accept', 'decline', 'end'])
        expectProblem(await as(who).post(`/v1/introductions/${intro.id}/${action}`), 404);
    }
    expect((await ok(as('admin').get(`/v1/introductions/${intro.id}`))).status).toBe('requested');
    const accepted = await ok(m.as.post(`/v1/introductions/${intro.id}/accept`), 200);
    expect(accepted).toMatchObject({ id: intro.id, status: 'accepted', decidedAt: expect.any(String), endedAt: null });
  });

  it('an admin may accept and decline on behalf of the target', async () => {
    const m = await newMentor('代理导师');
    const a = await ok(request(as('admin'), w.pBv, 'mentor', m.id), 201);
    const b = await ok(request(as('admin'), w.pBd, 'mentor', m.id), 201);
    expect((await ok(as('admin').post(`/v1/introductions/${a.id}/accept`))).status).toBe('accepted');
    expect((await ok(as('admin').post(`/v1/introductions/${b.id}/decline`))).status).toBe('declined');
  });

  it('only from requested: accept/decline of an accepted, declined or ended introduction → 409', async () => {
    const m = await newMentor('状态导师');
    const a = await ok(request(as('admin'), w.pAv, 'mentor', m.id), 201);
    const d = await ok(request(as('admin'), w.pAs, 'mentor', m.id), 201);
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/end`), 409); // requested cannot be ended
    await ok(m.as.post(`/v1/introductions/${a.id}/accept`));
    await ok(m.as.post(`/v1/introductions/${d.id}/decline`));
    for (const id of [a.id, d.id])
      for (const action of ['accept', 'decline']) {
        const res = await m.as.post(`/v1/introductions/${id}/${action}`);
        expectProblem(res, 409);
        expect(res.body.detail).toMatch(/only a requested introduction.*待处理/s);
      }
    expectProblem(await m.as.post(`/v1/introductions/${d.id}/end`), 409); // declined cannot be ended
    await ok(m.as.post(`/v1/introductions/${a.id}/end`));
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/end`), 409);
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/accept`), 409);
  });

  it('investor introductions: the investor accepts (no capacity involved)', async () => {
    const i = await create(t, '/v1/investors', investorBody('接受投资人', 'wx-inv-accept'));
    const key = callerFor(t, (await createKey(t, 'investor', { subjectId: i })).key);
    const intro = await ok(request(as('founderB1'), w.pBv, 'investor', i), 201);
    expectProblem(await as('investor1').post(`/v1/introductions/${intro.id}/accept`), 404);
    expect((await ok(key.post(`/v1/introductions/${intro.id}/accept`))).status).toBe('accepted');
    expect((await auditRows(t, 'contact.reveal', i)).length).toBe(1);
  });

  it.each([['the target'], ['a founder of the project'], ["the project's center staff"], ['an admin']])(
    "end by %s frees the mentor's unit",
    async (who) => {
      const m = await newMentor(`结束导师-${who}`, { capacity: 1 });
      const caller = {
        'the target': m.as,
        'a founder of the project': as('founderA2'),
        "the project's center staff": as('staffA'),
        'an admin': as('admin'),
      }[who]!;
      const first = await ok(request(as('admin'), w.pAv, 'mentor', m.id), 201);
      const second = await ok(request(as('admin'), w.pAs, 'mentor', m.id), 201);
      await ok(m.as.post(`/v1/introductions/${first.id}/accept`));
      expect(await ok(as('founderA1').get(`/v1/mentors/${m.id}/capacity`))).toEqual({
        mentorId: m.id,
        capacity: 1,
        accepted: 1,
        remaining: 0,
      });
      const full = await m.as.post(`/v1/introductions/${second.id}/accept`);
      expectProblem(full, 409);
      expect(full.body.detail).toMatch(/no remaining capacity.*名额已满/s);
      expect((await ok(as('admin').get(`/v1/introductions/${second.id}`))).status).toBe('requested');
      // others cannot end it
      for (const other of ['founderB1', 'staffB', 'trainer1', 'investor1', 'mentor1'] as Actor[]) {
        expectProblem(await as(other).post(`/v1/introductions/${first.id}/end`), 404);
      }
      const ended = await ok(caller.post(`/v1/introductions/${first.id}/end`, { note: '辅导完成 / done' }));
      expect(ended).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
      const [audit] = await auditRows(t, 'introduction.end', first.id);
      expect(audit.detail).toMatchObject({ from: 'accepted', to: 'ended', note: '辅导完成 / done', targetId: m.id });
      expect((await ok(m.as.get(`/v1/mentors/${m.id}/capacity`))).remaining).toBe(1);
      expect((await ok(m.as.post(`/v1/introductions/${second.id}/accept`))).status).toBe('accepted');
    },
  );

  it('capacity 0 mentors accept nothing; lowering capacity below the accepted count leaves remaining 0', async () => {
    const m = await newMentor('零名额导师', { capacity: 0 });
    const a = await ok(request(as('admin'), w.pAv, 'mentor', m.id), 201);
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/accept`), 409);
    await ok(t.request('PATCH', `/v1/mentors/${m.id}`, { body: { capacity: 1 } }));
    await ok(m.as.post(`/v1/introductions/${a.id}/accept`));
    await ok(t.request('PATCH', `/v1/mentors/${m.id}`, { body: { capacity: 0 } }));
    expect(await ok(as('admin').get(`/v1/mentors/${m.id}/capacity`))).toEqual({
      mentorId: m.id,
      capacity: 0,
      accepted: 1,
      remaining: 0,
    });
    expectProblem(await as('admin').get(`/v1/mentors/${UNKNOWN}/capacity`), 404);
    expectProblem(await as('admin').get('/v1/mentors/nope/capacity'), 404);
  });

  it('decision bodies are optional; when sent they are validated (422) and the note is audited', async () => {
    const m = await newMentor('备注导师');
    const a = await ok(request(as('admin'), w.pAv, 'mentor', m.id), 201);
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/decline`, { note: 5 }), 422);
    expectProblem(await m.as.post(`/v1/introductions/${a.id}/decline`, { reason: 'x' }), 422);
    expect((await ok(as('admin').get(`/v1/introductions/${a.id}`))).status).toBe('requested');
    await ok(m.as.post(`/v1/introductions/${a.id}/decline`, { note: '领域不匹配 / not my field' }));
    const [audit] = await auditRows(t, 'introduction.decline', a.id);
    expect(audit).toMatchObject({ entityKind: 'introduction', centerId: w.cA });
    expect(audit.detail).toMatchObject({
      from: 'requested',
      to: 'declined',
      note: '领域不匹配 / not my field',
      projectId: w.pAv,
      targetKind: 'mentor',
    });
  });
});

describe('contact reveal', () => {
  it("after an accept the project's founders see the mentor's contact (audited); others do not", async () => {
    const m = await newMentor('揭示导师');
    const contact = 'wx-揭示导师';
    const intro = await ok(request(as('founderA1'), w.pAv, 'mentor', m.id), 201);
    const sees = async (who: Actor) => 'contact' in (await ok(as(who).get(`/v1/mentors/${m.id}`)));
    for (const f of ['founderA1', 'founderA2', 'founderB1'] as Actor[])
      expect(await sees(f), `${f} before accept`).toBe(false);
    expect(await auditRows(t, 'contact.reveal', m.id)).toEqual([]);

    await ok(m.as.post(`/v1/introductions/${intro.id}/accept`));
    for (const f of ['founderA1', 'founderA2'] as Actor[]) {
      expect(await sees(f), `${f} after accept`).toBe(true);
      const got = await ok(as(f).get(`/v1/mentors/${m.id}`));
      expect(got.contact).toEqual({ wechat: contact });
      const listed = (await ok(as(f).get(`/v1/mentors?limit=200`))).items.find((x: any) => x.id === m.id);
      expect(listed.contact).toEqual({ wechat: contact });
    }
    expect(await sees('founderB1')).toBe(false);
    const reveals = await auditRows(t, 'contact.reveal', m.id);
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ entityKind: 'mentor', centerId: w.cA, actor: expect.stringMatching(/^key:/) });
    expect(reveals[0].detail).toMatchObject({ introductionId: intro.id, projectId: w.pAv });
    expect((reveals[0].detail as any).founderIds.sort()).toEqual([w.fA1, w.fA2].sort());
    const [accept] = await auditRows(t, 'introduction.accept', intro.id);
    expect(accept.detail).toMatchObject({
      projectId: w.pAv,
      targetKind: 'mentor',
      targetId: m.id,
      from: 'requested',
      to: 'accepted',
    });
  });

  it('a declined introduction reveals nothing (mentor and investor)', async () => {
    const m = await newMentor('拒绝导师');
    const i = await create(t, '/v1/investors', investorBody('拒绝投资人', 'wx-decline-inv'));
    const ikey = callerFor(t, (await createKey(t, 'investor', { subjectId: i })).key);
    const mi = await ok(request(as('founderB1'), w.pBv, 'mentor', m.id), 201);
    const ii = await ok(request(as('founderB1'), w.pBv, 'investor', i), 201);
    await ok(m.as.post(`/v1/introductions/${mi.id}/decline`));
    await ok(ikey.post(`/v1/introductions/${ii.id}/decline`));
    const fm = await as('founderB1').get(`/v1/mentors/${m.id}`);
    const fi = await as('founderB1').get(`/v1/investors/${i}`);
    expect(fm.body).not.toHaveProperty('contact');
    expect(fi.body).not.toHaveProperty('contact');
    expect(fm.text + fi.text).not.toContain('wx-');
    expect(await auditRows(t, 'contact.reveal', m.id)).toEqual([]);
    expect(await auditRows(t, 'contact.reveal', i)).toEqual([]);
    expect(await auditRows(t, 'introduction.decline', mi.id)).toHaveLength(1);
  });

  it("an accepted investor introduction reveals the investor's contact to the founders only", async () => {
    const i = await create(t, '/v1/investors', investorBody('揭示投资人', 'wx-reveal-inv'));
    const ikey = callerFor(t, (await createKey(t, 'investor', { subjectId: i })).key);
    const intro = await ok(request(as('staffB'), w.pBv, 'investor', i), 201);
    await ok(ikey.post(`/v1/introductions/${intro.id}/accept`));
    expect((await ok(as('founderB1').get(`/v1/investors/${i}`))).contact).toEqual({ wechat: 'wx-reveal-inv' });
    expect(await ok(as('founderA1').get(`/v1/investors/${i}`))).not.toHaveProperty('contact');
  });
});

describe('OpenAPI', () => {
  it('documents the introduction endpoints and schemas', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json', { key: null })).body;
    for (const p of [
      '/v1/introductions',
      '/v1/introductions/{id}',
      '/v1/introductions/{id}/accept',
      '/v1/introductions/{id}/decline',
      '/v1/introductions/{id}/end',
      '/v1/mentors/{id}/capacity',
    ])
      expect(doc.paths, p).toHaveProperty([p]);
    expect(doc.paths['/v1/introductions'].post.responses).toHaveProperty(['409']);
    expect(doc.components.schemas).toHaveProperty(['Introduction']);
    expect(doc.components.schemas.IntroductionInput.properties.targetKind.enum).toEqual(['mentor', 'investor']);
  });
});
