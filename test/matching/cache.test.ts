// The match cache (src/matching/cache.ts): a repeated call is served from it; it is per caller,
// language and limit; `Cache-Control: no-cache` computes afresh; a write through the API, and a
// committed write from any other connection (NOTIFY from migration 0007's triggers), empty it; a
// rolled-back write does not; a result computed while the data changed is never stored.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { MemoryMatchCache } from '../../src/matching/cache.ts';
import { ADMIN_KEY, startTestApp, type TestApp, type TestResponse } from '../harness.ts';

describe('MemoryMatchCache', () => {
  it('keeps a body for its key until the TTL passes', () => {
    let now = 0;
    const c = new MemoryMatchCache({ ttlMs: 1000, maxBytes: 1000, now: () => now });
    c.set('a', 'A', c.generation());
    expect(c.get('a')).toBe('A');
    expect(c.get('b')).toBeUndefined();
    now = 999;
    expect(c.get('a')).toBe('A');
    now = 1000;
    expect(c.get('a')).toBeUndefined();
    expect(c.stats().entries).toBe(0);
  });

  it('forgets everything on invalidate, and never stores a result computed across a change', () => {
    const c = new MemoryMatchCache({ ttlMs: 60_000, maxBytes: 1000 });
    c.set('a', 'A', c.generation());
    const before = c.generation();
    c.invalidate();
    expect(c.get('a')).toBeUndefined();
    c.set('b', 'B', before); // computed from data read before the change
    expect(c.get('b')).toBeUndefined();
    c.set('b', 'B2', c.generation());
    expect(c.get('b')).toBe('B2');
  });

  it('drops the least recently used entries beyond its memory budget, and never stores a body larger than it', () => {
    const c = new MemoryMatchCache({ ttlMs: 60_000, maxBytes: 40 }); // two bytes a character: 20 characters
    const g = c.generation();
    c.set('a', 'A'.repeat(8), g);
    c.set('b', 'B'.repeat(8), g);
    expect(c.get('a')).toBe('A'.repeat(8)); // a is now more recent than b
    c.set('c', 'C'.repeat(8), g);
    expect(c.stats().entries).toBe(2);
    expect(c.stats().bytes).toBe(32);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('A'.repeat(8));
    expect(c.get('c')).toBe('C'.repeat(8));
    c.set('c', 'C'.repeat(4), g); // replacing an entry frees its old size
    expect(c.stats().bytes).toBe(24);
    c.set('huge', 'H'.repeat(21), g);
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('a')).toBe('A'.repeat(8)); // nothing was evicted for it
    c.invalidate();
    expect(c.stats().bytes).toBe(0);
  });
});

