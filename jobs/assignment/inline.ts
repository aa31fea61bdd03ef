// No Redis: runs execute in this process, one at a time, after the request that created them returned.
import type { Logger } from '../../src/logger.ts';
import type { AssignmentQueue, RunProcessor } from './queue.ts';

export function inlineAssignmentQueue(run: RunProcessor, logger: Logger): AssignmentQueue {
  let tail: Promise<void> = Promise.resolve();
  let closed = false;
  return {
    kind: 'inline',
    async enqueue(runId) {
      if (closed) throw new Error('assignment queue closed');
      // One at a time: a run is CPU-bound (the solver), so parallel runs would only slow each other.
      tail = tail
        .then(() => new Promise<void>((r) => setImmediate(r)))
        .then(() => (closed ? undefined : run(runId)))
        .catch((e) => logger.error('assignment run crashed', { runId, err: String(e) }));
    },
    async close() {
      closed = true;
      await tail;
    },
  };
}
