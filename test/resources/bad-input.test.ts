// Bad input for the seven contract resources: every case must be a 4xx application/problem+json
// (type, title, status, detail, errors[] naming the failing path where there is one), never a 500,
// and must write nothing (every table's content is hashed before and after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import {
  countRows,
  expectProblem,
  fingerprint,
  makeCtx,
  randomTag,
  specOf,
  specs,
  startGatedApp,
  type Ctx,
  type ResourceName,
  type Row,
} from './fixtures.ts';

let t: TestApp;
let ctx: Ctx;
/** One stored record per resource (the PATCH target), created from sample index 1. */
const stored = {} as Record<ResourceName, Row>;
/** A second record per resource that owns the externalId `dupExt(name)`. */
const dupExt = (name: string) => `dup-${name}-${ctx.tag}`;

beforeAll(async () => {
  t = await startGatedApp();
  ctx = await makeCtx(t, randomTag());
  for (const spec of specs) {
    const a = await t.request('POST', `/v1/${spec.name}`, { body: spec.sample(ctx, 1) });
    const b = await t.request('POST', `/v1/${spec.name}`, {
      body: { ...spec.sample(ctx, 2), externalId: dupExt(spec.name) },
    });
    if (a.status !== 201 || b.status !== 201) throw new Error(`fixture ${spec.name}: ${a.text} ${b.text}`);
    stored[spec.name] = a.body;
  }
});
afterAll(async () => {
  await t?.close();
});

interface Case {
  method: string;
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number | '4xx';
  /** Error paths that must be named. */
  paths?: string[];
  /** At least one of these paths must be named. */
  anyPath?: string[];
}

/** Sends the request; asserts the problem response. */
async function expectRejected(c: Case) {
  const res = await t.request(c.method, c.path, { body: c.body, raw: c.raw, headers: c.headers });
  expectProblem(res, c.status, c.paths);
  if (c.anyPath)
    expect(
      res.body.errors.map((e: Row) => e.path).some((p: string) => c.anyPath!.includes(p)),
      res.text,
    ).toBe(true);
  return res;
}

/**
 * Runs a batch of rejected requests and asserts that, together, they wrote nothing at all (the
 * full content of every table is hashed before and after; one hash per batch keeps PGlite fast).
 */
async function writesNothing(fn: () => Promise<void>) {
  const before = await fingerprint(t);
  await fn();
  expect(await fingerprint(t), 'a rejected request wrote something (table: count:hash)').toEqual(before);
}

/** `it` whose body must write nothing. */
const itRejects = (name: string, fn: () => Promise<void>) => it(name, () => writesNothing(fn));

const UNKNOWN_UUID = '0193f2a4-7c1e-7b3a-9d2e-5f6a7b8c9d0e';
const UNKNOWN_V4 = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const JSON_CT = { 'content-type': 'application/json' };

/**
 * Invalid values per resource: `set` is merged into a valid sample (undefined removes the field).
 * Each is tried as POST, as PUT by-external-id and, unless `patch: false`, as a PATCH of just `set`.
 */
interface Mutation {
  label: string;
  set: Row;
  paths: string[];
  status?: number;
  patch?: boolean;
}

const common = (name: ResourceName): Mutation[] => {
  const spec = specOf(name);
  const [text] = spec.textFields;
  return [
    { label: 'unknown field', set: { bogus: 1 }, paths: ['bogus'] },
    { label: 'server-owned id', set: { id: UNKNOWN_UUID }, paths: ['id'] },
    { label: 'server-owned createdAt', set: { createdAt: '2020-01-01T00:00:00Z' }, paths: ['createdAt'] },
    { label: `number for ${text}`, set: { [text]: 42 }, paths: [text] },
    { label: `null for ${text}`, set: { [text]: null }, paths: [text] },
    { label: `object for ${text}`, set: { [text]: { zh: 'x' } }, paths: [text] },
    { label: `missing ${text}`, set: { [text]: undefined }, paths: [text], patch: false },
    { label: `over-long ${text}`, set: { [text]: 'x'.repeat(20_001) }, paths: [text] },
    { label: 'externalId of the wrong type', set: { externalId: 7 }, paths: ['externalId'] },
    { label: 'empty externalId', set: { externalId: '' }, paths: ['externalId'] },
    {
      label: 'externalId already used',
      set: { externalId: `dup-${name}-${ctx.tag}` },
      paths: ['externalId'],
      status: 409,
      patch: true,
    },
  ];
};

