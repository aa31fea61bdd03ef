// No Redis: runs execute in this process, one at a time, after the request that created them returned.
import type { Logger } from '../../src/logger.ts';
import type { AssignmentQueue, RunProcessor } from './queue.ts';
import { withTimeout } from '../../src/timeout.ts';

export function inlineAssignmentQueue(run: RunProcessor, logger: Logger): AssignmentQueue {
  let tail: Promise<void> = Promise.resolve();
  let closed = false;
  let waiting = 0;
  let active = 0;
  const runOne = async (runId: string) => {
    waiting--;
    if (closed) return; // left `queued`: re-queued at the next start
    active++;
    try {
      await run(runId);
    } finally {
      active--;
    }
  };
  return {
    kind: 'inline',
    async enqueue(runId) {
      if (closed) throw new Error('assignment queue closed');
      // One at a time: a run is CPU-bound (the solver), so parallel runs would only slow each other.
      waiting++;
      tail = tail
        .then(() => new Promise<void>((r) => setImmediate(r)))
        .then(() => runOne(runId))
        .catch((e) => logger.error({ runId, err: e }, 'assignment run crashed'));
    },
    async depth() {
      return { waiting, active };
    },
    close(timeoutMs?: number) {
      closed = true;
      return withTimeout(tail, timeoutMs);
    },
  };
}
