// Spreadsheets in Chromium: center staff upload a founders file, read the dry-run report with its
// errors, upload a corrected file, import it and see the result. Phone and desktop, axe-clean.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorld, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { csv, FOUNDER_HEADER, founderRow, xlsx } from '../spreadsheets/files.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Prayer-flags-in-wind-9';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeBrowser('spreadsheet import in Chromium', () => {
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
    it(`center staff import founders at ${viewport} size`, async () => {
      const invite = await inviteAccount(server.app, {
        login: `sheets-${viewport}`,
        role: 'center_staff',
        centerId: w.cA,
      });
      const staff = await newPerson(browser, server.baseUrl, viewport);
      const page = staff.page;
      page.on('dialog', (d) => d.accept());
      await staff.goto(invite.url);
      await page.fill('input[name=password]', PASSWORD);
      await page.fill('input[name=password2]', PASSWORD);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('main button[type=submit]')]);
      await Promise.all([page.waitForURL(/\/app\/spreadsheets$/), page.click('nav.nav a[href="/app/spreadsheets"]')]);
      await checkPage(page, `spreadsheets-${viewport}`);

      // A file with mistakes: the report names row, column and what is wrong; no import button.
      const bad = await xlsx([
        FOUNDER_HEADER,
        founderRow(`BR-${viewport}-1`, '次仁'),
        founderRow(`BR-${viewport}-2`, '卓玛', { region: '纽约', langs: '藏文、火星文' }),
      ]);
      await page.selectOption('select[name=resource]', 'founders');
      await page.setInputFiles('input[name=file]', { name: 'founders.xlsx', mimeType: XLSX, buffer: bad });
      await Promise.all([
        page.waitForURL(/\/app\/spreadsheets\/imports\//),
        page.click('main form button[type=submit]'),
      ]);
      const report = (await page.locator('main table').textContent()) ?? '';
      expect(report).toContain('找不到地区“纽约”');
      expect(report).toContain('“火星文”不是可选的值');
      expect(await page.locator('form[action$="/run"]').count()).toBe(0);
      await checkPage(page, `spreadsheets-${viewport}-report`);

      // The corrected file (CSV this time): clean, then imported.
      await Promise.all([page.waitForURL(/\/app\/spreadsheets$/), page.click('main a[href="/app/spreadsheets"]')]);
      const good = csv(
        [FOUNDER_HEADER, founderRow(`BR-${viewport}-1`, '次仁'), founderRow(`BR-${viewport}-2`, '卓玛')],
        { bom: true },
      );
      await page.setInputFiles('input[name=file]', { name: 'founders.csv', mimeType: 'text/csv', buffer: good });
      await Promise.all([
        page.waitForURL(/\/app\/spreadsheets\/imports\//),
        page.click('main form button[type=submit]'),
      ]);
      expect(await page.locator('main .notice').textContent()).toContain('检查通过');
      await checkPage(page, `spreadsheets-${viewport}-clean`);
      await Promise.all([page.waitForURL(/\/app\/spreadsheets\/imports\//), page.click('form[action$="/run"] button')]);
      await page.waitForSelector('text=导入完成', { timeout: 20_000 });
      expect(await page.locator('main .notice').textContent()).toContain('新建 2 条');
      await checkPage(page, `spreadsheets-${viewport}-done`);

      expectNoErrors(staff);
      await staff.close();
    });
  }
});