const languages: Mutation[] = [
  { label: 'empty languages list', set: { languages: [] }, paths: ['languages'] },
  { label: 'unknown language', set: { languages: ['zh', 'fr'] }, paths: ['languages.1'] },
  { label: 'languages as a string', set: { languages: 'zh' }, paths: ['languages'] },
  { label: 'repeated language', set: { languages: ['zh', 'zh'] }, paths: ['languages'] },
  { label: 'missing languages', set: { languages: undefined }, paths: ['languages'], patch: false },
];
const regionCode: Mutation[] = [
  { label: 'Beijing region code', set: { regionCode: '110000' }, paths: ['regionCode'] },
  { label: 'non-existent Lhasa county 540199', set: { regionCode: '540199' }, paths: ['regionCode'] },
  { label: 'Lhasa high-tech zone 540171 (not a division)', set: { regionCode: '540171' }, paths: ['regionCode'] },
  { label: 'five-digit region code', set: { regionCode: '54010' }, paths: ['regionCode'] },
  { label: 'numeric region code', set: { regionCode: 540102 }, paths: ['regionCode'] },
];
const regionCodes: Mutation[] = [
  { label: 'unknown code in regionCodes', set: { regionCodes: ['540100', '540199'] }, paths: ['regionCodes.1'] },
  { label: 'Beijing in regionCodes', set: { regionCodes: ['110000'] }, paths: ['regionCodes.0'] },
  { label: 'regionCodes as a string', set: { regionCodes: '540100' }, paths: ['regionCodes'] },
];
const centerRef: Mutation[] = [
  { label: 'unknown centerId', set: { centerId: UNKNOWN_UUID }, paths: ['centerId'], status: 422 },
  { label: 'non-uuid centerId', set: { centerId: 'center-1' }, paths: ['centerId'] },
];

