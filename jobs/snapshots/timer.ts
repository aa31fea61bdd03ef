// No Redis: the snapshot runs in this process at the time of day (Asia/Shanghai), by an unref'd
// timer (it never keeps the process alive), after a catch-up of a missed yesterday at start. Several
// processes doing the same is harmless: takeSnapshot is idempotent and takes turns per day.
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { snapshotDayAt } from '../../src/statistics/days.ts';
import { withTimeout } from '../../src/timeout.ts';
import { missedDay, runSnapshot } from './run.ts';
import type { SnapshotScheduler } from './scheduler.ts';

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The next instant after `now` whose Shanghai wall clock reads hour:minute. */
export function nextRunAt(now: Date, at: { hour: number; minute: number }): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  let next = midnight + (at.hour * 60 + at.minute) * 60_000;
  if (next <= local) next += DAY_MS;
  return new Date(next - SHANGHAI_OFFSET_MS);
}

export function timerSnapshots(
  db: Db,
  logger: Logger,
  opts: { at: { hour: number; minute: number }; now?: () => Date },
): SnapshotScheduler {
  const now = opts.now ?? (() => new Date());
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = (day: string) => {
    running = running
      .then(() => (closed ? undefined : runSnapshot(db, day, logger)))
      .catch((err) => logger.error({ err, day }, 'statistics snapshot failed'));
    return running;
  };
  // The next planned run, fixed before the catch-up: a catch-up that runs past the time of day does
  // not skip that day's run (it fires at once after it).
  let next = nextRunAt(now(), opts.at);
  const arm = () => {
    if (closed) return;
    timer = setTimeout(
      () => {
        const due = next;
        // After a long pause (a sleeping laptop) one run, then the next time of day from now.
        next = nextRunAt(new Date(Math.max(due.getTime(), now().getTime())), opts.at);
        void run(snapshotDayAt(due)).then(arm);
      },
      Math.max(0, next.getTime() - now().getTime()),
    );
    timer.unref();
  };
  const ready = missedDay(db, now())
    .then((day) => (day ? run(day) : undefined))
    .catch((err) => logger.warn({ err }, 'statistics snapshot catch-up failed'))
    .then(arm);
  return {
    kind: 'timer',
    ready: ready.then(() => undefined),
    async close(timeoutMs?: number) {
      closed = true;
      clearTimeout(timer);
      return withTimeout(
        ready.then(() => running),
        timeoutMs,
      );
    },
  };
}
