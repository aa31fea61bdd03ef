// Coach assignment in the console (/app/assignment): staff start a run, watch it finish, read the
// result (coaches with scores and reasons, the unassigned and why, objective against greedy and the
// bound, mentor loads), re-run with pins and exclusions, publish once. Other centers' staff and other
// roles get 404; bad input is marked in place with 422 and starts nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentRunsTable, introductionsTable } from '../../models/schema.ts';
import type { RunResult } from '../../src/assignment/run.ts';
import { founderBody, mentorBody, projectBody } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let centerA: string;
let centerB: string;
let founderA: string;
const projects: Record<string, string> = {};
const mentors: Record<string, string> = {};
let staffA: ConsoleClient;
let staffB: ConsoleClient;
let founder: ConsoleClient;
let admin: ConsoleClient;

const create = async (path: string, body: unknown) => {
  const res = await app.request('POST', path, { body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body.id as string;
};

beforeAll(async () => {
  app = await startTestApp();
  centerA = await create('/v1/centers', { name: '拉萨分配中心', kind: 'incubator', regionCode: '540102' });
  centerB = await create('/v1/centers', { name: '日喀则中心', kind: 'incubator', regionCode: '540202' });
  founderA = await create('/v1/founders', founderBody('分配创始人', 'wx-assign-a', centerA));
  const founderB = await create('/v1/founders', founderBody('乙中心创始人', 'wx-assign-b', centerB));
  for (const title of ['青稞即食粥', '牦牛酸奶', '藏香工坊'])
    projects[title] = await create(
      '/v1/projects',
      projectBody({ title, centerId: centerA, founderIds: [founderA], status: 'submitted' }),
    );
  projects.draft = await create(
    '/v1/projects',
    projectBody({ title: '草稿项目', centerId: centerA, founderIds: [founderA], status: 'draft' }),
  );
  projects.other = await create(
    '/v1/projects',
    projectBody({ title: '乙中心项目', centerId: centerB, founderIds: [founderB], status: 'submitted' }),
  );
  mentors.one = await create('/v1/mentors', { ...mentorBody('次仁导师', 'wx-m-1'), capacity: 1 });
  mentors.two = await create('/v1/mentors', { ...mentorBody('卓玛导师', 'wx-m-2'), capacity: 2 });
  ({ client: staffA } = await signedIn(app, { login: 'assign.staff.a', role: 'center_staff', centerId: centerA }));
  ({ client: staffB } = await signedIn(app, { login: 'assign.staff.b', role: 'center_staff', centerId: centerB }));
  ({ client: founder } = await signedIn(app, { login: 'assign.founder', role: 'founder', subjectId: founderA }));
  ({ client: admin } = await signedIn(app, { login: 'assign.admin', role: 'admin' }));
});
afterAll(() => app?.close());

const runsOfA = async () => app.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.centerId, centerA));

/** Follows the run's page (it reloads itself while the run works) until it is finished. */
async function finished(client: ConsoleClient, runPath: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await client.get(runPath);
    expect(page.status).toBe(200);
    if (!page.html.includes('http-equiv="refresh"')) return page;
    if (Date.now() > deadline) throw new Error(`${runPath} still working`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startRun(client: ConsoleClient, form: Record<string, string | string[]>) {
  await client.get('/app/assignment');
  const res = await client.post('/app/assignment', form);
  expect(res.status, res.html.slice(0, 300)).toBe(303);
  expect(res.location).toMatch(/^\/app\/assignment\/[0-9a-f-]{36}$/);
  return { path: res.location!, id: res.location!.split('/').pop()!, page: await finished(client, res.location!) };
}

const resultOf = async (id: string) =>
  (await app.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.id, id)))[0].result as RunResult;

describe('who sees the assignment pages', () => {
  it('founders get 404; staff see their center’s form; admins choose a center first', async () => {
    expect((await founder.get('/app/assignment')).status).toBe(404);
    expect((await founder.post('/app/assignment', {})).status).toBe(404);
    const page = await staffA.get('/app/assignment');
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('青稞即食粥');
    expect(text).toContain('次仁导师');
    expect(text).not.toContain('乙中心项目'); // another center's project is no choice
    expect(text).not.toContain('草稿项目'); // drafts get no coach
    const adminPage = await admin.get('/app/assignment');
    expect(adminPage.status).toBe(200);
    expect(visibleText(adminPage.html)).toContain('请先选择一个中心');
    expect(adminPage.html).toContain(`value="${centerA}"`);
    const chosen = await admin.get(`/app/assignment?center=${centerA}`);
    expect(visibleText(chosen.html)).toContain('青稞即食粥');
  });
});

