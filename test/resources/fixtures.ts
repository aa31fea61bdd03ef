// Shared fixtures for the resource tests: one table-driven spec per contract resource (a family of
// valid bodies that vary by index, a PATCH, the text fields, and list filters with the predicate
// the contract gives them), plus helpers for problem+json checks and "nothing was written".
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import type { Embedder } from '../../src/embedding/embedder.ts';
import { startTestApp, type TestApp, type TestResponse } from '../harness.ts';

export type Row = Record<string, any>;
export type ResourceName = 'centers' | 'founders' | 'projects' | 'mentors' | 'investors' | 'trainings' | 'services';

/** Records the specs reference: two centers and three founders created through the API. */
export interface Ctx {
  tag: string;
  centerId: string;
  otherCenterId: string;
  founderIds: string[];
}

/** Chinese, Tibetan (incl. U+0F73, which Unicode normalisation would decompose), emoji, quotes, markup. */
export const WEIRD = 'བོད་ལྗོངས་ 藏药材电商 🚀 "quotes" <b>html</b>';
export const WEIRD_LONG =
  "བཀྲ་ཤིས་བདེ་ལེགས། ཀཱི\u0F73 \u0F40\u0F71\u0F72 𠀀 é/e\u0301 \\ back\\slash 'single' ＡＢＣ 藏医藏药 & <script>alert(1)</script>\n第二行\t制表 👩🏽‍🌾";

/** GB/T 2260: Lhasa (5401xx) counties, the prefecture itself, and places outside Lhasa (incl. the region root). */
export const LHASA = ['540102', '540103', '540121', '540100'];
export const ELSEWHERE = ['540202', '540000', '540402', '542521'];
/** Even indexes are in Lhasa, odd ones elsewhere (index 5 is the region root 540000, which 540100 does not cover). */
export const regionAt = (i: number) =>
  i % 2 === 0 ? LHASA[(i / 2) % LHASA.length] : ELSEWHERE[((i - 1) / 2) % ELSEWHERE.length];

const prefix = (code: string) =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
/** The contract's coverage: a code covers itself and everything inside it. */
export const covers = (outer: string, inner: string) => inner.startsWith(prefix(outer));

export interface FilterCase {
  query(ctx: Ctx): string;
  /** Does a returned item satisfy the filter (per the contract)? */
  matches(item: Row, ctx: Ctx): boolean;
}

export interface ResourceSpec {
  name: ResourceName;
  table: string;
  embedded: boolean;
  /** The i-th valid create body; fields vary with i so that filters discriminate. */
  sample(ctx: Ctx, i: number): Row;
  /** Free-text fields (for the Unicode round trip). */
  textFields: string[];
  /** A PATCH that changes one field, given the current record. */
  patch(current: Row): Row;
  filters: FilterCase[];
}

const inLhasa: FilterCase = { query: () => 'regionCode=540100', matches: (r) => covers('540100', r.regionCode) };
const eq = (field: string, value: unknown): FilterCase => ({
  query: () => `${field}=${value}`,
  matches: (r) => r[field] === value,
});
const has = (param: string, field: string, value: string, emptyMatches = false): FilterCase => ({
  query: () => `${param}=${value}`,
  matches: (r) => r[field].includes(value) || (emptyMatches && r[field].length === 0),
});
/** List-valued region restriction: the records serving the place (empty list = everywhere). */
const serves = (code: string): FilterCase => ({
  query: () => `regionCode=${code}`,
  matches: (r) => r.regionCodes.length === 0 || r.regionCodes.some((c: string) => covers(c, code)),
});