const mutations: Record<ResourceName, Mutation[]> = {
  centers: [
    ...regionCode,
    { label: 'unknown kind', set: { kind: 'moon_base' }, paths: ['kind'] },
    { label: 'pilot as a string', set: { pilot: 'true' }, paths: ['pilot'] },
    { label: 'empty name', set: { name: '' }, paths: ['name'] },
    { label: 'blank name', set: { name: '   ' }, paths: ['name'] },
    { label: 'operator as a number', set: { operator: 5 }, paths: ['operator'] },
  ],
  founders: [
    ...regionCode,
    ...languages,
    ...centerRef,
    { label: 'unknown group', set: { groups: ['astronaut'] }, paths: ['groups.0'] },
    { label: 'empty groups', set: { groups: [] }, paths: ['groups'] },
    { label: 'groups as a string', set: { groups: 'student' }, paths: ['groups'] },
    { label: 'graduationYear 3000', set: { graduationYear: 3000 }, paths: ['graduationYear'] },
    { label: 'graduationYear 1.5', set: { graduationYear: 2020.5 }, paths: ['graduationYear'] },
    { label: 'graduationYear as a string', set: { graduationYear: '2020' }, paths: ['graduationYear'] },
    { label: 'invalid contact email', set: { contact: { email: 'not-an-email' } }, paths: ['contact.email'] },
    { label: 'unknown contact field', set: { contact: { fax: '123' } }, paths: ['contact.fax'] },
    { label: 'contact as a string', set: { contact: '13800000000' }, paths: ['contact'] },
  ],
  projects: [
    ...regionCode,
    ...languages,
    ...centerRef,
    { label: 'unknown founder', set: { founderIds: [UNKNOWN_UUID] }, paths: ['founderIds.0'], status: 422 },
    { label: 'second founder unknown', set: { founderIds: ['$F0', UNKNOWN_V4] }, paths: ['founderIds.1'], status: 422 },
    { label: 'non-uuid founder', set: { founderIds: ['founder-1'] }, paths: ['founderIds.0'] },
    { label: 'empty founderIds', set: { founderIds: [] }, paths: ['founderIds'] },
    { label: 'repeated founder', set: { founderIds: ['$F0', '$F0'] }, paths: ['founderIds'] },
    { label: 'missing founderIds', set: { founderIds: undefined }, paths: ['founderIds'], patch: false },
    { label: 'unknown sector', set: { sector: 'moon' }, paths: ['sector'] },
    { label: 'unknown stage', set: { stage: 'unicorn' }, paths: ['stage'] },
    { label: 'unknown status', set: { status: 'approved' }, paths: ['status'] },
    { label: 'unknown need', set: { needs: ['ecommerce', 'moon'] }, paths: ['needs.1'] },
    { label: 'fundingNeedCny 1e12', set: { fundingNeedCny: 1e12 }, paths: ['fundingNeedCny'] },
    { label: 'fractional fundingNeedCny', set: { fundingNeedCny: 1000.5 }, paths: ['fundingNeedCny'] },
    { label: 'negative fundingNeedCny', set: { fundingNeedCny: -1 }, paths: ['fundingNeedCny'] },
    { label: 'fundingNeedCny as a string', set: { fundingNeedCny: '100000' }, paths: ['fundingNeedCny'] },
    { label: 'empty description', set: { description: '' }, paths: ['description'] },
    { label: 'confidential as a string', set: { confidential: 'secret' }, paths: ['confidential'] },
    { label: 'confidential as an array', set: { confidential: [1, 2] }, paths: ['confidential'] },
  ],
  mentors: [
    ...regionCode,
    ...languages,
    { label: 'capacity as a string', set: { capacity: '5' }, paths: ['capacity'] },
    { label: 'negative capacity', set: { capacity: -1 }, paths: ['capacity'] },
    { label: 'fractional capacity', set: { capacity: 1.5 }, paths: ['capacity'] },
    { label: 'capacity 1e12', set: { capacity: 1e12 }, paths: ['capacity'] },
    { label: 'remote as a string', set: { remote: 'yes' }, paths: ['remote'] },
    { label: 'active as a number', set: { active: 1 }, paths: ['active'] },
    { label: 'unknown expertise', set: { expertise: ['moon'] }, paths: ['expertise.0'] },
    { label: 'unknown sector', set: { sectors: ['clean_energy', 'moon'] }, paths: ['sectors.1'] },
    { label: 'invalid contact email', set: { contact: { email: '@' } }, paths: ['contact.email'] },
  ],
  investors: [
    { label: 'unknown kind', set: { kind: 'family_office' }, paths: ['kind'] },
    {
      label: 'ticketMinCny > ticketMaxCny',
      set: { ticketMinCny: 600_000, ticketMaxCny: 500_000 },
      paths: ['ticketMinCny'],
      status: 422,
    },
    { label: 'negative ticketMinCny', set: { ticketMinCny: -1 }, paths: ['ticketMinCny'] },
    { label: 'fractional ticketMaxCny', set: { ticketMaxCny: 500_000.5 }, paths: ['ticketMaxCny'] },
    { label: 'ticketMaxCny 1e12', set: { ticketMaxCny: 1e12 }, paths: ['ticketMaxCny'] },
    { label: 'ticketMinCny as a string', set: { ticketMinCny: '1000' }, paths: ['ticketMinCny'] },
    { label: 'missing ticketMaxCny', set: { ticketMaxCny: undefined }, paths: ['ticketMaxCny'], patch: false },
    { label: 'unknown sector', set: { sectors: ['moon'] }, paths: ['sectors.0'] },
    { label: 'unknown stage', set: { stages: ['growth', 'unicorn'] }, paths: ['stages.1'] },
    { label: 'active as a string', set: { active: 'false' }, paths: ['active'] },
    ...regionCodes,
  ],
  trainings: [
    ...regionCode,
    ...languages,
    {
      label: 'endsOn before startsOn',
      set: { startsOn: '2027-03-10', endsOn: '2027-03-09' },
      paths: ['endsOn'],
      status: 422,
    },
    { label: 'startsOn 2026-02-30', set: { startsOn: '2026-02-30' }, paths: ['startsOn'] },
    { label: 'startsOn 2025-02-29 (not a leap year)', set: { startsOn: '2025-02-29' }, paths: ['startsOn'] },
    { label: 'startsOn 2026/01/01', set: { startsOn: '2026/01/01' }, paths: ['startsOn'] },
    { label: 'startsOn 2026-1-1', set: { startsOn: '2026-1-1' }, paths: ['startsOn'] },
    { label: 'startsOn 20260101', set: { startsOn: '20260101' }, paths: ['startsOn'] },
    { label: 'startsOn 2026-13-01', set: { startsOn: '2026-13-01' }, paths: ['startsOn'] },
    { label: 'startsOn with a time', set: { startsOn: '2026-01-01T00:00:00Z' }, paths: ['startsOn'] },
    { label: 'startsOn as a number', set: { startsOn: 20260101 }, paths: ['startsOn'] },
    { label: 'endsOn 2026-04-31', set: { endsOn: '2026-04-31' }, paths: ['endsOn'] },
    { label: 'negative seats', set: { seats: -1 }, paths: ['seats'] },
    { label: 'seats as a string', set: { seats: '30' }, paths: ['seats'] },
    { label: 'fractional seats', set: { seats: 2.5 }, paths: ['seats'] },
    { label: 'unknown mode', set: { mode: 'hybrid' }, paths: ['mode'] },
    { label: 'unknown providerKind', set: { providerKind: 'moon' }, paths: ['providerKind'] },
    { label: 'unknown topic', set: { topics: ['moon'] }, paths: ['topics.0'] },
    { label: 'unknown target group', set: { targetGroups: ['astronaut'] }, paths: ['targetGroups.0'] },
    { label: 'unknown stage', set: { stages: ['unicorn'] }, paths: ['stages.0'] },
  ],
  services: [
    ...languages,
    ...centerRef,
    ...regionCodes,
    { label: 'unknown category', set: { category: 'astrology' }, paths: ['category'] },
    { label: 'category as a list', set: { category: ['legal'] }, paths: ['category'] },
    { label: 'voucherEligible as a string', set: { voucherEligible: 'yes' }, paths: ['voucherEligible'] },
    { label: 'empty provider', set: { provider: '' }, paths: ['provider'] },
  ],
};

