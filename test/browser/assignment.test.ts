// Center staff's coach assignment and matching weights in real Chromium at phone and desktop size:
// start a run, see the result, re-run with a pin, publish; edit the weights, preview, save. Every page
// axe-clean, no horizontal scrolling, no console error, nothing off the origin; screenshots kept.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { founderBody, mentorBody, projectBody } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

describeBrowser('coach assignment and matching weights in Chromium', () => {
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

  const create = async (path: string, body: unknown) => {
    const res = await server.app.request('POST', path, { body });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body.id as string;
  };

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`staff assign coaches and tune the weights at ${viewport} size`, async () => {
      // A center of its own, two projects waiting for a coach, two mentors with room.
      const center = await create('/v1/centers', {
        name: `那曲孵化中心 ${viewport}`,
        kind: 'incubator',
        regionCode: '540102',
      });
      const f = await create('/v1/founders', founderBody(`创始人 ${viewport}`, `wx-b-${viewport}`, center));
      const soup = await create(
        '/v1/projects',
        projectBody({ title: `青稞即食粥 ${viewport}`, centerId: center, founderIds: [f], status: 'submitted' }),
      );
      await create(
        '/v1/projects',
        projectBody({ title: `牦牛奶酪 ${viewport}`, centerId: center, founderIds: [f], status: 'vetted' }),
      );
      await create('/v1/mentors', { ...mentorBody(`次仁 ${viewport}`, `wx-m1-${viewport}`), capacity: 4 });
      const dolma = await create('/v1/mentors', {
        ...mentorBody(`卓玛 ${viewport}`, `wx-m2-${viewport}`),
        capacity: 4,
      });

      const password = 'Yak-butter-tea-42';
      const invited = await inviteAccount(server.app, {
        login: `assign-staff-${viewport}`,
        role: 'center_staff',
        centerId: center,
        displayName: `工作人员 ${viewport}`,
      });
      const person = await newPerson(browser, server.baseUrl, viewport);
      const { page } = person;
      page.on('dialog', (d) => d.accept()); // the publish and reset confirmations
      await person.goto(invited.url);
      await page.fill('input[name=password]', password);
      await page.fill('input[name=password2]', password);
      await Promise.all([page.waitForURL(/\/app\/?(\?.*)?$/), page.click('button[type=submit]')]);

      // Start a run with the default pool; the page reloads itself until the result is there.
      await page.click('nav.nav a[href="/app/assignment"]');
      await page.waitForURL(/\/app\/assignment$/);
      await checkPage(page, `assign-${viewport}-runs`);
      await Promise.all([
        page.waitForURL(/\/app\/assignment\/[0-9a-f-]{36}$/),
        page.click('form.run-form button[type=submit]'),
      ]);
      await page.waitForSelector('#outcome-h', { timeout: 30_000 });
      const firstUrl = page.url();
      expect(await page.textContent('main')).toContain('2 个项目分到了导师');
      await checkPage(page, `assign-${viewport}-result`);

      // Change: pin the soup to Dolma, run again from the prefilled form.
      await page.selectOption('select[name="pins.0.projectId"]', soup);
      await page.selectOption('select[name="pins.0.mentorId"]', dolma);
      await Promise.all([
        page.waitForURL((u) => /\/app\/assignment\/[0-9a-f-]{36}$/.test(u.pathname) && u.toString() !== firstUrl),
        page.click('form.run-form button[type=submit]'),
      ]);
      await page.waitForSelector('#outcome-h', { timeout: 30_000 });
      const soupCard = page.locator('li.assignment', { hasText: `青稞即食粥 ${viewport}` });
      expect(await soupCard.textContent()).toContain(`卓玛 ${viewport}`);
      expect(await soupCard.textContent()).toContain('固定');
      await checkPage(page, `assign-${viewport}-rerun`);

      // Publish (confirmed), then the run says so and offers no second publish.
      await Promise.all([page.waitForURL(/done=published/), page.click('form[action$="/publish"] button')]);
      expect(await page.textContent('main')).toContain('已发布');
      expect(await page.locator('form[action$="/publish"]').count()).toBe(0);
      await checkPage(page, `assign-${viewport}-published`);
      const runPath = new URL(page.url()).pathname;
      for (const lang of ['bo', 'en', 'zh'] as const) {
        await person.goto(`${runPath}?lang=${lang}`);
        await checkPage(page, `assign-${viewport}-published-${lang}`);
      }
      await page.goto(`${server.baseUrl}/app/assignment`);
      await checkPage(page, `assign-${viewport}-runs-after`);

      // Weights: a value out of range is marked, then a preview, then save.
      await page.click('nav.nav a[href="/app/weights"]');
      await page.waitForURL(/\/app\/weights$/);
      await checkPage(page, `weights-${viewport}-form`);
      await page.fill('input[name=lexical]', '1.5');
      await page.click('button[value=save]');
      await page.waitForSelector('#f-lexical-error');
      await checkPage(page, `weights-${viewport}-invalid`);
      for (const f of ['semantic', 'lexical', 'topics', 'sector', 'language', 'capacity', 'feedback'])
        await page.fill(`input[name=${f}]`, '0');
      await page.fill('input[name=region]', '1');
      await page.click('button[value=preview]');
      await page.waitForSelector('#preview-h');
      expect(await page.textContent('main')).toContain(`青稞即食粥 ${viewport}`);
      await checkPage(page, `weights-${viewport}-preview`);
      await Promise.all([page.waitForURL(/done=saved/), page.click('button[value=save]')]);
      expect(await page.inputValue('input[name=region]')).toBe('1');
      await checkPage(page, `weights-${viewport}-saved`);
      for (const lang of ['bo', 'en'] as const) {
        await person.goto(`/app/weights?lang=${lang}`);
        await checkPage(page, `weights-${viewport}-${lang}`);
        await person.goto(`/app/assignment?lang=${lang}`);
        await checkPage(page, `assign-${viewport}-runs-${lang}`);
      }
      await person.goto('/app/weights?lang=zh');
      await Promise.all([page.waitForURL(/done=reset/), page.click('form[action="/app/weights/reset"] button')]);
      expect(await page.inputValue('input[name=region]')).toBe('0.05');
      expectNoErrors(person);
      await person.close();
    }, 180_000);
  }
});
