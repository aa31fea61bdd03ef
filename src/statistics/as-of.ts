// The day a figure is read for: the region's calendar (Asia/Shanghai) decides what "today" and "by the
// end of a day" mean, so a founder created at 23:30 Lhasa time counts on that day, not the next.
import { isoDate } from '../../models/common/validation.ts';
import { todayInShanghai } from '../lifecycle/access.ts';
import { unprocessable } from '../errors.ts';

export { todayInShanghai };

/** The first instant after `day` (YYYY-MM-DD) in Asia/Shanghai: records created before it existed by the end of that day. */
export function endOfDay(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(`${next.toISOString().slice(0, 10)}T00:00:00+08:00`);
}

/** The as-of day of a request: today when absent; 422 for a day after today. */
export function resolveAsOf(asOf: string | null | undefined, now = new Date()): string {
  const today = todayInShanghai(now);
  if (!asOf) return today;
  if (!isoDate().safeParse(asOf).success)
    throw unprocessable([{ path: 'asOf', message: 'must be a date YYYY-MM-DD' }], 'Invalid as-of date / 截止日期无效');
  if (asOf > today)
    throw unprocessable(
      [{ path: 'asOf', message: `must not be after today (${today}) / 不能晚于今天` }],
      'The as-of date lies in the future / 截止日期不能是将来的日期',
    );
  return asOf;
}
