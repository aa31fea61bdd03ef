// Trainers and founders (issue 18, "Trainers reading founders"): a trainer's cohort matches identify
// nobody (a pseudonymous handle per trainer and founder, groups, prefecture, languages, stages of the
// founder's projects); the trainer invites by handle; the founder or its center's staff accepts
// (which enrols, with the row-locked seat check) or declines; only then the trainer reads the founder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { enrollmentsTable, trainingInvitationsTable } from '../../models/schema.ts';
import { trainerHandles } from '../../src/engagement/founder-handles.ts';
import type { TestApp } from '../harness.ts';
import {
  M,
  PROVIDER_ONE,
  PROVIDER_TWO,
  createKey,
  expectProblem,
  founderBody,
  ok,
  trainingBody,
  type Actor,
  type World,
} from '../auth/world.ts';
import {
  auditRows,
  bootWorld,
  callerFor,
  countWhere,
  create,
  inBatches,
  statusCounts,
  UNKNOWN,
  type Caller,
} from './helpers.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;
/** A second key of trainer1's provider (the same trainer), and the trainer of PROVIDER_TWO. */
let _trainer1b: Caller;
let trainer2: Caller;
let handle1: (founderId: string) => string;

beforeAll(async () => {
  ({ t, w, as } = await bootWorld());
  _trainer1b = callerFor(t, (await createKey(t, 'trainer', { subjectId: PROVIDER_ONE })).key);
  trainer2 = callerFor(t, (await createKey(t, 'trainer', { subjectId: PROVIDER_TWO })).key);
  const h = await trainerHandles(t.db, PROVIDER_ONE);
  handle1 = (id) => h.handle(id);
});
afterAll(async () => {
  await t?.close();
});

const newTraining = (title: string, o: Record<string, unknown> = {}) =>
  create(t, '/v1/trainings', { ...trainingBody(title, PROVIDER_ONE), ...o });
const cohortRes = (key: string, trainingId: string, lang = 'zh') =>
  t.request('GET', `/v1/trainings/${trainingId}/matches/founders?limit=100`, {
    key,
    headers: { 'cache-control': 'no-cache', 'accept-language': lang },
  });
const cohort = async (key: string, trainingId: string) => (await ok(cohortRes(key, trainingId))).items as any[];
const invite = (who: Caller, trainingId: string, body: unknown) =>
  who.post(`/v1/trainings/${trainingId}/invitations`, body);
const decide = (who: Caller, id: string, decision: 'accept' | 'decline') =>
  who.post(`/v1/training-invitations/${id}/${decision}`);
const invitationCount = () => countWhere(t, trainingInvitationsTable);

const IDENTIFYING = () => [
  w.fA1,
  w.fA2,
  w.fB1,
  w.cA,
  w.cB,
  M.fA1Name,
  M.fA2Name,
  M.fB1Name,
  M.fA1Contact,
  'educationLevel',
  'graduationYear',
  'centerId',
  'name',
];

