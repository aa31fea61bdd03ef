// Console sessions: a random id in an HttpOnly cookie, only its SHA-256 in the database. Reading a
// session checks the account too, so disabling an account or issuing a new invitation (which deletes
// its sessions) signs the person out at once, on every process.
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Executor } from '../resources/types.ts';
import { accountSessionsTable, accountsTable } from '../../models/schema.ts';
import type { Actor } from '../auth/actor.ts';

export type AccountRow = typeof accountsTable.$inferSelect;

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export interface Session {
  account: AccountRow;
  actor: Actor;
  csrfToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** Activity is written at most once a minute: a page view should not always cost a write. */
const TOUCH_EVERY_MS = 60_000;

export function actorOf(account: Pick<AccountRow, 'id' | 'role' | 'subjectId' | 'centerId' | 'regionCode'>): Actor {
  return {
    role: account.role,
    keyId: null,
    accountId: account.id,
    subjectId: account.subjectId,
    centerId: account.centerId,
    regionCode: account.regionCode,
  };
}

/** A new session for the account; returns the cookie value (shown nowhere else). */
export async function createSession(db: Executor, accountId: string, limits: SessionLimits, now = new Date()) {
  const id = token();
  await db.insert(accountSessionsTable).values({
    idHash: sha256(id),
    accountId,
    csrfToken: token(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000),
  });
  return id;
}

/** The live session of a cookie value with its active account, or null (unknown, expired, idle, disabled). */
export async function readSession(
  db: Db,
  id: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<Session | null> {
  if (!id || id.length > 100) return null;
  const [row] = await db
    .select({ session: accountSessionsTable, account: accountsTable })
    .from(accountSessionsTable)
    .innerJoin(accountsTable, eq(accountsTable.id, accountSessionsTable.accountId))
    .where(eq(accountSessionsTable.idHash, sha256(id)))
    .limit(1);
  if (!row) return null;
  const { session, account } = row;
  const idleEnd = session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  if (account.status !== 'active' || session.expiresAt <= now || idleEnd <= now.getTime()) {
    await db.delete(accountSessionsTable).where(eq(accountSessionsTable.idHash, session.idHash));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(accountSessionsTable)
      .set({ lastSeenAt: now })
      .where(eq(accountSessionsTable.idHash, session.idHash));
  }
  return { account, actor: actorOf(account), csrfToken: session.csrfToken };
}

export async function endSession(db: Executor, id: string) {
  await db.delete(accountSessionsTable).where(eq(accountSessionsTable.idHash, sha256(id)));
}

/** Ends every session of an account (disabled, new invitation, password changed). */
export async function endAccountSessions(db: Executor, accountId: string) {
  await db.delete(accountSessionsTable).where(eq(accountSessionsTable.accountId, accountId));
}

/** Deletes sessions past their end (called by the table upkeep; reads check the ends anyway). */
export async function pruneSessions(db: Executor, limits: SessionLimits, now = new Date()) {
  const idleCutoff = new Date(now.getTime() - limits.idleMinutes * 60_000);
  await db
    .delete(accountSessionsTable)
    .where(or(lt(accountSessionsTable.expiresAt, now), lt(accountSessionsTable.lastSeenAt, idleCutoff)));
}
