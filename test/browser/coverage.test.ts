// The coverage and graduates pages in Chromium: an admin at phone and desktop size, in zh, en and bo,
// axe-clean, no horizontal scroll (checkPage), the map drawn and the filters working without JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inviteAccount } from '../console/accounts.ts';
import { buildWorld } from '../statistics/coverage-world.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Prayer-flags-in-wind-9';

describeBrowser('the coverage dashboard in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    await buildWorld(server.app.db, 11);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`an admin reads coverage and graduates at ${viewport} size in zh, en and bo`, async () => {
      const invite = await inviteAccount(server.app, { login: `stats-${viewport}`, role: 'admin' });
      const admin = await newPerson(browser, server.baseUrl, viewport);
      const page = admin.page;
      await admin.goto(invite.url);
      await page.fill('input[name=password]', PASSWORD);
      await page.fill('input[name=password2]', PASSWORD);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);

      await admin.goto('/app/statistics');
      expect(new URL(page.url()).pathname).toBe('/app/statistics/coverage');
      expect(await page.locator('svg.cov-grid:visible .cov-tile').count()).toBe(7);
      await checkPage(page, `coverage-${viewport}-zh`);
      // Drill into a prefecture's counties with the filter form (a plain GET form).
      await page.selectOption('select[name=level]', 'county');
      await page.selectOption('select[name=regionCode]', '540200');
      await Promise.all([
        page.waitForURL(/level=county/),
        page.click('form[action="/app/statistics/coverage"] button'),
      ]);
      expect(await page.locator('svg.cov-grid:visible .cov-tile').count()).toBeGreaterThan(10);
      await checkPage(page, `coverage-${viewport}-counties-zh`);
      await admin.goto('/app/statistics/coverage?lang=en');
      await checkPage(page, `coverage-${viewport}-en`);
      await admin.goto('/app/statistics/coverage?lang=bo');
      expect(await page.getAttribute('html', 'lang')).toBe('bo');
      await checkPage(page, `coverage-${viewport}-bo`);
      await admin.goto('/app/statistics/graduates?lang=zh');
      expect(await page.locator('main table').count()).toBe(2);
      await checkPage(page, `graduates-${viewport}-zh`);
      await admin.goto('/app/statistics/graduates?lang=bo');
      await checkPage(page, `graduates-${viewport}-bo`);
      expectNoErrors(admin);
      await admin.close();
    }, 120_000);
  }
});
