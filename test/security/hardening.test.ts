// Hardening: secure headers on every response, no stack traces or internals in error bodies (a
// forced internal error), API keys stored hashed and checked without throwing on odd input, text
// the database cannot store exactly rejected with its path, absurd nesting rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { apiKeysTable } from '../../models/schema.ts';
import { startTestApp, ADMIN_KEY, type TestApp } from '../harness.ts';
import { expectProblem, founderBody, ok } from '../auth/world.ts';
import { resolveKey } from '../../src/auth/keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('secure headers', () => {
  it('on public, authenticated, error and docs responses', async () => {
    for (const [path, key] of [
      ['/health', null],
      ['/v1/regions', null],
      ['/v1/centers', ADMIN_KEY],
      ['/v1/centers', null],
      ['/v1/nope', ADMIN_KEY],
      ['/v1/openapi.json', null],
    ] as const) {
      const res = await t.request('GET', path, { key });
      const h = res.headers;
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('x-frame-options'), path).toMatch(/DENY|SAMEORIGIN/);
      expect(h.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
      expect(h.get('x-powered-by'), path).toBeNull();
      if (path.startsWith('/v1/') && path !== '/v1/regions' && path !== '/v1/openapi.json')
        expect(h.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('internal errors', () => {
  it('a forced internal error is a generic 500 problem: no stack, no SQL, no table names', async () => {
    await t.db.execute(sql.raw('alter table services rename to services_hidden_x'));
    try {
      const res = await t.request('GET', '/v1/services');
      expectProblem(res, 500);
      for (const leak of [
        'services_hidden_x',
        'relation',
        'select',
        'at ',
        '.ts:',
        'node_modules',
        'Error:',
        'postgres',
        'drizzle',
      ]) {
        expect(res.text.toLowerCase(), `leaks "${leak}"`).not.toContain(leak.toLowerCase());
      }
      expect(res.body.detail).toMatch(/服务器内部错误/);
      expect(res.body.requestId).toBeTypeOf('string');
    } finally {
      await t.db.execute(sql.raw('alter table services_hidden_x rename to services'));
    }
    expect((await t.request('GET', '/v1/services')).status).toBe(200);
  });
});

describe('API keys', () => {
  it('are stored as SHA-256 only; the key is shown once and never listed', async () => {
    const created = await ok(t.request('POST', '/v1/api-keys', { body: { role: 'admin', label: 'hash check' } }), 201);
    const [row] = await t.db.select().from(apiKeysTable).where(eq(apiKeysTable.id, created.id));
    expect(row.keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect((await t.request('GET', '/v1/api-keys')).text).not.toContain(created.key);
    expect((await t.request('GET', '/v1/centers', { key: created.key })).status).toBe(200);
  });

  it('any presented value (empty-ish, huge, binary-looking, a prefix of the admin key) is a plain 401', async () => {
    for (const k of [
      'x',
      ADMIN_KEY.slice(0, -1),
      `${ADMIN_KEY}x`,
      ADMIN_KEY.toUpperCase(),
      `sck_${'A'.repeat(5000)}`,
      '%00%00',
      '\u00ff\u00fe',
    ]) {
      expectProblem(await t.request('GET', '/v1/centers', { key: k }), 401);
    }
    // the comparison never throws on a length mismatch (timingSafeEqual would): both sides are hashed first
    expect(await resolveKey(t.db, 'short', ADMIN_KEY)).toBeNull();
    expect(await resolveKey(t.db, ADMIN_KEY, ADMIN_KEY)).toMatchObject({ role: 'admin' });
    const res = await t.request('GET', '/v1/centers', {
      key: null,
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expectProblem(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('text that cannot be stored exactly', () => {
  it('U+0000 and lone surrogates are 422 naming the field (also inside objects and keys); nothing is written', async () => {
    const center = await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '文本中心', regionCode: '540102', kind: 'other', pilot: false },
      }),
      201,
    );
    const cases: [string, unknown, string][] = [
      ['nul in name', { ...founderBody('a\u0000b', 'wx', center.id) }, 'name'],
      ['lone high surrogate', { ...founderBody('藏\ud83d', 'wx', center.id) }, 'name'],
      [
        'lone low surrogate in contact',
        { ...founderBody('ok', 'wx', center.id), contact: { wechat: '\udc00x' } },
        'contact.wechat',
      ],
      ['nul in an array', { ...founderBody('ok', 'wx', center.id), groups: ['graduate\u0000'] }, 'groups.0'],
      ['nul in a key', { ...founderBody('ok', 'wx', center.id), 'bad\u0000key': 1 }, 'bad\u0000key'],
    ];
    const n = (await ok(t.request('GET', '/v1/founders?limit=200'))).items.length;
    for (const [label, body, path] of cases) {
      // JSON.stringify escapes lone surrogates as \udXXX, so they reach the server as such
      const res = await t.request('POST', '/v1/founders', { body });
      expectProblem(res, 422);
      expect(
        res.body.errors.map((e: any) => e.path),
        label,
      ).toContain(path);
    }
    const raw = await t.request('POST', '/v1/founders', {
      raw: '{"name":"\\ud800","groups":["graduate"],"regionCode":"540102","languages":["zh"]}',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(raw, 422);
    expect(raw.body.errors[0].path).toBe('name');
    // a valid surrogate pair (emoji, CJK extension B) is fine
    const good = await ok(t.request('POST', '/v1/founders', { body: founderBody('𠀀 👩🏽‍🌾', 'wx', center.id) }), 201);
    expect(good.name).toBe('𠀀 👩🏽‍🌾');
    expect((await ok(t.request('GET', '/v1/founders?limit=200'))).items.length).toBe(n + 1);
  });

  it('deeply nested JSON is 422, not a stack overflow', async () => {
    const deep = `{"confidential":${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}}`;
    const res = await t.request('PATCH', '/v1/projects/00000000-0000-7000-8000-000000000000', {
      raw: deep,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 422);
    expect(res.body.errors[0].message).toMatch(/nested/);
    const arr = await t.request('POST', '/v1/centers', {
      raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(arr.status).toBeGreaterThanOrEqual(400);
    expect(arr.status).toBeLessThan(500);
  });
});
