// The center's introductions and training invitations over HTTP: who waits for whom and since when,
// stale ones marked, nudge and end through the engagement modules (audited), the center's records
// only, and 404 for other roles. Also the domain rule behind "end": the center (or an admin) may
// close a request nobody answered; a founder may not.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable, introductionsTable, trainingInvitationsTable } from '../../models/schema.ts';
import { buildWorld, callsAs, M, ok, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let staffA: ConsoleClient;
let staffB: ConsoleClient;
let founderA1: ConsoleClient;
let mentor1: ConsoleClient;
let stale: string; // pAv → mentor 1, requested 10 days ago
let accepted: string; // pAv → investor 1, accepted
let otherCenter: string; // pBv → mentor 2 (center B)
let invitation: string; // founder A1 invited to training 1
const as = callsAs(
  () => app,
  () => w,
);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const lastAudit = async (id: string) =>
  (await app.db.select().from(auditTable).where(eq(auditTable.entityId, id)).orderBy(desc(auditTable.id)).limit(1))[0];
const introStatus = async (id: string) =>
  (await app.db.select().from(introductionsTable).where(eq(introductionsTable.id, id)))[0];

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  staffA = (await signedIn(app, { login: 'staff.a', role: 'center_staff', centerId: w.cA })).client;
  staffB = (await signedIn(app, { login: 'staff.b', role: 'center_staff', centerId: w.cB })).client;
  founderA1 = (await signedIn(app, { login: 'founder.a1', role: 'founder', subjectId: w.fA1 })).client;
  mentor1 = (await signedIn(app, { login: 'mentor.1', role: 'mentor', subjectId: w.m1 })).client;
  const request = (actor: 'staffA' | 'staffB', projectId: string, targetKind: string, targetId: string) =>
    ok(as(actor).post('/v1/introductions', { projectId, targetKind, targetId }), 201).then((b) => b.id as string);
  stale = await request('staffA', w.pAv, 'mentor', w.m1);
  await app.db
    .update(introductionsTable)
    .set({ createdAt: daysAgo(10) })
    .where(eq(introductionsTable.id, stale));
  accepted = await request('staffA', w.pAv, 'investor', w.i1);
  await ok(as('investor1').post(`/v1/introductions/${accepted}/accept`, {}));
  otherCenter = await request('staffB', w.pBv, 'mentor', w.m2);
  invitation = (await ok(as('staffA').post(`/v1/trainings/${w.t1}/invitations`, { founderId: w.fA1 }), 201)).id;
}, 60_000);
afterAll(() => app?.close());

const page = async (c: ConsoleClient, query = '') => {
  const res = await c.get(`/app/center-introductions${query}`);
  expect(res.status, query).toBe(200);
  return visibleText(res.html);
};

