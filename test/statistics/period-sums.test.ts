// A period's plan (src/statistics/period-sums.ts): which days come from whole months' sums, which from
// daily rows, which are computed live — at month and year edges, in a leap February, with a day missing —
// and the sums it reads against the daily rows summed by hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { eachDay } from '../../src/statistics/days.ts';
import { markOf } from '../../src/statistics/marks.ts';
import { planPeriod, storedSums, storedSumsByCenter } from '../../src/statistics/period-sums.ts';
import { openTestDatabase } from '../harness.ts';

const METRIC = 'test.events';
const CENTER = '00000000-0000-7000-8000-00000000c001';
let database: Database;
let drop: () => Promise<void>;
const db = () => database.db;

/** Records `days` for METRIC: a mark, a county row of value = day of month, a center row of 1. */
async function record(days: string[]) {
  for (const day of days)
    await db().execute(sql`
      insert into stat_snapshots (day, metric, region_code, center_key, value) values
        (${day}::date, ${markOf(METRIC)}, '540000', '', 2),
        (${day}::date, ${METRIC}, '540102', '', ${Number(day.slice(8))}),
        (${day}::date, ${METRIC}, '540102', ${CENTER}, 1)`);
}

/** The daily rows of METRIC over [from, to] for a center key ('' for the region rows), summed by hand. */
async function dailySum(from: string, to: string, centerKey: string): Promise<number> {
  const [r] = resultRows<{ n: string }>(
    await db().execute(sql`
      select sum(value)::bigint as n from stat_snapshots
       where metric = ${METRIC} and center_key = ${centerKey} and day between ${from}::date and ${to}::date`),
  );
  return Number(r?.n);
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  if (database.kind === 'postgres') await migrateDatabase(database);
  await record(eachDay('2023-12-20', '2024-03-20').filter((d) => d !== '2024-03-05'));
}, 120_000);
afterAll(async () => {
  await drop?.();
});

describe('planPeriod', () => {
  it('whole months from their sums across a year end and a leap February; partial months by day', async () => {
    const plan = await planPeriod(db(), [METRIC], '2023-12-25', '2024-02-29', '2024-06-01');
    expect(plan.live).toEqual([]);
    expect(plan.months).toEqual(['2024-01-01', '2024-02-01']);
    expect(plan.days).toEqual(eachDay('2023-12-25', '2023-12-31'));
  });

  it('a month with a day not recorded is read by day, the missing day live', async () => {
    const plan = await planPeriod(db(), [METRIC], '2024-02-10', '2024-03-31', '2024-06-01');
    expect(plan.months).toEqual([]);
    expect(plan.live).toEqual([
      ['2024-03-05', '2024-03-05'],
      ['2024-03-21', '2024-03-31'],
    ]);
    expect(plan.days).toEqual(eachDay('2024-02-10', '2024-03-20').filter((d) => d !== '2024-03-05'));
  });

  it('today is never stored; a metric without marks makes every day live', async () => {
    const plan = await planPeriod(db(), [METRIC], '2024-01-01', '2024-01-31', '2024-01-31');
    expect(plan.months).toEqual([]);
    expect(plan.live).toEqual([['2024-01-31', '2024-01-31']]);
    const other = await planPeriod(db(), [METRIC, 'test.unrecorded'], '2024-01-01', '2024-01-31', '2024-06-01');
    expect(other).toMatchObject({ live: [['2024-01-01', '2024-01-31']], stored: false, months: [], days: [] });
  });
});

describe('storedSums', () => {
  it('equal the daily rows summed by hand, for a region and for a center', async () => {
    for (const [from, to] of [
      ['2023-12-25', '2024-02-29'],
      ['2024-01-01', '2024-01-31'],
      ['2024-02-10', '2024-03-20'],
    ] as const) {
      const plan = await planPeriod(db(), [METRIC], from, to, '2024-06-01');
      const region = await storedSums(db(), plan, [METRIC], { regionCode: '540100' });
      expect(region.get(METRIC), `${from}..${to}`).toBe(await dailySum(from, to, ''));
      const center = await storedSumsByCenter(db(), plan, [METRIC], [CENTER]);
      expect(center.get(CENTER)?.get(METRIC)).toBe(await dailySum(from, to, CENTER));
      // Another prefecture has no rows.
      expect((await storedSums(db(), plan, [METRIC], { regionCode: '540200' })).get(METRIC)).toBeUndefined();
    }
  });
});
