// The audit log page over HTTP: the center's entries only (as GET /v1/audit), readable in zh/en/bo,
// linked to their records, filtered by action, actor, record type and dates, and 404 for other roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, callsAs, M, ok, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let staffA: ConsoleClient;
let staffAId: string;
let founderA1: ConsoleClient;
let mentor1: ConsoleClient;
const as = callsAs(
  () => app,
  () => w,
);
const REASON = '材料齐全，团队稳定 AUDIT-REASON';
const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  const s = await signedIn(app, { login: 'staff.a', role: 'center_staff', centerId: w.cA, displayName: '卓玛' });
  staffA = s.client;
  staffAId = s.id;
  founderA1 = (await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1 })).client;
  mentor1 = (await signedIn(app, { login: 'mentor.1', role: 'mentor', subjectId: w.m1 })).client;
  // Staff A vets the world's submitted project in the console; staff B rejects its draft by the API.
  await staffA.get(`/app/vetting/${w.pAs}`);
  expect((await staffA.post(`/app/vetting/${w.pAs}`, { decision: 'vetted', reason: REASON })).status).toBe(303);
  await ok(as('staffB').patch(`/v1/projects/${w.pBd}`, { status: 'rejected', statusReason: 'B-REASON' }));
  // An introduction of center A's project, asked by staff A's key.
  await ok(as('staffA').post('/v1/introductions', { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 }), 201);
}, 60_000);
afterAll(() => app?.close());

/** The page in Chinese (unless the query asks otherwise: the language choice is remembered). */
const page = async (c: ConsoleClient, query = '') => {
  const q = query.includes('lang=') ? query : `${query}${query ? '&' : '?'}lang=zh`;
  const res = await c.get(`/app/audit${q}`);
  expect(res.status, query).toBe(200);
  return visibleText(res.html);
};
/** The listed entries and the total (not the filter's option labels). */
const entries = async (c: ConsoleClient, query = '') => {
  const text = await page(c, query);
  return text.slice(text.indexOf('清除筛选'));
};

describe('the audit log page', () => {
  it("shows the center's entries, readable, with the project linked and the reason", async () => {
    const res = await staffA.get('/app/audit');
    expect(res.status).toBe(200);
    expect(res.html).toContain(`href="/app/vetting/${w.pAs}"`);
    const text = visibleText(res.html).slice(visibleText(res.html).indexOf('清除筛选'));
    expect(text).toContain('项目审核状态变更');
    expect(text).toContain(`项目《${M.pAsTitle}》`);
    expect(text).toContain('已提交 → 已审核');
    expect(text).toContain(REASON);
    expect(text).toContain('你'); // the reader's own entries
    expect(text).toContain('请求对接');
    expect(text).toContain('API 密钥');
    // Center B's entries are not here.
    expect(text).not.toContain('B-REASON');
    expect(text).not.toContain(M.pBdTitle);
    expect(await page(staffA, '?lang=en')).toContain('Project status changed');
    expect(await page(staffA, '?lang=bo')).toContain('ལས་གཞིའི་གནས་སྟངས་བསྒྱུར།');
  });

  it('filters by action, actor, record type and dates, with the total', async () => {
    const byAction = await entries(staffA, '?action=project.status');
    expect(byAction).toContain('共 2 条记录'); // staff A's decision, and the admin creating pAv as vetted
    expect(byAction).not.toContain('请求对接');
    const byActor = await entries(staffA, `?actor=${encodeURIComponent(`account:${staffAId}`)}`);
    expect(byActor).toContain('项目审核状态变更');
    expect(byActor).not.toContain('请求对接'); // that one was the key's
    const byKind = await entries(staffA, '?entityKind=introduction');
    expect(byKind).toContain('请求对接');
    expect(byKind).not.toContain('项目审核状态变更');
    expect(await entries(staffA, `?since=${shanghaiDay()}&until=${shanghaiDay()}`)).toContain('项目审核状态变更');
    expect(await entries(staffA, `?since=${shanghaiDay(1)}`)).toContain('没有符合条件的记录');
    expect(await entries(staffA, `?until=${shanghaiDay(-1)}`)).toContain('共 0 条记录');
    const backwards = await staffA.get(`/app/audit?since=${shanghaiDay()}&until=${shanghaiDay(-2)}&lang=zh`);
    expect(backwards.status).toBe(422);
    expect(backwards.html).toContain('id="f-until-error"');
    // Nonsense filters match nothing and break nothing.
    expect(await entries(staffA, '?action=%27%3B%20drop&since=yesterday')).toContain('共 0 条记录');
  });

  it('pages newest first', async () => {
    const staffKey = w.keys.staffA;
    for (let i = 0; i < 3; i++)
      await app.request('POST', '/v1/introductions', {
        key: staffKey,
        body: { projectId: w.pAv, targetKind: 'mentor', targetId: w.m2 },
      });
    const text = await entries(staffA);
    // The newest entry (the last request) comes before the vetting decision.
    expect(text.indexOf('请求对接')).toBeLessThan(text.indexOf('项目审核状态变更'));
  });

  it('is 404 for founders and mentors', async () => {
    expect((await founderA1.get('/app/audit')).status).toBe(404);
    expect((await mentor1.get('/app/audit')).status).toBe(404);
  });
});
