// Reading the audit log (GET /v1/audit): admins read everything, center staff the entries of their
// own center, without ids of (or details about) records they could not read by id (redact.ts);
// nobody else reads it (404, the endpoint is out of their scope). Entries are written
// where the audited change happens, in its transaction (vetting, keys, weights, introductions,
// contact reveals, consent, erasure, exports).
import { and, asc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditTable } from '../../models/audit/table.ts';
import { isoDateTime } from '../../models/common/validation.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, page } from '../engagement/shared.ts';
import { redactEntries } from './redact.ts';

export const auditFiltersSchema = z.object({
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('exact action (e.g. `project.status`), or a prefix ending in `.*` (e.g. `introduction.*`)'),
  entityKind: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe('kind of the entity the entry is about (project, founder, api_key, center, introduction, …)'),
  entityId: z.string().trim().min(1).max(200).optional().describe("the entity's id"),
  centerId: z
    .uuid()
    .optional()
    .describe('entries of this center (admins; center staff always see their own center only)'),
  since: isoDateTime().optional().describe('entries at or after this instant (ISO-8601)'),
  until: isoDateTime().optional().describe('entries before this instant (ISO-8601)'),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export interface AuditEntryView {
  id: string;
  actor: string;
  action: string;
  entityKind: string;
  entityId: string | null;
  centerId: string | null;
  detail: unknown;
  createdAt: Date;
}

const a = auditTable;
const view = {
  id: a.id,
  actor: a.actor,
  action: a.action,
  entityKind: a.entityKind,
  entityId: a.entityId,
  centerId: a.centerId,
  detail: a.detail,
  createdAt: a.createdAt,
};

/** The entries the actor may read: a condition, `'all'`, or null (the endpoint is out of scope). */
export function auditScope(actor: Actor): SQL | 'all' | null {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'center_staff' && actor.centerId) return eq(a.centerId, actor.centerId);
  return null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export async function listAudit(db: Db, actor: Actor, q: AuditFilters & { limit: number; cursor?: string }) {
  const scope = auditScope(actor);
  if (scope === null) throw notFound('resource');
  const conds: (SQL | undefined)[] = [scope === 'all' ? undefined : scope];
  if (q.action) {
    conds.push(
      q.action.endsWith('.*')
        ? sql`${a.action} like ${`${escapeLike(q.action.slice(0, -1))}%`}`
        : eq(a.action, q.action),
    );
  }
  if (q.entityKind) conds.push(eq(a.entityKind, q.entityKind));
  if (q.entityId) conds.push(eq(a.entityId, q.entityId));
  if (q.centerId) conds.push(eq(a.centerId, q.centerId));
  if (q.since) conds.push(gte(a.createdAt, new Date(q.since)));
  if (q.until) conds.push(lt(a.createdAt, new Date(q.until)));
  // Ids are UUIDv7 (time-ordered): the same id cursor as every other list.
  if (q.cursor) conds.push(gt(a.id, decodeCursor(q.cursor)));
  const rows = await db
    .select(view)
    .from(a)
    .where(and(...conds))
    .orderBy(asc(a.id))
    .limit(q.limit + 1);
  const p = page(rows as AuditEntryView[], q.limit);
  return { items: await redactEntries(db, actor, p.items), nextCursor: p.nextCursor };
}
