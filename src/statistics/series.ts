// Time series of a metric (issue 22): GET /v1/stats/series and the console's trends page. Past days
// are read from stat_snapshots, summed over the region's rows by code prefix (rows are stored at the
// finest level) or read for one center; today's point is computed live from the tables. A past day
// without the metric's mark (never snapshotted) is null, "not recorded", never a zero.
import { z } from 'zod';
import { isoDate } from '../../models/common/validation.ts';
import { isRegionCode, regionPrefix } from '../../models/regions/codes.ts';
import type { Actor } from '../auth/actor.ts';
import { resultRows } from '../db/errors.ts';
import { type FieldIssue, notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { addDays, eachDay, minusYears, todayInShanghai } from './days.ts';
import { METRICS, type Metric, type MetricRow, metricByName } from './metrics.ts';
import { readsStatistics, resolveStatsFilter, type StatsFilter } from './scope.ts';
import { markOf } from './marks.ts';
import { METRIC_LABELS } from './metric-labels.ts';
import { sql } from 'drizzle-orm';

/** How far back one series reaches: `from` no earlier than `to` minus this many years. */
export const MAX_SERIES_YEARS = 3;
/** The range when none is asked: the 30 days up to today. */
export const DEFAULT_SERIES_DAYS = 30;

export const seriesQuerySchema = z.object({
  metric: z.string().describe('a metric name of GET /v1/stats/metrics'),
  regionCode: z
    .string()
    .refine(isRegionCode, 'unknown region code')
    .optional()
    .describe("the region summed (default: the caller's region, 540000 for admins)"),
  centerId: z.uuid().optional().describe("one center's values (center staff: always their own)"),
  from: isoDate()
    .optional()
    .describe(`first day (default: ${DEFAULT_SERIES_DAYS - 1} days before to)`),
  to: isoDate().optional().describe('last day (default: today in Asia/Shanghai)'),
});
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

export const seriesSchema = z.object({
  metric: z.string(),
  regionCode: z.string(),
  centerId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  points: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD (Asia/Shanghai)'),
      value: z.number().nullable().describe('null: the day was never snapshotted'),
    }),
  ),
});
export type Series = z.infer<typeof seriesSchema>;

export const metricInfoSchema = z.object({
  name: z.string(),
  labels: z.object({ zh: z.string(), en: z.string(), bo: z.string() }),
  perCenter: z.boolean().describe('whether it has per-center values (centerId); false: a regional figure'),
});
export type MetricInfo = z.infer<typeof metricInfoSchema>;

/** Whether a metric has per-center rows (its own word, else metric-labels.ts, else true). */
export const isPerCenter = (m: Metric): boolean => m.perCenter ?? METRIC_LABELS[m.name]?.perCenter ?? true;

export const metricInfo = (m: Metric): MetricInfo => ({
  name: m.name,
  labels: m.labels ?? METRIC_LABELS[m.name]?.labels ?? { zh: m.name, en: m.name, bo: m.name },
  perCenter: isPerCenter(m),
});

/** The metrics the actor may read series of (all registered ones; center staff: the per-center ones). */
export function listMetrics(actor: Actor): MetricInfo[] {
  if (!readsStatistics(actor)) throw notFound('statistics');
  return METRICS.filter((m) => actor.role !== 'center_staff' || isPerCenter(m)).map(metricInfo);
}

const issuesOf = (e: z.ZodError): FieldIssue[] => e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/** The query checked (422 naming the field) and the range settled. Scope is checked separately. */
export function checkSeriesQuery(query: SeriesQuery, today = todayInShanghai()) {
  const parsed = seriesQuerySchema.safeParse(query);
  if (!parsed.success) throw unprocessable(issuesOf(parsed.error));
  const q = parsed.data;
  const metric = metricByName(q.metric);
  const issues: FieldIssue[] = [];
  if (!metric) issues.push({ path: 'metric', message: 'unknown metric (see GET /v1/stats/metrics)' });
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -(DEFAULT_SERIES_DAYS - 1));
  if (to > today) issues.push({ path: 'to', message: `must not be a future day (today is ${today} in Asia/Shanghai)` });
  if (from > today) issues.push({ path: 'from', message: 'must not be a future day' });
  else if (from > to) issues.push({ path: 'from', message: 'must not be after to' });
  else if (from < minusYears(to, MAX_SERIES_YEARS))
    issues.push({ path: 'from', message: `the range may span at most ${MAX_SERIES_YEARS} years` });
  if (metric && q.centerId && !isPerCenter(metric))
    issues.push({ path: 'centerId', message: 'this metric is a regional figure: it has no per-center values' });
  if (issues.length) throw unprocessable(issues);
  return { metric: metric!, regionCode: q.regionCode, centerId: q.centerId, from, to };
}

/** The series the actor asked for: 422 on bad input, 404 outside its scope. */
export async function readSeries(
  db: Executor,
  actor: Actor,
  query: SeriesQuery,
  today = todayInShanghai(),
): Promise<Series> {
  const q = checkSeriesQuery(query, today);
  // Center staff read per-center metrics of their own center only; a regional figure is outside their scope.
  const filter = await resolveStatsFilter(db, actor, q, { centerFigures: isPerCenter(q.metric) });
  return seriesOf(db, q.metric, filter, q.from, q.to, today);
}

/** Sums the rows of a filter: a center's rows, or the region's region-wide rows (centerKey ''). */
const inFilter = (f: StatsFilter) => {
  const prefix = regionPrefix(f.regionCode);
  return (r: MetricRow) =>
    f.centerId ? r.centerKey === f.centerId : r.centerKey === '' && r.regionCode.startsWith(prefix);
};

/** The series without checks (trusted callers: the console after its own checks, the bench). */
export async function seriesOf(
  db: Executor,
  metric: Metric,
  filter: StatsFilter,
  from: string,
  to: string,
  today = todayInShanghai(),
): Promise<Series> {
  const lastStored = to < today ? to : addDays(today, -1);
  const stored = new Map<string, number>();
  const marked = new Set<string>();
  if (from <= lastStored) {
    const where = filter.centerId
      ? sql`center_key = ${filter.centerId}`
      : sql`center_key = '' and region_code like ${`${regionPrefix(filter.regionCode)}%`}`;
    const [sums, marks] = await Promise.all([
      db.execute(sql`
        select to_char(day, 'YYYY-MM-DD') as day, sum(value)::text as value from stat_snapshots
        where metric = ${metric.name} and day between ${from}::date and ${lastStored}::date and ${where}
        group by day`),
      db.execute(sql`
        select to_char(day, 'YYYY-MM-DD') as day from stat_snapshots
        where metric = ${markOf(metric.name)} and day between ${from}::date and ${lastStored}::date`),
    ]);
    for (const r of resultRows<{ day: string; value: string }>(sums)) stored.set(r.day, Number(r.value));
    for (const r of resultRows<{ day: string }>(marks)) marked.add(r.day);
  }
  let live: number | null = null;
  if (to >= today) {
    const keep = inFilter(filter);
    live = (await metric.compute(db, today)).reduce((n, r) => (keep(r) ? n + r.value : n), 0);
  }
  const points = eachDay(from, to).map((day) => ({
    day,
    value: day === today ? live : marked.has(day) ? (stored.get(day) ?? 0) : null,
  }));
  return { metric: metric.name, regionCode: filter.regionCode, centerId: filter.centerId, from, to, points };
}
