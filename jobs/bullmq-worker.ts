// What the BullMQ workers (embedding, assignment) share: a connection of their own, lock settings
// that let a crashed worker's job be taken over, logging, and a close that gives up on a Redis that
// does not answer (the work stays recorded in the database and is re-enqueued later).
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../src/logger.ts';

export interface WorkerOptions {
  url: string;
  prefix: string;
  /** How long a job may run before a dead worker's job is taken over. */
  lockMs?: number;
}

export function startWorker<T>(name: string, process: (job: Job<T>) => Promise<unknown>, logger: Logger, opts: WorkerOptions) {
  const connection = new Redis(opts.url, { maxRetriesPerRequest: null });
  connection.on('error', (e) => logger.debug(`redis (${name} worker) error`, { err: String(e) }));
  const worker = new Worker<T>(name, process, {
    connection, prefix: opts.prefix, concurrency: 1, lockDuration: opts.lockMs ?? 30_000, stalledInterval: opts.lockMs ?? 30_000,
  });
  worker.on('failed', (job, err) => logger.warn(`${name} job failed`, { jobId: job?.id, attempt: job?.attemptsMade, err: String(err) }));
  worker.on('error', (e) => logger.debug(`${name} worker error`, { err: String(e) }));
  return {
    worker,
    async close() {
      // Waits for the running job, but not for ever.
      await withTimeout(worker.close(), 10_000);
      connection.disconnect();
    },
  };
}

export const withTimeout = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.catch(() => {}), new Promise<void>((r) => setTimeout(r, ms).unref())]);
