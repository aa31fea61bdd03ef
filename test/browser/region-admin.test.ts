// A region_admin's console and the targets tab in Chromium (issue 22): the admin fills targets, a
// region_admin of Lhasa reads its home and its region's targets. Phone and desktop, axe-clean.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Barley-fields-at-dawn-7';

describeBrowser('region_admin console and targets in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const activate = async (url: string, viewport: 'phone' | 'desktop') => {
    const person = await newPerson(browser, server.baseUrl, viewport);
    await person.goto(url);
    await person.page.fill('input[name=password]', PASSWORD);
    await person.page.fill('input[name=password2]', PASSWORD);
    await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('main button[type=submit]')]);
    return person;
  };

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`admin edits targets, region_admin reads them, at ${viewport} size`, async () => {
      const admin = await activate(
        (await inviteAccount(server.app, { login: `admin-${viewport}`, role: 'admin' })).url,
        viewport,
      );
      await admin.goto('/app/statistics/targets');
      await checkPage(admin.page, `targets-admin-${viewport}`);
      // An error keeps what was typed.
      await admin.page.fill('input[name=pf_540100]', '3000');
      await admin.page.fill('input[name=pf_540102]', 'many');
      await admin.page.click('main form[method=post] button[type=submit]');
      await admin.page.waitForSelector('#rt-e-pf_540102');
      expect(await admin.page.inputValue('input[name=pf_540100]')).toBe('3000');
      await checkPage(admin.page, `targets-admin-${viewport}-invalid`);
      await admin.page.fill('input[name=pf_540102]', '400');
      await admin.page.fill('input[name=c_540102]', '2');
      await Promise.all([
        admin.page.waitForURL(/saved=1/),
        admin.page.click('main form[method=post] button[type=submit]'),
      ]);
      expect(await admin.page.inputValue('input[name=pf_540102]')).toBe('400');
      expectNoErrors(admin);

      const region = await activate(
        (
          await inviteAccount(server.app, {
            login: `lhasa-${viewport}`,
            role: 'region_admin',
            regionCode: '540100',
            displayName: '拉萨统计',
          })
        ).url,
        viewport,
      );
      await checkPage(region.page, `region-admin-home-${viewport}`);
      expect(await region.page.textContent('main')).toContain('拉萨市');
      const navLinks = await region.page
        .locator('nav.nav a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(navLinks).toEqual(expect.arrayContaining(['/app/statistics', '/app/account']));
      expect(navLinks).not.toContain('/app/registry');
      // The home page's link opens the statistics at their first tab (coverage); the targets are a tab.
      await Promise.all([
        region.page.waitForURL(/\/app\/statistics\/coverage/),
        region.page.click('main a[href="/app/statistics"]'),
      ]);
      await Promise.all([
        region.page.waitForURL(/\/app\/statistics\/targets/),
        region.page.click('nav.tabs a[href="/app/statistics/targets"]'),
      ]);
      const text = (await region.page.textContent('main')) ?? '';
      expect(text).toContain('3,000');
      expect(text).toContain('城关区');
      expect(text).not.toContain('日喀则');
      expect(await region.page.locator('main input[name^=pf_]').count()).toBe(0);
      await checkPage(region.page, `targets-region-admin-${viewport}`);
      await region.goto('/app/statistics/targets?lang=bo');
      await checkPage(region.page, `targets-region-admin-${viewport}-bo`);
      expectNoErrors(region);
    }, 120_000);
  }
});
