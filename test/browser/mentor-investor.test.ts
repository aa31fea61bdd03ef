// The mentor's and investor's journeys in Chromium at phone and desktop size: a mentor takes up an
// invitation, opens the inbox, accepts an introduction and reads the founder's contact, is told in
// place why a decline needs a reason; an investor browses the projects that fit, opens one (with the
// form to ask for an introduction), never meets an unvetted or confidential project, edits the
// profile, reads the pages in Tibetan; an investor asks to meet a project and its founder accepts.
// Every page: axe, no horizontal scroll, screenshot.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorld, M, ok, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import {
  checkPage,
  describeBrowser,
  expectNoErrors,
  launchBrowser,
  newPerson,
  type Person,
  VIEWPORTS,
  type ViewportName,
} from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

let server: ConsoleServer;
let browser: Browser;
let w: World;
const intros: Record<ViewportName, { accept: string; decline: string }> = {} as never;
/** Per viewport: a vetted project an investor asks to meet. */
const askProjects: Record<ViewportName, string> = {} as never;
const SECRET = [M.pAvConf, M.pAsConf, M.pBvConf, M.pBdConf, M.pAsTitle, M.pBdTitle, 'trialSalesCny'];

async function signInByInvitation(person: Person, a: Parameters<typeof inviteAccount>[1]) {
  const invited = await inviteAccount(server.app, a);
  await person.goto(invited.url);
  await person.page.fill('input[name=password]', 'Yak-butter-tea-42');
  await person.page.fill('input[name=password2]', 'Yak-butter-tea-42');
  await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('button[type=submit]')]);
}

