// Account pages in Chromium: an admin invites a founder from the console (the link is shown once), the
// founder takes it up; my account (language, API keys) for both. Phone and desktop, axe-clean.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorld, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Prayer-flags-in-wind-9';

describeBrowser('account pages in Chromium', () => {
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
    it(`an admin invites a founder at ${viewport} size`, async () => {
      const adminInvite = await inviteAccount(server.app, { login: `admin-${viewport}`, role: 'admin' });
      const admin = await newPerson(browser, server.baseUrl, viewport);
      const page = admin.page;
      await admin.goto(adminInvite.url);
      await page.fill('input[name=password]', PASSWORD);
      await page.fill('input[name=password2]', PASSWORD);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);

      await Promise.all([page.waitForURL(/\/app\/accounts$/), page.click('nav.nav a[href="/app/accounts"]')]);
      await checkPage(page, `accounts-${viewport}`);
      // A bad form first: errors in place.
      await page.fill('input[name=login]', 'x');
      await page.click('form[action="/app/accounts"] button[type=submit]');
      await page.waitForSelector('.field-error');
      await checkPage(page, `accounts-${viewport}-invalid`);
      await page.fill('input[name=login]', `founder-${viewport}@example.org`);
      await page.selectOption('select[name=role]', 'founder');
      await page.fill('input[name=subjectId]', viewport === 'phone' ? w.fA1 : w.fA2);
      await page.selectOption('select[name=lang]', 'bo');
      await page.click('form[action="/app/accounts"] button[type=submit]');
      const link = (await page.locator('code.secret').textContent()) ?? '';
      expect(link).toMatch(/\/app\/invite\/[\w-]{43}$/);
      await checkPage(page, `accounts-${viewport}-invited`);

      // The founder takes it up in Tibetan, then visits my account.
      const founder = await newPerson(browser, server.baseUrl, viewport);
      await founder.goto(new URL(link).pathname);
      expect(await founder.page.getAttribute('html', 'lang')).toBe('bo');
      await founder.page.fill('input[name=password]', PASSWORD);
      await founder.page.fill('input[name=password2]', PASSWORD);
      await Promise.all([founder.page.waitForURL(/\/app\/?(\?.*)?$/), founder.page.click('main button[type=submit]')]);
      await Promise.all([
        founder.page.waitForURL(/\/app\/account$/),
        founder.page.click('nav.nav a[href="/app/account"]'),
      ]);
      await checkPage(founder.page, `account-${viewport}-bo`);
      await founder.page.selectOption('select[name=lang]', 'en');
      await Promise.all([
        founder.page.waitForURL(/done=language/),
        founder.page.click('main form button[type=submit]'),
      ]);
      expect(await founder.page.getAttribute('html', 'lang')).toBe('en');
      await checkPage(founder.page, `account-${viewport}-en`);

      expectNoErrors(admin);
      expectNoErrors(founder);
      await admin.close();
      await founder.close();
    });
  }
});
