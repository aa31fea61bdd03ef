// The sign-in pieces the console uses (src/accounts/): redeeming an invitation, sessions (idle timeout,
// absolute lifetime, ended by a new invitation or a disable), the per-login throttle, and subjects
// going away (erasure, removal) taking their accounts with them. Real app, real database; time is
// passed as `now`, never waited for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accountSessionsTable, accountsTable, auditTable, loginAttemptsTable } from '../../models/schema.ts';
import { redeemInvitation, findInvitation } from '../../src/accounts/invitations.ts';
import { actorOf, createSession, readSession, endSession } from '../../src/accounts/sessions.ts';
import { verifyPassword } from '../../src/accounts/passwords.ts';
import {
  clearLoginFailures,
  delayAfter,
  FREE_FAILURES,
  loginWait,
  MAX_DELAY_MS,
  recordLoginFailure,
} from '../../src/accounts/throttle.ts';
import { pruneAccountTables } from '../../src/accounts/prune.ts';
import { disableAccount, getAccount, listAccounts, reissueInvitation } from '../../src/accounts/accounts.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, callsAs, expectProblem, founderBody, mentorBody, ok, type World } from '../auth/world.ts';

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
const LIMITS = { idleMinutes: 30, maxHours: 24 };
const GOOD = 'Yak-cheese 2027 from Nyingchi';
let seq = 0;
const uniqueLogin = (prefix = 'person') => `${prefix}${process.pid}x${++seq}`;
const tokenOf = (url: string) => url.slice('/app/invite/'.length);
const min = (n: number) => n * 60_000;

async function invite(body: Record<string, unknown> = { role: 'founder', subjectId: w.fA1 }, actor = 'admin' as const) {
  const login = uniqueLogin();
  const acc = await ok(as(actor).post('/v1/accounts', { login, ...body }), 201);
  return {
    id: acc.id as string,
    login,
    token: tokenOf(acc.invitation.url),
    expiresAt: new Date(acc.invitation.expiresAt),
  };
}

async function activated(body?: Record<string, unknown>) {
  const inv = await invite(body);
  const r = await redeemInvitation(t.db, inv.token, GOOD);
  expect(r.ok).toBe(true);
  return inv;
}

const row = async (id: string) => (await t.db.select().from(accountsTable).where(eq(accountsTable.id, id)))[0];

