// Building blocks of the per-resource policies (who reads and writes what; shared/API.md "Auth and visibility").
import { and, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import type { ReadContext, ResourcePolicy, Row, WriteOp } from './types.ts';

type Scope = ResourcePolicy['scope'];

/**
 * A scope without archived rows (deleted with history, src/resources/retire.ts) for everyone but
 * admins: to the others an archived record is 404 like a deleted one, in every list and side door.
 */
export function hideArchived(archivedAt: PgColumn, scope: Scope): Scope {
  return (actor) => {
    const s = scope(actor);
    if (isAdmin(actor) || s === 'none') return s;
    return s === 'all' ? isNull(archivedAt) : (and(isNull(archivedAt), s) as SQL);
  };
}

export const ADMIN_ONLY = 'only admins may do this / 仅管理员可执行此操作';

/**
 * Mentors and investors: a directory every authenticated role but region_admin reads (a region_admin
 * reads figures, never personal records: the directory names people); admins manage it, the party
 * itself edits its own profile. Its `contact` shows to admins, itself and center staff, and to a
 * founder only after it accepted an introduction for one of the founder's projects.
 */
export function directoryPolicy(selfRole: 'mentor' | 'investor', archivedAt: PgColumn): ResourcePolicy {
  return {
    scope: hideArchived(archivedAt, (actor) => (actor.role === 'region_admin' ? 'none' : 'all')),
    checkWrite(actor: Actor, op: WriteOp, before: Row | null) {
      if (isAdmin(actor)) return null;
      if (op === 'update' && actor.role === selfRole && before?.id === actor.subjectId) return null;
      return op === 'update' && actor.role === selfRole
        ? `a ${selfRole} may only edit its own profile / 只能修改自己的资料`
        : ADMIN_ONLY;
    },
    async hidden(ctx: ReadContext, row: Row) {
      const a = ctx.actor;
      if (isAdmin(a) || a.role === 'center_staff' || (a.role === selfRole && a.subjectId === row.id)) return [];
      if (a.role === 'founder' && (await ctx.revealedContacts()).has(row.id)) return [];
      return ['contact'];
    },
  };
}

/** Center staff create in their own center unless the body names one. */
export const defaultToOwnCenter = (actor: Actor, body: Row): Row =>
  actor.role === 'center_staff' && body.centerId === undefined ? { ...body, centerId: actor.centerId } : body;

/** Center staff may only change records of their own center, and may not move them elsewhere. */
export function staffOwnCenterOnly(
  actor: Actor,
  before: Row | null,
  after: Row | null,
  what: { zh: string; en: string },
): string | null {
  if (before && !isStaffOf(actor, before.centerId))
    return `${what.en} belongs to another center / 该${what.zh}属于其他双创中心`;
  if (after && !isStaffOf(actor, after.centerId))
    return `center staff manage ${what.en}s of their own center only / 只能管理本中心的${what.zh}`;
  return null;
}
