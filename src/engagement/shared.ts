// Small pieces the engagement flows share: cursor pagination over UUIDv7 ids (the same cursor
// format as the resource lists), audit entries, uuid checks.
import { z } from 'zod';
import { auditTable } from '../../models/audit/table.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { badRequest } from '../errors.ts';
import type { Executor, Row } from '../resources/types.ts';

export const isUuid = (s: string) => z.uuid().safeParse(s).success;

export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id)) throw badRequest('Invalid cursor / 无效的分页游标', [{ path: 'cursor', message: 'not a cursor returned by this API' }]);
  return id;
}

/** The page of `rows` (fetched with limit + 1) and its next cursor. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1].id) : null };
}

export interface AuditEntry {
  action: string;
  entityKind: string;
  entityId: string;
  centerId?: string | null;
  detail?: Row;
}

export async function audit(db: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insert(auditTable).values(
    entries.map((e) => ({
      actor: actorLabel(actor), action: e.action, entityKind: e.entityKind, entityId: e.entityId,
      centerId: e.centerId ?? null, detail: e.detail ?? null,
    })),
  );
}