describe('cohort matches for a trainer', () => {
  it('identify nobody: handle as id, groups, prefecture, languages, stages; no founder id, name, education, county or center', async () => {
    const founderId = await create(t, '/v1/founders', {
      ...founderBody('COHORT-NAME 央金', 'wx-cohort', w.cA),
      educationLevel: 'bachelor',
      graduationYear: 2024,
      interests: '想在城关区开一家电商店铺，学习产品开发与直播。',
    });
    const tr = await newTraining('城关区线下训练营', {
      mode: 'onsite',
      regionCode: '540102',
      description: '城关区 线下课程：产品开发、电商直播。',
    });
    for (const lang of ['zh', 'en']) {
      const res = await cohortRes(w.keys.trainer1, tr, lang);
      const items = (await ok(res)).items as any[];
      expect(items.length).toBeGreaterThanOrEqual(4);
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual([
          'groups',
          'handle',
          'id',
          'languages',
          'prefectureCode',
          'reasons',
          'score',
          'stages',
        ]);
        expect(item.id).toBe(item.handle);
        expect(item.id).toMatch(/^fh_[A-Za-z0-9_-]{22}$/);
        expect(item.prefectureCode).toBe('540100');
      }
      for (const s of [...IDENTIFYING(), founderId, 'COHORT-NAME', '央金', '城关', 'Chengguan', '540102', 'bachelor'])
        expect(res.text, `${lang}: leaks "${s}"`).not.toContain(s);
      // The reasons still explain: the place by prefecture, the shared words other than place names.
      const mine = items.find((i) => i.handle === handle1(founderId));
      expect(mine.reasons.map((r: any) => r.code)).toEqual(expect.arrayContaining(['region', 'lexical']));
      expect(mine.reasons.find((r: any) => r.code === 'region').text).toBe(
        lang === 'zh' ? '同一地(市)：拉萨市' : 'Same prefecture: Lhasa',
      );
      expect(mine.stages).toEqual([]);
    }
    // fA1's projects are both at the prototype stage.
    expect((await cohort(w.keys.trainer1, tr)).find((i) => i.handle === handle1(w.fA1)).stages).toEqual(['prototype']);
  });

  it('staff (their founders) and admins keep the full view, with stages', async () => {
    const admin = await cohort(w.keys.admin, w.t1);
    const fA1 = admin.find((i) => i.id === w.fA1);
    expect(fA1).toMatchObject({ name: M.fA1Name, centerId: w.cA, regionCode: '540102', stages: ['prototype'] });
    const staffA = await cohort(w.keys.staffA, w.t1);
    expect(staffA.map((i) => i.id)).toEqual(expect.arrayContaining([w.fA1, w.fA2]));
    expect(staffA.map((i) => i.id)).not.toContain(w.fB1);
  });

  it('the handle is stable across calls and keys of one trainer, and differs between trainers', async () => {
    const first = (await cohort(w.keys.trainer1, w.t1)).map((i) => i.id).sort();
    const again = (await cohort(w.keys.trainer1, w.t1)).map((i) => i.id).sort();
    expect(again).toEqual(first);
    expect(first).toEqual(expect.arrayContaining([handle1(w.fA1), handle1(w.fA2), handle1(w.fB1)]));
    const sameProvider = await ok(
      t.request('GET', `/v1/trainings/${w.t1}/matches/founders?limit=100`, { key: await keyForProvider(PROVIDER_ONE) }),
    );
    expect(sameProvider.items.map((i: any) => i.id).sort()).toEqual(first);
    // t2 is the same course by PROVIDER_TWO: the same founders, under handles nobody else has.
    const other = (await cohort(await keyForProvider(PROVIDER_TWO), w.t2)).map((i) => i.id);
    expect(other.length).toBe(first.length);
    expect(other.filter((h) => first.includes(h))).toEqual([]);
    // A handle of another trainer names nobody for this one.
    expectProblem(await invite(as('trainer1'), w.t1, { handle: other[0] }), 422);
  });
});

/** A fresh trainer key of the provider. */
async function keyForProvider(provider: string) {
  return (await createKey(t, 'trainer', { subjectId: provider })).key;
}

describe('POST /v1/trainings/{id}/invitations', () => {
  it('bad input: unknown or malformed handle 422, handle and founderId both or neither 422, who may invite', async () => {
    const tr = await newTraining('邀请校验');
    const before = await invitationCount();
    const cases: [Caller, unknown, number][] = [
      [as('trainer1'), { handle: 'fh_AAAAAAAAAAAAAAAAAAAAAA' }, 422],
      [as('trainer1'), { handle: 'not-a-handle' }, 422],
      [as('trainer1'), { handle: `${handle1(w.fA1)}x` }, 422],
      [as('trainer1'), { founderId: w.fA1 }, 422], // trainers invite by handle only
      [as('trainer1'), { handle: handle1(w.fA1), founderId: w.fA1 }, 422],
      [as('trainer1'), {}, 422],
      [as('trainer1'), { handle: 42 }, 422],
      [as('trainer1'), { handle: handle1(w.fA1), seats: 3 }, 422],
      [as('staffA'), { handle: handle1(w.fA1) }, 422], // handles are a trainer's
      [as('staffA'), { founderId: w.fB1 }, 422], // another center's founder: as unknown
      [as('admin'), { founderId: UNKNOWN }, 422],
      [trainer2, { handle: handle1(w.fA1) }, 403], // not its training
      [as('founderA1'), { founderId: w.fA1 }, 403],
      [as('mentor1'), { founderId: w.fA1 }, 403],
    ];
    for (const [who, body, status] of cases) {
      const res = await invite(who, tr, body);
      expectProblem(res, status, M.fA1Name, M.fB1Name, w.fA1);
    }
    expectProblem(await invite(as('trainer1'), UNKNOWN, { handle: handle1(w.fA1) }), 404);
    expectProblem(await invite(as('trainer1'), 'nope', { handle: handle1(w.fA1) }), 404);
    expect(await invitationCount()).toBe(before);
  });

  it('a second invitation of the same founder 409 (also after a decline); an enrolled founder 409', async () => {
    const tr = await newTraining('重复邀请');
    const first = await ok(invite(as('trainer1'), tr, { handle: handle1(w.fA1), message: '欢迎参加' }), 201);
    expect(first).toMatchObject({
      trainingId: tr,
      status: 'invited',
      handle: handle1(w.fA1),
      founderId: null,
      founderName: null,
      message: '欢迎参加',
    });
    const dup = await invite(as('trainer1'), tr, { handle: handle1(w.fA1) });
    expectProblem(dup, 409, M.fA1Name);
    expectProblem(await invite(as('staffA'), tr, { founderId: w.fA1 }), 409);
    await ok(decide(as('founderA1'), first.id, 'decline'));
    expect((await invite(as('trainer1'), tr, { handle: handle1(w.fA1) })).body.detail).toMatch(/declined.*拒绝/s);
    await ok(as('staffA').post(`/v1/trainings/${tr}/enrollments`, { founderId: w.fA2 }), 201);
    const enrolled = await invite(as('trainer1'), tr, { handle: handle1(w.fA2) });
    expectProblem(enrolled, 409, M.fA2Name);
    expect(enrolled.body.detail).toMatch(/already enrolled.*已报名/s);
  });
});

