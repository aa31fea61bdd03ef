// Invitation links: `/app/invite/<token>`, random 256 bits, only the SHA-256 stored, valid for
// INVITATION_TTL_HOURS. Redeeming one sets the password and activates the account; issuing a new one
// (src/accounts/accounts.ts) clears the old password and ends every session first.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accountsTable } from '../../models/schema.ts';
import { audit } from '../audit/record.ts';
import { hashPassword, passwordProblem, type PasswordProblem } from './passwords.ts';
import { actorOf, type AccountRow } from './sessions.ts';
import { clearLoginFailures } from './throttle.ts';

export const INVITE_PATH = '/app/invite/';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashInvitation = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh token, the columns that store it, and the path shown once to whoever invited. */
export function newInvitation(ttlHours: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  return {
    url: `${INVITE_PATH}${token}`,
    expiresAt,
    columns: { invitationHash: hashInvitation(token), invitationExpiresAt: expiresAt },
  };
}

const valid = (token: string, now: Date) =>
  and(
    eq(accountsTable.invitationHash, hashInvitation(token)),
    gt(accountsTable.invitationExpiresAt, now),
    ne(accountsTable.status, 'disabled'),
  );

/** The account a token invites, or null (unknown, used, expired, disabled): the page says only "not valid". */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<AccountRow | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db.select().from(accountsTable).where(valid(token, now)).limit(1);
  return row ?? null;
}

export type RedeemResult =
  | { ok: true; account: AccountRow }
  | { ok: false; problem: PasswordProblem | 'invitation_invalid' };

/** Sets the password of the invited account and activates it; the token works once. */
export async function redeemInvitation(
  db: Db,
  token: string,
  password: string,
  now = new Date(),
): Promise<RedeemResult> {
  const account = await findInvitation(db, token, now);
  if (!account) return { ok: false, problem: 'invitation_invalid' };
  const problem = passwordProblem(password, account.login);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // The conditional update is the single use: of two concurrent submissions only one matches.
    const [updated] = await tx
      .update(accountsTable)
      .set({ passwordHash, status: 'active', invitationHash: null, invitationExpiresAt: null, updatedAt: now })
      .where(valid(token, now))
      .returning();
    if (!updated) return { ok: false as const, problem: 'invitation_invalid' as const };
    await clearLoginFailures(tx, updated.login);
    await audit(tx, actorOf(updated), [
      { action: 'account.activated', entityKind: 'account', entityId: updated.id, centerId: updated.centerId },
    ]);
    return { ok: true as const, account: updated };
  });
}
