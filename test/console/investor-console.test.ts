// The investor's console over HTTP: discover (vetted projects that fit, with score and reasons),
// a project's page (asking the founders for an introduction, then its state), the inbox (own asks wait
// for the founders, without decision buttons), never an unvetted project or a confidential field anywhere, profile edits, languages, to-dos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, M, ok, projectBody, type World } from '../auth/world.ts';
import type { ConsoleClient } from './client.ts';
import { visibleText } from './client.ts';
import { signedIn } from './accounts.ts';
import { t } from '../../src/i18n/t.ts';

let app: TestApp;
let w: World;
let investor: ConsoleClient;
let pLater: string;
let introAv: string;
let introLater: string;
const LATER = 'PTITLE-LATER 曾审核的项目';
const LATER_CONF = 'CONF-LATER-captable';
const UNVETTED = [M.pAsTitle, M.pBdTitle, LATER];
const CONFIDENTIAL = [M.pAvConf, M.pAsConf, M.pBvConf, M.pBdConf, LATER_CONF, 'trialSalesCny'];

function expectClean(html: string, where: string) {
  for (const s of [...UNVETTED, ...CONFIDENTIAL]) expect(html, `${where} shows ${s}`).not.toContain(s);
}

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  pLater = (
    await ok(
      app.request('POST', '/v1/projects', {
        body: projectBody({ title: LATER, centerId: w.cA, founderIds: [w.fA1], status: 'vetted', conf: LATER_CONF }),
      }),
      201,
    )
  ).id;
  const request = (projectId: string) =>
    ok(
      app.request('POST', '/v1/introductions', {
        key: w.keys.founderA1,
        body: { projectId, targetKind: 'investor', targetId: w.i1, message: 'MSG-INV 寻求天使轮' },
      }),
      201,
    ).then((b) => b.id as string);
  introAv = await request(w.pAv);
  introLater = await request(pLater);
  // The founder's material edit returns the project to review: from now on it is unvetted.
  await ok(app.request('PATCH', `/v1/projects/${pLater}`, { key: w.keys.founderA1, body: { title: `${LATER} 改` } }));
  investor = (
    await signedIn(app, { login: 'investor.one', role: 'investor', subjectId: w.i1, displayName: '投资人一' })
  ).client;
});
afterAll(() => app?.close());

