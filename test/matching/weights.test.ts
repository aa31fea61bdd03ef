// Per-center matching weights: read, update (validated, audited), preview without saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let centerId: string;
let otherCenter: string;
let staffKey: string;
let founderKey: string;

beforeAll(async () => {
  t = await startTestApp();
  centerId = (
    await t.request('POST', '/v1/centers', {
      body: { name: '林芝双创中心', regionCode: '540402', kind: 'makerspace', pilot: false },
    })
  ).body.id;
  otherCenter = (
    await t.request('POST', '/v1/centers', {
      body: { name: '那曲双创中心', regionCode: '540602', kind: 'incubator', pilot: false },
    })
  ).body.id;
  staffKey = await t.keyFor('center_staff', { centerId });
  const f = await t.request('POST', '/v1/founders', {
    body: { name: '扎西', groups: ['graduate'], regionCode: '540402', languages: ['zh'], centerId },
  });
  founderKey = await t.keyFor('founder', { subjectId: f.body.id });
  for (const [title, description, needs] of [
    ['藏药材电商', '想开个微店卖藏药材和天麻', ['marketing']],
    ['光伏民宿', '在巴宜区建光伏供电的民宿', ['loans']],
  ] as const) {
    await t.request('POST', '/v1/projects', {
      body: {
        title,
        description,
        sector: 'plateau_biology',
        stage: 'prototype',
        regionCode: '540402',
        centerId,
        founderIds: [f.body.id],
        needs,
        languages: ['zh'],
        status: 'submitted',
      },
    });
  }
  const mentors = [
    {
      name: '电商导师',
      bio: '十年淘宝和抖音电商运营经验',
      expertise: ['ecommerce'],
      sectors: ['digital_tech'],
      capacity: 1,
    },
    {
      name: '融资导师',
      bio: '银行信贷经理，熟悉创业担保贷款',
      expertise: ['loans'],
      sectors: ['clean_energy'],
      capacity: 5,
    },
    {
      name: '营销导师',
      bio: '品牌营销与市场推广',
      expertise: ['marketing'],
      sectors: ['plateau_biology'],
      capacity: 3,
    },
  ];
  for (const m of mentors)
    await t.request('POST', '/v1/mentors', {
      body: { ...m, languages: ['zh'], regionCode: '540402', remote: false, active: true },
    });
  await t.service.queue.drained();
});
afterAll(async () => {
  await t?.close();
});

describe('matching weights', () => {
  it("reads the defaults, saves a center's own weights (audited) and uses them", async () => {
    const got = await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key: staffKey });
    expect(got.status).toBe(200);
    expect(got.body.weights['project.mentors']).toEqual(got.body.defaults['project.mentors']);
    const put = await t.request('PUT', `/v1/centers/${centerId}/matching-weights`, {
      key: staffKey,
      body: { weights: { 'project.mentors': { capacity: 1, semantic: 0 } } },
    });
    expect(put.status).toBe(200);
    expect(put.body.weights['project.mentors']).toMatchObject({
      capacity: 1,
      semantic: 0,
      topics: got.body.defaults['project.mentors'].topics,
    });
    const audit = await t.db.select().from(auditTable).where(eq(auditTable.action, 'matching_weights.update'));
    expect(audit).toHaveLength(1);
    expect(audit[0].centerId).toBe(centerId);
  });

  it('rejects unknown recipes, unknown features, out-of-range and all-zero weights; nothing saved', async () => {
    const before = (await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key: staffKey })).body.weights;
    for (const weights of [
      { 'project.moon': { semantic: 1 } },
      { 'project.mentors': { charisma: 1 } },
      { 'project.mentors': { semantic: 2 } },
      { 'project.mentors': { semantic: -0.1 } },
      { 'project.mentors': { semantic: 0, capacity: 0, topics: 0, lexical: 0, sector: 0, region: 0, language: 0 } },
    ]) {
      const res = await t.request('PUT', `/v1/centers/${centerId}/matching-weights`, {
        key: staffKey,
        body: { weights },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(
      (await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key: staffKey })).body.weights,
    ).toEqual(before);
  });

  it('previews how the top-10 would change without saving', async () => {
    const before = (await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key: staffKey })).body.weights;
    const res = await t.request('POST', `/v1/centers/${centerId}/matching-weights/preview`, {
      key: staffKey,
      body: { weights: { 'project.mentors': { topics: 1, capacity: 0 } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.projects).toHaveLength(2);
    const p = res.body.projects[0];
    expect(p.current.length).toBeGreaterThan(0);
    expect(p.overlap).toBe(
      p.proposed.filter((x: { id: string }) => p.current.some((y: { id: string }) => y.id === x.id)).length,
    );
    expect(res.body.proposed).toMatchObject({ topics: 1, capacity: 0 });
    expect(
      (await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key: staffKey })).body.weights,
    ).toEqual(before);
    // With topics weighing most: the declared need (marketing) first, then the need read from the prose (微店 → e-commerce).
    const shop = res.body.projects.find((x: { title: string }) => x.title === '藏药材电商');
    const names = [];
    for (const m of shop.proposed) names.push((await t.request('GET', `/v1/mentors/${m.id}`)).body.name);
    expect(names).toEqual(['营销导师', '电商导师', '融资导师']);
  });

  it("is out of scope for other centers' staff and for founders", async () => {
    const otherStaff = await t.keyFor('center_staff', { centerId: otherCenter });
    for (const key of [otherStaff, founderKey]) {
      expect((await t.request('GET', `/v1/centers/${centerId}/matching-weights`, { key })).status).toBe(404);
      expect(
        (await t.request('PUT', `/v1/centers/${centerId}/matching-weights`, { key, body: { weights: {} } })).status,
      ).toBe(404);
    }
  });
});
