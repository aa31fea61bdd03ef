// Where the daily snapshot runs (src/statistics/snapshots.ts): a BullMQ job scheduler with Redis
// (one job a day whichever process takes it; `npm run worker` processes take them too), an
// in-process timer without. Either way, at start a missed yesterday is caught up.
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { bullmqSnapshots } from './bullmq.ts';
import { timerSnapshots } from './timer.ts';

export interface SnapshotScheduler {
  readonly kind: 'off' | 'timer' | 'bullmq';
  /** Settles when the start-up catch-up is done (or queued, with BullMQ). */
  readonly ready: Promise<void>;
  /** Stops the timer or worker and waits for a snapshot under way: true when it finished within `timeoutMs`. */
  close(timeoutMs?: number): Promise<boolean>;
}

/** "HH:MM" → the cron fields and the minutes after midnight. */
export function parseTimeOfDay(at: string): { hour: number; minute: number } {
  const [h, m] = at.split(':').map(Number);
  return { hour: h!, minute: m! };
}

export function startSnapshotScheduler(
  config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'QUEUE_LOCK_MS' | 'STATS_SNAPSHOT' | 'STATS_SNAPSHOT_AT'>,
  db: Db,
  logger: Logger,
): SnapshotScheduler {
  if (config.STATS_SNAPSHOT === 'off') return { kind: 'off', ready: Promise.resolve(), close: async () => true };
  const at = parseTimeOfDay(config.STATS_SNAPSHOT_AT);
  return config.REDIS_URL
    ? bullmqSnapshots(db, logger, {
        url: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        lockMs: config.QUEUE_LOCK_MS,
        worker: true,
        at,
      })
    : timerSnapshots(db, logger, { at });
}
