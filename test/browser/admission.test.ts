// A project's life in a center, in Chromium at phone and desktop size: the clerk adds a question to the
// admission form; the founder applies (a required question left blank is refused in place); two clerks
// review; the decision is blocked until then, then admits; the founder enters outcomes (a future month
// refused in place); the clerk locks the month and graduates the project. And a rejection whose reason
// the founder reads in zh, en and bo. Every page axe-clean, no horizontal scrolling, no console error.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';
import { apply, decide, submitReview } from '../../src/lifecycle/index.ts';
import { buildWorld, projectBody, type World } from '../auth/world.ts';
import { inviteAccount } from '../console/accounts.ts';
import { checkPage, describeBrowser, expectNoErrors, launchBrowser, newPerson, type Person } from './browser.ts';
import { type ConsoleServer, startConsoleServer } from './console-server.ts';

const PASSWORD = 'Yak-butter-tea-42';
const month = (offset: number) => {
  const [y, m] = todayInShanghai().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 7);
};

describeBrowser('a project’s life in a center, in Chromium', () => {
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

  const signUp = async (person: Person, url: string) => {
    await person.goto(url);
    await person.page.fill('input[name=password]', PASSWORD);
    await person.page.fill('input[name=password2]', PASSWORD);
    await Promise.all([person.page.waitForURL(/\/app\/?(\?.*)?$/), person.page.click('main button[type=submit]')]);
  };
  const staffPerson = async (v: 'phone' | 'desktop', login: string) => {
    const p = await newPerson(browser, server.baseUrl, v);
    await signUp(p, (await inviteAccount(server.app, { login, role: 'center_staff', centerId: w.cA })).url);
    return p;
  };
  const create = async (title: string, founderId: string) =>
    (
      await server.app.request('POST', '/v1/projects', {
        body: projectBody({ title, centerId: w.cA, founderIds: [founderId], status: 'submitted' }),
      })
    ).body.id as string;

  /** Every score select set to `score`, a recommendation, then save. */
  const review = async (staff: Person, appId: string, score: string, name: string) => {
    const { page } = staff;
    await staff.goto(`/app/admission/${appId}`);
    for (const sel of await page.locator('select[name^="scores."]').all()) await sel.selectOption(score);
    await page.check('input[name=recommendation][value=admit]');
    await page.fill('textarea[name=comment]', '团队可靠。');
    await Promise.all([page.waitForURL(/done=reviewed/), page.click('form[action$="/review"] button[type=submit]')]);
    await checkPage(page, name);
  };

  for (const v of ['phone', 'desktop'] as const) {
    it(`apply → two reviews → admit → outcomes → graduate at ${v} size`, async () => {
      const founderId = v === 'phone' ? w.fA1 : w.fA2;
      const title = `牦牛奶酪 LIFE-${v}`;
      const projectId = await create(title, founderId);

      // The clerk adds a required question in the first blank row of the form editor.
      const staff1 = await staffPerson(v, `life-staff1-${v}`);
      const s1 = staff1.page;
      await Promise.all([s1.waitForURL(/\/app\/admission$/), s1.click('nav.nav a[href="/app/admission"]')]);
      await checkPage(s1, `life-${v}-admission-empty`);
      await s1.click('a[href="/app/admission/form"]');
      const blank = await s1
        .locator('input[name^="q."][name$=".zh"]')
        .evaluateAll((els) => (els as HTMLInputElement[]).find((e) => !e.value)?.name);
      const row = blank!.split('.')[1];
      await s1.fill(`input[name="q.${row}.zh"]`, `产品是否已有食品生产许可？(${v})`);
      await s1.fill(`input[name="q.${row}.en"]`, `Does the product have a food production licence? (${v})`);
      await s1.fill(`input[name="q.${row}.bo"]`, `ཐོན་རྫས་ལ་ཟས་རིགས་ཐོན་སྐྲུན་ཆོག་མཆན་ཡོད་དམ། (${v})`);
      await s1.check(`input[name="q.${row}.required"]`);
      await checkPage(s1, `life-${v}-form-editor`);
      await Promise.all([s1.waitForURL(/done=saved/), s1.click('main form[method=post] > .actions button')]);

      // The founder applies: the required question left blank first.
      const founder = await newPerson(browser, server.baseUrl, v);
      const f = founder.page;
      await signUp(
        founder,
        (await inviteAccount(server.app, { login: `life-founder-${v}`, role: 'founder', subjectId: founderId })).url,
      );
      await founder.goto(`/app/projects/${projectId}`);
      await checkPage(f, `life-${v}-founder-project`);
      await f.click(`a[href="/app/projects/${projectId}/apply"]`);
      await f.selectOption('select[name=center]', w.cA);
      await Promise.all([f.waitForURL(/center=/), f.click('form[method=get] button[type=submit]')]);
      expect(await f.textContent('main')).toContain(`产品是否已有食品生产许可？(${v})（必答）`);
      await f.fill('textarea[name=wanted]', '一个工位和冷库');
      // Skip the browser's own check to see the server's error in place.
      await f.$eval('form[method=post]', (el) => el.setAttribute('novalidate', ''));
      await f.click('form[method=post] button[type=submit]');
      await f.waitForSelector('.field-error');
      await checkPage(f, `life-${v}-apply-invalid`);
      // Every required question (the other viewport's run added one too).
      for (const q of await f.locator('textarea[name^="answers."][required]').all())
        await q.fill('已有，2025 年取得。');
      await Promise.all([f.waitForURL(/done=applied/), f.click('form[method=post] button[type=submit]')]);
      expect(await f.textContent('main')).toContain('等待决定');
      await checkPage(f, `life-${v}-applied`);

      // Two clerks review; the decision is blocked before the second review.
      await staff1.goto('/app');
      expect(await s1.textContent('main')).toContain('份入驻申请等待您评审');
      await Promise.all([s1.waitForURL(/\/app\/admission$/), s1.click('nav.nav a[href="/app/admission"]')]);
      await checkPage(s1, `life-${v}-admission-list`);
      await s1.click(`main a:has-text("${title}")`);
      const appId = new URL(s1.url()).pathname.split('/').pop()!;
      expect(await s1.textContent('main')).toContain('还不能作出决定');
      await checkPage(s1, `life-${v}-application-new`);
      await review(staff1, appId, '4', `life-${v}-reviewed-once`);
      const staff2 = await staffPerson(v, `life-staff2-${v}`);
      await review(staff2, appId, '5', `life-${v}-reviewed-twice`);
      await staff1.goto(`/app/admission/${appId}`);
      expect(await s1.textContent('main')).toContain('综合得分');
      await s1.check('input[name=decision][value=admitted]');
      await s1.fill('textarea[name=reason]', '许可齐全，团队可靠。欢迎入驻！');
      await Promise.all([s1.waitForURL(/done=decided/), s1.click('form[action$="/decision"] button[type=submit]')]);
      await checkPage(s1, `life-${v}-decided`);

      // The founder reads the decision and enters outcomes (a future month first).
      await founder.goto(`/app/projects/${projectId}`);
      const main = await f.textContent('main');
      expect(main).toContain('同意入驻');
      expect(main).toContain('许可齐全，团队可靠。欢迎入驻！');
      await f.click(`a[href="/app/projects/${projectId}/outcomes"]`);
      const figures = {
        employees: '6',
        graduatesHired: '2',
        localHires: '5',
        revenueCny: '80000',
        fundingRaisedCny: '0',
        ipFilings: '1',
      };
      await f.fill('input[name=period]', month(1));
      for (const [k, val] of Object.entries(figures)) await f.fill(`input[name=${k}]`, val);
      await f.click('form[method=post] button[type=submit]');
      await f.waitForSelector('#f-period-error');
      expect(await f.textContent('#f-period-error')).toContain('未来');
      await checkPage(f, `life-${v}-outcomes-invalid`);
      await f.fill('input[name=period]', month(-1));
      await Promise.all([f.waitForURL(/done=saved/), f.click('form[method=post] button[type=submit]')]);
      await checkPage(f, `life-${v}-outcomes`);

      // The clerk locks the month and graduates the project.
      await Promise.all([s1.waitForURL(/\/app\/incubation$/), s1.click('nav.nav a[href="/app/incubation"]')]);
      await checkPage(s1, `life-${v}-incubation`);
      await s1.click(`a[href="/app/incubation/${projectId}"]`);
      await checkPage(s1, `life-${v}-incubation-project`);
      await Promise.all([s1.waitForURL(/done=locked/), s1.click(`form[action$="/outcomes/${month(-1)}/lock"] button`)]);
      await s1.check('input[name=criteria][value=registeredEnterprise]');
      await Promise.all([s1.waitForURL(/done=graduated/), s1.click('form[action$="/graduate"] button[type=submit]')]);
      expect(await s1.textContent('main')).toContain('已锁定');
      await checkPage(s1, `life-${v}-graduated`);
      await founder.goto(`/app/projects/${projectId}/outcomes`);
      expect(await f.textContent('main')).toContain('已锁定');

      for (const p of [staff1, staff2, founder]) {
        expectNoErrors(p);
        await p.close();
      }
    }, 240_000);
  }

  it('a rejection’s reason, as the center wrote it, read by the founder in zh, en and bo', async () => {
    const projectId = await create('虫草茶 LIFE-REJECT', w.fB1);
    const db = server.app.db;
    const founderActor: Actor = { role: 'founder', keyId: null, subjectId: w.fB1, centerId: null };
    const clerk = (n: string): Actor => ({
      role: 'center_staff',
      keyId: null,
      accountId: n,
      subjectId: null,
      centerId: w.cA,
    });
    const app = await apply(db, founderActor, { projectId, centerId: w.cA, answers: {} }).catch(async () => {
      // The form may require answers (the journeys above added questions): answer every one.
      const { loadForm } = await import('../../src/lifecycle/admission-form.ts');
      const form = await loadForm(db, w.cA);
      return apply(db, founderActor, {
        projectId,
        centerId: w.cA,
        answers: Object.fromEntries(form.questions.map((q) => [q.id, '有'])),
      });
    });
    const { loadForm } = await import('../../src/lifecycle/admission-form.ts');
    const form = await loadForm(db, w.cA);
    const scores = Object.fromEntries(form.criteria.map((c) => [c.id, 2]));
    for (const n of ['clerk-1', 'clerk-2'])
      await submitReview(db, clerk(n), app.id, { scores, recommendation: 'reject' });
    const reason = '原料来源不清楚，请补充采购记录后再申请。REASON-LIFE';
    await decide(db, clerk('clerk-1'), app.id, { decision: 'rejected', reason });

    for (const v of ['phone', 'desktop'] as const) {
      const founder = await newPerson(browser, server.baseUrl, v);
      await signUp(
        founder,
        (await inviteAccount(server.app, { login: `life-rejected-${v}`, role: 'founder', subjectId: w.fB1 })).url,
      );
      const expected = { zh: '不予入驻', en: 'Rejected', bo: 'ཁས་མ་བླངས།' };
      for (const lang of ['zh', 'en', 'bo'] as const) {
        await founder.goto(`/app/projects/${projectId}?lang=${lang}`);
        const main = await founder.page.textContent('#life-h + *, main');
        expect(main).toContain(expected[lang]);
        expect(main).toContain(reason);
        await checkPage(founder.page, `life-${v}-rejected-${lang}`);
      }
      expectNoErrors(founder);
      await founder.close();
    }
  }, 120_000);
});