export const specs: ResourceSpec[] = [
  {
    name: 'centers',
    table: 'centers',
    embedded: false,
    sample: (ctx, i) => ({
      name: `测试中心 ${ctx.tag} ${i}`,
      regionCode: regionAt(i),
      kind: ['makerspace', 'star_base', 'incubator'][i % 3],
      operator: `运营单位 ${i}`,
      pilot: i % 2 === 0,
    }),
    textFields: ['name', 'operator'],
    patch: (r) => ({ name: `${r.name} (改名)` }),
    filters: [inLhasa, eq('kind', 'star_base'), { query: () => 'pilot=true', matches: (r) => r.pilot === true }],
  },
  {
    name: 'founders',
    table: 'founders',
    embedded: true,
    sample: (ctx, i) => ({
      name: `创业者 ${ctx.tag} ${i}`,
      groups: [['graduate'], ['farmer_herder', 'ich_inheritor'], ['student']][i % 3],
      regionCode: regionAt(i),
      languages: i % 2 === 0 ? ['zh'] : ['bo', 'zh'],
      educationLevel: '本科',
      graduationYear: 2015 + i,
      interests: `牦牛奶 电商 ${i}`,
      ...(i === 6 ? {} : { centerId: i % 2 === 0 ? ctx.centerId : ctx.otherCenterId }),
      contact: { phone: `1380000000${i}`, email: `founder${i}@example.cn` },
    }),
    textFields: ['name', 'interests'],
    patch: () => ({ interests: '藏香 文创 直播带货' }),
    filters: [
      inLhasa,
      has('group', 'groups', 'farmer_herder'),
      has('language', 'languages', 'bo'),
      { query: (ctx) => `centerId=${ctx.centerId}`, matches: (r, ctx) => r.centerId === ctx.centerId },
    ],
  },
  {
    name: 'projects',
    table: 'projects',
    embedded: true,
    sample: (ctx, i) => ({
      title: `项目 ${ctx.tag} ${i}`,
      description: `高原特色产品 ${i}`,
      sector: ['plateau_biology', 'culture_tourism', 'digital_tech'][i % 3],
      stage: ['idea', 'prototype', 'early_revenue', 'growth'][i % 4],
      regionCode: regionAt(i),
      ...(i === 6 ? {} : { centerId: i % 2 === 0 ? ctx.centerId : ctx.otherCenterId }),
      founderIds: i % 3 === 0 ? [ctx.founderIds[0], ctx.founderIds[1]] : [ctx.founderIds[i % 3]],
      needs: i % 2 === 0 ? ['seed_funding', 'ecommerce'] : ['legal'],
      fundingNeedCny: 100_000 * (i + 1),
      languages: ['zh', 'bo'],
      status: ['draft', 'submitted', 'vetted'][i % 3],
      confidential: { revenueCny: 1000 * i, note: '内部' },
    }),
    textFields: ['title', 'description'],
    patch: () => ({ title: '新标题 ཚོང་ལས།' }),
    filters: [
      inLhasa,
      eq('sector', 'culture_tourism'),
      eq('status', 'vetted'),
      eq('stage', 'prototype'),
      has('need', 'needs', 'ecommerce'),
      {
        query: (ctx) => `founderId=${ctx.founderIds[1]}`,
        matches: (r, ctx) => r.founderIds.includes(ctx.founderIds[1]),
      },
      { query: (ctx) => `centerId=${ctx.otherCenterId}`, matches: (r, ctx) => r.centerId === ctx.otherCenterId },
    ],
  },
  {
    name: 'mentors',
    table: 'mentors',
    embedded: true,
    sample: (ctx, i) => ({
      name: `导师 ${ctx.tag} ${i}`,
      bio: `从事高原农牧业二十年 ${i}`,
      expertise: i % 2 === 0 ? ['legal', 'ip'] : ['marketing'],
      sectors: [['clean_energy'], ['plateau_biology', 'culture_tourism'], []][i % 3],
      languages: i % 2 === 0 ? ['zh', 'bo'] : ['zh'],
      regionCode: regionAt(i),
      remote: i % 3 === 0,
      capacity: i,
      active: i !== 4,
      contact: { wechat: `mentor_${i}` },
    }),
    textFields: ['name', 'bio'],
    patch: (r) => ({ capacity: r.capacity + 7 }),
    filters: [
      inLhasa,
      has('sector', 'sectors', 'clean_energy'),
      has('expertise', 'expertise', 'legal'),
      { query: () => 'remote=true', matches: (r) => r.remote === true },
      { query: () => 'active=false', matches: (r) => r.active === false },
    ],
  },
  {
    name: 'investors',
    table: 'investors',
    embedded: true,
    sample: (ctx, i) => ({
      name: `投资机构 ${ctx.tag} ${i}`,
      kind: ['angel', 'vc', 'gov_fund'][i % 3],
      thesis: `关注高原特色产业 ${i}`,
      sectors: [[], ['digital_tech'], ['plateau_biology']][i % 3],
      stages: [['idea', 'prototype'], ['growth'], []][i % 3],
      ticketMinCny: 10_000 * i,
      ticketMaxCny: 10_000 * i + 500_000,
      regionCodes: [[], ['540100'], ['540200', '540402']][i % 3],
      active: i !== 5,
    }),
    textFields: ['name', 'thesis'],
    patch: () => ({ thesis: '藏药材 与 清洁能源' }),
    filters: [
      eq('kind', 'vc'),
      has('sector', 'sectors', 'digital_tech', true),
      has('stage', 'stages', 'growth', true),
      serves('540102'),
      { query: () => 'active=false', matches: (r) => r.active === false },
    ],
  },
  {
    name: 'trainings',
    table: 'trainings',
    embedded: true,
    sample: (ctx, i) => ({
      title: `培训 ${ctx.tag} ${i}`,
      description: `直播电商实操 ${i}`,
      provider: `西藏职业技术学院 ${ctx.tag} ${i % 2}`,
      providerKind: ['vocational_school', 'university', 'master_studio'][i % 3],
      topics: i % 2 === 0 ? ['ecommerce', 'marketing'] : ['finance_tax'],
      targetGroups: [[], ['farmer_herder'], ['student', 'graduate']][i % 3],
      stages: i % 2 === 0 ? [] : ['idea'],
      regionCode: regionAt(i),
      mode: ['onsite', 'online', 'enclave'][i % 3],
      seats: 10 + i,
      startsOn: `2027-0${(i % 9) + 1}-01`,
      endsOn: `2027-0${(i % 9) + 1}-2${i}`,
      languages: i % 2 === 0 ? ['zh', 'bo'] : ['bo'],
    }),
    textFields: ['title', 'description', 'provider'],
    patch: (r) => ({ seats: r.seats + 100 }),
    filters: [
      inLhasa,
      eq('mode', 'online'),
      eq('providerKind', 'university'),
      has('topic', 'topics', 'ecommerce'),
      has('group', 'targetGroups', 'farmer_herder', true),
      has('language', 'languages', 'zh'),
      {
        query: (ctx) => `provider=${encodeURIComponent(`西藏职业技术学院 ${ctx.tag} 1`)}`,
        matches: (r, ctx) => r.provider === `西藏职业技术学院 ${ctx.tag} 1`,
      },
    ],
  },
  {
    name: 'services',
    table: 'services',
    embedded: true,
    sample: (ctx, i) => ({
      name: `服务 ${ctx.tag} ${i}`,
      category: ['legal', 'registration', 'finance_tax'][i % 3],
      provider: `律师事务所 ${i}`,
      description: `免费法律咨询 ${i}`,
      ...(i === 6 ? {} : { centerId: i % 2 === 0 ? ctx.centerId : ctx.otherCenterId }),
      regionCodes: [[], ['540100'], ['540202']][i % 3],
      voucherEligible: i % 2 === 0,
      languages: i % 2 === 0 ? ['zh'] : ['zh', 'bo'],
    }),
    textFields: ['name', 'provider', 'description'],
    patch: (r) => ({ voucherEligible: !r.voucherEligible }),
    filters: [
      eq('category', 'legal'),
      serves('540102'),
      { query: () => 'voucherEligible=true', matches: (r) => r.voucherEligible === true },
      { query: (ctx) => `centerId=${ctx.centerId}`, matches: (r, ctx) => r.centerId === ctx.centerId },
    ],
  },
];

