// GET /v1/audit: admins read all, center staff their own center's entries, everyone else 404;
// filters and cursor pagination like the other lists; and the audited actions are really recorded
// (vetting, key creation, weight changes, contact reveals, consent, erasure, export).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, callsAs, expectProblem, ok, type Actor, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
const as = callsAs(
  () => t,
  () => w,
);

/** Every entry the actor can read, following nextCursor. */
async function readAll(actor: Actor, query = '', limit = 7): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const res = await as(actor).get(`/v1/audit?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, res.text).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('pagination does not end');
}

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  // Audited actions in both centers.
  await ok(as('staffA').patch(`/v1/projects/${w.pAs}`, { status: 'vetted' }));
  await ok(as('staffB').patch(`/v1/projects/${w.pBd}`, { status: 'rejected' }));
  await ok(
    as('staffA').put(`/v1/centers/${w.cA}/matching-weights`, { weights: { 'project.mentors': { capacity: 1 } } }),
  );
  const intro = await ok(
    as('founderA1').post('/v1/introductions', { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 }),
    201,
  );
  await ok(as('mentor1').post(`/v1/introductions/${intro.id}/accept`));
  const introB = await ok(
    as('founderB1').post('/v1/introductions', { projectId: w.pBv, targetKind: 'investor', targetId: w.i1 }),
    201,
  );
  await ok(as('investor1').post(`/v1/introductions/${introB.id}/accept`));
});
afterAll(async () => {
  await t?.close();
});

describe('GET /v1/audit', () => {
  it('admin reads every entry; the key creations, vetting decisions, weight change and contact reveals are there', async () => {
    const all = await readAll('admin');
    const actions = all.map((e) => e.action);
    // buildWorld created 9 keys (one per role and binding it tests, the region admin's included)
    expect(actions.filter((a) => a === 'api_key.create')).toHaveLength(9);
    const staffAKey = all.find((e) => e.action === 'api_key.create' && e.entityId === w.keyIds.staffA);
    expect(staffAKey).toMatchObject({
      actor: 'admin:env',
      entityKind: 'api_key',
      centerId: w.cA,
      detail: { role: 'center_staff' },
    });
    expect(JSON.stringify(staffAKey)).not.toContain(w.keys.staffA); // never the key itself
    expect(all.find((e) => e.action === 'project.status' && e.entityId === w.pAs)).toMatchObject({
      actor: `key:${w.keyIds.staffA}`,
      centerId: w.cA,
      detail: { from: 'submitted', to: 'vetted' },
    });
    expect(all.find((e) => e.action === 'project.status' && e.entityId === w.pBd)).toMatchObject({
      centerId: w.cB,
      detail: { from: 'draft', to: 'rejected' },
    });
    expect(all.find((e) => e.action === 'matching_weights.update')).toMatchObject({ centerId: w.cA, entityId: w.cA });
    const reveals = all.filter((e) => e.action === 'contact.reveal');
    expect(reveals.map((e) => e.entityId).sort()).toEqual([w.m1, w.i1].sort());
    expect(reveals.find((e) => e.entityId === w.m1)).toMatchObject({
      actor: `key:${w.keyIds.mentor1}`,
      centerId: w.cA,
    });
    // oldest first, unique ids, ISO timestamps
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect([...all.map((e) => e.id)].sort()).toEqual(all.map((e) => e.id));
    for (const e of all) expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('pages with limit and cursor exactly like the other lists (every entry once, whatever the page size)', async () => {
    const one = await readAll('admin', '', 200);
    for (const limit of [1, 3, 50])
      expect((await readAll('admin', '', limit)).map((e) => e.id)).toEqual(one.map((e) => e.id));
    const first = await ok(as('admin').get('/v1/audit?limit=2'));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTypeOf('string');
  });

  it("center staff read exactly their own center's entries, whatever the filter", async () => {
    const all = await readAll('admin');
    for (const [actor, center] of [
      ['staffA', w.cA],
      ['staffB', w.cB],
    ] as const) {
      const mine = await readAll(actor);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((e) => e.id)).toEqual(all.filter((e) => e.centerId === center).map((e) => e.id));
      const other = center === w.cA ? w.cB : w.cA;
      expect((await ok(as(actor).get(`/v1/audit?centerId=${other}`))).items).toEqual([]);
      expect((await ok(as(actor).get(`/v1/audit?entityId=${center === w.cA ? w.pBd : w.pAs}`))).items).toEqual([]);
    }
  });

  it('is out of scope for founders, mentors, investors and trainers (404), and needs a key (401)', async () => {
    for (const actor of ['founderA1', 'mentor1', 'investor1', 'trainer1'] as const) {
      expectProblem(await as(actor).get('/v1/audit'), 404, 'api_key', 'project.status');
    }
    expectProblem(await t.request('GET', '/v1/audit', { key: null }), 401);
  });

  it('filters by action (exact or prefix.*), entity kind and id, center, and time', async () => {
    const all = await readAll('admin');
    const byAction = await readAll('admin', '&action=project.status');
    expect(byAction.map((e) => e.id)).toEqual(all.filter((e) => e.action === 'project.status').map((e) => e.id));
    const prefix = await readAll('admin', '&action=introduction.*');
    expect(prefix.length).toBeGreaterThanOrEqual(4);
    expect(prefix.map((e) => e.id)).toEqual(all.filter((e) => e.action.startsWith('introduction.')).map((e) => e.id));
    // LIKE wildcards in the filter are literal
    expect(await readAll('admin', `&action=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await readAll('admin', `&action=${encodeURIComponent('_.*')}`)).toEqual([]);
    const kind = await readAll('admin', '&entityKind=api_key');
    expect(kind).toHaveLength(9);
    const entity = await readAll('admin', `&entityId=${w.pAs}`);
    expect(entity.map((e) => e.action)).toEqual(['project.status']);
    const center = await readAll('admin', `&centerId=${w.cB}`);
    expect(center.map((e) => e.id)).toEqual(all.filter((e) => e.centerId === w.cB).map((e) => e.id));
    const mid = all[Math.floor(all.length / 2)].createdAt;
    const since = await readAll('admin', `&since=${encodeURIComponent(mid)}`);
    expect(since.map((e) => e.id)).toEqual(all.filter((e) => e.createdAt >= mid).map((e) => e.id));
    const until = await readAll('admin', `&until=${encodeURIComponent(mid)}`);
    expect(until.length + since.length).toBe(all.length);
    expect((await ok(as('admin').get('/v1/audit?since=2999-01-01T00:00:00Z'))).items).toEqual([]);
  });

  it('rejects bad filters with 400 naming the parameter', async () => {
    for (const [q, path] of [
      ['since=yesterday', 'since'],
      ['until=2026-13-01', 'until'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['centerId=nope', 'centerId'],
      ['cursor=bm90LWEtdXVpZA', 'cursor'],
    ]) {
      const res = await as('admin').get(`/v1/audit?${q}`);
      expectProblem(res, 400);
      expect(
        res.body.errors.map((e: any) => e.path),
        q,
      ).toContain(path);
    }
  });
});
