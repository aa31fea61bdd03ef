// Investor-initiated introductions (issue 19): an investor asks to meet a vetted project for itself
// (`initiator: 'target'`); the project side (its founders, its center's staff, admins) accepts or
// declines, never the investor; out of scope is 404, naming someone else 403, a second ask 409;
// after acceptance the contact rules are those of any accepted introduction; audited with the initiator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { introductionsTable, projectsTable } from '../../models/schema.ts';
import type { TestApp } from '../harness.ts';
import { M, createKey, expectProblem, investorBody, ok, projectBody, type Actor, type World } from '../auth/world.ts';
import { auditRows, bootWorld, callerFor, create, UNKNOWN, type Caller } from './helpers.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;

beforeAll(async () => ({ t, w, as } = await bootWorld()));
afterAll(async () => {
  await t?.close();
});

/** A fresh investor (admin-created) and a key bound to it. */
async function newInvestor(name: string, contact = `wx-${name}`) {
  const id = await create(t, '/v1/investors', investorBody(name, contact));
  return { id, as: callerFor(t, (await createKey(t, 'investor', { subjectId: id })).key) };
}
const ask = (inv: { id: string; as: Caller }, projectId: string, message?: string) =>
  inv.as.post('/v1/introductions', {
    projectId,
    targetKind: 'investor',
    targetId: inv.id,
    ...(message === undefined ? {} : { message }),
  });

describe('an investor asks for an introduction', () => {
  it('for a vetted project: 201 with initiator "target", audited with the initiator', async () => {
    const inv = await newInvestor('主动投资人');
    const res = await ask(inv, w.pAv, '想了解你们的融资计划 / your funding plans');
    const body = await ok(res, 201);
    expect(body).toMatchObject({
      projectId: w.pAv,
      targetKind: 'investor',
      targetId: inv.id,
      status: 'requested',
      initiator: 'target',
      message: '想了解你们的融资计划 / your funding plans',
    });
    expect(res.headers.get('location')).toBe(`/v1/introductions/${body.id}`);
    const [audit] = await auditRows(t, 'introduction.request', body.id);
    expect(audit.detail).toMatchObject({ projectId: w.pAv, targetKind: 'investor', initiator: 'target' });
    // the investor sees it (list and by id); the project's founders and center see it; others do not
    expect(await ok(inv.as.get(`/v1/introductions/${body.id}`))).toMatchObject({ initiator: 'target' });
    for (const who of ['founderA1', 'founderA2', 'staffA', 'admin'] as Actor[])
      expect((await as(who).get(`/v1/introductions/${body.id}`)).status, who).toBe(200);
    for (const who of ['founderB1', 'staffB', 'investor1', 'mentor1'] as Actor[])
      expectProblem(await as(who).get(`/v1/introductions/${body.id}`), 404);
  });

  it('a project asked for by its side keeps initiator "project" (the existing contract)', async () => {
    const inv = await newInvestor('被请求投资人');
    const body = await ok(
      as('founderB1').post('/v1/introductions', { projectId: w.pBv, targetKind: 'investor', targetId: inv.id }),
      201,
    );
    expect(body.initiator).toBe('project');
  });

  it('vetted projects of any center are readable; unvetted, draft, archived or unknown ones are 404', async () => {
    const inv = await newInvestor('范围投资人');
    expect((await ok(ask(inv, w.pBv), 201)).initiator).toBe('target');
    const archived = await create(
      t,
      '/v1/projects',
      projectBody({ title: '归档项目', centerId: w.cA, founderIds: [w.fA1], status: 'vetted' }),
    );
    await t.db.update(projectsTable).set({ archivedAt: new Date() }).where(eq(projectsTable.id, archived));
    for (const p of [w.pAs, w.pBd, archived, UNKNOWN])
      expectProblem(await ask(inv, p), 404, M.pAsTitle, M.pBdTitle, M.pAsConf);
    expectProblem(await ask(inv, 'not-a-uuid'), 422);
    expect(await t.db.select().from(introductionsTable).where(eq(introductionsTable.targetId, inv.id))).toHaveLength(1);
  });

  it('for another investor or a mentor: 403, nothing written', async () => {
    const inv = await newInvestor('代问投资人');
    const other = await newInvestor('另一投资人');
    for (const body of [
      { projectId: w.pAv, targetKind: 'investor', targetId: other.id },
      { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 },
      { projectId: w.pAv, targetKind: 'mentor', targetId: inv.id },
    ])
      expectProblem(await inv.as.post('/v1/introductions', body), 403);
    expect(await t.db.select().from(introductionsTable).where(eq(introductionsTable.targetId, other.id))).toEqual([]);
  });

  it('twice: 409 (open); after the project declines: 409 (not asked again)', async () => {
    const inv = await newInvestor('重复投资人');
    const first = await ok(ask(inv, w.pAv), 201);
    expectProblem(await ask(inv, w.pAv), 409);
    await ok(as('founderA2').post(`/v1/introductions/${first.id}/decline`, { note: '暂不融资 / not raising now' }));
    expectProblem(await ask(inv, w.pAv), 409);
    // and a founder asking that investor after it was declined is blocked the same way
    expectProblem(
      await as('founderA1').post('/v1/introductions', { projectId: w.pAv, targetKind: 'investor', targetId: inv.id }),
      409,
    );
    const [decline] = await auditRows(t, 'introduction.decline', first.id);
    expect(decline.detail).toMatchObject({ initiator: 'target', note: '暂不融资 / not raising now', to: 'declined' });
  });
});

