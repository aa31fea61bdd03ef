// The founder's console over HTTP (real app, real database): projects, matches and introductions,
// enrolment, invitations, my data, and that nothing of another founder's records leaks.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable, enrollmentsTable, introductionsTable, projectsTable } from '../../models/schema.ts';
import { M, buildWorld, callsAs, createKey, mentorBody, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let a1: ConsoleClient;
let b1: ConsoleClient;
const as = callsAs(
  () => app,
  () => w,
);

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  a1 = (await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1, displayName: '次仁' })).client;
  b1 = (await signedIn(app, { login: 'founder.b1', role: 'founder', subjectId: w.fB1 })).client;
}, 60_000);
afterAll(() => app?.close());

const text = async (c: ConsoleClient, path: string) => {
  const res = await c.get(path);
  expect(res.status, `${path}: ${res.html.slice(0, 300)}`).toBe(200);
  return visibleText(res.html);
};

describe('founder pages', () => {
  it('render in zh, en and bo with the nav entries', async () => {
    const pages = [
      '/app',
      '/app/projects',
      '/app/projects/new',
      `/app/projects/${w.pAv}`,
      `/app/projects/${w.pAv}/edit`,
      `/app/projects/${w.pAv}/matches/mentors`,
      `/app/projects/${w.pAv}/matches/investors`,
      `/app/projects/${w.pAv}/matches/trainings`,
      `/app/projects/${w.pAv}/matches/services`,
      '/app/introductions',
      '/app/invitations',
      '/app/my-data',
      '/app/my-data/erase',
    ];
    const expected = { zh: '我的项目', en: 'My projects', bo: 'ངའི་ལས་གཞི།' } as const;
    for (const lang of ['zh', 'en', 'bo'] as const) {
      for (const path of pages) {
        const res = await a1.get(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(res.status, `${lang} ${path}`).toBe(200);
        expect(visibleText(res.html), `${lang} ${path}`).toContain(expected[lang]);
      }
    }
    expect(await text(a1, '/app/projects?lang=bo')).toContain('ཞིབ་བཤེར་འཕྲོད་ཟིན།'); // vetted badge
    expect(await text(a1, `/app/projects/${w.pAv}?lang=bo`)).toContain('ལས་གཞིའི་ཆ་འཕྲིན།');
    expect(await text(a1, '/app/my-data?lang=bo')).toContain('འབྲེལ་གཏུག་ཐབས་མཉམ་སྤྱོད།');
    // Back to Chinese for the other tests.
    await a1.get('/app?lang=zh');
  });

  it('list only the founder’s projects, with status and its meaning', async () => {
    const list = await text(a1, '/app/projects');
    expect(list).toContain(M.pAvTitle);
    expect(list).toContain(M.pAsTitle);
    expect(list).not.toContain(M.pBvTitle);
    const page = await text(a1, `/app/projects/${w.pAs}`);
    expect(page).toContain('等待双创中心审核');
  });
});

describe('create → edit → submit', () => {
  it('refuses bad input in place with the values kept, then saves, edits and submits', async () => {
    await a1.get('/app/projects/new');
    const bad = await a1.post('/app/projects', {
      title: '  ',
      description: '高原蜂蜜的溯源和电商销售',
      sector: 'plateau_biology',
      stage: '',
      regionCode: '540102',
      needs: ['ecommerce', 'marketing'],
      fundingNeedCny: '12.5',
      languages: ['zh', 'bo'],
      notes: '内部：与合作社的协议草稿',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-title-error"');
    expect(bad.html).toContain('id="f-stage-error"');
    expect(bad.html).toContain('id="f-fundingNeedCny-error"');
    expect(bad.html).toContain('高原蜂蜜的溯源和电商销售');
    expect(bad.html).toContain('内部：与合作社的协议草稿');
    expect(bad.html).toMatch(/value="ecommerce" checked/);
    expect(visibleText(bad.html)).toContain('请修改下面标出的内容后再提交');

    const ok = await a1.post('/app/projects', {
      title: '高原蜂蜜 HONEY-1',
      description: '高原蜂蜜的溯源和电商销售',
      sector: 'plateau_biology',
      stage: 'idea',
      regionCode: '540102',
      centerId: w.cA,
      needs: ['ecommerce', 'marketing'],
      fundingNeedCny: '50000',
      languages: ['zh', 'bo'],
      notes: '内部：与合作社的协议草稿',
    });
    expect(ok.status, ok.html.slice(0, 500)).toBe(303);
    const id = /\/app\/projects\/([0-9a-f-]{36})\?done=created/.exec(ok.location!)![1];
    const [row] = await app.db.select().from(projectsTable).where(eq(projectsTable.id, id));
    expect(row).toMatchObject({
      status: 'draft',
      fundingNeedCny: 50000,
      confidential: { notes: '内部：与合作社的协议草稿' },
    });
    const created = await text(a1, ok.location!);
    expect(created).toContain('项目已保存为草稿');
    expect(created).toContain('投资人看不到');

    // Edit: a domain error (a region code that does not exist cannot be chosen; a negative funding need can be typed).
    await a1.get(`/app/projects/${id}/edit`);
    const badEdit = await a1.post(`/app/projects/${id}`, {
      title: '高原蜂蜜 HONEY-2',
      description: '高原蜂蜜的溯源和电商销售',
      sector: 'plateau_biology',
      stage: 'idea',
      regionCode: '999999',
      centerId: w.cA,
      needs: ['ecommerce'],
      fundingNeedCny: '-5',
      languages: ['zh'],
      notes: '',
    });
    expect(badEdit.status).toBe(422);
    expect(badEdit.html).toContain('id="f-regionCode-error"');
    expect(badEdit.html).toContain('id="f-fundingNeedCny-error"');
    expect(badEdit.html).toContain('HONEY-2');
    const edited = await a1.post(`/app/projects/${id}`, {
      title: '高原蜂蜜 HONEY-2',
      description: '高原蜂蜜的溯源和电商销售',
      sector: 'plateau_biology',
      stage: 'prototype',
      regionCode: '540102',
      centerId: w.cA,
      needs: ['ecommerce'],
      fundingNeedCny: '',
      languages: ['zh'],
      notes: '',
    });
    expect(edited.status).toBe(303);
    const [after] = await app.db.select().from(projectsTable).where(eq(projectsTable.id, id));
    expect(after).toMatchObject({
      title: '高原蜂蜜 HONEY-2',
      stage: 'prototype',
      fundingNeedCny: null,
      status: 'draft',
    });
    expect(after.confidential).toEqual({});

    await a1.get(`/app/projects/${id}`);
    const submitted = await a1.post(`/app/projects/${id}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(await text(a1, submitted.location!)).toContain('项目已提交');
    const [final] = await app.db.select().from(projectsTable).where(eq(projectsTable.id, id));
    expect(final.status).toBe('submitted');
    // The same project through the API, as the founder's key reads it.
    const api = await as('founderA1').get(`/v1/projects/${id}`);
    expect(api.body.status).toBe('submitted');
  });
});

describe('matches, introductions and contacts', () => {
  it('lists mentors with score and reasons; a request becomes an introduction and shows its state', async () => {
    const page = await a1.get(`/app/projects/${w.pAv}/matches/mentors`);
    expect(page.status).toBe(200);
    const txt = visibleText(page.html);
    expect(txt).toContain('MENTOR-1');
    expect(page.html).toContain('<meter');
    expect(page.html).toContain('class="reasons"');
    expect(page.html).toContain(`name="targetId" value="${w.m1}"`);
    // The filter the API offers.
    expect(page.html).toContain('name="limit"');
    expect((await a1.get(`/app/projects/${w.pAv}/matches/mentors?limit=500`)).status).toBe(200);
    // The same list as the API gives the founder's key.
    const api = await as('founderA1').get(`/v1/projects/${w.pAv}/matches/mentors`);
    for (const m of api.body.items) expect(page.html).toContain(`value="${m.id}"`);

    const res = await a1.post(`/app/projects/${w.pAv}/introductions`, {
      targetKind: 'mentor',
      targetId: w.m1,
      message: '想请您指导认证检测',
    });
    expect(res.status).toBe(303);
    const [intro] = await app.db
      .select()
      .from(introductionsTable)
      .where(and(eq(introductionsTable.projectId, w.pAv), eq(introductionsTable.targetId, w.m1)));
    expect(intro).toMatchObject({ status: 'requested', message: '想请您指导认证检测', targetKind: 'mentor' });
    const after = await a1.get(res.location!);
    expect(visibleText(after.html)).toContain('对接请求已发出');
    expect(visibleText(after.html)).toContain('已请求，等待回复');
    expect(after.html).not.toContain(`name="targetId" value="${w.m1}"`);
    // Asking again is refused in place.
    const again = await a1.post(`/app/projects/${w.pAv}/introductions`, { targetKind: 'mentor', targetId: w.m1 });
    expect(again.status).toBe(409);

    // No contact before the mentor accepts.
    expect(await text(a1, '/app/introductions')).not.toContain(M.m1Contact);
    const accepted = await as('mentor1').post(`/v1/introductions/${intro.id}/accept`, {});
    expect(accepted.status, accepted.text).toBe(200);
    const mine = await text(a1, '/app/introductions');
    expect(mine).toContain('已接受');
    expect(mine).toContain(M.m1Contact);
    const contacts = await as('founderA1').get(`/v1/introductions/${intro.id}/contacts`);
    expect(contacts.body.target.contact.wechat).toBe(M.m1Contact);
  });

  it('shows the decline reason and needs a vetted project for investors', async () => {
    const res = await a1.post(`/app/projects/${w.pAv}/introductions`, { targetKind: 'mentor', targetId: w.m2 });
    expect(res.status).toBe(303);
    const [intro] = await app.db
      .select()
      .from(introductionsTable)
      .where(and(eq(introductionsTable.projectId, w.pAv), eq(introductionsTable.targetId, w.m2)));
    const declined = await app.request('POST', `/v1/introductions/${intro.id}/decline`, {
      body: { note: '本季度名额已满 FULL-NOTE' },
    });
    expect(declined.status, declined.text).toBe(200);
    const mine = await text(a1, '/app/introductions');
    expect(mine).toContain('FULL-NOTE');
    expect(mine).not.toContain(M.m2Contact);

    const submittedOnly = await a1.get(`/app/projects/${w.pAs}/matches/investors`);
    expect(submittedOnly.status).toBe(200);
    expect(visibleText(submittedOnly.html)).toContain('审核后');
    expect(submittedOnly.html).not.toContain('name="targetKind" value="investor"');
    const refused = await a1.post(`/app/projects/${w.pAs}/introductions`, { targetKind: 'investor', targetId: w.i1 });
    expect(refused.status).toBe(422);
  });

  it('enrols the founder in a matched training', async () => {
    const page = await a1.get(`/app/projects/${w.pAv}/matches/trainings`);
    expect(page.html).toContain(`name="trainingId" value="${w.t1}"`);
    const res = await a1.post(`/app/projects/${w.pAv}/enrol`, { trainingId: w.t1 });
    expect(res.status).toBe(303);
    const rows = await app.db
      .select()
      .from(enrollmentsTable)
      .where(and(eq(enrollmentsTable.trainingId, w.t1), eq(enrollmentsTable.founderId, w.fA1)));
    expect(rows).toHaveLength(1);
    const after = await a1.get(res.location!);
    expect(visibleText(after.html)).toContain('报名成功');
    expect(after.html).not.toContain(`name="trainingId" value="${w.t1}"`);
  });
});

describe('scope', () => {
  it('another founder’s project by URL is the 404 page with nothing of it', async () => {
    for (const path of [
      `/app/projects/${w.pBv}`,
      `/app/projects/${w.pBv}/edit`,
      `/app/projects/${w.pBv}/matches/mentors`,
      '/app/projects/not-a-uuid',
      `/app/projects/${w.pAv}/matches/nonsense`,
    ]) {
      const res = await a1.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html).not.toContain(M.pBvTitle);
      expect(res.html).not.toContain(M.pBvConf);
    }
    // A founder of another center neither sees nor acts on A's project.
    const seen = await b1.get(`/app/projects/${w.pAv}`);
    expect(seen.status).toBe(404);
    expect(seen.html).not.toContain(M.pAvTitle);
    await b1.get('/app/projects');
    const acts = await b1.post(`/app/projects/${w.pAv}/introductions`, { targetKind: 'mentor', targetId: w.m2 });
    expect(acts.status).toBe(404);
    expect((await b1.post(`/app/projects/${w.pAv}/submit`, {})).status).toBe(404);
    expect((await b1.post(`/app/projects/${w.pAv}/enrol`, { trainingId: w.t2 })).status).toBe(404);
    const edit = await b1.post(`/app/projects/${w.pAv}`, { title: 'HIJACK' });
    expect(edit.status).toBe(404);
    const [row] = await app.db.select().from(projectsTable).where(eq(projectsTable.id, w.pAv));
    expect(row.title).toBe(M.pAvTitle);
  });

  it('refuses a post without the form token or from another origin', async () => {
    await a1.get('/app/projects/new');
    const noToken = await a1.post('/app/projects', { title: 'X' }, { csrf: null });
    expect(noToken.status).toBe(403);
    const foreign = await a1.post('/app/my-data/consent', { share: 'yes' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('founder pages are not other roles’ pages', async () => {
    const { client } = await signedIn(app, { login: 'mentor.one', role: 'mentor', subjectId: w.m1 });
    expect((await client.get('/app/my-data')).status).toBe(404);
    expect((await client.get(`/app/projects/${w.pAv}/matches/mentors`)).status).toBe(404);
  });
});

describe('invitations and home to-dos', () => {
  it('a co-founder invitation shows on home and is accepted on the invitations page', async () => {
    // B1 invites A1 into its draft project through the API (its own key).
    const pBd = (await as('founderB1').get(`/v1/projects/${w.pBd}`)).body;
    const inv = await as('founderB1').patch(`/v1/projects/${w.pBd}`, { founderIds: [...pBd.founderIds, w.fA1] });
    expect(inv.status, inv.text).toBe(200);
    expect(await text(b1, `/app/projects/${w.pBd}`)).toContain(w.fA1.slice(0, 8));
    const home = await a1.get('/app');
    expect(visibleText(home.html)).toContain(`“${M.pBdTitle}”邀请您加入为共同创始人`);
    expect(home.html).toContain('href="/app/invitations"');
    const page = await text(a1, '/app/invitations');
    expect(page).toContain(M.pBdTitle);
    const id = (await as('founderA1').get('/v1/project-invitations?status=pending')).body.items[0].id;
    const res = await a1.post('/app/invitations/project', { id, decision: 'accept' });
    expect(res.status).toBe(303);
    expect(await text(a1, '/app/projects')).toContain(M.pBdTitle);
  });
});

describe('investors asking to meet a project', () => {
  it('shows "X asks to meet" with a to-do; the founder accepts and then sees the contact', async () => {
    const ask = await as('investor1').post('/v1/introductions', {
      projectId: w.pBv,
      targetKind: 'investor',
      targetId: w.i1,
      message: 'ASK-MSG 想了解牦牛奶酪',
    });
    expect(ask.status, ask.text).toBe(201);
    const home = await b1.get('/app');
    expect(visibleText(home.html)).toContain('1 位投资人想与您见面');
    expect(home.html).toContain('href="/app/introductions"');
    const page = await b1.get('/app/introductions');
    const shown = visibleText(page.html);
    expect(shown).toContain(`投资人一 INVESTOR-1 想就“${M.pBvTitle}”与您见面`);
    expect(shown).toContain('对方的留言：ASK-MSG');
    expect(page.html).toContain(`action="/app/introductions/${ask.body.id}/accept"`);
    expect(shown).not.toContain(M.i1Contact);
    // Another founder: the 404 page, nothing changed; no form token: 403.
    await a1.get('/app/introductions');
    expect((await a1.post(`/app/introductions/${ask.body.id}/accept`, {})).status).toBe(404);
    await b1.get('/app/introductions');
    expect((await b1.post(`/app/introductions/${ask.body.id}/accept`, {}, { csrf: null })).status).toBe(403);
    expect((await as('admin').get(`/v1/introductions/${ask.body.id}`)).body.status).toBe('requested');

    const res = await b1.post(`/app/introductions/${ask.body.id}/accept`, {});
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/introductions?done=accepted');
    const after = await text(b1, res.location!);
    expect(after).toContain('您已接受');
    expect(after).toContain(M.i1Contact);
    expect((await b1.get(`/app/introductions`)).html).not.toContain(`/app/introductions/${ask.body.id}/accept`);
    expect(visibleText((await b1.get('/app')).html)).not.toContain('位投资人想与您见面');
    // Deciding again: 409 in place, nothing changed.
    const again = await b1.post(`/app/introductions/${ask.body.id}/decline`, {});
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('已经处理过了');
  });

  it('declines with an optional reason (too long → 422 kept in place); a project-initiated one has no buttons', async () => {
    const key = (await createKey(app, 'investor', { subjectId: w.i2 })).key;
    const ask = await app.request('POST', '/v1/introductions', {
      key,
      body: { projectId: w.pBv, targetKind: 'investor', targetId: w.i2 },
    });
    expect(ask.status, ask.text).toBe(201);
    const id = ask.body.id as string;
    await b1.get('/app/introductions');
    const long = await b1.post(`/app/introductions/${id}/decline`, { [`note-${id}`]: 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.html).toContain('aria-invalid="true"');
    expect(long.html).toContain('x'.repeat(2001));
    const res = await b1.post(`/app/introductions/${id}/decline`, { [`note-${id}`]: '暂不融资 NOT-RAISING' });
    expect(res.status).toBe(303);
    expect(await text(b1, res.location!)).toContain('您已婉拒这个请求');
    const [audit] = await app.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'introduction.decline'), eq(auditTable.entityId, id)));
    expect(audit.detail).toMatchObject({ initiator: 'target', note: '暂不融资 NOT-RAISING' });
    const row = (await as('admin').get(`/v1/introductions/${id}`)).body;
    expect(row).toMatchObject({ status: 'declined', initiator: 'target' });
    // A founder's own request to an investor is decided by the investor: no buttons, 403 by post.
    const own = await as('founderB1').post('/v1/introductions', {
      projectId: w.pBv,
      targetKind: 'mentor',
      targetId: w.m1,
    });
    expect(own.status, own.text).toBe(201);
    expect((await b1.get('/app/introductions')).html).not.toContain(`/app/introductions/${own.body.id}/accept`);
    expect((await b1.post(`/app/introductions/${own.body.id}/accept`, {})).status).toBe(403);
  });
});

describe('new matches since the last visit', () => {
  it('a mentor who joined since the last visit and now ranks for a project is a to-do', async () => {
    const { client } = await signedIn(app, { login: 'founder.news', role: 'founder', subjectId: w.fA2 });
    // signedIn opened the home page once: that is the last visit. A new, fitting mentor arrives.
    expect(await text(client, '/app')).not.toContain('新的导师推荐');
    await app.request('POST', '/v1/mentors', { body: mentorBody('新导师 MENTOR-NEW', 'wx-new-mentor') });
    const home = await client.get('/app');
    const item = /<a href="(\/app\/projects\/[0-9a-f-]+\/matches\/mentors)">([^<]*新的导师推荐[^<]*)<\/a>/.exec(
      home.html,
    );
    expect(item, visibleText(home.html)).not.toBeNull();
    expect(item![2]).toContain('1 个');
    expect(await text(client, item![1])).toContain('MENTOR-NEW');
    // Seen: the next visit does not repeat it.
    expect(await text(client, '/app')).not.toContain('新的导师推荐');
  });
});

describe('my data', () => {
  it('exports, records consent and erases with a confirmation, signing the person out', async () => {
    const { client } = await signedIn(app, { login: 'founder.a2', role: 'founder', subjectId: w.fA2 });
    const page = await text(client, '/app/my-data');
    expect(page).toContain(M.fA2Name);
    expect(page).toContain('您目前没有同意分享');
    const exp = await client.get('/app/my-data/export');
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toMatch(/^attachment; filename="my-data-/);
    const data = JSON.parse(exp.html);
    expect(data.founder.id).toBe(w.fA2);
    expect(data.projects.map((p: any) => p.id)).toContain(w.pAv);

    const consent = await client.post('/app/my-data/consent', { share: 'yes' });
    expect(consent.status).toBe(303);
    expect(await text(client, consent.location!)).toContain('您已同意分享');
    expect((await app.request('GET', `/v1/founders/${w.fA2}`)).body.consent.shareContact).toBe(true);

    await client.get('/app/my-data/erase');
    const wrong = await client.post('/app/my-data/erase', { login: 'someone.else' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('id="f-login-error"');
    expect((await app.request('GET', `/v1/founders/${w.fA2}`)).status).toBe(200);
    const erased = await client.post('/app/my-data/erase', { login: 'Founder.A2' });
    expect(erased.status).toBe(200);
    expect(visibleText(erased.html)).toContain('您的个人信息已删除');
    expect((await app.request('GET', `/v1/founders/${w.fA2}`)).status).toBe(404);
    const after = await client.get('/app/my-data');
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/app\/login/);
  });
});
