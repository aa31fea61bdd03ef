// Rate limits with real (small) limits: failed authentication per client IP, expensive endpoints
// per API key; 429 problem+json, bilingual, with Retry-After. The token bucket itself on a fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, ADMIN_KEY, type TestApp } from '../harness.ts';
import { TokenBucket, isExpensive } from '../../src/http/rate-limit.ts';
import { expectProblem, founderBody, mentorBody, ok, projectBody } from '../auth/world.ts';

let t: TestApp;
let projectId: string;
let centerId: string;
let staffKey: string;
const from = (ip: string, key: string | null, path = '/v1/projects') =>
  t.request('GET', path, { key, headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } });

function expect429(res: Awaited<ReturnType<TestApp['request']>>) {
  expectProblem(res, 429);
  const after = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(after) && after >= 1, `Retry-After ${res.headers.get('retry-after')}`).toBe(true);
  expect(res.body.title).toBe('Too Many Requests');
  expect(res.body.detail).toMatch(/[a-z]/);
  expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
  return after;
}

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_AUTH_FAILURES: '5',
    RATE_LIMIT_AUTH_WINDOW_MS: '60000',
    RATE_LIMIT_EXPENSIVE: '4',
    RATE_LIMIT_EXPENSIVE_WINDOW_MS: '60000',
    TRUST_PROXY: '2',
  });
  const center = (centerId = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '限流中心', regionCode: '540102', kind: 'makerspace', pilot: false },
      }),
      201,
    )
  ).id);
  const f = (await ok(t.request('POST', '/v1/founders', { body: founderBody('限流', 'wx-rl', center) }), 201)).id;
  projectId = (
    await ok(
      t.request('POST', '/v1/projects', {
        body: projectBody({ title: '限流项目', centerId: center, founderIds: [f] }),
      }),
      201,
    )
  ).id;
  await ok(t.request('POST', '/v1/mentors', { body: mentorBody('限流导师', 'wx-m') }), 201);
  staffKey = await t.keyFor('center_staff', { centerId: center });
});
afterAll(async () => {
  await t?.close();
});

