// Reading the audit log (GET /v1/audit): admins read everything, center staff the entries of their
// own center, without ids of (or details about) records they could not read by id (redact.ts);
// nobody else reads it (404, the endpoint is out of their scope). Entries are written
// where the audited change happens, in its transaction (vetting, keys, weights, introductions,
// contact reveals, consent, erasure, exports).
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
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
  actor: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('who acted, as entries name it: `account:<id>`, `key:<id>`, `admin:env` or `system`'),
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

/** The conditions of a listing (scope and filters); throws 404 when the actor reads no audit log. */
function auditWhere(actor: Actor, q: AuditFilters): (SQL | undefined)[] {
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
  if (q.actor) conds.push(eq(a.actor, q.actor));
  if (q.centerId) conds.push(eq(a.centerId, q.centerId));
  if (q.since) conds.push(gte(a.createdAt, new Date(q.since)));
  if (q.until) conds.push(lt(a.createdAt, new Date(q.until)));
  return conds;
}

/**
 * A page of entries, oldest first (the API), or newest first (`newestFirst`: the console's log,
 * where the cursor then continues backwards).
 */
export async function listAudit(
  db: Db,
  actor: Actor,
  q: AuditFilters & { limit: number; cursor?: string; newestFirst?: boolean },
) {
  const conds = auditWhere(actor, q);
  // Ids are UUIDv7 (time-ordered): the same id cursor as every other list.
  if (q.cursor) conds.push((q.newestFirst ? lt : gt)(a.id, decodeCursor(q.cursor)));
  const rows = await db
    .select(view)
    .from(a)
    .where(and(...conds))
    .orderBy(q.newestFirst ? desc(a.id) : asc(a.id))
    .limit(q.limit + 1);
  const p = page(rows as AuditEntryView[], q.limit);
  return { items: await redactEntries(db, actor, p.items), nextCursor: p.nextCursor };
}

/** How many entries the listing with these filters holds for the actor (the total beside a page). */
export async function countAudit(db: Db, actor: Actor, q: AuditFilters): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(a)
    .where(and(...auditWhere(actor, q)));
  return r.n;
}

/** Who acted in the actor's audit log (the choices of the console's "by" filter), at most `limit`. */
export async function auditActors(db: Db, actor: Actor, limit = 200): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actor: a.actor })
    .from(a)
    .where(and(...auditWhere(actor, {})))
    .orderBy(asc(a.actor))
    .limit(limit);
  return rows.map((r) => r.actor);
}
