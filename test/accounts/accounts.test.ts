// /v1/accounts (shared/API.md "People: accounts and sign-in"): who may create, list, read, re-invite and
// disable which accounts; bindings validated as for API keys; logins unique case-insensitively (also
// under concurrency); never a hash in a response; every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { accountsTable, auditTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { ACTORS, buildWorld, callsAs, expectProblem, ok, PROVIDER_ONE, type Actor, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const as = callsAs(
  () => t,
  () => w,
);
const anon = {
  get: (path: string) => t.request('GET', path, { key: null }),
  post: (path: string, body?: unknown) => t.request('POST', path, { key: null, body }),
};
let seq = 0;
const uniqueLogin = (prefix = 'user') => `${prefix}.${process.pid}.${++seq}@example.cn`;
const accountCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(accountsTable))[0].n;
const HASH_FIELDS = ['passwordHash', 'invitationHash', 'password_hash', 'invitation_hash'];

function expectNoSecrets(body: unknown) {
  const text = JSON.stringify(body);
  for (const f of HASH_FIELDS) expect(text).not.toContain(f);
}

/** Creates an account as `actor` and returns the response body. */
async function create(actor: Actor, body: Record<string, unknown>) {
  return ok(as(actor).post('/v1/accounts', { login: uniqueLogin(), ...body }), 201);
}