/** `$F0` in a value stands for the first fixture founder. */
const resolve = (v: unknown): unknown => (Array.isArray(v) ? v.map(resolve) : v === '$F0' ? ctx.founderIds[0] : v);

function merged(base: Row, set: Row): Row {
  const out = { ...base };
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) delete out[k];
    else out[k] = resolve(v);
  }
  return out;
}

describe.each(specs)('$name', (spec) => {
  const base = `/v1/${spec.name}`;
  const cases = () => [...common(spec.name), ...mutations[spec.name]];

  itRejects('rejects malformed and non-object JSON bodies with 4xx', async () => {
    const id = stored[spec.name].id;
    for (const [method, path] of [
      ['POST', base],
      ['PATCH', `${base}/${id}`],
      ['PUT', `${base}/by-external-id/x-${ctx.tag}`],
    ]) {
      for (const raw of ['{"name": "x",', '{name: "x"}', "{'a': 1}", '{"a":1}}', '[', '\u0000', 'nul', '{"a": NaN}']) {
        const res = await expectRejected({ method, path, raw, headers: JSON_CT, status: 400 });
        expect(res.body.detail).toMatch(/JSON/);
      }
      for (const body of [[spec.sample(ctx, 0)], [], 'a string', 42, null, true]) {
        await expectRejected({ method, path, body, status: '4xx' });
      }
    }
  });

  itRejects('rejects invalid field values on POST, naming the path', async () => {
    for (const m of cases()) {
      await expectRejected({
        method: 'POST',
        path: base,
        body: merged(spec.sample(ctx, 3), m.set),
        status: m.status ?? 422,
        paths: m.paths,
      });
    }
  });

  itRejects('rejects invalid field values on PUT by-external-id, naming the path, creating nothing', async () => {
    for (const m of cases()) {
      if ('externalId' in m.set) continue; // the path decides the externalId of an upsert
      const ext = `bad-${spec.name}-${ctx.tag}`;
      await expectRejected({
        method: 'PUT',
        path: `${base}/by-external-id/${ext}`,
        body: merged(spec.sample(ctx, 3), m.set),
        status: m.status ?? 422,
        paths: m.paths,
      });
      expect(await countRows(t, spec.table, `external_id = '${ext}'`)).toBe(0);
    }
  });

  itRejects('rejects invalid field values on PATCH, leaving the record unchanged', async () => {
    const id = stored[spec.name].id;
    for (const m of cases()) {
      if (m.patch === false) continue;
      await expectRejected({
        method: 'PATCH',
        path: `${base}/${id}`,
        body: merged({}, m.set),
        status: m.status ?? 422,
        paths: m.paths,
      });
    }
    const got = await t.request('GET', `${base}/${id}`);
    expect(got.body.updatedAt).toBe(stored[spec.name].updatedAt);
  });

  itRejects('rejects a NUL character in text with 4xx, not 500', async () => {
    const [text] = spec.textFields;
    await expectRejected({
      method: 'POST',
      path: base,
      body: { ...spec.sample(ctx, 0), [text]: 'a\u0000b' },
      status: '4xx',
    });
    await expectRejected({
      method: 'PATCH',
      path: `${base}/${stored[spec.name].id}`,
      body: { [text]: 'a\u0000b' },
      status: '4xx',
    });
    await expectRejected({
      method: 'PUT',
      path: `${base}/by-external-id/nul%00${ctx.tag}`,
      body: spec.sample(ctx, 0),
      status: '4xx',
    });
    await expectRejected({ method: 'GET', path: `${base}?q=a%00b`, status: '4xx' });
  });

  itRejects('rejects bodies over 1 MiB with 413', async () => {
    const [text] = spec.textFields;
    const big = JSON.stringify({ ...spec.sample(ctx, 0), [text]: 'x'.repeat(1024 * 1024) });
    const id = stored[spec.name].id;
    for (const [method, path] of [
      ['POST', base],
      ['PATCH', `${base}/${id}`],
      ['PUT', `${base}/by-external-id/big-${ctx.tag}`],
    ]) {
      await expectRejected({ method, path, raw: big, headers: JSON_CT, status: 413 });
      await expectRejected({
        method,
        path,
        raw: big,
        headers: { ...JSON_CT, 'content-length': String(Buffer.byteLength(big)) },
        status: 413,
      });
    }
    // Just under the limit is not a 413 (the field is then too long: 422).
    const under = JSON.stringify({ ...spec.sample(ctx, 0), [text]: 'x'.repeat(1024 * 1024 - 2000) });
    await expectRejected({ method: 'POST', path: base, raw: under, headers: JSON_CT, status: 422, paths: [text] });
  });

  itRejects('rejects non-JSON content types with 415', async () => {
    const body = JSON.stringify(spec.sample(ctx, 0));
    const id = stored[spec.name].id;
    for (const [method, path] of [
      ['POST', base],
      ['PATCH', `${base}/${id}`],
      ['PUT', `${base}/by-external-id/ct-${ctx.tag}`],
    ]) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ]) {
        await expectRejected({ method, path, raw: body, headers: { 'content-type': type }, status: 415 });
        await expectRejected({
          method,
          path,
          raw: body,
          headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) },
          status: 415,
        });
      }
      await expectRejected({ method, path, raw: body, status: 415 }); // no content type at all
    }
  });

  itRejects('answers 404 for unknown and malformed ids on GET, PATCH and DELETE', async () => {
    const ids = [
      UNKNOWN_UUID,
      UNKNOWN_V4,
      '00000000-0000-0000-0000-000000000000',
      'abc',
      '123',
      'not-a-uuid',
      "1' or '1'='1",
      '%E8%97%8F',
      ctx.centerId,
    ];
    for (const id of ids) {
      if (spec.name === 'centers' && id === ctx.centerId) continue; // that one exists
      await expectRejected({ method: 'GET', path: `${base}/${id}`, status: 404 });
      await expectRejected({
        method: 'PATCH',
        path: `${base}/${id}`,
        body: spec.patch(stored[spec.name]),
        status: 404,
      });
      await expectRejected({ method: 'DELETE', path: `${base}/${id}`, status: 404 });
    }
  });

  itRejects('rejects invalid limit and cursor with 400', async () => {
    for (const limit of ['0', '201', 'abc', '-1', '1.5', '', '1e3', '10abc']) {
      await expectRejected({ method: 'GET', path: `${base}?limit=${limit}`, status: 400, paths: ['limit'] });
    }
    for (const cursor of ['garbage', '!!!', Buffer.from('hello').toString('base64url'), 'x'.repeat(500), '%00']) {
      await expectRejected({ method: 'GET', path: `${base}?cursor=${cursor}`, status: 400, paths: ['cursor'] });
    }
  });

  itRejects('rejects unknown filter values with 400 naming the parameter', async () => {
    const bad: Record<ResourceName, string[]> = {
      centers: ['kind=moon', 'pilot=yes', 'regionCode=110000', 'regionCode=540199'],
      founders: ['group=astronaut', 'language=fr', 'centerId=abc', 'regionCode=110000'],
      projects: [
        'sector=moon',
        'status=approved',
        'stage=unicorn',
        'need=moon',
        'founderId=abc',
        'centerId=1',
        'regionCode=540199',
      ],
      mentors: ['sector=moon', 'expertise=moon', 'remote=1', 'active=maybe', 'language=fr', 'regionCode=110000'],
      investors: ['kind=moon', 'sector=moon', 'stage=unicorn', 'active=yes', 'regionCode=110000'],
      trainings: [
        'mode=hybrid',
        'providerKind=moon',
        'topic=moon',
        'group=astronaut',
        'stage=unicorn',
        'regionCode=540199',
      ],
      services: ['category=astrology', 'voucherEligible=nope', 'centerId=abc', 'regionCode=110000'],
    };
    for (const q of bad[spec.name]) {
      await expectRejected({ method: 'GET', path: `${base}?${q}`, status: 400, paths: [q.split('=')[0]] });
    }
  });

  it('rejects a second create with the same externalId with 409, also when concurrent', async () => {
    const before = await countRows(t, spec.table);
    await writesNothing(async () => {
      await expectRejected({
        method: 'POST',
        path: base,
        body: { ...spec.sample(ctx, 0), externalId: dupExt(spec.name) },
        status: 409,
        paths: ['externalId'],
      });
    });
    const ext = `race-${spec.name}-${ctx.tag}`;
    const results = await Promise.all(
      [0, 1, 2].map(() => t.request('POST', base, { body: { ...spec.sample(ctx, 0), externalId: ext } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, ['externalId']);
    expect(await countRows(t, spec.table, `external_id = '${ext}'`)).toBe(1);
    expect(await countRows(t, spec.table)).toBe(before + 1);
  });
});

describe('cross-field rules checked against the stored record on PATCH', () => {
  it('investors: raising ticketMinCny above the stored max, or lowering ticketMaxCny below the stored min', async () => {
    const inv = stored.investors;
    expect(inv.ticketMinCny).toBeLessThan(inv.ticketMaxCny);
    const path = `/v1/investors/${inv.id}`;
    await writesNothing(async () => {
      await expectRejected({
        method: 'PATCH',
        path,
        body: { ticketMinCny: inv.ticketMaxCny + 1 },
        status: 422,
        anyPath: ['ticketMinCny'],
      });
      await expectRejected({
        method: 'PATCH',
        path,
        body: { ticketMaxCny: inv.ticketMinCny - 1 },
        status: 422,
        anyPath: ['ticketMinCny', 'ticketMaxCny'],
      });
      await expectRejected({
        method: 'PATCH',
        path,
        body: { ticketMinCny: 900_000, ticketMaxCny: 800_000 },
        status: 422,
        anyPath: ['ticketMinCny', 'ticketMaxCny'],
      });
    });
    // Equal bounds are fine.
    const ok = await t.request('PATCH', path, { body: { ticketMinCny: inv.ticketMaxCny } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.ticketMinCny).toBe(inv.ticketMaxCny);
  });

  it('trainings: moving endsOn before the stored startsOn, or startsOn after the stored endsOn', async () => {
    const tr = stored.trainings;
    const path = `/v1/trainings/${tr.id}`;
    const dayBefore = new Date(Date.parse(`${tr.startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.parse(`${tr.endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await writesNothing(async () => {
      await expectRejected({ method: 'PATCH', path, body: { endsOn: dayBefore }, status: 422, anyPath: ['endsOn'] });
      await expectRejected({
        method: 'PATCH',
        path,
        body: { startsOn: dayAfter },
        status: 422,
        anyPath: ['startsOn', 'endsOn'],
      });
    });
    // A one-day training is fine.
    const ok = await t.request('PATCH', path, { body: { endsOn: tr.startsOn } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.endsOn).toBe(tr.startsOn);
  });

  it('projects: PATCH founderIds naming an unknown founder keeps the stored founders', async () => {
    const p = stored.projects;
    await writesNothing(async () => {
      await expectRejected({
        method: 'PATCH',
        path: `/v1/projects/${p.id}`,
        body: { founderIds: [p.founderIds[0], UNKNOWN_UUID] },
        status: 422,
        paths: ['founderIds.1'],
      });
    });
    const got = await t.request('GET', `/v1/projects/${p.id}`);
    expect(got.body.founderIds).toEqual(p.founderIds);
  });

  it('a deleted founder or center is an unknown reference afterwards', async () => {
    const f = await t.request('POST', '/v1/founders', { body: specOf('founders').sample(ctx, 0) });
    const c = await t.request('POST', '/v1/centers', { body: specOf('centers').sample(ctx, 0) });
    expect((await t.request('DELETE', `/v1/founders/${f.body.id}`)).status).toBe(204);
    expect((await t.request('DELETE', `/v1/centers/${c.body.id}`)).status).toBe(204);
    await writesNothing(async () => {
      await expectRejected({
        method: 'POST',
        path: '/v1/projects',
        body: { ...specOf('projects').sample(ctx, 0), founderIds: [f.body.id] },
        status: 422,
        paths: ['founderIds.0'],
      });
      await expectRejected({
        method: 'POST',
        path: '/v1/services',
        body: { ...specOf('services').sample(ctx, 0), centerId: c.body.id },
        status: 422,
        paths: ['centerId'],
      });
    });
  });
});
