// The sign-in pages in real Chromium, at phone and desktop size, in zh, en and bo: axe-clean, no horizontal
// scrolling, no console error, nothing loaded from elsewhere, light; then an invitation taken up in the browser.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inviteAccount } from '../console/accounts.ts';
import { startConsoleServer, type ConsoleServer } from './console-server.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, pageWeight } from './browser.ts';

describeBrowser('sign-in pages in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`/app/login at ${viewport} size in zh, en and bo`, async () => {
      const person = await newPerson(browser, server.baseUrl, viewport);
      for (const lang of ['zh', 'en', 'bo'] as const) {
        await person.goto(`/app/login?lang=${lang}`);
        expect(await person.page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-Hans' : lang);
        await checkPage(person.page, `login-${lang}`);
        const weight = await pageWeight(person.page);
        expect(weight.total, JSON.stringify(weight.resources)).toBeLessThan(200_000);
      }
      // A wrong password: the page with its error, still clean.
      await person.page.fill('input[name=login]', 'nobody');
      await person.page.fill('input[name=password]', 'not-the-password');
      await Promise.all([person.page.waitForURL(/\/app\/login/), person.page.click('button[type=submit]')]);
      await expect.poll(() => person.page.locator('.notice.error').count()).toBeGreaterThan(0);
      await checkPage(person.page, 'login-failed-bo');
      expectNoErrors(person);
      await person.close();
    });
  }

  it('an invitation link: choose a password in the browser, land signed in on the home page', async () => {
    const invited = await inviteAccount(server.app, { login: 'dawa', role: 'admin', displayName: 'ཟླ་བ།' });
    const person = await newPerson(browser, server.baseUrl, 'phone');
    await person.goto(`${invited.url}${invited.url.includes('?') ? '&' : '?'}lang=bo`);
    await checkPage(person.page, 'invite-bo');
    // Two different passwords: the error sits next to the field.
    await person.page.fill('input[name=password]', 'Yak-butter-tea-42');
    await person.page.fill('input[name=password2]', 'Yak-butter-tea-43');
    await person.page.click('button[type=submit]');
    await person.page.waitForSelector('[aria-invalid=true]');
    await checkPage(person.page, 'invite-mismatch-bo');
    await person.page.fill('input[name=password]', 'Yak-butter-tea-42');
    await person.page.fill('input[name=password2]', 'Yak-butter-tea-42');
    await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('button[type=submit]')]);
    await checkPage(person.page, 'home-bo');
    for (const lang of ['zh', 'en'] as const) {
      await person.goto(`/app?lang=${lang}`);
      await checkPage(person.page, `home-${lang}`);
    }
    expectNoErrors(person);
    await person.close();
  });
});
