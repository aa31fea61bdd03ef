// The lifecycle console over HTTP (real app, real database): the admission form editor, a founder's
// application with the center's questions, reviews and the decision (blocked below the minimum), the
// reason the founder reads in zh/en/bo, outcomes with errors in place and locked months, graduation;
// and 404 for other centers' staff and for founders on the staff pages.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsTable, projectsTable } from '../../models/schema.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';
import { buildWorld, M, projectBody, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let staffA: ConsoleClient;
let staffA2: ConsoleClient;
let staffB: ConsoleClient;
let founderA1: ConsoleClient;
let founderB1: ConsoleClient;
let admitted: string; // application of pAv to center A
let rejected: string; // application of pAs to center A

const month = (offset: number) => {
  const [y, m] = todayInShanghai().split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
};
const text = async (c: ConsoleClient, path: string) => visibleText((await c.get(path)).html);
const appOf = async (projectId: string) =>
  (await app.db.select().from(applicationsTable).where(eq(applicationsTable.projectId, projectId)))[0];
const statusOf = async (id: string) =>
  (await app.db.select({ s: projectsTable.status }).from(projectsTable).where(eq(projectsTable.id, id)))[0].s;

const goodForm = {
  'q.0.id': '',
  'q.0.zh': '团队有几位成员？',
  'q.0.en': 'How many people are in the team?',
  'q.0.bo': 'རུ་ཁག་ནང་མི་ག་ཚོད་ཡོད།',
  'q.0.required': 'on',
  'q.1.id': '',
  'q.1.zh': '现有客户和收入情况',
  'q.1.confidential': 'on',
  'q.2.zh': '',
  'c.0.id': 'overall',
  'c.0.zh': '综合评价',
  'c.0.weight': '1',
  'c.1.id': '',
  'c.1.zh': '市场前景',
  'c.1.en': 'Market',
  'c.1.weight': '2',
  'c.2.zh': '',
  'c.2.weight': '',
  // Graduation criteria: two of the defaults kept ('revenue', 'funding', 'space' dropped), one of the center's own.
  'g.0.id': 'registeredEnterprise',
  'g.0.zh': '已注册企业',
  'g.1.id': 'jobs',
  'g.1.zh': '带动就业达标',
  'g.2.id': '',
  'g.2.zh': '带动牧民增收',
  'g.2.en': 'Herders earn more',
  'g.2.bo': 'འབྲོག་པའི་ཡོང་འབབ་འཕར།',
  'g.3.zh': '',
  scale: '5',
  minReviews: '2',
  plannedMonths: '18',
};

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  staffA = (await signedIn(app, { login: 'life.staff.a', role: 'center_staff', centerId: w.cA })).client;
  staffA2 = (await signedIn(app, { login: 'life.staff.a2', role: 'center_staff', centerId: w.cA })).client;
  staffB = (await signedIn(app, { login: 'life.staff.b', role: 'center_staff', centerId: w.cB })).client;
  founderA1 = (await signedIn(app, { login: 'life.founder.a1', role: 'founder', subjectId: w.fA1 })).client;
  founderB1 = (await signedIn(app, { login: 'life.founder.b1', role: 'founder', subjectId: w.fB1 })).client;
}, 60_000);
afterAll(() => app?.close());

