// The six match endpoints through the API (shared/API.md "Matching", "Auth and visibility"): who may
// ask (others get 404), the response's shape and `limit`, visibility of unvetted projects,
// `confidential` and founders' `contact`, reasons in zh/en/bo (`?lang=`, Accept-Language), and how introductions, capacity and
// enrolments remove candidates; a topic inferred from the prose shows as a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp, type TestResponse } from '../harness.ts';
import { addDays, shanghaiToday, type Row } from './generate.ts';

let t: TestApp;
const today = shanghaiToday();
const P1 = 'EP-PROV-1 拉萨创业培训基地';
const P2 = 'EP-PROV-2 日喀则职业技术学校';

interface W {
  cA: string;
  cB: string;
  fA1: string;
  fA2: string;
  fB1: string;
  pA: string;
  pA2: string;
  pB: string;
  mEcom: string;
  mDecl: string;
  mFull: string;
  mMkt: string;
  i1: string;
  i2: string;
  t1: string;
  t2: string;
  tEnr: string;
  services: string[];
}
let w: W;
type Who =
  | 'admin'
  | 'staffA'
  | 'staffB'
  | 'founderA1'
  | 'founderA2'
  | 'founderB1'
  | 'mentor'
  | 'investor1'
  | 'investor2'
  | 'trainer1'
  | 'trainer2';
const keys = {} as Record<Who, string>;

const post = async (path: string, body: unknown, key = ADMIN_KEY): Promise<Row> => {
  const res = await t.request('POST', path, { body, key });
  expect(res.status, `POST ${path}: ${res.text}`).toBe(201);
  return res.body;
};
const get = (path: string, who: Who = 'admin', headers: Record<string, string> = {}) =>
  t.request('GET', path, { key: keys[who], headers });
const ok = async (path: string, who: Who = 'admin', headers: Record<string, string> = {}): Promise<Row[]> => {
  const res = await get(path, who, headers);
  expect(res.status, `GET ${path} as ${who}: ${res.text}`).toBe(200);
  expectMatchShape(res);
  return res.body.items;
};
const ids = (items: Row[]) => items.map((i) => i.id);

function expectMatchShape(res: TestResponse) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(typeof res.body.model).toBe('string');
  expect(res.body.model.length).toBeGreaterThan(0);
  const items: Row[] = res.body.items;
  expect(Array.isArray(items)).toBe(true);
  for (const [k, item] of items.entries()) {
    expect(item.id).toMatch(/^([0-9a-f-]{36}|fh_[A-Za-z0-9_-]{22})$/); // a uuid, or a trainer's founder handle
    expect(typeof item.score).toBe('number');
    expect(item.score).toBeGreaterThanOrEqual(0);
    expect(item.score).toBeLessThanOrEqual(1);
    if (k > 0) expect(items[k - 1].score, 'sorted by score descending').toBeGreaterThanOrEqual(item.score);
    expect(item.reasons.length).toBeGreaterThan(0);
    for (const r of item.reasons) {
      expect(typeof r.code).toBe('string');
      expect(typeof r.text).toBe('string');
      expect(r.text.length).toBeGreaterThan(0);
    }
  }
}

function expectProblem(res: TestResponse, status: number) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
}