describe('investor discover', () => {
  it('lists the vetted projects that fit, with score and reasons, never unvetted or confidential', async () => {
    const page = await investor.get('/app/discover');
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain(M.pAvTitle);
    expect(text).toContain(M.pBvTitle);
    expect(page.html).toMatch(/<meter[^>]*value="\d+"/);
    expect(page.html).toContain('class="reasons"');
    expectClean(page.html, 'discover');
    expect(page.html).toContain(`/app/discover/${w.pBv}`);
    // Each card: the ask button, or the state of the investor's introduction instead (pAv: the founders asked).
    expect(page.html).toContain(`action="/app/discover/${w.pBv}/ask"`);
    expect(page.html).not.toContain(`action="/app/discover/${w.pAv}/ask"`);
    const card = page.html.slice(page.html.indexOf(`id="p-${w.pAv}"`)).split('<li class="card"')[0];
    expect(visibleText(card)).toContain('创业者邀请您对接');
    expect(card).toContain(`href="/app/inbox/${introAv}"`);
    // The limit filter (the API's only one) is offered and kept.
    const more = await investor.get('/app/discover?limit=20');
    expect(more.html).toMatch(/<option value="20" selected/);
    expect((await investor.get('/app/discover?limit=999')).status).toBe(200);
  });

  it("opens a vetted project's page; unvetted ones are the 404 page", async () => {
    const page = await investor.get(`/app/discover/${w.pBv}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain(M.pBvTitle);
    expect(text).toContain('您可以请求与这个项目的创业者对接');
    expect(text).toContain('测试中心B');
    // The investor may ask for an introduction (issue 19): one form, posting to this project only.
    expect(page.html).toContain(`action="/app/discover/${w.pBv}/ask"`);
    expectClean(page.html, 'project page');
    for (const id of [w.pAs, w.pBd, pLater, 'nope']) {
      const res = await investor.get(`/app/discover/${id}`);
      expect(res.status, id).toBe(404);
      expectClean(res.html, `discover/${id}`);
    }
  });

  it('renders reasons in bo (Tibetan from the engine) and in en', async () => {
    try {
      const bo = await investor.get('/app/discover?lang=bo');
      expect(bo.html).toContain('<html lang="bo">');
      expect(visibleText(bo.html)).toContain('ཁྱེད་དང་མཐུན་པའི་ལས་གཞི།');
      // Reasons in Tibetan from the engine; the Chinese-text note exactly when one reason has none.
      const reasons = /<ul class="reasons">([\s\S]*?)<\/ul>/.exec(bo.html)![1];
      expect(reasons).toMatch(/[\u0F00-\u0FFF]/);
      expect(bo.html.includes(t('bo', 'common.textInChinese'))).toBe(/<li lang=/.test(bo.html));
      expectClean(bo.html, 'discover in bo');
      const en = await investor.get('/app/discover?lang=en');
      expect(visibleText(en.html)).toContain('Projects that fit you');
      expect(visibleText(en.html)).toContain('Fit ');
      expect(visibleText(en.html)).not.toContain(t('en', 'common.textInChinese'));
    } finally {
      await investor.get('/app/discover?lang=zh');
    }
  });
});

describe('investor inbox', () => {
  it('shows introductions of vetted projects only, and accepts one', async () => {
    const inbox = await investor.get('/app/inbox');
    expect(inbox.status).toBe(200);
    expect(visibleText(inbox.html)).toContain(M.pAvTitle);
    expect(visibleText(inbox.html)).toContain('MSG-INV');
    expectClean(inbox.html, 'inbox');
    for (const path of [`/app/inbox/${introLater}`, `/app/introduced/${pLater}`]) {
      const res = await investor.get(path);
      expect(res.status, path).toBe(404);
      expectClean(res.html, path);
    }
    expect((await investor.post(`/app/inbox/${introLater}/accept`, {})).status).toBe(404);
    await investor.get(`/app/inbox/${introAv}`);
    const res = await investor.post(`/app/inbox/${introAv}/accept`, {});
    expect(res.status).toBe(303);
    const page = await investor.get(res.location!);
    expect(visibleText(page.html)).toContain('您已接受这个对接');
    expectClean(page.html, 'accepted introduction');
    const introduced = await investor.get('/app/introduced');
    expect(visibleText(introduced.html)).toContain(M.pAvTitle);
    expectClean(introduced.html, 'introduced');
    const project = await investor.get(`/app/introduced/${w.pAv}`);
    expect(project.status).toBe(200);
    expectClean(project.html, 'introduced project');
  });
});

describe('investor profile', () => {
  const form = {
    kind: 'angel',
    thesis: 'THESIS-KEPT 高原消费品',
    sectors: ['plateau_biology'],
    stages: ['prototype'],
    ticketMinCny: '500000',
    ticketMaxCny: '100000',
    regionCodes: ['540100'],
    active: 'true',
  };

  it('refuses bad input with 422 in place, keeping the values', async () => {
    const page = await investor.get('/app/profile');
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="ticketMinCny"');
    const order = await investor.post('/app/profile', form);
    expect(order.status).toBe(422);
    expect(order.html).toContain('id="f-ticketMinCny-error"');
    expect(visibleText(order.html)).toContain('最低投资额不能大于最高投资额');
    expect(order.html).toContain('THESIS-KEPT');
    expect(order.html).toMatch(/value="540100" checked/);
    const kind = await investor.post('/app/profile', { ...form, ticketMaxCny: '900000', kind: 'pirate' });
    expect(kind.status).toBe(422);
    expect(kind.html).toContain('id="f-kind-error"');
    const neg = await investor.post('/app/profile', { ...form, ticketMinCny: '-5' });
    expect(neg.status).toBe(422);
    expect(neg.html).toContain('id="f-ticketMinCny-error"');
    const region = await investor.post('/app/profile', { ...form, ticketMaxCny: '900000', regionCodes: ['999999'] });
    expect(region.status).toBe(422);
    expect(region.html).toContain('id="f-regionCodes-error"');
    const stored = await ok(app.request('GET', `/v1/investors/${w.i1}`));
    expect(stored.thesis).not.toContain('THESIS-KEPT');
  });

  it('saves, and discover follows the new thesis', async () => {
    await investor.get('/app/profile');
    const res = await investor.post('/app/profile', {
      ...form,
      sectors: ['culture_tourism'],
      ticketMaxCny: '900000',
      ticketMinCny: '0',
    });
    expect(res.status).toBe(303);
    const stored = await ok(app.request('GET', `/v1/investors/${w.i1}`));
    expect(stored).toMatchObject({
      kind: 'angel',
      sectors: ['culture_tourism'],
      ticketMaxCny: 900000,
      regionCodes: ['540100'],
      stages: ['prototype'],
    });
    // The world's vetted projects are plateau biology: none fits the new thesis.
    const page = await investor.get('/app/discover');
    expect(visibleText(page.html)).not.toContain(M.pBvTitle);
    expect(visibleText(page.html)).toContain('目前没有符合您投资方向的已审核项目');
    expectClean(page.html, 'discover after edit');
  });

  it('shows new fitting projects on the home page, linked to discover', async () => {
    // Signing in opened the home page once: what is vetted after that is new.
    const fresh = await signedIn(app, { login: 'investor.two', role: 'investor', subjectId: w.i2 });
    expect(visibleText((await fresh.client.get('/app')).html)).not.toContain('符合您投资方向的新项目');
    await ok(app.request('PATCH', `/v1/projects/${w.pAs}`, { key: w.keys.staffA, body: { status: 'vetted' } }));
    const home = await fresh.client.get('/app');
    expect(visibleText(home.html)).toContain('1 个符合您投资方向的新项目');
    expect(home.html).toContain('href="/app/discover"');
    // Nothing new since this visit.
    const again = await fresh.client.get('/app');
    expect(visibleText(again.html)).not.toContain('符合您投资方向的新项目');
  });
});

describe('investor asks for an introduction', () => {
  it('from the project page: needs the form token; a too long message is 422 kept in place; then the state', async () => {
    await investor.get(`/app/discover/${w.pBv}`);
    expect((await investor.post(`/app/discover/${w.pBv}/ask`, { message: 'x' }, { csrf: null })).status).toBe(403);
    const long = await investor.post(`/app/discover/${w.pBv}/ask`, { message: 'y'.repeat(5001) });
    expect(long.status).toBe(422);
    expect(long.html).toContain('aria-invalid="true"');
    expect(long.html).toContain('y'.repeat(5001));
    const [none] = (await ok(app.request('GET', `/v1/introductions?projectId=${w.pBv}&targetId=${w.i1}`))).items;
    expect(none).toBeUndefined();

    const res = await investor.post(`/app/discover/${w.pBv}/ask`, { message: 'ASK-PAGE 想了解融资计划' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/app/discover/${w.pBv}?done=asked`);
    const page = await investor.get(res.location!);
    const text = visibleText(page.html);
    expect(text).toContain('已发出对接请求');
    expect(text).toContain('您已请求，等待创业者回复');
    expect(page.html).not.toContain(`action="/app/discover/${w.pBv}/ask"`);
    const [row] = (await ok(app.request('GET', `/v1/introductions?projectId=${w.pBv}&targetId=${w.i1}`))).items;
    expect(row).toMatchObject({ status: 'requested', initiator: 'target', message: 'ASK-PAGE 想了解融资计划' });
    // Asking again: 409 in place, nothing changed.
    const again = await investor.post(`/app/discover/${w.pBv}/ask`, {});
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('已有对接记录');
    // The discover card (when the project still fits the thesis edited above) shows the state, not the button.
    const list = await investor.get('/app/discover?limit=50');
    expect(list.html).not.toContain(`action="/app/discover/${w.pBv}/ask"`);
    if (list.html.includes(`id="p-${w.pBv}"`)) {
      const card = list.html.slice(list.html.indexOf(`id="p-${w.pBv}"`)).split('<li class="card"')[0];
      expect(visibleText(card)).toContain('您已请求，等待创业者回复');
    }

    // The inbox lists it apart, waiting for the founders, with no decision buttons; deciding it is 403.
    const inbox = await investor.get('/app/inbox');
    expect(visibleText(inbox.html)).toContain('您发出的请求');
    expect(visibleText(inbox.html)).toContain('等待创业者回复');
    expect(inbox.html).not.toContain(`/app/inbox/${row.id}/accept`);
    const one = await investor.get(`/app/inbox/${row.id}`);
    expect(one.status).toBe(200);
    expect(visibleText(one.html)).toContain('等待创业者回复');
    expect(one.html).not.toContain(`/app/inbox/${row.id}/accept`);
    expect((await investor.post(`/app/inbox/${row.id}/accept`, {})).status).toBe(403);
    // Not a to-do of the investor's.
    expect(visibleText((await investor.get('/app')).html)).not.toContain('等待您决定');

    // The founder accepts: the investor sees the state and the founder's contact (with its consent).
    await ok(
      app.request('PATCH', `/v1/founders/${w.fB1}`, {
        key: w.keys.founderB1,
        body: { consent: { shareContact: true } },
      }),
    );
    await ok(app.request('POST', `/v1/introductions/${row.id}/accept`, { key: w.keys.founderB1 }));
    expect(visibleText((await investor.get(`/app/discover/${w.pBv}`)).html)).toContain('对接已接受');
    expect(visibleText((await investor.get(`/app/inbox/${row.id}`)).html)).toContain(M.fB1Contact);
  });

  it('from a card (button only, back to the list); out of scope is the 404 page, nothing written', async () => {
    const fresh = (
      await ok(
        app.request('POST', '/v1/projects', {
          body: projectBody({ title: 'PTITLE-CARD 卡片项目', centerId: w.cA, founderIds: [w.fA2], status: 'vetted' }),
        }),
        201,
      )
    ).id as string;
    await investor.get('/app/discover');
    const res = await investor.post(`/app/discover/${fresh}/ask`, { from: 'list' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/app/discover?done=asked#p-${fresh}`);
    expect(visibleText((await investor.get(res.location!)).html)).toContain('已发出对接请求');
    // (pAs was vetted by the to-do test above; pBd is a draft, pLater back in review)
    for (const id of [w.pBd, pLater, '01900000-0000-7000-8000-000000000000', 'nope']) {
      const r = await investor.post(`/app/discover/${id}/ask`, {});
      expect(r.status, id).toBe(404);
      expectClean(r.html, `ask ${id}`);
    }
    const mine = (await ok(app.request('GET', `/v1/introductions?targetId=${w.i1}&limit=200`))).items;
    expect(
      mine
        .filter((x: any) => x.initiator === 'target')
        .map((x: any) => x.projectId)
        .sort(),
    ).toEqual([w.pBv, fresh].sort());
  });
});