describe('redeeming an invitation', () => {
  it('a good password activates the account; the actor is the account’s role and binding', async () => {
    const inv = await invite();
    const found = await findInvitation(t.db, inv.token);
    expect(found?.id).toBe(inv.id);
    const r = await redeemInvitation(t.db, inv.token, GOOD);
    expect(r.ok).toBe(true);
    const stored = await row(inv.id);
    expect(stored).toMatchObject({ status: 'active', invitationHash: null, invitationExpiresAt: null });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(GOOD);
    expect(await verifyPassword(stored.passwordHash, GOOD)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, `${GOOD}!`)).toBe(false);
    const sid = await createSession(t.db, inv.id, LIMITS);
    const s = await readSession(t.db, sid, LIMITS);
    expect(s?.actor).toEqual({
      role: 'founder',
      keyId: null,
      accountId: inv.id,
      subjectId: w.fA1,
      centerId: null,
      regionCode: null,
    });
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, inv.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['account.created', 'account.activated'].sort());
  });

  it.each([
    ['short', 'Yak2027!', 'password_too_short'],
    ['too long', 'x1'.repeat(101), 'password_too_long'],
    ['common', 'password123', 'password_common'],
    ['common (10+)', 'qwertyuiop', 'password_common'],
    ['common, other case', 'QwertyUIOP', 'password_common'],
    ['one repeated character', 'aaaaaaaaaaaa', 'password_common'],
  ])('a %s password is refused (%s) and the token still works', async (_name, password, problem) => {
    const inv = await invite();
    expect(await redeemInvitation(t.db, inv.token, password)).toEqual({ ok: false, problem });
    expect((await row(inv.id)).status).toBe('invited');
    expect((await redeemInvitation(t.db, inv.token, GOOD)).ok).toBe(true);
  });

  it('a password containing the login is refused', async () => {
    const inv = await invite();
    expect(await redeemInvitation(t.db, inv.token, `My${inv.login.toUpperCase()}pass`)).toEqual({
      ok: false,
      problem: 'password_like_login',
    });
  });

  it('an expired token is refused (now past expiresAt), and so are used and tampered tokens', async () => {
    const inv = await invite();
    const later = new Date(inv.expiresAt.getTime() + 1000);
    expect(await findInvitation(t.db, inv.token, later)).toBeNull();
    expect(await redeemInvitation(t.db, inv.token, GOOD, later)).toEqual({ ok: false, problem: 'invitation_invalid' });
    // a moment before it expires it still works
    const before = new Date(inv.expiresAt.getTime() - 1000);
    expect((await redeemInvitation(t.db, inv.token, GOOD, before)).ok).toBe(true);
    // used once: gone
    expect(await redeemInvitation(t.db, inv.token, GOOD)).toEqual({ ok: false, problem: 'invitation_invalid' });
    const other = await invite();
    const flipped = other.token.slice(0, -1) + (other.token.endsWith('A') ? 'B' : 'A');
    for (const bad of [
      flipped,
      other.token.slice(1),
      `${other.token}x`,
      '',
      '../../etc/passwd',
      other.token.toUpperCase(),
    ])
      expect(await redeemInvitation(t.db, bad, GOOD)).toEqual({ ok: false, problem: 'invitation_invalid' });
    expect((await row(other.id)).status).toBe('invited');
  });

  it('two concurrent redemptions of one token: exactly one succeeds', async () => {
    const inv = await invite();
    const results = await Promise.all([
      redeemInvitation(t.db, inv.token, GOOD),
      redeemInvitation(t.db, inv.token, `${GOOD} two`),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('a disabled account’s link no longer works', async () => {
    const inv = await invite();
    await ok(as('admin').post(`/v1/accounts/${inv.id}/disable`));
    expect(await redeemInvitation(t.db, inv.token, GOOD)).toEqual({ ok: false, problem: 'invitation_invalid' });
  });
});

describe('a new invitation and disabling end the old password and every session', () => {
  it('reissue: old password gone, sessions ended, old link dead, the new link works', async () => {
    const inv = await activated();
    const s1 = await createSession(t.db, inv.id, LIMITS);
    const s2 = await createSession(t.db, inv.id, LIMITS);
    expect(await readSession(t.db, s1, LIMITS)).not.toBeNull();
    const again = await ok(as('staffA').post(`/v1/accounts/${inv.id}/invitation`));
    expect(await readSession(t.db, s1, LIMITS)).toBeNull();
    expect(await readSession(t.db, s2, LIMITS)).toBeNull();
    const stored = await row(inv.id);
    expect(stored.status).toBe('invited');
    expect(await verifyPassword(stored.passwordHash, GOOD)).toBe(false);
    expect(await redeemInvitation(t.db, inv.token, GOOD)).toEqual({ ok: false, problem: 'invitation_invalid' });
    expect((await redeemInvitation(t.db, tokenOf(again.invitation.url), `${GOOD} again`)).ok).toBe(true);
    const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, inv.id));
    expect(entries.find((e) => e.action === 'account.invited')?.detail).toMatchObject({
      previousStatus: 'active',
      endedSessions: 2,
    });
  });

  it('disable: sessions end at once, for every session; a new session cannot be read', async () => {
    const inv = await activated({ role: 'mentor', subjectId: w.m1 });
    const sessions = await Promise.all([1, 2, 3].map(() => createSession(t.db, inv.id, LIMITS)));
    const d = await disableAccount(t.db, systemActor, inv.id);
    expect(d.status).toBe('disabled');
    for (const s of sessions) expect(await readSession(t.db, s, LIMITS)).toBeNull();
    expect(await t.db.select().from(accountSessionsTable).where(eq(accountSessionsTable.accountId, inv.id))).toEqual(
      [],
    );
    // even a session row made afterwards is refused: the account is not active
    const late = await createSession(t.db, inv.id, LIMITS);
    expect(await readSession(t.db, late, LIMITS)).toBeNull();
    expect((await row(inv.id)).passwordHash).toBeNull();
  });

  it('reissue for a subject that went away → 409', async () => {
    const f = await ok(as('admin').post('/v1/founders', founderBody('短暂的创业者', 'wx-tmp', w.cA)), 201);
    const inv = await invite({ role: 'founder', subjectId: f.id });
    expect((await as('admin').del(`/v1/founders/${f.id}`)).status).toBe(204);
    expectProblem(await as('admin').post(`/v1/accounts/${inv.id}/invitation`), 409);
    await expect(reissueInvitation(t.db, systemActor, inv.id, { ttlHours: 1 })).rejects.toMatchObject({ status: 409 });
    expect((await row(inv.id)).status).toBe('disabled');
  });
});

