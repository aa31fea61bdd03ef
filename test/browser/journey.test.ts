// The whole journey across two people in real Chromium: invitation → password → sign out and in → the
// founder requests an introduction from a match → the mentor (invited in turn) sees it on the home page,
// opens the inbox and accepts → the founder sees the mentor's contact; the language switch to bo and
// en. Run twice, the founder on a phone and the mentor on a desktop and the other way round.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { M, buildWorld, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, type Person } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Barley-field-at-dawn-7';

async function takeInvitation(person: Person, url: string) {
  await person.goto(url);
  await person.page.fill('input[name=password]', PASSWORD);
  await person.page.fill('input[name=password2]', PASSWORD);
  await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('main button[type=submit]')]);
}

async function signOutAndIn(page: Page, login: string) {
  await Promise.all([page.waitForURL(/\/app\/login/), page.click('footer button[type=submit]')]);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);
}

describeBrowser('founder and mentor in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let w: World;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    w = await buildWorld(server.app);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [founderView, mentorView] of [
    ['phone', 'desktop'],
    ['desktop', 'phone'],
  ] as const) {
    it(`founder on ${founderView}, mentor on ${mentorView}`, async () => {
      // The founder: invitation, password, then a real sign-in.
      const founderLogin = `journey-founder-${founderView}`;
      const founderInvite = await inviteAccount(server.app, {
        login: founderLogin,
        role: 'founder',
        subjectId: founderView === 'phone' ? w.fA1 : w.fA2,
        displayName: founderLogin,
      });
      const founder = await newPerson(browser, server.baseUrl, founderView);
      await takeInvitation(founder, founderInvite.url);
      await signOutAndIn(founder.page, founderLogin);
      await checkPage(founder.page, `journey-${founderView}-founder-home`);

      // From home by links: my projects → the vetted project → its mentor matches → request.
      const fp = founder.page;
      await Promise.all([fp.waitForURL(/\/app\/projects$/), fp.click('nav.nav a[href="/app/projects"]')]);
      await Promise.all([fp.waitForURL(/\/app\/projects\/[0-9a-f-]+$/), fp.click(`a[href="/app/projects/${w.pAv}"]`)]);
      await Promise.all([
        fp.waitForURL(/matches\/mentors/),
        fp.click(`a[href="/app/projects/${w.pAv}/matches/mentors"]`),
      ]);
      const card = fp.locator('li.card', { has: fp.locator('input[name=targetId]') }).first();
      const mentorId = (await card.locator('input[name=targetId]').getAttribute('value'))!;
      expect(mentorId).toMatch(/^[0-9a-f-]{36}$/);
      await card.locator('textarea[name=message]').fill(`请指导认证 ${founderView}`);
      await Promise.all([fp.waitForURL(/done=requested/), card.locator('button[type=submit]').click()]);
      await checkPage(fp, `journey-${founderView}-founder-requested`);

      // The mentor of that match: invited, signs in, sees the request waiting on the home page.
      const mentorLogin = `journey-mentor-${founderView}`;
      const mentorInvite = await inviteAccount(server.app, {
        login: mentorLogin,
        role: 'mentor',
        subjectId: mentorId,
        displayName: mentorLogin,
      });
      const mentor = await newPerson(browser, server.baseUrl, mentorView);
      await takeInvitation(mentor, mentorInvite.url);
      const mp = mentor.page;
      await checkPage(mp, `journey-${mentorView}-mentor-home`);
      await Promise.all([mp.waitForURL(/\/app\/inbox/), mp.click('ul.todo a[href^="/app/inbox"]')]);
      await checkPage(mp, `journey-${mentorView}-mentor-inbox`);
      const item = mp.locator('li', { hasText: `请指导认证 ${founderView}` }).first();
      await Promise.all([mp.waitForURL(/done=accepted/), item.locator('form[action$="/accept"] button').click()]);
      await checkPage(mp, `journey-${mentorView}-mentor-accepted`);

      // The founder reads the mentor's contact on its introductions page.
      await Promise.all([fp.waitForURL(/\/app\/introductions/), fp.click('nav.nav a[href="/app/introductions"]')]);
      const contact = mentorId === w.m1 ? M.m1Contact : M.m2Contact;
      await expect.poll(() => fp.locator('main').textContent()).toContain(contact);
      await checkPage(fp, `journey-${founderView}-founder-contact`);

      // The language switch: Tibetan, then English, remembered from page to page.
      await fp.click('nav.langs a[hreflang="bo"]');
      await fp.waitForFunction(() => document.documentElement.lang === 'bo');
      await checkPage(fp, `journey-${founderView}-founder-contact-bo`);
      await fp.click('nav.nav a[href="/app"]');
      await fp.waitForFunction(() => document.documentElement.lang === 'bo');
      await fp.click('nav.langs a[hreflang="en"]');
      await fp.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await fp.locator('main').textContent()).toMatch(/Hello/);

      expectNoErrors(founder);
      expectNoErrors(mentor);
      await founder.close();
      await mentor.close();
    });
  }
});
