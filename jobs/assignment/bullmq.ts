// With REDIS_URL: assignment runs as BullMQ jobs (job id = run id, so a run is queued once). The
// API process runs a worker (concurrency 1); `npm run worker` processes add more. A job whose worker
// died is taken over after the lock expires; executeRun recomputes a run left `running`.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../src/logger.ts';
import type { AssignmentQueue, RunProcessor } from './queue.ts';

export const ASSIGN_QUEUE = 'assign';

interface AssignJob {
  runId: string;
}

export interface AssignBullOptions {
  url: string;
  prefix: string;
  /** Also run a worker in this process. */
  worker: boolean;
  lockMs?: number;
}

export function bullmqAssignmentQueue(run: RunProcessor, logger: Logger, opts: AssignBullOptions): AssignmentQueue {
  const producer = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  producer.on('error', (e) => logger.debug('redis (assignment producer) error', { err: String(e) }));
  const queue = new Queue<AssignJob>(ASSIGN_QUEUE, {
    connection: producer,
    prefix: opts.prefix,
    // executeRun records its own failures on the run; retries only cover crashes (a dead worker).
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 1000 },
  });
  queue.on('error', (e) => logger.debug('assignment queue error', { err: String(e) }));
  const worker = opts.worker ? startAssignmentWorker(run, logger, opts) : null;
  return {
    kind: 'bullmq',
    async enqueue(runId) {
      // A finished job with this id (kept for inspection) would make add() a no-op: a run re-queued
      // at start after its job failed for good must really run again.
      const old = await queue.getJob(runId);
      if (old && ((await old.isFailed()) || (await old.isCompleted()))) await old.remove();
      await queue.add('assign', { runId }, { jobId: runId });
    },
    async close() {
      await worker?.close();
      await withTimeout(queue.close(), 5000);
      producer.disconnect();
    },
  };
}

export function startAssignmentWorker(run: RunProcessor, logger: Logger, opts: Omit<AssignBullOptions, 'worker'>) {
  const connection = new Redis(opts.url, { maxRetriesPerRequest: null });
  connection.on('error', (e) => logger.debug('redis (assignment worker) error', { err: String(e) }));
  const worker = new Worker<AssignJob>(ASSIGN_QUEUE, async (job) => run(job.data.runId), {
    connection, prefix: opts.prefix, concurrency: 1, lockDuration: opts.lockMs ?? 30_000, stalledInterval: opts.lockMs ?? 30_000,
  });
  worker.on('failed', (job, err) => logger.warn('assignment job failed', { jobId: job?.id, attempt: job?.attemptsMade, err: String(err) }));
  worker.on('error', (e) => logger.debug('assignment worker error', { err: String(e) }));
  return {
    worker,
    async close() {
      await withTimeout(worker.close(), 10_000);
      connection.disconnect();
    },
  };
}

const withTimeout = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.catch(() => {}), new Promise<void>((r) => setTimeout(r, ms).unref())]);
