// The funnel report: per prefecture sheet one line per center (its funnel: the center that took the
// step), the prefecture's own funnel as its total and the area's as the report's total (a region's
// figure also counts events of projects with no center, so the parts need not add up). One center
// asked (or center staff): that center alone. Every conversion rate sits right after its numerator,
// with its denominator just before. Projects, introductions and seats are counts of events, not of
// people: never suppressed. Query checked as GET /v1/stats/funnel (422, scope 404).
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { centersTable } from '../../../models/centers/table.ts';
import type { Lang } from '../../../models/enums.ts';
import { prefectureOf, REGION_ROOT, regionPrefix } from '../../../models/regions/codes.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import type { Actor } from '../../auth/actor.ts';
import { regionName } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { Executor } from '../../resources/types.ts';
import { type Funnel, funnel } from '../funnel.ts';
import { funnelQueryFor } from '../funnel-query.ts';
import type { ReportColumn, ReportSpec, Values } from './spec.ts';

export const funnelReportQuery = z.object({
  regionCode: z.string().optional().describe("the area (default: the caller's region, else 540000)"),
  centerId: z.string().optional().describe('one center (center staff: their own)'),
  from: z.string().optional().describe('first day YYYY-MM-DD (default: January 1st; checked as the figure: 422)'),
  to: z.string().optional().describe('last day YYYY-MM-DD (default: today; not in the future: 422)'),
});
export type FunnelReportQuery = z.infer<typeof funnelReportQuery>;

const count = (key: string, label: MessageKey): ReportColumn => ({ key, label, kind: 'count' });
const rate = (key: string, label: MessageKey, numerator: string, denominator: string): ReportColumn => ({
  key,
  label,
  kind: 'rate',
  numerator,
  denominator,
});
const intro = (k: 'mentor' | 'investor'): ReportColumn[] => [
  count(`${k}.requested`, `reports2.col.${k}.requested`),
  count(`${k}.accepted`, `reports2.col.${k}.accepted`),
  rate(`${k}.acceptedRate`, `reports2.col.${k}.acceptedRate`, `${k}.accepted`, `${k}.requested`),
  count(`${k}.ended`, `reports2.col.${k}.ended`),
  rate(`${k}.endedRate`, `reports2.col.${k}.endedRate`, `${k}.ended`, `${k}.accepted`),
];

export const FUNNEL_COLUMNS: ReportColumn[] = [
  { key: 'center', label: 'reports2.col.center', kind: 'text' },
  { key: 'region', label: 'reports2.col.region', kind: 'text' },
  count('submitted', 'reports2.col.submitted'),
  count('reviewed', 'reports2.col.reviewed'),
  rate('reviewedRate', 'reports2.col.reviewedRate', 'reviewed', 'submitted'),
  count('admitted', 'reports2.col.admitted'),
  rate('admittedRate', 'reports2.col.admittedRate', 'admitted', 'reviewed'),
  count('graduated', 'reports2.col.graduated'),
  rate('graduatedRate', 'reports2.col.graduatedRate', 'graduated', 'admitted'),
  ...intro('mentor'),
  ...intro('investor'),
  count('seatsOffered', 'reports2.col.seatsOffered'),
  count('seatsFilled', 'reports2.col.seatsFilled'),
  rate('fillRate', 'reports2.col.fillRate', 'seatsFilled', 'seatsOffered'),
];

/** One line of the report from a funnel (rates are filled by the engine). */
export function funnelValues(f: Funnel, center: string | null, regionCode: string, lang: Lang): Values {
  const v: Values = { center, region: regionName(regionCode, lang), ...f.projects, ...f.trainings };
  for (const k of ['mentor', 'investor'] as const)
    for (const [step, n] of Object.entries(f.introductions[k])) v[`${k}.${step}`] = n;
  return v;
}

const groupOf = (code: string) => (code === REGION_ROOT ? REGION_ROOT : `${prefectureOf(code)}00`);

export async function funnelReport(db: Executor, actor: Actor, q: FunnelReportQuery, lang: Lang): Promise<ReportSpec> {
  const fq = await funnelQueryFor(db, actor, q);
  const period = { from: fq.from, to: fq.to };
  const centers = await db
    .select({ id: centersTable.id, name: centersTable.name, regionCode: centersTable.regionCode })
    .from(centersTable)
    .where(
      fq.centerId
        ? eq(centersTable.id, fq.centerId)
        : sql`${centersTable.regionCode} like ${`${regionPrefix(fq.regionCode)}%`}`,
    )
    .orderBy(asc(centersTable.regionCode), asc(centersTable.name));
  const rows = [];
  for (const c of centers) {
    const f = await funnel(db, { ...period, regionCode: c.regionCode, centerId: c.id });
    rows.push({ group: groupOf(c.regionCode), values: funnelValues(f, c.name, c.regionCode, lang) });
  }
  const groupTotals: Record<string, Values> = {};
  let total: Values;
  if (fq.centerId) {
    total = rows[0]?.values ?? {};
    for (const r of rows) groupTotals[r.group] = r.values;
  } else {
    // The area's prefectures (all seven for the region; the prefecture itself, or a county's own figure).
    const isCounty = !fq.regionCode.endsWith('00');
    const whole = await funnel(db, { ...period, regionCode: fq.regionCode, centerId: null });
    total = funnelValues(whole, null, fq.regionCode, lang);
    const prefectures =
      fq.regionCode === REGION_ROOT
        ? regions.filter((r) => r.level === 'prefecture').map((r) => r.code)
        : [groupOf(fq.regionCode)];
    for (const p of prefectures)
      groupTotals[p] =
        isCounty || p === fq.regionCode
          ? total
          : funnelValues(await funnel(db, { ...period, regionCode: p, centerId: null }), null, p, lang);
  }
  return {
    figure: 'funnel',
    title: 'reports2.title.funnel',
    filters: [
      { label: 'reports.filter.region', value: regionName(fq.regionCode, lang) },
      ...(fq.centerId && centers[0] ? [{ label: 'reports.filter.center' as const, value: centers[0].name }] : []),
    ],
    asOf: `${fq.from} – ${fq.to}`,
    columns: FUNNEL_COLUMNS,
    groups: Object.keys(groupTotals),
    rows,
    groupTotals,
    total,
    notes: ['reports2.note.funnel'],
  };
}