const founder = (
  name: string,
  centerId: string,
  groups: string[],
  regionCode: string,
  languages: string[],
  secret: string,
) => ({
  name,
  centerId,
  groups,
  regionCode,
  languages,
  interests: '想学直播带货和网店运营',
  contact: { phone: '13900000000', wechat: secret },
});
const project = (o: {
  title: string;
  description: string;
  centerId: string;
  founderIds: string[];
  status: string;
  regionCode: string;
  conf: string;
}) => ({
  title: o.title,
  description: o.description,
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: o.regionCode,
  centerId: o.centerId,
  founderIds: o.founderIds,
  needs: ['marketing'],
  fundingNeedCny: 100_000,
  languages: ['zh', 'bo'],
  status: o.status,
  confidential: { note: o.conf, cashCny: 12345 },
});
const mentor = (name: string, expertise: string[], capacity: number) => ({
  name,
  bio: '辅导高原特色产品的销售与推广。',
  expertise,
  sectors: ['plateau_biology'],
  languages: ['zh', 'bo'],
  regionCode: '540102',
  remote: true,
  capacity,
  active: true,
  contact: { wechat: `SECRET-${name}` },
});
const investor = (name: string) => ({
  name,
  kind: 'angel',
  thesis: '投高原特色消费品早期项目。',
  sectors: [],
  stages: [],
  ticketMinCny: 0,
  ticketMaxCny: 1_000_000,
  regionCodes: [],
  active: true,
  contact: { wechat: `SECRET-${name}` },
});
const training = (title: string, provider: string) => ({
  title,
  description: '网店开设、直播带货与营销推广。',
  provider,
  providerKind: 'training_base',
  topics: ['ecommerce', 'marketing'],
  targetGroups: [],
  stages: [],
  regionCode: '540102',
  mode: 'online',
  seats: 10,
  startsOn: today,
  endsOn: addDays(today, 30),
  languages: ['zh', 'bo'],
});

