// Training enrolments: who may enrol whom (the founder, the founder's center staff, admins; a trainer
// invites instead: training-invitations.test.ts), who sees a training's enrolments, duplicates and full trainings (409), removal
// frees the seat, the audit trail, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentsTable } from '../../models/schema.ts';
import type { TestApp } from '../harness.ts';
import { M, PROVIDER_ONE, expectProblem, ok, trainingBody, type Actor, type World } from '../auth/world.ts';
import { auditRows, countWhere, create, type Caller, bootWorld, UNKNOWN } from './helpers.ts';

let t: TestApp;
let w: World;
let as: (a: Actor) => Caller;

beforeAll(async () => ({ t, w, as } = await bootWorld()));
afterAll(async () => {
  await t?.close();
});

const enrol = (who: Caller, trainingId: string, founderId: unknown) =>
  who.post(`/v1/trainings/${trainingId}/enrollments`, { founderId });
const enrolments = () => countWhere(t, enrollmentsTable);
/** A fresh training of PROVIDER_ONE (trainer1's) with this many seats. */
const newTraining = (title: string, seats = 30) =>
  create(t, '/v1/trainings', { ...trainingBody(title, PROVIDER_ONE), seats });

describe('POST /v1/trainings/{id}/enrollments', () => {
  it('the founder themself: 201 { id, trainingId, founderId, createdAt }, audited', async () => {
    const tr = await newTraining('自己报名');
    const res = await enrol(as('founderA1'), tr, w.fA1);
    const body = await ok(res, 201);
    expect(body).toEqual({ id: expect.any(String), trainingId: tr, founderId: w.fA1, createdAt: expect.any(String) });
    expect(res.headers.get('location')).toBe(`/v1/trainings/${tr}/enrollments/${w.fA1}`);
    expect(await ok(as('founderA1').get(res.headers.get('location')!))).toEqual(body);
    const [audit] = await auditRows(t, 'enrollment.create', body.id);
    expect(audit).toMatchObject({ entityKind: 'enrollment', centerId: w.cA, actor: `key:${w.keyIds.founderA1}` });
    expect(audit.detail).toEqual({ trainingId: tr, founderId: w.fA1 });
  });

  it("the founder's center staff and admins may enrol", async () => {
    const tr = await newTraining('代报名');
    await ok(enrol(as('staffA'), tr, w.fA2), 201);
    await ok(enrol(as('admin'), tr, w.fB1), 201);
    await ok(enrol(as('admin'), tr, w.fA1), 201);
    expect(
      (await ok(as('admin').get(`/v1/trainings/${tr}/enrollments`))).items.map((e: any) => e.founderId).sort(),
    ).toEqual([w.fA1, w.fA2, w.fB1].sort());
  });

  it("the training's own trainer does not enrol: 403 pointing at the invitation endpoint, nothing written", async () => {
    const tr = await newTraining('培训方不能直接报名');
    const before = await enrolments();
    for (const f of [w.fA1, w.fB1, UNKNOWN]) {
      const res = await enrol(as('trainer1'), tr, f);
      expectProblem(res, 403, M.fA1Name, M.fB1Name);
      expect(res.body.detail).toContain(`POST /v1/trainings/${tr}/invitations`);
    }
    expect(await enrolments()).toBe(before);
  });

  it.each([
    ['founderA1', 'fA2', 403],
    ['founderB1', 'fA1', 403],
    ['trainer1 (other provider)', 'fA1', 403],
    ['mentor1', 'fA1', 403],
    ['investor1', 'fA1', 403],
    ['staffA', 'fB1', 422],
    ['staffB', 'fA1', 422],
  ] as [string, 'fA1' | 'fA2' | 'fB1', number][])('%s enrolling %s → %i, nothing written', async (who, f, status) => {
    const tr = who.startsWith('trainer1') ? w.t2 : w.t1;
    const before = await enrolments();
    const res = await enrol(as(who.split(' ')[0] as Actor), tr, w[f]);
    // Staff asking for another center's founder get the same answer as for an unknown id: nothing leaks.
    expectProblem(res, status, M.fA1Name, M.fA2Name, M.fB1Name, M.fA1Contact, M.fB1Contact);
    if (status === 422)
      expect(res.body.errors).toEqual([{ path: 'founderId', message: 'unknown founder / 创业者不存在' }]);
    expect(await enrolments()).toBe(before);
  });

  it('unknown training → 404; unknown founder → 422; wrong types and extra fields → 422', async () => {
    const before = await enrolments();
    expectProblem(await enrol(as('admin'), UNKNOWN, w.fA1), 404);
    expectProblem(await enrol(as('admin'), 'nope', w.fA1), 404);
    const unknown = await enrol(as('admin'), w.t1, UNKNOWN);
    expectProblem(unknown, 422);
    expect(unknown.body.errors[0].path).toBe('founderId');
    for (const body of [{}, { founderId: 42 }, { founderId: 'abc' }, { founderId: w.fA1, seats: 3 }, []]) {
      const res = await as('admin').post(`/v1/trainings/${w.t1}/enrollments`, body);
      expectProblem(res, 422);
    }
    expectProblem(
      await t.request('POST', `/v1/trainings/${w.t1}/enrollments`, {
        raw: '{',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expect(await enrolments()).toBe(before);
  });

  it('already enrolled → 409 whoever asks', async () => {
    const tr = await newTraining('重复报名');
    await ok(enrol(as('founderA1'), tr, w.fA1), 201);
    for (const who of ['founderA1', 'staffA', 'admin'] as Actor[]) {
      const res = await enrol(as(who), tr, w.fA1);
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/already enrolled.*已报名/s);
    }
  });

  it('no seat left → 409; removing an enrolment frees the seat', async () => {
    const tr = await newTraining('一个名额', 1);
    const zero = await newTraining('零名额', 0);
    expectProblem(await enrol(as('admin'), zero, w.fA1), 409);
    await ok(enrol(as('founderA1'), tr, w.fA1), 201);
    const full = await enrol(as('founderA2'), tr, w.fA2);
    expectProblem(full, 409);
    expect(full.body.detail).toMatch(/full.*名额已满/s);
    expect(await ok(as('trainer1').get(`/v1/trainings/${tr}/enrollments`))).toMatchObject({ seats: 1, seatsLeft: 0 });
    expect((await as('founderA1').del(`/v1/trainings/${tr}/enrollments/${w.fA1}`)).status).toBe(204);
    expect(await ok(as('trainer1').get(`/v1/trainings/${tr}/enrollments`))).toMatchObject({
      seats: 1,
      seatsLeft: 1,
      items: [],
    });
    await ok(enrol(as('founderA2'), tr, w.fA2), 201);
  });

  it('the trainer then sees a founder its center enrolled (founders policy), not before', async () => {
    const tr = await newTraining('可见性');
    const founderId = await create(t, '/v1/founders', {
      name: '新学员 TRAINEE',
      groups: ['student'],
      regionCode: '540102',
      languages: ['zh'],
      centerId: w.cB,
    });
    expectProblem(await as('trainer1').get(`/v1/founders/${founderId}`), 404);
    await ok(enrol(as('staffB'), tr, founderId), 201);
    expect((await ok(as('trainer1').get(`/v1/founders/${founderId}`))).name).toBe('新学员 TRAINEE');
  });
});

describe('GET and DELETE /v1/trainings/{id}/enrollments', () => {
  let tr: string;
  const e: Record<string, string> = {};
  beforeAll(async () => {
    tr = await newTraining('名单');
    for (const [k, f] of [
      ['fA1', w.fA1],
      ['fA2', w.fA2],
      ['fB1', w.fB1],
    ] as const)
      e[k] = (await ok(enrol(as('admin'), tr, f), 201)).id;
  });

  it("admin and the trainer see all; staff their center's founders; a founder their own; others 404", async () => {
    const expected: [Actor, string[]][] = [
      ['admin', [e.fA1, e.fA2, e.fB1]],
      ['trainer1', [e.fA1, e.fA2, e.fB1]],
      ['staffA', [e.fA1, e.fA2]],
      ['staffB', [e.fB1]],
      ['founderA1', [e.fA1]],
      ['founderB1', [e.fB1]],
    ];
    for (const [who, ids] of expected) {
      const list = await ok(as(who).get(`/v1/trainings/${tr}/enrollments`));
      expect(list.items.map((x: any) => x.id).sort(), who).toEqual([...ids].sort());
      expect(list).toMatchObject({ nextCursor: null, seats: 30, seatsLeft: 27 });
      for (const item of list.items)
        expect(Object.keys(item).sort()).toEqual(['createdAt', 'founderId', 'id', 'trainingId']);
    }
    for (const who of ['mentor1', 'investor1'] as Actor[])
      expectProblem(await as(who).get(`/v1/trainings/${tr}/enrollments`), 404);
    // one enrolment by founder id: the same scope
    for (const [who, ids] of expected) {
      for (const [f, id] of [
        [w.fA1, e.fA1],
        [w.fA2, e.fA2],
        [w.fB1, e.fB1],
      ]) {
        const res = await as(who).get(`/v1/trainings/${tr}/enrollments/${f}`);
        if (ids.includes(id)) expect((await ok(res)).id).toBe(id);
        else expectProblem(res, 404, M.fA1Name, M.fA2Name, M.fB1Name);
      }
    }
    expectProblem(await as('mentor1').get(`/v1/trainings/${tr}/enrollments/${w.fA1}`), 404);
    expectProblem(await as('admin').get(`/v1/trainings/${tr}/enrollments/nope`), 404);
    // trainer1 does not provide t2
    expectProblem(await as('trainer1').get(`/v1/trainings/${w.t2}/enrollments`), 404);
    expectProblem(await as('admin').get(`/v1/trainings/${UNKNOWN}/enrollments`), 404);
  });

  it('cursor pagination and the founderId filter', async () => {
    const p1 = await ok(as('admin').get(`/v1/trainings/${tr}/enrollments?limit=2`));
    expect(p1.items).toHaveLength(2);
    const p2 = await ok(as('admin').get(`/v1/trainings/${tr}/enrollments?limit=2&cursor=${p1.nextCursor}`));
    expect(p2).toMatchObject({ nextCursor: null });
    expect([...p1.items, ...p2.items].map((x: any) => x.id)).toEqual([e.fA1, e.fA2, e.fB1].sort());
    expect(
      (await ok(as('admin').get(`/v1/trainings/${tr}/enrollments?founderId=${w.fB1}`))).items.map((x: any) => x.id),
    ).toEqual([e.fB1]);
    // a filter never widens the scope
    expect((await ok(as('staffA').get(`/v1/trainings/${tr}/enrollments?founderId=${w.fB1}`))).items).toEqual([]);
    for (const q of ['limit=0', 'founderId=x', 'cursor=bad'])
      expectProblem(await as('admin').get(`/v1/trainings/${tr}/enrollments?${q}`), 400);
  });

  it('removal: out of scope 404 (nothing removed); in scope 204, audited; then 404', async () => {
    for (const [who, f] of [
      ['staffB', w.fA1],
      ['founderA2', w.fA1],
      ['mentor1', w.fA1],
      ['founderB1', w.fA2],
    ] as [Actor, string][]) {
      expectProblem(await as(who).del(`/v1/trainings/${tr}/enrollments/${f}`), 404);
    }
    expect((await ok(as('admin').get(`/v1/trainings/${tr}/enrollments`))).items).toHaveLength(3);
    expect((await as('staffA').del(`/v1/trainings/${tr}/enrollments/${w.fA2}`)).status).toBe(204);
    expect((await as('founderB1').del(`/v1/trainings/${tr}/enrollments/${w.fB1}`)).status).toBe(204);
    expect((await as('trainer1').del(`/v1/trainings/${tr}/enrollments/${w.fA1}`)).status).toBe(204);
    expect(await ok(as('admin').get(`/v1/trainings/${tr}/enrollments`))).toMatchObject({ items: [], seatsLeft: 30 });
    expectProblem(await as('admin').del(`/v1/trainings/${tr}/enrollments/${w.fA1}`), 404);
    expectProblem(await as('admin').del(`/v1/trainings/${tr}/enrollments/nope`), 404);
    const [audit] = await auditRows(t, 'enrollment.delete', e.fA2);
    expect(audit).toMatchObject({ centerId: w.cA, actor: `key:${w.keyIds.staffA}` });
    expect(audit.detail).toEqual({ trainingId: tr, founderId: w.fA2 });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json', { key: null })).body;
    expect(doc.paths['/v1/trainings/{id}/enrollments']).toHaveProperty(['post']);
    expect(doc.paths['/v1/trainings/{id}/enrollments']).toHaveProperty(['get']);
    expect(doc.paths['/v1/trainings/{id}/enrollments/{founderId}']).toHaveProperty(['delete']);
    expect(doc.paths['/v1/trainings/{id}/enrollments/{founderId}']).toHaveProperty(['get']);
    expect(doc.components.schemas).toHaveProperty(['Enrollment']);
  });
});