describe('progress while a run works', () => {
  it('a queued run’s page reloads itself and offers no publish yet', async () => {
    // A run row as the domain leaves it before its job starts (not queued anywhere: it stays queued).
    const [row] = await app.db
      .insert(assignmentRunsTable)
      .values({ centerId: centerA, status: 'queued', input: {}, createdBy: 'test' })
      .returning();
    const page = await staffA.get(`/app/assignment/${row.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<meta http-equiv="refresh" content="3"');
    expect(visibleText(page.html)).toContain('排队中');
    expect(page.html).not.toContain('/publish"');
    expect(page.html).not.toContain('重新分配');
    const early = await staffA.post(`/app/assignment/${row.id}/publish`, {});
    expect(early.status).toBe(409);
    expect(visibleText(early.html)).toContain('只有已完成的任务可以发布');
    await app.db.delete(assignmentRunsTable).where(eq(assignmentRunsTable.id, row.id));
  });
});

describe('admins', () => {
  it('start a run for the center they chose and are sent back to that center', async () => {
    await admin.get(`/app/assignment?center=${centerA}`);
    const res = await admin.post('/app/assignment', { center: centerA, projectPool: 'default' });
    expect(res.status).toBe(303);
    const id = res.location!.split('/').pop()!;
    const [row] = await app.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.id, id));
    expect(row.centerId).toBe(centerA);
    const page = await finished(admin, res.location!);
    expect(page.html).toContain(`href="/app/assignment?center=${centerA}"`);
    const unknown = await admin.post('/app/assignment', { center: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    await app.db.delete(assignmentRunsTable).where(eq(assignmentRunsTable.id, id));
  });
});

describe('bad input is marked in place and starts nothing', () => {
  it('an empty choice, half a pin, a pinned and excluded pair, another center’s project → 422', async () => {
    await staffA.get('/app/assignment');
    const before = (await runsOfA()).length;
    const noneChosen = await staffA.post('/app/assignment', { projectPool: 'chosen', mentorPool: 'all' });
    expect(noneChosen.status).toBe(422);
    expect(noneChosen.html).toContain('id="f-projectIds-error"');
    expect(noneChosen.html).toMatch(/<input type="radio" name="projectPool" value="chosen" checked/); // kept

    const half = await staffA.post('/app/assignment', { 'pins.0.projectId': projects.青稞即食粥 });
    expect(half.status).toBe(422);
    expect(half.html).toContain('id="f-pins.0.mentorId-error"');

    const both = await staffA.post('/app/assignment', {
      'pins.0.projectId': projects.青稞即食粥,
      'pins.0.mentorId': mentors.one,
      'exclusions.0.projectId': projects.青稞即食粥,
      'exclusions.0.mentorId': mentors.one,
    });
    expect(both.status).toBe(422);
    expect(visibleText(both.html)).toContain('该配对同时被固定和排除');

    const other = await staffA.post('/app/assignment', { projectPool: 'chosen', projectIds: [projects.other] });
    expect(other.status).toBe(422);
    expect(other.html).toContain('id="f-projectIds-error"');
    expect(visibleText(other.html)).toContain('项目不存在或不属于本中心');

    const balance = await staffA.post('/app/assignment', { balance: '7' });
    expect(balance.status).toBe(422);
    expect(balance.html).toContain('id="f-balance-error"');
    expect((await runsOfA()).length).toBe(before);
  });
});

describe('a run, its result, a re-run with a pin and an exclusion, publish', () => {
  let firstId: string;
  let secondId: string;

  it('runs the default pool and shows coaches with scores and reasons, the unassigned, the objective and loads', async () => {
    const { id, page } = await startRun(staffA, { projectPool: 'default', mentorPool: 'all', balance: '0' });
    firstId = id;
    const text = visibleText(page.html);
    expect(text).toContain('已完成');
    // Three projects, three places (1 + 2): every project gets a coach.
    expect(text).toContain('3 个项目分到了导师，0 个未分配');
    for (const title of ['青稞即食粥', '牦牛酸奶', '藏香工坊']) expect(text).toContain(title);
    expect(page.html).toContain('class="reasons"');
    expect(page.html).toContain('<meter');
    expect(text).toContain('总匹配度');
    expect(text).toMatch(/这是可能达到的最佳方案|相差不到/); // the bound, in plain words
    expect(text).toContain('导师负担');
    expect(text).toContain('卓玛导师');
    // Not published yet: the publish button and the re-run form are there.
    expect(page.html).toContain(`action="/app/assignment/${id}/publish"`);
    expect(page.html).toContain('重新分配');
    const result = await resultOf(id);
    expect(result.assignments).toHaveLength(3);
    // English readers read the reasons in English.
    const en = await staffA.get(`/app/assignment/${id}?lang=en`);
    expect(visibleText(en.html)).toContain('Total match score');
    await staffA.get('/app/assignment?lang=zh');
  });

  it('lists the run on the center’s page, newest first', async () => {
    const page = await staffA.get('/app/assignment');
    expect(page.html).toContain(`href="/app/assignment/${firstId}"`);
  });

  it('a re-run keeps the pin and avoids the exclusion, and its form comes prefilled', async () => {
    const first = await resultOf(firstId);
    const soup = projects.青稞即食粥;
    const firstMentorOfSoup = first.assignments.find((a) => a.projectId === soup)!.mentorId;
    const otherMentor = firstMentorOfSoup === mentors.one ? mentors.two : mentors.one;
    // Pin the yogurt project to mentor two, and forbid the soup's first coach for the soup.
    const yogurt = projects.牦牛酸奶;
    const { id, page } = await startRun(staffA, {
      projectPool: 'default',
      mentorPool: 'all',
      balance: '0',
      'pins.0.projectId': yogurt,
      'pins.0.mentorId': mentors.two,
      'exclusions.0.projectId': soup,
      'exclusions.0.mentorId': firstMentorOfSoup,
    });
    secondId = id;
    const result = await resultOf(id);
    const pinned = result.assignments.find((a) => a.projectId === yogurt)!;
    expect(pinned).toMatchObject({ mentorId: mentors.two, pinned: true });
    const soupCoach = result.assignments.find((a) => a.projectId === soup);
    expect(soupCoach?.mentorId).not.toBe(firstMentorOfSoup);
    if (soupCoach) expect(soupCoach.mentorId).toBe(otherMentor);
    expect(visibleText(page.html)).toContain('固定');
    // The re-run form holds this run's pin and exclusion.
    expect(page.html).toMatch(new RegExp(`id="f-pins\\.0\\.projectId"[\\s\\S]*?<option value="${yogurt}" selected`));
    expect(page.html).toMatch(
      new RegExp(`id="f-exclusions\\.0\\.mentorId"[\\s\\S]*?<option value="${firstMentorOfSoup}" selected`),
    );
  });

  it('a pair of the last run can be excluded in one step from its page', async () => {
    const page = await staffA.get(`/app/assignment/${firstId}`);
    const hidden = (name: string) =>
      new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]+)"`).exec(page.html)![1];
    const pair = { projectId: hidden('keep.0.projectId'), mentorId: hidden('keep.0.mentorId') };
    expect(page.html).toContain('id="f-keep.0"');
    const { id } = await startRun(staffA, {
      projectPool: 'default',
      'keep.0': 'exclude',
      'keep.0.projectId': pair.projectId,
      'keep.0.mentorId': pair.mentorId,
      'keep.1': '',
    });
    const [row] = await app.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.id, id));
    expect((row.input as { exclusions: unknown[] }).exclusions).toEqual([pair]);
    const result = row.result as RunResult;
    expect(result.assignments.some((a) => a.projectId === pair.projectId && a.mentorId === pair.mentorId)).toBe(false);
  });

  it('other centers’ staff and founders get 404 for the run and its publish', async () => {
    for (const who of [staffB, founder]) {
      expect((await who.get(`/app/assignment/${secondId}`)).status).toBe(404);
      await who.get('/app');
      expect((await who.post(`/app/assignment/${secondId}/publish`, {})).status).toBe(404);
    }
    expect((await staffB.get('/app/assignment/not-a-run')).status).toBe(404);
    // Staff B's own page lists none of center A's runs, and B cannot start a run for A.
    const pageB = await staffB.get('/app/assignment');
    expect(pageB.html).not.toContain(secondId);
    const res = await staffB.post('/app/assignment', { center: centerA, projectPool: 'default' });
    expect(res.status).toBe(303); // the form's center is ignored for staff: the run is B's own
    const runB = res.location!.split('/').pop()!;
    const [row] = await app.db.select().from(assignmentRunsTable).where(eq(assignmentRunsTable.id, runB));
    expect(row.centerId).toBe(centerB);
    await finished(staffB, res.location!);
    expect(await introsOf(secondId)).toHaveLength(0);
  });

  it('publishing makes the introductions once; a second publish is refused with a clear message', async () => {
    const page = await staffA.get(`/app/assignment/${secondId}`);
    expect(page.status).toBe(200);
    const res = await staffA.post(`/app/assignment/${secondId}/publish`, {});
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/app/assignment/${secondId}?done=published`);
    const result = await resultOf(secondId);
    const intros = await introsOf(secondId);
    expect(intros).toHaveLength(result.assignments.length);
    expect(intros.every((i) => i.status === 'requested' && i.targetKind === 'mentor')).toBe(true);
    const done = await staffA.get(res.location!);
    expect(visibleText(done.html)).toContain('已发布：对接请求已发给导师');
    expect(done.html).not.toContain(`action="/app/assignment/${secondId}/publish"`);

    const again = await staffA.post(`/app/assignment/${secondId}/publish`, {});
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('该分配结果已于');
    expect(await introsOf(secondId)).toHaveLength(result.assignments.length);
    // The first run now collides with the published one (same places): refused, nothing written.
    const stale = await staffA.post(`/app/assignment/${firstId}/publish`, {});
    expect(stale.status).toBe(409);
    expect(await introsOf(firstId)).toHaveLength(0);
  });
});

const introsOf = (runId: string) =>
  app.db
    .select()
    .from(introductionsTable)
    .where(and(eq(introductionsTable.assignmentRunId, runId)));
