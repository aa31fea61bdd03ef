// With REDIS_URL: assignment runs as BullMQ jobs (job id = run id, so a run is queued once). The
// API process runs a worker (concurrency 1); `npm run worker` processes add more. A job whose worker
// died is taken over after the lock expires; executeRun recomputes a run left `running`.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../src/logger.ts';
import type { AssignmentQueue, RunProcessor } from './queue.ts';
import { startWorker } from '../bullmq-worker.ts';
import { withTimeout } from '../../src/timeout.ts';

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
  producer.on('error', (e) => logger.debug({ err: e }, 'redis (assignment producer) error'));
  const queue = new Queue<AssignJob>(ASSIGN_QUEUE, {
    connection: producer,
    prefix: opts.prefix,
    // executeRun records its own failures on the run; retries only cover crashes (a dead worker).
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    },
  });
  queue.on('error', (e) => logger.debug({ err: e }, 'assignment queue error'));
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
    depth: () => queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
    async close(timeoutMs?: number) {
      const done = worker ? await worker.close(timeoutMs) : true;
      await withTimeout(queue.close(), 5000);
      producer.disconnect();
      return done;
    },
  };
}

export function startAssignmentWorker(run: RunProcessor, logger: Logger, opts: Omit<AssignBullOptions, 'worker'>) {
  return startWorker<AssignJob>(ASSIGN_QUEUE, async (job) => run(job.data.runId), logger, opts);
}
