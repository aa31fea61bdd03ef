// What the BullMQ workers (embedding, assignment) share: a connection of their own, lock settings
// that let a crashed worker's job be taken over, logging, and a close that gives up on a Redis that
// does not answer (the work stays recorded in the database and is re-enqueued later).
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../src/logger.ts';
import { withTimeout } from '../src/timeout.ts';

export interface WorkerOptions {
  url: string;
  prefix: string;
  /** How long a job may run before a dead worker's job is taken over. */
  lockMs?: number;
}

export function startWorker<T>(
  name: string,
  process: (job: Job<T>) => Promise<unknown>,
  logger: Logger,
  opts: WorkerOptions,
) {
  const connection = new Redis(opts.url, { maxRetriesPerRequest: null });
  connection.on('error', (e) => logger.debug({ err: e }, `redis (${name} worker) error`));
  const worker = new Worker<T>(name, process, {
    connection,
    prefix: opts.prefix,
    concurrency: 1,
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.lockMs ?? 30_000,
  });
  worker.on('failed', (job, err) =>
    logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, err }, `${name} job failed`),
  );
  worker.on('error', (e) => logger.debug({ err: e }, `${name} worker error`));
  return {
    worker,
    /**
     * Takes no new job and waits for the running one, but not for ever: true when it finished within
     * `timeoutMs` (a job cut off stays recorded and is taken over once its lock expires).
     */
    async close(timeoutMs = 10_000): Promise<boolean> {
      const done = await withTimeout(worker.close(), timeoutMs);
      connection.disconnect();
      return done;
    },
  };
}
