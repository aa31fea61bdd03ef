// The mentor's console over HTTP: inbox (only their own introductions), accept / decline with a
// reason, capacity refusals in place, the founders' contact after accepting (consent only), 404 for
// others' records, profile edits with errors in place, three languages, the home to-do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, M, ok, type World } from '../auth/world.ts';
import type { ConsoleClient } from './client.ts';
import { visibleText } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let w: World;
let mentor: ConsoleClient;
let other: ConsoleClient;
const intro: Record<string, string> = {};
const MESSAGE = 'MSG-MARKER 想请您指导认证检测';

const request = (key: string, body: Record<string, unknown>) =>
  ok(app.request('POST', '/v1/introductions', { key, body }), 201).then((b) => b.id as string);
const status = async (id: string) => (await ok(app.request('GET', `/v1/introductions/${id}`))).status as string;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  // fA1 consents to share its contact; fA2 does not.
  await ok(app.request('PATCH', `/v1/founders/${w.fA1}`, { body: { consent: { shareContact: true } } }));
  intro.av = await request(w.keys.founderA1, {
    projectId: w.pAv,
    targetKind: 'mentor',
    targetId: w.m1,
    message: MESSAGE,
  });
  intro.as = await request(w.keys.founderA1, { projectId: w.pAs, targetKind: 'mentor', targetId: w.m1 });
  intro.bv = await request(w.keys.founderB1, { projectId: w.pBv, targetKind: 'mentor', targetId: w.m2 });
  mentor = (await signedIn(app, { login: 'mentor.one', role: 'mentor', subjectId: w.m1, displayName: '导师一' }))
    .client;
  other = (await signedIn(app, { login: 'mentor.two', role: 'mentor', subjectId: w.m2 })).client;
});
afterAll(() => app?.close());

describe('mentor inbox', () => {
  it("lists exactly the mentor's introductions, waiting first, with the message and never a confidential field", async () => {
    const page = await mentor.get('/app/inbox');
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain(M.pAvTitle);
    expect(text).toContain(M.pAsTitle);
    expect(text).toContain(MESSAGE);
    expect(text).not.toContain(M.pBvTitle);
    for (const conf of [M.pAvConf, M.pAsConf, M.pBvConf, 'trialSalesCny']) expect(page.html).not.toContain(conf);
    // Oldest waiting first.
    expect(text.indexOf(M.pAvTitle)).toBeLessThan(text.indexOf(M.pAsTitle));
    // The other mentor sees only its own.
    const theirs = visibleText((await other.get('/app/inbox')).html);
    expect(theirs).toContain(M.pBvTitle);
    expect(theirs).not.toContain(M.pAvTitle);
  });

  it("shows another mentor's introduction and project by URL as the 404 page", async () => {
    for (const path of [`/app/inbox/${intro.bv}`, `/app/introduced/${w.pBv}`, '/app/inbox/not-a-uuid']) {
      const res = await mentor.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html).not.toContain(M.pBvTitle);
    }
    // A POST on it is 404 too, and changes nothing.
    await mentor.get('/app/inbox');
    expect((await mentor.post(`/app/inbox/${intro.bv}/accept`, {})).status).toBe(404);
    expect(await status(intro.bv)).toBe('requested');
  });

  it('refuses an accept without the form token, and changes nothing', async () => {
    await mentor.get(`/app/inbox/${intro.av}`);
    const res = await mentor.post(`/app/inbox/${intro.av}/accept`, {}, { csrf: null });
    expect(res.status).toBe(403);
    expect(await status(intro.av)).toBe('requested');
  });

  it('accepts, then shows the consenting founder’s contact only', async () => {
    await mentor.get(`/app/inbox/${intro.av}`);
    const res = await mentor.post(`/app/inbox/${intro.av}/accept`, {});
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/app/inbox/${intro.av}?done=accepted`);
    expect(await status(intro.av)).toBe('accepted');
    const page = await mentor.get(res.location!);
    const text = visibleText(page.html);
    expect(text).toContain('您已接受这个对接');
    expect(text).toContain(M.fA1Contact);
    expect(page.html).not.toContain(M.fA2Contact);
    expect(text).toContain('没有同意分享联系方式');
    expect(page.html).not.toContain(M.pAvConf);
  });

  it('requires a reason to decline: 422 in place with the values kept; then declines', async () => {
    await mentor.get(`/app/inbox/${intro.as}`);
    const none = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: '', note: 'kept text' });
    expect(none.status).toBe(422);
    expect(none.html).toContain('id="f-reason-error"');
    expect(none.html).toContain('kept text');
    const other = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: 'other', note: '' });
    expect(other.status).toBe(422);
    expect(other.html).toContain('id="f-note-error"');
    expect(other.html).toMatch(/<option value="other" selected/);
    const bogus = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: 'because', note: '' });
    expect(bogus.status).toBe(422);
    const long = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: 'time', note: 'x'.repeat(2100) });
    expect(long.status).toBe(422);
    expect(long.html).toContain('id="f-note-error"');
    expect(await status(intro.as)).toBe('requested');
    const noToken = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: 'time' }, { csrf: null });
    expect(noToken.status).toBe(403);
    expect(await status(intro.as)).toBe('requested');

    const done = await mentor.post(`/app/inbox/${intro.as}/decline`, { reason: 'time', note: '下个季度再联系' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/app/inbox?done=declined');
    expect(await status(intro.as)).toBe('declined');
    const audit = await ok(app.request('GET', `/v1/audit?entityId=${intro.as}`));
    expect(JSON.stringify(audit)).toContain('time: 下个季度再联系');
    const inbox = await mentor.get(done.location!);
    expect(visibleText(inbox.html)).toContain('您已婉拒这个对接');
    // Deciding again is refused in place.
    const again = await mentor.post(`/app/inbox/${intro.as}/accept`, {});
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('已经处理过');
  });

  it('says in place why an accept fails at full capacity, and changes nothing', async () => {
    await ok(app.request('PATCH', `/v1/mentors/${w.m1}`, { body: { capacity: 1 } }));
    const p = await ok(
      app.request('POST', '/v1/projects', {
        body: {
          title: 'PTITLE-CAP 牦牛绒围巾',
          description: '手工牦牛绒制品。',
          sector: 'plateau_biology',
          stage: 'idea',
          regionCode: '540102',
          centerId: w.cA,
          founderIds: [w.fA2],
          needs: ['marketing'],
          languages: ['zh'],
        },
      }),
      201,
    );
    const id = await request(w.keys.founderA2, { projectId: p.id, targetKind: 'mentor', targetId: w.m1 });
    await mentor.get(`/app/inbox/${id}`);
    const res = await mentor.post(`/app/inbox/${id}/accept`, {});
    expect(res.status).toBe(409);
    const text = visibleText(res.html);
    expect(text).toContain('辅导名额已满（已占用 1/1）');
    expect(text).toContain('PTITLE-CAP');
    expect(await status(id)).toBe('requested');
  });
});

describe('mentor pages', () => {
  it('lists introduced projects and opens one', async () => {
    const list = await mentor.get('/app/introduced');
    expect(list.status).toBe(200);
    expect(visibleText(list.html)).toContain(M.pAvTitle);
    expect(list.html).toContain(`/app/introduced/${w.pAv}`);
    const page = await mentor.get(`/app/introduced/${w.pAv}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`/app/inbox/${intro.av}`);
    expect(page.html).not.toContain(M.pAvConf);
  });

  it('render in zh, en and bo, with the nav entries', async () => {
    const bo = await mentor.get('/app/inbox?lang=bo');
    expect(bo.html).toContain('<html lang="bo">');
    expect(visibleText(bo.html)).toContain('ངོ་སྤྲོད་ཞུ་བ།');
    expect(visibleText((await mentor.get('/app/profile')).html)).toContain('ངའི་གནས་ཚུལ།');
    const en = await mentor.get('/app/introduced?lang=en');
    expect(visibleText(en.html)).toContain('Projects introduced to me');
    const zh = await mentor.get('/app?lang=zh');
    for (const href of ['/app/inbox', '/app/introduced', '/app/profile']) expect(zh.html).toContain(`href="${href}"`);
    expect(zh.html).not.toContain('href="/app/discover"');
    expect((await mentor.get('/app/discover')).status).toBe(404);
  });

  it('shows waiting decisions on the home page', async () => {
    const home = await other.get('/app');
    expect(visibleText(home.html)).toContain('1 个对接邀请等待您决定');
    expect(home.html).toContain('href="/app/inbox"');
  });

  it('are 404 for other roles', async () => {
    const { client } = await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1 });
    for (const path of ['/app/inbox', `/app/inbox/${intro.av}`, '/app/introduced', '/app/profile', '/app/discover'])
      expect((await client.get(path)).status, path).toBe(404);
  });
});

