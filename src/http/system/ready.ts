// Readiness, apart from liveness: /health says the process answers; /ready says it should be sent
// traffic — the database answers, every migration is applied, and the process is not shutting down.
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/client.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { Logger } from '../../logger.ts';
import { withTimeout } from '../../timeout.ts';

/** Set once a shutdown begins (src/main.ts, Service.close): /ready answers 503 from then on. */
export interface Lifecycle {
  shuttingDown: boolean;
}

/** How long the database may take to answer a readiness check. */
export const READY_DB_TIMEOUT_MS = 2000;

export type CheckResult = 'ok' | 'shutting down' | 'unreachable' | 'timeout' | 'not checked' | `${number} pending`;

export interface Readiness {
  ok: boolean;
  checks: { shutdown: CheckResult; database: CheckResult; migrations: CheckResult };
}

export async function readiness(database: Database, lifecycle: Lifecycle, logger: Logger): Promise<Readiness> {
  const shutdown: CheckResult = lifecycle.shuttingDown ? 'shutting down' : 'ok';
  let failure: unknown;
  const probe = database.db.execute(sql`select 1`).then(
    () => 'ok' as const,
    (e: unknown) => {
      failure = e;
      return 'unreachable' as const;
    },
  );
  const reachable: CheckResult = (await withTimeout(probe, READY_DB_TIMEOUT_MS)) ? await probe : 'timeout';
  let migrations: CheckResult = 'not checked';
  if (reachable === 'ok') {
    try {
      const n = await pendingMigrations(database);
      migrations = n === 0 ? 'ok' : `${n} pending`;
    } catch (e) {
      failure = e;
      migrations = 'unreachable';
    }
  }
  if (failure) logger.warn({ err: failure }, 'readiness: the database check failed');
  const checks = { shutdown, database: reachable, migrations };
  return { ok: Object.values(checks).every((v) => v === 'ok'), checks };
}

/** While shutting down, responses say `Connection: close`, so keep-alive clients move to another process. */
export function closeConnectionsWhenStopping(lifecycle: Lifecycle): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (lifecycle.shuttingDown) c.header('Connection', 'close');
  };
}
