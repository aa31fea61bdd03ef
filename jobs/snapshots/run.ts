// The snapshot job's body and the start-up check, shared by the timer and the BullMQ worker.
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { snapshotDayAt } from '../../src/statistics/days.ts';
import { isRecorded, takeSnapshot } from '../../src/statistics/snapshots.ts';

/** The job body: snapshots `day`, logged. */
export async function runSnapshot(db: Db, day: string, logger: Logger) {
  const r = await takeSnapshot(db, day);
  logger.info({ ...r }, 'statistics snapshot stored');
  return r;
}

/** Yesterday (Asia/Shanghai) when it lacks a mark of some metric (never run, or a metric added since). */
export async function missedDay(db: Db, now = new Date()): Promise<string | null> {
  const day = snapshotDayAt(now);
  return (await isRecorded(db, day)) ? null : day;
}
