// Sign-in throttling per login: after a few failures each further attempt waits longer (1 s, 2 s, 4 s …
// up to 15 min). Keyed by the lower-cased login whether or not an account has it (so the delay does
// not reveal which logins exist), never by network address: one person's typos block nobody else,
// and a whole county behind one NAT address can still sign in.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../resources/types.ts';
import { loginAttemptsTable } from '../../models/schema.ts';

export const FREE_FAILURES = 3;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures this old are forgotten. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

export const loginKey = (login: string) => login.trim().normalize('NFC').toLowerCase().slice(0, 200);

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/** Milliseconds the login must still wait before its next attempt (0: it may try now). */
export async function loginWait(db: Executor, login: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select()
    .from(loginAttemptsTable)
    .where(eq(loginAttemptsTable.loginKey, loginKey(login)));
  if (!row?.blockedUntil) return 0;
  return Math.max(0, row.blockedUntil.getTime() - now.getTime());
}

/** Counts a failed attempt and sets the next allowed time; returns that wait. */
export async function recordLoginFailure(db: Executor, login: string, now = new Date()): Promise<number> {
  const key = loginKey(login);
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const [row] = await db
    .insert(loginAttemptsTable)
    .values({ loginKey: key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginAttemptsTable.loginKey,
      set: {
        // A Date inside sql`` is not serialised by postgres.js (only column-typed values are): ISO text, cast.
        failures: sql`case when ${loginAttemptsTable.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginAttemptsTable.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginAttemptsTable.failures });
  const wait = delayAfter(row.failures);
  await db
    .update(loginAttemptsTable)
    .set({ blockedUntil: wait ? new Date(now.getTime() + wait) : null })
    .where(eq(loginAttemptsTable.loginKey, key));
  return wait;
}

export async function clearLoginFailures(db: Executor, login: string) {
  await db.delete(loginAttemptsTable).where(eq(loginAttemptsTable.loginKey, loginKey(login)));
}