async function expectNoSecret(person: Person) {
  const html = await person.page.content();
  for (const s of SECRET) expect(html, `${person.page.url()} shows ${s}`).not.toContain(s);
}

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  w = await buildWorld(server.app);
  await ok(server.app.request('PATCH', `/v1/founders/${w.fA1}`, { body: { consent: { shareContact: true } } }));
  const request = (projectId: string, message?: string) =>
    ok(
      server.app.request('POST', '/v1/introductions', {
        key: w.keys.founderA1,
        body: { projectId, targetKind: 'mentor', targetId: w.m1, message },
      }),
      201,
    ).then((b) => b.id as string);
  // One project per introduction: a (project, mentor) pair takes one open introduction.
  const project = async (title: string) =>
    (
      await ok(
        server.app.request('POST', '/v1/projects', {
          body: {
            title,
            description: '以牦牛绒为原料的手工围巾，需要品牌设计、电商渠道和认证检测方面的辅导。',
            sector: 'plateau_biology',
            stage: 'prototype',
            regionCode: '540102',
            centerId: w.cA,
            founderIds: [w.fA1],
            needs: ['marketing', 'ecommerce', 'certification'],
            fundingNeedCny: 150000,
            languages: ['zh', 'bo'],
          },
        }),
        201,
      )
    ).id as string;
  for (const vp of Object.keys(VIEWPORTS) as ViewportName[]) {
    intros[vp] = {
      accept: await request(await project(`牦牛绒围巾 ${vp}`), '您好！我们想请您指导产品的认证检测和线上销售。'),
      decline: await request(await project(`藏香作坊 ${vp}`)),
    };
    const p = await project(`青稞酒坊 ${vp}`);
    await ok(server.app.request('PATCH', `/v1/projects/${p}`, { body: { status: 'vetted' } }));
    askProjects[vp] = p;
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeBrowser('mentor and investor in Chromium', () => {
  for (const vp of Object.keys(VIEWPORTS) as ViewportName[]) {
    it(`a mentor accepts an introduction and reads the founder's contact (${vp})`, async () => {
      const person = await newPerson(browser, server.baseUrl, vp);
      try {
        await signInByInvitation(person, {
          login: `mentor-${vp}`,
          role: 'mentor',
          subjectId: w.m1,
          displayName: '次仁 老师',
        });
        await checkPage(person.page, `mentor-home`);
        await Promise.all([
          person.page.waitForURL(/\/app\/inbox$/),
          person.page.click('a[href="/app/inbox"] >> nth=0'),
        ]);
        await checkPage(person.page, `mentor-inbox`);
        await expectNoSecret(person);

        // Decline without a reason: the error next to the field, nothing changed.
        await person.goto(`/app/inbox/${intros[vp].decline}`);
        await checkPage(person.page, `mentor-introduction`);
        await person.page.click('#decline button[type=submit]');
        await person.page.waitForSelector('#f-reason-error');
        await checkPage(person.page, `mentor-decline-error`);

        await person.goto(`/app/inbox/${intros[vp].accept}`);
        await Promise.all([
          person.page.waitForURL(/done=accepted/),
          person.page.click('form[action$="/accept"] button[type=submit]'),
        ]);
        const text = await person.page.textContent('main');
        expect(text).toContain('您已接受这个对接');
        expect(text).toContain(M.fA1Contact);
        await checkPage(person.page, `mentor-accepted`);

        await person.goto('/app/introduced');
        await checkPage(person.page, `mentor-introduced`);
        await person.goto('/app/profile');
        await checkPage(person.page, `mentor-profile`);
        await person.goto('/app/inbox?lang=bo');
        await checkPage(person.page, `mentor-inbox-bo`);
        await expectNoSecret(person);
        expectNoErrors(person);
      } finally {
        await person.close();
      }
    }, 120_000);

    it(`an investor browses the fitting projects, never an unvetted or confidential one (${vp})`, async () => {
      const person = await newPerson(browser, server.baseUrl, vp);
      try {
        await signInByInvitation(person, { login: `investor-${vp}`, role: 'investor', subjectId: w.i1 });
        await Promise.all([
          person.page.waitForURL(/\/app\/discover$/),
          person.page.click('a[href="/app/discover"] >> nth=0'),
        ]);
        const list = await person.page.textContent('main');
        expect(list).toContain(M.pAvTitle);
        expect(list).toContain(M.pBvTitle);
        await expectNoSecret(person);
        await checkPage(person.page, `investor-discover`);

        await Promise.all([
          person.page.waitForURL(new RegExp(`/app/discover/${w.pBv}$`)),
          person.page.click(`a[href="/app/discover/${w.pBv}"]`),
        ]);
        // The page offers to ask the founders for an introduction (one form).
        expect(await person.page.textContent('main')).toContain('您可以请求与这个项目的创业者对接');
        expect(await person.page.locator('main form[method=post]').count()).toBe(1);
        await expectNoSecret(person);
        await checkPage(person.page, `investor-project`);

        // An unvetted project by URL: the 404 page, nothing of it shown.
        await person.goto(`/app/discover/${w.pAs}`, { status: 404 });
        await expectNoSecret(person);
        await checkPage(person.page, `investor-404`);

        await person.goto('/app/inbox');
        await checkPage(person.page, `investor-inbox`);
        await person.goto('/app/profile');
        await checkPage(person.page, `investor-profile`);
        await person.goto('/app/discover?lang=bo');
        await expectNoSecret(person);
        await checkPage(person.page, `investor-discover-bo`);
        await person.goto('/app/discover?lang=en');
        await checkPage(person.page, `investor-discover-en`);
        expectNoErrors(person);
      } finally {
        await person.close();
      }
    }, 120_000);

    it(`an investor asks to meet a project; its founder accepts (${vp})`, async () => {
      const investor = await newPerson(browser, server.baseUrl, vp);
      const founder = await newPerson(browser, server.baseUrl, vp);
      const p = askProjects[vp];
      try {
        await signInByInvitation(investor, { login: `asker-${vp}`, role: 'investor', subjectId: w.i2 });
        await investor.goto(`/app/discover/${p}`);
        await investor.page.fill('textarea[name=message]', '您好，我们关注青稞产业，想了解你们的融资计划。');
        await Promise.all([
          investor.page.waitForURL(/done=asked/),
          investor.page.click(`form[action="/app/discover/${p}/ask"] button[type=submit]`),
        ]);
        const asked = await investor.page.textContent('main');
        expect(asked).toContain('已发出对接请求');
        expect(asked).toContain('您已请求，等待创业者回复');
        expect(await investor.page.locator(`form[action="/app/discover/${p}/ask"]`).count()).toBe(0);
        await checkPage(investor.page, `investor-asked`);
        await investor.goto('/app/inbox');
        expect(await investor.page.textContent('main')).toContain('等待创业者回复');
        expect(await investor.page.locator('form[action$="/accept"]').count()).toBe(0);
        await checkPage(investor.page, `investor-inbox-asked`);

        await signInByInvitation(founder, { login: `asked-founder-${vp}`, role: 'founder', subjectId: w.fA1 });
        expect(await founder.page.textContent('main')).toContain('位投资人想与您见面');
        await checkPage(founder.page, `founder-home-asked`);
        await Promise.all([
          founder.page.waitForURL(/\/app\/introductions$/),
          founder.page.click('main a[href="/app/introductions"] >> nth=0'),
        ]);
        expect(await founder.page.textContent('main')).toContain(`投资人二 INVESTOR-2 想就“青稞酒坊 ${vp}”与您见面`);
        await checkPage(founder.page, `founder-introductions-asked`);
        await Promise.all([
          founder.page.waitForURL(/done=accepted/),
          founder.page.click('main form[action$="/accept"] button[type=submit]'),
        ]);
        const accepted = await founder.page.textContent('main');
        expect(accepted).toContain('您已接受');
        expect(accepted).toContain(M.i2Contact);
        await checkPage(founder.page, `founder-introductions-accepted`);

        await investor.goto(`/app/discover/${p}`);
        expect(await investor.page.textContent('main')).toContain('对接已接受');
        await checkPage(investor.page, `investor-ask-accepted`);
        await investor.goto('/app/inbox?lang=bo');
        await checkPage(investor.page, `investor-inbox-asked-bo`);
        expectNoErrors(investor);
        expectNoErrors(founder);
      } finally {
        await investor.close();
        await founder.close();
      }
    }, 120_000);
  }
});
