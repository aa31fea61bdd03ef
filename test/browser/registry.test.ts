// The registry in Chromium at phone and desktop size: a staff member signs in, searches the founders
// (Tibetan text), opens one, edits it with an error first, then registers a project for it. Every page
// axe-clean, no horizontal scrolling, no console error, nothing off the origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { M, buildWorld, founderBody, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';
const TIBETAN_NAME = 'བསོད་ནམས་རྡོ་རྗེ། 索朗多吉';

describeBrowser('the registry in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let w: World;
  let tibetan: string;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    w = await buildWorld(server.app);
    const res = await server.app.request('POST', '/v1/founders', {
      body: { ...founderBody(TIBETAN_NAME, 'wx-tib', w.cA), groups: ['farmer_herder'], regionCode: '540202' },
    });
    tibetan = res.body.id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`a staff member works the registry at ${viewport} size`, async () => {
      const invited = await inviteAccount(server.app, {
        login: `registry-${viewport}`,
        role: 'center_staff',
        centerId: w.cA,
        displayName: `登记员 ${viewport}`,
      });
      const person = await newPerson(browser, server.baseUrl, viewport);
      const { page } = person;
      await person.goto(invited.url);
      await page.fill('input[name=password]', PASSWORD);
      await page.fill('input[name=password2]', PASSWORD);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);

      // The overview, then the founders: search in Tibetan.
      await Promise.all([page.waitForURL(/\/app\/registry$/), page.click('nav.nav a[href="/app/registry"]')]);
      await checkPage(page, `registry-${viewport}-overview`);
      await Promise.all([
        page.waitForURL(/\/app\/registry\/founders$/),
        page.click('main a[href="/app/registry/founders"]'),
      ]);
      await checkPage(page, `registry-${viewport}-founders`);
      await page.fill('input[name=q]', 'བསོད་ནམས');
      await Promise.all([page.waitForURL(/q=/), page.click('main form[method=get] button[type=submit]')]);
      expect(await page.textContent('main')).toContain('共 1 位创业者');
      await checkPage(page, `registry-${viewport}-search`);

      // Open the founder, edit it: a bad value first, then a good one.
      await Promise.all([
        page.waitForURL(new RegExp(`/app/registry/founders/${tibetan}$`)),
        page.click(`main a[href="/app/registry/founders/${tibetan}"]`),
      ]);
      await checkPage(page, `registry-${viewport}-founder`);
      await page.click(`a[href="/app/registry/founders/${tibetan}/edit"]`);
      await page.waitForURL(/\/edit$/);
      await checkPage(page, `registry-${viewport}-founder-edit`);
      await page.fill('input[name=name]', ' ');
      await page.fill('input[name="contact.email"]', 'not-an-email');
      await page.click('main form button[type=submit]');
      await page.waitForSelector('.field-error');
      await checkPage(page, `registry-${viewport}-founder-invalid`);
      await page.fill('input[name=name]', `${TIBETAN_NAME} ${viewport}`);
      await page.fill('input[name="contact.email"]', `sonam-${viewport}@example.org`);
      await page.check('input[name=groups][value=ich_inheritor]');
      await Promise.all([page.waitForURL(/done=saved/), page.click('main form button[type=submit]')]);
      expect(await page.textContent('main')).toContain(`sonam-${viewport}@example.org`);
      await checkPage(page, `registry-${viewport}-founder-saved`);

      // A project for this founder, from its page: a bad form first.
      await page.click(`a[href="/app/registry/projects/new?founderId=${tibetan}"]`);
      await page.waitForURL(/\/app\/registry\/projects\/new/);
      await page.fill('input[name=title]', `ཐང་ཀ། 唐卡工作室 ${viewport}`);
      await page.click('main form button[type=submit]');
      await page.waitForSelector('.field-error');
      await checkPage(page, `registry-${viewport}-project-invalid`);
      await page.fill('textarea[name=description]', '传统唐卡绘制与线上销售，需要电商与知识产权帮助。');
      await page.selectOption('select[name=sector]', 'culture_tourism');
      await page.selectOption('select[name=stage]', 'early_revenue');
      await page.selectOption('select[name=regionCode]', '540202');
      await page.check('input[name=needs][value=ecommerce]');
      await Promise.all([page.waitForURL(/done=created/), page.click('main form button[type=submit]')]);
      expect(await page.textContent('main')).toContain(TIBETAN_NAME);
      await checkPage(page, `registry-${viewport}-project-created`);

      // The other lists, and one in Tibetan and English.
      for (const list of ['projects', 'mentors', 'investors', 'services'] as const) {
        await person.goto(`/app/registry/${list}`);
        await checkPage(page, `registry-${viewport}-${list}`);
      }
      await person.goto(`/app/registry/projects/${w.pAv}?lang=bo`);
      await checkPage(page, `registry-${viewport}-project-bo`);
      await person.goto('/app/registry/founders?lang=en&group=graduate');
      await checkPage(page, `registry-${viewport}-founders-en`);
      // Another center's founder by URL: the 404 page.
      await person.goto(`/app/registry/founders/${w.fB1}?lang=zh`, { status: 404 });
      expect(await page.content()).not.toContain(M.fB1Name);
      expectNoErrors(person);
      await person.close();
    }, 120_000);
  }
});
