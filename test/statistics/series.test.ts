// GET /v1/stats/series and /v1/stats/metrics (issue 22): sums of stored snapshot rows by region prefix
// (or one center's rows) equal a brute-force sum over the rows read back; a day never snapshotted is
// null; today's point is computed live; scope (admin, region_admin, center staff, others 404); bad input 422.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { foundersTable, statSnapshotsTable } from '../../models/schema.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { covers } from '../../models/regions/codes.ts';
import type { Actor } from '../../src/auth/actor.ts';
import type { Executor } from '../../src/resources/types.ts';
import { addDays, eachDay, minusYears, todayInShanghai } from '../../src/statistics/days.ts';
import { METRICS, type Metric } from '../../src/statistics/metrics.ts';
import { centersOperating } from '../../src/statistics/registry-metrics.ts';
import { isPerCenter, readSeries } from '../../src/statistics/series.ts';
import { markOf } from '../../src/statistics/marks.ts';
import { takeSnapshot } from '../../src/statistics/snapshots.ts';
import { createKey, expectProblem, founderBody, ok } from '../auth/world.ts';
import { callerFor, create, type Caller } from '../engagement/helpers.ts';
import { startTestApp, type TestApp } from '../harness.ts';

/** A per-center metric for the test only (founders per center, and per region with centerKey ''). */
const foundersMetric: Metric = {
  name: 'test.founders',
  labels: { zh: '创始人（测试）', en: 'Founders (test)', bo: 'འགོ་འཛུགས་པ། (ཚོད་ལྟ)' },
  async compute(db: Executor) {
    const rows = await db
      .select({ regionCode: foundersTable.regionCode, centerId: foundersTable.centerId, n: sql<number>`count(*)::int` })
      .from(foundersTable)
      .groupBy(foundersTable.regionCode, foundersTable.centerId);
    return rows.flatMap((r) => [
      { regionCode: r.regionCode, centerKey: '', value: r.n },
      ...(r.centerId ? [{ regionCode: r.regionCode, centerKey: r.centerId, value: r.n }] : []),
    ]);
  },
};

let t: TestApp;
let staff: Caller;
let founder: Caller;
let cA: string;
let cB: string;
const today = todayInShanghai();
const counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
const FROM = addDays(today, -40);
const UNRECORDED = new Set([addDays(today, -35), addDays(today, -20)]);

