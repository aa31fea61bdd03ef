// Authentication and API-key management (shared/API.md "Auth and visibility"): 401 for missing, bad
// and revoked keys; keys shown once and stored hashed; admin-only key and status endpoints (404 for
// everyone else); key bindings validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { apiKeysTable, auditTable } from '../../models/schema.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, createKey, expectProblem, ok, type World } from './world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const keyCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(apiKeysTable))[0].n;

describe('401 without a valid key', () => {
  const protectedPaths = ['/v1/projects', '/v1/founders', '/v1/mentors', '/v1/centers', '/v1/status', '/v1/api-keys'];

  it.each(protectedPaths)('GET %s without Authorization → 401 problem+json', async (path) => {
    const res = await t.request('GET', path, { key: null });
    expectProblem(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  const badHeaders: [string, string][] = [
    ['unknown key', 'Bearer sck_thisKeyWasNeverIssued0000000000000000000000'],
    ['admin key with a suffix', `Bearer ${ADMIN_KEY}x`],
    ['admin key prefix', `Bearer ${ADMIN_KEY.slice(0, -1)}`],
    ['Basic scheme', `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString('base64')}`],
    ['admin key without scheme', ADMIN_KEY],
    ['empty bearer', 'Bearer '],
    ['two tokens', `Bearer ${ADMIN_KEY} ${ADMIN_KEY}`],
  ];
  it.each(badHeaders)('%s → 401', async (_name, header) => {
    for (const path of ['/v1/projects', '/v1/api-keys']) {
      const res = await t.request('GET', path, { key: null, headers: { authorization: header } });
      expectProblem(res, 401, ADMIN_KEY);
    }
  });

  it('writes without a key are refused and write nothing', async () => {
    const before = (await ok(t.request('GET', '/v1/centers?limit=200'))).items.length;
    const res = await t.request('POST', '/v1/centers', {
      key: null,
      body: { name: '未授权中心', regionCode: '540102', kind: 'makerspace', pilot: false },
    });
    expectProblem(res, 401);
    expectProblem(
      await t.request('POST', '/v1/api-keys', { key: null, body: { role: 'admin', label: 'sneaky' } }),
      401,
    );
    expect((await ok(t.request('GET', '/v1/centers?limit=200'))).items.length).toBe(before);
  });

  it('public endpoints need no key', async () => {
    expect(await ok(t.request('GET', '/health', { key: null }))).toEqual({ ok: true });
    expect((await t.request('GET', '/v1/openapi.json', { key: null })).status).toBe(200);
  });
});

describe('key lifecycle', () => {
  it('a created key works, is shown once, stored hashed, and stops working once revoked', async () => {
    const created = await t.request('POST', '/v1/api-keys', {
      body: { role: 'founder', subjectId: w.fA1, label: 'lifecycle' },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body;
    expect(typeof key).toBe('string');
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(created.body).toMatchObject({ role: 'founder', subjectId: w.fA1, label: 'lifecycle' });

    // the key authenticates with its binding
    const own = await ok(t.request('GET', `/v1/founders/${w.fA1}`, { key }));
    expect(own.contact).toBeDefined();

    // stored hashed: the plaintext appears in no column of api_keys (nor in the audit log)
    const rows = await t.db.select().from(apiKeysTable);
    const row = rows.find((r) => r.id === id)!;
    expect(row).toBeDefined();
    expect(row.keyHash).not.toBe(key);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThanOrEqual(12);
    expect(JSON.stringify(await t.db.select().from(auditTable))).not.toContain(key);

    // shown once: the listing never carries keys or hashes
    const list = await t.request('GET', '/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: any) => k.id === id);
    expect(listed).toMatchObject({ id, role: 'founder', subjectId: w.fA1, revokedAt: null });
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(row.keyHash);
    for (const item of list.body.items) {
      expect(item).not.toHaveProperty('key');
      expect(item).not.toHaveProperty('keyHash');
    }
    for (const k of Object.values(w.keys)) expect(list.text).not.toContain(k);

    // revoke → 204, then 401, and the listing shows when
    expect((await t.request('DELETE', `/v1/api-keys/${id}`)).status).toBe(204);
    expectProblem(await t.request('GET', `/v1/founders/${w.fA1}`, { key }), 401, key);
    expectProblem(await t.request('GET', '/v1/projects', { key }), 401);
    const after = (await ok(t.request('GET', '/v1/api-keys'))).items.find((k: any) => k.id === id);
    expect(after.revokedAt).toEqual(expect.any(String));
    // revoking again, or an unknown id, is a 404
    expectProblem(await t.request('DELETE', `/v1/api-keys/${id}`), 404);
    expectProblem(await t.request('DELETE', '/v1/api-keys/0190a000-0000-7000-8000-000000000000'), 404);
    expectProblem(await t.request('DELETE', '/v1/api-keys/not-a-uuid'), 404);
    // other keys are unaffected
    expect((await t.request('GET', '/v1/projects', { key: w.keys.founderA1 })).status).toBe(200);
  });

  it('an admin key created through the API is an admin', async () => {
    const { key } = await createKey(t, 'admin');
    expect((await ok(t.request('GET', '/v1/status', { key }))).db).toBe(t.backend);
    expect((await t.request('GET', '/v1/api-keys', { key })).status).toBe(200);
  });

  it('two keys never collide', async () => {
    const a = await createKey(t, 'mentor', { subjectId: w.m1 });
    const b = await createKey(t, 'mentor', { subjectId: w.m1 });
    expect(a.key).not.toBe(b.key);
    expect(a.id).not.toBe(b.id);
  });
});

describe('admin-only endpoints are 404 for every other role', () => {
  const roles = ['staffA', 'founderA1', 'mentor1', 'investor1', 'trainer1'] as const;
  it.each(roles)('%s', async (actor) => {
    const key = w.keys[actor];
    const n = await keyCount();
    expectProblem(await t.request('GET', '/v1/api-keys', { key }), 404);
    expectProblem(await t.request('GET', '/v1/status', { key }), 404);
    const post = await t.request('POST', '/v1/api-keys', { key, body: { role: 'admin', label: 'escalate' } });
    expectProblem(post, 404);
    expect(post.body.key).toBeUndefined();
    // cannot revoke a key, not even its own
    expectProblem(await t.request('DELETE', `/v1/api-keys/${w.keyIds.staffB}`, { key }), 404);
    expectProblem(await t.request('DELETE', `/v1/api-keys/${w.keyIds[actor]}`, { key }), 404);
    expect(await keyCount()).toBe(n);
    expect((await t.request('GET', '/v1/projects', { key: w.keys.staffB })).status).toBe(200);
    expect((await t.request('GET', '/v1/projects', { key })).status).toBe(200);
  });
});

describe('key bindings are validated (422, nothing written)', () => {
  const unknownId = '0190a000-0000-7000-8000-00000000dead';
  const cases: [string, (w: World) => Record<string, unknown>, string][] = [
    ['center_staff without centerId', () => ({ role: 'center_staff' }), 'centerId'],
    ['center_staff with an unknown centerId', () => ({ role: 'center_staff', centerId: unknownId }), 'centerId'],
    ['center_staff with a founder id as centerId', (w) => ({ role: 'center_staff', centerId: w.fA1 }), 'centerId'],
    ['center_staff with a malformed centerId', () => ({ role: 'center_staff', centerId: 'center-a' }), 'centerId'],
    ['founder without subjectId', () => ({ role: 'founder' }), 'subjectId'],
    ['founder with an unknown id', () => ({ role: 'founder', subjectId: unknownId }), 'subjectId'],
    ['founder with a mentor id', (w) => ({ role: 'founder', subjectId: w.m1 }), 'subjectId'],
    ['founder with a non-uuid id', () => ({ role: 'founder', subjectId: 'cirendoji' }), 'subjectId'],
    ['mentor with a founder id', (w) => ({ role: 'mentor', subjectId: w.fA1 }), 'subjectId'],
    ['mentor with an investor id', (w) => ({ role: 'mentor', subjectId: w.i1 }), 'subjectId'],
    ['investor with a mentor id', (w) => ({ role: 'investor', subjectId: w.m1 }), 'subjectId'],
    ['investor with an unknown id', () => ({ role: 'investor', subjectId: unknownId }), 'subjectId'],
    ['trainer without a provider name', () => ({ role: 'trainer' }), 'subjectId'],
    ['trainer with a blank provider name', () => ({ role: 'trainer', subjectId: '   ' }), 'subjectId'],
    ['an unknown role', () => ({ role: 'superuser' }), 'role'],
    ['no role', () => ({}), 'role'],
    ['an unknown field', () => ({ role: 'admin', scopes: ['*'] }), ''],
  ];
  it.each(cases)('%s', async (_name, make, path) => {
    const n = await keyCount();
    const body = { label: 'bad binding', ...make(w) };
    const res = await t.request('POST', '/v1/api-keys', { body });
    expectProblem(res, 422);
    expect(res.body.key).toBeUndefined();
    if (path) expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    expect(await keyCount()).toBe(n);
  });

  it('missing label → 422', async () => {
    expectProblem(await t.request('POST', '/v1/api-keys', { body: { role: 'admin' } }), 422);
  });

  it('valid bindings for every role → 201', async () => {
    for (const [role, binding] of [
      ['center_staff', { centerId: w.cA }],
      ['founder', { subjectId: w.fB1 }],
      ['mentor', { subjectId: w.m2 }],
      ['investor', { subjectId: w.i2 }],
      ['trainer', { subjectId: '任何培训机构名' }],
    ] as const) {
      const res = await t.request('POST', '/v1/api-keys', { body: { role, label: `ok ${role}`, ...binding } });
      expect(res.status, res.text).toBe(201);
    }
  });
});
