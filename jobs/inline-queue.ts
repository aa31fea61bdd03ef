// No Redis: the embedding job runs in this process, draining pending rows in the background.
import type { Db } from '../src/db/client.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import type { Logger } from '../src/logger.ts';
import { pendingKeys } from './embeddings/processor.ts';
import { drainBacklog } from './embeddings/backlog.ts';
import { vectorIndexKeeper } from '../src/embedding/indexes.ts';
import type { EmbeddingQueue } from './queue.ts';
import { waitUntilNothingPending } from './drained.ts';
import { withTimeout } from '../src/timeout.ts';

export function inlineQueue(
  db: Db,
  embedder: Embedder,
  logger: Logger,
  opts: { batchSize: number; indexMinRows: number },
): EmbeddingQueue {
  const keeper = vectorIndexKeeper(db, embedder.id, embedder.dimensions, opts.indexMinRows);
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const drain = async () => {
    do {
      again = false;
      await drainBacklog(db, embedder, { ...opts, keeper, isClosed: () => closed });
      failures = 0;
    } while (again && !closed);
  };

  const kick = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((e) => {
        // Back off and retry; the processor counts attempts and gives up on a row after the limit.
        failures++;
        logger.warn({ err: e, failures }, 'embedding failed, will retry');
        clearTimeout(retryTimer);
        retryTimer = setTimeout(kick, Math.min(30_000, 500 * 2 ** failures));
      })
      .finally(() => {
        running = null;
      });
  };

  return {
    kind: 'inline',
    schedule: () => kick(),
    async reconcile() {
      const n = (await pendingKeys(db, 1)).length;
      kick();
      return n;
    },
    async drained(timeoutMs = 60_000) {
      kick();
      await waitUntilNothingPending(db, timeoutMs, async () => {
        await running;
      });
    },
    async depth() {
      return { active: running ? 1 : 0 };
    },
    async close(timeoutMs?: number) {
      // The drain stops between batches once closed: at most one batch is waited for.
      closed = true;
      clearTimeout(retryTimer);
      return running ? withTimeout(running, timeoutMs) : true;
    },
  };
}
