// Accounts (shared/API.md "People: accounts and sign-in"): people who sign in to the console, each with
// one role and binding exactly as an API key (the same check, src/auth/binding.ts). No HTTP here: the
// /v1/accounts routes and the console both call these functions.
// Rules:
// - admins create and manage every account; center staff the founder and center_staff accounts of
//   their own center (a founder account belongs to the center of its founder, whichever that is now);
//   everybody else: 403 on create and list, 404 on any account id but its own (which it may read);
// - creating returns the one-time invitation link; a new link clears the password and ends every
//   session; disabling clears password and link and ends every session at once;
// - only public fields leave this module (never the password or invitation hashes);
// - every change is audited (account.created, account.invited, account.disabled).
import { and, asc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { accountSessionsTable, accountsTable, foundersTable } from '../../models/schema.ts';
import { normalizeLogin, type AccountCreate, type AccountListQuery } from '../../models/accounts/validation.ts';
import type { Role } from '../../models/enums.ts';
import { actorLabel, isAdmin, type Actor } from '../auth/actor.ts';
import { checkBinding } from '../auth/binding.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { pgErrorCode, UNIQUE_VIOLATION } from '../db/errors.ts';
import { qualified } from '../db/sql.ts';
import { decodeCursor, isUuid, page } from '../engagement/shared.ts';
import { conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import type { Executor, Tx } from '../resources/types.ts';
import { newInvitation } from './invitations.ts';

const a = accountsTable;

/** What any caller may see of an account. */
export const accountColumns = {
  id: a.id,
  login: a.login,
  displayName: a.displayName,
  role: a.role,
  subjectId: a.subjectId,
  centerId: a.centerId,
  regionCode: a.regionCode,
  lang: a.lang,
  status: a.status,
  invitationExpiresAt: a.invitationExpiresAt,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
};

export type PublicAccount = Pick<typeof accountsTable.$inferSelect, keyof typeof accountColumns>;

export interface Invitation {
  /** `/app/invite/<token>`: shown once. */
  url: string;
  expiresAt: Date;
}

export interface InvitationOptions {
  ttlHours: number;
  now?: Date;
}

/** Roles center staff may create and manage accounts for. */
const STAFF_MANAGED: readonly Role[] = ['founder', 'center_staff'];

const managesAccounts = (actor: Actor) => isAdmin(actor) || (actor.role === 'center_staff' && !!actor.centerId);

/**
 * A founder account belongs to the center of its founder. The center's founders come first (an index
 * on founders.center_id), so the condition never reads every founder.
 */
const founderOfCenter = (centerId: string) =>
  sql`${qualified(a.subjectId)} in (select f.id::text from ${foundersTable} f where f.center_id = ${centerId})`;

/** Accounts the actor manages, as a condition on `accounts`. */
export function accountScope(actor: Actor): SQL | 'all' | 'none' {
  if (isAdmin(actor)) return 'all';
  if (actor.role === 'center_staff' && actor.centerId)
    return or(
      and(eq(a.role, 'center_staff'), eq(a.centerId, actor.centerId)),
      and(eq(a.role, 'founder'), founderOfCenter(actor.centerId)),
    )!;
  return 'none';
}

/** The actor's scope, widened to its own account (every account reads itself): what a GET by id shows. */
export function accountReadScope(actor: Actor): SQL | 'all' | 'none' {
  const scope = accountScope(actor);
  if (scope === 'all' || !actor.accountId) return scope;
  const self = eq(a.id, actor.accountId);
  return scope === 'none' ? self : or(scope, self)!;
}

const cond = (scope: SQL | 'all' | 'none'): SQL | undefined =>
  scope === 'all' ? undefined : scope === 'none' ? sql`false` : scope;

const loginTaken = () =>
  conflict('This login is taken / 该登录名已被使用', [
    { path: 'login', message: 'taken (logins are compared case-insensitively) / 已被使用（不区分大小写）' },
  ]);

/** The center an account's audit entries belong to: its own, or its founder's. */
async function auditCenter(db: Executor, row: { role: Role; subjectId: string | null; centerId: string | null }) {
  if (row.centerId) return row.centerId;
  if (row.role !== 'founder' || !row.subjectId || !isUuid(row.subjectId)) return null;
  const [f] = await db
    .select({ centerId: foundersTable.centerId })
    .from(foundersTable)
    .where(eq(foundersTable.id, row.subjectId))
    .limit(1);
  return f?.centerId ?? null;
}

/** Creates an invited account and its one-time invitation link. */
export async function createAccount(
  db: Db,
  actor: Actor,
  body: AccountCreate,
  opts: InvitationOptions,
): Promise<PublicAccount & { invitation: Invitation }> {
  if (!managesAccounts(actor))
    throw forbidden('only admins and center staff create accounts / 仅管理员和双创中心工作人员可创建账号');
  const staff = !isAdmin(actor);
  if (staff && !STAFF_MANAGED.includes(body.role))
    throw forbidden(
      'center staff create founder and center staff accounts only / 双创中心工作人员只能创建创业者和本中心工作人员账号',
    );
  // Center staff create staff accounts of their own center: the center is theirs unless named, and
  // naming another is refused.
  const centerId = staff && body.role === 'center_staff' ? (body.centerId ?? actor.centerId) : body.centerId;
  if (staff && body.role === 'center_staff' && centerId !== actor.centerId)
    throw forbidden('center staff create accounts of their own center only / 只能创建本中心的账号');
  if (body.role === 'center_staff' && !centerId)
    throw unprocessable([{ path: 'centerId', message: 'center_staff accounts need a centerId' }]);
  const binding = await checkBinding(db, {
    role: body.role,
    subjectId: body.subjectId,
    centerId,
    regionCode: body.regionCode,
  });
  // A founder of another center is as unknown to center staff as one that does not exist.
  if (staff && body.role === 'founder' && binding.subjectCenterId !== actor.centerId)
    throw unprocessable([{ path: 'subjectId', message: 'unknown founder / founder 不存在' }]);
  const login = normalizeLogin(body.login);
  const [taken] = await db.select({ id: a.id }).from(a).where(sql`lower(${a.login}) = lower(${login})`).limit(1);
  if (taken) throw loginTaken();
  const now = opts.now ?? new Date();
  const invitation = newInvitation(opts.ttlHours, now);
  try {
    const account = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(a)
        .values({
          login,
          displayName: body.displayName ?? null,
          role: body.role,
          subjectId: binding.subjectId,
          centerId: binding.centerId,
          regionCode: binding.regionCode,
          lang: body.lang ?? 'zh',
          status: 'invited',
          ...invitation.columns,
          createdBy: actorLabel(actor),
          createdAt: now,
          updatedAt: now,
        })
        .returning(accountColumns);
      await audit(tx, actor, [
        {
          action: 'account.created',
          entityKind: 'account',
          entityId: row.id,
          centerId: row.centerId ?? binding.subjectCenterId,
          // No login: it is often a phone number, and the audit log outlives an erasure.
          detail: {
            role: row.role,
            subjectId: row.subjectId,
            regionCode: row.regionCode,
            invitationExpiresAt: invitation.expiresAt.toISOString(),
          },
        },
      ]);
      return row;
    });
    return { ...account, invitation: { url: invitation.url, expiresAt: invitation.expiresAt } };
  } catch (err) {
    // A concurrent creation with the same login won the unique index.
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw loginTaken();
    throw err;
  }
}

