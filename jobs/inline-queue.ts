// No Redis: the embedding job runs in this process, draining pending rows in the background.
import type { Db } from '../src/db/client.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import type { Logger } from '../src/logger.ts';
import { embedEntities, pendingKeys } from './embeddings/processor.ts';
import type { EmbeddingQueue } from './queue.ts';
import { waitUntilNothingPending } from './drained.ts';

export function inlineQueue(db: Db, embedder: Embedder, logger: Logger, batchSize = 64): EmbeddingQueue {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const keys = await pendingKeys(db, batchSize * 8);
        if (!keys.length) break;
        const r = await embedEntities(db, embedder, keys, batchSize);
        failures = 0;
        // Rows that changed meanwhile stay pending and come back in the next round; stop if only those remain.
        if (r.embedded === 0 && r.orphans === 0) break;
      }
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
        logger.warn('embedding failed, will retry', { err: String(e), failures });
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
      await waitUntilNothingPending(db, timeoutMs, async () => { await running; });
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await running;
    },
  };
}
