// Center staff at work in Chromium, at phone and desktop size: vet one project, reject another with a
// reason (a reason-less rejection is refused in place first), the founder reads the reason; nudge a
// stale introduction; filter the audit log; invite, re-invite and disable accounts of the center.
// Every page axe-clean, no horizontal scrolling, no console error, nothing off the origin.
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { introductionsTable } from '../../models/schema.ts';
import { buildWorld, projectBody, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, type Person } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';

describeBrowser('center staff at work in Chromium', () => {
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

  /** Opens the invitation, sets the password: on the home page. */
  const signUp = async (person: Person, url: string) => {
    await person.goto(url);
    await person.page.fill('input[name=password]', PASSWORD);
    await person.page.fill('input[name=password2]', PASSWORD);
    await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('main button[type=submit]')]);
  };

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`vetting, introductions, audit log and accounts at ${viewport} size`, async () => {
      const v = viewport;
      const founderId = v === 'phone' ? w.fA1 : w.fA2;
      const create = async (title: string) =>
        (
          await server.app.request('POST', '/v1/projects', {
            body: projectBody({ title, centerId: w.cA, founderIds: [founderId], status: 'submitted' }),
          })
        ).body.id as string;
      const approve = await create(`青稞饼干 APPROVE-${v}`);
      const reject = await create(`虫草直销 REJECT-${v}`);
      const staffKey = await server.app.keyFor('center_staff', { centerId: w.cA });
      const intro = await server.app.request('POST', '/v1/introductions', {
        key: staffKey,
        body: { projectId: w.pAv, targetKind: 'mentor', targetId: v === 'phone' ? w.m1 : w.m2 },
      });
      expect(intro.status, intro.text).toBe(201);
      await server.app.db
        .update(introductionsTable)
        .set({ createdAt: new Date(Date.now() - 9 * 86_400_000) })
        .where(eq(introductionsTable.id, intro.body.id));

      const staff = await newPerson(browser, server.baseUrl, v);
      staff.page.on('dialog', (d) => d.accept()); // "disable this account?", "end it?"
      const { page } = staff;
      await signUp(
        staff,
        (await inviteAccount(server.app, { login: `staff-${v}`, role: 'center_staff', centerId: w.cA })).url,
      );
      expect(await page.textContent('main')).toContain('个项目等待审核');
      await checkPage(page, `staff-${v}-home`);

      // The queue, oldest first: approve the first project.
      await Promise.all([page.waitForURL(/\/app\/vetting$/), page.click('nav.nav a[href="/app/vetting"]')]);
      await checkPage(page, `staff-${v}-vetting`);
      await page.click(`a[href="/app/vetting/${approve}"]`);
      await checkPage(page, `staff-${v}-vetting-project`);
      await page.check('input[name=decision][value=vetted]');
      await Promise.all([
        page.waitForURL(/done=vetted/),
        page.click('form[action^="/app/vetting/"] button[type=submit]'),
      ]);
      await checkPage(page, `staff-${v}-vetted`);

      // Reject the second: without a reason the form comes back with the error in place.
      await staff.goto('/app/vetting');
      await page.click(`a[href="/app/vetting/${reject}"]`);
      await page.check('input[name=decision][value=rejected]');
      await page.click('form[action^="/app/vetting/"] button[type=submit]');
      await page.waitForSelector('#f-reason-error');
      await checkPage(page, `staff-${v}-reject-invalid`);
      const reason = `请补充虫草来源证明 REASON-${v}`;
      await page.fill('textarea[name=reason]', reason);
      await Promise.all([
        page.waitForURL(/done=rejected/),
        page.click('form[action^="/app/vetting/"] button[type=submit]'),
      ]);
      await checkPage(page, `staff-${v}-rejected`);
      await staff.goto(`/app/vetting?lang=bo`);
      await checkPage(page, `staff-${v}-vetting-bo`);
      await staff.goto(`/app/vetting/${reject}?lang=en`);
      await checkPage(page, `staff-${v}-vetting-project-en`);
      await staff.goto('/app/vetting?lang=zh');

      // The founder reads the reason on the project's page.
      const founder = await newPerson(browser, server.baseUrl, v);
      await signUp(
        founder,
        (await inviteAccount(server.app, { login: `founder-${v}`, role: 'founder', subjectId: founderId })).url,
      );
      await founder.goto(`/app/projects/${reject}`);
      expect(await founder.page.textContent('main')).toContain(reason);
      await checkPage(founder.page, `staff-${v}-founder-sees-reason`);
      // The staff pages do not exist for a founder.
      await founder.goto('/app/vetting', { status: 404 });
      expectNoErrors(founder);
      await founder.close();

      // Introductions: nudge the stale request.
      await Promise.all([
        page.waitForURL(/\/app\/center-introductions$/),
        page.click('nav.nav a[href="/app/center-introductions"]'),
      ]);
      expect(await page.textContent('main')).toContain('超过 7 天未回复');
      await checkPage(page, `staff-${v}-introductions`);
      await Promise.all([
        page.waitForURL(/done=nudged/),
        page.click(`form[action="/app/center-introductions/introductions/${intro.body.id}/nudge"] button`),
      ]);
      expect(await page.textContent('main')).toContain('已于');
      await checkPage(page, `staff-${v}-introductions-nudged`);

      // The audit log, filtered to vetting decisions.
      await Promise.all([page.waitForURL(/\/app\/audit$/), page.click('nav.nav a[href="/app/audit"]')]);
      await checkPage(page, `staff-${v}-audit`);
      await page.selectOption('select[name=action]', 'project.status');
      await Promise.all([page.waitForURL(/action=project.status/), page.click('main form button[type=submit]')]);
      const log = (await page.textContent('table')) ?? '';
      expect(log).toContain(reason);
      expect(log).not.toContain('请求对接');
      await checkPage(page, `staff-${v}-audit-filtered`);
      await staff.goto('/app/audit?lang=bo');
      await checkPage(page, `staff-${v}-audit-bo`);
      await staff.goto('/app/audit?lang=zh');

      // Accounts of the center: invite a founder and a colleague, re-invite, disable.
      await Promise.all([page.waitForURL(/\/app\/accounts$/), page.click('nav.nav a[href="/app/accounts"]')]);
      const invite = async (login: string, role: string, subjectId?: string) => {
        await page.fill('input[name=login]', login);
        await page.selectOption('select[name=role]', role);
        if (subjectId) await page.fill('input[name=subjectId]', subjectId);
        await page.click('form[action="/app/accounts"] button[type=submit]');
        expect(await page.locator('code.secret').textContent()).toMatch(/\/app\/invite\/[\w-]{43}$/);
      };
      await invite(`founder2-${v}`, 'founder', v === 'phone' ? w.fA2 : w.fA1);
      await invite(`colleague-${v}`, 'center_staff');
      await checkPage(page, `staff-${v}-accounts-invited`);
      const card = page.locator('li.card', { hasText: `colleague-${v}` });
      await card.locator('form[action$="/invitation"] button').click();
      await page.waitForSelector('code.secret');
      expect(await page.locator('code.secret').textContent()).toMatch(/\/app\/invite\/[\w-]{43}$/);
      await Promise.all([
        page.waitForURL(/done=disabled/),
        page
          .locator('li.card', { hasText: `colleague-${v}` })
          .locator('form[action$="/disable"] button')
          .click(),
      ]);
      await checkPage(page, `staff-${v}-accounts-disabled`);
      expect(await page.locator('li.card', { hasText: `colleague-${v}` }).textContent()).toContain('已停用');
      expectNoErrors(staff);
      await staff.close();
    }, 180_000);
  }
});
