// A period's count of daily-additive metrics (the funnel's and the scorecard's events) from the daily
// snapshots plus what was never snapshotted (issue 22: "computed from the snapshots plus today's
// changes"). The past days recorded for every metric asked are summed from stat_snapshots; the others —
// today, and any past day the job has not recorded — are left to the caller to compute live, as a few
// runs of consecutive days. Rows are stored at the finest region (metrics.ts): a region's value sums its
// region rows (centerKey '') by code prefix, a center's reads its own rows.
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
}

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
  if (live.length > MAX_LIVE_RUNS) return { from, to, live: [[from, to]], stored: false };
  return { from, to, live, stored: recorded.size > 0 };
}

/** Whose rows: a center's own, or a region's region-wide rows (by code prefix). */
export type SnapshotScope = { centerId: string } | { regionCode: string };

/** The snapshot days of a plan, as a condition on stat_snapshots.day. */
function storedDays(plan: PeriodPlan): SQL {
  const outside = plan.live.map(([a, b]) => sql` and day not between ${a}::date and ${b}::date`);
  return sql`day between ${plan.from}::date and ${plan.to}::date${sql.join(outside, sql``)}`;
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
      select metric, sum(value)::bigint as n from stat_snapshots
       where metric in (${sql.join(
         metrics.map((m) => sql`${m}`),
         sql`, `,
       )}) and ${whose} and ${storedDays(plan)}
       group by metric`),
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
      select center_key as center, metric, sum(value)::bigint as n from stat_snapshots
       where metric in (${sql.join(
         metrics.map((m) => sql`${m}`),
         sql`, `,
       )}) and center_key in (${sql.join(
         centerIds.map((id) => sql`${id}`),
         sql`, `,
       )}) and ${storedDays(plan)}
       group by center_key, metric`),
  );
  for (const r of rows) {
    const m = out.get(r.center) ?? new Map<string, number>();
    m.set(r.metric, Number(r.n));
    out.set(r.center, m);
  }
  return out;
}