describe('failed authentication', () => {
  it('after 5 failures from one address: failures get 429 with Retry-After, valid issued keys from there are still served', async () => {
    for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.7', `sck_wrong${i}`), 401);
    const after = expect429(await from('203.0.113.7', 'sck_wrong-again'));
    expect(after).toBeLessThanOrEqual(60);
    expect429(await from('203.0.113.7', null));
    // everyone else behind that address (one office, one carrier) keeps working
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', staffKey)).status).toBe(200);
    expect(
      (
        await t.request('POST', '/v1/mentors', {
          key: staffKey,
          body: {},
          headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
        })
      ).status,
    ).not.toBe(429);
    // and failures stay throttled in between
    expect429(await from('203.0.113.7', 'sck_wrong-once-more'));
  });

  it('the env admin key (operator-chosen, maybe guessable) is not checked from a throttled address', async () => {
    for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.9', `guess${i}`), 401);
    expect429(await from('203.0.113.9', ADMIN_KEY));
    expect((await from('203.0.113.10', ADMIN_KEY)).status).toBe(200);
  });

  it('other clients are not affected, and successes cost nothing', async () => {
    expect((await from('198.51.100.1', ADMIN_KEY)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await from('198.51.100.2', ADMIN_KEY)).status).toBe(200);
    for (let i = 0; i < 4; i++) expectProblem(await from('198.51.100.2', 'bad'), 401);
    expect((await from('198.51.100.2', ADMIN_KEY)).status).toBe(200);
  });

  it('the client address is the right-most untrusted X-Forwarded-For hop: a spoofed left-most entry escapes nothing', async () => {
    // TRUST_PROXY=2 here: the socket's peer and 10.0.0.1 are the proxies; the hop left of them is the client
    for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.20', `x${i}`), 401);
    const spoofed = (left: string) =>
      t.request('GET', '/v1/projects', {
        key: 'sck_nope',
        headers: { 'x-forwarded-for': `${left}, 203.0.113.20, 10.0.0.1` },
      });
    expect429(await spoofed('1.2.3.4'));
    expect429(await spoofed('5.6.7.8'));
  });

  it('over real HTTP the client IP comes from the socket (X-Forwarded-For ignored without TRUST_PROXY)', async () => {
    const app = await startTestApp({ RATE_LIMIT_AUTH_FAILURES: '3', RATE_LIMIT_AUTH_WINDOW_MS: '60000' });
    const server = serve({ fetch: app.service.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((r) => server.once('listening', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const get = (key: string, ip: string) =>
        fetch(`${base}/v1/centers`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': ip } });
      for (let i = 0; i < 3; i++) expect((await get('wrong', `10.0.0.${i}`)).status).toBe(401);
      const res = await get('wrong-again', '10.9.9.9'); // a spoofed header does not escape the limit
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      server.close();
      await app.close();
    }
  });

  it('public endpoints are not limited', async () => {
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', null, '/health')).status).toBe(200);
  });
});

describe('expensive endpoints', () => {
  it('4 match calls per key, then 429; cheap endpoints and other keys unaffected', async () => {
    const path = `/v1/projects/${projectId}/matches/mentors`;
    for (let i = 0; i < 4; i++) expect((await t.request('GET', path)).status).toBe(200);
    expect429(await t.request('GET', path));
    expect429(await t.request('GET', `/v1/projects/${projectId}/matches/services`));
    expect429(await t.request('POST', '/v1/admin/reindex', { body: {} }));
    expect((await t.request('GET', '/v1/projects')).status).toBe(200);
    expect((await t.request('GET', path, { key: staffKey })).status).toBe(200);
  });

  it('HEAD runs the match handler and counts like GET', async () => {
    const key = await t.keyFor('center_staff', { centerId: centerId });
    const path = `/v1/projects/${projectId}/matches/mentors`;
    for (let i = 0; i < 4; i++) expect((await t.request('HEAD', path, { key })).status).toBe(200);
    expect((await t.request('HEAD', path, { key })).status).toBe(429);
    expect429(await t.request('GET', path, { key }));
  });

  it('a what-if preview counts one unit per match computation (two per sampled project), checked before the work', async () => {
    const key = await t.keyFor('center_staff', { centerId: centerId });
    const preview = (sample: number) =>
      t.request('POST', `/v1/centers/${centerId}/matching-weights/preview`, { key, body: { weights: {}, sample } });
    // the center has one project: 2 units; a budget of 4 allows two previews, not a third
    expect((await preview(50)).status).toBe(200);
    expect((await preview(50)).status).toBe(200);
    expect429(await preview(50));
  });

  it('covers matching, previews, assignment runs and reindex, nothing else', () => {
    expect(isExpensive('HEAD', '/v1/projects/x/matches/mentors')).toBe(true);
    expect(isExpensive('GET', '/v1/projects/x/matches/mentors')).toBe(true);
    expect(isExpensive('GET', '/v1/investors/x/matches/projects')).toBe(true);
    expect(isExpensive('GET', '/v1/trainings/x/matches/founders')).toBe(true);
    expect(isExpensive('POST', '/v1/centers/x/matching-weights/preview')).toBe(true);
    expect(isExpensive('POST', '/v1/centers/x/assignment-runs')).toBe(true);
    expect(isExpensive('POST', '/v1/admin/reindex')).toBe(true);
    expect(isExpensive('GET', '/v1/projects/x')).toBe(false);
    expect(isExpensive('GET', '/v1/centers/x/assignment-runs')).toBe(false);
    expect(isExpensive('POST', '/v1/projects')).toBe(false);
  });
});

describe('token bucket', () => {
  it('refills continuously at limit per window and never above the limit', () => {
    let now = 0;
    const b = new TokenBucket({ limit: 3, windowMs: 3000 }, () => now);
    expect([b.take('k'), b.take('k'), b.take('k')]).toEqual([0, 0, 0]);
    expect(b.take('k')).toBe(1);
    now += 999;
    expect(b.take('k')).toBe(1);
    now += 1;
    expect(b.take('k')).toBe(0);
    expect(b.take('k')).toBe(1);
    now += 1_000_000;
    expect([b.take('k'), b.take('k'), b.take('k'), b.take('k')]).toEqual([0, 0, 0, 1]);
    expect(b.take('other')).toBe(0);
  });

  it('Retry-After is how long until one token is back (seconds, rounded up)', () => {
    let now = 0;
    const b = new TokenBucket({ limit: 2, windowMs: 60_000 }, () => now);
    b.take('k');
    b.take('k');
    expect(b.wait('k')).toBe(30);
    now += 29_500;
    expect(b.wait('k')).toBe(1);
  });

  it('takes several tokens at once; a cost above the burst waits for a full bucket', () => {
    let now = 0;
    const b = new TokenBucket({ limit: 4, windowMs: 4000 }, () => now);
    expect(b.take('k', 3)).toBe(0);
    expect(b.take('k', 2)).toBe(1); // 1 left, 2 needed: nothing taken
    expect(b.take('k', 1)).toBe(0);
    expect(b.take('k', 100)).toBe(4); // empty; 100 counts as the whole burst of 4
    now += 4000;
    expect(b.take('k', 100)).toBe(0);
    expect(b.take('k')).toBe(1);
  });

  it('limit 0 disables it', () => {
    const b = new TokenBucket({ limit: 0, windowMs: 1000 });
    for (let i = 0; i < 100; i++) expect(b.take('k')).toBe(0);
  });
});
