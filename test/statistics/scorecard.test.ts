// The center scorecard (issue 22) against brute-force counts over the seeded world (the generator's
// ledger, its enrolments and the outcome rows), the indicator settings (defaults, admins' PUT, score),
// the daily metrics of the snapshot job, bad input and scope.
import { sql } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { backfill } from '../../src/statistics/backfill.ts';
import { addDays } from '../../src/statistics/days.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectOutcomesTable } from '../../models/project-outcomes/table.ts';
import { projectsTable } from '../../models/projects/table.ts';
import { regionPrefix } from '../../models/regions/codes.ts';
import { funnelMetrics, scorecardMetrics } from '../../src/statistics/funnel-metrics.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { parsePeriod, type Period, scorecard } from '../../src/statistics/scorecard.ts';
import { createKey, expectProblem, ok } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildStatsWorld, regionAdminKey, type StatsWorld } from './world.ts';

let t: TestApp;
let w: StatsWorld;
let outcomes: {
  projectId: string;
  centerId: string | null;
  period: string;
  employees: number;
  graduatesHired: number;
  localHires: number;
  fundingRaisedCny: number;
}[];
beforeAll(async () => {
  t = await startTestApp();
  w = await buildStatsWorld(t, 2026);
  const projects = new Map((await t.db.select().from(projectsTable)).map((p) => [p.id, p.centerId]));
  outcomes = (await t.db.select().from(projectOutcomesTable)).map((o) => ({
    ...o,
    centerId: projects.get(o.projectId) ?? null,
  }));
}, 240_000);
afterAll(async () => {
  await t?.close();
});

/** The oracle for one center and period. */
function expectedValues(centerId: string, p: Period) {
  const inPeriod = (day: string) => day >= p.from && day <= p.to;
  const ev = w.ledger.filter((e) => e.centerId === centerId && inPeriod(e.day));
  const accepted = ev.filter((e) => e.step === 'accepted' && e.kind === 'mentor');
  const founders = new Set(w.founders.filter((f) => f.centerId === centerId).map((f) => f.id));
  const enrolments = w.enrolments.filter((e) => founders.has(e.founderId) && inPeriod(e.day)).length;
  const rows = outcomes.filter((o) => o.centerId === centerId && o.period >= p.firstMonth && o.period <= p.lastMonth);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const o of rows)
    if (!latest.has(o.projectId) || latest.get(o.projectId)!.period < o.period) latest.set(o.projectId, o);
  const sum = (k: 'employees' | 'graduatesHired' | 'localHires') => [...latest.values()].reduce((s, o) => s + o[k], 0);
  return {
    admittedProjects: ev.filter((e) => e.step === 'admitted').length,
    graduatedProjects: ev.filter((e) => e.step === 'graduated').length,
    jobsCreated: rows.length ? sum('employees') : null,
    graduatesHired: rows.length ? sum('graduatesHired') : null,
    localHires: rows.length ? sum('localHires') : null,
    mentorsEngaged: new Set(accepted.map((e) => e.targetId)).size,
    coachingActivities: accepted.length + enrolments,
    fundingRaisedCny: rows.length ? rows.reduce((s, o) => s + o.fundingRaisedCny, 0) : null,
    satisfaction: null,
  };
}

const valuesOf = (item: { values: Record<string, { value: number | null }> }) =>
  Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, v.value]));

describe('scorecard against the brute-force count', () => {
  it('every center, for the year, each quarter and some months', async () => {
    const periods = [
      w.year,
      `${w.year}-Q1`,
      `${w.year}-Q2`,
      `${w.year}-Q3`,
      `${w.year}-01`,
      `${w.year}-06`,
      w.today.slice(0, 7),
    ];
    let someOutcome = false;
    let someZero = false;
    for (const key of periods) {
      const p = parsePeriod(key);
      const card = await scorecard(t.db, { regionCode: '540000', centerId: null, period: p });
      const ids = new Set(card.items.map((i) => i.centerId));
      for (const c of w.centers) expect(ids.has(c.id)).toBe(true);
      // Every center (the seeded pilot units too); the world's are compared with the oracle.
      for (const item of card.items.filter((i) => w.centers.some((c) => c.id === i.centerId))) {
        const want = expectedValues(item.centerId, p);
        expect(valuesOf(item)).toEqual(want);
        for (const cell of Object.values(item.values)) expect(cell.notCollected).toBe(cell.value === null);
        expect(item.values.satisfaction.notCollected).toBe(true);
        if (want.jobsCreated !== null) someOutcome = true;
        if (want.jobsCreated === null && want.admittedProjects === 0) someZero = true;
        expect(item.score).toBeNull(); // no targets by default
      }
    }
    expect(someOutcome).toBe(true);
    expect(someZero).toBe(true);
  });

  it('a prefecture lists its centers only', async () => {
    const p = parsePeriod(w.year);
    const card = await scorecard(t.db, { regionCode: '540100', centerId: null, period: p });
    expect(card.items.length).toBeGreaterThan(0);
    expect(card.items.every((i) => i.regionCode.startsWith(regionPrefix('540100')))).toBe(true);
    const ids = card.items.map((i) => i.centerId);
    for (const c of w.centers) expect(ids.includes(c.id)).toBe(c.regionCode.startsWith('5401'));
  });
});

