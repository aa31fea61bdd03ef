// Graduates (issue 22) over a random world: per graduation year and prefecture, the graduates, those who
// left school without a job, and of those in a center / introduced (accepted, even if ended) / enrolled,
// equal a brute-force count; bad years are 422; a region_admin reads its region only.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { covers } from '../../models/regions/codes.ts';
import { apiKeysTable } from '../../models/schema.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { hashKey } from '../../src/auth/keys.ts';
import { graduateMetrics } from '../../src/statistics/graduates.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, type World } from './coverage-world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t.db, 2026);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

function expected(area: string, year: number | null) {
  const g = w.founders.filter(
    (f) =>
      f.graduate &&
      f.graduationYear !== null &&
      (year === null || f.graduationYear === year) &&
      covers(area, f.regionCode),
  );
  const u = g.filter((f) => f.leftSchoolUnemployed === true);
  return {
    graduates: g.length,
    leftSchoolUnemployed: u.length,
    inCenters: u.filter((f) => f.centerId).length,
    introduced: u.filter((f) => f.introduced).length,
    enrolled: u.filter((f) => f.enrolled).length,
  };
}

const get = (query: string, key?: string | null) => t.request('GET', `/v1/stats/graduates?${query}`, { key });
const ok = async (query: string, key?: string) => {
  const res = await get(query, key);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const thisYear = () => Number(w.today.slice(0, 4));

describe('graduates against brute force', () => {
  it('the world has unemployed graduates in centers, introduced and enrolled', () => {
    const all = expected('540000', null);
    expect(all.leftSchoolUnemployed).toBeGreaterThan(10);
    expect(all.inCenters).toBeGreaterThan(0);
    expect(all.introduced).toBeGreaterThan(0);
    expect(all.enrolled).toBeGreaterThan(0);
    expect(w.founders.some((f) => f.erased && f.centerId)).toBe(true);
  });

  it('the last five years by default, per year, in total and per prefecture', async () => {
    const body = await ok('');
    expect(body).toMatchObject({ regionCode: '540000', from: thisYear() - 4, to: thisYear() });
    expect(body.years.map((y: any) => y.year)).toEqual([0, 1, 2, 3, 4].map((i) => thisYear() - 4 + i));
    for (const y of body.years) expect(y).toEqual({ year: y.year, ...expected('540000', y.year) });
    const total = { graduates: 0, leftSchoolUnemployed: 0, inCenters: 0, introduced: 0, enrolled: 0 };
    for (const y of body.years) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += y[k];
    expect(body.total).toEqual(total);
    expect(body.prefectures).toHaveLength(7);
    for (const p of body.prefectures) {
      for (const y of p.years) expect(y).toEqual({ year: y.year, ...expected(p.regionCode, y.year) });
      expect(p.graduates).toBe(p.years.reduce((n: number, y: any) => n + y.graduates, 0));
    }
  });

  it('chosen years, a prefecture, a county', async () => {
    const from = thisYear() - 7;
    const body = await ok(`from=${from}&to=${thisYear() - 2}&regionCode=540100`);
    expect(body.years).toHaveLength(6);
    for (const y of body.years) expect(y).toEqual({ year: y.year, ...expected('540100', y.year) });
    expect(body.prefectures.map((p: any) => p.regionCode)).toEqual(['540100']);
    const county = await ok(`from=${from}&regionCode=540102`);
    expect(county.to).toBe(from + 4);
    for (const y of county.years) expect(y).toEqual({ year: y.year, ...expected('540102', y.year) });
    expect(county.prefectures[0].years).toEqual(county.years);
  });

  it('the metrics are registered and sum to the figures over all years', async () => {
    expect(METRICS.map((m) => m.name)).toEqual(expect.arrayContaining(graduateMetrics.map((m) => m.name)));
    const all = expected('540000', null);
    for (const m of graduateMetrics) {
      const rows = await m.compute(t.db, w.today);
      const key = m.name.split('.')[1] as keyof typeof all;
      expect(
        rows.reduce((n, r) => n + r.value, 0),
        m.name,
      ).toBe(all[key]);
      const lhasa = rows.filter((r) => covers('540100', r.regionCode)).reduce((n, r) => n + r.value, 0);
      expect(lhasa).toBe(expected('540100', null)[key]);
    }
  });
});

describe('bad input and scope', () => {
  it('from > to, a year that is not one → 422; unknown region → 404', async () => {
    for (const q of ['from=2025&to=2020', 'from=abc', 'to=20.5', 'from=1800', 'from=1960&to=2025']) {
      const res = await get(q);
      expect(res.status, q).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await get('regionCode=549999')).status).toBe(404);
  });
  it('founders, staff and no key: 404 / 401; a region_admin its region only', async () => {
    expect((await get('', null)).status).toBe(401);
    const founder = await t.keyFor('founder', { subjectId: w.founders.find((f) => !f.erased)!.id });
    expect((await get('', founder)).status).toBe(404);
    const key = `sck_${randomBytes(32).toString('base64url')}`;
    await t.db.insert(apiKeysTable).values({
      keyHash: hashKey(key),
      prefix: key.slice(0, 8),
      role: 'region_admin',
      regionCode: '542500',
      label: 'ngari',
    });
    const own = await ok('', key);
    expect(own.regionCode).toBe('542500');
    expect(own.prefectures.map((p: any) => p.regionCode)).toEqual(['542500']);
    for (const y of own.years) expect(y).toEqual({ year: y.year, ...expected('542500', y.year) });
    expect((await get('regionCode=540100', key)).status).toBe(404);
    expect(regions.some((r) => r.code === '542500')).toBe(true);
  });
});
