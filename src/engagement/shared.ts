// Small pieces the engagement flows share: cursor pagination over UUIDv7 ids (the same cursor
// format as the resource lists) and uuid checks.
import { z } from 'zod';
import { badRequest } from '../errors.ts';

export const isUuid = (s: string) => z.uuid().safeParse(s).success;

export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id))
    throw badRequest('Invalid cursor / 无效的分页游标', [
      { path: 'cursor', message: 'not a cursor returned by this API' },
    ]);
  return id;
}

/** The page of `rows` (fetched with limit + 1) and its next cursor. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1].id) : null };
}