describe('scorecard from the daily snapshots plus today', () => {
  /** The last 45 days before today recorded (earlier days of the year stay live: a mixed plan). */
  const first = () => [`${w.year}-01-01`, addDays(w.today, -45)].sort()[1];
  beforeAll(async () => {
    if (w.today > first())
      await backfill(
        t.db,
        { from: first(), to: addDays(w.today, -1) },
        { metrics: [...funnelMetrics, ...scorecardMetrics] },
      );
  }, 240_000);

  it('every center equals the brute-force count for the year, this month and the last quarter', async () => {
    const periods = [w.year, w.today.slice(0, 7), `${w.year}-Q${Math.ceil(Number(w.today.slice(5, 7)) / 3)}`];
    for (const key of periods) {
      const p = parsePeriod(key);
      const card = await scorecard(t.db, { regionCode: '540000', centerId: null, period: p });
      for (const item of card.items.filter((i) => w.centers.some((c) => c.id === i.centerId)))
        expect(valuesOf(item)).toEqual(expectedValues(item.centerId, p));
    }
  });

  it('reads the stored flows: a value changed by hand shows', async () => {
    const [row] = resultRows<{ center_key: string; day: string }>(
      await t.db.execute(sql`select center_key, day::text as day from stat_snapshots
        where metric = 'scorecard.coachingActivities' and center_key <> '' order by day limit 1`),
    );
    if (!row) return;
    const p = parsePeriod(w.year);
    const read = async () =>
      (await scorecard(t.db, { regionCode: '540000', centerId: row.center_key, period: p })).items[0].values
        .coachingActivities.value;
    const before = await read();
    const which = sql`metric = 'scorecard.coachingActivities' and center_key = ${row.center_key} and day = ${row.day}::date`;
    await t.db.execute(sql`update stat_snapshots set value = value + 7 where ${which}`);
    try {
      expect(await read()).toBe((before ?? 0) + 7);
    } finally {
      await t.db.execute(sql`update stat_snapshots set value = value - 7 where ${which}`);
    }
  });
});

describe('indicators', () => {
  it('defaults, an admin sets them (audited), the score follows the targets', async () => {
    const defaults = await ok(t.request('GET', '/v1/stats/scorecard/indicators'));
    expect(defaults.items).toHaveLength(9);
    expect(defaults.items.every((i: any) => i.enabled && !i.configured && i.target === null)).toBe(true);

    const staff = (await createKey(t, 'center_staff', { centerId: w.centers[0].id })).key;
    const set = {
      items: [
        { key: 'admittedProjects', enabled: true, weight: 3, target: 12 },
        { key: 'coachingActivities', enabled: true, weight: 1, target: 4 },
        { key: 'satisfaction', enabled: false, weight: 5, target: null },
      ],
    };
    expectProblem(await t.request('PUT', '/v1/stats/scorecard/indicators', { key: staff, body: set }), 403);
    const founder = (await createKey(t, 'founder', { subjectId: w.founders[0].id })).key;
    expectProblem(await t.request('PUT', '/v1/stats/scorecard/indicators', { key: founder, body: set }), 404);
    expectProblem(await t.request('GET', '/v1/stats/scorecard/indicators', { key: founder }), 404);
    for (const bad of [
      { items: [] },
      { items: [{ key: 'nope', enabled: true, weight: 1, target: null }] },
      { items: [{ key: 'jobsCreated', enabled: true, weight: -1, target: null }] },
      { items: [{ key: 'jobsCreated', enabled: true, weight: 1, target: 0 }] },
      { items: [set.items[0], set.items[0]] },
    ])
      expectProblem(await t.request('PUT', '/v1/stats/scorecard/indicators', { body: bad }), 422);

    const saved = await ok(t.request('PUT', '/v1/stats/scorecard/indicators', { body: set }));
    expect(saved.items.find((i: any) => i.key === 'admittedProjects')).toMatchObject({
      weight: 3,
      target: 12,
      configured: true,
    });
    const staffView = await ok(t.request('GET', '/v1/stats/scorecard/indicators', { key: staff }));
    expect(staffView.items.find((i: any) => i.key === 'satisfaction').enabled).toBe(false);

    const card = await ok(t.request('GET', `/v1/stats/scorecard?period=${w.year}-Q1`));
    expect(card.indicators.map((i: any) => i.key)).not.toContain('satisfaction');
    for (const item of card.items) {
      expect(item.values.satisfaction).toBeUndefined();
      const v = expectedValues(item.centerId, parsePeriod(`${w.year}-Q1`));
      // Quarter: a quarter of the yearly targets (12 → 3, 4 → 1).
      expect(item.values.admittedProjects.target).toBe(3);
      const a = Math.min(v.admittedProjects / 3, 1);
      const c = Math.min(v.coachingActivities / 1, 1);
      expect(item.score).toBeCloseTo(Math.round(((3 * a + c) / 4) * 1000) / 10, 5);
    }
  });
});

