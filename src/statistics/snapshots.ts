// The daily snapshot (issue 22): every metric of METRICS computed for one day and stored in
// stat_snapshots, replacing that day's rows in one transaction — running a day twice leaves one row
// per (day, metric, region, center). Beside its rows each metric gets a mark, metric `snapshot:<name>`
// (region '540000', center '', value = its row count): "this day was recorded" even when the metric
// had no rows, which is how the series tells a recorded zero from a day never snapshotted.
//
// Which day: the scheduled run (00:10 Asia/Shanghai, src/statistics/schedule.ts) stores yesterday's
// closing values (`snapshotDayAt`). Metrics compute "as of the end of `day`" from the live tables.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { statSnapshotsTable } from '../../models/stat-snapshots/table.ts';
import { REGION_ROOT } from '../../models/regions/codes.ts';
import type { Db } from '../db/client.ts';
import { resultRows } from '../db/errors.ts';
import { markOf } from './marks.ts';
import { METRICS, type Metric } from './metrics.ts';
import type { SharedReads } from './shared-reads.ts';

export interface SnapshotResult {
  day: string;
  metrics: number;
  rows: number;
  ms: number;
}

const BATCH = 1000;

/**
 * Computes every metric for `day` and replaces the day's rows of those metrics. The computations run
 * in the same transaction as the writes (one consistent view of the tables for every metric), under
 * an advisory lock per day so two processes snapshotting the same day take turns instead of colliding.
 */
export async function takeSnapshot(db: Db, day: string, metrics: readonly Metric[] = METRICS): Promise<SnapshotResult> {
  const started = performance.now();
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stat_snapshots:${day}`}))`);
    const values: (typeof statSnapshotsTable.$inferInsert)[] = [];
    const reads: SharedReads = new Map();
    for (const m of metrics) {
      const computed = merge(await m.compute(tx, day, reads));
      for (const r of computed)
        values.push({ day, metric: m.name, regionCode: r.regionCode, centerKey: r.centerKey, value: r.value });
      values.push({ day, metric: markOf(m.name), regionCode: REGION_ROOT, centerKey: '', value: computed.length });
      rows += computed.length;
    }
    const names = metrics.flatMap((m) => [m.name, markOf(m.name)]);
    await tx
      .delete(statSnapshotsTable)
      .where(and(eq(statSnapshotsTable.day, day), inArray(statSnapshotsTable.metric, names)));
    for (let i = 0; i < values.length; i += BATCH)
      await tx.insert(statSnapshotsTable).values(values.slice(i, i + BATCH));
  });
  return { day, metrics: metrics.length, rows, ms: Math.round(performance.now() - started) };
}

/** Rows of the same region and center added up (a metric may emit a key twice), zeros left out. */
function merge(rows: { regionCode: string; centerKey: string; value: number }[]) {
  const byKey = new Map<string, { regionCode: string; centerKey: string; value: number }>();
  for (const r of rows) {
    const k = `${r.regionCode}\u0000${r.centerKey}`;
    const had = byKey.get(k);
    if (had) had.value += r.value;
    else byKey.set(k, { ...r });
  }
  return [...byKey.values()].filter((r) => r.value !== 0);
}

/** Whether `day` holds a mark for every registered metric (a metric added since is missing). */
export async function isRecorded(db: Db, day: string, metrics: readonly Metric[] = METRICS): Promise<boolean> {
  if (!metrics.length) return true;
  const res = await db.execute(sql`
    select count(distinct metric)::int as n from stat_snapshots
    where day = ${day} and metric in (${sql.join(
      metrics.map((m) => sql`${markOf(m.name)}`),
      sql`, `,
    )})`);
  return Number(resultRows<{ n: number }>(res)[0]?.n ?? 0) === metrics.length;
}
