// Coverage (issue 22) over a random world: every figure of GET /v1/stats/coverage equals a brute-force
// count over the generated records (erased founders, moved founders, closed and suspended centers with
// history, missing and zero targets), live, estimated and from a snapshot; bad input; who sees what.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { covers } from '../../models/regions/codes.ts';
import { apiKeysTable, statSnapshotsTable } from '../../models/schema.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { hashKey } from '../../src/auth/keys.ts';
import { COUNTY_DEADLINE, coverageMetrics, SEAT_DEADLINE } from '../../src/statistics/coverage.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { addDays, buildWorld, operatesOn, type World } from './coverage-world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t.db, 22);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** A region_admin key bound to `regionCode`, stored the way the app stores keys (src/auth/keys.ts). */
async function regionAdminKey(regionCode: string): Promise<string> {
  const key = `sck_${randomBytes(32).toString('base64url')}`;
  await t.db
    .insert(apiKeysTable)
    .values({ keyHash: hashKey(key), prefix: key.slice(0, 8), role: 'region_admin', regionCode, label: 'test region' });
  return key;
}

const counties = regions.filter((r) => r.level === 'county');
const seatOf = (prefecture: string) => counties.find((c) => c.parentCode === prefecture && c.seat)!.code;

/** The brute-force figure of one area on `asOf` (`createdBy`: founders created on or before that day). */
function expected(area: string, asOf: string, createdBy = asOf) {
  const year = Number(asOf.slice(0, 4));
  const fs = w.founders.filter((f) => covers(area, f.regionCode) && f.createdDay <= createdBy);
  const operating = w.centers.filter((c) => covers(area, c.regionCode) && operatesOn(c, asOf));
  const byKind: Record<string, number> = {};
  for (const c of operating) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  const target = w.targets.get(`${area}:${year}`);
  const inCenters = fs.filter((f) => f.centerId !== null).length;
  const rate = target && target.potentialFounders > 0 ? inCenters / target.potentialFounders : null;
  const hasCenterOn = (code: string, day: string) => w.centers.some((c) => c.regionCode === code && operatesOn(c, day));
  const seatMet = (prefecture: string) =>
    asOf < SEAT_DEADLINE
      ? null
      : hasCenterOn(seatOf(prefecture), SEAT_DEADLINE) || hasCenterOn(prefecture, SEAT_DEADLINE);
  const countyMet = (code: string) => (asOf < COUNTY_DEADLINE ? null : hasCenterOn(code, COUNTY_DEADLINE));
  const own = counties.filter((c) => covers(area, c.code));
  const level = regions.find((r) => r.code === area)!;
  return {
    operatingCenters: operating.length,
    byKind,
    founders: fs.length,
    foundersInCenters: inCenters,
    potentialFounders: target ? target.potentialFounders : null,
    rate,
    meetsTarget: rate === null ? null : rate >= 0.5,
    target: !target ? 'missing' : target.potentialFounders > 0 ? 'set' : 'zero',
    targetCenters: target?.centers ?? null,
    countiesWithoutCenter: own.filter((c) => !hasCenterOn(c.code, asOf)).map((c) => c.code),
    countiesMissed: asOf < COUNTY_DEADLINE ? [] : own.filter((c) => !countyMet(c.code)).map((c) => c.code),
    seatMet: level.level === 'prefecture' ? seatMet(area) : level.seat ? seatMet(level.parentCode!) : undefined,
    countyMet: level.level === 'county' ? countyMet(area) : undefined,
  };
}

function expectItem(item: any, asOf: string, createdBy = asOf) {
  const e = expected(item.regionCode, asOf, createdBy);
  expect(item.operatingCenters, item.regionCode).toBe(e.operatingCenters);
  expect(item.operatingCentersByKind).toEqual(e.byKind);
  expect(item.founders, item.regionCode).toBe(e.founders);
  expect(item.foundersInCenters, item.regionCode).toBe(e.foundersInCenters);
  expect(item.potentialFounders).toBe(e.potentialFounders);
  if (e.rate === null) expect(item.rate).toBeNull();
  else expect(item.rate).toBeCloseTo(e.rate, 12);
  expect(item.meetsTarget).toBe(e.meetsTarget);
  expect(item.target).toBe(e.target);
  expect(item.targetCenters).toBe(e.targetCenters);
  if (item.level === 'prefecture') {
    expect(item.counties).toBe(counties.filter((c) => c.parentCode === item.regionCode).length);
    expect(item.countiesWithoutCenter).toEqual(e.countiesWithoutCenter);
    expect(item.countiesMissedDeadline).toEqual(e.countiesMissed);
    const seat = item.deadlines.find((d: any) => d.kind === 'seat');
    expect(seat).toMatchObject({ due: SEAT_DEADLINE, regionCode: seatOf(item.regionCode), met: e.seatMet });
    const county = item.deadlines.find((d: any) => d.kind === 'county');
    expect(county.met).toBe(asOf < COUNTY_DEADLINE ? null : e.countiesMissed.length === 0);
  } else {
    expect(item.deadlines.find((d: any) => d.kind === 'county').met).toBe(e.countyMet);
    const seat = item.deadlines.find((d: any) => d.kind === 'seat');
    if (e.seatMet === undefined) expect(seat).toBeUndefined();
    else expect(seat.met).toBe(e.seatMet);
  }
}

