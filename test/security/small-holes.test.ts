// Issue 18, item 6: refused writes leave the match caches alone; out-of-range dates are 4xx, never
// 500; an externalId taken in another center cannot be learned from the upsert; no keys for erased
// founders; an assignment run's pool is bounded (422 naming the limit).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestResponse } from '../harness.ts';
import { expectProblem, founderBody, ok, projectBody, trainingBody } from '../auth/world.ts';
import { MAX_RUN_POOL_PAIRS } from '../../models/assignment-runs/validation.ts';
import { MATCH_DATA_CHANNEL } from '../../src/matching/cache.ts';
import { sql } from 'drizzle-orm';

let t: TestApp;
let cA: string;
let cB: string;
let staffA: string;
let staffB: string;
let founderKey: string;
let trainingId: string;

beforeAll(async () => {
  t = await startTestApp({ MATCH_CACHE_TTL_MS: '60000' });
  cA = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '漏洞中心A', regionCode: '540102', kind: 'makerspace', pilot: false },
      }),
      201,
    )
  ).id;
  cB = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '漏洞中心B', regionCode: '540202', kind: 'incubator', pilot: false },
      }),
      201,
    )
  ).id;
  staffA = await t.keyFor('center_staff', { centerId: cA });
  staffB = await t.keyFor('center_staff', { centerId: cB });
  const f = (await ok(t.request('POST', '/v1/founders', { body: founderBody('漏洞创业者', 'wx-sh', cA) }), 201)).id;
  founderKey = await t.keyFor('founder', { subjectId: f });
  await ok(
    t.request('POST', '/v1/projects', { body: projectBody({ title: '漏洞项目', centerId: cA, founderIds: [f] }) }),
    201,
  );
  trainingId = (
    await ok(
      t.request('POST', '/v1/trainings', { body: { ...trainingBody('漏洞培训', 'PROV 漏洞'), externalId: 'TR-SH-1' } }),
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe('only committed writes invalidate the match cache and the candidate index', () => {
  it('refused writes (400, 403, 404, 409, 415, 422) and previews invalidate nothing; a committed write does', async () => {
    // The setup's own commits (and the embeddings they start) reach the cache by NOTIFY a moment later
    // on PostgreSQL: let them all arrive first. Notifications come in commit order, so once a marker
    // sent after the last of them has arrived, none is left in flight.
    await t.service.queue.drained(120_000);
    const seen: string[] = [];
    const stop = await t.service.database.listen(MATCH_DATA_CHANNEL, (p) => seen.push(p));
    await t.db.execute(sql`select pg_notify(${MATCH_DATA_CHANNEL}, 'marker')`);
    await vi.waitFor(() => expect(seen).toContain('marker'), { timeout: 10_000 });
    await stop();
    const cache = vi.spyOn(t.service.matchCache, 'invalidate');
    const index = vi.spyOn(t.service.candidateIndex, 'invalidate');
    try {
      const refused: [number, Promise<TestResponse>][] = [
        [422, t.request('POST', '/v1/centers', { key: staffA, body: {} })],
        [
          400,
          t.request('POST', '/v1/centers', { key: staffA, raw: '{', headers: { 'content-type': 'application/json' } }),
        ],
        [
          415,
          t.request('POST', '/v1/centers', { key: staffA, raw: 'name=x', headers: { 'content-type': 'text/plain' } }),
        ],
        [404, t.request('PATCH', `/v1/centers/${randomUUID()}`, { key: staffA, body: { name: 'x' } })],
        [403, t.request('DELETE', `/v1/trainings/${trainingId}`, { key: founderKey })],
        [
          409,
          t.request('POST', '/v1/trainings', {
            body: { ...trainingBody('重复培训', 'PROV 漏洞'), externalId: 'TR-SH-1' },
          }),
        ],
        [403, t.request('POST', '/v1/founders', { key: staffA, body: founderBody('别的中心', 'wx-x', cB) })],
        [404, t.request('POST', `/v1/introductions/${randomUUID()}/accept`, { key: founderKey })],
      ];
      for (const [status, res] of refused) expectProblem(await res, status);
      expect(
        (await t.request('POST', `/v1/centers/${cA}/matching-weights/preview`, { key: staffA, body: { weights: {} } }))
          .status,
      ).toBe(200);
      expect(cache).not.toHaveBeenCalled();
      expect(index).not.toHaveBeenCalled();

      await ok(t.request('PATCH', `/v1/trainings/${trainingId}`, { body: { seats: 31 } }));
      expect(cache).toHaveBeenCalled();
      expect(index).toHaveBeenCalled();
    } finally {
      cache.mockRestore();
      index.mockRestore();
    }
  });
});

describe("dates and instants out of the database's range are 4xx, never 500", () => {
  it('year 0000 and its neighbours', async () => {
    const post = (o: Record<string, string>) =>
      t.request('POST', '/v1/trainings', { body: { ...trainingBody('日期培训', 'PROV 日期'), ...o } });
    for (const o of [
      { startsOn: '0000-01-01' },
      { startsOn: '0000-12-31', endsOn: '0000-12-31' },
      { endsOn: '0000-02-29' },
    ] as Record<string, string>[]) {
      const res = await post(o);
      expectProblem(res, 422);
      expect(res.body.errors[0].message).toMatch(/0001-01-01/);
    }
    expect((await post({ startsOn: '0001-01-01', endsOn: '9999-12-31' })).status).toBe(201);
    expectProblem(await t.request('PATCH', `/v1/trainings/${trainingId}`, { body: { startsOn: '0000-01-01' } }), 422);
    for (const v of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:00:00-05:00']) {
      expectProblem(await t.request('GET', `/v1/audit?since=${encodeURIComponent(v)}`), 400);
      expectProblem(await t.request('GET', `/v1/audit?until=${encodeURIComponent(v)}`), 400);
    }
    expect(
      (
        await t.request(
          'GET',
          `/v1/audit?since=${encodeURIComponent('0001-01-01T00:00:00Z')}&until=${encodeURIComponent('9999-12-31T23:59:59Z')}`,
        )
      ).status,
    ).toBe(200);
  });

  it('property: any YYYY-MM-DD a client may send is 201 or 422; any instant is 200 or 400', async () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const year = fc.oneof(fc.constantFrom(0, 1, 9999), fc.integer({ min: 0, max: 9999 })); // the edges often
    const date = fc
      .tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    await fc.assert(
      fc.asyncProperty(date, date, async (startsOn, endsOn) => {
        const res = await t.request('POST', '/v1/trainings', {
          body: { ...trainingBody('性质培训', 'PROV 性质'), startsOn, endsOn },
        });
        expect([201, 422], `${startsOn} ${endsOn}: ${res.text}`).toContain(res.status);
        const valid = (s: string) =>
          !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
          new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) &&
          !s.startsWith('0000');
        if (res.status === 201) expect(valid(startsOn) && valid(endsOn) && startsOn <= endsOn).toBe(true);
        else if (valid(startsOn) && valid(endsOn)) expect(startsOn > endsOn).toBe(true);
      }),
      { numRuns: 40 },
    );
    const offset = fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30))
        .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
    );
    await fc.assert(
      fc.asyncProperty(date, fc.integer({ min: 0, max: 24 }), offset, async (d, h, off) => {
        const res = await t.request('GET', `/v1/audit?since=${encodeURIComponent(`${d}T${pad(h, 2)}:00:00${off}`)}`);
        expect([200, 400], res.text).toContain(res.status);
      }),
      { numRuns: 40 },
    );
  });
});

