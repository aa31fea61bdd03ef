// The funnels and the center scorecard in Chromium at phone and desktop size, in zh, en and bo: an
// admin reads the funnels (SVG + table) and the scorecard of a seeded world, sets an indicator's target
// and sees the score; a bad period is a notice in place (422); center staff read their own center.
// Every page axe-clean, no horizontal scrolling, no console error; screenshots for a look.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inviteAccount } from '../console/accounts.ts';
import { buildStatsWorld, type StatsWorld } from '../statistics/world.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, type Person } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';

describeBrowser('funnels and scorecard, in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let w: StatsWorld;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    w = await buildStatsWorld(server.app, 5, 14);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const person = async (v: 'phone' | 'desktop', login: string, role: string, centerId?: string) => {
    const p = await newPerson(browser, server.baseUrl, v);
    await p.goto((await inviteAccount(server.app, { login, role, ...(centerId ? { centerId } : {}) })).url);
    await p.page.fill('input[name=password]', PASSWORD);
    await p.page.fill('input[name=password2]', PASSWORD);
    await Promise.all([p.page.waitForURL(/\/app\/?(\?.*)?$/), p.page.click('main button[type=submit]')]);
    return p;
  };

  for (const v of ['phone', 'desktop'] as const) {
    it(`an admin reads funnels and the scorecard, sets a target (${v})`, async () => {
      const admin: Person = await person(v, `stats-admin-${v}`, 'admin');
      const { page } = admin;
      for (const lang of ['zh', 'en', 'bo'] as const) {
        await admin.goto(`/app/statistics/funnels?lang=${lang}`);
        expect(await page.locator('svg.funnel-chart').count()).toBe(4);
        expect(await page.locator('svg.funnel-chart title').first().textContent()).toBeTruthy();
        await checkPage(page, `funnels-${lang}-${v}`);
        await admin.goto(`/app/statistics/scorecard?lang=${lang}&period=${w.year}`);
        expect(await page.locator('table.scorecard tbody tr').count()).toBeGreaterThanOrEqual(w.centers.length);
        await checkPage(page, `scorecard-${lang}-${v}`);
      }
      await admin.goto('/app/statistics/funnels?lang=zh');
      // The filter form: one prefecture.
      await page.selectOption('select[name=regionCode]', '540100');
      await Promise.all([page.waitForURL(/regionCode=540100/), page.click('form.stats-filters button[type=submit]')]);
      await checkPage(page, `funnels-lhasa-${v}`);

      // A bad period: the page says so in place, with status 422.
      await admin.goto('/app/statistics/scorecard?period=2026-Q9', { status: 422 });
      expect(await page.locator('.notice').first().textContent()).toContain('YYYY');

      // Indicators: a target for admitted projects gives a score.
      await admin.goto('/app/statistics/scorecard/indicators');
      await checkPage(page, `scorecard-indicators-${v}`);
      await page.fill('input[name="admittedProjects.target"]', '4');
      await Promise.all([page.waitForURL(/saved=1/), page.click('main form button[type=submit]')]);
      await admin.goto(`/app/statistics/scorecard?period=${w.year}`);
      expect(await page.locator('table.scorecard').textContent()).not.toContain('无目标');
      // Back to no target for the next run.
      await admin.goto('/app/statistics/scorecard/indicators');
      await page.fill('input[name="admittedProjects.target"]', '');
      await Promise.all([page.waitForURL(/saved=1/), page.click('main form button[type=submit]')]);
      expectNoErrors(admin);
      await admin.close();
    }, 180_000);
  }

  it('center staff read their own center only; the indicators page is not theirs', async () => {
    const [a, b] = w.centers;
    const staff = await person('phone', 'stats-staff', 'center_staff', a.id);
    await staff.goto('/app/statistics/funnels');
    expect(await staff.page.locator('select[name=centerId]').count()).toBe(0);
    await checkPage(staff.page, 'funnels-staff-phone');
    await staff.goto(`/app/statistics/scorecard`);
    expect(await staff.page.locator('table.scorecard tbody tr').count()).toBe(1);
    await staff.goto(`/app/statistics/funnels?centerId=${b.id}`, { status: 404 });
    await staff.goto('/app/statistics/scorecard/indicators', { status: 404 });
    expectNoErrors(staff);
    await staff.close();
  }, 120_000);
});
