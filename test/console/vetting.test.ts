// The vetting queue over HTTP (real app, real database): the center's submitted projects oldest first
// with their wait, a decision with a reason the founders read (zh/en/bo), the audit entry keeping the
// reason, re-vetting after a founder's material edit, and 404 for other centers and other roles.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable, projectsTable } from '../../models/schema.ts';
import { buildWorld, callsAs, M, ok, projectBody, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let staffA: ConsoleClient;
let staffB: ConsoleClient;
let founderA1: ConsoleClient;
let older: string;
let newer: string;
const as = callsAs(
  () => app,
  () => w,
);

const submitted = async (title: string) =>
  (await ok(as('staffA').post('/v1/projects', projectBody({ title, founderIds: [w.fA1], status: 'submitted' })), 201))
    .id as string;
const lastAudit = async (id: string) =>
  (
    await app.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, id), eq(auditTable.entityKind, 'project')))
      .orderBy(desc(auditTable.id))
      .limit(1)
  )[0];

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  staffA = (await signedIn(app, { login: 'staff.a', role: 'center_staff', centerId: w.cA })).client;
  staffB = (await signedIn(app, { login: 'staff.b', role: 'center_staff', centerId: w.cB })).client;
  founderA1 = (await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1 })).client;
  older = await submitted('牦牛绒围巾 VET-OLDER');
  newer = await submitted('藏香工坊 VET-NEWER');
  // Waiting for ten and two days: the queue is ordered by submittedAt, not by creation.
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
  await app.db
    .update(projectsTable)
    .set({ submittedAt: ago(10) })
    .where(eq(projectsTable.id, older));
  await app.db
    .update(projectsTable)
    .set({ submittedAt: ago(2) })
    .where(eq(projectsTable.id, newer));
}, 60_000);
afterAll(() => app?.close());

describe('the vetting queue', () => {
  it("lists the center's submitted projects oldest first, with how long each waited and the total", async () => {
    const res = await staffA.get('/app/vetting');
    expect(res.status).toBe(200);
    const text = visibleText(res.html);
    expect(text).toContain('共 3 个项目等待审核'); // pAs of the world, and the two above
    expect(text).toContain('已等待 10 天');
    expect(text).toContain('已等待 2 天');
    expect(text.indexOf('VET-OLDER')).toBeLessThan(text.indexOf('VET-NEWER'));
    expect(text).not.toContain(M.pBvTitle);
    expect(text).not.toContain(M.pAvTitle); // vetted: not waiting
    // Center B's staff see none of them.
    const b = visibleText((await staffB.get('/app/vetting')).html);
    expect(b).toContain('目前没有等待审核的项目');
    expect(b).not.toContain('VET-OLDER');
    // The home page says what waits.
    expect(visibleText((await staffA.get('/app')).html)).toContain('3 个项目等待审核');
  });

  it("is 404 for other centers' projects and for other roles", async () => {
    expect((await staffB.get(`/app/vetting/${older}`)).status).toBe(404);
    const forged = await staffB.post(`/app/vetting/${older}`, { decision: 'vetted', reason: '' });
    expect(forged.status).toBe(404);
    expect((await app.db.select().from(projectsTable).where(eq(projectsTable.id, older)))[0].status).toBe('submitted');
    for (const path of ['/app/vetting', `/app/vetting/${older}`]) {
      expect((await founderA1.get(path)).status, path).toBe(404);
    }
    expect((await staffA.get('/app/vetting/not-a-uuid')).status).toBe(404);
  });

  it('refuses a rejection without a reason in place (422), then rejects with one the founder reads in zh, en and bo', async () => {
    const page = await staffA.get(`/app/vetting/${newer}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain(M.fA1Name);
    const missing = await staffA.post(`/app/vetting/${newer}`, { decision: 'rejected', reason: '  ' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('id="f-reason-error"');
    expect(missing.html).toMatch(/value="rejected"[^>]*checked/);
    const none = await staffA.post(`/app/vetting/${newer}`, { reason: 'x' });
    expect(none.status).toBe(422);
    expect(none.html).toContain('id="f-decision-error"');

    const reason = '缺少市场调研数据，请补充 REASON-1';
    const done = await staffA.post(`/app/vetting/${newer}`, { decision: 'rejected', reason });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/app/vetting/${newer}?done=rejected`);
    expect(visibleText((await staffA.get(done.location!)).html)).toContain('未通过审核，原因已告知创业者');
    const entry = await lastAudit(newer);
    expect(entry.action).toBe('project.status');
    expect(entry.detail).toEqual({ from: 'submitted', to: 'rejected', reason });

    const heading = { zh: '双创中心的审核意见', en: 'What the center says', bo: 'ལྟེ་གནས་ཀྱི་ཞིབ་བཤེར་བསམ་འཆར།' };
    for (const lang of ['zh', 'en', 'bo'] as const) {
      const text = visibleText((await founderA1.get(`/app/projects/${newer}?lang=${lang}`)).html);
      expect(text, lang).toContain(heading[lang]);
      expect(text, lang).toContain(reason);
    }
    // The API shows it to the founder, not to investors.
    expect((await ok(as('founderA1').get(`/v1/projects/${newer}`))).statusReason).toBe(reason);
    // Decided: no second decision from a stale page.
    const again = await staffA.post(`/app/vetting/${newer}`, { decision: 'vetted', reason: '' });
    expect(again.status).toBe(409);
  });

  it('approves without a reason; a founder may not write the reason', async () => {
    const done = await staffA.post(`/app/vetting/${older}`, { decision: 'vetted', reason: '' });
    expect(done.status).toBe(303);
    const p = await ok(as('founderA1').get(`/v1/projects/${older}`));
    expect(p.status).toBe('vetted');
    expect(p.statusReason).toBeNull();
    expect((await lastAudit(older)).detail).toEqual({ from: 'submitted', to: 'vetted' });
    // Investors read vetted projects, never the center's reason.
    const inv = await ok(as('investor1').get(`/v1/projects/${older}`));
    expect(inv).not.toHaveProperty('statusReason');
    expect((await as('founderA1').patch(`/v1/projects/${older}`, { statusReason: '自己写的' })).status).toBe(403);
  });

  it('returns a project edited after its decision to the queue, marked for re-vetting, with a new submittedAt', async () => {
    const before = await ok(as('founderA1').get(`/v1/projects/${newer}`));
    expect(before.status).toBe('rejected');
    const edited = await ok(
      as('founderA1').patch(`/v1/projects/${newer}`, { description: '补充了市场调研：拉萨三家商场试销。' }),
    );
    expect(edited.status).toBe('submitted');
    expect(edited.statusReason).toBeNull(); // the reason belonged to the decision
    expect(Date.now() - new Date(edited.submittedAt).getTime()).toBeLessThan(60_000);
    const queue = visibleText((await staffA.get('/app/vetting')).html);
    expect(queue).toContain('VET-NEWER');
    expect(queue).toContain('重新审核：决定后又被修改');
    expect(queue).toContain('今天提交');
    // The world's pAs was never decided: no mark.
    const review = visibleText((await staffA.get(`/app/vetting/${w.pAs}`)).html);
    expect(review).not.toContain('重新审核');
  });

  it('keeps submittedAt out of request bodies (server-kept)', async () => {
    const res = await as('staffA').patch(`/v1/projects/${w.pAs}`, { submittedAt: new Date().toISOString() });
    expect(res.status).toBe(422); // an unknown field, as for any other
    expect(res.text).toContain('submittedAt');
  });
});
