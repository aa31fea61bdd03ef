// Snapshots of past days (issue 22): `npm run stats:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD`
// (jobs/snapshots/backfill-cli.ts) or from code. Each day is its own takeSnapshot (one transaction),
// oldest first, so an interrupted backfill keeps the days it finished and may simply be run again.
// Metrics compute "as of the end of a day" from the live tables: exact where their tables keep
// history (center_status_history, dated lifecycle rows), the current state otherwise.
import { z } from 'zod';
import { isoDate } from '../../models/common/validation.ts';
import type { Db } from '../db/client.ts';
import { type FieldIssue, unprocessable } from '../errors.ts';
import { eachDay, todayInShanghai } from './days.ts';
import { METRICS, type Metric } from './metrics.ts';
import { type SnapshotResult, takeSnapshot } from './snapshots.ts';

export const backfillRange = z.object({ from: isoDate(), to: isoDate() });

/** The range checked: dates, from ≤ to, nothing after today (Asia/Shanghai). Bad → 422 AppError. */
export function checkBackfillRange(range: { from?: string; to?: string }, today = todayInShanghai()) {
  const parsed = backfillRange.safeParse(range);
  if (!parsed.success)
    throw unprocessable(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const { from, to } = parsed.data;
  const issues: FieldIssue[] = [];
  if (from > to) issues.push({ path: 'from', message: 'must not be after to' });
  if (to > today) issues.push({ path: 'to', message: `must not be a future day (today is ${today} in Asia/Shanghai)` });
  if (issues.length) throw unprocessable(issues);
  return { from, to };
}

/**
 * Snapshots every day from `from` to `to`. Today may be included: its rows are then the values so
 * far, replaced by the nightly run once the day is over (the series computes today live anyway).
 */
export async function backfill(
  db: Db,
  range: { from: string; to: string },
  opts: { metrics?: readonly Metric[]; today?: string; onDay?: (r: SnapshotResult) => void } = {},
): Promise<SnapshotResult[]> {
  const { from, to } = checkBackfillRange(range, opts.today);
  const done: SnapshotResult[] = [];
  for (const day of eachDay(from, to)) {
    const r = await takeSnapshot(db, day, opts.metrics ?? METRICS);
    done.push(r);
    opts.onDay?.(r);
  }
  return done;
}
