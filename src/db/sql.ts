// SQL fragments shared by query builders.
import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A column always qualified with its table: drizzle renders a column interpolated into the select
 * list unqualified (`"id"`), which inside a correlated subquery would bind to the subquery's table.
 * SQL fragments and plain values pass through unchanged.
 */
export const qualified = (v: PgColumn | SQL | string): SQL =>
  typeof v === 'object' && 'table' in v
    ? sql`${sql.identifier(getTableName(v.table))}.${sql.identifier(v.name)}`
    : sql`${v}`;

/** A uuid[] literal: one parameter whatever the list's length (a list of n parameters is planned anew for every n). */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** `col = any($1::uuid[])`: membership in a list of ids as one parameter (cheaper to build, send and plan than IN ($1…$n)). */
export const idIn = (col: PgColumn, ids: readonly string[]): SQL => sql`${col} = any(${uuidArray(ids)}::uuid[])`;

/** A text[] value of any words as one parameter (`::text[]`): each element quoted and escaped. */
export const textArray = (words: Iterable<string>): SQL =>
  sql`${`{${[...words].map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;

/** An array column as read from a raw query: postgres.js parses text[]/float8[], PGlite may hand back the literal. */
export function arrayValue(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v.length < 2) return [];
  return v
    .slice(1, -1)
    .split(',')
    .filter(Boolean)
    .map((x) => x.replace(/^"(.*)"$/, '$1'));
}
