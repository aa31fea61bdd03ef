// The daily snapshot (issue 22): takeSnapshot stores every metric of a day and replaces the day's
// rows (twice → one row per key), registry.centersOperating follows the center status history
// (brute-force count over the history rows), backfill over a range and its refusals, the timer path
// (catch-up at start, then the time of day) and the BullMQ path (real Redis when TEST_REDIS_URL is set).
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerStatusHistoryTable, centersTable, statSnapshotsTable } from '../../models/schema.ts';
import { resultRows } from '../../src/db/errors.ts';
import { AppError } from '../../src/errors.ts';
import { silentLogger } from '../../src/logger.ts';
import { backfill } from '../../src/statistics/backfill.ts';
import { addDays, eachDay, snapshotDayAt, todayInShanghai } from '../../src/statistics/days.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { centersOperating } from '../../src/statistics/registry-metrics.ts';
import { markOf } from '../../src/statistics/marks.ts';
import { isRecorded, takeSnapshot } from '../../src/statistics/snapshots.ts';
import { nextRunAt, timerSnapshots } from '../../jobs/snapshots/timer.ts';
import { bullmqSnapshots, SNAPSHOT_QUEUE, SNAPSHOT_SCHEDULER_ID } from '../../jobs/snapshots/bullmq.ts';
import { ok } from '../auth/world.ts';
import { create } from '../engagement/helpers.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Centers with a history (the trigger appends a row on insert and on every status change).
  const mk = async (regionCode: string, since: string, status = 'operating') =>
    create(t, '/v1/centers', {
      name: `中心 ${randomUUID().slice(0, 6)}`,
      regionCode,
      kind: 'incubator',
      status,
      statusSince: since,
    });
  const a = await mk('540102', '2026-01-01');
  const b = await mk('540102', '2026-01-10');
  await mk('540121', '2026-01-05', 'planned');
  const d = await mk('540202', '2026-01-03');
  // b suspended from 2026-01-20 and operating again from 2026-02-01; d closed from 2026-01-15.
  const patch = (id: string, body: object) => ok(t.request('PATCH', `/v1/centers/${id}`, { body }));
  await patch(b, { status: 'suspended', statusSince: '2026-01-20' });
  await patch(b, { status: 'operating', statusSince: '2026-02-01' });
  await patch(d, { status: 'closed', statusSince: '2026-01-15' });
  void a;
});
afterAll(async () => {
  await t?.close();
});

/** registry.centersOperating by brute force: per center, its history row with the latest since ≤ day (ties: latest recorded). */
async function operatingByCounty(day: string): Promise<Record<string, number>> {
  const centers = await t.db.select().from(centersTable);
  const history = await t.db.select().from(centerStatusHistoryTable);
  const out: Record<string, number> = {};
  for (const c of centers) {
    const rows = history
      .filter((h) => h.centerId === c.id && h.since <= day)
      .sort((x, y) => (x.since === y.since ? +x.recordedAt - +y.recordedAt : x.since < y.since ? -1 : 1));
    if (rows.at(-1)?.status === 'operating') out[c.regionCode] = (out[c.regionCode] ?? 0) + 1;
  }
  return out;
}

async function storedRows(day: string, metric = centersOperating.name) {
  return t.db
    .select()
    .from(statSnapshotsTable)
    .where(and(eq(statSnapshotsTable.day, day), eq(statSnapshotsTable.metric, metric)));
}
const asMap = (rows: { regionCode: string; value: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.regionCode, r.value]));

describe('takeSnapshot', () => {
  it('stores every metric of METRICS with a mark; running the day twice leaves one row per key', async () => {
    expect(METRICS.map((m) => m.name)).toContain('registry.centersOperating');
    const day = '2026-01-25';
    const first = await takeSnapshot(t.db, day);
    const second = await takeSnapshot(t.db, day);
    expect(second.rows).toBe(first.rows);
    const dup = await t.db.execute(sql`
      select metric, region_code, center_key, count(*)::int as n from stat_snapshots where day = ${day}
      group by 1, 2, 3 having count(*) > 1`);
    expect(resultRows(dup)).toEqual([]);
    for (const m of METRICS) {
      const [mark] = await storedRows(day, markOf(m.name));
      expect(mark, m.name).toMatchObject({ regionCode: '540000', centerKey: '' });
      expect(mark!.value).toBe((await storedRows(day, m.name)).length);
    }
    expect(await isRecorded(t.db, day)).toBe(true);
    expect(await isRecorded(t.db, '2026-01-24')).toBe(false);
  });

  it.each(['2025-12-31', '2026-01-01', '2026-01-12', '2026-01-20', '2026-01-31', '2026-02-01', todayInShanghai()])(
    'registry.centersOperating on %s equals the brute-force count over the history',
    async (day) => {
      await takeSnapshot(t.db, day);
      expect(asMap(await storedRows(day))).toEqual(await operatingByCounty(day));
    },
  );

  it('a later status change replaces the day when it is snapshotted again', async () => {
    const day = '2026-02-05';
    await takeSnapshot(t.db, day);
    const before = asMap(await storedRows(day));
    const id = await create(t, '/v1/centers', {
      name: '后来的中心',
      regionCode: '540121',
      kind: 'incubator',
      statusSince: '2026-02-03',
    });
    await takeSnapshot(t.db, day);
    const after = asMap(await storedRows(day));
    expect(after['540121']).toBe((before['540121'] ?? 0) + 1);
    expect(after).toEqual(await operatingByCounty(day));
    await t.db.update(centersTable).set({ status: 'closed', statusSince: '2026-02-04' }).where(eq(centersTable.id, id));
  });
});