describe('GET /v1/stats/scorecard', () => {
  it('scope: staff their center, region_admin its region; 404 outside', async () => {
    const [a, , c] = w.centers;
    const staff = (await createKey(t, 'center_staff', { centerId: a.id })).key;
    const own = await ok(t.request('GET', `/v1/stats/scorecard?period=${w.year}`, { key: staff }));
    expect(own.items.map((i: any) => i.centerId)).toEqual([a.id]);
    expect(valuesOf(own.items[0])).toMatchObject({
      admittedProjects: expectedValues(a.id, parsePeriod(w.year)).admittedProjects,
    });
    expectProblem(await t.request('GET', `/v1/stats/scorecard?centerId=${c.id}`, { key: staff }), 404);
    const ra = await regionAdminKey(t, '540200');
    const region = await ok(t.request('GET', '/v1/stats/scorecard', { key: ra }));
    expect(region.items.map((i: any) => i.centerId)).toContain(c.id);
    expect(region.items.every((i: any) => i.regionCode.startsWith('5402'))).toBe(true);
    expectProblem(await t.request('GET', `/v1/stats/scorecard?centerId=${a.id}`, { key: ra }), 404);
    expectProblem(await t.request('GET', '/v1/stats/scorecard?regionCode=540100', { key: ra }), 404);
  });

  it('bad periods are 422', async () => {
    for (const period of ['2026-Q5', '2026-13', '26', '2026-1', 'Q1', '2999', `${Number(w.year) + 1}-01`, '1999'])
      expectProblem(await t.request('GET', `/v1/stats/scorecard?period=${period}`), 422);
  });
});

describe('daily metrics', () => {
  it('are in the snapshot registry', () => {
    for (const m of [...funnelMetrics, ...scorecardMetrics]) expect(METRICS).toContain(m);
  });

  it("a day's rows equal the ledger's events of that day, per center and per region", async () => {
    const byName = new Map(funnelMetrics.map((m) => [m.name, m]));
    const days = [
      ...new Set(w.ledger.filter((e) => e.step === 'submitted' || e.step === 'accepted').map((e) => e.day)),
    ].slice(0, 6);
    for (const day of days) {
      for (const [name, step, kind] of [
        ['funnel.projectsSubmitted', 'submitted', ''],
        ['funnel.mentorAccepted', 'accepted', 'mentor'],
        ['funnel.projectsReviewed', 'reviewed', ''],
      ] as const) {
        const rows = await byName.get(name)!.compute(t.db, day);
        const ev = w.ledger.filter((e) => e.day === day && e.step === step && e.kind === kind);
        for (const c of w.centers)
          expect(rows.find((r) => r.centerKey === c.id)?.value ?? 0).toBe(ev.filter((e) => e.centerId === c.id).length);
        const regionTotal = rows.filter((r) => r.centerKey === '').reduce((s, r) => s + r.value, 0);
        expect(regionTotal).toBe(ev.length);
        for (const r of rows.filter((r) => r.centerKey === ''))
          expect(r.value).toBe(ev.filter((e) => e.regionCode === r.regionCode).length);
      }
    }
    const seats = await byName.get('funnel.seatsOffered')!.compute(t.db, w.trainings[0].day);
    expect(seats.reduce((s, r) => s + r.value, 0)).toBe(
      w.trainings.filter((tr) => tr.day === w.trainings[0].day).reduce((s, tr) => s + tr.seats, 0),
    );
  });
});
