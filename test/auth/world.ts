// A small world for the auth/visibility tests: two centers, founders and projects in each, two
// mentors, two investors, two trainers' trainings, a service, and a key for every role binding
// (a region_admin of Lhasa, where center A is).
// Every sensitive value carries a unique marker so a test can grep any response for leaks.
import { expect } from 'vitest';
import type { TestApp, TestResponse } from '../harness.ts';

export const M = {
  // founder names and contacts
  fA1Name: 'FNAME-A1 次仁多吉',
  fA2Name: 'FNAME-A2 格桑曲珍',
  fB1Name: 'FNAME-B1 扎西',
  fA1Contact: 'wx-secret-fa1',
  fA2Contact: 'wx-secret-fa2',
  fB1Contact: 'wx-secret-fb1',
  // project titles and confidential blocks
  pAvTitle: 'PTITLE-AV 青稞能量棒',
  pAsTitle: 'PTITLE-AS 藏文输入法',
  pBvTitle: 'PTITLE-BV 牦牛奶酪',
  pBdTitle: 'PTITLE-BD 唐卡电商',
  pAvConf: 'CONF-AV-captable',
  pAsConf: 'CONF-AS-captable',
  pBvConf: 'CONF-BV-captable',
  pBdConf: 'CONF-BD-captable',
  // directory contacts
  m1Contact: 'wx-secret-m1',
  m2Contact: 'wx-secret-m2',
  i1Contact: 'wx-secret-i1',
  i2Contact: 'wx-secret-i2',
} as const;

export const PROVIDER_ONE = 'PROV-ONE 拉萨创业培训基地';
export const PROVIDER_TWO = 'PROV-TWO 日喀则职业技术学校';

export interface World {
  cA: string;
  cB: string;
  fA1: string;
  fA2: string;
  fB1: string;
  pAv: string;
  pAs: string;
  pBv: string;
  pBd: string;
  m1: string;
  m2: string;
  i1: string;
  i2: string;
  t1: string;
  t2: string;
  s1: string;
  keys: Record<Actor, string>;
  keyIds: Record<Actor, string | null>;
}

export const ACTORS = [
  'admin',
  'staffA',
  'staffB',
  'founderA1',
  'founderA2',
  'founderB1',
  'mentor1',
  'investor1',
  'trainer1',
  'regionAdmin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Asserts a 2xx and returns the body. */
export async function ok(res: Promise<TestResponse> | TestResponse, status = 200): Promise<any> {
  const r = await res;
  expect(r.status, `${r.status} ${r.text}`).toBe(status);
  return r.body;
}

/** Asserts an application/problem+json error with this status. */
export function expectProblem(res: TestResponse, status: number, ...mustNotContain: string[]) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    title: expect.any(String),
    type: expect.any(String),
    detail: expect.any(String),
  });
  expect(Array.isArray(res.body.errors)).toBe(true);
  for (const s of mustNotContain) expect(res.text, `error body leaks "${s}"`).not.toContain(s);
}

export const founderBody = (name: string, contact: string, centerId?: string) => ({
  name,
  groups: ['graduate'],
  regionCode: '540102',
  languages: ['zh', 'bo'],
  ...(centerId ? { centerId } : {}),
  contact: { phone: '13800000000', wechat: contact },
});

export const projectBody = (o: {
  title: string;
  centerId?: string;
  founderIds: string[];
  status?: string;
  conf?: string;
}) => ({
  title: o.title,
  description: '以青稞为原料的即食产品，需要检测认证与市场推广。',
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: '540102',
  ...(o.centerId ? { centerId: o.centerId } : {}),
  founderIds: o.founderIds,
  needs: ['certification', 'marketing'],
  fundingNeedCny: 200000,
  languages: ['zh', 'bo'],
  ...(o.status ? { status: o.status } : {}),
  ...(o.conf ? { confidential: { note: o.conf, trialSalesCny: 9600 } } : {}),
});

export const mentorBody = (name: string, contact: string) => ({
  name,
  bio: '食品科学副教授，辅导认证检测。',
  expertise: ['certification', 'rnd_design'],
  sectors: ['plateau_biology'],
  languages: ['zh', 'bo'],
  regionCode: '540102',
  remote: true,
  capacity: 3,
  active: true,
  contact: { wechat: contact },
});

export const investorBody = (name: string, contact: string) => ({
  name,
  kind: 'angel',
  thesis: '投拉萨早期高原特色消费品。',
  sectors: [],
  stages: [],
  ticketMinCny: 0,
  ticketMaxCny: 1_000_000,
  regionCodes: [],
  active: true,
  contact: { wechat: contact },
});

export const trainingBody = (title: string, provider?: string) => ({
  title,
  description: '八周创业训练营：产品开发、许可申报、路演。',
  ...(provider !== undefined ? { provider } : {}),
  providerKind: 'training_base',
  topics: ['project_planning', 'certification'],
  targetGroups: ['graduate'],
  stages: [],
  regionCode: '540102',
  mode: 'online',
  seats: 30,
  startsOn: '2027-03-01',
  endsOn: '2027-04-30',
  languages: ['zh', 'bo'],
});

