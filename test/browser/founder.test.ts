// The founder's journey in real Chromium at phone and desktop size: sign in, create and submit a project,
// see its mentor matches, request an introduction, the mentor accepts (API), the contact shows; invitations
// and my data. Every page axe-clean, no horizontal scrolling, no console error, nothing off the origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { M, buildWorld, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, pageWeight } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

describeBrowser('the founder console in Chromium', () => {
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

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`the founder journey at ${viewport} size`, async () => {
      const founder = viewport === 'phone' ? w.fA1 : w.fA2;
      const login = `founder-${viewport}`;
      const password = 'Yak-butter-tea-42';
      const invited = await inviteAccount(server.app, {
        login,
        role: 'founder',
        subjectId: founder,
        displayName: login,
      });
      const person = await newPerson(browser, server.baseUrl, viewport);
      const { page } = person;
      await person.goto(invited.url);
      await page.fill('input[name=password]', password);
      await page.fill('input[name=password2]', password);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('button[type=submit]')]);
      await checkPage(page, `founder-${viewport}-home`);

      // My projects → new project: a bad form first, then a good one.
      await page.click('nav.nav a[href="/app/projects"]');
      await page.waitForURL(/\/app\/projects$/);
      await checkPage(page, `founder-${viewport}-projects`);
      await page.click('a[href="/app/projects/new"]');
      await page.fill('input[name=title]', `酥油茶 BUTTER-TEA ${viewport}`);
      await page.fill('textarea[name=description]', '高原酥油茶的标准化生产与电商销售，需要食品认证与市场推广。');
      await page.click('button[type=submit]');
      await page.waitForSelector('.field-error');
      await checkPage(page, `founder-${viewport}-project-invalid`);
      await page.selectOption('select[name=sector]', 'plateau_biology');
      await page.selectOption('select[name=stage]', 'prototype');
      await page.selectOption('select[name=regionCode]', '540102');
      await page.selectOption('select[name=centerId]', w.cA);
      await page.check('input[name=needs][value=certification]');
      await page.check('input[name=needs][value=marketing]');
      await Promise.all([page.waitForURL(/done=created/), page.click('button[type=submit]')]);
      await checkPage(page, `founder-${viewport}-project-created`);
      await Promise.all([page.waitForURL(/done=submitted/), page.click('form[action$="/submit"] button')]);
      await checkPage(page, `founder-${viewport}-project-submitted`);
      await page.click('a[href$="/edit"]');
      await checkPage(page, `founder-${viewport}-project-edit`);

      // The vetted project's mentor matches: request an introduction from the best match.
      await person.goto(`/app/projects/${w.pAv}`);
      await page.click(`a[href="/app/projects/${w.pAv}/matches/mentors"]`);
      await checkPage(page, `founder-${viewport}-matches-mentors`);
      const weight = await pageWeight(page);
      expect(weight.total).toBeLessThan(200_000);
      const card = page.locator('li.card', { has: page.locator('input[name=targetId]') }).first();
      const mentorId = await card.locator('input[name=targetId]').getAttribute('value');
      await card.locator('textarea[name=message]').fill('想请您指导认证检测');
      await Promise.all([page.waitForURL(/done=requested/), card.locator('button[type=submit]').click()]);
      await checkPage(page, `founder-${viewport}-requested`);
      for (const j of ['investors', 'trainings', 'services'] as const) {
        await person.goto(`/app/projects/${w.pAv}/matches/${j}`);
        await checkPage(page, `founder-${viewport}-matches-${j}`);
      }

      // The mentor accepts through the API; the founder sees the contact.
      const intro = (
        await server.app.request('GET', `/v1/introductions?projectId=${w.pAv}&targetId=${mentorId}&status=requested`)
      ).body.items[0];
      const mentorKey = await server.app.keyFor('mentor', { subjectId: mentorId! });
      const accepted = await server.app.request('POST', `/v1/introductions/${intro.id}/accept`, {
        key: mentorKey,
        body: {},
      });
      expect(accepted.status, accepted.text).toBe(200);
      await page.click('nav.nav a[href="/app/introductions"]');
      await checkPage(page, `founder-${viewport}-introductions`);
      const contact = mentorId === w.m1 ? M.m1Contact : M.m2Contact;
      expect(await page.textContent('main')).toContain(contact);

      await page.click('nav.nav a[href="/app/invitations"]');
      await checkPage(page, `founder-${viewport}-invitations`);
      await page.click('nav.nav a[href="/app/my-data"]');
      await checkPage(page, `founder-${viewport}-my-data`);
      for (const lang of ['bo', 'en'] as const) {
        await person.goto(`/app/my-data?lang=${lang}`);
        await checkPage(page, `founder-${viewport}-my-data-${lang}`);
        await person.goto(`/app/projects/${w.pAv}/matches/mentors?lang=${lang}`);
        await checkPage(page, `founder-${viewport}-matches-${lang}`);
      }
      await person.goto('/app/my-data/erase?lang=zh');
      await checkPage(page, `founder-${viewport}-erase-confirm`);
      // Another center's project by URL: the 404 page, clean too.
      await person.goto(`/app/projects/${w.pBv}`, { status: 404 });
      expect(await page.content()).not.toContain(M.pBvTitle);
      await checkPage(page, `founder-${viewport}-not-found`);
      expectNoErrors(person);
      await person.close();
    }, 120_000);
  }
});