describe('introductions and enrolments of the center', () => {
  it('lists who waits for whom and since when, stale ones marked, the center’s only', async () => {
    const text = await page(staffA, '?lang=zh');
    expect(text).toContain('对接（1）');
    expect(text).toContain(M.pAvTitle);
    expect(text).toContain('导师一 MENTOR-1');
    expect(text).toContain('等待导师回复');
    expect(text).toContain(`自 ${daysAgo(10).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} 起，10 天`);
    expect(text).toContain('超过 7 天未回复');
    expect(text).not.toContain('投资人一'); // accepted: not waiting
    expect(text).toContain('培训邀请（1）');
    expect(text).toContain('训练营一 TRAINING-1');
    expect(text).toContain(M.fA1Name);
    expect(text).toContain('等待创业者回复');
    expect(text).not.toContain(M.pBvTitle);
    const all = await page(staffA, '?status=all');
    expect(all).toContain('对接（2）');
    expect(all).toContain('投资人一 INVESTOR-1');
    expect(await page(staffA, '?status=accepted&lang=en')).toContain('Introductions (1)');
    expect(await page(staffA, '?status=bogus&lang=bo')).toContain('ངོ་སྤྲོད། (1)'); // unknown filter: open ones
    const b = await page(staffB, '?lang=zh');
    expect(b).toContain(M.pBvTitle);
    expect(b).not.toContain(M.pAvTitle);
  });

  it('nudges an open introduction and invitation (audited, shown as nudged on …)', async () => {
    await staffA.get('/app/center-introductions?lang=zh');
    const res = await staffA.post(`/app/center-introductions/introductions/${stale}/nudge`, { status: 'open' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/center-introductions?status=open&done=nudged');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const text = await page(staffA, '?done=nudged');
    expect(text).toContain('提醒已记录');
    expect(text).toContain(`已于 ${today} 提醒`);
    expect((await introStatus(stale)).nudgedAt).toBeInstanceOf(Date);
    const entry = await lastAudit(stale);
    expect(entry).toMatchObject({ action: 'introduction.nudge', centerId: w.cA, entityKind: 'introduction' });
    expect(entry.detail).toMatchObject({ projectId: w.pAv, targetKind: 'mentor', waitingFor: 'mentor' });

    expect((await staffA.post(`/app/center-introductions/invitations/${invitation}/nudge`, {})).status).toBe(303);
    const [inv] = await app.db
      .select()
      .from(trainingInvitationsTable)
      .where(eq(trainingInvitationsTable.id, invitation));
    expect(inv.nudgedAt).toBeInstanceOf(Date);
    expect(await lastAudit(invitation)).toMatchObject({ action: 'training_invitation.nudge', centerId: w.cA });
    // Only what waits is nudged.
    expect((await staffA.post(`/app/center-introductions/introductions/${accepted}/nudge`, {})).status).toBe(409);
  });

  it("refuses other centers' records (404) and other roles (404)", async () => {
    await staffB.get('/app/center-introductions');
    expect((await staffB.post(`/app/center-introductions/introductions/${stale}/nudge`, {})).status).toBe(404);
    expect((await staffB.post(`/app/center-introductions/introductions/${stale}/end`, {})).status).toBe(404);
    expect((await staffB.post(`/app/center-introductions/invitations/${invitation}/nudge`, {})).status).toBe(404);
    expect((await staffA.post(`/app/center-introductions/introductions/${otherCenter}/end`, {})).status).toBe(404);
    expect((await introStatus(stale)).status).toBe('requested');
    for (const c of [founderA1, mentor1]) {
      expect((await c.get('/app/center-introductions')).status).toBe(404);
      await c.get('/app');
      expect((await c.post(`/app/center-introductions/introductions/${stale}/nudge`, {})).status).toBe(404);
    }
  });

  it('lets only the center or an admin close a request nobody answered (domain rule, via the API too)', async () => {
    // A founder of the project may not (it has nothing to withdraw it with): 409 as before.
    expect((await as('founderA1').post(`/v1/introductions/${stale}/end`, {})).status).toBe(409);
    expect((await as('mentor1').post(`/v1/introductions/${stale}/end`, {})).status).toBe(409);
    expect((await introStatus(stale)).status).toBe('requested');
  });

  it('ends a stale request and an accepted introduction (audited); the project may then ask again', async () => {
    await staffA.get('/app/center-introductions');
    const res = await staffA.post(`/app/center-introductions/introductions/${stale}/end`, { status: 'open' });
    expect(res.status).toBe(303);
    expect(await page(staffA, '?done=ended&lang=zh')).toContain('已结束。');
    const row = await introStatus(stale);
    expect(row).toMatchObject({ status: 'ended', decidedAt: null, endReason: null });
    const entry = await lastAudit(stale);
    expect(entry).toMatchObject({ action: 'introduction.end', centerId: w.cA });
    expect(entry.detail).toMatchObject({ from: 'requested', to: 'ended' });
    // Never decided: the mentor may be asked again.
    await ok(
      as('founderA1').post('/v1/introductions', { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 }),
      201,
    );

    await staffA.get('/app/center-introductions?status=accepted');
    expect((await staffA.post(`/app/center-introductions/introductions/${accepted}/end`, {})).status).toBe(303);
    expect((await introStatus(accepted)).status).toBe('ended');
    expect((await lastAudit(accepted)).detail).toMatchObject({ from: 'accepted', to: 'ended' });
    const ended = await page(staffA, '?status=ended');
    expect(ended).toContain('对接（2）');
    const audit = await app.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'introduction.end'), eq(auditTable.centerId, w.cA)));
    expect(audit).toHaveLength(2);
  });
});
