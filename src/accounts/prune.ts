// Sessions past their end and failed sign-ins old enough to be forgotten are deleted now and then
// (every read checks the ends anyway: this only keeps the tables small). Every process may run it.
import { lt } from 'drizzle-orm';
import { loginAttemptsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { pruneSessions, type SessionLimits } from './sessions.ts';
import { FORGET_AFTER_MS } from './throttle.ts';

export const PRUNE_EVERY_MS = 15 * 60_000;

export async function pruneAccountTables(db: Db, limits: SessionLimits, now = new Date()): Promise<void> {
  await pruneSessions(db, limits, now);
  // A block lasts at most MAX_DELAY_MS after the last failure, far less than FORGET_AFTER_MS.
  await db
    .delete(loginAttemptsTable)
    .where(lt(loginAttemptsTable.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}

/** Prunes every `intervalMs`, one pass at a time; `stop` waits for a pass under way. */
export function schedulePrune(db: Db, limits: SessionLimits, logger: Logger, intervalMs = PRUNE_EVERY_MS) {
  let pass: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    pass = pruneAccountTables(db, limits)
      .catch((err) => logger.warn({ err }, 'pruning sessions failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pass;
    },
  };
}