describe('externalId taken in another center: the upsert reveals no more than a create', () => {
  const shape = (r: TestResponse) => ({
    status: r.status,
    title: r.body?.title,
    detail: r.body?.detail,
    errors: r.body?.errors,
  });

  it("staff of A learn nothing from B's externalIds", async () => {
    const hidden = `EXT-B-${randomUUID()}`;
    await ok(
      t.request('PUT', `/v1/founders/by-external-id/${hidden}`, {
        key: staffB,
        body: founderBody('B 的创业者', 'wx-b-ext', cB),
      }),
      201,
    );
    const put = (ext: string, body: unknown) =>
      t.request('PUT', `/v1/founders/by-external-id/${ext}`, { key: staffA, body });

    // A body staff A may not write (another center's founder): 403 whether or not the id is taken
    const forB = founderBody('试探', 'wx-probe', cB);
    const taken = await put(hidden, forB);
    const free = await put(`EXT-FREE-${randomUUID()}`, forB);
    expectProblem(taken, 403);
    expect(shape(taken)).toEqual(shape(free));

    // An invalid body: the same 422 either way
    const invalid = { ...founderBody('试探', 'wx-probe', cA), languages: [] };
    const takenBad = await put(hidden, invalid);
    expectProblem(takenBad, 422);
    expect(shape(takenBad)).toEqual(shape(await put(`EXT-FREE-${randomUUID()}`, invalid)));

    // A body it may write: 409, word for word the answer for a taken id it can see (a POST duplicate)
    const mine = `EXT-A-${randomUUID()}`;
    await ok(
      t.request('POST', '/v1/founders', {
        key: staffA,
        body: { ...founderBody('A 的创业者', 'wx-a-ext', cA), externalId: mine },
      }),
      201,
    );
    const visibleDup = await t.request('POST', '/v1/founders', {
      key: staffA,
      body: { ...founderBody('重复', 'wx-dup', cA), externalId: mine },
    });
    const hiddenDupPost = await t.request('POST', '/v1/founders', {
      key: staffA,
      body: { ...founderBody('重复', 'wx-dup', cA), externalId: hidden },
    });
    const hiddenDupPut = await put(hidden, founderBody('重复', 'wx-dup', cA));
    expectProblem(visibleDup, 409);
    expect(shape(hiddenDupPost)).toEqual(shape(visibleDup));
    expect(shape(hiddenDupPut)).toEqual(shape(visibleDup));
    expect(hiddenDupPut.text).not.toMatch(/cannot access/);

    // B's founder is untouched
    const list = await ok(t.request('GET', `/v1/founders?limit=200`, { key: staffB }));
    expect(list.items.find((f: { externalId: string }) => f.externalId === hidden)).toMatchObject({
      name: 'B 的创业者',
      centerId: cB,
    });
  });
});

