/** SQLSTATE of a driver error (postgres.js and PGlite set `code`; drizzle wraps them in `cause`). */
export function pgErrorCode(e: unknown): string | undefined {
  for (let cur: any = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** Rows of a `db.execute()` result: postgres.js returns an array, PGlite `{ rows }`. */
export function resultRows<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
