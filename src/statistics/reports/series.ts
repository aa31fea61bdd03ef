// The series report: one line per day with the metric's value (the region's sum, or the center's), the
// metric's name in the reader's language as the value's header. A day never snapshotted reads "not
// recorded", never 0. A day's value is a level, not an addition: the total lines repeat the last day's
// value. Metrics counting persons (founders, graduates, hires) are suppressed when small. Query
// checked as GET /v1/stats/series (422, scope 404: center staff their own center's per-center metrics).
import { z } from 'zod';
import type { Lang } from '../../../models/enums.ts';
import { prefectureOf, REGION_ROOT } from '../../../models/regions/codes.ts';
import type { Actor } from '../../auth/actor.ts';
import { regionName } from '../../i18n/labels.ts';
import type { Executor } from '../../resources/types.ts';
import { centersTable } from '../../../models/centers/table.ts';
import { eq } from 'drizzle-orm';
import { metricByName } from '../metrics.ts';
import { metricInfo, readSeries } from '../series.ts';
import type { ReportColumn, ReportSpec } from './spec.ts';

export const seriesReportQuery = z.object({
  metric: z.string().optional().describe('a metric name of GET /v1/stats/metrics (checked: 422)'),
  regionCode: z.string().optional().describe("the region summed (default: the caller's region, else 540000)"),
  centerId: z.string().optional().describe("one center's values (center staff: always their own)"),
  from: z.string().optional().describe('first day YYYY-MM-DD (default: 29 days before to)'),
  to: z.string().optional().describe('last day YYYY-MM-DD (default: today; not in the future: 422)'),
});
export type SeriesReportQuery = z.infer<typeof seriesReportQuery>;

/** Whether a metric counts persons (its values are suppressed when small). */
export const countsPeople = (metric: string) =>
  /founder|graduate|unemployed|incenters|hire|employee|mentor/i.test(metric);

export async function seriesReport(db: Executor, actor: Actor, q: SeriesReportQuery, lang: Lang): Promise<ReportSpec> {
  const s = await readSeries(db, actor, { ...q, metric: q.metric ?? '' });
  const info = metricInfo(metricByName(s.metric)!);
  let where = s.regionCode;
  let centerName: string | null = null;
  if (s.centerId) {
    const [c] = await db
      .select({ name: centersTable.name, regionCode: centersTable.regionCode })
      .from(centersTable)
      .where(eq(centersTable.id, s.centerId));
    where = c?.regionCode ?? where;
    centerName = c?.name ?? null;
  }
  const group = where === REGION_ROOT ? REGION_ROOT : `${prefectureOf(where)}00`;
  const columns: ReportColumn[] = [
    { key: 'day', label: 'reports2.col.day', kind: 'text' },
    {
      key: 'value',
      label: info.labels,
      kind: countsPeople(s.metric) ? 'people' : 'count',
      whenNull: 'trends.notRecorded',
    },
  ];
  const last = { day: null, value: s.points.at(-1)?.value ?? null };
  return {
    figure: 'series',
    title: 'reports2.title.series',
    filters: [
      { label: 'reports2.filter.metric', value: info.labels[lang] || info.labels.zh },
      { label: 'reports.filter.region', value: regionName(s.regionCode, lang) },
      ...(centerName ? [{ label: 'reports.filter.center' as const, value: centerName }] : []),
    ],
    asOf: `${s.from} – ${s.to}`,
    columns,
    groups: [group],
    rows: s.points.map((p) => ({ group, values: { day: p.day, value: p.value } })),
    groupTotals: { [group]: last },
    total: last,
    notes: ['reports2.note.series'],
  };
}