describe('the admission form editor', () => {
  it('shows the default form, redraws a bad one with errors on its rows, saves a good one', async () => {
    const page = await staffA.get('/app/admission/form');
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="综合评价"');
    expect(page.html).toContain('value="营业收入达标"'); // the default graduation criteria
    expect(page.html).toContain('name="g.5.zh"'); // and blank rows after them
    const bad = await staffA.post('/app/admission/form', {
      ...goodForm,
      'q.0.zh': '', // English only: Chinese is required
      'c.1.weight': '0',
      scale: '11',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-q\.0\.zh-error"/);
    expect(bad.html).toMatch(/id="f-c\.1\.weight-error"/);
    expect(bad.html).toMatch(/id="f-scale-error"/);
    const badGrad = await staffA.post('/app/admission/form', { ...goodForm, 'g.2.zh': '', 'g.2.en': 'English only' });
    expect(badGrad.status).toBe(422);
    expect(badGrad.html).toMatch(/id="f-g\.2\.zh-error"/);
    expect(badGrad.html).toContain('value="English only"');
    expect(bad.html).toContain('value="How many people are in the team?"'); // what was typed stays
    const saved = await staffA.post('/app/admission/form', goodForm);
    expect(saved.status).toBe(303);
    const after = (await staffA.get(saved.location!)).html;
    expect(visibleText(after)).toContain('申请表已保存');
    expect(after).toContain('value="市场前景"');
    expect(after).toContain('value="Market"');
    expect(after).toContain('value="带动牧民增收"');
    expect(after).toContain('value="Herders earn more"');
    expect(after).not.toContain('value="营业收入达标"');
    expect(after).toMatch(/name="g\.2\.id" value="g-[0-9a-f]{8}"/);
  });

  it('is 404 for founders, and each center edits only its own form', async () => {
    for (const path of ['/app/admission', '/app/admission/form', '/app/incubation'])
      expect((await founderA1.get(path)).status).toBe(404);
    expect((await founderA1.post('/app/admission/form', goodForm)).status).toBe(404);
    expect((await staffB.get('/app/admission/form')).html).not.toContain('市场前景');
  });
});

describe('applying, reviewing, deciding', () => {
  it("shows the center's questions in the reader's language, required ones marked, errors in place", async () => {
    const choose = await founderA1.get(`/app/projects/${w.pAv}/apply`);
    expect(choose.status).toBe(200);
    const zh = await founderA1.get(`/app/projects/${w.pAv}/apply?center=${w.cA}`);
    expect(visibleText(zh.html)).toContain('团队有几位成员？（必答）');
    const en = visibleText((await founderA1.get(`/app/projects/${w.pAv}/apply?center=${w.cA}&lang=en`)).html);
    expect(en).toContain('How many people are in the team? (required)');
    expect(en).toContain('现有客户和收入情况'); // no English given: Chinese
    await founderA1.get('/app?lang=zh');
    const missing = await founderA1.post(`/app/projects/${w.pAv}/apply`, { centerId: w.cA, 'answers.q-x': '' });
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/class="field-error" id="f-answers\.q-[0-9a-f]+-error">此问题必须回答/);
    expect((await founderB1.get(`/app/projects/${w.pAv}/apply`)).status).toBe(404);
  });

  it('applies once; a second open application to the same center is refused in place', async () => {
    const form = await founderA1.get(`/app/projects/${w.pAv}/apply?center=${w.cA}`);
    const qid = /name="answers\.(q-[0-9a-f]+)"/.exec(form.html)![1];
    const res = await founderA1.post(`/app/projects/${w.pAv}/apply`, {
      centerId: w.cA,
      [`answers.${qid}`]: '三人',
      wanted: '一个工位',
    });
    expect(res.status).toBe(303);
    const page = await text(founderA1, res.location!);
    expect(page).toContain('入驻申请已提交');
    expect(page).toContain('等待决定');
    const again = await founderA1.post(`/app/projects/${w.pAv}/apply`, { centerId: w.cA, [`answers.${qid}`]: '三人' });
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('尚未决定');
    admitted = (await appOf(w.pAv)).id;
  });

  it("lists the center's applications with review counts; other centers and founders get 404", async () => {
    const list = await text(staffA, '/app/admission');
    expect(list).toContain(M.pAvTitle);
    expect(list).toContain('评审 0 份（至少需要 2 份）');
    expect(await text(staffA, '/app')).toContain('1 份入驻申请等待您评审');
    expect(await text(staffB, '/app/admission')).not.toContain(M.pAvTitle);
    expect((await staffB.get(`/app/admission/${admitted}`)).status).toBe(404);
    expect((await staffB.post(`/app/admission/${admitted}/review`, { 'scores.overall': '3' })).status).toBe(404);
    expect((await founderA1.get(`/app/admission/${admitted}`)).status).toBe(404);
    const page = await text(staffA, `/app/admission/${admitted}`);
    expect(page).toContain('三人');
    expect(page).toContain('保密');
    expect(page).toContain('还不能作出决定：至少需要 2 份评审，目前 0 份');
  });

  it('refuses a decision below the minimum reviews and scores off the scale, in place', async () => {
    const early = await staffA.post(`/app/admission/${admitted}/decision`, { decision: 'admitted', reason: '很好' });
    expect(early.status).toBe(422);
    expect(visibleText(early.html)).toContain('至少需要 2 份评审');
    const off = await staffA.post(`/app/admission/${admitted}/review`, {
      'scores.overall': '',
      recommendation: 'admit',
    });
    expect(off.status).toBe(422);
    expect(off.html).toMatch(/id="f-scores\.overall-error"/);
    const page = await staffA.get(`/app/admission/${admitted}`);
    const cid = [...page.html.matchAll(/name="scores\.([^"]+)"/g)].map((m) => m[1]);
    expect(cid).toHaveLength(2);
    const scale = await staffA.post(`/app/admission/${admitted}/review`, {
      [`scores.${cid[0]}`]: '9',
      [`scores.${cid[1]}`]: '4',
      recommendation: 'admit',
    });
    expect(scale.status).toBe(422);
    expect(scale.html).toMatch(new RegExp(`id="f-scores\\.${cid[0]}-error">评分须为 1 到 5 的整数`));
  });

  it('takes two reviews (the own one editable), shows the aggregate, admits with a reason', async () => {
    const page = await staffA.get(`/app/admission/${admitted}`);
    const [c0, c1] = [...page.html.matchAll(/name="scores\.([^"]+)"/g)].map((m) => m[1]);
    const review = (c: ConsoleClient, a: string, b: string, rec: string) =>
      c.post(`/app/admission/${admitted}/review`, { [`scores.${c0}`]: a, [`scores.${c1}`]: b, recommendation: rec });
    expect((await review(staffA, '3', '3', 'waitlist')).status).toBe(303);
    expect((await review(staffA, '4', '5', 'admit')).status).toBe(303); // changed before the decision
    expect(await text(staffA, '/app')).not.toContain('等待您评审');
    expect((await review(staffA2, '4', '4', 'admit')).status).toBe(303);
    const reviewed = await staffA.get(`/app/admission/${admitted}`);
    const t = visibleText(reviewed.html);
    expect(t).toContain('评审 2 份');
    expect(t).toContain('综合得分');
    expect(t).toContain('修改我的评审');
    expect(reviewed.html).toMatch(new RegExp(`name="scores\\.${c1}"[^>]*>[\\s\\S]*?<option value="5" selected`));
    const noReason = await staffA.post(`/app/admission/${admitted}/decision`, { decision: 'admitted', reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.html).toMatch(/id="f-reason-error"/);
    const ok = await staffA.post(`/app/admission/${admitted}/decision`, {
      decision: 'admitted',
      reason: '团队扎实，市场清楚。欢迎入驻！',
    });
    expect(ok.status).toBe(303);
    expect(await statusOf(w.pAv)).toBe('incubating');
    const closed = await staffA.post(`/app/admission/${admitted}/decision`, { decision: 'rejected', reason: 'x' });
    expect(closed.status).toBe(409);
    const founder = await text(founderA1, `/app/projects/${w.pAv}`);
    expect(founder).toContain('同意入驻');
    expect(founder).toContain('团队扎实，市场清楚。欢迎入驻！');
    expect(founder).toContain('计划');
  });

  it('shows a rejection and its reason, as written, to the founder in zh, en and bo', async () => {
    const form = await founderA1.get(`/app/projects/${w.pAs}/apply?center=${w.cA}`);
    const qid = /name="answers\.(q-[0-9a-f]+)"/.exec(form.html)![1];
    expect(
      (await founderA1.post(`/app/projects/${w.pAs}/apply`, { centerId: w.cA, [`answers.${qid}`]: '一人' })).status,
    ).toBe(303);
    rejected = (await appOf(w.pAs)).id;
    const page = await staffA.get(`/app/admission/${rejected}`);
    const [c0, c1] = [...page.html.matchAll(/name="scores\.([^"]+)"/g)].map((m) => m[1]);
    for (const c of [staffA, staffA2])
      await c.post(`/app/admission/${rejected}/review`, {
        [`scores.${c0}`]: '1',
        [`scores.${c1}`]: '2',
        recommendation: 'reject',
      });
    const reason = '市场太小，请先完成样品再申请。REASON-XYZ';
    expect((await staffA.post(`/app/admission/${rejected}/decision`, { decision: 'rejected', reason })).status).toBe(
      303,
    );
    const seen = {
      zh: await text(founderA1, `/app/projects/${w.pAs}?lang=zh`),
      en: await text(founderA1, `/app/projects/${w.pAs}?lang=en`),
      bo: await text(founderA1, `/app/projects/${w.pAs}?lang=bo`),
    };
    expect(seen.zh).toContain('不予入驻');
    expect(seen.en).toContain('Rejected');
    expect(seen.en).toContain('The center’s reason');
    expect(seen.bo).toContain('ཁས་མ་བླངས།');
    for (const s of Object.values(seen)) expect(s).toContain(reason);
    await founderA1.get('/app?lang=zh');
  });
});

describe('outcomes, incubation, graduation', () => {
  it('lets the founder enter a month, with errors in place for negative figures and future months', async () => {
    const base = `/app/projects/${w.pAv}/outcomes`;
    expect((await founderA1.get(base)).status).toBe(200);
    expect((await founderB1.get(base)).status).toBe(404);
    const figures = {
      employees: '5',
      graduatesHired: '2',
      localHires: '4',
      revenueCny: '120000',
      fundingRaisedCny: '0',
      ipFilings: '1',
    };
    const negative = await founderA1.post(base, { period: month(-1), ...figures, employees: '-3' });
    expect(negative.status).toBe(422);
    expect(negative.html).toMatch(/id="f-employees-error">不能是负数/);
    const future = await founderA1.post(base, { period: month(1), ...figures });
    expect(future.status).toBe(422);
    expect(future.html).toMatch(/id="f-period-error">不能填报未来月份/);
    const ok = await founderA1.post(base, { period: month(-1), ...figures, registeredEnterprise: 'on' });
    expect(ok.status).toBe(303);
    expect(await text(founderA1, base)).toContain('120,000');
  });

  it('lists the incubating project for its center only; staff lock a month, which then stays read-only', async () => {
    const list = await text(staffA, '/app/incubation');
    expect(list).toContain(M.pAvTitle);
    expect(list).toContain('入驻');
    expect(await text(staffB, '/app/incubation')).not.toContain(M.pAvTitle);
    expect((await staffB.get(`/app/incubation/${w.pAv}`)).status).toBe(404);
    expect((await staffB.post(`/app/incubation/${w.pAv}/outcomes/${month(-1)}/lock`, {})).status).toBe(404);
    expect((await founderA1.post(`/app/incubation/${w.pAv}/outcomes/${month(-1)}/lock`, {})).status).toBe(404);
    const locked = await staffA.post(`/app/incubation/${w.pAv}/outcomes/${month(-1)}/lock`, {});
    expect(locked.status).toBe(303);
    expect(await text(founderA1, `/app/projects/${w.pAv}/outcomes`)).toContain('已锁定');
    const late = await founderA1.post(`/app/projects/${w.pAv}/outcomes`, {
      period: month(-1),
      employees: '6',
      graduatesHired: '2',
      localHires: '4',
      revenueCny: '1',
      fundingRaisedCny: '0',
      ipFilings: '1',
    });
    expect(late.status).toBe(409);
    expect(visibleText(late.html)).toContain('该月份已锁定');
  });

  it('graduates (a future date refused in place); exit and graduate forms are gone afterwards', async () => {
    const base = `/app/incubation/${w.pAv}`;
    // The graduation form offers the center's criteria, in the reader's language (zh when none given).
    const form = (await staffA.get(`${base}?lang=en`)).html;
    const offered = [...form.matchAll(/name="criteria" value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered.slice(0, 2)).toEqual(['registeredEnterprise', 'jobs']);
    expect(offered).toHaveLength(3);
    const own = offered[2];
    expect(own).toMatch(/^g-/);
    expect(visibleText(form)).toContain('Herders earn more');
    expect(visibleText(form)).toContain('已注册企业'); // no English name: Chinese
    expect(visibleText(form)).not.toContain('Revenue target reached');
    await staffA.get('/app?lang=zh');
    const dropped = await staffA.post(`${base}/graduate`, { graduatedOn: todayInShanghai(), criteria: 'revenue' });
    expect(dropped.status).toBe(422);
    expect(visibleText(dropped.html)).toContain('“revenue”不是本中心的毕业标准');
    expect(await statusOf(w.pAv)).toBe('incubating');
    const future = await staffA.post(`${base}/graduate`, { graduatedOn: '2999-01-01', criteria: 'jobs' });
    expect(future.status).toBe(422);
    expect(future.html).toMatch(/id="f-graduatedOn-error"/);
    const noReason = await staffA.post(`${base}/exit`, { reason: '' });
    expect(noReason.status).toBe(422);
    const ok = await staffA.post(`${base}/graduate`, {
      graduatedOn: todayInShanghai(),
      criteria: ['registeredEnterprise', own],
    });
    expect(ok.status).toBe(303);
    expect(await statusOf(w.pAv)).toBe('graduated');
    const page = await text(staffA, ok.location!);
    expect(page).toContain('项目已毕业');
    expect(page).toContain('达到的毕业标准');
    expect(page).toContain('带动牧民增收'); // the criteria met, by name
    expect(page).not.toContain('带动就业达标');
    expect(page).not.toContain('办理毕业');
    const twice = await staffA.post(`${base}/exit`, { reason: 'closed' });
    expect(twice.status).toBe(409);
  });
});

describe('exit, removing rows, admins', () => {
  it('records an exit with its reason for an incubating project', async () => {
    const { apply, decide, submitReview } = await import('../../src/lifecycle/index.ts');
    const { loadForm } = await import('../../src/lifecycle/admission-form.ts');
    const created = await app.request('POST', '/v1/projects', {
      body: projectBody({ title: '酥油灯 EXIT-ME', centerId: w.cA, founderIds: [w.fA2], status: 'submitted' }),
    });
    const projectId = created.body.id as string;
    const form = await loadForm(app.db, w.cA);
    const founder = { role: 'founder' as const, keyId: null, subjectId: w.fA2, centerId: null };
    const clerk = (n: string) => ({
      role: 'center_staff' as const,
      keyId: null,
      accountId: n,
      subjectId: null,
      centerId: w.cA,
    });
    const a = await apply(app.db, founder, {
      projectId,
      centerId: w.cA,
      answers: Object.fromEntries(form.questions.filter((q) => q.required).map((q) => [q.id, '有'])),
    });
    const scores = Object.fromEntries(form.criteria.map((c) => [c.id, 3]));
    for (const n of ['x1', 'x2']) await submitReview(app.db, clerk(n), a.id, { scores, recommendation: 'admit' });
    await decide(app.db, clerk('x1'), a.id, { decision: 'admitted', reason: '同意' });
    const res = await staffA.post(`/app/incubation/${projectId}/exit`, { reason: 'relocated', note: '迁往成都' });
    expect(res.status).toBe(303);
    expect(await statusOf(projectId)).toBe('exited');
    const page = await text(staffA, res.location!);
    expect(page).toContain('已记录项目退出');
    expect(page).toContain('迁往他处');
    expect(page).toContain('迁往成都');
  });

  it('removes a question whose "remove" box is ticked', async () => {
    const html = (await staffA.get('/app/admission/form')).html;
    const row = /name="q\.(\d+)\.zh" type="text" value="现有客户和收入情况"/.exec(html)?.[1];
    expect(row).toBeDefined();
    const form: Record<string, string> = {};
    for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>/g)) {
      const tag = m[0];
      if (/type="checkbox"/.test(tag)) {
        if (/checked/.test(tag)) form[m[1]] = 'on';
      } else if (m[1] !== '_csrf') form[m[1]] = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
    }
    form[`q.${row}.remove`] = 'on';
    const res = await staffA.post('/app/admission/form', form);
    expect(res.status).toBe(303);
    const after = (await staffA.get('/app/admission/form')).html;
    expect(after).not.toContain('现有客户和收入情况');
    expect(after).toContain('value="团队有几位成员？"');
  });

  it('lets an admin choose the center first', async () => {
    const admin = (await signedIn(app, { login: 'life.admin', role: 'admin' })).client;
    const choose = await admin.get('/app/admission');
    expect(choose.status).toBe(200);
    expect(choose.html).toContain('name="center"');
    expect(visibleText(choose.html)).not.toContain(M.pAvTitle);
    const list = await text(admin, `/app/admission?center=${w.cA}`);
    expect(list).toContain(M.pAvTitle);
    expect(await text(admin, `/app/incubation?center=${w.cA}`)).toContain(M.pAvTitle); // graduated
    expect((await admin.get(`/app/admission/form?center=${w.cA}`)).html).toContain('value="市场前景"');
  });
});
