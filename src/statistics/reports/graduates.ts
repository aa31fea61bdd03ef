// The graduates report: per prefecture sheet one line per graduation year, the prefecture's counts as
// its total, the area's as the report's total; the share of unemployed school leavers in a center
// with its numerator and denominator. Regional figure: center staff get 404.
import { z } from 'zod';
import type { Lang } from '../../../models/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import { todayInShanghai } from '../../../models/common/today.ts';
import { regionName } from '../../i18n/labels.ts';
import type { Executor } from '../../resources/types.ts';
import { type GraduateCounts, graduates } from '../graduates.ts';
import { resolveStatsFilter } from '../scope.ts';
import type { ReportColumn, ReportSpec, Values } from './spec.ts';

const year = z.coerce.number().int().min(1900).max(9999).optional();
export const graduatesReportQuery = z.object({
  regionCode: z.string().optional().describe("the area (default: the caller's region, else 540000)"),
  from: year.describe('first graduation year (default: five years up to this one)'),
  to: year.describe('last graduation year (not before from: 422)'),
});
export type GraduatesReportQuery = z.infer<typeof graduatesReportQuery>;

export const GRADUATE_COLUMNS: ReportColumn[] = [
  { key: 'year', label: 'grad.col.year', kind: 'text' },
  { key: 'graduates', label: 'grad.col.graduates', kind: 'people' },
  { key: 'introduced', label: 'grad.col.introduced', kind: 'people' },
  { key: 'enrolled', label: 'grad.col.enrolled', kind: 'people' },
  { key: 'leftSchoolUnemployed', label: 'grad.col.unemployed', kind: 'people' },
  { key: 'inCenters', label: 'grad.col.inCenters', kind: 'people' },
  {
    key: 'rate',
    label: 'reports.col.unemployedInCentersRate',
    kind: 'rate',
    numerator: 'inCenters',
    denominator: 'leftSchoolUnemployed',
  },
];

const values = (c: GraduateCounts, label: number | null): Values => ({ year: label, ...c, rate: null });

export async function graduatesReport(
  db: Executor,
  actor: Actor,
  q: GraduatesReportQuery,
  lang: Lang,
  now = new Date(),
): Promise<ReportSpec> {
  const { regionCode } = await resolveStatsFilter(db, actor, { regionCode: q.regionCode }, { centerFigures: false });
  const g = await graduates(db, { regionCode, from: q.from ?? null, to: q.to ?? null }, now);
  return {
    figure: 'graduates',
    title: 'grad.title',
    filters: [
      { label: 'reports.filter.region', value: regionName(regionCode, lang) },
      { label: 'reports.filter.years', value: `${g.from} – ${g.to}` },
    ],
    asOf: todayInShanghai(now),
    columns: GRADUATE_COLUMNS,
    groups: g.prefectures.map((p) => p.regionCode),
    rows: g.prefectures.flatMap((p) => p.years.map((y) => ({ group: p.regionCode, values: values(y, y.year) }))),
    groupTotals: Object.fromEntries(g.prefectures.map((p) => [p.regionCode, values(p, null)])),
    total: values(g.total, null),
    notes: ['reports.note.graduates'],
  };
}
