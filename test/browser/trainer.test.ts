// The trainer's work in real Chromium at phone and desktop size: sign in, create a training (a bad form
// first), open its cohort, invite two founders by their handles, one founder accepts in the browser,
// the trainer sees the acceptance (the name now shown) and the seats left. Every page axe-clean, no
// horizontal scrolling, no console error, nothing off the origin; screenshots kept.
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trainingInvitationsTable } from '../../models/schema.ts';
import { M, PROVIDER_ONE, buildWorld, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, type Person } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';

describeBrowser('the trainer console in Chromium', () => {
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

  /** A new person who opens an invitation link, chooses a password and lands on the home page. */
  async function signUp(a: { login: string; role: string; subjectId: string }, viewport: 'phone' | 'desktop') {
    const invited = await inviteAccount(server.app, { ...a, displayName: a.login });
    const person = await newPerson(browser, server.baseUrl, viewport);
    await person.goto(invited.url);
    await person.page.fill('input[name=password]', PASSWORD);
    await person.page.fill('input[name=password2]', PASSWORD);
    await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('button[type=submit]')]);
    return person;
  }

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`a trainer fills a cohort at ${viewport} size`, async () => {
      const trainer: Person = await signUp(
        { login: `trainer-${viewport}`, role: 'trainer', subjectId: PROVIDER_ONE },
        viewport,
      );
      const { page } = trainer;
      const shot = (name: string) => checkPage(page, `trainer-${viewport}-${name}`);
      await shot('home');

      // My trainings → new training: a bad form first, then a good one.
      await page.click('nav.nav a[href="/app/trainings"]');
      await page.waitForURL(/\/app\/trainings$/);
      await shot('list');
      await page.click('a[href="/app/trainings/new"]');
      const title = `藏香制作创业班 INCENSE ${viewport}`;
      await page.fill('input[name=title]', title);
      await page.fill('textarea[name=description]', '三周课程：藏香制作工艺、食品与日化许可、电商销售与品牌。');
      await page.fill('input[name=startsOn]', '2027-06-10');
      await page.fill('input[name=endsOn]', '2027-06-01');
      await page.click('form.card button[type=submit]');
      await page.waitForSelector('.field-error');
      expect(await page.textContent('#f-endsOn-error')).toContain('结束日期不能早于开始日期');
      await shot('new-invalid');
      await page.selectOption('select[name=providerKind]', 'training_base');
      await page.selectOption('select[name=mode]', 'online');
      await page.selectOption('select[name=regionCode]', '540102');
      await page.fill('input[name=seats]', '2');
      await page.fill('input[name=endsOn]', '2027-06-30');
      await page.check('input[name=topics][value=marketing]');
      await page.check('input[name=targetGroups][value=graduate]');
      await Promise.all([page.waitForURL(/done=created/), page.click('form.card button[type=submit]')]);
      await shot('created');
      const trainingId = /\/app\/trainings\/([0-9a-f-]{36})/.exec(page.url())![1];

      // The cohort: founders by handle; choose two and invite them.
      await page.click(`a[href="/app/trainings/${trainingId}/cohort"]`);
      await page.waitForURL(/\/cohort$/);
      await shot('cohort');
      const main = (await page.textContent('main')) ?? '';
      for (const secret of [M.fA1Name, M.fA2Name, M.fB1Name, M.fA1Contact, M.fA2Contact])
        expect(main).not.toContain(secret);
      const boxes = page.locator('input[name=handle]');
      expect(await boxes.count()).toBe(3);
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.fill('textarea[name=message]', '欢迎参加藏香制作创业班');
      await Promise.all([page.waitForURL(/done=invited/), page.click('form[action$="/cohort"] button[type=submit]')]);
      expect(await page.textContent('main')).toContain('已发出 2 份邀请');
      await shot('invited');

      // One of the two founders accepts in the browser.
      const rows = await server.app.db
        .select()
        .from(trainingInvitationsTable)
        .where(eq(trainingInvitationsTable.trainingId, trainingId));
      expect(rows.length).toBe(2);
      const founderId = rows[0].founderId;
      const name = founderId === w.fA1 ? M.fA1Name : founderId === w.fA2 ? M.fA2Name : M.fB1Name;
      const founder = await signUp({ login: `invitee-${viewport}`, role: 'founder', subjectId: founderId }, viewport);
      const fp = founder.page;
      await fp.click('nav.nav a[href="/app/invitations"]');
      await fp.waitForURL(/\/app\/invitations$/);
      expect(await fp.textContent('main')).toContain(title);
      await checkPage(fp, `trainer-${viewport}-founder-invitation`);
      const card = fp.locator('li.card', { hasText: title });
      await Promise.all([
        fp.waitForURL(/done=accepted/),
        card.locator('form:has(input[name=decision][value=accept]) button').click(),
      ]);
      await checkPage(fp, `trainer-${viewport}-founder-accepted`);
      expectNoErrors(founder);
      await founder.close();

      // The trainer sees the acceptance, the name, and the seats left; and a to-do at home.
      await page.reload();
      const cohort = (await page.textContent('main')) ?? '';
      expect(cohort).toContain('已接受，已报名');
      expect(cohort).toContain(name);
      expect(cohort).toContain('名额 2 · 已报名 1 · 剩余 1');
      await shot('accepted');
      await page.click('nav.nav a[href="/app"]');
      expect(await page.textContent('main')).toContain(`1 位创业者接受了培训“${title}”的邀请`);
      await shot('home-todo');
      for (const lang of ['bo', 'en'] as const) {
        await trainer.goto(`/app/trainings/${trainingId}/cohort?lang=${lang}`);
        await shot(`cohort-${lang}`);
      }
      await trainer.goto(`/app/trainings/${trainingId}/edit?lang=zh`);
      await shot('edit');
      await trainer.goto(`/app/trainings/${w.t2}/cohort`, { status: 404 });
      await shot('not-found');
      expectNoErrors(trainer);
      await trainer.close();
    }, 180_000);
  }
});