describe('invite → accept → enrolled → readable; decline', () => {
  it('the founder accepts: enrolled, audited; the trainer then reads the founder and sees its name on the invitation', async () => {
    const tr = await newTraining('邀请报名');
    const founderId = await create(t, '/v1/founders', {
      ...founderBody('INVITEE 达瓦', 'wx-invitee', w.cB),
      groups: ['graduate'],
    });
    const founderKey = callerFor(t, (await createKey(t, 'founder', { subjectId: founderId })).key);
    expect((await cohort(w.keys.trainer1, tr)).map((i) => i.id)).toContain(handle1(founderId));
    expectProblem(await as('trainer1').get(`/v1/founders/${founderId}`), 404, 'INVITEE');

    const res = await invite(as('trainer1'), tr, { handle: handle1(founderId) });
    const inv = await ok(res, 201);
    expect(res.headers.get('location')).toBe(`/v1/training-invitations/${inv.id}`);
    expect(res.text).not.toContain(founderId);
    const [created] = await auditRows(t, 'training_invitation.create', inv.id);
    expect(created).toMatchObject({ centerId: w.cB, actor: `key:${w.keyIds.trainer1}` });

    // Invited is not accepted: still unreadable, the trainer's invitation shows the handle only.
    expectProblem(await as('trainer1').get(`/v1/founders/${founderId}`), 404, 'INVITEE');
    const seen = await ok(as('trainer1').get(`/v1/training-invitations/${inv.id}`));
    expect(seen).toMatchObject({ status: 'invited', handle: handle1(founderId), founderId: null, founderName: null });
    expect(JSON.stringify(seen)).not.toContain('INVITEE');
    expect(await ok(founderKey.get(`/v1/training-invitations/${inv.id}`))).toMatchObject({
      founderId,
      founderName: 'INVITEE 达瓦',
      status: 'invited',
    });
    expect(await ok(founderKey.get(`/v1/training-invitations/${inv.id}`))).not.toHaveProperty('handle');

    // Who may not decide: the trainer (403), another center's staff and other founders (404).
    expectProblem(await decide(as('trainer1'), inv.id, 'accept'), 403);
    expectProblem(await decide(as('staffA'), inv.id, 'accept'), 404, 'INVITEE');
    expectProblem(await decide(as('founderA1'), inv.id, 'accept'), 404);
    expectProblem(await decide(as('mentor1'), inv.id, 'accept'), 404);
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, tr))).toBe(0);

    const accepted = await ok(decide(founderKey, inv.id, 'accept'));
    expect(accepted).toMatchObject({
      status: 'accepted',
      founderId,
      decidedAt: expect.any(String),
      enrollment: { trainingId: tr, founderId },
    });
    expect(
      await countWhere(
        t,
        enrollmentsTable,
        and(eq(enrollmentsTable.trainingId, tr), eq(enrollmentsTable.founderId, founderId)),
      ),
    ).toBe(1);
    const [acc] = await auditRows(t, 'training_invitation.accept', inv.id);
    expect(acc).toMatchObject({
      centerId: w.cB,
      detail: { trainingId: tr, founderId, from: 'invited', to: 'accepted' },
    });
    const [enr] = await auditRows(t, 'enrollment.create', accepted.enrollment.id);
    expect(enr.detail).toEqual({ trainingId: tr, founderId, invitationId: inv.id });

    expect((await ok(as('trainer1').get(`/v1/founders/${founderId}`))).name).toBe('INVITEE 达瓦');
    expect(await ok(as('trainer1').get(`/v1/training-invitations/${inv.id}`))).toMatchObject({
      status: 'accepted',
      founderId,
      founderName: 'INVITEE 达瓦',
    });
    // The founder's export (PIPL) lists the invitation.
    const exported = await ok(founderKey.get(`/v1/founders/${founderId}/export`));
    expect(exported.trainingInvitations).toMatchObject([
      { id: inv.id, trainingId: tr, status: 'accepted', provider: PROVIDER_ONE },
    ]);
    expect(exported.trainingInvitations[0]).not.toHaveProperty('invitedBy');
    // Another trainer still does not read it; a second decision is 409.
    expectProblem(await trainer2.get(`/v1/founders/${founderId}`), 404);
    expectProblem(await decide(founderKey, inv.id, 'accept'), 409);
    expectProblem(await decide(founderKey, inv.id, 'decline'), 409);
  });

  it("its center's staff decline: nothing enrolled, the trainer still cannot read the founder, audited", async () => {
    const tr = await newTraining('邀请拒绝');
    const founderId = await create(t, '/v1/founders', founderBody('DECLINER 拉姆', 'wx-decliner', w.cA));
    const inv = await ok(invite(as('trainer1'), tr, { handle: handle1(founderId) }), 201);
    expectProblem(await decide(as('staffB'), inv.id, 'decline'), 404);
    const declined = await ok(as('staffA').post(`/v1/training-invitations/${inv.id}/decline`, { note: '时间冲突' }));
    expect(declined).toMatchObject({ status: 'declined', founderId });
    expect(declined).not.toHaveProperty('enrollment');
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, tr))).toBe(0);
    expectProblem(await as('trainer1').get(`/v1/founders/${founderId}`), 404, 'DECLINER');
    expect(await ok(as('trainer1').get(`/v1/training-invitations/${inv.id}`))).toMatchObject({
      status: 'declined',
      founderId: null,
      founderName: null,
    });
    const [audit] = await auditRows(t, 'training_invitation.decline', inv.id);
    expect(audit).toMatchObject({
      centerId: w.cA,
      actor: `key:${w.keyIds.staffA}`,
      detail: { note: '时间冲突', to: 'declined' },
    });
    expectProblem(await decide(as('staffA'), inv.id, 'accept'), 409);
  });

  it('accept when the seats are full → 409, the invitation stays open; also under concurrent accepts', async () => {
    const tr = await newTraining('一个名额的邀请', { seats: 1 });
    const a = await ok(invite(as('trainer1'), tr, { handle: handle1(w.fA1) }), 201);
    const b = await ok(invite(as('admin'), tr, { founderId: w.fA2 }), 201);
    await ok(decide(as('founderA1'), a.id, 'accept'));
    const full = await decide(as('founderA2'), b.id, 'accept');
    expectProblem(full, 409);
    expect(full.body.detail).toMatch(/full.*名额已满/s);
    expect(await ok(as('founderA2').get(`/v1/training-invitations/${b.id}`))).toMatchObject({ status: 'invited' });

    const race = await newTraining('并发接受', { seats: 2 });
    const founders = await inBatches(8, 4, (k) =>
      create(t, '/v1/founders', founderBody(`并发受邀 ${k}`, `wx-inv-race-${k}`, w.cA)),
    );
    const invitations = await inBatches(
      8,
      4,
      async (k) => (await ok(invite(as('trainer1'), race, { handle: handle1(founders[k]) }), 201)).id as string,
    );
    const results = await Promise.all(invitations.map((id) => decide(as('staffA'), id, 'accept')));
    expect(statusCounts(results)).toEqual({ 200: 2, 409: 6 });
    expect(await countWhere(t, enrollmentsTable, eq(enrollmentsTable.trainingId, race))).toBe(2);
    // Racing decisions on one invitation: one wins.
    const one = await newTraining('同一邀请并发', { seats: 5 });
    const inv = await ok(invite(as('admin'), one, { founderId: w.fA1 }), 201);
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, k) =>
        decide(as(k % 2 ? 'staffA' : 'founderA1'), inv.id, k % 3 ? 'accept' : 'decline'),
      ),
    );
    expect(statusCounts(racing)[200]).toBe(1);
    expect(statusCounts(racing)[409]).toBe(5);
  });
});

