// Coverage (issue 22, shared/API.md "Statistics"): per prefecture or county on a day, the operating
// centers, the founders and those in a center against the year's target of would-be founders (policy
// 一(三): at least 50 % in a center), the counties without a center, and the policy's deadlines (a center
// in every prefecture seat by 2019-06-30, in every county by 2021-12-31).
// Counting rules: a founder is in a center when centerId is set (erased founders counted); it belongs to
// the area of its regionCode; a center counts when center_status_history says `operating` on the day.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CENTER_KINDS } from '../../models/enums.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { regionTargetsTable } from '../../models/region-targets/table.ts';
import { covers, isRegionCode, REGION_ROOT } from '../../models/regions/codes.ts';
import { statSnapshotsTable } from '../../models/stat-snapshots/table.ts';
import { regions } from '../../seeds/reference/regions.ts';
import type { SeedRegion } from '../../seeds/reference/types.ts';
import { resultRows } from '../db/errors.ts';
import { notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { endOfDay, resolveAsOf, todayInShanghai } from './as-of.ts';
import type { Metric, MetricRow } from './metrics.ts';
import { type SharedReads, sharedRead } from './shared-reads.ts';

export const COVERAGE_LEVELS = ['prefecture', 'county'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];
/** Policy 一(三): at least half of an area's would-be founders in a center. */
export const TARGET_RATE = 0.5;
/** Policy 一(三): a center in every prefecture seat (行署所在地) by the end of June 2019 … */
export const SEAT_DEADLINE = '2019-06-30';
/** … and in every county by the end of 2021. */
export const COUNTY_DEADLINE = '2021-12-31';

const count = z.number().int().min(0);
const regionNames = z.object({ zh: z.string(), en: z.string(), bo: z.string() });

export const deadlineSchema = z.object({
  kind: z.enum(['seat', 'county']).describe('seat: 2019-06-30 for the prefecture seat; county: 2021-12-31'),
  due: z.string().describe('YYYY-MM-DD'),
  regionCode: z.string().describe('the area checked (the seat county for kind=seat)'),
  met: z
    .boolean()
    .nullable()
    .describe('a center operating on the due day (seat: in the seat county or at the prefecture code); null before it'),
});

export const coverageItemSchema = z.object({
  regionCode: z.string(),
  level: z.enum(['region', ...COVERAGE_LEVELS]),
  name: regionNames,
  operatingCenters: count,
  operatingCentersByKind: z
    .record(z.string(), count)
    .describe('operating centers per center kind (kinds with none left out)'),
  foundersInCenters: count,
  founders: count,
  potentialFounders: count.nullable().describe("the as-of year's target of would-be founders; null without a target"),
  rate: z
    .number()
    .nullable()
    .describe('foundersInCenters / potentialFounders; null without a target or for a zero target'),
  meetsTarget: z.boolean().nullable().describe('rate ≥ 0.5; null when rate is null'),
  target: z.enum(['set', 'missing', 'zero']).describe('why rate may be null: no target for the year, or a zero target'),
  targetCenters: count.nullable().describe("the year's target number of centers, when set"),
  counties: count.optional().describe('prefectures: their counties'),
  countiesWithoutCenter: z
    .array(z.string())
    .optional()
    .describe('prefectures: counties with no center operating on asOf'),
  countiesMissedDeadline: z
    .array(z.string())
    .optional()
    .describe('prefectures: counties without a center operating on 2021-12-31 (empty before)'),
  deadlines: z.array(deadlineSchema),
});
export type CoverageItem = z.infer<typeof coverageItemSchema>;

const deadlineSummary = z.object({
  due: z.string(),
  reached: z.boolean().describe('asOf is on or after the due day'),
  areas: count.describe('areas inside regionCode the deadline applies to'),
  missed: z.array(z.string()).describe('those without a center operating on the due day'),
});

export const coverageSchema = z.object({
  asOf: z.string(),
  level: z.enum(COVERAGE_LEVELS),
  regionCode: z.string(),
  targetYear: z.number().int(),
  targetRate: z.number(),
  source: z
    .enum(['live', 'snapshot', 'estimate'])
    .describe(
      "founder counts: live (today), snapshot (the day's stored snapshot), estimate (a past day without snapshot: founders created by then, with their current center)",
    ),
  items: z.array(coverageItemSchema),
  total: coverageItemSchema.describe('regionCode itself'),
  deadlines: z.object({ seat: deadlineSummary, county: deadlineSummary }),
});
export type Coverage = z.infer<typeof coverageSchema>;

export interface CoverageQuery {
  level?: string | null;
  asOf?: string | null;
  regionCode?: string | null;
}

const byCode = new Map<string, SeedRegion>(regions.map((r) => [r.code, r]));
const counties = regions.filter((r) => r.level === 'county');
/** The seat county of each prefecture. */
export const SEATS = new Map<string, string>(counties.filter((r) => r.seat).map((r) => [r.parentCode!, r.code]));
const namesOf = (r: SeedRegion) => ({ zh: r.nameZh, en: r.nameEn, bo: r.nameBo ?? r.nameZh });

/** Per region code (as stored), the centers operating on `day` by kind. */
export async function operatingCentersOn(
  db: Executor,
  day: string,
): Promise<{ regionCode: string; kind: string; n: number }[]> {
  return resultRows<{ regionCode: string; kind: string; n: number }>(
    await db.execute(sql`
      select c.region_code as "regionCode", c.kind::text as kind, count(*)::int as n
      from centers c
      join lateral (
        select h.status from center_status_history h
        where h.center_id = c.id and h.since <= ${day}::date
        order by h.since desc, h.recorded_at desc limit 1
      ) last on true
      where last.status = 'operating'
      group by 1, 2`),
  ).map((r) => ({ ...r, n: Number(r.n) }));
}

/** Per region code (as stored), founders created by the end of `day` and those of them with a center. */
export async function foundersBy(
  db: Executor,
  day: string,
): Promise<{ regionCode: string; founders: number; inCenters: number }[]> {
  const rows = await db
    .select({
      regionCode: foundersTable.regionCode,
      founders: sql<number>`count(*)::int`,
      inCenters: sql<number>`count(${foundersTable.centerId})::int`,
    })
    .from(foundersTable)
    .where(sql`${foundersTable.createdAt} < ${endOfDay(day).toISOString()}::timestamptz`)
    .groupBy(foundersTable.regionCode);
  return rows.map((r) => ({ regionCode: r.regionCode, founders: Number(r.founders), inCenters: Number(r.inCenters) }));
}

const sumCovered = (rows: Map<string, number>, area: string): number => {
  let n = 0;
  for (const [code, v] of rows) if (covers(area, code)) n += v;
  return n;
};

const METRIC_FOUNDERS = 'coverage.founders';
const METRIC_IN_CENTERS = 'coverage.foundersInCenters';
const METRIC_OPERATING = 'coverage.operatingCenters';

/** The founder counts of a day's snapshot, or null when that day was not snapshotted. */
async function snapshotFounders(db: Executor, day: string) {
  const rows = await db
    .select({
      metric: statSnapshotsTable.metric,
      regionCode: statSnapshotsTable.regionCode,
      value: statSnapshotsTable.value,
    })
    .from(statSnapshotsTable)
    .where(
      and(
        eq(statSnapshotsTable.day, day),
        eq(statSnapshotsTable.centerKey, ''),
        sql`${statSnapshotsTable.metric} in (${METRIC_FOUNDERS}, ${METRIC_IN_CENTERS})`,
      ),
    );
  if (!rows.some((r) => r.metric === METRIC_FOUNDERS)) return null;
  const founders = new Map<string, number>();
  const inCenters = new Map<string, number>();
  for (const r of rows) {
    const into = r.metric === METRIC_FOUNDERS ? founders : inCenters;
    into.set(r.regionCode, (into.get(r.regionCode) ?? 0) + Number(r.value));
  }
  return { founders, inCenters };
}

/** 422 with one field issue. */
const invalid = (path: string, message: string, detail: string) => unprocessable([{ path, message }], detail);

/** Checks the query and gives the level, the area and the day. */
export function resolveCoverageQuery(q: CoverageQuery, now = new Date()) {
  const level = (q.level ?? 'prefecture') as CoverageLevel;
  if (!COVERAGE_LEVELS.includes(level))
    throw invalid('level', 'must be prefecture or county', 'Unknown level / 未知的统计层级');
  const regionCode = q.regionCode || REGION_ROOT;
  if (!isRegionCode(regionCode)) throw notFound('region');
  const area = byCode.get(regionCode)!;
  if (level === 'prefecture' && area.level === 'county')
    throw invalid(
      'regionCode',
      'a county has no prefectures inside it: use level=county',
      'level=prefecture asks for prefectures, but regionCode is a county / 县级区域内没有地市',
    );
  return { level, regionCode, asOf: resolveAsOf(q.asOf, now) };
}

/** The coverage figure (shared/API.md "Statistics"); the caller has checked scope (resolveStatsFilter). */
export async function coverage(db: Executor, q: CoverageQuery, now = new Date()): Promise<Coverage> {
  const { level, regionCode, asOf } = resolveCoverageQuery(q, now);
  const year = Number(asOf.slice(0, 4));

  const snapshot = asOf < todayInShanghai(now) ? await snapshotFounders(db, asOf) : null;
  const founders = new Map<string, number>();
  const inCenters = new Map<string, number>();
  if (snapshot) {
    for (const [k, v] of snapshot.founders) founders.set(k, v);
    for (const [k, v] of snapshot.inCenters) inCenters.set(k, v);
  } else {
    for (const r of await foundersBy(db, asOf)) {
      founders.set(r.regionCode, r.founders);
      inCenters.set(r.regionCode, r.inCenters);
    }
  }
  const source = snapshot ? 'snapshot' : asOf === todayInShanghai(now) ? 'live' : 'estimate';

  const [operating, onSeatDay, onCountyDay, targetRows] = await Promise.all([
    operatingCentersOn(db, asOf),
    operatingCentersOn(db, SEAT_DEADLINE),
    operatingCentersOn(db, COUNTY_DEADLINE),
    db
      .select({
        regionCode: regionTargetsTable.regionCode,
        potentialFounders: regionTargetsTable.potentialFounders,
        centers: regionTargetsTable.centers,
      })
      .from(regionTargetsTable)
      .where(eq(regionTargetsTable.year, year)),
  ]);
  const targets = new Map(targetRows.map((t) => [t.regionCode, t]));
  const centersAt = (rows: { regionCode: string; n: number }[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.regionCode, (m.get(r.regionCode) ?? 0) + r.n);
    return m;
  };
  const operatingAt = centersAt(operating);
  const seatDayAt = centersAt(onSeatDay);
  const countyDayAt = centersAt(onCountyDay);
  const seatReached = asOf >= SEAT_DEADLINE;
  const countyReached = asOf >= COUNTY_DEADLINE;

  /** A prefecture's seat deadline: a center in the seat county or registered at the prefecture code itself. */
  const seatMet = (prefecture: string): boolean | null => {
    if (!seatReached) return null;
    const seat = SEATS.get(prefecture);
    return (seatDayAt.get(prefecture) ?? 0) + (seat ? (seatDayAt.get(seat) ?? 0) : 0) > 0;
  };
  const countyMet = (county: string): boolean | null => (countyReached ? (countyDayAt.get(county) ?? 0) > 0 : null);
  const countiesIn = (area: string) => counties.filter((c) => covers(area, c.code));

  const item = (r: SeedRegion): CoverageItem => {
    const byKind: Record<string, number> = {};
    for (const o of operating) if (covers(r.code, o.regionCode)) byKind[o.kind] = (byKind[o.kind] ?? 0) + o.n;
    const sortedByKind = Object.fromEntries(CENTER_KINDS.filter((k) => byKind[k]).map((k) => [k, byKind[k]]));
    const t = targets.get(r.code);
    const inC = sumCovered(inCenters, r.code);
    const rate = t && t.potentialFounders > 0 ? inC / t.potentialFounders : null;
    const out: CoverageItem = {
      regionCode: r.code,
      level: r.level as CoverageItem['level'],
      name: namesOf(r),
      operatingCenters: sumCovered(operatingAt, r.code),
      operatingCentersByKind: sortedByKind,
      foundersInCenters: inC,
      founders: sumCovered(founders, r.code),
      potentialFounders: t ? t.potentialFounders : null,
      rate,
      meetsTarget: rate === null ? null : rate >= TARGET_RATE,
      target: !t ? 'missing' : t.potentialFounders > 0 ? 'set' : 'zero',
      targetCenters: t?.centers ?? null,
      deadlines: [],
    };
    if (r.level === 'prefecture') {
      const own = countiesIn(r.code);
      out.counties = own.length;
      out.countiesWithoutCenter = own.filter((c) => !(operatingAt.get(c.code) ?? 0)).map((c) => c.code);
      out.countiesMissedDeadline = countyReached ? own.filter((c) => !countyMet(c.code)).map((c) => c.code) : [];
      const seat = SEATS.get(r.code);
      if (seat) out.deadlines.push({ kind: 'seat', due: SEAT_DEADLINE, regionCode: seat, met: seatMet(r.code) });
      out.deadlines.push({
        kind: 'county',
        due: COUNTY_DEADLINE,
        regionCode: r.code,
        met: countyReached ? out.countiesMissedDeadline.length === 0 : null,
      });
    } else if (r.level === 'county') {
      if (r.seat)
        out.deadlines.push({ kind: 'seat', due: SEAT_DEADLINE, regionCode: r.code, met: seatMet(r.parentCode!) });
      out.deadlines.push({ kind: 'county', due: COUNTY_DEADLINE, regionCode: r.code, met: countyMet(r.code) });
    }
    return out;
  };

  const inScope = regions.filter((r) => r.level === level && covers(regionCode, r.code));
  const scopeCounties = countiesIn(regionCode);
  const scopeSeats = scopeCounties.filter((c) => c.seat);
  return {
    asOf,
    level,
    regionCode,
    targetYear: year,
    targetRate: TARGET_RATE,
    source,
    items: inScope.map(item),
    total: item(byCode.get(regionCode)!),
    deadlines: {
      seat: {
        due: SEAT_DEADLINE,
        reached: seatReached,
        areas: scopeSeats.length,
        missed: seatReached ? scopeSeats.filter((c) => !seatMet(c.parentCode!)).map((c) => c.code) : [],
      },
      county: {
        due: COUNTY_DEADLINE,
        reached: countyReached,
        areas: scopeCounties.length,
        missed: countyReached ? scopeCounties.filter((c) => !countyMet(c.code)).map((c) => c.code) : [],
      },
    },
  };
}

const rowsOf = (byRegion: Map<string, number>): MetricRow[] => {
  // Always a row for the region itself, so a snapshotted day is told apart from a day never snapshotted.
  const m = new Map(byRegion);
  if (!m.has(REGION_ROOT)) m.set(REGION_ROOT, 0);
  return [...m].map(([regionCode, value]) => ({ regionCode, centerKey: '', value }));
};

/** Per region code (as stored), the centers operating on `day` (every kind): read once per snapshot run. */
export const operatingByRegion = (db: Executor, day: string, reads?: SharedReads) =>
  sharedRead(reads, `coverage.operating:${day}`, async () => {
    const m = new Map<string, number>();
    for (const r of await operatingCentersOn(db, day)) m.set(r.regionCode, (m.get(r.regionCode) ?? 0) + r.n);
    return m;
  });

const sharedFoundersBy = (db: Executor, day: string, reads?: SharedReads) =>
  sharedRead(reads, `coverage.founders:${day}`, () => foundersBy(db, day));

/** The coverage series the snapshot job stores (rows at the region code as stored; readers sum by prefix). */
export const coverageMetrics: Metric[] = [
  {
    name: METRIC_FOUNDERS,
    async compute(db, day, reads) {
      return rowsOf(new Map((await sharedFoundersBy(db, day, reads)).map((r) => [r.regionCode, r.founders])));
    },
  },
  {
    name: METRIC_IN_CENTERS,
    async compute(db, day, reads) {
      return rowsOf(new Map((await sharedFoundersBy(db, day, reads)).map((r) => [r.regionCode, r.inCenters])));
    },
  },
  {
    name: METRIC_OPERATING,
    async compute(db, day, reads) {
      return rowsOf(await operatingByRegion(db, day, reads));
    },
  },
];
