// The trends page in Chromium, zh/en/bo at phone and desktop size: the server-drawn chart and its
// table (opened), axe-clean, no horizontal scrolling, nothing off the origin, a screenshot each.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backfill } from '../../src/statistics/backfill.ts';
import { addDays, todayInShanghai } from '../../src/statistics/days.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';

describeBrowser('statistics trends in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const today = todayInShanghai();
    // Centers that open and close over the last two months, snapshotted day by day (40 days of 90).
    const post = (body: object) => server.app.request('POST', '/v1/centers', { body });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post({
        name: `趋势中心 ${i}`,
        regionCode: i % 2 ? '540102' : '540202',
        kind: 'incubator',
        statusSince: addDays(today, -55 + i * 8),
      });
      ids.push(res.body.id);
    }
    await server.app.request('PATCH', `/v1/centers/${ids[0]}`, {
      body: { status: 'suspended', statusSince: addDays(today, -20) },
    });
    await backfill(server.app.db, { from: addDays(today, -60), to: addDays(today, -1) });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`the trends page in zh, en and bo at ${viewport} size`, async () => {
      const person = await newPerson(browser, server.baseUrl, viewport);
      const { page } = person;
      const invited = await inviteAccount(server.app, { login: `trends-${viewport}`, role: 'admin' });
      await person.goto(invited.url);
      await page.fill('input[name=password]', PASSWORD);
      await page.fill('input[name=password2]', PASSWORD);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);

      await person.goto('/app/statistics');
      expect(page.url()).toContain('/app/statistics/coverage');
      await Promise.all([
        page.waitForURL(/\/app\/statistics\/trends/),
        page.click('nav.tabs a[href="/app/statistics/trends"]'),
      ]);
      await page.selectOption('select[name=metric]', 'registry.centersOperating');
      await page.selectOption('select[name=range]', '90');
      await Promise.all([page.waitForURL(/range=90/), page.click('form.trends-form button[type=submit]')]);
      expect(await page.locator('svg.trend-chart title').textContent()).toBe('运营中的双创中心 · 西藏自治区');
      expect(await page.locator('svg.trend-chart polyline').count()).toBeGreaterThan(0);
      await page.click('details.trends-table summary');
      expect(await page.locator('details.trends-table tbody tr').count()).toBe(90);
      await checkPage(page, `stats-trends-zh-${viewport}`);

      for (const lang of ['en', 'bo'] as const) {
        await person.goto(
          `/app/statistics/trends?metric=registry.centersOperating&regionCode=540100&range=90&lang=${lang}`,
        );
        expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'bo');
        await checkPage(page, `stats-trends-${lang}-${viewport}`);
      }
      expectNoErrors(person);
      await person.close();
    });
  }
});
