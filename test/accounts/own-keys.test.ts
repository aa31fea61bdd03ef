// "An account can see and revoke the keys bound to its own subject" (src/accounts/own-keys.ts): the keys
// with the caller's role and binding, nothing else (404 for any other key); /v1/api-keys stays admin-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditTable } from '../../models/schema.ts';
import { listOwnKeys, revokeOwnKey } from '../../src/accounts/own-keys.ts';
import { actorOf } from '../../src/accounts/sessions.ts';
import type { Actor } from '../../src/auth/actor.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, createKey, expectProblem, ok, PROVIDER_ONE, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
// More keys than the world's: a second one for founder A1, one for staff B, one for another trainer.
let extra: Record<string, { key: string; id: string }>;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  extra = {
    founderA1: await createKey(t, 'founder', { subjectId: w.fA1 }),
    staffA: await createKey(t, 'center_staff', { centerId: w.cA }),
    trainerOther: await createKey(t, 'trainer', { subjectId: 'PROV-OTHER' }),
    admin: await createKey(t, 'admin'),
  };
});
afterAll(async () => {
  await t?.close();
});

const actor = (role: Actor['role'], binding: { subjectId?: string; centerId?: string } = {}): Actor => ({
  role,
  keyId: null,
  accountId: '0190a000-0000-7000-8000-0000000000aa',
  subjectId: binding.subjectId ?? null,
  centerId: binding.centerId ?? null,
});

describe('listOwnKeys', () => {
  it('a founder sees its own keys only', async () => {
    const keys = await listOwnKeys(t.db, actor('founder', { subjectId: w.fA1 }));
    expect(keys.map((k) => k.id).sort()).toEqual([w.keyIds.founderA1, extra.founderA1.id].sort());
    for (const k of keys) {
      expect(k).toMatchObject({ role: 'founder', subjectId: w.fA1 });
      expect(JSON.stringify(k)).not.toMatch(/keyHash|key_hash/);
      expect(JSON.stringify(k)).not.toContain(extra.founderA1.key);
      expect(JSON.stringify(k)).not.toContain(w.keys.founderA1);
    }
  });

  it('center staff see their center’s staff keys only; a trainer its provider’s; a mentor its own', async () => {
    const staff = await listOwnKeys(t.db, actor('center_staff', { centerId: w.cA }));
    expect(staff.map((k) => k.id).sort()).toEqual([w.keyIds.staffA, extra.staffA.id].sort());
    const trainer = await listOwnKeys(t.db, actor('trainer', { subjectId: PROVIDER_ONE }));
    expect(trainer.map((k) => k.id)).toEqual([w.keyIds.trainer1]);
    const mentor = await listOwnKeys(t.db, actor('mentor', { subjectId: w.m1 }));
    expect(mentor.map((k) => k.id)).toEqual([w.keyIds.mentor1]);
    // an investor with no key: none (the mentor's and founders' are not its)
    expect(await listOwnKeys(t.db, actor('investor', { subjectId: w.i2 }))).toEqual([]);
  });

  it('an account’s actor (actorOf) works the same', async () => {
    const keys = await listOwnKeys(
      t.db,
      actorOf({
        id: '0190a000-0000-7000-8000-0000000000bb',
        role: 'founder',
        subjectId: w.fB1,
        centerId: null,
        regionCode: null,
      }),
    );
    expect(keys.map((k) => k.id)).toEqual([w.keyIds.founderB1]);
  });
});

describe('revokeOwnKey', () => {
  it('another subject’s key, another center’s, an unknown or malformed id → 404, nothing revoked', async () => {
    const founder = actor('founder', { subjectId: w.fA1 });
    for (const id of [
      w.keyIds.founderA2!,
      w.keyIds.founderB1!,
      w.keyIds.staffA!,
      w.keyIds.mentor1!,
      extra.admin.id,
      '0190a000-0000-7000-8000-00000000dead',
      'not-a-uuid',
    ])
      await expect(revokeOwnKey(t.db, founder, id)).rejects.toMatchObject({ status: 404 });
    await expect(revokeOwnKey(t.db, actor('center_staff', { centerId: w.cB }), w.keyIds.staffA!)).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    await expect(
      revokeOwnKey(t.db, actor('trainer', { subjectId: 'PROV-OTHER' }), w.keyIds.trainer1!),
    ).rejects.toMatchObject({
      status: 404,
    });
    for (const key of [w.keys.founderA2, w.keys.founderB1, w.keys.staffA, w.keys.mentor1, w.keys.trainer1])
      expect((await t.request('GET', '/v1/centers', { key })).status).toBe(200);
  });

  it('its own key: revoked at once (401 after), audited; a second revoke → 404', async () => {
    const founder = actor('founder', { subjectId: w.fA1 });
    expect((await t.request('GET', '/v1/projects', { key: extra.founderA1.key })).status).toBe(200);
    const revoked = await revokeOwnKey(t.db, founder, extra.founderA1.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expectProblem(await t.request('GET', '/v1/projects', { key: extra.founderA1.key }), 401);
    // the other key of the same founder still works
    expect((await t.request('GET', '/v1/projects', { key: w.keys.founderA1 })).status).toBe(200);
    await expect(revokeOwnKey(t.db, founder, extra.founderA1.id)).rejects.toMatchObject({ status: 404 });
    const entries = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, extra.founderA1.id), eq(auditTable.action, 'api_key.revoke')));
    expect(entries).toHaveLength(1);
    expect(entries[0].actor).toBe(`account:${founder.accountId}`);
    // still listed, as revoked
    const listed = (await listOwnKeys(t.db, founder)).find((k) => k.id === extra.founderA1.id);
    expect(listed?.revokedAt).not.toBeNull();
  });

  it('center staff revoke a staff key of their center', async () => {
    await revokeOwnKey(t.db, actor('center_staff', { centerId: w.cA }), extra.staffA.id);
    expectProblem(await t.request('GET', '/v1/projects', { key: extra.staffA.key }), 401);
    expect((await t.request('GET', '/v1/projects', { key: w.keys.staffA })).status).toBe(200);
  });
});

describe('/v1/api-keys', () => {
  it('stays admin-only: non-admins 404 on list and on revoking even their own key', async () => {
    for (const who of ['staffA', 'founderA1', 'mentor1', 'investor1', 'trainer1'] as const) {
      expectProblem(await t.request('GET', '/v1/api-keys', { key: w.keys[who] }), 404);
      expectProblem(await t.request('DELETE', `/v1/api-keys/${w.keyIds[who]}`, { key: w.keys[who] }), 404);
    }
  });

  it('an admin’s revocation is audited too', async () => {
    const k = await createKey(t, 'investor', { subjectId: w.i1 });
    expect((await t.request('DELETE', `/v1/api-keys/${k.id}`)).status).toBe(204);
    const entries = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, k.id), eq(auditTable.action, 'api_key.revoke')));
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({ role: 'investor', subjectId: w.i1 });
    const listed = (await ok(t.request('GET', '/v1/api-keys'))).items.find((x: any) => x.id === k.id);
    expect(listed.revokedAt).not.toBeNull();
  });
});
