// With REDIS_URL: a BullMQ job scheduler (`upsertJobScheduler`, idempotent, so every process may
// upsert it at start) adds one job a day at the time of day in Asia/Shanghai; whichever worker takes
// it snapshots the day before the job's scheduled time. The catch-up is a job of its own with a job
// id per day, so processes starting together queue it once.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { snapshotDayAt } from '../../src/statistics/days.ts';
import { withTimeout } from '../../src/timeout.ts';
import { startWorker } from '../bullmq-worker.ts';
import { missedDay, runSnapshot } from './run.ts';
import type { SnapshotScheduler } from './scheduler.ts';

export const SNAPSHOT_QUEUE = 'stats-snapshot';
export const SNAPSHOT_SCHEDULER_ID = 'daily-snapshot';

export interface SnapshotJob {
  /** The day to store; absent for the scheduler's jobs (the day before their scheduled time). */
  day?: string;
}

export interface SnapshotBullOptions {
  url: string;
  prefix: string;
  lockMs?: number;
  /** Also run a worker in this process. */
  worker: boolean;
  at: { hour: number; minute: number };
}

export function bullmqSnapshots(db: Db, logger: Logger, opts: SnapshotBullOptions): SnapshotScheduler {
  const producer = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  producer.on('error', (e) => logger.debug({ err: e }, 'redis (snapshot producer) error'));
  const queue = new Queue<SnapshotJob>(SNAPSHOT_QUEUE, {
    connection: producer,
    prefix: opts.prefix,
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: 100,
      removeOnFail: 100,
    },
  });
  queue.on('error', (e) => logger.debug({ err: e }, 'snapshot queue error'));
  const worker = opts.worker ? startSnapshotWorker(db, logger, opts) : null;
  const ready = (async () => {
    await producer.ping().catch(() => new Promise((r) => producer.once('ready', r)));
    await queue.upsertJobScheduler(
      SNAPSHOT_SCHEDULER_ID,
      { pattern: `${opts.at.minute} ${opts.at.hour} * * *`, tz: 'Asia/Shanghai' },
      { name: 'snapshot', data: {} },
    );
    const day = await missedDay(db);
    if (!day) return;
    const jobId = `catchup-${day}`;
    // A finished catch-up of this day (kept for inspection) would make add() a no-op.
    const old = await queue.getJob(jobId);
    if (old && ((await old.isCompleted()) || (await old.isFailed()))) await old.remove();
    await queue.add('snapshot', { day }, { jobId });
  })().catch((err) => logger.warn({ err }, 'statistics snapshot scheduler: start-up failed'));
  return {
    kind: 'bullmq',
    ready,
    async close(timeoutMs?: number) {
      await withTimeout(ready, timeoutMs);
      const done = worker ? await worker.close(timeoutMs) : true;
      await withTimeout(queue.close(), 5000);
      producer.disconnect();
      return done;
    },
  };
}

export function startSnapshotWorker(db: Db, logger: Logger, opts: { url: string; prefix: string; lockMs?: number }) {
  return startWorker<SnapshotJob>(
    SNAPSHOT_QUEUE,
    async (job) => {
      const scheduled = new Date(job.timestamp + (job.opts.delay ?? 0));
      return runSnapshot(db, job.data.day ?? snapshotDayAt(scheduled), logger);
    },
    logger,
    opts,
  );
}