describe('POST /v1/accounts', () => {
  it('admin creates an account of every role; 201 with the contract fields and a one-time link', async () => {
    const bindings: [string, Record<string, unknown>][] = [
      ['admin', {}],
      ['center_staff', { centerId: w.cA }],
      ['founder', { subjectId: w.fA1 }],
      ['mentor', { subjectId: w.m1 }],
      ['investor', { subjectId: w.i1 }],
      ['trainer', { subjectId: PROVIDER_ONE }],
    ];
    for (const [role, binding] of bindings) {
      const login = uniqueLogin(role);
      const before = Date.now();
      const body = await ok(as('admin').post('/v1/accounts', { login, role, ...binding }), 201);
      expect(body).toMatchObject({
        id: expect.any(String),
        login,
        role,
        subjectId: (binding.subjectId as string) ?? null,
        centerId: (binding.centerId as string) ?? null,
        status: 'invited',
        lang: 'zh',
      });
      expect(body.invitation.url).toMatch(/^\/app\/invite\/[A-Za-z0-9_-]{43}$/);
      const ttl = Date.parse(body.invitation.expiresAt) - before;
      expect(ttl).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
      expect(ttl).toBeLessThanOrEqual(7 * 24 * 3_600_000 + 60_000);
      expectNoSecrets(body);
      // the link is shown once: never again in a read
      const read = await ok(as('admin').get(`/v1/accounts/${body.id}`));
      expect(JSON.stringify(read)).not.toContain(body.invitation.url.split('/').pop());
      expect(read.invitation).toBeUndefined();
      expectNoSecrets(read);
    }
  });

  it('stores only hashes; audited as account.created without the login', async () => {
    const login = uniqueLogin('audit');
    const body = await create('admin', {
      login,
      role: 'founder',
      subjectId: w.fA2,
      displayName: '格桑曲珍',
      lang: 'bo',
    });
    expect(body).toMatchObject({ displayName: '格桑曲珍', lang: 'bo' });
    const [row] = await t.db.select().from(accountsTable).where(eq(accountsTable.id, body.id));
    const token = body.invitation.url.split('/').pop();
    expect(row.invitationHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.invitationHash).not.toContain(token);
    expect(row.passwordHash).toBeNull();
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, body.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['account.created']);
    expect(entries[0]).toMatchObject({ entityKind: 'account', centerId: w.cA, actor: 'admin:env' });
    expect(JSON.stringify(entries[0].detail)).not.toContain(login);
  });

  it('center staff create founder accounts of their center and staff accounts of their center', async () => {
    const f = await create('staffA', { role: 'founder', subjectId: w.fA1 });
    expect(f).toMatchObject({ role: 'founder', subjectId: w.fA1, centerId: null });
    // without a centerId: their own center
    const s = await create('staffA', { role: 'center_staff' });
    expect(s).toMatchObject({ role: 'center_staff', centerId: w.cA });
    const s2 = await create('staffA', { role: 'center_staff', centerId: w.cA });
    expect(s2.centerId).toBe(w.cA);
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, f.id));
    expect(entries[0]).toMatchObject({ action: 'account.created', centerId: w.cA });
    expect(entries[0].actor).toBe(`key:${w.keyIds.staffA}`);
  });

  it('center staff: other roles → 403, another center → 403, another center’s founder → 422; nothing written', async () => {
    const n = await accountCount();
    for (const [role, binding] of [
      ['admin', {}],
      ['mentor', { subjectId: w.m1 }],
      ['investor', { subjectId: w.i1 }],
      ['trainer', { subjectId: PROVIDER_ONE }],
    ] as const)
      expectProblem(await as('staffA').post('/v1/accounts', { login: uniqueLogin(), role, ...binding }), 403);
    expectProblem(
      await as('staffA').post('/v1/accounts', { login: uniqueLogin(), role: 'center_staff', centerId: w.cB }),
      403,
    );
    const other = await as('staffA').post('/v1/accounts', { login: uniqueLogin(), role: 'founder', subjectId: w.fB1 });
    expectProblem(other, 422);
    expect(other.body.errors.map((e: any) => e.path)).toContain('subjectId');
    // the same answer as for a founder that does not exist: nothing about the other center leaks
    const none = await as('staffA').post('/v1/accounts', {
      login: uniqueLogin(),
      role: 'founder',
      subjectId: '0190a000-0000-7000-8000-00000000dead',
    });
    expect(none.body.errors).toEqual(other.body.errors);
    expect(await accountCount()).toBe(n);
  });

  it.each(['founderA1', 'founderB1', 'mentor1', 'investor1', 'trainer1'] as const)('%s → 403', async (actor) => {
    const n = await accountCount();
    const res = await as(actor).post('/v1/accounts', { login: uniqueLogin(), role: 'founder', subjectId: w.fA1 });
    expectProblem(res, 403);
    expect(res.body.invitation).toBeUndefined();
    expect(await accountCount()).toBe(n);
  });

  it('anonymous → 401', async () => {
    expectProblem(await anon.post('/v1/accounts', { login: uniqueLogin(), role: 'admin' }), 401);
  });

  describe('bad input → 422 with the path, nothing written', () => {
    const unknownId = '0190a000-0000-7000-8000-00000000dead';
    const cases: [string, (w: World) => Record<string, unknown>, string][] = [
      ['a login with a space', () => ({ login: 'tashi delek', role: 'admin' }), 'login'],
      ['a login with a slash', () => ({ login: 'a/b/c', role: 'admin' }), 'login'],
      ['a login with a quote', () => ({ login: "o'neil", role: 'admin' }), 'login'],
      ['a login with angle brackets', () => ({ login: '<script>', role: 'admin' }), 'login'],
      ['an empty login', () => ({ login: '', role: 'admin' }), 'login'],
      ['a blank login', () => ({ login: '    ', role: 'admin' }), 'login'],
      ['a two-character login', () => ({ login: 'ab', role: 'admin' }), 'login'],
      ['a 101-character login', () => ({ login: 'a'.repeat(101), role: 'admin' }), 'login'],
      ['a numeric login', () => ({ login: 13800000000, role: 'admin' }), 'login'],
      ['no login', () => ({ role: 'admin' }), 'login'],
      ['an unknown role', () => ({ login: uniqueLogin(), role: 'superuser' }), 'role'],
      ['no role', () => ({ login: uniqueLogin() }), 'role'],
      ['an unknown lang', () => ({ login: uniqueLogin(), role: 'admin', lang: 'fr' }), 'lang'],
      [
        'a 101-character display name',
        () => ({ login: uniqueLogin(), role: 'admin', displayName: 'x'.repeat(101) }),
        'displayName',
      ],
      ['an unknown field', () => ({ login: uniqueLogin(), role: 'admin', password: 'hunter2hunter2' }), ''],
      ['center_staff without centerId', () => ({ login: uniqueLogin(), role: 'center_staff' }), 'centerId'],
      [
        'center_staff with an unknown center',
        () => ({ login: uniqueLogin(), role: 'center_staff', centerId: unknownId }),
        'centerId',
      ],
      [
        'center_staff with a founder id as centerId',
        (w) => ({ login: uniqueLogin(), role: 'center_staff', centerId: w.fA1 }),
        'centerId',
      ],
      [
        'center_staff with a malformed centerId',
        () => ({ login: uniqueLogin(), role: 'center_staff', centerId: 'A' }),
        'centerId',
      ],
      ['founder without subjectId', () => ({ login: uniqueLogin(), role: 'founder' }), 'subjectId'],
      [
        'founder with an unknown id',
        () => ({ login: uniqueLogin(), role: 'founder', subjectId: unknownId }),
        'subjectId',
      ],
      ['founder with a mentor id', (w) => ({ login: uniqueLogin(), role: 'founder', subjectId: w.m1 }), 'subjectId'],
      [
        'founder with a non-uuid id',
        () => ({ login: uniqueLogin(), role: 'founder', subjectId: 'cirendoji' }),
        'subjectId',
      ],
      ['mentor with a founder id', (w) => ({ login: uniqueLogin(), role: 'mentor', subjectId: w.fA1 }), 'subjectId'],
      ['investor with a mentor id', (w) => ({ login: uniqueLogin(), role: 'investor', subjectId: w.m1 }), 'subjectId'],
      ['trainer without a provider name', () => ({ login: uniqueLogin(), role: 'trainer' }), 'subjectId'],
      [
        'trainer with a blank provider name',
        () => ({ login: uniqueLogin(), role: 'trainer', subjectId: '  ' }),
        'subjectId',
      ],
    ];
    it.each(cases)('%s', async (_name, make, path) => {
      const n = await accountCount();
      const res = await as('admin').post('/v1/accounts', make(w));
      expectProblem(res, 422);
      if (path) expect(res.body.errors.map((e: any) => e.path)).toContain(path);
      expect(res.body.invitation).toBeUndefined();
      expect(await accountCount()).toBe(n);
    });

    it('malformed JSON → 400; a form body → 415', async () => {
      expect(
        (await t.request('POST', '/v1/accounts', { raw: '{"login":', headers: { 'content-type': 'application/json' } }))
          .status,
      ).toBe(400);
      const form = await t.request('POST', '/v1/accounts', {
        raw: 'login=x&role=admin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    });
  });

  it('accepts e-mail addresses, phone numbers and names in any script', async () => {
    for (const login of [
      '+8613800000001',
      '138-0000-0002',
      'dorje_2027',
      'བཀྲ་ཤིས'.replace('་', ''),
      '次仁多吉',
      'Tenzin.Norbu+work@example.cn',
    ]) {
      const body = await create('admin', { login, role: 'admin' });
      expect(body.login).toBe(login);
    }
  });

  it('a login taken in another case → 409 with path login', async () => {
    const login = `Dawa.${process.pid}@Example.CN`;
    await create('admin', { login, role: 'admin' });
    const n = await accountCount();
    for (const again of [login.toLowerCase(), login.toUpperCase(), ` ${login} `]) {
      const res = await as('admin').post('/v1/accounts', { login: again, role: 'founder', subjectId: w.fA1 });
      expectProblem(res, 409);
      expect(res.body.errors.map((e: any) => e.path)).toEqual(['login']);
    }
    // also when staff ask
    expectProblem(await as('staffA').post('/v1/accounts', { login: login.toLowerCase(), role: 'center_staff' }), 409);
    expect(await accountCount()).toBe(n);
  });

  it('one name typed in two Unicode forms is one login', async () => {
    const composed = `Pémà${process.pid}`.normalize('NFC');
    await create('admin', { login: composed, role: 'admin' });
    expectProblem(await as('admin').post('/v1/accounts', { login: composed.normalize('NFD'), role: 'admin' }), 409);
  });

  it('concurrent creations with one login: one 201, the others 409, never a 500', async () => {
    const login = uniqueLogin('race');
    const variants = [login, login.toUpperCase(), login, login.toUpperCase(), login, login.toUpperCase()];
    const results = await Promise.all(
      variants.map((l) => as('admin').post('/v1/accounts', { login: l, role: 'admin' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expectProblem(r, 409);
    const rows = await t.db.select().from(accountsTable).where(sql`lower(${accountsTable.login}) = lower(${login})`);
    expect(rows).toHaveLength(1);
  });

  it('an erased founder or a removed mentor cannot get an account (422)', async () => {
    const f = await ok(
      as('admin').post('/v1/founders', {
        name: '将被删除',
        groups: ['graduate'],
        regionCode: '540102',
        languages: ['zh'],
        centerId: w.cA,
      }),
      201,
    );
    expect((await as('admin').del(`/v1/founders/${f.id}`)).status).toBe(204);
    const m = await ok(
      as('admin').post('/v1/mentors', {
        name: '将被删除的导师',
        bio: '临时',
        expertise: ['certification'],
        sectors: [],
        languages: ['zh'],
        regionCode: '540102',
        remote: true,
        capacity: 1,
        active: true,
      }),
      201,
    );
    expect((await as('admin').del(`/v1/mentors/${m.id}`)).status).toBe(204);
    for (const [role, subjectId] of [
      ['founder', f.id],
      ['mentor', m.id],
    ]) {
      const res = await as('admin').post('/v1/accounts', { login: uniqueLogin(), role, subjectId });
      expectProblem(res, 422);
      expect(res.body.errors.map((e: any) => e.path)).toContain('subjectId');
    }
    expectProblem(
      await as('staffA').post('/v1/accounts', { login: uniqueLogin(), role: 'founder', subjectId: f.id }),
      422,
    );
  });
});

describe('GET /v1/accounts and /v1/accounts/{id}', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const make = async (actor: Actor, body: Record<string, unknown>) => (await create(actor, body)).id as string;
    ids = {
      admin: await make('admin', { role: 'admin' }),
      staffA: await make('admin', { role: 'center_staff', centerId: w.cA }),
      staffB: await make('admin', { role: 'center_staff', centerId: w.cB }),
      founderA1: await make('admin', { role: 'founder', subjectId: w.fA1 }),
      founderB1: await make('admin', { role: 'founder', subjectId: w.fB1 }),
      mentor1: await make('admin', { role: 'mentor', subjectId: w.m1 }),
      investor1: await make('admin', { role: 'investor', subjectId: w.i1 }),
      trainer1: await make('admin', { role: 'trainer', subjectId: PROVIDER_ONE }),
    };
  });

  const listAll = async (actor: Actor, query = '') => {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await ok(as(actor).get(`/v1/accounts${q}`));
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('admins list every account, by cursor, without duplicates', async () => {
    const items = await listAll('admin');
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.length).toBe(await accountCount());
    for (const id of Object.values(ids)) expect(items.map((i) => i.id)).toContain(id);
    expectNoSecrets(items);
  });

  it('center staff list only their center’s founder and staff accounts', async () => {
    const items = await listAll('staffA');
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) {
      if (a.role === 'center_staff') expect(a.centerId).toBe(w.cA);
      else {
        expect(a.role).toBe('founder');
        expect([w.fA1, w.fA2]).toContain(a.subjectId);
      }
    }
    const seen = items.map((i) => i.id);
    expect(seen).toContain(ids.staffA);
    expect(seen).toContain(ids.founderA1);
    for (const other of ['admin', 'staffB', 'founderB1', 'mentor1', 'investor1', 'trainer1'])
      expect(seen).not.toContain(ids[other]);
    const b = (await listAll('staffB')).map((i) => i.id);
    expect(b).toContain(ids.founderB1);
    expect(b).not.toContain(ids.founderA1);
  });

  it('filters: role, status, subjectId, centerId', async () => {
    for (const a of await listAll('admin', '&role=mentor')) expect(a.role).toBe('mentor');
    expect((await listAll('admin', `&subjectId=${w.fB1}`)).map((a) => a.id)).toContain(ids.founderB1);
    for (const a of await listAll('admin', `&centerId=${w.cB}`)) expect(a.centerId).toBe(w.cB);
    for (const a of await listAll('staffA', '&status=invited')) expect(a.status).toBe('invited');
    expect(await listAll('staffA', '&role=mentor')).toEqual([]);
  });

  it('bad queries → 400', async () => {
    for (const q of ['?role=boss', '?status=gone', '?limit=0', '?limit=201', '?cursor=notacursor', '?centerId=x'])
      expectProblem(await as('admin').get(`/v1/accounts${q}`), 400);
  });

  it.each(['founderA1', 'mentor1', 'investor1', 'trainer1'] as const)('%s: list → 403, any id → 404', async (actor) => {
    expectProblem(await as(actor).get('/v1/accounts'), 403);
    for (const id of Object.values(ids)) expectProblem(await as(actor).get(`/v1/accounts/${id}`), 404);
  });

  it('anonymous → 401', async () => {
    expectProblem(await anon.get('/v1/accounts'), 401);
    expectProblem(await anon.get(`/v1/accounts/${ids.admin}`), 401);
  });

  it('by id: the role matrix', async () => {
    const visible: Record<string, string[]> = {
      admin: Object.keys(ids),
      staffA: ['staffA', 'founderA1'],
      staffB: ['staffB', 'founderB1'],
    };
    for (const actor of ACTORS) {
      for (const [name, id] of Object.entries(ids)) {
        const res = await as(actor).get(`/v1/accounts/${id}`);
        const expected = visible[actor]?.includes(name) ? 200 : 404;
        expect(res.status, `${actor} reads ${name}`).toBe(expected);
        if (expected === 200) expectNoSecrets(res.body);
      }
    }
  });

  it('unknown and malformed ids → 404', async () => {
    expectProblem(await as('admin').get('/v1/accounts/0190a000-0000-7000-8000-00000000dead'), 404);
    expectProblem(await as('admin').get('/v1/accounts/not-a-uuid'), 404);
    expectProblem(await as('admin').post('/v1/accounts/not-a-uuid/disable'), 404);
    expectProblem(await as('admin').post('/v1/accounts/not-a-uuid/invitation'), 404);
  });

  it('a founder moving to another center moves its account to that center’s staff', async () => {
    const f = await ok(
      as('admin').post('/v1/founders', {
        name: '搬家的创业者',
        groups: ['graduate'],
        regionCode: '540102',
        languages: ['zh'],
        centerId: w.cA,
      }),
      201,
    );
    const acc = await create('staffA', { role: 'founder', subjectId: f.id });
    expect((await as('staffA').get(`/v1/accounts/${acc.id}`)).status).toBe(200);
    await ok(as('admin').patch(`/v1/founders/${f.id}`, { centerId: w.cB }));
    expect((await as('staffA').get(`/v1/accounts/${acc.id}`)).status).toBe(404);
    expect((await as('staffB').get(`/v1/accounts/${acc.id}`)).status).toBe(200);
  });
});

describe('POST /v1/accounts/{id}/invitation and /disable: who may', () => {
  it('the role matrix', async () => {
    const targets = async () => ({
      admin: (await create('admin', { role: 'admin' })).id,
      staffA: (await create('admin', { role: 'center_staff', centerId: w.cA })).id,
      founderA1: (await create('admin', { role: 'founder', subjectId: w.fA1 })).id,
      founderB1: (await create('admin', { role: 'founder', subjectId: w.fB1 })).id,
      mentor1: (await create('admin', { role: 'mentor', subjectId: w.m1 })).id,
      trainer1: (await create('admin', { role: 'trainer', subjectId: PROVIDER_ONE })).id,
    });
    const allowed: Record<string, string[]> = {
      admin: ['admin', 'staffA', 'founderA1', 'founderB1', 'mentor1', 'trainer1'],
      staffA: ['staffA', 'founderA1'],
      staffB: ['founderB1'],
    };
    for (const action of ['invitation', 'disable']) {
      for (const actor of ACTORS) {
        const ids: Record<string, string> = await targets();
        for (const [name, id] of Object.entries(ids)) {
          const res = await as(actor).post(`/v1/accounts/${id}/${action}`);
          const expected = allowed[actor]?.includes(name) ? 200 : 404;
          expect(res.status, `${actor} ${action} ${name}: ${res.text}`).toBe(expected);
          const [row] = await t.db.select().from(accountsTable).where(eq(accountsTable.id, id));
          if (expected === 404) {
            expectProblem(res, 404);
            expect(row.status).toBe('invited');
            expect(row.updatedAt.getTime()).toBe(row.createdAt.getTime());
          } else {
            expectNoSecrets(res.body);
            expect(row.status).toBe(action === 'disable' ? 'disabled' : 'invited');
          }
        }
      }
      for (const r of [anon.post(`/v1/accounts/${(await targets()).admin}/${action}`)]) expectProblem(await r, 401);
    }
  });

  it('a new invitation answers with a new link; the old link no longer opens', async () => {
    const first = await create('staffA', { role: 'founder', subjectId: w.fA2 });
    const again = await ok(as('staffA').post(`/v1/accounts/${first.id}/invitation`));
    expect(again).toMatchObject({ id: first.id, status: 'invited' });
    expect(again.invitation.url).toMatch(/^\/app\/invite\//);
    expect(again.invitation.url).not.toBe(first.invitation.url);
    const [row] = await t.db.select().from(accountsTable).where(eq(accountsTable.id, first.id));
    expect(row.invitationExpiresAt?.toISOString()).toBe(again.invitation.expiresAt);
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, first.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['account.created', 'account.invited'].sort());
    expect(entries.find((e) => e.action === 'account.invited')?.centerId).toBe(w.cA);
  });

  it('disable: status disabled, link cleared, audited once; a second disable changes nothing', async () => {
    const acc = await create('admin', { role: 'mentor', subjectId: w.m2 });
    const d = await ok(as('admin').post(`/v1/accounts/${acc.id}/disable`));
    expect(d).toMatchObject({ id: acc.id, status: 'disabled', invitationExpiresAt: null });
    const [row] = await t.db.select().from(accountsTable).where(eq(accountsTable.id, acc.id));
    expect(row).toMatchObject({ status: 'disabled', invitationHash: null, passwordHash: null });
    await ok(as('admin').post(`/v1/accounts/${acc.id}/disable`));
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, acc.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['account.created', 'account.disabled'].sort());
    // a new invitation enables it again
    const again = await ok(as('admin').post(`/v1/accounts/${acc.id}/invitation`));
    expect(again.status).toBe('invited');
  });
});

describe('audit visibility', () => {
  it('center staff read the account entries of their center; others not', async () => {
    const acc = await create('staffB', { role: 'founder', subjectId: w.fB1 });
    const b = await ok(as('staffB').get('/v1/audit?entityKind=account&limit=200'));
    expect(b.items.map((e: any) => e.entityId)).toContain(acc.id);
    const a = await ok(as('staffA').get('/v1/audit?entityKind=account&limit=200'));
    expect(a.items.map((e: any) => e.entityId)).not.toContain(acc.id);
  });
});

describe('OpenAPI', () => {
  it('documents the five endpoints', async () => {
    const doc = await ok(t.request('GET', '/v1/openapi.json', { key: null }));
    expect(Object.keys(doc.paths['/v1/accounts'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/v1/accounts/{id}'].get).toBeDefined();
    expect(doc.paths['/v1/accounts/{id}/invitation'].post).toBeDefined();
    expect(doc.paths['/v1/accounts/{id}/disable'].post).toBeDefined();
    expect(doc.components.schemas.InvitedAccount).toBeDefined();
  });
});