describe('backfill', () => {
  it('stores every day of a range, and again without duplicates', async () => {
    const days = eachDay('2026-01-08', '2026-01-16');
    const done = await backfill(t.db, { from: '2026-01-08', to: '2026-01-16' });
    expect(done.map((d) => d.day)).toEqual(days);
    await backfill(t.db, { from: '2026-01-10', to: '2026-01-12' });
    for (const day of days) {
      expect(await isRecorded(t.db, day)).toBe(true);
      expect(asMap(await storedRows(day))).toEqual(await operatingByCounty(day));
    }
  });

  it.each([
    { name: 'from after to', range: { from: '2026-01-10', to: '2026-01-09' }, path: 'from' },
    { name: 'a future day', range: { from: '2026-01-10', to: addDays(todayInShanghai(), 1) }, path: 'to' },
    { name: 'not a date', range: { from: '2026-13-01', to: '2026-01-09' }, path: 'from' },
    { name: 'missing to', range: { from: '2026-01-01' }, path: 'to' },
  ])('refuses $name (422 naming $path), storing nothing', async ({ range, path }) => {
    const before = (await t.db.select({ n: sql<number>`count(*)::int` }).from(statSnapshotsTable))[0]!.n;
    const err = await backfill(t.db, range as { from: string; to: string }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    expect(err.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(statSnapshotsTable))[0]!.n).toBe(before);
  });
});

/** stat_month_sums against the daily rows it sums: the differences (empty when equal). */
async function monthSumDrift() {
  return resultRows(
    await t.db.execute(sql`
      with daily as (
        select date_trunc('month', day)::date as month, metric, region_code, center_key, sum(value)::bigint as value
          from stat_snapshots where metric not like 'snapshot:%' group by 1, 2, 3, 4)
      select coalesce(d.metric, m.metric) as metric, d.value as daily, m.value as monthly
        from daily d full join stat_month_sums m using (month, metric, region_code, center_key)
       where coalesce(d.value, 0) <> coalesce(m.value, 0)`),
  );
}