const get = async (query: string, key?: string | null) => t.request('GET', `/v1/stats/coverage?${query}`, { key });
const ok = async (query: string, key?: string) => {
  const res = await get(query, key);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('coverage against brute force', () => {
  it('the world is varied enough to mean something', () => {
    expect(w.founders.filter((f) => f.erased && f.centerId).length).toBeGreaterThan(0);
    expect(w.centers.filter((c) => c.history.length > 1 && !operatesOn(c, w.today)).length).toBeGreaterThan(0);
    expect([...w.targets.values()].some((x) => x.potentialFounders === 0)).toBe(true);
    const items = regions.filter((r) => r.level === 'prefecture').map((p) => expected(p.code, w.today));
    expect(items.some((i) => i.meetsTarget === true)).toBe(true);
    expect(items.some((i) => i.meetsTarget === false || i.rate === null)).toBe(true);
  });

  it('prefectures today (live), with totals and deadlines', async () => {
    const body = await ok('level=prefecture');
    expect(body).toMatchObject({
      asOf: w.today,
      level: 'prefecture',
      regionCode: '540000',
      source: 'live',
      targetRate: 0.5,
    });
    expect(body.items.map((i: any) => i.regionCode)).toEqual(
      regions.filter((r) => r.level === 'prefecture').map((r) => r.code),
    );
    for (const item of body.items) expectItem(item, w.today);
    expect(body.total.regionCode).toBe('540000');
    expect(body.total.founders).toBe(w.founders.length);
    expect(body.total.foundersInCenters).toBe(w.founders.filter((f) => f.centerId).length);
    const missedSeats = regions
      .filter((r) => r.level === 'prefecture')
      .filter((p) => expected(p.code, w.today).seatMet === false)
      .map((p) => seatOf(p.code));
    expect(body.deadlines.seat).toEqual({ due: SEAT_DEADLINE, reached: true, areas: 7, missed: missedSeats });
    expect(body.deadlines.county).toMatchObject({ due: COUNTY_DEADLINE, reached: true, areas: 74 });
    expect(body.deadlines.county.missed).toEqual(expected('540000', w.today).countiesMissed);
    expect(body.items[0].name).toEqual({ zh: '拉萨市', en: 'Lhasa', bo: 'ལྷ་ས' });
  });

  it('every county of the region, and the counties of one prefecture', async () => {
    const all = await ok('level=county');
    expect(all.items).toHaveLength(74);
    for (const item of all.items) expectItem(item, w.today);
    const shigatse = await ok('level=county&regionCode=540200');
    expect(shigatse.items.map((i: any) => i.regionCode)).toEqual(
      counties.filter((c) => c.parentCode === '540200').map((c) => c.code),
    );
    expectItem(shigatse.total, w.today);
    const one = await ok('level=county&regionCode=540102');
    expect(one.items.map((i: any) => i.regionCode)).toEqual(['540102']);
  });

  it('a past day without snapshot is estimated from the records created by then, with that year’s targets', async () => {
    for (const asOf of ['2019-03-01', '2020-07-15', addDays(w.today, -200)]) {
      const body = await ok(`level=prefecture&asOf=${asOf}`);
      expect(body.source).toBe('estimate');
      expect(body.targetYear).toBe(Number(asOf.slice(0, 4)));
      for (const item of body.items) expectItem(item, asOf);
      const counties = await ok(`level=county&asOf=${asOf}`);
      for (const item of counties.items) expectItem(item, asOf);
    }
    const before = await ok('level=prefecture&asOf=2019-01-01');
    expect(before.deadlines.seat).toMatchObject({ reached: false, missed: [] });
    expect(before.items.every((i: any) => i.deadlines.every((d: any) => d.met === null))).toBe(true);
  });

  it('a snapshotted day reads the founder counts of its snapshot', async () => {
    const day = addDays(w.today, -30);
    for (const m of coverageMetrics) {
      const rows = await m.compute(t.db, day);
      await t.db.insert(statSnapshotsTable).values(rows.map((r) => ({ day, metric: m.name, ...r })));
    }
    // A founder backdated to that day after the snapshot: an estimate would count it, the snapshot not.
    const late = await t.request('POST', '/v1/founders', {
      body: { name: '后补录创业者', groups: ['farmer_herder'], regionCode: '540102', languages: ['zh'] },
    });
    expect(late.status, late.text).toBe(201);
    await t.db.execute(
      sql`update founders set created_at = ${`${day}T12:00:00+08:00`}::timestamptz where id = ${late.body.id}`,
    );
    const body = await ok(`level=prefecture&asOf=${day}`);
    expect(body.source).toBe('snapshot');
    for (const item of body.items) expectItem(item, day);
    const counties = await ok(`level=county&asOf=${day}&regionCode=540100`);
    for (const item of counties.items) expectItem(item, day);
    // The day before was never snapshotted: estimated, and the late founder is counted from the live table.
    const other = await ok(`level=county&asOf=${addDays(day, 1)}&regionCode=540100`);
    expect(other.source).toBe('estimate');
    const chengguan = other.items.find((i: any) => i.regionCode === '540102');
    expect(chengguan.founders).toBe(expected('540102', addDays(day, 1)).founders + 1);
    await t.db.execute(sql`delete from founders where id = ${late.body.id}`);
  });

  it('the metrics are registered and sum to the figures', async () => {
    const names = METRICS.map((m) => m.name);
    for (const n of ['coverage.founders', 'coverage.foundersInCenters', 'coverage.operatingCenters'])
      expect(names).toContain(n);
    const [founders, inCenters, operating] = await Promise.all(coverageMetrics.map((m) => m.compute(t.db, w.today)));
    const sum = (rows: { regionCode: string; value: number }[], area: string) =>
      rows.filter((r) => covers(area, r.regionCode)).reduce((n, r) => n + r.value, 0);
    for (const area of ['540000', '540200', '540102', '542500']) {
      const e = expected(area, w.today);
      expect(sum(founders, area)).toBe(e.founders);
      expect(sum(inCenters, area)).toBe(e.foundersInCenters);
      expect(sum(operating, area)).toBe(e.operatingCenters);
    }
    expect(founders.every((r) => r.centerKey === '')).toBe(true);
  });
});

describe('bad input', () => {
  const problem = async (query: string, status: number, key?: string | null) => {
    const res = await get(query, key);
    expect(res.status, res.text).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return res.body;
  };
  it('a future as-of date, a malformed date, an unknown level → 422', async () => {
    expect((await problem(`asOf=${addDays(w.today, 1)}`, 422)).errors[0].path).toBe('asOf');
    expect((await problem('asOf=2024-02-30', 422)).errors[0].path).toBe('asOf');
    expect((await problem('asOf=yesterday', 422)).errors[0].path).toBe('asOf');
    expect((await problem('level=city', 422)).errors[0].path).toBe('level');
  });
  it('level=prefecture with a county → 422 saying why; an unknown region → 404', async () => {
    const body = await problem('level=prefecture&regionCode=540102', 422);
    expect(body.errors[0]).toMatchObject({ path: 'regionCode' });
    expect(body.errors[0].message).toContain('level=county');
    await problem('regionCode=549999', 404);
    await problem('regionCode=110000', 404);
    await problem('regionCode=abc', 404);
  });
  it('no key → 401; founder and center staff keys → 404', async () => {
    await problem('', 401, null);
    const founder = await t.keyFor('founder', { subjectId: w.founders.find((f) => !f.erased)!.id });
    await problem('', 404, founder);
    const staff = await t.keyFor('center_staff', { centerId: w.centers[0].id });
    await problem('', 404, staff);
  });
});

describe('a region_admin', () => {
  it('sees its prefecture only, by default and by county; elsewhere 404', async () => {
    const key = await regionAdminKey('540200');
    const own = await ok('', key);
    expect(own.regionCode).toBe('540200');
    expect(own.items.map((i: any) => i.regionCode)).toEqual(['540200']);
    expectItem(own.items[0], w.today);
    expect(own.deadlines.county.areas).toBe(counties.filter((c) => c.parentCode === '540200').length);
    const byCounty = await ok('level=county', key);
    expect(byCounty.items.every((i: any) => i.regionCode.startsWith('5402'))).toBe(true);
    expect((await get('regionCode=540100', key)).status).toBe(404);
    expect((await get('regionCode=540000', key)).status).toBe(404);
    expect((await get('level=county&regionCode=540102', key)).status).toBe(404);
    expect((await ok('level=county&regionCode=540202', key)).items).toHaveLength(1);
  });
  it('a county region_admin reads its county (level=prefecture is 422 there)', async () => {
    const key = await regionAdminKey('540102');
    const body = await ok('level=county', key);
    expect(body.items.map((i: any) => i.regionCode)).toEqual(['540102']);
    expect((await get('', key)).status).toBe(422);
    expect((await get('level=county&regionCode=540103', key)).status).toBe(404);
  });
});
