// One drizzle database type over two drivers: embedded PGlite (default, with pgvector) or
// postgres.js to a real PostgreSQL when DATABASE_URL is set.
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from '../../models/schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (delivered at commit) and `onListen` each time the
   * listener (re)connects: notifications sent while it was down are lost, so callers treat a
   * reconnect as "anything may have changed". Resolves to the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; absent → embedded PGlite. */
  url?: string;
  /** PGlite data folder; absent → in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
}

export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      // No parallel query for the service's own statements: concurrent requests already use the
      // cores, and on small machines starting workers cost more than they saved (BENCHMARKS.md, scale).
      // A string: postgres.js drops falsy startup parameters, so a numeric 0 was never sent.
      // No JIT either: the statistics' day queries are estimated above jit_above_cost but run in tens of
      // ms, and compiling them took ~1 s each (EXPLAIN ANALYZE at 100k founders: 2.7 s of JIT).
      connection: { max_parallel_workers_per_gather: '0', jit: 'off' },
    });
    const db = drizzle({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async listen(channel, onNotify, onListen) {
        // postgres.js keeps one extra connection for all listeners and re-subscribes after a reconnect.
        const { unlisten } = await client.listen(channel, onNotify, onListen);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create(opts.dataDir, { extensions: { vector } });
  return pgliteDatabase(client, drizzle);
}

/** The Database over an open PGlite instance (also for tests that create PGlite from a snapshot). */
export function pgliteDatabase(
  client: import('@electric-sql/pglite').PGlite,
  drizzle: typeof import('drizzle-orm/pglite')['drizzle'],
): Database {
  let closing: Promise<void> | undefined;
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    kind: 'pglite',
    async listen(channel, onNotify, onListen) {
      const unlisten = await client.listen(channel, onNotify);
      onListen?.();
      return () => unlisten();
    },
    // Idempotent (a service closed at shutdown may be closed again by its owner): PGlite throws on a second close.
    close: () => (closing ??= client.close()),
  };
}