export const specOf = (name: ResourceName) => specs.find((s) => s.name === name)!;

/** Creates the centers and founders the specs reference. */
export async function makeCtx(t: TestApp, tag: string): Promise<Ctx> {
  const post = async (path: string, body: Row) => {
    const r = await t.request('POST', path, { body });
    if (r.status !== 201) throw new Error(`fixture ${path}: ${r.status} ${r.text}`);
    return r.body.id as string;
  };
  const centerId = await post('/v1/centers', {
    name: `夹具中心 ${tag} A`,
    regionCode: '540102',
    kind: 'makerspace',
    pilot: false,
  });
  const otherCenterId = await post('/v1/centers', {
    name: `夹具中心 ${tag} B`,
    regionCode: '540202',
    kind: 'incubator',
    pilot: false,
  });
  const founderIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    founderIds.push(
      await post('/v1/founders', {
        name: `夹具创业者 ${tag} ${i}`,
        groups: ['graduate'],
        regionCode: '540102',
        languages: ['zh'],
        centerId,
      }),
    );
  }
  return { tag, centerId, otherCenterId, founderIds };
}

/** Walks every page of a list; returns the items and the page sizes. */
export async function listAll(t: TestApp, path: string, limit = 200): Promise<{ items: Row[]; pages: number[] }> {
  const items: Row[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  for (let guard = 0; guard < 1000; guard++) {
    const res: TestResponse = await t.request(
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
    expect(res.body).toHaveProperty('nextCursor');
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    pages.push(res.body.items.length);
    cursor = res.body.nextCursor;
    if (cursor === null) return { items, pages };
    expect(typeof cursor).toBe('string');
    expect(res.body.items.length, 'a page with a nextCursor is full').toBe(limit);
  }
  throw new Error('pagination did not end');
}

/** The title a problem of this status must carry (RFC 9110 names; older ones accepted). */
const STATUS_TITLES: Record<number, RegExp> = {
  400: /^Bad Request$/,
  404: /^Not Found$/,
  409: /^Conflict$/,
  413: /^(Content|Payload) Too Large$/,
  415: /^Unsupported Media Type$/,
  422: /^Unprocessable (Content|Entity)$/,
};

/** Asserts an RFC 9457 problem response with the given status (or any 4xx) and, optionally, error paths. */
export function expectProblem(res: TestResponse, status: number | '4xx', paths: string[] = []) {
  const ctx = `${res.status} ${res.text.slice(0, 600)}`;
  if (status === '4xx') {
    expect(res.status, ctx).toBeGreaterThanOrEqual(400);
    expect(res.status, ctx).toBeLessThan(500);
  } else {
    expect(res.status, ctx).toBe(status);
  }
  expect(res.headers.get('content-type'), ctx).toMatch(/^application\/problem\+json/);
  const b = res.body;
  expect(b, ctx).toBeTypeOf('object');
  expect(typeof b.type, ctx).toBe('string');
  expect(b.type.length).toBeGreaterThan(0);
  expect(typeof b.title, ctx).toBe('string');
  expect(b.title.length).toBeGreaterThan(0);
  expect(b.status, ctx).toBe(res.status);
  const title = STATUS_TITLES[res.status];
  if (title) expect(b.title, ctx).toMatch(title);
  expect(typeof b.detail, ctx).toBe('string');
  expect(b.detail.length).toBeGreaterThan(0);
  expect(Array.isArray(b.errors), ctx).toBe(true);
  for (const e of b.errors) {
    expect(typeof e.path, ctx).toBe('string');
    expect(typeof e.message, ctx).toBe('string');
  }
  const got = b.errors.map((e: Row) => e.path);
  for (const p of paths) expect(got, `errors should name "${p}": ${ctx}`).toContain(p);
}

const FINGERPRINT_TABLES = [
  'centers',
  'founders',
  'projects',
  'project_founders',
  'mentors',
  'investors',
  'trainings',
  'services',
  'embeddings',
  'audit_log',
  'regions',
];

/** Row count and a hash of the full content of every table a resource write could touch (one query). */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const columns = FINGERPRINT_TABLES.map(
    (table) =>
      `(select count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "${table}" x) as "${table}"`,
  );
  const [row] = resultRows<Record<string, string>>(await t.db.execute(sql.raw(`select ${columns.join(', ')}`)));
  return { ...row };
}

/** Row count of one table (optionally with a raw WHERE). */
export async function countRows(t: TestApp, table: string, where = 'true'): Promise<number> {
  // A deleted founder stays as an erased tombstone (PIPL erasure keeps references valid): not a record any more.
  if (table === 'founders') where = `(${where}) and erased_at is null`;
  const rows = resultRows<{ n: number }>(
    await t.db.execute(sql.raw(`select count(*)::int as n from "${table}" where ${where}`)),
  );
  return rows[0].n;
}

/**
 * Boots the app with an embedder that holds every embedding job until the app closes, so records
 * stay `pending` (deterministic embedding state, and no background writes between snapshots).
 */
export async function startGatedApp(): Promise<TestApp> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const embedder: Embedder = {
    id: 'test-gated-stub',
    dimensions: 8,
    async embed(texts) {
      await gate;
      return texts.map(() => null);
    },
  };
  const t = await startTestApp({}, { embedder });
  const close = t.close.bind(t);
  t.close = async () => {
    release();
    await close();
  };
  return t;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const randomTag = () => Math.random().toString(36).slice(2, 8);