describe('deciding an investor-initiated introduction', () => {
  it('the investor cannot accept or decline its own request (403); another founder or center 404', async () => {
    const inv = await newInvestor('等待投资人');
    const intro = await ok(ask(inv, w.pAv), 201);
    expectProblem(await inv.as.post(`/v1/introductions/${intro.id}/accept`), 403);
    expectProblem(await inv.as.post(`/v1/introductions/${intro.id}/decline`), 403);
    for (const who of ['founderB1', 'staffB', 'investor1', 'mentor1'] as Actor[])
      expectProblem(await as(who).post(`/v1/introductions/${intro.id}/accept`), 404);
    expect((await ok(as('admin').get(`/v1/introductions/${intro.id}`))).status).toBe('requested');
  });

  it('a founder of the project accepts (200); the contact rules of an accepted introduction apply', async () => {
    const inv = await newInvestor('接受投资人', 'wx-accept-inv');
    const intro = await ok(ask(inv, w.pAv), 201);
    // before: no contacts either way
    expectProblem(await inv.as.get(`/v1/introductions/${intro.id}/contacts`), 409);
    expect(await ok(as('founderA1').get(`/v1/investors/${inv.id}`))).not.toHaveProperty('contact');

    const accepted = await ok(as('founderA1').post(`/v1/introductions/${intro.id}/accept`));
    expect(accepted).toMatchObject({ status: 'accepted', initiator: 'target', decidedAt: expect.any(String) });
    const [audit] = await auditRows(t, 'introduction.accept', intro.id);
    expect(audit).toMatchObject({ actor: `key:${w.keyIds.founderA1}`, centerId: w.cA });
    expect(audit.detail).toMatchObject({ initiator: 'target', from: 'requested', to: 'accepted' });
    expect(await auditRows(t, 'contact.reveal', inv.id)).toHaveLength(1);

    // the project's founders see the investor's contact; founders of other projects do not
    for (const f of ['founderA1', 'founderA2'] as Actor[])
      expect((await ok(as(f).get(`/v1/investors/${inv.id}`))).contact, f).toEqual({ wechat: 'wx-accept-inv' });
    expect(await ok(as('founderB1').get(`/v1/investors/${inv.id}`))).not.toHaveProperty('contact');
    // the investor sees a founder's contact only with that founder's consent
    const consent = (who: Actor, id: string, shareContact: boolean) =>
      ok(t.request('PATCH', `/v1/founders/${id}`, { key: w.keys[who], body: { consent: { shareContact } } }));
    await consent('founderA1', w.fA1, true);
    await consent('founderA2', w.fA2, false);
    const seen = await ok(inv.as.get(`/v1/introductions/${intro.id}/contacts`));
    const byId = new Map(seen.founders.map((f: any) => [f.id, f]));
    expect(byId.get(w.fA1)).toMatchObject({ contact: { wechat: M.fA1Contact } });
    expect(byId.get(w.fA2)).toMatchObject({ contact: null });
    expect(JSON.stringify(seen)).not.toContain(M.fA2Contact);
    expect(JSON.stringify(seen)).not.toContain(M.pAvConf);
    // deciding again is 409; either side may end it
    expectProblem(await as('founderA2').post(`/v1/introductions/${intro.id}/decline`), 409);
    expect((await ok(inv.as.post(`/v1/introductions/${intro.id}/end`))).status).toBe('ended');
  });

  it("the project's center staff and admins may decide too", async () => {
    const a = await newInvestor('中心决定投资人');
    const b = await newInvestor('管理员决定投资人');
    const ia = await ok(ask(a, w.pAv), 201);
    const ib = await ok(ask(b, w.pBv), 201);
    expect((await ok(as('staffA').post(`/v1/introductions/${ia.id}/decline`))).status).toBe('declined');
    expect((await ok(as('admin').post(`/v1/introductions/${ib.id}/accept`))).status).toBe('accepted');
  });

  it('a project-initiated investor introduction is still decided by the investor only', async () => {
    const inv = await newInvestor('传统投资人');
    const intro = await ok(
      as('founderA1').post('/v1/introductions', { projectId: w.pAv, targetKind: 'investor', targetId: inv.id }),
      201,
    );
    expectProblem(await as('founderA1').post(`/v1/introductions/${intro.id}/accept`), 403);
    expect((await ok(inv.as.post(`/v1/introductions/${intro.id}/accept`))).status).toBe('accepted');
  });
});

describe('OpenAPI', () => {
  it('documents the initiator', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json', { key: null })).body;
    expect(doc.components.schemas.Introduction.properties.initiator.enum).toEqual(['project', 'target']);
    expect(doc.components.schemas.Introduction.required).toContain('initiator');
    expect(doc.paths['/v1/introductions'].post.description).toContain('initiator');
  });
});