describe('an account acting for itself', () => {
  it('reads its own account, no other (404); may not list (403), re-invite or disable itself (403)', async () => {
    const mine = await activated({ role: 'mentor', subjectId: w.m2 });
    const other = await invite({ role: 'mentor', subjectId: w.m2 });
    const me = actorOf(await row(mine.id));
    expect((await getAccount(t.db, me, mine.id)).id).toBe(mine.id);
    await expect(getAccount(t.db, me, other.id)).rejects.toMatchObject({ status: 404 });
    await expect(listAccounts(t.db, me)).rejects.toMatchObject({ status: 403 });
    await expect(reissueInvitation(t.db, me, mine.id, { ttlHours: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(disableAccount(t.db, me, mine.id)).rejects.toMatchObject({ status: 403 });
    await expect(disableAccount(t.db, me, other.id)).rejects.toMatchObject({ status: 404 });
    expect((await row(mine.id)).status).toBe('active');
    // center staff signed in through an account manage their center's accounts as their key does
    const staff = await activated({ role: 'center_staff', centerId: w.cB });
    const staffActor = actorOf(await row(staff.id));
    const founder = await invite({ role: 'founder', subjectId: w.fB1 });
    expect((await disableAccount(t.db, staffActor, founder.id)).status).toBe('disabled');
    const audit = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, founder.id), eq(auditTable.action, 'account.disabled')));
    expect(audit[0]).toMatchObject({ actor: `account:${staff.id}`, centerId: w.cB });
  });
});

