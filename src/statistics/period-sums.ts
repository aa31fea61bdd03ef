// A period's count of daily-additive metrics (the funnel's and the scorecard's events) from the daily
// snapshots plus what was never snapshotted (issue 22: "computed from the snapshots plus today's
// changes"). The past days recorded for every metric asked are summed from the snapshots — a whole month
// of recorded days from its monthly sum (stat_month_sums), the other days from their daily rows; the
// days not recorded — today, and any past day the job has not run for — are left to the caller to compute
// live, as a few runs of consecutive days. Rows are stored at the finest region (metrics.ts): a region's
// value sums its region rows (centerKey '') by code prefix, a center's reads its own rows.
import { type SQL, sql } from 'drizzle-orm';
import { regionPrefix } from '../../models/regions/codes.ts';
import { resultRows } from '../db/errors.ts';
import type { Executor } from '../resources/types.ts';
import { addDays, eachDay, todayInShanghai } from './days.ts';
import { markOf } from './marks.ts';

/** Past the number of live runs, the whole period is computed live (one query beats many small ones). */
const MAX_LIVE_RUNS = 4;

export interface PeriodPlan {
  from: string;
  to: string;
  /** Runs of consecutive days [first, last] computed live (today, days without a snapshot). */
  live: [string, string][];
  /** Whether any day is read from the snapshots. */
  stored: boolean;
  /** Months (their first day) whose every day is in the period and recorded: read from their monthly sums. */
  months: string[];
  /** The other recorded days: read from their daily rows. */
  days: string[];
}

/** The last day of the month of `day`. */
const monthEnd = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const daysInMonth = (first: string) => Number(monthEnd(first).slice(8));

/** Which days of [from, to] the snapshots hold for every one of `metrics` and which are computed live. */
export async function planPeriod(
  db: Executor,
  metrics: readonly string[],
  from: string,
  to: string,
  today = todayInShanghai(),
): Promise<PeriodPlan> {
  const lastPast = to < today ? to : addDays(today, -1);
  const recorded = new Set<string>();
  if (from <= lastPast && metrics.length) {
    const rows = resultRows<{ day: string }>(
      await db.execute(sql`
        select day::text as day from stat_snapshots
         where metric in (${sql.join(
           metrics.map((m) => sql`${markOf(m)}`),
           sql`, `,
         )}) and day between ${from}::date and ${lastPast}::date
         group by day having count(distinct metric) = ${metrics.length}`),
    );
    for (const r of rows) recorded.add(r.day);
  }
  const live: [string, string][] = [];
  for (const day of eachDay(from, to)) {
    if (recorded.has(day)) continue;
    const last = live.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else live.push([day, day]);
  }
  if (live.length > MAX_LIVE_RUNS) return { from, to, live: [[from, to]], stored: false, months: [], days: [] };
  const months: string[] = [];
  const days: string[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = addDays(monthEnd(first), 1)) {
    const inMonth = eachDay(first < from ? from : first, monthEnd(first) > to ? to : monthEnd(first)).filter((d) =>
      recorded.has(d),
    );
    if (first >= from && monthEnd(first) <= to && inMonth.length === daysInMonth(first)) months.push(first);
    else days.push(...inMonth);
  }
  return { from, to, live, stored: recorded.size > 0, months, days };
}

/** Whose rows: a center's own, or a region's region-wide rows (by code prefix). */
export type SnapshotScope = { centerId: string } | { regionCode: string };

const list = (values: readonly string[], cast = sql``) =>
  sql.join(
    values.map((v) => sql`${v}${cast}`),
    sql`, `,
  );

/**
 * The plan's stored rows of `metrics` whose key satisfies `whose` (a condition on region_code and
 * center_key): the monthly sums of its whole months and the daily rows of its other recorded days.
 */
function storedRows(plan: PeriodPlan, metrics: readonly string[], whose: SQL): SQL {
  const parts: SQL[] = [];
  if (plan.months.length)
    parts.push(sql`
      select metric, center_key, value from stat_month_sums
       where metric in (${list(metrics)}) and ${whose} and month in (${list(plan.months, sql`::date`)})`);
  if (plan.days.length)
    parts.push(sql`
      select metric, center_key, value from stat_snapshots
       where metric in (${list(metrics)}) and ${whose} and day in (${list(plan.days, sql`::date`)})`);
  return sql.join(parts, sql` union all `);
}

/** Per metric, the sum over the plan's snapshot days (metrics without rows are absent). */
export async function storedSums(
  db: Executor,
  plan: PeriodPlan,
  metrics: readonly string[],
  scope: SnapshotScope,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!plan.stored || !metrics.length) return out;
  const whose =
    'centerId' in scope
      ? sql`center_key = ${scope.centerId}`
      : sql`center_key = '' and region_code like ${`${regionPrefix(scope.regionCode)}%`}`;
  const rows = resultRows<{ metric: string; n: number | string }>(
    await db.execute(sql`
      select metric, sum(value)::bigint as n from (${storedRows(plan, metrics, whose)}) r group by metric`),
  );
  for (const r of rows) out.set(r.metric, Number(r.n));
  return out;
}

/** Per center and metric, the sums over the plan's snapshot days for the given centers. */
export async function storedSumsByCenter(
  db: Executor,
  plan: PeriodPlan,
  metrics: readonly string[],
  centerIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!plan.stored || !metrics.length || !centerIds.length) return out;
  const rows = resultRows<{ center: string; metric: string; n: number | string }>(
    await db.execute(sql`
      select center_key as center, metric, sum(value)::bigint as n
        from (${storedRows(plan, metrics, sql`center_key in (${list(centerIds)})`)}) r
       group by center_key, metric`),
  );
  for (const r of rows) {
    const m = out.get(r.center) ?? new Map<string, number>();
    m.set(r.metric, Number(r.n));
    out.set(r.center, m);
  }
  return out;
}
