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

/** Driver errors that mean "the database cannot be reached", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // SQLSTATE: too many connections, shutdown, cannot connect now
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: any = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
    const code = typeof cur.code === 'string' ? cur.code : undefined;
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (Array.isArray(cur.errors) && cur.errors.some((x: unknown) => isDatabaseUnavailable(x))) return true; // AggregateError (IPv4 + IPv6)
  }
  return false;
}

export const DEADLOCK_DETECTED = '40P01';
export const SERIALIZATION_FAILURE = '40001';

/**
 * Runs a transaction again when PostgreSQL aborted it as a deadlock victim (or a serialization
 * failure): a write racing the embedding worker's store (which locks `embeddings` before the entity
 * row, where a write locks the entity row first) loses nothing and is retried whole; the aborted
 * attempt was rolled back. A few attempts with a short random pause, then the error stands.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const code = pgErrorCode(e);
      if (attempt >= attempts || (code !== DEADLOCK_DETECTED && code !== SERIALIZATION_FAILURE)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