beforeAll(async () => {
  // With the match cache on, as served: every check below after a write also proves the write emptied it.
  t = await startTestApp({ MATCH_CACHE_TTL_MS: '600000' });
  const id = async (path: string, body: unknown) => (await post(path, body)).id as string;
  const cA = await id('/v1/centers', {
    name: 'EP 拉萨众创空间',
    regionCode: '540102',
    kind: 'makerspace',
    pilot: false,
  });
  const cB = await id('/v1/centers', {
    name: 'EP 日喀则孵化器',
    regionCode: '540202',
    kind: 'incubator',
    pilot: false,
  });
  const fA1 = await id('/v1/founders', founder('EP 次仁', cA, ['graduate'], '540102', ['zh', 'bo'], 'SECRET-FA1'));
  const fA2 = await id('/v1/founders', founder('EP 卓玛', cA, ['farmer_herder'], '540103', ['zh'], 'SECRET-FA2'));
  const fB1 = await id('/v1/founders', founder('EP 扎西', cB, ['graduate'], '540202', ['zh', 'bo'], 'SECRET-FB1'));
  const desc = '想开个微店卖酥油';
  const pA = await id(
    '/v1/projects',
    project({
      title: '酥油',
      description: desc,
      centerId: cA,
      founderIds: [fA1],
      status: 'vetted',
      regionCode: '540102',
      conf: 'CONF-PA',
    }),
  );
  const pA2 = await id(
    '/v1/projects',
    project({
      title: '酥油二',
      description: desc,
      centerId: cA,
      founderIds: [fA2],
      status: 'submitted',
      regionCode: '540102',
      conf: 'CONF-PA2',
    }),
  );
  const pB = await id(
    '/v1/projects',
    project({
      title: '奶渣',
      description: '牦牛奶渣零食，想做市场推广。',
      centerId: cB,
      founderIds: [fB1],
      status: 'vetted',
      regionCode: '540202',
      conf: 'CONF-PB',
    }),
  );
  const mEcom = await id('/v1/mentors', mentor('EP 电商导师', ['ecommerce'], 3));
  const mDecl = await id('/v1/mentors', mentor('EP 营销导师', ['marketing'], 3));
  const mFull = await id('/v1/mentors', mentor('EP 满额导师', ['marketing'], 1));
  const mMkt = await id('/v1/mentors', mentor('EP 推广导师', ['marketing'], 2));
  const i1 = await id('/v1/investors', investor('EP 投资方一'));
  const i2 = await id('/v1/investors', investor('EP 投资方二'));
  const t1 = await id('/v1/trainings', training('EP 电商训练营', P1));
  const t2 = await id('/v1/trainings', training('EP 营销训练营', P2));
  const tEnr = await id('/v1/trainings', training('EP 直播带货班', P1));
  const services: string[] = [];
  for (let k = 0; k < 12; k++) {
    services.push(
      await id('/v1/services', {
        name: `EP 服务${k}`,
        category: k % 2 ? 'marketing' : 'ecommerce',
        provider: '双创中心',
        description: '网店开设与推广服务。',
        regionCodes: [],
        voucherEligible: false,
        languages: ['zh'],
      }),
    );
  }
  w = { cA, cB, fA1, fA2, fB1, pA, pA2, pB, mEcom, mDecl, mFull, mMkt, i1, i2, t1, t2, tEnr, services };
  keys.admin = ADMIN_KEY;
  keys.staffA = await t.keyFor('center_staff', { centerId: cA });
  keys.staffB = await t.keyFor('center_staff', { centerId: cB });
  keys.founderA1 = await t.keyFor('founder', { subjectId: fA1 });
  keys.founderA2 = await t.keyFor('founder', { subjectId: fA2 });
  keys.founderB1 = await t.keyFor('founder', { subjectId: fB1 });
  keys.mentor = await t.keyFor('mentor', { subjectId: mEcom });
  keys.investor1 = await t.keyFor('investor', { subjectId: i1 });
  keys.investor2 = await t.keyFor('investor', { subjectId: i2 });
  keys.trainer1 = await t.keyFor('trainer', { subjectId: P1 });
  keys.trainer2 = await t.keyFor('trainer', { subjectId: P2 });
  await t.service.queue.drained(120_000);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const TARGETS = ['mentors', 'investors', 'trainings', 'services'] as const;
const ALL_PATHS = (id: string) => [
  ...TARGETS.map((x) => `/v1/projects/${id}/matches/${x}`),
  `/v1/investors/${id}/matches/projects`,
  `/v1/trainings/${id}/matches/founders`,
];

describe('who may ask', () => {
  it("project matches: the project's founder, its center's staff and admins get 200; everyone else 404", async () => {
    for (const target of TARGETS) {
      const path = `/v1/projects/${w.pA}/matches/${target}`;
      const seen: string[][] = [];
      for (const who of ['founderA1', 'staffA', 'admin'] as Who[]) {
        const items = await ok(path, who);
        expect(items.length, `${target} as ${who}`).toBeGreaterThan(0);
        expect(items.length).toBeLessThanOrEqual(10);
        seen.push(ids(items));
      }
      // the same matches whoever of them asks
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
      for (const who of ['founderA2', 'founderB1', 'staffB', 'mentor', 'investor1', 'trainer1'] as Who[]) {
        expectProblem(await get(path, who), 404);
      }
    }
  });

  it('investor→projects: that investor and admins; other investors and other roles 404', async () => {
    const path = `/v1/investors/${w.i1}/matches/projects`;
    expect(ids(await ok(path, 'investor1'))).toEqual(ids(await ok(path, 'admin')));
    for (const who of ['investor2', 'founderA1', 'staffA', 'mentor', 'trainer1'] as Who[])
      expectProblem(await get(path, who), 404);
    expect(ids(await ok(`/v1/investors/${w.i2}/matches/projects`, 'investor2')).length).toBeGreaterThan(0);
  });

  it('training→founders: its trainer, center staff (their own founders only) and admins; other trainers and roles 404', async () => {
    const path = `/v1/trainings/${w.t1}/matches/founders`;
    const full = await ok(path, 'admin');
    const all = ids(full);
    expect(all).toEqual(expect.arrayContaining([w.fA1, w.fA2, w.fB1]));
    // The trainer gets the same ranking under pseudonymous handles (test/engagement/training-invitations.test.ts).
    const cohort = await ok(path, 'trainer1');
    expect(cohort.map((i) => i.score)).toEqual(full.map((i) => i.score));
    expect(ids(cohort).filter((id) => all.includes(id))).toEqual([]);
    const a = ids(await ok(path, 'staffA'));
    expect(a.sort()).toEqual([w.fA1, w.fA2].sort());
    expect(ids(await ok(path, 'staffB'))).toEqual([w.fB1]);
    for (const who of ['trainer2', 'founderA1', 'mentor', 'investor1'] as Who[])
      expectProblem(await get(path, who), 404);
    expect(ids(await ok(`/v1/trainings/${w.t2}/matches/founders`, 'trainer2')).length).toBeGreaterThan(0);
  });

  it('no key → 401; unknown and malformed ids → 404 on all six endpoints', async () => {
    expect((await t.request('GET', `/v1/projects/${w.pA}/matches/mentors`, { key: null })).status).toBe(401);
    for (const id of ['0190a2b4-0000-7000-8000-000000000000', 'not-a-uuid', '123']) {
      for (const path of ALL_PATHS(id)) expectProblem(await get(path, 'admin'), 404);
    }
    // an existing id of the wrong kind is unknown too
    expectProblem(await get(`/v1/investors/${w.pA}/matches/projects`), 404);
    expectProblem(await get(`/v1/trainings/${w.mEcom}/matches/founders`), 404);
    expectProblem(await get(`/v1/projects/${w.i1}/matches/investors`), 404);
  });
});

describe('limit', () => {
  it('default 10, honoured from 1 to 100, the top-k a prefix of the full ranking', async () => {
    const path = `/v1/projects/${w.pA}/matches/services`;
    const full = await ok(`${path}?limit=100`);
    expect(full.length).toBe(12);
    expect(ids(await ok(path))).toEqual(ids(full).slice(0, 10));
    const top3 = await ok(`${path}?limit=3`);
    expect(ids(top3)).toEqual(ids(full).slice(0, 3));
    expect(top3.map((i) => i.score)).toEqual(full.slice(0, 3).map((i) => i.score));
    expect(await ok(`${path}?limit=1`)).toHaveLength(1);
  });

  it('0, 101, -1, 2.5 and "x" are 400 problem+json on all six endpoints', async () => {
    const paths = [
      ...TARGETS.map((x) => `/v1/projects/${w.pA}/matches/${x}`),
      `/v1/investors/${w.i1}/matches/projects`,
      `/v1/trainings/${w.t1}/matches/founders`,
    ];
    for (const path of paths) {
      for (const bad of ['0', '101', '-1', '2.5', 'x']) {
        const res = await get(`${path}?limit=${bad}`);
        expectProblem(res, 400);
        expect(JSON.stringify(res.body.errors ?? res.body), `${path}?limit=${bad}`).toMatch(/limit/);
      }
      expect((await get(`${path}?limit=100`)).status).toBe(200);
    }
  });

  it('a `lang` other than zh, en and bo (xx, BO, empty, zh-CN, two values) is 400 problem+json naming `lang`', async () => {
    const paths = [
      ...TARGETS.map((x) => `/v1/projects/${w.pA}/matches/${x}`),
      `/v1/investors/${w.i1}/matches/projects`,
      `/v1/trainings/${w.t1}/matches/founders`,
    ];
    for (const path of paths) {
      for (const bad of ['lang=xx', 'lang=BO', 'lang=', 'lang=zh-CN', 'lang=bo&lang=en']) {
        const res = await get(`${path}?${bad}`);
        expectProblem(res, 400);
        expect(JSON.stringify(res.body.errors), `${path}?${bad}`).toMatch(/lang/);
      }
    }
  });
});

describe('visibility', () => {
  it('a non-vetted project asking for investors gets 200 with no items (a vetted one gets them)', async () => {
    for (const who of ['founderA2', 'staffA', 'admin'] as Who[]) {
      const res = await get(`/v1/projects/${w.pA2}/matches/investors`, who);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(typeof res.body.model).toBe('string');
    }
    expect(ids(await ok(`/v1/projects/${w.pA}/matches/investors`))).toEqual(expect.arrayContaining([w.i1, w.i2]));
  });

  it('investors see vetted projects only, never `confidential`', async () => {
    for (const who of ['investor1', 'admin'] as Who[]) {
      const res = await get(`/v1/investors/${w.i1}/matches/projects?limit=100`, who);
      expect(res.status).toBe(200);
      const got = ids(res.body.items);
      expect(got).toEqual(expect.arrayContaining([w.pA, w.pB]));
      expect(got).not.toContain(w.pA2);
      for (const item of res.body.items) {
        expect(item).not.toHaveProperty('confidential');
        expect(item.status === undefined || item.status === 'vetted').toBe(true);
      }
      expect(res.text).not.toMatch(/CONF-|cashCny/);
    }
  });

  it('founders in a cohort never show `contact`; mentors and investors in matches neither', async () => {
    for (const who of ['trainer1', 'staffA', 'admin'] as Who[]) {
      const res = await get(`/v1/trainings/${w.t1}/matches/founders?limit=100`, who);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const item of res.body.items) expect(item).not.toHaveProperty('contact');
      expect(res.text).not.toMatch(/SECRET-|13900000000/);
    }
    for (const target of ['mentors', 'investors'] as const) {
      const res = await get(`/v1/projects/${w.pA}/matches/${target}?limit=100`, 'founderA1');
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const item of res.body.items) expect(item).not.toHaveProperty('contact');
      expect(res.text).not.toContain('SECRET-');
    }
  });
});

