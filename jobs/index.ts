// Picks the queue for the configuration and runs the reconciler.
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import type { Logger } from '../src/logger.ts';
import { bullmqQueue } from './bullmq-queue.ts';
import { inlineQueue } from './inline-queue.ts';
import type { EmbeddingQueue } from './queue.ts';

export type { EmbeddingQueue } from './queue.ts';

export function createEmbeddingQueue(config: Config, db: Db, embedder: Embedder, logger: Logger): EmbeddingQueue {
  const queue = config.REDIS_URL
    ? bullmqQueue(db, embedder, logger, {
        url: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        batchSize: config.EMBED_BATCH_SIZE,
        worker: config.EMBED_WORKER,
        lockMs: config.QUEUE_LOCK_MS,
        indexMinRows: config.VECTOR_INDEX_MIN_ROWS,
      })
    : inlineQueue(db, embedder, logger, {
        batchSize: config.EMBED_BATCH_SIZE,
        indexMinRows: config.VECTOR_INDEX_MIN_ROWS,
      });
  return withReconciler(queue, config.RECONCILE_INTERVAL_MS, logger);
}

/** Re-enqueues pending rows at start and then periodically (rows younger than one interval are left to their jobs). */
function withReconciler(queue: EmbeddingQueue, intervalMs: number, logger: Logger): EmbeddingQueue {
  const round = (olderThanMs: number) =>
    queue.reconcile(olderThanMs).then(
      (n) => n && logger.info({ count: n }, 'reconciler re-enqueued pending embeddings'),
      (e) => logger.warn({ err: e }, 'reconciler failed; will retry'),
    );
  void round(0);
  const timer = setInterval(() => void round(intervalMs), intervalMs);
  timer.unref();
  return {
    ...queue,
    kind: queue.kind,
    schedule: queue.schedule,
    reconcile: queue.reconcile,
    drained: queue.drained,
    depth: queue.depth,
    close(timeoutMs?: number) {
      clearInterval(timer);
      return queue.close(timeoutMs);
    },
  };
}