/** Creates a key through the API; returns the key and its id. */
export async function createKey(
  t: TestApp,
  role: string,
  binding: { subjectId?: string; centerId?: string; regionCode?: string } = {},
) {
  const body = await ok(t.request('POST', '/v1/api-keys', { body: { role, label: `test ${role}`, ...binding } }), 201);
  return { key: body.key as string, id: body.id as string };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const post = (path: string, body: unknown) => ok(t.request('POST', path, { body }), 201).then((b) => b.id as string);
  const cA = await post('/v1/centers', {
    name: '测试中心A（拉萨）',
    regionCode: '540102',
    kind: 'makerspace',
    pilot: false,
  });
  const cB = await post('/v1/centers', {
    name: '测试中心B（日喀则）',
    regionCode: '540202',
    kind: 'incubator',
    pilot: false,
  });
  const fA1 = await post('/v1/founders', founderBody(M.fA1Name, M.fA1Contact, cA));
  const fA2 = await post('/v1/founders', founderBody(M.fA2Name, M.fA2Contact, cA));
  const fB1 = await post('/v1/founders', founderBody(M.fB1Name, M.fB1Contact, cB));
  const pAv = await post(
    '/v1/projects',
    projectBody({ title: M.pAvTitle, centerId: cA, founderIds: [fA1, fA2], status: 'vetted', conf: M.pAvConf }),
  );
  const pAs = await post(
    '/v1/projects',
    projectBody({ title: M.pAsTitle, centerId: cA, founderIds: [fA1], status: 'submitted', conf: M.pAsConf }),
  );
  const pBv = await post(
    '/v1/projects',
    projectBody({ title: M.pBvTitle, centerId: cB, founderIds: [fB1], status: 'vetted', conf: M.pBvConf }),
  );
  const pBd = await post(
    '/v1/projects',
    projectBody({ title: M.pBdTitle, centerId: cB, founderIds: [fB1], status: 'draft', conf: M.pBdConf }),
  );
  const m1 = await post('/v1/mentors', mentorBody('导师一 MENTOR-1', M.m1Contact));
  const m2 = await post('/v1/mentors', mentorBody('导师二 MENTOR-2', M.m2Contact));
  const i1 = await post('/v1/investors', investorBody('投资人一 INVESTOR-1', M.i1Contact));
  const i2 = await post('/v1/investors', investorBody('投资人二 INVESTOR-2', M.i2Contact));
  const t1 = await post('/v1/trainings', trainingBody('训练营一 TRAINING-1', PROVIDER_ONE));
  const t2 = await post('/v1/trainings', trainingBody('训练营二 TRAINING-2', PROVIDER_TWO));
  const s1 = await post('/v1/services', {
    name: '企业注册代办',
    category: 'registration',
    provider: '政务窗口',
    description: '三个工作日办结。',
    centerId: cA,
    regionCodes: ['540100'],
    voucherEligible: false,
    languages: ['zh', 'bo'],
  });
  const bindings: Record<
    Exclude<Actor, 'admin'>,
    [string, { subjectId?: string; centerId?: string; regionCode?: string }]
  > = {
    staffA: ['center_staff', { centerId: cA }],
    staffB: ['center_staff', { centerId: cB }],
    founderA1: ['founder', { subjectId: fA1 }],
    founderA2: ['founder', { subjectId: fA2 }],
    founderB1: ['founder', { subjectId: fB1 }],
    mentor1: ['mentor', { subjectId: m1 }],
    investor1: ['investor', { subjectId: i1 }],
    trainer1: ['trainer', { subjectId: PROVIDER_ONE }],
    // Lhasa (5401): center A and its founders are inside, center B (Shigatse) is outside.
    regionAdmin: ['region_admin', { regionCode: '540100' }],
  };
  const keys = {} as Record<Actor, string>;
  const keyIds = {} as Record<Actor, string | null>;
  const { ADMIN_KEY } = await import('../harness.ts');
  keys.admin = ADMIN_KEY;
  keyIds.admin = null;
  for (const [actor, [role, binding]] of Object.entries(bindings)) {
    const k = await createKey(t, role, binding);
    keys[actor as Actor] = k.key;
    keyIds[actor as Actor] = k.id;
  }
  return { cA, cB, fA1, fA2, fB1, pAv, pAs, pBv, pBd, m1, m2, i1, i2, t1, t2, s1, keys, keyIds };
}

/**
 * Requests as one of the world's actors. Takes getters because test files assign the app and the
 * world in `beforeAll`, after the helper is made.
 */
export const callsAs = (app: () => TestApp, world: () => World) => (actor: Actor) => {
  const req = (method: string, path: string, body?: unknown) =>
    app().request(method, path, { key: world().keys[actor], ...(body === undefined ? {} : { body }) });
  return {
    get: (path: string) => req('GET', path),
    post: (path: string, body?: unknown) => req('POST', path, body),
    patch: (path: string, body: unknown) => req('PATCH', path, body),
    put: (path: string, body: unknown) => req('PUT', path, body),
    del: (path: string) => req('DELETE', path),
  };
};