describe('API keys only for live subjects', () => {
  it('an erased founder gets no key (422), like an unknown one', async () => {
    const f = (await ok(t.request('POST', '/v1/founders', { body: founderBody('将被删除', 'wx-erase', cA) }), 201)).id;
    expect((await t.request('DELETE', `/v1/founders/${f}`)).status).toBe(204);
    for (const subjectId of [f, randomUUID()]) {
      const res = await t.request('POST', '/v1/api-keys', { body: { role: 'founder', subjectId, label: 'erased' } });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe('subjectId');
    }
  });
});

describe('assignment runs: bounded work per call', () => {
  it('more than MAX_RUN_POOL_PAIRS project–mentor pairs is a 422 naming the limit, before any other check', async () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    const projects = 2_500;
    const mentors = Math.floor(MAX_RUN_POOL_PAIRS / projects) + 1;
    const res = await t.request('POST', `/v1/centers/${cA}/assignment-runs`, {
      key: staffA,
      body: { projectIds: ids(projects), mentorIds: ids(mentors) },
    });
    expectProblem(res, 422);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toContain('5,000,000');
    expect(res.body.errors[0].message).toContain(
      `${projects.toLocaleString('en-US')} projects × ${mentors.toLocaleString('en-US')} mentors`,
    );
    // within the limit, the ids are checked as before
    const small = await t.request('POST', `/v1/centers/${cA}/assignment-runs`, {
      key: staffA,
      body: { projectIds: ids(2), mentorIds: ids(2) },
    });
    expectProblem(small, 422);
    expect(small.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'projectIds.0',
      'projectIds.1',
      'mentorIds.0',
      'mentorIds.1',
    ]);
  });
});