describe('GET /v1/training-invitations', () => {
  let tr: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    tr = await newTraining('邀请名单');
    for (const [k, f] of [
      ['fA1', w.fA1],
      ['fA2', w.fA2],
      ['fB1', w.fB1],
    ] as const)
      ids[k] = (await ok(invite(as('trainer1'), tr, { handle: handle1(f) }), 201)).id;
    await ok(decide(as('founderB1'), ids.fB1, 'accept'));
  });

  it("admin all; staff their founders'; a founder its own; the trainer its trainings' (names only once accepted); others none", async () => {
    const seen = async (who: Caller) => (await ok(who.get(`/v1/training-invitations?trainingId=${tr}`))).items as any[];
    expect((await seen(as('admin'))).map((i) => i.id).sort()).toEqual([ids.fA1, ids.fA2, ids.fB1].sort());
    expect((await seen(as('staffA'))).map((i) => i.id).sort()).toEqual([ids.fA1, ids.fA2].sort());
    expect((await seen(as('staffB'))).map((i) => i.id)).toEqual([ids.fB1]);
    expect((await seen(as('founderA1'))).map((i) => i.id)).toEqual([ids.fA1]);
    for (const who of [as('mentor1'), as('investor1'), trainer2]) expect(await seen(who)).toEqual([]);
    const res = await as('trainer1').get(`/v1/training-invitations?trainingId=${tr}`);
    const byId = Object.fromEntries((await ok(res)).items.map((i: any) => [i.id, i]));
    expect(byId[ids.fB1]).toMatchObject({
      status: 'accepted',
      founderId: w.fB1,
      founderName: M.fB1Name,
      handle: handle1(w.fB1),
    });
    expect(byId[ids.fA1]).toMatchObject({
      status: 'invited',
      founderId: null,
      founderName: null,
      handle: handle1(w.fA1),
    });
    for (const s of [w.fA1, w.fA2, M.fA1Name, M.fA2Name]) expect(res.text).not.toContain(s);
    // one by id: the same scope
    expectProblem(await as('staffB').get(`/v1/training-invitations/${ids.fA1}`), 404, M.fA1Name);
    expectProblem(await trainer2.get(`/v1/training-invitations/${ids.fA1}`), 404);
    expectProblem(await as('admin').get(`/v1/training-invitations/${UNKNOWN}`), 404);
    expectProblem(await as('admin').get('/v1/training-invitations/nope'), 404);
  });

  it('filters, cursor pagination, bad queries 400', async () => {
    expect(
      (await ok(as('admin').get(`/v1/training-invitations?trainingId=${tr}&status=accepted`))).items.map(
        (i: any) => i.id,
      ),
    ).toEqual([ids.fB1]);
    const p1 = await ok(as('admin').get(`/v1/training-invitations?trainingId=${tr}&limit=2`));
    const p2 = await ok(as('admin').get(`/v1/training-invitations?trainingId=${tr}&limit=2&cursor=${p1.nextCursor}`));
    expect([...p1.items, ...p2.items].map((i: any) => i.id)).toEqual([ids.fA1, ids.fA2, ids.fB1].sort());
    expect(p2.nextCursor).toBeNull();
    for (const q of ['limit=0', 'status=maybe', 'trainingId=x', 'cursor=bad'])
      expectProblem(await as('admin').get(`/v1/training-invitations?${q}`), 400);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json', { key: null })).body;
    expect(doc.paths['/v1/trainings/{id}/invitations']).toHaveProperty(['post']);
    expect(doc.paths['/v1/training-invitations']).toHaveProperty(['get']);
    expect(doc.paths['/v1/training-invitations/{id}']).toHaveProperty(['get']);
    expect(doc.paths['/v1/training-invitations/{id}/accept']).toHaveProperty(['post']);
    expect(doc.paths['/v1/training-invitations/{id}/decline']).toHaveProperty(['post']);
    expect(doc.paths['/v1/trainings/{id}/enrollments'].post.description).toContain('/invitations');
    expect(doc.components.schemas).toHaveProperty(['TrainingInvitation']);
  });
});