describe('reasons', () => {
  const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

  it('Chinese by default and with Accept-Language zh, English with Accept-Language en', async () => {
    for (const path of ALL_PATHS(w.pA)
      .slice(0, 4)
      .concat([`/v1/investors/${w.i1}/matches/projects`, `/v1/trainings/${w.t1}/matches/founders`])) {
      const zh = await ok(`${path}?limit=100`);
      const en = await ok(`${path}?limit=100`, 'admin', { 'accept-language': 'en' });
      const enUs = await ok(`${path}?limit=100`, 'admin', { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' });
      const zhExplicit = await ok(`${path}?limit=100`, 'admin', { 'accept-language': 'zh-CN' });
      expect(zh.length).toBeGreaterThan(0);
      // same results, same criteria, other language
      expect(ids(en)).toEqual(ids(zh));
      expect(enUs).toEqual(en);
      expect(zhExplicit).toEqual(zh);
      zh.forEach((item, k) => {
        expect(en[k].score).toBe(item.score);
        expect(en[k].reasons.map((r: Row) => r.code)).toEqual(item.reasons.map((r: Row) => r.code));
        const zhEligible = item.reasons.find((r: Row) => r.code === 'eligible');
        const enEligible = en[k].reasons.find((r: Row) => r.code === 'eligible');
        expect(zhEligible, `${path}: an eligible reason`).toBeTruthy();
        expect(zhEligible.text).toMatch(/^符合硬性条件：/);
        expect(enEligible.text).toMatch(/^Meets the hard rules: /);
        expect(hasCjk(enEligible.text)).toBe(false);
        for (const r of item.reasons) expect(hasCjk(r.text), `zh ${r.code}: ${r.text}`).toBe(true);
        // English texts are English, except quoted keywords and evidence phrases from the prose
        for (const r of en[k].reasons)
          if (r.code !== 'lexical' && r.code !== 'inferred')
            expect(hasCjk(r.text), `en ${r.code}: ${r.text}`).toBe(false);
      });
    }
  });

  const hasTibetan = (s: string) => /[\u0F40-\u0FBC]/.test(s);
  const allPaths = () =>
    ALL_PATHS(w.pA)
      .slice(0, 4)
      .concat([`/v1/investors/${w.i1}/matches/projects`, `/v1/trainings/${w.t1}/matches/founders`]);

  it('Tibetan with ?lang=bo on all six endpoints: same candidates, scores and criteria, every reason in Tibetan script', async () => {
    for (const path of allPaths()) {
      const zh = await ok(`${path}?limit=100`);
      const bo = await ok(`${path}?limit=100&lang=bo`);
      expect(zh.length, path).toBeGreaterThan(0);
      expect(ids(bo)).toEqual(ids(zh));
      bo.forEach((item, k) => {
        expect(item.score).toBe(zh[k].score);
        expect(item.reasons.map((r: Row) => r.code)).toEqual(zh[k].reasons.map((r: Row) => r.code));
        for (const r of item.reasons) {
          expect(hasTibetan(r.text), `bo ${path} ${r.code}: ${r.text}`).toBe(true);
          // every text has a Tibetan version: no reason says it fell back to another language
          expect(r, `bo ${path} ${r.code}`).not.toHaveProperty('lang');
        }
        expect(item.reasons.find((r: Row) => r.code === 'eligible').text).toMatch(/^ངེས་པར་དགོས་པའི་ཆ་རྐྱེན་ཚང་བ: /);
      });
      // zh answers carry no `lang` either (unchanged shape)
      for (const item of zh) for (const r of item.reasons) expect(r).not.toHaveProperty('lang');
    }
  });

  it('?lang= wins over Accept-Language; Accept-Language bo alone gives Tibetan; zh and en unchanged', async () => {
    const path = `/v1/projects/${w.pA}/matches/mentors?limit=100`;
    const zh = await ok(path);
    const en = await ok(path, 'admin', { 'accept-language': 'en' });
    const bo = await ok(`${path}&lang=bo`);
    expect(await ok(`${path}&lang=zh`, 'admin', { 'accept-language': 'en' })).toEqual(zh);
    expect(await ok(`${path}&lang=en`, 'admin', { 'accept-language': 'bo' })).toEqual(en);
    expect(await ok(`${path}&lang=bo`, 'admin', { 'accept-language': 'en' })).toEqual(bo);
    expect(await ok(path, 'admin', { 'accept-language': 'bo' })).toEqual(bo);
    expect(await ok(path, 'admin', { 'accept-language': 'bo-CN, zh;q=0.8' })).toEqual(bo);
    expect(await ok(path, 'admin', { 'accept-language': 'zh, bo;q=0.5' })).toEqual(zh);
  });

  it('the cached result of one language is never served for another', async () => {
    const path = `/v1/projects/${w.pA}/matches/mentors?limit=5`;
    for (let round = 0; round < 2; round++) {
      const zh = await ok(path);
      const bo = await ok(`${path}&lang=bo`);
      const en = await ok(`${path}&lang=en`);
      expect(hasTibetan(bo[0].reasons[0].text)).toBe(true);
      expect(hasTibetan(zh[0].reasons[0].text) || hasTibetan(en[0].reasons[0].text)).toBe(false);
    }
  });

  it('the inferred-need note and topic reasons read in Tibetan, quoting the prose as written', async () => {
    const bo = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100&lang=bo`)).find((i) => i.id === w.mEcom)!;
    const inferred = bo.reasons.find((r: Row) => r.code === 'inferred');
    expect(inferred.text).toMatch(/^འགྲེལ་བཤད་ནང་གི་དགོས་མཁོ: /); // needs from the description
    expect(inferred.text).toContain('གློག་རྡུལ་ཚོང་དོན'); // 电子商务
    expect(inferred.text).toContain('微店'); // the founder's own words stay as written
    expect(bo.reasons.find((r: Row) => r.code === 'topics')?.text).toContain('གློག་རྡུལ་ཚོང་དོན');
  });

  it('a need inferred from 想开个微店卖酥油 shows as an `inferred` reason on an e-commerce mentor (needs only say marketing)', async () => {
    const zh = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100`)).find((i) => i.id === w.mEcom);
    expect(zh, 'the e-commerce mentor is matched').toBeTruthy();
    const inferredZh = zh!.reasons.filter((r: Row) => r.code === 'inferred');
    expect(inferredZh).toHaveLength(1);
    expect(inferredZh[0].text).toContain('电子商务');
    expect(inferredZh[0].text).toContain('微店');
    const en = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100`, 'admin', { 'accept-language': 'en' })).find(
      (i) => i.id === w.mEcom,
    );
    expect(en!.reasons.find((r: Row) => r.code === 'inferred').text).toMatch(/E-commerce/);
    // the topic reason shows the inferred topic matched by the mentor's expertise
    expect(zh!.reasons.find((r: Row) => r.code === 'topics')?.text).toContain('电子商务');
    // a mentor offering only the declared need gets no inferred note
    const marketing = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100`)).find((i) => i.id === w.mMkt);
    expect(marketing!.reasons.map((r: Row) => r.code)).not.toContain('inferred');
  });
});

