// With REDIS_URL: a BullMQ queue. Producers fail fast when Redis is down (the row stays pending and
// the reconciler re-enqueues it later); workers retry with exponential backoff.
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { EmbeddedKind } from '../models/embeddings/table.ts';
import type { Db } from '../src/db/client.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import type { Logger } from '../src/logger.ts';
import { embedEntities, pendingKeys, type EntityKey } from './embeddings/processor.ts';
import type { EmbeddingQueue } from './queue.ts';
import { vectorIndexKeeper } from '../src/embedding/indexes.ts';
import { startWorker } from './bullmq-worker.ts';
import { withTimeout } from '../src/timeout.ts';
import { waitUntilNothingPending } from './drained.ts';

export const EMBED_QUEUE = 'embed';

export interface BullOptions {
  url: string;
  prefix: string;
  batchSize: number;
  /** Also run a worker in this process (the default for `npm start`; separate workers use jobs/worker.ts). */
  worker: boolean;
  /** How long a job may run before a dead worker's job is taken over. */
  lockMs?: number;
  /** See IndexOptions.minRows. */
  indexMinRows: number;
}

interface EmbedJob {
  keys: EntityKey[];
}

export function bullmqQueue(db: Db, embedder: Embedder, logger: Logger, opts: BullOptions): EmbeddingQueue {
  const producer = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  producer.on('error', (e) => logger.debug({ err: e }, 'redis (producer) error'));
  const queue = new Queue<EmbedJob>(EMBED_QUEUE, {
    connection: producer,
    prefix: opts.prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  });
  queue.on('error', (e) => logger.debug({ err: e }, 'queue error'));
  const worker = opts.worker ? startEmbedWorker(db, embedder, logger, opts) : null;

  const enqueue = async (keys: EntityKey[]) => {
    const jobs = [];
    for (let i = 0; i < keys.length; i += opts.batchSize)
      jobs.push({ name: 'embed', data: { keys: keys.slice(i, i + opts.batchSize) } });
    await queue.addBulk(jobs);
  };

  const reconcile = async (olderThanMs = 0) => {
    // Duplicates of jobs still queued are harmless: the job only completes rows still pending.
    const keys = await pendingKeys(db, 100_000, olderThanMs);
    if (keys.length) await enqueue(keys);
    return keys.length;
  };

  return {
    kind: 'bullmq',
    schedule(kind: EmbeddedKind, ids: string[]) {
      enqueue(ids.map((id) => ({ kind, id }))).catch((e) =>
        logger.warn({ err: e, count: ids.length }, 'could not enqueue embedding job; the reconciler will retry'),
      );
    },
    reconcile,
    async drained(timeoutMs = 60_000) {
      // Enqueue whatever is pending now (rows written without a scheduler, e.g. by seed loaders).
      // If Redis is unreachable right now the periodic reconciler enqueues them once it is back.
      await reconcile(0).catch((e) =>
        logger.warn({ err: e }, 'could not enqueue pending embeddings; the reconciler will retry'),
      );
      await waitUntilNothingPending(db, timeoutMs);
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

export function startEmbedWorker(db: Db, embedder: Embedder, logger: Logger, opts: Omit<BullOptions, 'worker'>) {
  const keeper = vectorIndexKeeper(db, embedder.id, embedder.dimensions, opts.indexMinRows);
  // The job's rows stay pending if the worker dies or Redis stops answering: nothing is lost.
  return startWorker<EmbedJob>(
    EMBED_QUEUE,
    async (job: Job<EmbedJob>) => {
      const r = await embedEntities(db, embedder, job.data.keys, opts.batchSize);
      await keeper.note(r.embedded);
      return r;
    },
    logger,
    opts,
  );
}
