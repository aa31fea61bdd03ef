// The mentor's and investor's journeys in Chromium at phone and desktop size: a mentor takes up an
// invitation, opens the inbox, accepts an introduction and reads the founder's contact, is told in
// place why a decline needs a reason; an investor browses the projects that fit, opens one (and is
// told how introductions come about), never meets an unvetted or confidential project, edits the
// profile, reads the pages in Tibetan. Every page: axe, no horizontal scroll, screenshot.
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
        // No power to request: the page says how introductions come about, and names the center.
        expect(await person.page.textContent('main')).toContain('对接由项目的创业者或其所在的双创中心发起');
        expect(await person.page.locator('main form[method=post]').count()).toBe(0);
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
  }
});