describe('introductions, capacity and enrolments remove candidates', () => {
  const mentorsOf = async (projectId: string) => ids(await ok(`/v1/projects/${projectId}/matches/mentors?limit=100`));
  const intro = async (projectId: string, targetId: string, key: string, targetKind = 'mentor') =>
    (await post('/v1/introductions', { projectId, targetKind, targetId }, key)).id as string;

  it('a requested, then declined introduction keeps the mentor from being suggested to that project again', async () => {
    expect(await mentorsOf(w.pA)).toContain(w.mDecl);
    const id = await intro(w.pA, w.mDecl, keys.founderA1);
    expect(await mentorsOf(w.pA), 'requested').not.toContain(w.mDecl);
    const res = await t.request('POST', `/v1/introductions/${id}/decline`, { key: ADMIN_KEY });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('declined');
    expect(await mentorsOf(w.pA), 'declined').not.toContain(w.mDecl);
    // other projects still get it
    expect(await mentorsOf(w.pB)).toContain(w.mDecl);
  });

  it("an open introduction to an investor removes it from the project's investor matches only", async () => {
    await intro(w.pA, w.i2, keys.founderA1, 'investor');
    expect(ids(await ok(`/v1/projects/${w.pA}/matches/investors`))).not.toContain(w.i2);
    expect(ids(await ok(`/v1/projects/${w.pB}/matches/investors`))).toContain(w.i2);
  });

  it('a mentor whose capacity is used up by accepted introductions disappears, and comes back when one ends', async () => {
    const before = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100`)).find((i) => i.id === w.mFull);
    expect(before?.remainingCapacity).toBe(1);
    const id = await intro(w.pB, w.mFull, keys.founderB1);
    expect(await mentorsOf(w.pA), 'a request takes no capacity').toContain(w.mFull);
    const acc = await t.request('POST', `/v1/introductions/${id}/accept`, { key: ADMIN_KEY });
    expect(acc.status, acc.text).toBe(200);
    expect(await mentorsOf(w.pA), 'capacity used up').not.toContain(w.mFull);
    expect(await mentorsOf(w.pA2)).not.toContain(w.mFull);
    const end = await t.request('POST', `/v1/introductions/${id}/end`, { key: ADMIN_KEY });
    expect(end.status, end.text).toBe(200);
    const after = (await ok(`/v1/projects/${w.pA}/matches/mentors?limit=100`)).find((i) => i.id === w.mFull);
    expect(after?.remainingCapacity, 'an ended mentorship frees the unit').toBe(1);
  });

  it('a training a founder of the project is enrolled in disappears (for that project; the founder leaves its cohort)', async () => {
    const trainingsOf = async (projectId: string) =>
      ids(await ok(`/v1/projects/${projectId}/matches/trainings?limit=100`));
    expect(await trainingsOf(w.pA)).toContain(w.tEnr);
    expect(ids(await ok(`/v1/trainings/${w.tEnr}/matches/founders?limit=100`))).toContain(w.fA1);
    await post(`/v1/trainings/${w.tEnr}/enrollments`, { founderId: w.fA1 });
    expect(await trainingsOf(w.pA)).not.toContain(w.tEnr);
    expect(await trainingsOf(w.pA2), 'another project of the center still gets it').toContain(w.tEnr);
    expect(ids(await ok(`/v1/trainings/${w.tEnr}/matches/founders?limit=100`))).not.toContain(w.fA1);
    const seatsLeft = (await ok(`/v1/projects/${w.pA2}/matches/trainings?limit=100`)).find(
      (i) => i.id === w.tEnr,
    )?.seatsLeft;
    expect(seatsLeft).toBe(9);
  });
});
