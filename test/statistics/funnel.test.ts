// Funnels (issue 22): a random world (seeded) moved through the lifecycle by the real API and domain
// functions, compared with counts over the generator's ledger for random periods, centers and
// regions; bad input and scope through GET /v1/stats/funnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionPrefix } from '../../models/regions/codes.ts';
import { sql } from 'drizzle-orm';
import { backfill } from '../../src/statistics/backfill.ts';
import { addDays, eachDay } from '../../src/statistics/days.ts';
import { EVENT_METRICS, type Funnel, funnel, SEAT_METRICS } from '../../src/statistics/funnel.ts';
import { funnelMetrics } from '../../src/statistics/funnel-metrics.ts';
import { planPeriod } from '../../src/statistics/period-sums.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { createKey, expectProblem, ok } from '../auth/world.ts';
import { buildStatsWorld, type LedgerEvent, prng, regionAdminKey, type StatsWorld } from './world.ts';

let t: TestApp;
let w: StatsWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildStatsWorld(t, 22);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

/** The first day of the month after the month of `first` (YYYY-MM-01). */
const nextMonth = (first: string) => {
  const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** The oracle: counts over the ledger. */
function expected(q: { from: string; to: string; regionCode: string; centerId: string | null }): Funnel {
  const inScope = (e: LedgerEvent) =>
    e.day >= q.from &&
    e.day <= q.to &&
    (q.centerId ? e.centerId === q.centerId : e.regionCode.startsWith(regionPrefix(q.regionCode)));
  const n = (step: LedgerEvent['step'], kind: LedgerEvent['kind'] = '') =>
    w.ledger.filter((e) => e.step === step && e.kind === kind && inScope(e)).length;
  const trainingRegion = q.centerId ? w.centers.find((c) => c.id === q.centerId)!.regionCode : q.regionCode;
  const trainings = w.trainings.filter(
    (tr) => tr.day >= q.from && tr.day <= q.to && tr.regionCode.startsWith(regionPrefix(trainingRegion)),
  );
  const intro = (kind: 'mentor' | 'investor') => ({
    requested: n('requested', kind),
    accepted: n('accepted', kind),
    ended: n('ended', kind),
  });
  return {
    ...q,
    projects: {
      submitted: n('submitted'),
      reviewed: n('reviewed'),
      admitted: n('admitted'),
      graduated: n('graduated'),
    },
    introductions: { mentor: intro('mentor'), investor: intro('investor') },
    trainings: {
      seatsOffered: trainings.reduce((s, tr) => s + tr.seats, 0),
      seatsFilled: trainings.reduce((s, tr) => s + tr.filled, 0),
    },
  };
}

describe('funnel against the ledger', () => {
  it('the world has every kind of step (the generator works)', () => {
    for (const step of ['submitted', 'reviewed', 'admitted', 'graduated', 'requested', 'accepted', 'ended'])
      expect(w.ledger.some((e) => e.step === step)).toBe(true);
    expect(w.trainings.some((tr) => tr.filled > 0)).toBe(true);
  });

  it('equals the brute-force count for the whole year, every center, every prefecture and county', async () => {
    const from = `${w.year}-01-01`;
    const to = w.today;
    const regions = ['540000', '540100', '540200', '540300', '540102', '540103', '540600'];
    for (const regionCode of regions) {
      const q = { from, to, regionCode, centerId: null };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
    for (const c of w.centers) {
      const q = { from, to, regionCode: '540000', centerId: c.id };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
    // The year's count is not trivially zero.
    expect((await funnel(t.db, { from, to, regionCode: '540000', centerId: null })).projects.submitted).toBeGreaterThan(
      0,
    );
  });

  it('equals the brute-force count for random periods', async () => {
    const r = prng(7);
    const days = [...new Set(w.ledger.map((e) => e.day))].sort();
    for (let k = 0; k < 12; k++) {
      let [from, to] = [r.pick(days), r.pick(days)];
      if (from > to) [from, to] = [to, from];
      const centerId = r.chance(0.5) ? r.pick(w.centers).id : null;
      const regionCode = r.pick(['540000', '540100', '540102']);
      const q = { from, to, regionCode, centerId };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
  });

  it('a moved project counts for each center that took a step with it', () => {
    // The generator moved some projects: their submissions are with two centers.
    const moved = new Map<string, Set<string | null>>();
    for (const e of w.ledger.filter((e) => e.step === 'submitted'))
      moved.set(e.projectId, (moved.get(e.projectId) ?? new Set()).add(e.centerId));
    expect([...moved.values()].some((s) => s.size > 1)).toBe(true);
  });
});

describe('funnel from the daily snapshots plus today', () => {
  const year = () => ({ from: `${w.year}-01-01`, to: w.today });
  const regions = ['540000', '540100', '540102', '540600'];
  /** The recorded window: the last 45 days before today (the year's earlier days stay live: a mixed plan). */
  const first = () => [`${w.year}-01-01`, addDays(w.today, -45)].sort()[1];
  beforeAll(async () => {
    // The funnel's metrics recorded for those days, as the nightly job would have.
    if (w.today > first())
      await backfill(t.db, { from: first(), to: addDays(w.today, -1) }, { metrics: funnelMetrics });
  }, 240_000);

  it('reads the recorded days from the snapshots, the others live', async () => {
    const names = [...Object.keys(EVENT_METRICS), ...Object.values(SEAT_METRICS)];
    const plan = await planPeriod(t.db, names, year().from, w.today);
    const early: [string, string][] = first() > year().from ? [[year().from, addDays(first(), -1)]] : [];
    expect(plan.live).toEqual([...early, [w.today, w.today]]);
    expect(plan.stored).toBe(w.today > first());
    // Whole recorded months from their monthly sums, the other recorded days from their daily rows.
    const recorded = eachDay(first(), addDays(w.today, -1));
    const whole = [...new Set(recorded.map((d) => `${d.slice(0, 7)}-01`))].filter((m) =>
      eachDay(m, addDays(nextMonth(m), -1)).every((d) => recorded.includes(d)),
    );
    expect(plan.months).toEqual(whole);
    expect(plan.days).toEqual(recorded.filter((d) => !whole.includes(`${d.slice(0, 7)}-01`)));
  });

  it('equals the brute-force count for every region, center and random period', async () => {
    for (const regionCode of regions) {
      const q = { ...year(), regionCode, centerId: null };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
    for (const c of w.centers) {
      const q = { ...year(), regionCode: '540000', centerId: c.id };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
    const r = prng(11);
    const days = [...new Set(w.ledger.map((e) => e.day))].sort();
    for (let k = 0; k < 8; k++) {
      let [from, to] = [r.pick(days), r.pick(days)];
      if (from > to) [from, to] = [to, from];
      const q = { from, to, regionCode: r.pick(regions), centerId: r.chance(0.5) ? r.pick(w.centers).id : null };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    }
  });

  it('counts a day the job has not recorded live, and the stored rows are what it reads', async () => {
    const busiest = (() => {
      const n = new Map<string, number>();
      for (const e of w.ledger)
        if (e.day < w.today && e.day >= first() && e.centerId) n.set(e.day, (n.get(e.day) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
    })();
    if (!busiest) return;
    const marks = sql`metric like 'snapshot:funnel.%' and day = ${busiest}::date`;
    await t.db.execute(sql`update stat_snapshots set metric = 'held:' || metric where ${marks}`);
    try {
      const plan = await planPeriod(t.db, Object.keys(EVENT_METRICS), year().from, w.today);
      expect(plan.live).toContainEqual([busiest, busiest]);
      const q = { ...year(), regionCode: '540000', centerId: null };
      expect(await funnel(t.db, q)).toEqual(expected(q));
    } finally {
      await t.db.execute(sql`update stat_snapshots set metric = substr(metric, 6) where metric like 'held:%'`);
    }
    // A stored value changed by hand shows in the figure: the past comes from the snapshots.
    const q = { ...year(), regionCode: '540000', centerId: null };
    const before = await funnel(t.db, q);
    const bump = sql`metric = 'funnel.projectsSubmitted' and center_key = '' and day = (
      select min(day) from stat_snapshots where metric = 'funnel.projectsSubmitted' and center_key = '')
      and region_code = (select min(region_code) from stat_snapshots where metric = 'funnel.projectsSubmitted'
        and center_key = '' and day = (select min(day) from stat_snapshots where metric = 'funnel.projectsSubmitted' and center_key = ''))`;
    await t.db.execute(sql`update stat_snapshots set value = value + 1000 where ${bump}`);
    try {
      expect((await funnel(t.db, q)).projects.submitted).toBe(before.projects.submitted + 1000);
    } finally {
      await t.db.execute(sql`update stat_snapshots set value = value - 1000 where ${bump}`);
    }
    // … also inside a whole recorded month (read from its monthly sum, kept by the triggers).
    const plan = await planPeriod(t.db, Object.keys(EVENT_METRICS), year().from, w.today);
    const month = plan.months[0];
    if (!month) return;
    const inMonth = sql`metric = 'funnel.mentorRequested' and center_key = '' and day = ${addDays(month, 3)}::date
      and region_code = '540102'`;
    await t.db.execute(sql`
      insert into stat_snapshots (day, metric, region_code, center_key, value)
      values (${addDays(month, 3)}::date, 'funnel.mentorRequested', '540102', '', 0)
      on conflict do nothing`);
    await t.db.execute(sql`update stat_snapshots set value = value + 500 where ${inMonth}`);
    try {
      expect((await funnel(t.db, q)).introductions.mentor.requested).toBe(before.introductions.mentor.requested + 500);
    } finally {
      await t.db.execute(sql`update stat_snapshots set value = value - 500 where ${inMonth}`);
    }
  });
});

describe('GET /v1/stats/funnel', () => {
  it('admins read any region or center, the default period is this year to today', async () => {
    const body = await ok(t.request('GET', '/v1/stats/funnel', { key: ADMIN_KEY }));
    expect(body).toEqual(expected({ from: `${w.year}-01-01`, to: w.today, regionCode: '540000', centerId: null }));
    const c = w.centers[2];
    const one = await ok(t.request('GET', `/v1/stats/funnel?centerId=${c.id}&from=${w.year}-01-01&to=${w.today}`));
    expect(one).toEqual(expected({ from: `${w.year}-01-01`, to: w.today, regionCode: '540000', centerId: c.id }));
  });

  it('staff read their own center (by default), 404 for another one', async () => {
    const [a, b] = w.centers;
    const staff = (await createKey(t, 'center_staff', { centerId: a.id })).key;
    const own = await ok(t.request('GET', '/v1/stats/funnel', { key: staff }));
    expect(own.centerId).toBe(a.id);
    expect(own).toEqual(expected({ from: `${w.year}-01-01`, to: w.today, regionCode: '540000', centerId: a.id }));
    expectProblem(await t.request('GET', `/v1/stats/funnel?centerId=${b.id}`, { key: staff }), 404);
  });

  it('others 404; bad input 422', async () => {
    const founderKey = (await createKey(t, 'founder', { subjectId: w.founders[0].id })).key;
    expectProblem(await t.request('GET', '/v1/stats/funnel', { key: founderKey }), 404);
    const bad = [
      `from=${w.year}-05-02&to=${w.year}-05-01`,
      'to=2999-01-01',
      'from=2026-13-01',
      'from=yesterday',
      'regionCode=abc',
      'centerId=not-a-uuid',
    ];
    for (const q of bad) expectProblem(await t.request('GET', `/v1/stats/funnel?${q}`), 422);
    expectProblem(await t.request('GET', '/v1/stats/funnel?regionCode=110000'), 422);
    expectProblem(await t.request('GET', '/v1/stats/funnel?centerId=00000000-0000-7000-8000-000000000000'), 404);
  });

  it('a region_admin reads its region (the default), 404 outside it', async () => {
    const key = await regionAdminKey(t, '540100');
    const period = { from: `${w.year}-01-01`, to: w.today };
    const own = await ok(t.request('GET', '/v1/stats/funnel', { key }));
    expect(own).toEqual(expected({ ...period, regionCode: '540100', centerId: null }));
    const county = await ok(t.request('GET', '/v1/stats/funnel?regionCode=540103', { key }));
    expect(county).toEqual(expected({ ...period, regionCode: '540103', centerId: null }));
    const lhasa = w.centers[0];
    const center = await ok(t.request('GET', `/v1/stats/funnel?centerId=${lhasa.id}`, { key }));
    expect(center).toEqual(expected({ ...period, regionCode: '540100', centerId: lhasa.id }));
    expectProblem(await t.request('GET', '/v1/stats/funnel?regionCode=540200', { key }), 404);
    expectProblem(await t.request('GET', '/v1/stats/funnel?regionCode=540000', { key }), 404);
    expectProblem(await t.request('GET', `/v1/stats/funnel?centerId=${w.centers[2].id}`, { key }), 404);
  });
});
