// Where assignment runs execute: in this process (no Redis) or as BullMQ jobs (REDIS_URL). The
// run row is the source of truth (queued → running → done | failed); the queue only carries ids.
import { inArray } from 'drizzle-orm';
import { assignmentRunsTable } from '../../models/schema.ts';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { bullmqAssignmentQueue } from './bullmq.ts';
import { inlineAssignmentQueue } from './inline.ts';

export interface AssignmentQueue {
  readonly kind: 'inline' | 'bullmq';
  /** Schedules the run; rejects when the job cannot be enqueued (Redis down). */
  enqueue(runId: string): Promise<void>;
  /** Runs waiting and running in this queue. */
  depth(): Promise<Record<string, number>>;
  /** Takes no more runs and waits for the running one: true when it finished within `timeoutMs` (see EmbeddingQueue.close). */
  close(timeoutMs?: number): Promise<boolean>;
}

/** The job body: executes one run by id (src/assignment/run.ts `executeRun`). */
export type RunProcessor = (runId: string) => Promise<void>;

export function createAssignmentQueue(
  config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'QUEUE_LOCK_MS'>,
  run: RunProcessor,
  logger: Logger,
): AssignmentQueue {
  return config.REDIS_URL
    ? bullmqAssignmentQueue(run, logger, {
        url: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        worker: true,
        lockMs: config.QUEUE_LOCK_MS,
      })
    : inlineAssignmentQueue(run, logger);
}

/**
 * At start: runs left queued or running (a process died with them, or Redis lost the job) are
 * queued again. Harmless when their job still exists: BullMQ ignores a second job with the same id.
 */
export async function requeueUnfinished(db: Db, queue: AssignmentQueue, logger: Logger): Promise<number> {
  const rows = await db
    .select({ id: assignmentRunsTable.id })
    .from(assignmentRunsTable)
    .where(inArray(assignmentRunsTable.status, ['queued', 'running']));
  for (const r of rows)
    await queue
      .enqueue(r.id)
      .catch((e) => logger.warn({ runId: r.id, err: e }, 'could not re-queue an assignment run'));
  if (rows.length) logger.info({ count: rows.length }, 're-queued unfinished assignment runs');
  return rows.length;
}