describe('sessions', () => {
  it('idle timeout: a session unused for longer than idleMinutes ends; activity keeps it alive', async () => {
    const inv = await activated();
    const t0 = new Date();
    const sid = await createSession(t.db, inv.id, LIMITS, t0);
    // used every 20 minutes for two hours: alive (idle timeout 30)
    for (let m = 20; m <= 120; m += 20)
      expect(await readSession(t.db, sid, LIMITS, new Date(t0.getTime() + min(m)))).not.toBeNull();
    // then 31 minutes of nothing
    expect(await readSession(t.db, sid, LIMITS, new Date(t0.getTime() + min(151)))).toBeNull();
    // and it is gone for good
    expect(await readSession(t.db, sid, LIMITS, new Date(t0.getTime() + min(121)))).toBeNull();
  });

  it('absolute lifetime: ends after maxHours whatever the activity', async () => {
    const inv = await activated();
    const t0 = new Date();
    const sid = await createSession(t.db, inv.id, LIMITS, t0);
    for (let m = 25; m < 24 * 60; m += 25)
      expect(await readSession(t.db, sid, LIMITS, new Date(t0.getTime() + min(m)))).not.toBeNull();
    expect(await readSession(t.db, sid, LIMITS, new Date(t0.getTime() + min(24 * 60) + 1000))).toBeNull();
  });

  it('sign out ends one session only; unknown and oversized ids read as none', async () => {
    const inv = await activated();
    const a = await createSession(t.db, inv.id, LIMITS);
    const b = await createSession(t.db, inv.id, LIMITS);
    await endSession(t.db, a);
    expect(await readSession(t.db, a, LIMITS)).toBeNull();
    expect(await readSession(t.db, b, LIMITS)).not.toBeNull();
    for (const bad of ['', 'x', 'y'.repeat(101), b.slice(1)]) expect(await readSession(t.db, bad, LIMITS)).toBeNull();
  });

  it('only the hash of a session id is stored; every session has its own CSRF token', async () => {
    const inv = await activated();
    const a = await createSession(t.db, inv.id, LIMITS);
    const b = await createSession(t.db, inv.id, LIMITS);
    const rows = await t.db.select().from(accountSessionsTable).where(eq(accountSessionsTable.accountId, inv.id));
    for (const r of rows) {
      expect(r.idHash).not.toBe(a);
      expect(r.idHash).not.toBe(b);
    }
    const [sa, sb] = [await readSession(t.db, a, LIMITS), await readSession(t.db, b, LIMITS)];
    expect(sa?.csrfToken).toBeTruthy();
    expect(sa?.csrfToken).not.toBe(sb?.csrfToken);
  });

  it('pruning deletes ended sessions and forgotten failures, nothing live', async () => {
    const inv = await activated();
    const now = new Date();
    const old = await createSession(t.db, inv.id, LIMITS, new Date(now.getTime() - 25 * 3_600_000));
    const live = await createSession(t.db, inv.id, LIMITS, now);
    const staleLogin = uniqueLogin('stale');
    const freshLogin = uniqueLogin('fresh');
    await recordLoginFailure(t.db, staleLogin, new Date(now.getTime() - 25 * 3_600_000));
    await recordLoginFailure(t.db, freshLogin, now);
    await pruneAccountTables(t.db, LIMITS, now);
    const sessions = await t.db.select().from(accountSessionsTable).where(eq(accountSessionsTable.accountId, inv.id));
    expect(sessions).toHaveLength(1);
    expect(await readSession(t.db, live, LIMITS, now)).not.toBeNull();
    expect(await readSession(t.db, old, LIMITS, now)).toBeNull();
    const keys = (await t.db.select().from(loginAttemptsTable)).map((r) => r.loginKey);
    expect(keys).not.toContain(staleLogin.toLowerCase());
    expect(keys).toContain(freshLogin.toLowerCase());
  });
});