beforeAll(async () => {
  METRICS.push(foundersMetric);
  t = await startTestApp();
  cA = await create(t, '/v1/centers', { name: '序列中心A', regionCode: '540102', kind: 'incubator' });
  cB = await create(t, '/v1/centers', { name: '序列中心B', regionCode: '540202', kind: 'incubator' });
  staff = callerFor(t, (await createKey(t, 'center_staff', { centerId: cA })).key);
  const f = await create(t, '/v1/founders', founderBody('序列创始人', 'wx-series', cA));
  founder = callerFor(t, (await createKey(t, 'founder', { subjectId: f })).key);
  await create(t, '/v1/founders', founderBody('序列创始人二', 'wx-series-2', cB));
  // Random stored rows for 40 past days (two never recorded), at county, prefecture and region level.
  const rows: (typeof statSnapshotsTable.$inferInsert)[] = [];
  for (const day of eachDay(FROM, addDays(today, -1))) {
    if (UNRECORDED.has(day)) continue;
    for (const metric of [centersOperating.name, foundersMetric.name]) {
      rows.push({ day, metric: markOf(metric), regionCode: '540000', centerKey: '', value: 0 });
      for (let i = 0; i < 30; i++) {
        const code = i < 25 ? counties[randomInt(counties.length)]! : i < 28 ? '540100' : '540000';
        rows.push({ day, metric, regionCode: code, centerKey: '', value: randomInt(1, 50) });
      }
      if (metric === foundersMetric.name) {
        rows.push({ day, metric, regionCode: '540102', centerKey: cA, value: randomInt(1, 9) });
        rows.push({ day, metric, regionCode: '540202', centerKey: cB, value: randomInt(1, 9) });
      }
    }
  }
  // Random codes can repeat on a day: keep the first row of each key (the table's unique key).
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const k = `${r.day}|${r.metric}|${r.regionCode}|${r.centerKey}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  for (let i = 0; i < unique.length; i += 1000) await t.db.insert(statSnapshotsTable).values(unique.slice(i, i + 1000));
});
afterAll(async () => {
  METRICS.splice(METRICS.indexOf(foundersMetric), 1);
  await t?.close();
});

/** The brute-force series: every stored row read back, summed in JS. */
async function bruteForce(metric: Metric, regionCode: string, centerId: string | null, from: string, to: string) {
  const stored = await t.db.select().from(statSnapshotsTable);
  const live = await metric.compute(t.db, today);
  return eachDay(from, to).map((day) => {
    const pick = (r: { regionCode: string; centerKey: string }) =>
      centerId ? r.centerKey === centerId : r.centerKey === '' && covers(regionCode, r.regionCode);
    if (day === today) return { day, value: live.filter(pick).reduce((n, r) => n + r.value, 0) };
    const ofDay = stored.filter((r) => r.day === day);
    if (!ofDay.some((r) => r.metric === markOf(metric.name))) return { day, value: null };
    return { day, value: ofDay.filter((r) => r.metric === metric.name && pick(r)).reduce((n, r) => n + r.value, 0) };
  });
}

const query = (q: Record<string, string>) => `/v1/stats/series?${new URLSearchParams(q)}`;

describe('series sums', () => {
  it.each([
    { regionCode: '540000' },
    { regionCode: '540100' },
    { regionCode: '540200' },
    { regionCode: '540102' },
    { regionCode: '540121' },
  ])(
    'registry.centersOperating for $regionCode equals the brute-force sum (null where never recorded, today live)',
    async ({ regionCode }) => {
      const body = await ok(
        t.request('GET', query({ metric: centersOperating.name, regionCode, from: FROM, to: today })),
      );
      expect(body).toMatchObject({ metric: centersOperating.name, regionCode, centerId: null, from: FROM, to: today });
      expect(body.points).toEqual(await bruteForce(centersOperating, regionCode, null, FROM, today));
      expect(
        body.points.filter((p: { value: unknown }) => p.value === null).map((p: { day: string }) => p.day),
      ).toEqual([...UNRECORDED].sort());
      // Today: the centers operating now (the two of this file plus the reference data's, if any).
      expect(body.points.at(-1).value).toBe(
        (await centersOperating.compute(t.db, today))
          .filter((r) => covers(regionCode, r.regionCode))
          .reduce((n, r) => n + r.value, 0),
      );
    },
  );

  it("one center's values: its own rows only, never the region's", async () => {
    const body = await ok(t.request('GET', query({ metric: foundersMetric.name, centerId: cA, from: FROM })));
    expect(body.points).toEqual(await bruteForce(foundersMetric, '540000', cA, FROM, today));
    expect(body.points.at(-1)).toEqual({ day: today, value: 1 });
  });

  it('defaults: the 30 days up to today', async () => {
    const body = await ok(t.request('GET', query({ metric: centersOperating.name })));
    expect(body).toMatchObject({ regionCode: '540000', from: addDays(today, -29), to: today });
    expect(body.points).toHaveLength(30);
  });

  it('a snapshot taken after the fact fills a day that was null', async () => {
    const day = [...UNRECORDED][0]!;
    const before = await ok(t.request('GET', query({ metric: centersOperating.name, from: day, to: day })));
    expect(before.points).toEqual([{ day, value: null }]);
    await takeSnapshot(t.db, day);
    const after = await ok(t.request('GET', query({ metric: centersOperating.name, from: day, to: day })));
    expect(after.points).toEqual(await bruteForce(centersOperating, '540000', null, day, day));
    expect(after.points[0].value).toEqual(expect.any(Number));
    await t.db.delete(statSnapshotsTable).where(eq(statSnapshotsTable.day, day));
  });
});

describe('who reads what', () => {
  const regionAdmin = (regionCode: string): Actor => ({
    role: 'region_admin',
    keyId: null,
    subjectId: null,
    centerId: null,
    regionCode,
  });

  it('a region_admin reads its region (default) and inside it; outside is 404', async () => {
    const mine = await readSeries(t.db, regionAdmin('540100'), { metric: centersOperating.name, from: FROM });
    expect(mine.regionCode).toBe('540100');
    expect(mine.points).toEqual(await bruteForce(centersOperating, '540100', null, FROM, today));
    expect(
      (await readSeries(t.db, regionAdmin('540100'), { metric: centersOperating.name, regionCode: '540121' }))
        .regionCode,
    ).toBe('540121');
    for (const regionCode of ['540200', '540000'])
      await expect(
        readSeries(t.db, regionAdmin('540100'), { metric: centersOperating.name, regionCode }),
      ).rejects.toMatchObject({ status: 404 });
    await expect(
      readSeries(t.db, regionAdmin('540100'), { metric: foundersMetric.name, centerId: cB }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("center staff read their own center's per-center metrics; regional metrics, other centers and regions are 404", async () => {
    const own = await ok(staff.get(query({ metric: foundersMetric.name, from: FROM })));
    expect(own).toMatchObject({ centerId: cA });
    expect(own.points).toEqual(await bruteForce(foundersMetric, '540000', cA, FROM, today));
    expectProblem(await staff.get(query({ metric: centersOperating.name })), 404);
    expectProblem(await staff.get(query({ metric: foundersMetric.name, centerId: cB })), 404);
    // Staff are offered the per-center metrics only.
    const listed = await ok(staff.get('/v1/stats/metrics'));
    expect(listed.items.map((m: { name: string }) => m.name)).toEqual(METRICS.filter(isPerCenter).map((m) => m.name));
    expect(listed.items.map((m: { name: string }) => m.name)).toContain(foundersMetric.name);
    expect(listed.items.map((m: { name: string }) => m.name)).not.toContain(centersOperating.name);
  });

  it('roles that read no statistics get 404; no key 401', async () => {
    expectProblem(await founder.get(query({ metric: centersOperating.name })), 404);
    expectProblem(await founder.get('/v1/stats/metrics'), 404);
    expectProblem(await t.request('GET', '/v1/stats/metrics', { key: null }), 401);
  });

  it('GET /v1/stats/metrics lists every metric with zh/en/bo labels', async () => {
    const body = await ok(t.request('GET', '/v1/stats/metrics'));
    expect(body.items).toContainEqual({
      name: 'registry.centersOperating',
      labels: { zh: '运营中的双创中心', en: 'Operating centers', bo: expect.stringMatching(/[\u0F00-\u0FFF]/) },
      perCenter: false,
    });
    expect(body.items.map((m: { name: string }) => m.name)).toEqual(METRICS.map((m) => m.name));
  });
});

describe('bad input → 422 naming the field', () => {
  it.each([
    { name: 'no metric', q: {}, path: 'metric' },
    { name: 'unknown metric', q: { metric: 'coverage.nope' }, path: 'metric' },
    { name: 'a mark is no metric', q: { metric: markOf(centersOperating.name) }, path: 'metric' },
    { name: 'from after to', q: { from: addDays(today, -3), to: addDays(today, -5) }, path: 'from' },
    { name: 'future to', q: { to: addDays(today, 1) }, path: 'to' },
    { name: 'future from', q: { from: addDays(today, 2), to: today }, path: 'from' },
    { name: 'over 3 years', q: { from: addDays(minusYears(today, 3), -1), to: today }, path: 'from' },
    { name: 'malformed date', q: { from: '2026-02-30' }, path: 'from' },
    { name: 'not a date', q: { to: 'yesterday' }, path: 'to' },
    { name: 'unknown region', q: { regionCode: '110000' }, path: 'regionCode' },
    { name: 'centerId not a uuid', q: { centerId: 'abc' }, path: 'centerId' },
    {
      name: 'a center for a regional metric',
      q: { centerId: '01900000-0000-7000-8000-000000000000' },
      path: 'centerId',
    },
  ])('$name', async ({ q, path }) => {
    const params: Record<string, string> = { metric: centersOperating.name, ...(q as Record<string, string>) };
    if (!('metric' in q) && path === 'metric') delete params.metric;
    const r = await t.request('GET', query(params));
    expectProblem(r, 422);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('exactly 3 years is allowed', async () => {
    const body = await ok(
      t.request('GET', query({ metric: centersOperating.name, from: minusYears(today, 3), to: today })),
    );
    expect(body.points.length).toBeGreaterThan(1090);
  });

  it('an unknown center for a per-center metric is 404', async () => {
    expectProblem(
      await t.request('GET', query({ metric: foundersMetric.name, centerId: '01900000-0000-7000-8000-000000000000' })),
      404,
    );
  });
});