describe('monthly sums', () => {
  it('equal the daily rows after snapshots, re-runs, hand corrections and deletions', async () => {
    await backfill(t.db, { from: '2026-02-20', to: '2026-03-03' });
    const [{ n }] = resultRows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from stat_month_sums`));
    expect(n).toBeGreaterThan(0);
    expect(await monthSumDrift()).toEqual([]);
    await takeSnapshot(t.db, '2026-02-28');
    expect(await monthSumDrift()).toEqual([]);
    // A hand correction of one day's value, and rows removed: the month follows.
    await t.db.execute(
      sql`update stat_snapshots set value = value + 7 where day = '2026-03-01' and metric = ${centersOperating.name}`,
    );
    await t.db.execute(sql`delete from stat_snapshots where day = '2026-02-21'`);
    expect(await monthSumDrift()).toEqual([]);
    // Marks are not summed.
    const marks = await t.db.execute(sql`select 1 from stat_month_sums where metric like 'snapshot:%'`);
    expect(resultRows(marks)).toEqual([]);
  });
});

/** Waits until `day` is recorded (a job or timer of another task stores it). */
async function untilRecorded(day: string) {
  const deadline = Date.now() + 30_000;
  while (!(await isRecorded(t.db, day))) {
    if (Date.now() > deadline) throw new Error(`${day} never recorded`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('scheduling', () => {
  it('nextRunAt: the next Asia/Shanghai wall-clock time, tomorrow once it passed', () => {
    const at = { hour: 0, minute: 10 };
    // 2026-03-01 23:00 Shanghai = 15:00 UTC → 2026-03-02 00:10 Shanghai = 2026-03-01 16:10 UTC.
    expect(nextRunAt(new Date('2026-03-01T15:00:00Z'), at).toISOString()).toBe('2026-03-01T16:10:00.000Z');
    // 00:10 exactly has passed (the run fires at that instant): the next is a day later.
    expect(nextRunAt(new Date('2026-03-01T16:10:00Z'), at).toISOString()).toBe('2026-03-02T16:10:00.000Z');
    expect(nextRunAt(new Date('2026-03-01T16:09:00Z'), at).toISOString()).toBe('2026-03-01T16:10:00.000Z');
    // The stored day: yesterday in Shanghai (00:10 on 2 March Shanghai → 1 March).
    expect(snapshotDayAt(new Date('2026-03-01T16:10:00Z'))).toBe('2026-03-01');
  });

  it('timer: catches up the missed yesterday at start, then snapshots the day just ended at the time of day', async () => {
    // A clock that reads 23:59:59.7 on 2026-04-10 in Shanghai now and runs on: at start yesterday
    // (2026-04-09) is missing; at midnight (at = 00:00) the timer stores 2026-04-10.
    const offset = Date.parse('2026-04-10T23:59:59.700+08:00') - Date.now();
    const timer = timerSnapshots(t.db, silentLogger, {
      at: { hour: 0, minute: 0 },
      now: () => new Date(Date.now() + offset),
    });
    await timer.ready;
    expect(await isRecorded(t.db, '2026-04-09')).toBe(true);
    await untilRecorded('2026-04-10');
    expect(asMap(await storedRows('2026-04-10'))).toEqual(await operatingByCounty('2026-04-10'));
    expect(await timer.close(10_000)).toBe(true);
  });

  it('the service boots with the scheduler of its configuration and catches up yesterday', async () => {
    const app = await startTestApp({ STATS_SNAPSHOT: 'on' });
    try {
      expect(app.service.snapshots.kind).toBe(process.env.TEST_REDIS_URL ? 'bullmq' : 'timer');
      await app.service.snapshots.ready;
      const yesterday = snapshotDayAt();
      const deadline = Date.now() + 30_000;
      while (!(await isRecorded(app.db, yesterday))) {
        if (Date.now() > deadline) throw new Error('yesterday never recorded');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await app.close();
    }
    const off = await startTestApp({ STATS_SNAPSHOT: 'off' });
    try {
      expect(off.service.snapshots.kind).toBe('off');
      expect(await isRecorded(off.db, snapshotDayAt())).toBe(false);
    } finally {
      await off.close();
    }
  });

  describe.skipIf(!process.env.TEST_REDIS_URL)('BullMQ (TEST_REDIS_URL)', () => {
    it('upserts one daily job scheduler at 00:10 Asia/Shanghai, and the catch-up job stores yesterday', async () => {
      const url = process.env.TEST_REDIS_URL!;
      const prefix = `t${randomUUID().slice(0, 8)}`;
      const yesterday = snapshotDayAt();
      await t.db.delete(statSnapshotsTable).where(eq(statSnapshotsTable.day, yesterday));
      const opts = { url, prefix, worker: true, at: { hour: 0, minute: 10 } };
      // Two processes starting together: one scheduler, one catch-up job.
      const one = bullmqSnapshots(t.db, silentLogger, opts);
      const two = bullmqSnapshots(t.db, silentLogger, { ...opts, worker: false });
      await Promise.all([one.ready, two.ready]);
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      const queue = new Queue(SNAPSHOT_QUEUE, { connection, prefix });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers).toHaveLength(1);
        expect(schedulers[0]).toMatchObject({ key: SNAPSHOT_SCHEDULER_ID, pattern: '10 0 * * *', tz: 'Asia/Shanghai' });
        await untilRecorded(yesterday);
        expect(asMap(await storedRows(yesterday))).toEqual(await operatingByCounty(yesterday));
        // The scheduler's next job is delayed to the next 00:10 in Shanghai.
        const delayed = await queue.getDelayed();
        const next = delayed.find((j) => j.repeatJobKey === SNAPSHOT_SCHEDULER_ID);
        expect(next && new Date(next.timestamp + (next.opts.delay ?? 0)).toISOString()).toBe(
          nextRunAt(new Date(), { hour: 0, minute: 10 }).toISOString(),
        );
      } finally {
        await Promise.all([one.close(10_000), two.close(10_000)]);
        await queue.obliterate({ force: true }).catch(() => {});
        await queue.close();
        connection.disconnect();
      }
    });
  });
});