describe('mentor profile', () => {
  it('refuses bad input with 422 in place, keeping the values', async () => {
    const page = await mentor.get('/app/profile');
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="capacity"');
    const form = {
      capacity: '-1',
      active: 'true',
      expertise: ['certification'],
      sectors: ['plateau_biology'],
      languages: ['zh', 'bo'],
      remote: 'true',
      bio: 'BIO-KEPT 新简介',
    };
    const neg = await mentor.post('/app/profile', form);
    expect(neg.status).toBe(422);
    expect(neg.html).toContain('id="f-capacity-error"');
    expect(visibleText(neg.html)).toContain('不能小于 0');
    expect(neg.html).toContain('BIO-KEPT 新简介');
    expect(neg.html).toContain('value="-1"');
    const long = await mentor.post('/app/profile', { ...form, capacity: '2', bio: 'x'.repeat(20_001) });
    expect(long.status).toBe(422);
    expect(long.html).toContain('id="f-bio-error"');
    const noLang = await mentor.post('/app/profile', { ...form, capacity: '2', languages: [] });
    expect(noLang.status).toBe(422);
    expect(noLang.html).toContain('id="f-languages-error"');
    const text = await mentor.post('/app/profile', { ...form, capacity: 'abc' });
    expect(text.status).toBe(422);
    expect(visibleText(text.html)).toContain('请输入数字');
    const stored = await ok(app.request('GET', `/v1/mentors/${w.m1}`));
    expect(stored.capacity).toBe(1);
    expect(stored.bio).not.toContain('BIO-KEPT');
  });

  it('saves through the Repository with the mentor’s own actor', async () => {
    await mentor.get('/app/profile');
    const res = await mentor.post('/app/profile', {
      capacity: '4',
      expertise: ['certification', 'marketing'],
      sectors: ['plateau_biology'],
      languages: ['bo'],
      bio: 'BIO-SAVED 食品认证',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/profile?done=saved');
    const stored = await ok(app.request('GET', `/v1/mentors/${w.m1}`));
    expect(stored).toMatchObject({
      capacity: 4,
      active: false,
      remote: false,
      languages: ['bo'],
      expertise: ['certification', 'marketing'],
      bio: 'BIO-SAVED 食品认证',
    });
    const page = await mentor.get(res.location!);
    expect(visibleText(page.html)).toContain('资料已保存');
  });
});
