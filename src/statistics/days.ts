// Statistics days are calendar days in Asia/Shanghai (the region's official time, as every date rule
// of the contract). YYYY-MM-DD strings compare in date order, so plain string comparison is used.
import { todayInShanghai } from '../matching/rules.ts';

export { todayInShanghai };

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromMs(toMs(day) + n * DAY_MS);

/** Days from `from` to `to` inclusive (0 when from > to). */
export const daysInRange = (from: string, to: string): number =>
  Math.max(0, Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1);

/** Every day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The same calendar day `n` years earlier (29 February → 28 February). */
export function minusYears(day: string, n: number): string {
  const y = Number(day.slice(0, 4)) - n;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * The day a snapshot run at `now` stores: the day before `now`'s date in Asia/Shanghai. The nightly
 * run (00:10 Shanghai time) therefore stores yesterday's closing values, once the day is over.
 */
export const snapshotDayAt = (now = new Date()): string => addDays(todayInShanghai(now), -1);