describe('sign-in throttle per login', () => {
  it('the delays grow after the free failures, up to the cap', () => {
    expect([0, 1, 2].map((n) => delayAfter(n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => delayAfter(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(100)).toBe(MAX_DELAY_MS);
  });

  it('growing delays for one login; another login is not affected; case and spaces are one login', async () => {
    const login = uniqueLogin('Typo');
    const other = uniqueLogin('other');
    const t0 = new Date();
    const waits: number[] = [];
    for (let i = 1; i <= FREE_FAILURES + 4; i++) {
      const at = new Date(t0.getTime() + i * 1000);
      waits.push(await recordLoginFailure(t.db, i % 2 ? login : ` ${login.toUpperCase()} `, at));
    }
    expect(waits.slice(0, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill(0));
    for (let i = FREE_FAILURES; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
    const last = new Date(t0.getTime() + (FREE_FAILURES + 4) * 1000);
    expect(await loginWait(t.db, login, last)).toBe(waits.at(-1));
    expect(await loginWait(t.db, login.toLowerCase(), last)).toBe(waits.at(-1));
    // the wait runs out
    expect(await loginWait(t.db, login, new Date(last.getTime() + waits.at(-1)!))).toBe(0);
    // another login, same moment: free
    expect(await loginWait(t.db, other, last)).toBe(0);
    expect(await recordLoginFailure(t.db, other, last)).toBe(0);
  });

  it('a success forgets the failures; failures older than a day are forgotten too', async () => {
    const login = uniqueLogin('forget');
    const t0 = new Date();
    for (let i = 0; i < FREE_FAILURES + 2; i++) await recordLoginFailure(t.db, login, t0);
    expect(await loginWait(t.db, login, t0)).toBeGreaterThan(0);
    await clearLoginFailures(t.db, login);
    expect(await loginWait(t.db, login, t0)).toBe(0);
    expect(await recordLoginFailure(t.db, login, t0)).toBe(0);
    for (let i = 0; i < FREE_FAILURES + 2; i++) await recordLoginFailure(t.db, login, t0);
    expect(await recordLoginFailure(t.db, login, new Date(t0.getTime() + 25 * 3_600_000))).toBe(0);
  });

  it('redeeming an invitation clears the login’s failures', async () => {
    const inv = await invite();
    for (let i = 0; i < FREE_FAILURES + 1; i++) await recordLoginFailure(t.db, inv.login);
    expect(await loginWait(t.db, inv.login)).toBeGreaterThan(0);
    expect((await redeemInvitation(t.db, inv.token, GOOD)).ok).toBe(true);
    expect(await loginWait(t.db, inv.login)).toBe(0);
  });
});

describe('a subject going away takes its accounts along', () => {
  it('founder erasure: accounts disabled, signed out, login and name erased, keys revoked', async () => {
    const f = await ok(as('admin').post('/v1/founders', founderBody('要求删除的创业者', 'wx-erase', w.cA)), 201);
    const a1 = await activated({ role: 'founder', subjectId: f.id, displayName: '要求删除的创业者' });
    const a2 = await invite({ role: 'founder', subjectId: f.id });
    const other = await activated({ role: 'founder', subjectId: w.fA2 });
    const s1 = await createSession(t.db, a1.id, LIMITS);
    const sOther = await createSession(t.db, other.id, LIMITS);
    // the founder erases itself with its own key
    const key = await t.keyFor('founder', { subjectId: f.id });
    expect((await t.request('DELETE', `/v1/founders/${f.id}`, { key })).status).toBe(204);
    expect(await readSession(t.db, s1, LIMITS)).toBeNull();
    for (const id of [a1.id, a2.id]) {
      const r = await row(id);
      expect(r).toMatchObject({ status: 'disabled', displayName: null, passwordHash: null, invitationHash: null });
      expect(r.login).toBe(`erased-${id}`);
    }
    expect(await redeemInvitation(t.db, a2.token, GOOD)).toEqual({ ok: false, problem: 'invitation_invalid' });
    // the old login is free again, and nothing else was touched
    await ok(as('admin').post('/v1/accounts', { login: a1.login, role: 'admin' }), 201);
    expect(await readSession(t.db, sOther, LIMITS)).not.toBeNull();
    expect((await t.request('GET', '/v1/projects', { key })).status).toBe(401);
    const [erase] = await t.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.entityId, f.id), eq(auditTable.action, 'founder.erase')));
    expect((erase.detail as any).disabledAccounts.sort()).toEqual([a1.id, a2.id].sort());
    expect(JSON.stringify(erase.detail)).not.toContain(a1.login);
  });

  it.each(['mentor', 'investor'] as const)(
    '%s removal (with and without history): accounts disabled and signed out',
    async (kind) => {
      for (const withHistory of [false, true]) {
        const body =
          kind === 'mentor'
            ? mentorBody(`将被移除 ${withHistory}`, 'wx-rm')
            : {
                name: `将被移除 ${withHistory}`,
                kind: 'angel',
                thesis: '早期。',
                sectors: [],
                stages: [],
                ticketMinCny: 0,
                ticketMaxCny: 1_000_000,
                regionCodes: [],
                active: true,
              };
        const s = await ok(as('admin').post(`/v1/${kind}s`, body), 201);
        if (withHistory)
          await ok(
            as('founderA1').post('/v1/introductions', {
              projectId: w.pAv,
              targetKind: kind,
              targetId: s.id,
              message: '您好',
            }),
            201,
          );
        const acc = await activated({ role: kind, subjectId: s.id });
        const sid = await createSession(t.db, acc.id, LIMITS);
        expect((await as('admin').del(`/v1/${kind}s/${s.id}`)).status).toBe(204);
        expect(await readSession(t.db, sid, LIMITS)).toBeNull();
        const r = await row(acc.id);
        expect(r.status).toBe('disabled');
        expect(r.login).toBe(acc.login);
        const entries = await t.db.select().from(auditTable).where(eq(auditTable.entityId, s.id));
        expect((entries.find((e) => e.action === `${kind}.delete`)!.detail as any).disabledAccounts).toEqual([acc.id]);
        expectProblem(await as('admin').post(`/v1/accounts/${acc.id}/invitation`), 409);
      }
    },
  );
});
