// Graduates (issue 22, policy 二(六)): per graduation year, the graduate founders, those who left school
// without a job, and of those how many are in a center, have had an introduction accepted (even if it
// ended later) and are enrolled in a training; the same per prefecture. An erased founder's
// graduation year and employment facts are erased with it, so it leaves these figures.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { covers, isRegionCode, REGION_ROOT, regionPrefix } from '../../models/regions/codes.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { acceptedOnceSql } from '../engagement/ended.ts';
import { resultRows } from '../db/errors.ts';
import { notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { endOfDay, todayInShanghai } from './as-of.ts';
import type { Metric, MetricRow } from './metrics.ts';
import { sharedRead } from './shared-reads.ts';

const count = z.number().int().min(0);
export const graduateCountsSchema = z.object({
  graduates: count.describe('founders in the group graduate with this graduation year'),
  leftSchoolUnemployed: count.describe('of them, left school without a job (离校未就业)'),
  inCenters: count.describe('of those, in a center'),
  introduced: count.describe('of those, with an accepted introduction of one of their projects (even if ended since)'),
  enrolled: count.describe('of those, enrolled in a training'),
});
export type GraduateCounts = z.infer<typeof graduateCountsSchema>;

export const graduatesSchema = z.object({
  regionCode: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(graduateCountsSchema.extend({ year: z.number().int() })),
  total: graduateCountsSchema,
  prefectures: z.array(
    graduateCountsSchema.extend({
      regionCode: z.string(),
      name: z.object({ zh: z.string(), en: z.string(), bo: z.string() }),
      years: z.array(graduateCountsSchema.extend({ year: z.number().int() })),
    }),
  ),
});
export type Graduates = z.infer<typeof graduatesSchema>;

export interface GraduatesQuery {
  regionCode?: string | null;
  /** A graduation year (a number, or its digits as in a query string). */
  from?: number | string | null;
  to?: number | string | null;
}

const KEYS = ['graduates', 'leftSchoolUnemployed', 'inCenters', 'introduced', 'enrolled'] as const;
const zero = (): GraduateCounts => ({
  graduates: 0,
  leftSchoolUnemployed: 0,
  inCenters: 0,
  introduced: 0,
  enrolled: 0,
});
const add = (into: GraduateCounts, r: GraduateCounts) => {
  for (const k of KEYS) into[k] += r[k];
};

type Row = GraduateCounts & { regionCode: string; year: number };

/** Counts per region code (as stored) and graduation year, as of the end of `day`. */
export async function graduateRows(
  db: Executor,
  opts: { regionCode: string; from?: number; to?: number; day: string },
): Promise<Row[]> {
  const cutoff = endOfDay(opts.day).toISOString();
  const prefix = `${regionPrefix(opts.regionCode)}%`;
  const years =
    opts.from !== undefined && opts.to !== undefined
      ? sql`and f.graduation_year between ${opts.from} and ${opts.to}`
      : sql`and f.graduation_year is not null`;
  const accepted = acceptedOnceSql(sql`i.status`, sql`i.decided_at`);
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select f.region_code as "regionCode", f.graduation_year as year,
        count(*)::int as graduates,
        count(*) filter (where u)::int as "leftSchoolUnemployed",
        count(*) filter (where u and f.center_id is not null)::int as "inCenters",
        count(*) filter (where u and exists (
          select 1 from project_founders pf join introductions i on i.project_id = pf.project_id
          where pf.founder_id = f.id and ${accepted} and i.decided_at < ${cutoff}::timestamptz))::int as introduced,
        count(*) filter (where u and exists (
          select 1 from enrollments e where e.founder_id = f.id and e.created_at < ${cutoff}::timestamptz))::int as enrolled
      from founders f, lateral (select coalesce(f.left_school_unemployed, false) as u) lu
      where 'graduate' = any(f.groups) and f.region_code like ${prefix}
        and f.created_at < ${cutoff}::timestamptz ${years}
      group by 1, 2`),
  );
  return rows.map((r) => ({
    regionCode: String(r.regionCode),
    year: Number(r.year),
    graduates: Number(r.graduates),
    leftSchoolUnemployed: Number(r.leftSchoolUnemployed),
    inCenters: Number(r.inCenters),
    introduced: Number(r.introduced),
    enrolled: Number(r.enrolled),
  }));
}

const invalid = (path: string, message: string) =>
  unprocessable([{ path, message }], 'Invalid graduation years / 毕业年份无效');

/** Checks the query: years default to the last five (this year included), from ≤ to, at most 50 years. */
export function resolveGraduatesQuery(q: GraduatesQuery, now = new Date()) {
  const regionCode = q.regionCode || REGION_ROOT;
  if (!isRegionCode(regionCode)) throw notFound('region');
  const thisYear = Number(todayInShanghai(now).slice(0, 4));
  const year = (v: number | string | null | undefined, path: string) => {
    if (v === null || v === undefined || v === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1950 || n > 2100) throw invalid(path, 'must be a year from 1950 to 2100');
    return n;
  };
  const askedFrom = year(q.from, 'from');
  const askedTo = year(q.to, 'to');
  const to = askedTo ?? (askedFrom !== null ? Math.min(askedFrom + 4, thisYear) : thisYear);
  const from = askedFrom ?? to - 4;
  if (from > to) throw invalid('from', 'must not be after to');
  if (to - from >= 50) throw invalid('to', 'at most 50 years at once');
  return { regionCode, from, to };
}

/** The graduates figure; the caller has checked scope (resolveStatsFilter). */
export async function graduates(db: Executor, q: GraduatesQuery, now = new Date()): Promise<Graduates> {
  const { regionCode, from, to } = resolveGraduatesQuery(q, now);
  const rows = await graduateRows(db, { regionCode, from, to, day: todayInShanghai(now) });
  const yearList = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const perYear = (area: string) =>
    yearList.map((year) => {
      const c = zero();
      for (const r of rows) if (r.year === year && covers(area, r.regionCode)) add(c, r);
      return { year, ...c };
    });
  const totalOf = (ys: GraduateCounts[]) => {
    const c = zero();
    for (const y of ys) add(c, y);
    return c;
  };
  const years = perYear(regionCode);
  const prefectures = regions
    .filter((r) => r.level === 'prefecture' && (covers(regionCode, r.code) || covers(r.code, regionCode)))
    .map((r) => {
      // A county regionCode narrows its prefecture's row to that county.
      const area = covers(regionCode, r.code) ? r.code : regionCode;
      const ys = perYear(area);
      return {
        regionCode: r.code,
        name: { zh: r.nameZh, en: r.nameEn, bo: r.nameBo ?? r.nameZh },
        ...totalOf(ys),
        years: ys,
      };
    });
  return { regionCode, from, to, years, total: totalOf(years), prefectures };
}

/** The graduate series the snapshot job stores: all graduation years, per region code as stored. */
export const graduateMetrics: Metric[] = KEYS.map((key) => ({
  name: `graduates.${key}`,
  async compute(db, day, reads): Promise<MetricRow[]> {
    const m = new Map<string, number>([[REGION_ROOT, 0]]);
    const rows = await sharedRead(reads, `graduates:${day}`, () => graduateRows(db, { regionCode: REGION_ROOT, day }));
    for (const r of rows) m.set(r.regionCode, (m.get(r.regionCode) ?? 0) + r[key]);
    return [...m].map(([regionCode, value]) => ({ regionCode, centerKey: '', value }));
  },
}));