/** The accounts the actor manages, oldest first, by cursor. */
export async function listAccounts(
  db: Db,
  actor: Actor,
  q: Partial<AccountListQuery> = {},
): Promise<{ items: PublicAccount[]; nextCursor: string | null }> {
  const scope = accountScope(actor);
  if (scope === 'none')
    throw forbidden('only admins and center staff list accounts / 仅管理员和双创中心工作人员可查看账号列表');
  const limit = q.limit ?? 50;
  const rows = await db
    .select(accountColumns)
    .from(a)
    .where(
      and(
        cond(scope),
        q.role ? eq(a.role, q.role) : undefined,
        q.status ? eq(a.status, q.status) : undefined,
        q.subjectId ? eq(a.subjectId, q.subjectId) : undefined,
        q.centerId ? eq(a.centerId, q.centerId) : undefined,
        q.cursor ? gt(a.id, decodeCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(asc(a.id))
    .limit(limit + 1);
  return page(rows, limit);
}

/** One account: 404 unless the actor manages it or it is the actor's own. */
export async function getAccount(db: Executor, actor: Actor, id: string): Promise<PublicAccount> {
  if (!isUuid(id)) throw notFound('account');
  const [row] = await db
    .select(accountColumns)
    .from(a)
    .where(and(eq(a.id, id), cond(accountReadScope(actor))))
    .limit(1);
  if (!row) throw notFound('account');
  return row;
}

/** The account, row-locked, if the actor manages it: 404 outside its scope, 403 for its own otherwise. */
async function lockManaged(tx: Tx, actor: Actor, id: string) {
  await getAccount(tx, actor, id);
  const [row] = await tx
    .select()
    .from(a)
    .where(and(eq(a.id, id), cond(accountScope(actor))))
    .for('update')
    .limit(1);
  if (!row) throw forbidden('only admins and center staff manage accounts / 仅管理员和双创中心工作人员可管理账号');
  return row;
}

/**
 * A new invitation link for the account (a forgotten password, a lost link): the password is cleared,
 * the account is `invited` again and every session ends, so the old password and sessions stop
 * working at once. 409 when the person it is bound to no longer exists (erased, removed).
 */
export async function reissueInvitation(
  db: Db,
  actor: Actor,
  id: string,
  opts: InvitationOptions,
): Promise<PublicAccount & { invitation: Invitation }> {
  const now = opts.now ?? new Date();
  const invitation = newInvitation(opts.ttlHours, now);
  return db.transaction(async (tx) => {
    const before = await lockManaged(tx, actor, id);
    try {
      await checkBinding(tx, before);
    } catch {
      throw conflict('The person or center this account is for no longer exists / 该账号对应的人员或中心已不存在');
    }
    const [row] = await tx
      .update(a)
      .set({ status: 'invited', passwordHash: null, ...invitation.columns, updatedAt: now })
      .where(eq(a.id, id))
      .returning(accountColumns);
    const endedSessions = await endSessions(tx, [id]);
    await audit(tx, actor, [
      {
        action: 'account.invited',
        entityKind: 'account',
        entityId: id,
        centerId: await auditCenter(tx, row),
        detail: {
          previousStatus: before.status,
          endedSessions,
          invitationExpiresAt: invitation.expiresAt.toISOString(),
        },
      },
    ]);
    return { ...row, invitation: { url: invitation.url, expiresAt: invitation.expiresAt } };
  });
}

/** Disables the account: password and link cleared, every session ended at once. Idempotent. */
export async function disableAccount(db: Db, actor: Actor, id: string, now = new Date()): Promise<PublicAccount> {
  return db.transaction(async (tx) => {
    const before = await lockManaged(tx, actor, id);
    // Nobody locks themselves out (the last admin could not be brought back without the database).
    if (actor.accountId === id)
      throw conflict('You cannot disable your own account / 不能停用自己的账户', [
        { path: 'id', message: 'your own account / 本人账户' },
      ]);
    const [row] = await tx
      .update(a)
      .set({ status: 'disabled', passwordHash: null, invitationHash: null, invitationExpiresAt: null, updatedAt: now })
      .where(eq(a.id, id))
      .returning(accountColumns);
    const endedSessions = await endSessions(tx, [id]);
    if (before.status !== 'disabled' || endedSessions)
      await audit(tx, actor, [
        {
          action: 'account.disabled',
          entityKind: 'account',
          entityId: id,
          centerId: await auditCenter(tx, row),
          detail: { previousStatus: before.status, endedSessions },
        },
      ]);
    return row;
  });
}

async function endSessions(tx: Executor, accountIds: string[]): Promise<number> {
  if (!accountIds.length) return 0;
  const ended = await tx
    .delete(accountSessionsTable)
    .where(inArray(accountSessionsTable.accountId, accountIds))
    .returning({ id: accountSessionsTable.accountId });
  return ended.length;
}

/**
 * The subject of these accounts went away (a founder erased, a mentor or investor removed): they are
 * disabled and signed out in the caller's transaction. An erasure also replaces the login and display
 * name (personal data: often a phone number) by `erased-<id>`. Returns the accounts' ids.
 */
export async function disableSubjectAccounts(
  tx: Executor,
  role: 'founder' | 'mentor' | 'investor',
  subjectId: string,
  opts: { erase?: boolean; now?: Date } = {},
): Promise<string[]> {
  const now = opts.now ?? new Date();
  const of = and(eq(a.role, role), eq(a.subjectId, subjectId));
  const rows = await tx
    .update(a)
    .set({
      status: 'disabled',
      passwordHash: null,
      invitationHash: null,
      invitationExpiresAt: null,
      updatedAt: now,
      ...(opts.erase ? { login: sql`'erased-' || ${qualified(a.id)}::text`, displayName: null } : {}),
    })
    .where(opts.erase ? of : and(of, ne(a.status, 'disabled')))
    .returning({ id: a.id });
  const ids = rows.map((r) => r.id);
  await endSessions(tx, ids);
  return ids;
}