describe('match endpoints with the cache on', () => {
  let t: TestApp;
  let projectId: string;
  let mentorIds: string[];
  let founderKey: string;
  const path = () => `/v1/projects/${projectId}/matches/mentors`;
  const call = (headers: Record<string, string> = {}, key = ADMIN_KEY, p = path()) =>
    t.request('GET', p, { headers, key });
  const state = (res: TestResponse) => {
    expect(res.status, res.text).toBe(200);
    return res.headers.get('x-match-cache');
  };
  const ids = (res: TestResponse) => res.body.items.map((i: { id: string }) => i.id);
  /**
   * A freshly computed result, whatever the cache holds — once the notifications of earlier writes
   * have arrived (on PostgreSQL they come a moment after the commit, on the listener's connection).
   */
  const fresh = async () => {
    for (let seen = -1; seen !== t.service.matchCache.stats().invalidations; ) {
      seen = t.service.matchCache.stats().invalidations;
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await call({ 'cache-control': 'no-cache' });
    expect(state(res)).toBe('miss');
    return res;
  };
  /** Calls until the cache was emptied by a change (a NOTIFY arrives just after the commit). */
  const untilMiss = async () => {
    for (let k = 0; k < 100; k++) {
      const res = await call();
      if (state(res) === 'miss') return res;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the cache was not invalidated within 5 s');
  };

  beforeAll(async () => {
    // A TTL far beyond the test: every miss below is an invalidation, not an expiry.
    t = await startTestApp({ MATCH_CACHE_TTL_MS: '600000' });
    const post = async (p: string, body: unknown) => {
      const res = await t.request('POST', p, { body });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const centerId = await post('/v1/centers', {
      name: 'MC 拉萨众创空间',
      regionCode: '540102',
      kind: 'makerspace',
      pilot: false,
    });
    const founderId = await post('/v1/founders', {
      name: 'MC 次仁',
      centerId,
      groups: ['graduate'],
      regionCode: '540102',
      languages: ['zh'],
      interests: '网店运营',
      contact: { phone: '13900000001' },
    });
    projectId = await post('/v1/projects', {
      title: '牦牛酸奶网店',
      description: '在拉萨开网店卖牦牛酸奶，需要营销和电商辅导。',
      sector: 'plateau_biology',
      stage: 'prototype',
      regionCode: '540102',
      centerId,
      founderIds: [founderId],
      needs: ['marketing'],
      fundingNeedCny: 50_000,
      languages: ['zh'],
      status: 'vetted',
    });
    mentorIds = [];
    for (const [k, expertise] of [['ecommerce'], ['marketing'], ['marketing', 'ecommerce']].entries()) {
      mentorIds.push(
        await post('/v1/mentors', {
          name: `MC 导师${k}`,
          bio: '辅导网店运营与营销推广。',
          expertise,
          sectors: ['plateau_biology'],
          languages: ['zh'],
          regionCode: '540102',
          remote: true,
          capacity: 2,
          active: true,
          contact: { wechat: `MC-${k}` },
        }),
      );
    }
    founderKey = await t.keyFor('founder', { subjectId: founderId });
    await t.service.queue.drained(120_000);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves a repeated call from the cache, byte for byte', async () => {
    const first = await fresh();
    const second = await call();
    expect(state(second)).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ids(second)).toEqual(expect.arrayContaining(mentorIds));
  });

  it('keeps results apart per caller, language and limit', async () => {
    await call();
    expect(state(await call())).toBe('hit');
    const founder = await call({}, founderKey);
    expect(state(founder)).toBe('miss');
    expect(state(await call({}, founderKey))).toBe('hit');
    const en = await call({ 'accept-language': 'en' });
    expect(state(en)).toBe('miss');
    expect(en.text).not.toBe((await call()).text); // reasons in English
    expect(state(await call({}, ADMIN_KEY, `${path()}?limit=1`))).toBe('miss');
    expect(state(await call({}, ADMIN_KEY, `${path()}?limit=1`))).toBe('hit');
  });

  it('computes afresh on Cache-Control: no-cache', async () => {
    await call();
    expect(state(await call({ 'cache-control': 'no-cache' }))).toBe('miss');
    expect(state(await call())).toBe('hit');
  });

  it("a write through the API empties it before the write's response: the next call sees the change", async () => {
    const before = await fresh();
    expect(ids(before)).toContain(mentorIds[0]);
    expect(state(await call())).toBe('hit');
    const res = await t.request('PATCH', `/v1/mentors/${mentorIds[0]}`, { body: { active: false } });
    expect(res.status, res.text).toBe(200);
    const after = await call();
    expect(state(after)).toBe('miss');
    expect(ids(after)).not.toContain(mentorIds[0]);
  });

  it('an anonymous write (401) does not empty it', async () => {
    await fresh();
    const anonymous = await t.request('POST', '/v1/mentors', { key: null, body: { name: 'x' } });
    expect(anonymous.status).toBe(401);
    expect(state(await call())).toBe('hit');
  });

  it('a commit on another connection empties it (NOTIFY); a rolled-back write does not', async () => {
    // PostgreSQL: a second client of its own, like another process. PGlite has one connection: the
    // change bypasses the API, so only the trigger's notification can reach the cache.
    const other: Database | null = t.databaseUrl ? await openDatabase({ url: t.databaseUrl, max: 1 }) : null;
    const db = other?.db ?? t.db;
    try {
      await fresh();
      expect(state(await call())).toBe('hit');
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`update mentors set active = false where id = ${mentorIds[1]}`);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await new Promise((r) => setTimeout(r, 200));
      const still = await call();
      expect(state(still)).toBe('hit');
      expect(ids(still)).toContain(mentorIds[1]);

      await db.execute(sql`update mentors set active = false where id = ${mentorIds[1]}`);
      const after = await untilMiss();
      expect(ids(after)).not.toContain(mentorIds[1]);
    } finally {
      await other?.close();
    }
  });

  it('GET /v1/status reports the cache: entries, memory, hits, misses, invalidations', async () => {
    const before = (await t.request('GET', '/v1/status')).body.matchCache;
    expect(before).toMatchObject({ enabled: true });
    await fresh();
    await call();
    await call();
    const after = (await t.request('GET', '/v1/status')).body.matchCache;
    expect(after.hits - before.hits).toBe(2);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.bytes).toBeGreaterThan(0);
    await t.request('PATCH', `/v1/mentors/${mentorIds[2]}`, { body: { capacity: 3 } });
    const emptied = (await t.request('GET', '/v1/status')).body.matchCache;
    expect(emptied.entries).toBe(0);
    expect(emptied.invalidations).toBeGreaterThan(after.invalidations);
    expect(state(await call())).toBe('miss');
    expect((await t.request('GET', '/v1/status')).body.matchCache.misses).toBe(emptied.misses + 1);
  });

  it('errors are not stored', async () => {
    const unknown = '/v1/projects/0190a2b4-0000-7000-8000-000000000000/matches/mentors';
    for (let k = 0; k < 2; k++) {
      const res = await t.request('GET', unknown);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-match-cache')).toBeNull();
    }
  });
});

describe('match endpoints with the cache off', () => {
  it('MATCH_CACHE_TTL_MS=0 computes every call', async () => {
    const t = await startTestApp({ MATCH_CACHE_TTL_MS: '0' });
    try {
      const res = await t.request('POST', '/v1/investors', {
        body: {
          name: 'MC 投资方',
          kind: 'angel',
          thesis: '投早期项目。',
          sectors: [],
          stages: [],
          ticketMinCny: 0,
          ticketMaxCny: 100_000,
          regionCodes: [],
          active: true,
        },
      });
      expect(res.status, res.text).toBe(201);
      for (let k = 0; k < 2; k++) {
        const m = await t.request('GET', `/v1/investors/${res.body.id}/matches/projects`);
        expect(m.status, m.text).toBe(200);
        expect(m.headers.get('x-match-cache')).toBe('off');
      }
      expect((await t.request('GET', '/v1/status')).body.matchCache).toEqual({
        enabled: false,
        entries: 0,
        bytes: 0,
        hits: 0,
        misses: 0,
        invalidations: 0,
      });
    } finally {
      await t.close();
    }
  });
});
